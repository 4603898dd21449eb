"""Heaviside networks: parameter codes and network_bits against hand computations from
FORMAT.md sec. 6 and against the kernel (a network-bits claim with the computed value
passes, value + 1 fails and the kernel reports the same computed value); exact
evaluation against the kernel's network-realises."""

import random
from fractions import Fraction as Fr

import pytest

import dyadcert as dc
from conftest import assert_schema_valid

np = pytest.importorskip("numpy")


@pytest.mark.parametrize("text,bits", [("sign", 1), ("int[-4,4]", 4), ("int[0,0]", 0), ("int[0,1]", 1), ("int[-1,1]", 2),
                                       ("int[5,12]", 3), ("int[0,8]", 4), ("dyadic[2,2]", 5), ("dyadic[0,0]", 1),
                                       ("dyadic[3,3]", 6), ("dyadic[10,7]", 14), ("dyadic[1000000,1000000]", 1000021)])
def test_code_lengths(text, bits):
    # 1 + B + ceil(log2(E + 1)); ceil(log2(HI - LO + 1)), FORMAT.md sec. 6
    assert dc.Code.parse(text).bits == bits
    assert dc.Code.parse(text).text == text


@pytest.mark.parametrize("bad", ["Sign", "int[01,2]", "int[ 1,2]", "int[2,1]", "dyadic[-1,2]", "derived", "dyadic[1000001,0]", "int[1,2", ""])
def test_bad_codes(bad):
    with pytest.raises(ValueError):
        dc.Code.parse(bad)


def test_dyadic_admits_brute_force():
    """dyadic[B,E] admits exactly {p / 2^e : |p| < 2^B, 0 <= e <= E} (enumerated here)."""
    for B, E in [(0, 0), (2, 2), (3, 1), (1, 3)]:
        members = {Fr(p, 2**e) for p in range(-(2**B) + 1, 2**B) for e in range(E + 1)}
        code = dc.dyadic_code(B, E)
        grid = {Fr(k, 2**(E + 2)) for k in range(-(2**(B + E + 3)), 2**(B + E + 3) + 1)} | {Fr(1, 3), Fr(-5, 6)}
        for v in grid:
            assert code.admits(v) == (v in members), (B, E, v)
    assert dc.Code.parse("dyadic[2,2]").admits(Fr(-3, 4)) and not dc.Code.parse("dyadic[2,2]").admits(Fr(1, 8))
    assert not dc.sign_code().admits(Fr(-1, 2)) and dc.sign_code().admits(-1)
    assert dc.int_code(-4, 4).admits(-4) and not dc.int_code(-4, 4).admits(5) and not dc.int_code(-4, 4).admits(Fr(1, 2))


@pytest.mark.parametrize("values,text", [
    ([1, -1], "sign"), ([1], "int[1,1]"), ([0, 1], "int[0,1]"), ([-3, 3], "int[-3,3]"), ([Fr(1, 2)], "dyadic[1,1]"),
    ([Fr(-1, 2), Fr(3, 4)], "dyadic[2,2]"), ([0], "int[0,0]"), ([-100, 100], "int[-100,100]"), ([0, 255], "int[0,255]"),
    ([1, 2**40], "int[1,1099511627776]"), ([Fr(1, 1024), 3], "dyadic[2,10]"), ([-1, 1, 1], "sign"),
    ([Fr(1, 3)], None), ([1, Fr(1, 6)], None)])
def test_smallest_code(values, text):
    code = dc.smallest_code(values)
    assert (None if code is None else code.text) == text
    if code is not None:
        assert all(code.admits(v) for v in values)
        # No other candidate family is shorter (checked by enumeration of small codes).
        for c in ["sign"] + [f"int[{a},{b}]" for a in range(-4, 5) for b in range(a, 5)] + [f"dyadic[{b},{e}]" for b in range(6) for e in range(11)]:
            other = dc.Code.parse(c)
            if all(other.admits(v) for v in values):
                assert other.bits >= code.bits, (c, code.text)


def psi_net():
    """The network of FORMAT.md sec. 4.5; its description length is 14 bits (sec. 5.13)."""
    return dc.HeavisideNetwork([
        dc.Layer([dc.Unit("heaviside", [0], [1], Fr(-1, 2), ["sign"], "dyadic[2,2]")]),
        dc.Layer([dc.Unit("linear", [0], [-2], 1, ["int[-4,4]"], "int[-4,4]")]),
    ])


def test_psi_net_bits_and_counts():
    net = psi_net()
    assert net.network_bits() == 14
    assert (net.unit_count, net.parameter_count, net.first_layer_width, net.layer_count, net.hidden_unit_count) == (2, 4, 1, 2, 1)
    assert [net.evaluate(x)[0] for x in (0, Fr(1, 4), Fr(1, 2), Fr(3, 4))] == [1, 1, -1, -1]


def test_from_numpy_float32_exact_and_auto_codes():
    w0 = np.array([[1.0], [-2.0], [0.5]], dtype=np.float32)
    b0 = np.array([-0.25, 1.5, -0.375], dtype=np.float32)
    w1 = np.array([[0.1, 1.0, 1.0]], dtype=np.float32)  # 0.1 in float32 = 13421773 / 2^27
    b1 = np.array([3.0], dtype=np.float32)
    net = dc.HeavisideNetwork.from_numpy([w0, w1], [b0, b1])
    assert net.layers[1].units[0].weights[0] == Fr(13421773, 2**27)
    # layer 0 weights {1, -2, 1/2}: dyadic[2,1] = 1 + 2 + 1 = 4 bits (no int or sign code fits)
    assert net.layers[0].weight_code.text == "dyadic[2,1]"
    # biases {-1/4, 3/2, -3/8}: numerators 1, 3, 3 -> B = 2; E = 3 -> 1 + 2 + 2 = 5 bits
    assert net.layers[0].bias_code.text == "dyadic[2,3]"
    assert net.layers[1].weight_code.text == "dyadic[24,27]"  # 13421773 < 2^24
    assert net.layers[1].bias_code.text == "int[3,3]"
    assert net.network_bits() == 3 * 4 + 3 * 5 + 3 * (1 + 24 + 5) + 0


def test_from_numpy_errors():
    with pytest.raises(ValueError, match="first layer"):
        dc.HeavisideNetwork.from_numpy([[[1]], [[1]]], [[0], [0]], activations=["linear", "linear"])
    with pytest.raises(ValueError, match="nonzero"):
        dc.HeavisideNetwork.from_numpy([[[0]], [[1]]], [[0], [0]])
    with pytest.raises(ValueError, match="no code fits"):
        dc.HeavisideNetwork.from_numpy([[[1]], [[Fr(1, 3)]]], [[0], [0]])
    net = dc.HeavisideNetwork.from_numpy([[[1]], [[Fr(1, 3)]]], [[0], [0]], codes=None)
    with pytest.raises(ValueError, match="no code"):
        net.network_bits()
    with pytest.raises(TypeError, match="allow_float"):
        dc.HeavisideNetwork.from_numpy([[[1.0]], [[1]]], [[0], [0]])
    with pytest.raises(ValueError, match="expected 2 weights"):
        dc.HeavisideNetwork.from_numpy([np.ones((2, 1)), np.ones((1, 3))], [np.zeros(2), np.zeros(1)])
    with pytest.raises(ValueError, match="does not fit"):
        dc.HeavisideNetwork.from_numpy([[[1]], [[3]]], [[0], [0]], codes=[("sign", "int[0,0]"), ("sign", "int[0,0]")]).network_bits()


DYADICS = [Fr(k, 2**e) for k in range(-6, 7) for e in range(0, 4)]


def random_network(rng, i):
    depth = rng.randint(2, 4)
    widths = [rng.randint(1, 4) for _ in range(depth - 1)] + [rng.randint(1, 2)]
    ws, bs = [], []
    prev = 1
    for l, w in enumerate(widths):
        if l == 0:
            W = np.array([[float(rng.choice([v for v in DYADICS if v != 0]))] for _ in range(w)], dtype=np.float32)
        else:
            pool = [Fr(1), Fr(-1)] if rng.random() < 0.3 else ([Fr(k) for k in range(-3, 4)] if rng.random() < 0.5 else DYADICS)
            W = np.array([[float(rng.choice(pool)) for _ in range(prev)] for _ in range(w)],
                         dtype=rng.choice([np.float32, np.float64]))
        bs.append(np.array([float(rng.choice(DYADICS)) for _ in range(w)], dtype=np.float64))
        ws.append(W)
        prev = w
    codes = "auto"
    if rng.random() < 0.3:
        codes = [(rng.choice([None, "dyadic[4,3]"]), rng.choice([None, "dyadic[5,4]", "dyadic[3,3]"])) for _ in widths]
    net = dc.HeavisideNetwork.from_numpy(ws, bs, codes=codes, drop_zero_weights=rng.random() < 0.5)
    if rng.random() < 0.5:  # a per-unit override
        unit = net.layers[-1].units[0]
        unit.weight_codes = [dc.dyadic_code(4, 3)] * len(unit.weights)
        unit.bias_code = dc.dyadic_code(3 + i % 3, 3)
    return net


def test_network_bits_against_kernel(binary, tmp_path, schema_validator):
    rng = random.Random(11)
    cert = dc.Certificate("random networks: network-bits with the computed value, and with value + 1")
    expected = {}
    for i in range(25):
        net = random_network(rng, i)
        name = f"net{i}"
        obj = cert.add(dc.heaviside_network(name, net))
        targets = [cert.add(net.step_function(f"target{i}-{d}", d)) for d in range(net.output_count)]
        n = net.network_bits()
        cert.add(net.bits_claim(f"bits{i}", obj))
        cert.add(dc.network_bits(f"bits{i}-plus-one", obj, n + 1))
        cert.add(dc.network_realises(f"realises{i}", obj, targets, net.output_count))
        expected[i] = n
    assert_schema_valid(schema_validator, cert.to_dict())
    report = cert.verify(tmp_path / "networks.dyadcert.json", binary=binary)
    for i, n in expected.items():
        ok = report.claim(f"bits{i}")
        assert ok.passed, report.summary()
        bad = report.claim(f"bits{i}-plus-one")
        assert not bad.passed
        assert bad.failure.computed == f"bits = {n}" and bad.failure.expected == f"bits = {n + 1}"
        # the step function evaluated here equals the kernel's evaluation on every piece
        assert report.claim(f"realises{i}").passed, report.summary()
    assert report.exit_code == 1


def test_missing_and_misfit_codes_fail_in_kernel_too(binary, tmp_path):
    no_codes = dc.HeavisideNetwork.from_numpy([[[1]], [[1]]], [[Fr(-1, 2)], [0]], codes=None)
    misfit = dc.HeavisideNetwork.from_numpy([[[1]], [[3]]], [[Fr(-1, 2)], [0]], codes=[("sign", "dyadic[1,1]"), ("sign", "int[0,0]")])
    for net in (no_codes, misfit):
        with pytest.raises(ValueError):
            net.network_bits()
    cert = dc.Certificate()
    cert.add(dc.heaviside_network("a", no_codes), dc.heaviside_network("b", misfit))
    cert.add(dc.network_bits("a-bits", "a", 0), dc.network_bits("b-bits", "b", 2))
    report = cert.verify(tmp_path / "codes.dyadcert.json", binary=binary)
    assert "has no code" in report.claim("a-bits").failure.reason
    assert "does not fit" in report.claim("b-bits").failure.reason


def test_staircase_step_function():
    n = 4
    net = dc.HeavisideNetwork.from_numpy([np.ones((n - 1, 1)), np.full((1, n - 1), 1 / n)], [-np.arange(1, n) / n, np.zeros(1)])
    sf = net.step_function("s")
    assert sf.data["breakpoints"] == ["0", "1/4", "1/2", "3/4", "1"]
    assert sf.data["values"] == ["0", "1/4", "1/2", "3/4"]


def test_layers_round_trip():
    data = dc.heaviside_network("p", psi_net()).data["layers"]
    again = dc.HeavisideNetwork.from_layers_data(data)
    assert again.to_layers_data() == data and again.network_bits() == 14


def test_trained_like_float32_network_against_kernel(binary, tmp_path):
    """Gaussian float32 weights (24-bit mantissas, exponents down to 2^-30 and below):
    exact conversion, auto codes, bits and the realised step functions agree with the kernel."""
    rng = np.random.default_rng(2026)
    W = [rng.standard_normal((6, 1)).astype(np.float32), rng.standard_normal((5, 6)).astype(np.float32),
         (rng.standard_normal((2, 5)) * 1e-9).astype(np.float32)]
    b = [rng.uniform(-1, 0, 6).astype(np.float32), rng.standard_normal(5).astype(np.float32),
         rng.standard_normal(2).astype(np.float32)]
    net = dc.HeavisideNetwork.from_numpy(W, b, activations=["heaviside", "heaviside", "linear"])
    # exact: the stored value is the float32 value, which float64 holds exactly
    assert net.layers[2].units[1].weights[3] == Fr(*float(W[2][1, 3]).as_integer_ratio())
    assert net.layers[1].weight_code.kind == "dyadic" and net.layers[1].weight_code.a == 24
    cert = dc.Certificate()
    n = cert.add(dc.heaviside_network("net", net))
    targets = [cert.add(net.step_function(f"t{d}", d)) for d in range(2)]
    cert.add(dc.network_realises("realises", n, targets, 2))
    cert.add(net.bits_claim("bits", n))
    cert.add(dc.network_bits("bits-minus-one", n, net.network_bits() - 1))
    report = cert.verify(tmp_path / "trained.dyadcert.json", binary=binary)
    assert report.claim("realises").passed and report.claim("bits").passed, report.summary()
    assert report.claim("bits-minus-one").failure.computed == f"bits = {net.network_bits()}"
