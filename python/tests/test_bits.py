"""Hex bit strings (FORMAT.md sec. 2.4) against the examples of FORMAT.md and an
independent decoder, for lists and numpy arrays of +-1 and 0/1."""

import random

import pytest

import dyadcert as dc
from conftest import decode_hex_bits


def test_format_md_examples():
    assert dc.pack_bits([1, 0, 1, 1, 0, 1]) == "b4"  # 1011 01(00)
    # sign trees: J = 1 "8"; J = 2 (+1,-1,+1) "4", (-1,+1,-1) "a"; J = 3 sigma(0,0) = sigma(2,2) = -1: "84"
    assert dc.sign_tree("t", signs=[-1]).data == {"kind": "sign-tree", "levels": "1", "bits": "8"}
    assert dc.sign_tree("t", signs=[[1], [-1, 1]]).data["bits"] == "4"
    assert dc.sign_tree("t", signs=[-1, 1, -1]).data["bits"] == "a"
    assert dc.sign_tree("t", signs=[[-1], [1, 1], [1, 1, -1, 1]]).data == {"kind": "sign-tree", "levels": "3", "bits": "84"}
    assert dc.sign_tree("t", bits=[1, 0, 0, 0, 0, 1, 0]).data["bits"] == "84"
    # sign function: level 2, (+1, -1, -1, +1) -> "6"; J = 0 "0"/"8"; J = 1 one of 0 4 8 c
    assert dc.sign_function("s", signs=[1, -1, -1, 1]).data == {"kind": "sign-function", "level": "2", "bits": "6"}
    assert dc.sign_function("s", signs=[-1]).data["bits"] == "8"
    assert dc.sign_function("s", signs=[-1, -1]).data == {"kind": "sign-function", "level": "1", "bits": "c"}


def test_errors():
    with pytest.raises(ValueError, match="2\\^J - 1"):
        dc.sign_tree("t", signs=[1, 1])
    with pytest.raises(ValueError):
        dc.sign_tree("t", signs=[1, 0, 1])  # 0 is not a sign
    with pytest.raises(ValueError, match="level 1 needs 2"):
        dc.sign_tree("t", signs=[[1], [1, 1, 1]])
    with pytest.raises(TypeError):
        dc.sign_tree("t", signs=[1.0, -1.0, 1.0])
    with pytest.raises(ValueError, match="padding"):
        dc.unpack_bits("b5", 6)
    with pytest.raises(ValueError, match="hex digits"):
        dc.unpack_bits("b40", 6)
    with pytest.raises(ValueError):
        dc.unpack_bits("B4", 6)
    with pytest.raises(ValueError, match="levels = 3"):
        dc.sign_tree("t", signs=[1, 1, 1], levels=3)


def test_random_round_trips():
    rng = random.Random(5)
    for _ in range(300):
        n = rng.randint(1, 200)
        bits = [rng.randint(0, 1) for _ in range(n)]
        text = dc.pack_bits(bits)
        assert len(text) == (n + 3) // 4 and text == text.lower()
        assert decode_hex_bits(text, n) == bits
        assert dc.unpack_bits(text, n) == bits
        assert dc.pack_signs([1 - 2 * b for b in bits]) == text


def test_shipped_sign_trees_repacked():
    import json

    from conftest import SHIPPED

    seen = 0
    for path in SHIPPED:
        for name, d in json.loads(path.read_bytes()).get("objects", {}).items():
            if d["kind"] == "sign-tree":
                J = int(d["levels"])
                signs = [1 - 2 * b for b in decode_hex_bits(d["bits"], 2**J - 1)]
                levels = [signs[2**j - 1 : 2**(j + 1) - 1] for j in range(J)]
                assert dc.sign_tree(name, signs=levels).data == d
                seen += 1
    assert seen >= 3


np = pytest.importorskip("numpy")


def test_numpy_arrays():
    rng = np.random.default_rng(3)
    for J in range(1, 9):
        signs = rng.choice([-1, 1], size=2**J - 1).astype(np.int8)
        J2, text = dc.sign_tree_hex(signs=signs)
        assert J2 == J and decode_hex_bits(text, 2**J - 1) == [int(s == -1) for s in signs]
        bits01 = (signs == -1).astype(np.uint8)
        assert dc.sign_tree("t", bits=bits01).data["bits"] == text
        assert dc.sign_tree("t", bits=bits01.astype(bool)).data["bits"] == text
        vals = rng.choice([-1, 1], size=2**J)
        assert decode_hex_bits(dc.sign_function("s", signs=vals).data["bits"], 2**J) == [int(v == -1) for v in vals]
    with pytest.raises(TypeError, match="float"):
        dc.sign_tree("t", signs=np.array([1.0, -1.0, 1.0]))
