"""Matrices, ReLU networks and the seed-004/003 rules: exact float conversion on the ReLU
path (against an independent bit decoding), the matrix encodings (against an independent
base64 decoder), shape errors, state_dict / safetensors loading, and round trips through
the kernel in which every stated figure is computed here and a claim off by 2^-60 or
by one unit is rejected."""

import json
import os
import struct
import subprocess
import sys
from fractions import Fraction as Fr

import pytest

import dyadcert as dc
from _rebuild import decode_matrix
from conftest import PYTHON_DIR, assert_schema_valid

np = pytest.importorskip("numpy")

from test_numbers import _decode_bits, _random_patterns  # noqa: E402

TINY = Fr(1, 2**60)


def _pairs(q_rows):
    return [(q.numerator, q.denominator) for row in q_rows for q in row]


# matrices -----------------------------------------------------------------------------

def test_matrix_entries_and_dyadic_decode_to_the_same_values():
    rows = [[Fr(1, 4), Fr(-3, 4), 0], [5, 1, 2]]
    e = dc.matrix("E", rows, encoding="entries").to_dict()
    assert e["entries"] == [["1/4", "-3/4", "0"], ["5", "1", "2"]]
    d = dc.matrix("D", rows, encoding="dyadic").to_dict()
    assert d["dyadic"]["row-exponents"] == ["2", "0"] and d["dyadic"]["column-exponents"] == "0"
    w = dc.matrix("W", rows, encoding="dyadic", row_exponents=[2, 0], column_exponents=0, mantissas="wide").to_dict()
    assert w["dyadic"]["wide-mantissas"] == [["1", "-3", "0"], ["5", "1", "2"]]
    for m in (e, d, w):
        assert decode_matrix(m) == [[Fr(x) for x in row] for row in rows]
    # negative exponents: even integers factor out
    big = dc.matrix("B", [[2**70, 2**71]], encoding="dyadic").to_dict()
    assert big["dyadic"]["row-exponents"] == "-70" and "mantissas" in big["dyadic"]
    assert decode_matrix(big) == [[2**70, 2**71]]


def test_matrix_auto_picks_the_shortest_text():
    small = dc.matrix("S", [[1, 2], [3, 4]]).to_dict()
    assert "entries" in small  # "1" beats 11 base64 characters
    floats = np.array([[0.1, -0.2], [0.3, 1e-3]], dtype=np.float64)
    f = dc.matrix("F", floats).to_dict()
    assert "dyadic" in f
    assert decode_matrix(f) == [[Fr(*x.as_integer_ratio()) for x in row] for row in floats.tolist()]
    texts = [len(dc.canonical_text(dc.matrix("F", floats, encoding=enc).to_dict())) for enc in ("entries", "dyadic")]
    assert len(dc.canonical_text(f)) <= min(texts)


def test_matrix_wide_when_a_mantissa_needs_64_bits():
    m = dc.matrix("M", [[2**63 - 1, -(2**63 - 1)]], encoding="dyadic").to_dict()
    assert "mantissas" in m["dyadic"]
    m = dc.matrix("M", [[2**63 + 1, 1]], encoding="dyadic").to_dict()
    assert m["dyadic"]["wide-mantissas"] == [[str(2**63 + 1), "1"]]
    with pytest.raises(ValueError, match="2\\^63"):
        dc.matrix("M", [[-(2**63) - 1]], encoding="dyadic", mantissas="base64")
    # -2^63 itself is not allowed in base64 either (the kernel refuses it)
    assert "wide-mantissas" in dc.matrix("M", [[-(2**63)]], encoding="dyadic", row_exponents=0,
                                         column_exponents=0).to_dict()["dyadic"]
    assert dc.matrix("M", [[-(2**63)]], encoding="dyadic").to_dict()["dyadic"]["row-exponents"] == "-63"


def test_matrix_errors():
    with pytest.raises(ValueError, match="not dyadic"):
        dc.matrix("M", [[Fr(1, 3)]], encoding="dyadic")
    assert dc.matrix("M", [[Fr(1, 3)]]).to_dict()["entries"] == [["1/3"]]
    with pytest.raises(ValueError, match="not an integer"):
        dc.matrix("M", [[Fr(1, 8)]], encoding="dyadic", row_exponents=2, column_exponents=0)
    with pytest.raises(ValueError, match="row 1 has 1 entries"):
        dc.matrix("M", [[1, 2], [3]])
    with pytest.raises(ValueError, match="2-D"):
        dc.matrix("M", np.zeros(3))
    with pytest.raises(TypeError, match="the float 0.5"):
        dc.matrix("M", [[0.5]])
    with pytest.raises(ValueError, match="sha256"):
        dc.matrix("M", [[1]], sha256="ABC")
    with pytest.raises(ValueError, match="inf and nan"):
        dc.matrix("M", np.array([[np.inf]]))
    assert dc.matrix("Z", np.zeros((0, 3))).to_dict() == {"kind": "matrix", "rows": "0", "columns": "3", "entries": []}
    with pytest.raises(ValueError, match="expected 2 exponents"):
        dc.matrix("M", [[1], [2]], encoding="dyadic", row_exponents=[0], column_exponents=0)


@pytest.mark.parametrize("bits", [32, 64])
def test_relu_weights_are_the_floats_exactly(bits):
    """50,000 random float32 and 50,000 float64 bit patterns (subnormals, zeros, extremes)
    as the four matrices of a ReLU network: the certificate's matrices decode
    (independently) to exactly the floats' values."""
    rng = np.random.default_rng(11 + bits)
    ftype, ebits, mbits = (np.float32, 8, 23) if bits == 32 else (np.float64, 11, 52)
    patterns = _random_patterns(rng, 150_000, bits)
    values = patterns.view(ftype)
    expected = [_decode_bits(u, ebits, mbits) for u in patterns.tolist()]
    keep = np.array([e is not None for e in expected])
    values = values[keep][:50_000]
    want = [e for e in expected if e is not None][:50_000]
    K, d, D = 2500, 16, 3  # K d + K + D K + D = 50,003
    W = values[: K * d].reshape(K, d)
    b = values[K * d: K * d + K]
    V = values[K * d + K: K * d + K + D * K].reshape(D, K)
    c = np.concatenate([values[K * d + K + D * K:], np.zeros(D, ftype)])[:D]
    net = dc.ReluNetwork.from_numpy(W, b, V, c)
    objs = net.objects("net")
    got = []
    for o in objs[:4]:
        got += _pairs(decode_matrix(o.to_dict()))
    n = K * d + K + D * K
    assert len(want) == 50_000 and n >= 50_000 - D
    assert got[:n] == want[:n]
    assert any("dyadic" in o.to_dict() for o in objs[:4])
    assert any(0 < abs(Fr(*p)) < Fr(2) ** (2 - (1 << (ebits - 1))) for p in got)  # subnormals present


def test_relu_network_shape_errors():
    W, b, V, c = np.ones((3, 2)), np.zeros(3), np.ones((2, 3)), np.zeros(2)
    net = dc.ReluNetwork.from_numpy(W, b, V, c)
    assert (net.units, net.input_dimension, net.output_dimension) == (3, 2, 2)
    with pytest.raises(ValueError, match="biases: expected 3 biases"):
        dc.ReluNetwork.from_numpy(W, np.zeros(2), V, c)
    with pytest.raises(ValueError, match="output_weights: expected a D x 3"):
        dc.ReluNetwork.from_numpy(W, b, np.ones((2, 2)), c)
    with pytest.raises(ValueError, match="output_bias: expected 2 biases"):
        dc.ReluNetwork.from_numpy(W, b, V, np.zeros(3))
    with pytest.raises(ValueError, match="input_weights: expected a 2-D"):
        dc.ReluNetwork.from_numpy(np.ones(3), b, V, c)
    with pytest.raises(ValueError, match="at least one unit|expected 0 biases"):
        dc.ReluNetwork.from_numpy(np.ones((0, 2)), np.zeros(0), np.ones((2, 0)), c)


# state_dict and safetensors -------------------------------------------------------------

def _linear_state(rng, d=2, K=4, D=2, dtype=np.float32):
    return {"0.weight": rng.normal(size=(K, d)).astype(dtype), "0.bias": rng.normal(size=K).astype(dtype),
            "2.weight": rng.normal(size=(D, K)).astype(dtype), "2.bias": rng.normal(size=D).astype(dtype)}


def test_from_state_dict_of_arrays():
    rng = np.random.default_rng(1)
    sd = _linear_state(rng)
    net = dc.ReluNetwork.from_state_dict(sd)
    assert net.W == [[Fr(*float(x).as_integer_ratio()) for x in row] for row in sd["0.weight"].tolist()]
    assert net.c == [Fr(*float(x).as_integer_ratio()) for x in sd["2.bias"].tolist()]
    named = dc.ReluNetwork.from_state_dict({"fc1.weight": sd["0.weight"], "fc1.bias": sd["0.bias"],
                                            "fc2.weight": sd["2.weight"], "fc2.bias": sd["2.bias"], "extra": np.zeros(1)},
                                           layers=("fc1", "fc2"))
    assert named.V == net.V
    with pytest.raises(ValueError, match="two weight tensors"):
        dc.ReluNetwork.from_state_dict({**sd, "4.weight": np.ones((1, 2))})
    with pytest.raises(KeyError, match="fc3.bias"):
        dc.ReluNetwork.from_state_dict(sd, layers=("0", "fc3"))


def _write_safetensors(path, tensors):
    """A .safetensors file written here from raw little-endian bytes (dtype, shape, bytes)."""
    header, blobs, offset = {}, [], 0
    for name, (dtype, shape, raw) in tensors.items():
        header[name] = {"dtype": dtype, "shape": list(shape), "data_offsets": [offset, offset + len(raw)]}
        blobs.append(raw)
        offset += len(raw)
    h = json.dumps(header).encode()
    path.write_bytes(struct.pack("<Q", len(h)) + h + b"".join(blobs))


def _bf16_value(h):
    """The value of a bfloat16 bit pattern, decoded by the format's definition."""
    sign = -1 if h >> 15 else 1
    e, m = (h >> 7) & 0xFF, h & 0x7F
    if e == 0:
        return sign * Fr(m, 2**7) * Fr(2) ** -126
    return sign * (1 + Fr(m, 2**7)) * Fr(2) ** (e - 127)


def test_safetensors_reader_bfloat16_float16_exact(tmp_path):
    rng = np.random.default_rng(2)
    K, d, D = 5, 3, 2
    halves = [int(x) for x in rng.integers(0, 1 << 16, size=K * d + K + D * K + D)]
    halves = [h if ((h >> 7) & 0xFF) != 0xFF else h & ~(1 << 14) for h in halves]  # no inf / nan
    halves[:4] = [0x0001, 0x8001, 0x0000, 0x8000]  # subnormals and both zeros
    raw = struct.pack(f"<{len(halves)}H", *halves)
    f16 = np.array([0.1, -65504.0, 6e-8, 1.0, 2.0], dtype=np.float16)
    path = tmp_path / "bf16.safetensors"
    cut = [0, K * d, K * d + K, K * d + K + D * K, len(halves)]
    parts = [raw[2 * a:2 * b] for a, b in zip(cut, cut[1:])]
    _write_safetensors(path, {"l1.weight": ("BF16", (K, d), parts[0]), "l1.bias": ("BF16", (K,), parts[1]),
                              "l2.weight": ("BF16", (D, K), parts[2]), "l2.bias": ("BF16", (D,), parts[3]),
                              "h": ("F16", (5,), f16.tobytes())})
    net = dc.ReluNetwork.from_safetensors(str(path), layers=("l1", "l2"))
    flat = [x for row in net.W for x in row] + net.b + [x for row in net.V for x in row] + net.c
    assert flat == [_bf16_value(h) for h in halves]
    assert dc.load_safetensors(str(path), ["h"])["h"] == [Fr(*float(x).as_integer_ratio()) for x in f16.tolist()]
    with pytest.raises(ValueError, match="two weight tensors|besides"):
        dc.ReluNetwork.from_safetensors(str(path))


def test_safetensors_reader_errors(tmp_path):
    bad = tmp_path / "bad.safetensors"
    bad.write_bytes(b"\x01")
    with pytest.raises(ValueError, match="shorter than 8 bytes"):
        dc.load_safetensors(str(bad))
    bad.write_bytes(struct.pack("<Q", 10**12))
    with pytest.raises(ValueError, match="header length"):
        dc.load_safetensors(str(bad))
    _write_safetensors(bad, {"x": ("F32", (3,), b"\0" * 8)})
    with pytest.raises(ValueError, match="needs 12 bytes"):
        dc.load_safetensors(str(bad))
    _write_safetensors(bad, {"x": ("F32", (1,), struct.pack("<f", float("nan")))})
    with pytest.raises(ValueError, match="inf and nan"):
        dc.load_safetensors(str(bad))
    _write_safetensors(bad, {"x": ("C64", (1,), b"\0" * 8)})
    with pytest.raises(ValueError, match="dtype"):
        dc.load_safetensors(str(bad))


def test_safetensors_package_files(tmp_path):
    st = pytest.importorskip("safetensors.numpy", reason="safetensors is not installed (pip install 'dyadcert[safetensors]')")
    rng = np.random.default_rng(3)
    sd = _linear_state(rng, dtype=np.float64)
    sd["2.weight"] = sd["2.weight"].astype(np.float16)
    path = tmp_path / "m.safetensors"
    st.save_file(sd, str(path))
    net = dc.ReluNetwork.from_safetensors(str(path))
    assert net.V == dc.exact_array(sd["2.weight"]) and net.W == dc.exact_array(sd["0.weight"])


def test_torch_state_dict():
    torch = pytest.importorskip("torch", reason="torch is not installed (pip install 'dyadcert[torch]')")
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(3, 8), torch.nn.ReLU(), torch.nn.Linear(8, 2))
    net = dc.ReluNetwork.from_state_dict(model.state_dict())
    w = model[0].weight.detach().numpy()
    assert net.W == [[Fr(*float(x).as_integer_ratio()) for x in row] for row in w.tolist()]
    x = torch.tensor([[0.5, -0.25, 1.0]])
    out = model(x).detach().numpy()[0]
    exact = net.outputs([[Fr(1, 2)], [Fr(-1, 4)], [Fr(1)]])
    assert all(abs(float(exact[d][0]) - float(out[d])) < 1e-5 for d in range(2))
    bf = dc.ReluNetwork.from_state_dict({k: v.to(torch.bfloat16) for k, v in model.state_dict().items()})
    assert all(Fr(x).denominator & (Fr(x).denominator - 1) == 0 for row in bf.W for x in row)


# round trips through the kernel ----------------------------------------------------------

def _two_unit_certificate(mutate=None):
    """The network of relu-two-units (W = (1, -1), b = (0, 1), V = [[1, 2], [1, 0]],
    c = (1/2, 0) on x = 0, 1, 2), every figure computed by the package."""
    net = dc.ReluNetwork([[1], [-1]], [0, 1], [[1, 2], [1, 0]], [Fr(1, 2), 0])
    X = [[0, 1, 2]]
    Y = net.outputs(X)
    m = dict(wd=net.weight_decay(), active=len(net.active_units()), shared=net.shared_units(),
             rank=dc.relu.rank(Y), err=Fr(0), delta=None)
    if mutate:
        mutate(m)
    cert = dc.Certificate("two units")
    cert.add(*dc.data_objects("data", X, Y), *net.objects("net"))
    cert.add(dc.relu_interpolates("fits", "net", "data", sup_error=m["err"]))
    cert.add(dc.weight_decay("wd", "net", m["wd"], balanced=net.is_balanced()))
    cert.add(dc.neuron_sharing("sharing", "net", m["active"], m["shared"], units_per_output=net.units_per_output(),
                               active=net.active_units()))
    cert.add(dc.width_from_rank("rank", "data", m["rank"], max(m["rank"] - 1, 0)))
    # penalised gap at lambda = 4 with V' = the lasso-like point of the shipped certificate
    from dyadcert import mtl

    phi = net.features(X)
    psi = [[y - net.c[d] for y in row] for d, row in enumerate(Y)]
    Vp = [[Fr(43, 100), 0], [Fr(43, 100), 0]]
    fit = mtl.matmul(Vp, phi)
    resid = [[p - f for p, f in zip(pr, fr)] for pr, fr in zip(psi, fit)]
    s, theta = mtl.scale_dual(resid, phi, 4)
    bounds = mtl.unit_bounds(Vp, 20)
    gap = mtl.penalised_gap(phi, psi, Vp, theta, 4, bounds)
    cert.add(dc.matrix("Vp", Vp), dc.matrix("Theta", theta))
    cert.add(dc.penalised_mtl_gap("pd", 4, gap if m["delta"] is None else m["delta"](gap), "Theta", bounds,
                                  network="net", data="data", weights="Vp"))
    cert.add(dc.mtl_screen("screen", "pd", mtl.screenable(theta, phi, 4, gap)))
    return cert


def test_two_unit_certificate_verifies(binary, tmp_path, schema_validator):
    cert = _two_unit_certificate()
    assert_schema_valid(schema_validator, cert.to_dict())
    report = cert.verify(str(tmp_path / "two.dyadcert.json"), binary=binary)
    assert report.ok, report.summary()
    assert report.passed == len(cert.claims) == 6
    screen = [c for c in cert.claims if c.id == "screen"][0]
    assert screen.inputs["units"] == ["1"]  # as in the hand-written certificate


@pytest.mark.parametrize("claim,mutate", [
    ("fits", lambda m: m.update(err=TINY)),
    ("wd", lambda m: m.update(wd=m["wd"] + TINY)),
    ("wd", lambda m: m.update(wd=m["wd"] - TINY)),
    ("sharing", lambda m: m.update(active=m["active"] + 1)),
    ("sharing", lambda m: m.update(shared=m["shared"] - 1)),
    ("rank", lambda m: m.update(rank=m["rank"] - 1)),
    ("pd", lambda m: m.update(delta=lambda g: g - TINY)),
])
def test_false_figures_are_rejected(binary, tmp_path, claim, mutate):
    cert = _two_unit_certificate(mutate)
    report = cert.verify(str(tmp_path / "bad.dyadcert.json"), binary=binary)
    failed = [c.id for c in report.claims if c.verdict != "passed"]
    assert report.exit_code == 1 and claim in failed, report.summary()


def test_builder_argument_errors():
    with pytest.raises(TypeError, match="network form"):
        dc.penalised_mtl_gap("p", 1, 0, "T", [1], network="n")
    with pytest.raises(TypeError, match="group-lasso form"):
        dc.penalised_mtl_gap("p", 1, 0, "T", [1], features="X", network="n", targets="Y", heads="H")
    with pytest.raises(ValueError, match="positive"):
        dc.penalised_mtl_gap("p", 0, 0, "T", [1], network="n", data="d", weights="V")
    with pytest.raises(ValueError, match="distinct"):
        dc.mtl_screen("s", "g", [1, 1])
    with pytest.raises(TypeError, match="together"):
        dc.width_from_rank("r", "d", 2, 1, network="n")
    with pytest.raises(ValueError, match="non-negative"):
        dc.relu_interpolates("f", "n", "d", tolerance=-1)
    with pytest.raises(TypeError, match="exact_float"):
        dc.weight_decay("w", "n", 0.5)
    with pytest.raises(ValueError, match="unknown measure"):
        dc.meaning("bitz", ["K"])


def test_mtl_sqrt_bounds():
    from dyadcert import mtl

    for q in [Fr(0), Fr(2), Fr(1, 3), Fr(10**40 + 1, 7), Fr(9, 4)]:
        u, l = mtl.sqrt_upper(q, 30), mtl.sqrt_lower(q, 30)
        assert l * l <= q <= u * u and u - l <= Fr(2, 2**30)
    assert mtl.sqrt_upper(Fr(9, 4), 3) == Fr(3, 2) == mtl.sqrt_lower(Fr(9, 4), 3)


# the example -----------------------------------------------------------------------------

def test_prune_relu_example_end_to_end(binary, tmp_path, schema_validator):
    out = tmp_path / "pruned.dyadcert.json"
    env = dict(os.environ, PYTHONPATH=str(PYTHON_DIR))
    r = subprocess.run([sys.executable, str(PYTHON_DIR / "examples" / "prune_relu.py"), "-o", str(out), "--binary", binary],
                       capture_output=True, text=True, env=env)
    assert r.returncode == 0, r.stdout + r.stderr
    lines = r.stdout.strip().splitlines()
    assert lines[-2].endswith(" passed, 0 failed") and int(lines[-2].split()[0]) >= 9
    doc = json.loads(out.read_bytes())
    assert_schema_valid(schema_validator, doc)
    assert subprocess.run([binary, "format", str(out), "--check"]).returncode == 0
    rules = {c["rule"] for c in doc["claims"]}
    assert {"relu-interpolates", "weight-decay", "neuron-sharing", "penalised-mtl-gap", "mtl-screen"} <= rules
    # A pruning gap 2^-60 too small is rejected.
    for c in doc["claims"]:
        if c["rule"] == "penalised-mtl-gap":
            c["statement"]["delta"] = dc.num(Fr(c["statement"]["delta"]) - TINY)
    bad = tmp_path / "bad.dyadcert.json"
    bad.write_text(dc.canonical_text(doc), encoding="utf-8")
    report = dc.verify([bad], binary=binary)
    assert report.exit_code == 1 and "pruning-gap" in [c.id for c in report.claims if c.verdict != "passed"]


def test_root_readme_relu_snippet_runs(binary, tmp_path, monkeypatch):
    """The ReLU snippet of the repository README's "From Python" section runs on a small
    float32 network and its three claims verify."""
    import re

    from conftest import REPO

    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## From Python"):text.index("## Trust model")]
    (code,) = re.findall(r"```python\n(.*?)```", section, re.S)
    rng = np.random.default_rng(5)
    X = rng.uniform(-1, 1, size=(2, 6)).astype(np.float32)
    W, b = rng.normal(size=(4, 2)).astype(np.float32), rng.normal(size=4).astype(np.float32)
    V, c = rng.normal(size=(2, 4)).astype(np.float32), np.zeros(2, np.float32)
    Y = (V @ np.maximum(W @ X + b[:, None], 0) + 0.01).astype(np.float32)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DYADCERT", binary)
    scope = dict(W=W, b=b, V=V, c=c, X=X, Y=Y)
    exec(compile(code, "README.md", "exec"), scope)
    report = dc.verify(["my.dyadcert.json"], binary=binary)
    assert report.ok and report.passed == 3, report.summary()


@pytest.mark.parametrize("encoding", [dict(encoding="entries"), dict(encoding="dyadic", mantissas="base64"),
                                      dict(encoding="dyadic", mantissas="wide"),
                                      dict(encoding="dyadic", row_exponents=1100, column_exponents=-3)])
def test_kernel_decodes_each_encoding_to_the_values(binary, tmp_path, encoding):
    """A network whose output is its bias c (W = 0, V = 0) on one point, with c written in
    the encoding under test and the targets as entries: relu-interpolates with sup error 0
    passes exactly when the kernel decodes every entry of c to the float's value; with one
    target moved by 2^-1100 it fails."""
    rng = np.random.default_rng(9)
    patterns = _random_patterns(rng, 200, 64)
    vals = [float(x) for x in patterns.view(np.float64) if np.isfinite(x)][:40]
    if "row_exponents" in encoding:  # a fixed exponent must make every entry an integer
        vals = [v for v in vals if v == 0 or abs(v) > 1e-300][:30]
    D = len(vals)
    c = [[Fr(*v.as_integer_ratio())] for v in vals]
    for moved in (False, True):
        Y = [row[:] for row in c]
        if moved:
            Y[D // 2][0] += Fr(1, 2**1100)
        cert = dc.Certificate("decoding")
        cert.add(dc.matrix("X", [[0]]), dc.matrix("Y", Y, encoding="entries"), dc.relu_data("data", "X", "Y"))
        cert.add(dc.matrix("W", [[0]]), dc.matrix("b", [[0]]), dc.matrix("V", [[0]] * D),
                 dc.matrix("c", c, **encoding), dc.relu_network("net", "W", "b", "V", "c"))
        cert.add(dc.relu_interpolates("fits", "net", "data", sup_error=0))
        report = cert.verify(str(tmp_path / f"dec-{moved}.dyadcert.json"), binary=binary, limits={"max_digits": 2000})
        assert report.exit_code == (1 if moved else 0), report.summary()


def _lasso_meaning_certificate(**meaning_parameters):
    """MATH.md sec. 12's lasso example: x = (-2, -2, -1), y = (-2, 1, -2), lambda = 5/4,
    w = 1/4, theta = (-1/2, 1/2, -7/12), so P - D = 1/6 (computed by hand there); a bits
    term restates that gap with a meaning that includes lambda and task."""
    cert = dc.Certificate("lasso gap restated by a bits term with its meaning")
    cert.add(dc.matrix("X", [[-2], [-2], [-1]]), dc.matrix("Y", [[-2], [1], [-2]]),
             dc.matrix("w", [[Fr(1, 4)]]), dc.matrix("theta", [[Fr(-1, 2)], [Fr(1, 2)], [Fr(-7, 12)]]))
    cert.add(dc.lasso_gap("g", "X", "Y", "w", 0, "theta", Fr(5, 4), Fr(1, 6)))
    m = dc.meaning("lasso-gap", ["X", "Y", "w", "theta"], **meaning_parameters)
    cert.add(dc.bits("b", [dc.term("g", "lasso-gap", 1, m)], "<=", Fr(1, 6)))
    return cert


@pytest.mark.parametrize("parameters,ok", [
    ({"lambda_": Fr(5, 4), "task": 0}, True),
    ({"lambda_": Fr(5, 4) + TINY, "task": 0}, False),
    ({"lambda_": Fr(5, 4), "task": 1}, False),
    ({}, False),
])
def test_bits_meaning_states_lambda_and_task(binary, tmp_path, schema_validator, parameters, ok):
    cert = _lasso_meaning_certificate(**parameters)
    assert_schema_valid(schema_validator, cert.to_dict())
    report = cert.verify(str(tmp_path / "meaning.dyadcert.json"), binary=binary)
    verdicts = {c.id: c.verdict for c in report.claims}
    assert verdicts["g"] == "passed", report.summary()
    assert (verdicts["b"] == "passed") == ok, report.summary()
