"""Exact numbers: canonical strings, refusal of inexact types, and bit-exact float
conversion checked against an independent IEEE-754 decoding and decimal.Decimal."""

import decimal
import struct
from fractions import Fraction

import pytest

import dyadcert as dc


def test_canonical_strings():
    cases = [(0, "0"), (7, "7"), (-12, "-12"), (Fraction(3, 8), "3/8"), (Fraction(-1, 2), "-1/2"),
             (Fraction(6, 16), "3/8"), (Fraction(-6, 3), "-2"), (Fraction(0, 5), "0"), (10**40, "1" + "0" * 40),
             (Fraction(-(2**70) + 1, 2**71), "-1180591620717411303423/2361183241434822606848")]
    for x, text in cases:
        assert dc.num(x) == text


@pytest.mark.parametrize("bad", [0.5, 1.0, -0.0, float("inf"), True, False, "1/2", "3", decimal.Decimal("0.5"), None, 1j])
def test_refuses_inexact_or_non_numbers(bad):
    with pytest.raises(TypeError) as info:
        dc.num(bad)
    assert "exact_float" in str(info.value)


def test_builders_refuse_bare_floats():
    with pytest.raises(TypeError, match="exact_float"):
        dc.step_function("f", [0, 0.5, 1], [1, 2])
    with pytest.raises(TypeError, match="exact_float"):
        dc.sup_distance("c", "f", "g", "<=", 0.25)
    with pytest.raises(TypeError, match="exact_float"):
        dc.Unit("linear", [0], [0.5], 0)


def _decode_float64(x):
    """Independent decoding of the IEEE-754 binary64 bits of x."""
    (u,) = struct.unpack("<Q", struct.pack("<d", x))
    sign = -1 if u >> 63 else 1
    e = (u >> 52) & 0x7FF
    m = u & ((1 << 52) - 1)
    assert e != 0x7FF
    if e == 0:
        mag = Fraction(m, 1 << 1074)
    else:
        mag = Fraction((1 << 52) | m) * Fraction(2) ** (e - 1075)
    return sign * mag


def _decode_bits(u, ebits, mbits):
    """Independent decoding of an IEEE-754 bit pattern (as a Python int); None for inf/nan.
    Returns (numerator, denominator) in lowest terms, denominator a power of two."""
    sign = -1 if u >> (ebits + mbits) else 1
    e = (u >> mbits) & ((1 << ebits) - 1)
    m = u & ((1 << mbits) - 1)
    bias = (1 << (ebits - 1)) - 1
    if e == (1 << ebits) - 1:
        return None
    if e == 0:
        p, k = m, -(bias + mbits - 1)
    else:
        p, k = (1 << mbits) | m, e - bias - mbits
    if p == 0:
        return (0, 1)
    if k >= 0:
        return (sign * (p << k), 1)
    t = min((p & -p).bit_length() - 1, -k)  # cancel common factors of two
    return (sign * (p >> t), 1 << (-k - t))


def _decimal_exact(x):
    """decimal.Decimal(x) is exact for a float; turn its digits into a Fraction."""
    d = decimal.Decimal(x)
    sign, digits, exp = d.as_tuple()
    n = int("".join(map(str, digits))) if digits else 0
    q = Fraction(n) * (Fraction(10) ** exp)
    return -q if sign else q


EDGES = [0.0, -0.0, 1.0, -1.0, 0.1, -0.1, 1 / 3, 5e-324, -5e-324, 2.2250738585072014e-308, 2.225073858507201e-308,
         1.7976931348623157e308, -1.7976931348623157e308, 2.0 ** -1074, 2.0 ** 1023, 9007199254740993.0, 0.5, 3.5e-310]


@pytest.mark.parametrize("x", EDGES)
def test_float64_edges(x):
    q = dc.exact_float(x)
    assert q == _decode_float64(x) == _decimal_exact(x)
    text = dc.num(q)
    assert text != "-0"
    if x == 0:
        assert text == "0"
    if x != 0 and abs(x) < 2.2250738585072014e-308:  # subnormal: denominator 2^1074 exactly when the last bit is set
        assert q.denominator <= 2**1074


def test_specific_values():
    assert dc.num(dc.exact_float(0.1)) == "3602879701896397/36028797018963968"
    assert dc.num(dc.exact_float(5e-324)) == "1/" + str(2**1074)
    assert dc.num(dc.exact_float(1.7976931348623157e308)) == str((2**53 - 1) * 2**971)
    assert dc.num(dc.exact_float(-0.0)) == "0"


@pytest.mark.parametrize("bad", [float("inf"), float("-inf"), float("nan")])
def test_inf_nan_refused(bad):
    with pytest.raises(ValueError, match="inf|NaN|nan|infinity|Infinity"):
        dc.exact_float(bad)


def test_exact_float_type_errors():
    for bad in ("0.5", decimal.Decimal("0.5"), None, True):
        with pytest.raises(TypeError):
            dc.exact_float(bad)


np = pytest.importorskip("numpy")


def test_numpy_scalars():
    assert dc.num(np.int64(-5)) == "-5"
    assert dc.num(np.uint8(200)) == "200"
    for bad in (np.float32(0.5), np.float64(0.5), np.bool_(True), np.float16(1)):
        with pytest.raises(TypeError):
            dc.num(bad)
    # float32 0.1 is not float64 0.1: its exact value is 13421773 / 2^27.
    assert dc.exact_float(np.float32(0.1)) == Fraction(13421773, 2**27)
    assert dc.exact_float(np.float32(-0.0)) == 0
    smallest32 = np.frombuffer(np.uint32(1).tobytes(), dtype=np.float32)[0]
    assert dc.exact_float(smallest32) == Fraction(1, 2**149)
    assert dc.exact_float(np.finfo(np.float32).max) == (2**24 - 1) * Fraction(2) ** 104
    assert dc.exact_float(np.float16(65504)) == 65504
    for bad in (np.float32("inf"), np.float32("nan"), np.float64("-inf")):
        with pytest.raises(ValueError):
            dc.exact_float(bad)


def _random_patterns(rng, n, bits):
    dtype = np.uint32 if bits == 32 else np.uint64
    raw = rng.integers(0, np.iinfo(dtype).max, size=n, dtype=dtype, endpoint=True)
    # Mix in exponent extremes so that subnormals, zeros and the largest values appear often.
    ebits, mbits = (8, 23) if bits == 32 else (11, 52)
    special = rng.integers(0, 4, size=n)
    exps = np.where(special == 0, 0, np.where(special == 1, (1 << ebits) - 2, -1)).astype(np.int64)
    raw_list = raw.tolist()
    out = []
    mask_e = ((1 << ebits) - 1) << mbits
    for u, e in zip(raw_list, exps.tolist()):
        if e >= 0:
            u = (u & ~mask_e) | (e << mbits)
        out.append(u)
    return np.array(out, dtype=dtype)


@pytest.mark.parametrize("bits", [32, 64])
def test_random_bit_patterns(bits):
    """10^5 random bit patterns: exact_array and exact_float against the independent decoding."""
    rng = np.random.default_rng(20261129 + bits)
    n = 100_000
    patterns = _random_patterns(rng, n, bits)
    ftype = np.float32 if bits == 32 else np.float64
    values = patterns.view(ftype)
    ebits, mbits = (8, 23) if bits == 32 else (11, 52)
    expected = [_decode_bits(u, ebits, mbits) for u in patterns.tolist()]
    finite = np.array([e is not None for e in expected])
    vals = values[finite]
    got = dc.exact_array(vals)
    want_pairs = [e for e in expected if e is not None]
    assert len(got) == len(want_pairs) > 0.6 * n
    assert [(q.numerator, q.denominator) for q in got] == want_pairs
    want = got
    # Scalars too, and the canonical strings, on a sample; subnormals and zeros must occur.
    sample = vals[:5000]
    assert [(lambda q: (q.numerator, q.denominator))(dc.exact_float(x)) for x in sample] == want_pairs[:5000]
    assert all(dc.num(q) != "-0" for q in want[:5000])
    assert any(0 < abs(q) < Fraction(2) ** (2 - (1 << (ebits - 1))) for q in want)  # subnormals present
    # The non-finite ones are refused.
    if (~finite).any():
        with pytest.raises(ValueError):
            dc.exact_array(values[~finite][:1])


def test_exact_array_shapes_and_dtypes():
    a = np.array([[0.5, -0.25], [1.0, 3.0]], dtype=np.float32)
    assert dc.exact_array(a) == [[Fraction(1, 2), Fraction(-1, 4)], [1, 3]]
    assert dc.exact_array(np.array([1, -2], dtype=np.int8)) == [1, -2]
    assert dc.exact_array(np.float64(0.5)) == Fraction(1, 2)
    with pytest.raises(ValueError, match=r"\(1,\)"):
        dc.exact_array(np.array([1.0, np.nan]))
    with pytest.raises(TypeError):
        dc.exact_array(np.array([True, False]))
    obj = np.array([Fraction(1, 3), 2, 0.5], dtype=object)
    with pytest.raises(TypeError, match="allow_float"):
        dc.exact_array(obj)
    assert dc.exact_array(obj, allow_float=True) == [Fraction(1, 3), 2, Fraction(1, 2)]
    with pytest.raises(TypeError, match="allow_float"):
        dc.exact_array([0.5, 1])
    assert dc.exact_array([Fraction(1, 2), 1]) == [Fraction(1, 2), 1]
    if hasattr(np, "longdouble") and np.finfo(np.longdouble).nmant > 52:
        x = np.longdouble(1) + np.longdouble(2) ** -60
        assert dc.exact_array(np.array([x])) == [1 + Fraction(1, 2**60)]


def test_builders_refuse_float_arrays():
    with pytest.raises(TypeError, match="exact_array"):
        dc.cell_function("c", 1, np.array([0.5, 0.25]))
    assert dc.cell_function("c", 1, np.array([1, 2])).data["values"] == ["1", "2"]
