"""Exact numbers: the canonical number strings of FORMAT.md sec. 2.2.

Every number in a certificate is an ``int`` or a :class:`fractions.Fraction` (or a
numpy integer). Floats are never converted silently: a float is an exact binary
number, but a float written in source code (``0.1``) is usually not the number the
author meant, so the conversion must be asked for with :func:`exact_float`.
"""

import re
from fractions import Fraction
from math import gcd
from numbers import Integral, Rational

__all__ = ["num", "exact_float", "to_fraction", "to_int", "is_exact_number", "int_text", "parse_rational"]

_FLOAT_HINT = (
    "DyadCert numbers are exact: pass an int or a fractions.Fraction, or convert a "
    "float bit-exactly with dyadcert.exact_float(x) (arrays: dyadcert.exact_array)"
)


def _numpy():
    import sys

    return sys.modules.get("numpy")


def _is_numpy_integer(x):
    np = _numpy()
    return np is not None and isinstance(x, np.integer)


def _is_numpy_floating(x):
    np = _numpy()
    return np is not None and isinstance(x, np.floating)


def _refuse(x, what="a number"):
    if isinstance(x, bool) or (_numpy() is not None and isinstance(x, _numpy().bool_)):
        raise TypeError(f"expected {what}, found the bool {x!r}; booleans are not numbers here. {_FLOAT_HINT}")
    if isinstance(x, float) or _is_numpy_floating(x):
        raise TypeError(
            f"expected {what}, found the float {x!r}; a float is never converted implicitly. "
            f"Use dyadcert.exact_float({x!r}) to take its exact binary value. {_FLOAT_HINT}"
        )
    if isinstance(x, str):
        raise TypeError(
            f"expected {what}, found the string {x!r}; pass an int or a fractions.Fraction "
            f"(e.g. Fraction({x!r})). {_FLOAT_HINT}"
        )
    try:
        from decimal import Decimal

        if isinstance(x, Decimal):
            raise TypeError(
                f"expected {what}, found the Decimal {x!r}; pass Fraction(d) for its exact value. {_FLOAT_HINT}"
            )
    except ImportError:  # pragma: no cover
        pass
    raise TypeError(f"expected {what}, found {type(x).__name__} {x!r}. {_FLOAT_HINT}")


def is_exact_number(x):
    """Whether x is an int (not bool), a Fraction or a numpy integer."""
    if isinstance(x, bool):
        return False
    return isinstance(x, (int, Fraction)) or _is_numpy_integer(x)


def to_fraction(x, what="a number"):
    """x as a Fraction; only ints, Fractions and numpy integers are accepted."""
    if isinstance(x, bool):
        _refuse(x, what)
    if isinstance(x, Fraction):
        return x
    if isinstance(x, int):
        return Fraction(x)
    if _is_numpy_integer(x):
        return Fraction(int(x))
    if isinstance(x, Integral) and not isinstance(x, bool):
        return Fraction(int(x))
    if isinstance(x, Rational):  # other exact rationals (e.g. gmpy2.mpq)
        return Fraction(int(x.numerator), int(x.denominator))
    _refuse(x, what)


def to_int(x, what="an integer"):
    """x as an int; Fractions with denominator 1 are accepted, others refused."""
    q = to_fraction(x, what)
    if q.denominator != 1:
        raise ValueError(f"expected {what}, found the fraction {q}")
    return q.numerator


# Python (3.11, and 3.10.7 / 3.9.14 on) refuses str(int) and int(str) beyond 4300 decimal
# digits (sys.get_int_max_str_digits); the kernel's default --max-digits is 10000 and a
# longdouble's largest finite value alone has 4933 digits. Longer numbers are split into
# pieces of at most _CHUNK digits, so no process-wide setting is touched.
_CHUNK = 4000
_CHUNK_BOUND = 10**_CHUNK


def int_text(n):
    """The decimal text of the integer n, of any length."""
    n = int(n)
    if -_CHUNK_BOUND < n < _CHUNK_BOUND:
        return str(n)
    if n < 0:
        return "-" + int_text(-n)
    k = max(_CHUNK, (n.bit_length() * 3 // 10) // 2)  # about half the digits
    high, low = divmod(n, 10**k)
    return int_text(high) + int_text(low).rjust(k, "0")


def _parse_int(text):
    if len(text) <= _CHUNK:
        return int(text)
    if text[0] in "+-":
        value = _parse_int(text[1:])
        return -value if text[0] == "-" else value
    k = len(text) // 2
    return _parse_int(text[:-k]) * 10**k + _parse_int(text[-k:])


_CANONICAL = re.compile(r"(0|-?[1-9][0-9]*)(?:/([1-9][0-9]*))?")


def parse_rational(text):
    """The Fraction a canonical number string ("-3/8", "12") denotes, of any length.

    Only the canonical form of FORMAT.md sec. 2.2 is read, as the kernel reads it: no
    decimals, exponents, spaces, signs on the denominator, leading zeros or fractions
    out of lowest terms (``Fraction("0.1")`` would take them all). Anything else is a
    ValueError naming the text.
    """
    if not isinstance(text, str):
        raise TypeError(f"expected a number string, found {type(text).__name__} {text!r}")
    m = _CANONICAL.fullmatch(text)
    if m is None:
        raise ValueError(f"not a canonical number string (FORMAT.md sec. 2.2): {_clip(text)!r}")
    p = _parse_int(m.group(1))
    if m.group(2) is None:
        return Fraction(p)
    q = _parse_int(m.group(2))
    if p == 0 or q == 1 or gcd(p, q) != 1:
        raise ValueError(f"not a canonical number string (FORMAT.md sec. 2.2; a fraction is in lowest "
                         f"terms, its numerator is not 0 and its denominator is at least 2): {_clip(text)!r}")
    return Fraction(p, q)


def _clip(text):
    return text if len(text) <= 40 else text[:40] + "..."


def num(x):
    """The canonical string of an exact number (FORMAT.md sec. 2.2).

    >>> num(-12), num(Fraction(6, 16)), num(Fraction(4, 2))
    ('-12', '3/8', '2')

    Floats, numpy floats, bools, strings and Decimals raise TypeError (use exact_float).
    """
    q = to_fraction(x)
    if q.denominator == 1:
        return int_text(q.numerator)
    return f"{int_text(q.numerator)}/{int_text(q.denominator)}"


def exact_float(x):
    """The exact value of a binary float as a Fraction.

    Accepts Python floats and numpy floating scalars (float16, float32, float64,
    longdouble): the result is the number the bits encode, with no rounding (float32
    values are widened exactly; subnormals are exact; -0.0 gives 0). ints and
    Fractions are returned as Fractions unchanged. inf and nan raise ValueError.
    """
    if isinstance(x, bool):
        _refuse(x, "a float")
    if isinstance(x, Fraction):
        return x
    if isinstance(x, int) or _is_numpy_integer(x):
        return Fraction(int(x))
    if isinstance(x, float):
        pass
    elif _is_numpy_floating(x):
        pass
    else:
        raise TypeError(f"exact_float expects a float or numpy floating scalar, found {type(x).__name__} {x!r}")
    try:
        p, q = x.as_integer_ratio()
    except OverflowError:
        raise ValueError(f"cannot convert {x!r}: infinity is not a number a certificate can hold") from None
    except ValueError:
        raise ValueError(f"cannot convert {x!r}: NaN is not a number a certificate can hold") from None
    return Fraction(int(p), int(q))
