"""Regression tests from a red-team review of the package. Every expected value comes from
an independent source (fractions.Fraction, decimal.Decimal, struct, brute force), never
from the code under test."""

import base64
import decimal
import json
import struct
from fractions import Fraction

import pytest

import dyadcert as dc
from dyadcert._numbers import parse_rational


def _decimal_text(n):
    """The decimal digits of an int of any length: decimal.Decimal is not subject to
    Python's 4300-digit limit on int <-> str conversion."""
    return format(decimal.Decimal(n), "f")


def _big_rational(text):
    """A canonical number string of any length as a Fraction (through decimal.Decimal)."""
    with decimal.localcontext() as ctx:
        ctx.prec = decimal.MAX_PREC
        p, _, q = text.partition("/")
        return Fraction(int(decimal.Decimal(p)), int(decimal.Decimal(q)) if q else 1)


def _decode_matrix(d):
    """FORMAT.md sec. 4.7 decoded here: entries, or M[i][j] / 2^(e_i + f_j) with base64
    little-endian int64 or wide mantissas."""
    R, C = int(d["rows"]), int(d["columns"])
    if "entries" in d:
        assert len(d["entries"]) == R and all(len(r) == C for r in d["entries"])
        return [[_big_rational(x) for x in r] for r in d["entries"]]
    dy = d["dyadic"]

    def exps(v, n):
        v = [_big_rational(x) for x in v] if isinstance(v, list) else [_big_rational(v)] * n
        assert len(v) == n and all(x.denominator == 1 for x in v)
        return [int(x) for x in v]

    e, f = exps(dy["row-exponents"], R), exps(dy["column-exponents"], C)
    if "mantissas" in dy:
        raw = base64.b64decode(dy["mantissas"], validate=True)
        assert len(raw) == 8 * R * C
        flat = struct.unpack(f"<{R * C}q", raw)
        M = [list(flat[i * C:(i + 1) * C]) for i in range(R)]
    else:
        M = [[int(_big_rational(x)) for x in r] for r in dy["wide-mantissas"]]
    return [[Fraction(M[i][j]) / Fraction(2) ** (e[i] + f[j]) for j in range(C)] for i in range(R)]


# Numbers of more than 4300 decimal digits --------------------------------------------

def test_num_writes_integers_beyond_pythons_digit_limit():
    # str(int) refuses more than 4300 digits (Python 3.11); the kernel's default
    # --max-digits is 10000.
    n = 3**20000  # 9543 digits
    assert dc.num(n) == _decimal_text(n)
    assert dc.num(-n) == "-" + _decimal_text(n)
    assert dc.num(Fraction(1, 2**20000)) == "1/" + _decimal_text(2**20000)
    assert dc.num(Fraction(-(3**9001), 2**15000)) == f"-{_decimal_text(3**9001)}/{_decimal_text(2**15000)}"
    # Builders that read their own strings back (breakpoints, networks) accept them too.
    t = Fraction(1, 2**16000)
    f = dc.step_function("f", [0, t, 1], [1, 2])
    assert [_big_rational(x) for x in f.data["breakpoints"]] == [0, t, 1]
    net = dc.HeavisideNetwork.from_layers_data([
        {"units": [{"activation": "heaviside", "inputs": ["0"], "weights": ["1"], "bias": "-" + dc.num(t)}]},
        {"units": [{"activation": "linear", "inputs": ["0"], "weights": ["1"], "bias": "0"}]}])
    assert net.thresholds() == [t]


np = pytest.importorskip("numpy")

LONG = np.finfo(np.longdouble)
needs_wide_longdouble = pytest.mark.skipif(LONG.maxexp <= 1024, reason="longdouble is float64 here")


@needs_wide_longdouble
@pytest.mark.parametrize("encoding", ["auto", "entries", "dyadic"])
def test_longdouble_extremes_in_a_matrix(encoding):
    values = np.array([[LONG.smallest_subnormal, -LONG.max], [LONG.tiny, np.longdouble(1) / 3]], dtype=np.longdouble)
    want = [[Fraction(*map(int, x.as_integer_ratio())) for x in row] for row in values]
    assert want[0][0] == Fraction(1, 2 ** (LONG.nmant - LONG.minexp))  # independent: 2^-16445 on x86
    m = dc.matrix("m", values, encoding=encoding)
    assert _decode_matrix(m.data) == want


@needs_wide_longdouble
def test_longdouble_extremes_verify(binary, tmp_path):
    tiny = LONG.smallest_subnormal
    net = dc.ReluNetwork.from_numpy(np.array([[tiny]]), np.zeros(1, np.longdouble), np.ones((1, 1)), np.zeros(1))
    cert = dc.Certificate("a longdouble subnormal, 4951 digits in its denominator")
    for o in net.objects("net", encoding="entries"):
        cert.add(o)
    for o in dc.data_objects("data", np.ones((1, 1)), np.array([[tiny]]), encoding="entries"):
        cert.add(o)
    cert.add(dc.relu_interpolates("fits", "net", "data", sup_error=0))
    cert.add(dc.weight_decay("wd", "net", (Fraction(*map(int, tiny.as_integer_ratio())) ** 2 + 1) / 2))
    report = cert.verify(tmp_path / "ld.dyadcert.json", binary=binary, limits={"max_digits": 20000})
    assert report.exit_code == 0, report.summary()


# neuron-sharing figures: a unit with w_k = 0 and b_k = 0 is inactive but still used -----

def test_sharing_counts_follow_the_kernel_for_dead_units(binary, tmp_path):
    """MATH.md sec. 11: output d uses unit k when V[d][k] != 0 and a unit is shared when two
    or more outputs use it, whether or not it is active. Every zero pattern of a 2-output,
    2-unit network (unit inputs zero or not, output weights zero or not), counted here by
    brute force and checked by the kernel."""
    import itertools

    cert = dc.Certificate("sharing with dead units")
    n = 0
    for input_nonzero in itertools.product([0, 1], repeat=2):
        for v in itertools.product([0, 1], repeat=4):
            V = [[v[0], v[1]], [v[2], v[3]]]
            W = [[x] for x in input_nonzero]
            net = dc.ReluNetwork(W, [0, 0], V, [0, 0])
            used = [[k for k in range(2) if V[d][k]] for d in range(2)]
            want_per_output = [len(u) for u in used]
            want_shared = sum(1 for k in range(2) if V[0][k] and V[1][k])
            want_active = [k for k in range(2) if (V[0][k] or V[1][k]) and input_nonzero[k]]
            assert net.active_units() == want_active
            assert net.units_per_output() == want_per_output
            assert net.shared_units() == want_shared
            name = f"n{n}"
            for o in net.objects(name):
                cert.add(o)
            cert.add(dc.neuron_sharing(f"s{n}", name, len(net.active_units()), net.shared_units(),
                                       units_per_output=net.units_per_output(), active=net.active_units()))
            n += 1
    report = cert.verify(tmp_path / "sharing.dyadcert.json", binary=binary)
    assert report.exit_code == 0, report.summary()
    assert report.passed == n == 64


# ndarray subclasses -------------------------------------------------------------------

@pytest.mark.filterwarnings("ignore:the matrix subclass:PendingDeprecationWarning")
def test_ndarray_subclasses_convert_exactly_or_refuse_clearly():
    values = [[0.1, -2.5], [5e-324, 3.0]]
    want = [[Fraction(x) for x in row] for row in values]  # Fraction(float) is exact
    # np.matrix keeps two dimensions under reshape(-1); it raised AttributeError.
    assert dc.exact_array(np.matrix(values)) == want
    assert _decode_matrix(dc.matrix("m", np.matrix(values)).data) == want
    assert _decode_matrix(dc.matrix("m", np.matrix(values, dtype=np.float32)).data) == [
        [Fraction(float(np.float32(x))) for x in row] for row in values]
    # A masked array without masked entries is its data; a masked entry has no value.
    assert dc.exact_array(np.ma.array(values)) == want
    with pytest.raises(ValueError, match=r"element \(1, 0\) is masked"):
        dc.exact_array(np.ma.array(values, mask=[[0, 0], [1, 0]]))
    with pytest.raises(ValueError, match="masked"):
        dc.matrix("m", np.ma.masked_invalid([[1.0, np.nan]]))


# Errors name the argument and the position ---------------------------------------------

def _nan_at(shape, idx, dtype=np.float64):
    a = np.ones(shape, dtype)
    a[idx] = np.nan
    return a


ONES = (np.ones((2, 1)), np.ones(2), np.ones((1, 2)), np.ones(1))


def _relu(i, value):
    args = list(ONES)
    args[i] = value
    return lambda: dc.ReluNetwork.from_numpy(*args)


@pytest.mark.parametrize("call, error, pattern", [
    (_relu(0, _nan_at((2, 1), (1, 0))), ValueError, r"input_weights element \(1, 0\)"),
    (_relu(1, _nan_at(2, 1, np.float32)), ValueError, r"biases element \(1,\)"),
    (_relu(2, _nan_at((1, 2), (0, 1), np.float16)), ValueError, r"output_weights element \(0, 1\)"),
    (_relu(3, np.array([np.inf])), ValueError, r"output_bias element \(0,\)"),
    (_relu(2, [[1, 0.5]]), TypeError, r"output_weights element \(0, 1\)"),
    (_relu(1, [1, 0.5]), TypeError, r"biases element \(1,\)"),
    (_relu(2, np.ones((1, 2), bool)), TypeError, r"output_weights"),
    (lambda: dc.data_objects("d", _nan_at((2, 3), (1, 2)), np.ones((1, 3))), ValueError, r"inputs element \(1, 2\)"),
    (lambda: dc.data_objects("d", np.ones((2, 3)), [[0, 1, decimal.Decimal(1)]]), TypeError, r"targets element \(0, 2\)"),
    (lambda: dc.matrix("M", [[1, 2], [3, 0.25]]), TypeError, r"matrix 'M' element \(1, 1\)"),
    (lambda: dc.matrix("M", np.array([[1, Fraction(1, 2)], [0.5, 2]], dtype=object)), TypeError,
     r"matrix 'M' element \(1, 0\)"),
    (lambda: dc.matrix("M", [[1, float("nan")]], allow_float=True), ValueError, r"matrix 'M' element \(0, 1\)"),
    (lambda: dc.HeavisideNetwork.from_numpy([np.ones((3, 1)), _nan_at((1, 3), (0, 2))], [np.zeros(3), np.zeros(1)]),
     ValueError, r"weights\[1\] element \(0, 2\)"),
    (lambda: dc.HeavisideNetwork.from_numpy([np.ones((3, 1)), np.ones((1, 3))], [[0, 0, 0.5], np.zeros(1)]),
     TypeError, r"biases\[0\] element \(2,\)"),
    (lambda: dc.HeavisideNetwork.from_numpy([np.ones((3, 1)), np.ones((1, 3))], [np.zeros((3, 1)), np.zeros(1)]),
     ValueError, r"biases\[0\].*\(3, 1\)"),
    (lambda: dc.HeavisideNetwork.from_numpy([np.ones((3, 1, 1)), np.ones((1, 3))], [np.zeros(3), np.zeros(1)]),
     ValueError, r"weights\[0\].*\(3, 1, 1\)"),
    (lambda: dc.exact_array([[1, 2], [3, 0.5]]), TypeError, r"element \(1, 1\)"),
])
def test_conversion_errors_name_the_argument_and_the_index(call, error, pattern):
    with pytest.raises(error, match=pattern):
        call()


# Lists of numbers: non-lists and object arrays -----------------------------------------

def test_gram_matrix_from_an_object_array_of_fractions():
    # A 2-D object array of Fractions was flattened into scalars, then "'Fraction' object
    # is not iterable"; an int array of the same shape worked.
    G = [[Fraction(1, 2), 0], [0, Fraction(1, 3)]]
    want = [["1/2", "0"], ["0", "1/3"]]
    assert dc.gram("g", ["a", "b"], matrix=np.array(G, dtype=object)).statement["matrix"] == want
    assert dc.gram("g", ["a", "b"], matrix=G).statement["matrix"] == want
    assert dc.gram("g", ["a", "b"], matrix=np.array([[1, 0], [0, 2]])).statement["matrix"] == [["1", "0"], ["0", "2"]]


@pytest.mark.parametrize("bad", [5, None, Fraction(1, 2), np.array(1), np.array(Fraction(1, 2), dtype=object)])
def test_a_number_where_a_list_is_expected_names_the_argument(bad):
    with pytest.raises(TypeError, match="^values: expected a list"):
        dc.cell_function("c", 0, bad)
    with pytest.raises(TypeError, match="^readouts: expected a list"):
        dc.readout_class("r", 2, bad)


# Integer parameters are not truncated ---------------------------------------------------

@pytest.mark.parametrize("call", [
    lambda: dc.Code("int", 0.5, 3),
    lambda: dc.Code("int", 0, 3.9),
    lambda: dc.Code("dyadic", 2.9, 1),
    lambda: dc.Code("dyadic", 2, "1"),
    lambda: dc.sign_tree("t", signs=[1, -1, 1], levels=2.5),
    lambda: dc.sign_tree("t", signs=[1, -1, 1], levels="2"),
    lambda: dc.sign_function("s", signs=[1, -1], level=1.5),
    lambda: dc.inline_sign_tree(hex="4", levels=2.7),
])
def test_integer_parameters_refuse_floats_and_strings(call):
    # int(2.5) == 2 made these pass silently (Code("int", 0.5, 3.9) was int[0,3]).
    with pytest.raises(TypeError):
        call()


def test_integer_parameters_accept_ints():
    assert dc.Code("int", np.int64(-4), 4).text == "int[-4,4]"
    assert dc.Code("dyadic", 2, Fraction(4, 2)).bits == 1 + 2 + 2
    assert dc.sign_tree("t", signs=[1, -1, 1], levels=np.int8(2)).data == {"kind": "sign-tree", "levels": "2", "bits": "4"}
    assert dc.inline_sign_tree(hex="4", levels=2) == {"bits": "4"}


# Exact evaluations of a ReLU network on numpy data ---------------------------------------

@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64])
def test_relu_evaluations_on_float_arrays_are_exact(dtype):
    # Fraction * numpy float is a float: features/outputs/sup_error of numpy data were
    # rounded floats (np.float64(0.019000000000000003) for a value that is not that).
    rng = np.random.default_rng(7)
    d, K, D, N = 3, 4, 2, 5
    W, b, V, c = (rng.standard_normal(s).astype(dtype) for s in ((K, d), (K,), (D, K), (D,)))
    X, Y = rng.standard_normal((d, N)).astype(dtype), rng.standard_normal((D, N)).astype(dtype)
    q = lambda a: [[Fraction(float(x)) for x in row] for row in np.atleast_2d(a)]  # exact: float(x) widens
    Wq, bq, Vq, cq, Xq, Yq = q(W), q(b)[0], q(V), q(c)[0], q(X), q(Y)
    phi = [[max(Fraction(0), bq[k] + sum(Wq[k][j] * Xq[j][i] for j in range(d))) for i in range(N)] for k in range(K)]
    out = [[cq[e] + sum(Vq[e][k] * phi[k][i] for k in range(K)) for i in range(N)] for e in range(D)]
    err = max(abs(out[e][i] - Yq[e][i]) for e in range(D) for i in range(N))
    net = dc.ReluNetwork.from_numpy(W, b, V, c)
    for got, want in ((net.features(X), phi), (net.outputs(X), out), (net.outputs(phi=np.array(phi, dtype=object)), out),
                      (dc.relu.features(W, b, X), phi)):
        assert got == want and all(type(x) is Fraction for row in got for x in row)
    got = net.sup_error(X, Y)
    assert type(got) is Fraction and got == err
    with pytest.raises(TypeError, match="allow_float"):
        net.features(X.tolist())  # Python floats in lists stay refused
    with pytest.raises(ValueError, match="Y: expected a 2 x 5"):
        net.sup_error(X, Y[:, :4])


def test_mtl_helpers_on_float_arrays_are_exact():
    from dyadcert import mtl

    rng = np.random.default_rng(11)
    K, N, D = 3, 4, 2
    phi, psi, V, theta = (rng.standard_normal(s) for s in ((K, N), (D, N), (D, K), (D, N)))
    q = lambda a: [[Fraction(x) for x in row] for row in a.tolist()]  # Fraction(float) is exact
    P, S, Vq, T = q(phi), q(psi), q(V), q(theta)
    lam = Fraction(1, 3)
    bounds = [Fraction(k + 1, 2) for k in range(K)]
    fit = [[sum(Vq[e][k] * P[k][i] for k in range(K)) for i in range(N)] for e in range(D)]
    primal = sum((fit[e][i] - S[e][i]) ** 2 for e in range(D) for i in range(N)) / 2 + lam * sum(bounds)
    dual = sum(T[e][i] * S[e][i] for e in range(D) for i in range(N)) - sum(x * x for r in T for x in r) / 2
    got = mtl.penalised_gap(phi, psi, V, theta, lam, np.array(bounds, dtype=object))
    assert type(got) is Fraction and got == primal - dual  # it was a rounded np.float64
    norms = [sum(sum(T[e][i] * P[k][i] for i in range(N)) ** 2 for e in range(D)) for k in range(K)]
    assert mtl.dual_norms2(theta, phi) == norms
    s, scaled = mtl.scale_dual(theta, phi, lam)
    assert all(s * s * n <= lam * lam for n in norms) and scaled == [[s * x for x in r] for r in T]
    u = mtl.unit_bounds(V, 64)  # it raised numpy's "truth value of an array is ambiguous"
    assert all(x * x >= sum(Vq[e][k] ** 2 for e in range(D)) for k, x in enumerate(u))
    assert mtl.matmul(V, phi) == fit
    for bad in (lambda: mtl.sqrt_upper(0.01), lambda: mtl.penalised_gap(phi, psi, V, theta, 0.1, bounds),
                lambda: mtl.screenable(theta, phi, 1, 0.5), lambda: mtl.dyadic_ceil(np.float32(0.1), 4)):
        with pytest.raises(TypeError, match="exact_float"):
            bad()


# verify(): limits are not truncated ----------------------------------------------------------

@pytest.mark.parametrize("limits, jobs", [({"max_digits": 5.5}, None), ({"max_digits": "5"}, None),
                                          ({"max_digits": True}, None), (None, 1.5)])
def test_verify_refuses_inexact_limits(binary, tmp_path, limits, jobs):
    # str(int(5.5)) ran the verifier with --max-digits 5 (and True as 1).
    cert = dc.Certificate()
    f = cert.add(dc.step_function("f", [0, Fraction(1, 3), 1], [12345, 0]))
    cert.add(dc.sup_distance("d", f, f, "=", 0))
    path = cert.write(tmp_path / "digits.dyadcert.json")
    with pytest.raises(TypeError, match="limits|jobs"):
        dc.verify(path, binary=binary, limits=limits, jobs=jobs)
    assert dc.verify(path, binary=binary, limits={"max_digits": np.int64(5)}, jobs=np.int8(1)).exit_code == 0
    assert dc.verify(path, binary=binary, limits={"max_digits": 4}).exit_code == 3


# torch tensors where a list is expected ----------------------------------------------------

def test_torch_tensors_in_list_fields():
    torch = pytest.importorskip("torch", reason="torch is not installed (pip install 'dyadcert[torch]')")
    # These raised AttributeError: 'torch.dtype' object has no attribute 'kind'.
    assert dc.step_function("f", torch.tensor([0, 1]), torch.tensor([3])).data["values"] == ["3"]
    assert dc.cell_function("c", 1, torch.tensor([1, -2], dtype=torch.int16)).data["values"] == ["1", "-2"]
    # Bits b_0..b_3 = 1 0 1 1 are the hex digit 0b1011 (FORMAT.md sec. 2.4); sign -1 is bit 1.
    assert dc.pack_bits(torch.tensor([1, 0, 1, 1])) == "b"
    assert dc.sign_function("s", signs=torch.tensor([1, -1, -1, 1])).data["bits"] == "6"
    assert dc.sign_tree("t", bits=torch.tensor([True, False, True])).data["bits"] == "a"
    with pytest.raises(TypeError, match="float32 array"):
        dc.cell_function("c", 0, torch.tensor([0.5]))
    with pytest.raises(TypeError, match="dtype float32"):
        dc.sign_function("s", signs=torch.tensor([1.0, -1.0]))


def test_int_codes_beyond_pythons_digit_limit():
    big = 3**10000  # 4772 digits
    code = dc.Code("int", -big, big)
    assert code.text == f"int[-{_decimal_text(big)},{_decimal_text(big)}]"
    assert dc.Code.parse(code.text) == code
    assert code.bits == (2 * big).bit_length()
    net = dc.HeavisideNetwork.from_numpy([[[1]], [[big]]], [[Fraction(-1, 2)], [0]])
    assert net.to_layers_data()[1]["weight-code"] == f"int[{_decimal_text(big)},{_decimal_text(big)}]"


def test_packing_elements_from_a_numpy_array_of_names():
    # np.str_ has module numpy, so the names were read as integer indices (TypeError).
    claim = dc.packing("p", "cls", 1, np.array(["t1", "t2"]))
    assert claim.inputs["elements"] == ["t1", "t2"] and claim.references == ["cls", "t1", "t2"]
    assert dc.packing("p", "cls", 1, np.array([0, 3])).inputs["elements"] == ["0", "3"]


def _safetensors_bytes(header_text, data):
    head = header_text.encode("utf-8")
    return struct.pack("<Q", len(head)) + head + data


def test_safetensors_header_with_a_repeated_tensor_or_a_bool_shape_is_refused(tmp_path):
    # json.loads keeps the last of two equal keys, so a file naming "w" twice was read as
    # whichever came last; a shape [true] passed as [1] (bool is an int in Python).
    one = struct.pack("<d", 0.5)
    path = tmp_path / "bad.safetensors"
    twice = ('{"w": {"dtype": "F64", "shape": [1], "data_offsets": [0, 8]}, '
             '"w": {"dtype": "F64", "shape": [1], "data_offsets": [8, 16]}}')
    path.write_bytes(_safetensors_bytes(twice, one + struct.pack("<d", 0.25)))
    with pytest.raises(ValueError, match="names 'w' twice"):
        dc.load_safetensors(str(path))
    path.write_bytes(_safetensors_bytes('{"w": {"dtype": "F64", "shape": [true], "data_offsets": [0, 8]}}', one))
    with pytest.raises(ValueError, match="malformed shape"):
        dc.load_safetensors(str(path))
    # The same file with shape [1] reads 1/2 exactly.
    path.write_bytes(_safetensors_bytes('{"w": {"dtype": "F64", "shape": [1], "data_offsets": [0, 8]}}', one))
    assert dc.load_safetensors(str(path))["w"] == [Fraction(1, 2)]


def test_weight_codes_given_as_one_string_is_refused():
    # A string is iterable: "sign" was read as the codes 's', 'i', 'g', 'n'.
    with pytest.raises(TypeError, match="weight_codes: expected a list of codes"):
        dc.Unit("heaviside", [0], [1], 0, weight_codes="sign")


def test_numpy_float_scalars_inside_lists_need_allow_float():
    # np.float64 is a subclass of float, yet [np.float64(0.1)] was converted while [0.1]
    # was refused: a numpy scalar inside a list was taken for an array.
    for bad in ([np.float64(0.1)], [[np.float32(0.5)]], [1, np.float16(2)]):
        with pytest.raises(TypeError, match="allow_float"):
            dc.exact_array(bad)
    assert dc.exact_array([np.float64(0.1)], allow_float=True) == [Fraction(0.1)]
    assert dc.exact_array([np.int64(-3), [np.uint8(7)]]) == [-3, [7]]
    # An array, or a numpy scalar passed alone, is still an explicit choice of binary values.
    assert dc.exact_array(np.float64(0.1)) == Fraction(0.1)
    assert dc.exact_array([np.array([0.25, 0.1])]) == [[Fraction(1, 4), Fraction(0.1)]]


@pytest.mark.parametrize("text", ["0.1", "1e3", " 1", "1 ", "2/4", "-6/3", "3/1", "0/5", "-0", "007", "1/02",
                                  "+1", "1/-2", "1/+2", "\u0663", "", "-", "3/", "1_000", "1/0"])
def test_parse_rational_reads_only_canonical_numbers(text):
    # Fraction(text) took decimals, exponents, spaces and underscores: a bits() term
    # coefficient "0.1" became 1/10 where every other field refuses the string.
    with pytest.raises(ValueError, match="canonical"):
        parse_rational(text)


def test_parse_rational_canonical_values():
    assert parse_rational("-3/8") == Fraction(-3, 8)
    assert parse_rational("0") == 0
    digits = "9" * 5000
    assert parse_rational("-1/" + digits) == Fraction(-1, int(decimal.Decimal(digits)))
    with pytest.raises(TypeError):
        parse_rational(3)


def test_bits_term_coefficient_strings_are_canonical():
    t = {"claim": "a", "quantity": "log2-covering-number", "coefficient": "0.5"}
    with pytest.raises(ValueError, match="canonical"):
        dc.bits("b", [t], ">=", 1)
    t["coefficient"] = "1/2"
    c = dc.bits("b", [t], ">=", 1)
    assert c.inputs["terms"][0]["coefficient"] == "1/2"


def test_support_states_the_lasso_of_its_screens():
    c = dc.support("s", "W", [2], 2, screens=["scr"], optimal_upper=[1], lasso=("X", "Y", Fraction(1, 4)))
    assert c.inputs == {"heads": "W", "screens": ["scr"], "features": "X", "targets": "Y", "lambda": "1/4"}
    with pytest.raises(TypeError, match="exactly with screens="):
        dc.support("s", "W", [2], 2, lasso=("X", "Y", 1))
    with pytest.raises(TypeError, match="exactly with screens="):
        dc.support("s", "W", [2], 2, screens=["scr"], optimal_upper=[1])
    with pytest.raises(TypeError, match="tuple"):
        dc.support("s", "W", [2], 2, screens=["scr"], optimal_upper=[1], lasso=("X", "Y"))
    with pytest.raises(ValueError, match="positive"):
        dc.support("s", "W", [2], 2, screens=["scr"], optimal_upper=[1], lasso=("X", "Y", 0))


# Certificate.load read the file with json.loads, which keeps the last of two equal keys,
# reads NaN and Infinity, and turns 0.1 into a binary float: a certificate the kernel
# rejects (duplicate key, exit 2) came back from load() as one that passes. The texts below
# are written by hand; each expected pointer is read off the text.

_LOADED = """{
  "format": "dyadcert/1",
  "description": DESCRIPTION,
  "objects": {
    "f": {"kind": "step-function", "breakpoints": ["0", "1/3", "1"], "values": ["1/2", "-1/4"]},
    "g": {"kind": "step-function", "breakpoints": ["0", "1/2", "1"], "values": ["3/4", "-1/2"]}
  },
  "claims": [
    {"id": "d", "rule": "sup-distance", "inputs": {"f": "f", "g": "g"},
     "statement": {"relation": "=", "bound": BOUND}}
  ]
}
"""


def _loaded(tmp_path, bound='"1"', description='"one claim"', name="c.dyadcert.json"):
    path = tmp_path / name
    path.write_text(_LOADED.replace("DESCRIPTION", description).replace("BOUND", bound), encoding="utf-8")
    return path


def test_load_reads_a_well_formed_certificate(tmp_path):
    c = dc.Certificate.load(_loaded(tmp_path))
    assert c.description == "one claim" and list(c.objects) == ["f", "g"]
    assert c.claims[0].statement == {"relation": "=", "bound": "1"}


def test_load_refuses_a_duplicate_key_at_the_top_level(tmp_path):
    path = _loaded(tmp_path, description='"first", "description": "second"')
    with pytest.raises(ValueError) as info:
        dc.Certificate.load(path)
    assert str(info.value).startswith(f"{path}: at /description: duplicate key \"description\"")


def test_load_refuses_a_nested_duplicate_key_the_kernel_rejects(binary, tmp_path):
    # The false bound first, the true one last: json.loads kept "1", and the certificate
    # written back from load() verified.
    path = _loaded(tmp_path, bound='"2", "bound": "1"')
    r = dc.verify(path, binary=binary)
    assert r.exit_code == 2 and r.files[0].error.pointer == "/claims/0/statement/bound"
    with pytest.raises(ValueError) as info:
        dc.Certificate.load(path)
    assert str(info.value).startswith(f"{path}: at /claims/0/statement/bound: duplicate key \"bound\"")


@pytest.mark.parametrize("members, where", [
    ('"b\\u006fund": "1", "bound": "1"', "/claims/0/statement/bound"),  # equal once escapes are decoded
    ('"\\u00e9": "1", "e\\u0301": "1"', "/claims/0/statement/e\u0301"),  # canonically equivalent (FORMAT.md sec. 2.1)
])
def test_load_compares_keys_as_the_kernel_does(tmp_path, members, where):
    path = _loaded(tmp_path, bound='"1", ' + members)
    with pytest.raises(ValueError, match="duplicate key") as info:
        dc.Certificate.load(path)
    assert str(info.value).startswith(f"{path}: at {where}: ")


def test_load_writes_pointers_as_rfc_6901(tmp_path):
    path = _loaded(tmp_path, description='"x", "a/b~": {"k": "1", "k": "2"}')
    with pytest.raises(ValueError) as info:
        dc.Certificate.load(path)
    assert str(info.value).startswith(f"{path}: at /a~1b~0/k: duplicate key \"k\"")


@pytest.mark.parametrize("bound, where, says", [
    ("NaN", "/claims/0/statement/bound", "NaN is not JSON"),
    ("Infinity", "/claims/0/statement/bound", "Infinity is not JSON"),
    ('["1", -Infinity]', "/claims/0/statement/bound/1", "-Infinity is not JSON"),
    ("0.1", "/claims/0/statement/bound", "the JSON number 0.1 would be read as a binary float"),
    ("1.0", "/claims/0/statement/bound", "the JSON number 1.0 would be read as a binary float"),
    ("1e3", "/claims/0/statement/bound", "the JSON number 1e3 would be read as a binary float"),
    ("1" + "0" * 5000, "/claims/0/statement/bound", "a JSON number of 5001 digits"),
])
def test_load_refuses_numbers_it_cannot_hold_exactly(tmp_path, bound, where, says):
    path = _loaded(tmp_path, bound=bound)
    with pytest.raises(ValueError) as info:
        dc.Certificate.load(path)
    assert str(info.value).startswith(f"{path}: at {where}: {says}")


def test_load_keeps_an_integer_json_number_for_the_kernel_to_reject(binary, tmp_path):
    # An integer is held exactly, so load() keeps it as written and the verifier reports it.
    c = dc.Certificate.load(_loaded(tmp_path, bound="1"))
    assert c.claims[0].statement["bound"] == 1 and '"bound": 1\n' in c.text()
    r = c.verify(binary=binary)
    assert r.exit_code == 2 and r.files[0].error.pointer == "/claims/0/statement/bound"
    assert "found the JSON number 1" in r.files[0].error.message


def test_from_dict_refuses_floats_with_their_pointer(tmp_path):
    doc = json.loads(_LOADED.replace("DESCRIPTION", '"x"').replace("BOUND", "NaN"))
    with pytest.raises(TypeError, match=r"at /claims/0/statement/bound: .*found float nan"):
        dc.Certificate.from_dict(doc)
    doc["claims"][0]["statement"]["bound"] = 0.5
    with pytest.raises(TypeError, match=r"at /claims/0/statement/bound: .*found float 0\.5; floats are never converted"):
        dc.Certificate.from_dict(doc)
    doc["claims"][0]["statement"]["bound"] = Fraction(1, 2)
    with pytest.raises(TypeError, match="at /claims/0/statement/bound: .*found Fraction"):
        dc.Certificate.from_dict(doc)
    doc["claims"][0]["statement"]["bound"] = "1/2"
    assert dc.Certificate.from_dict(doc).claims[0].statement["bound"] == "1/2"
    with pytest.raises(ValueError, match="not a dyadcert/1 document"):
        dc.Certificate.from_dict([doc])
