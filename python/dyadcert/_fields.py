"""Converters from Python values to the string fields of dyadcert/1."""

from ._numbers import int_text, num, to_fraction, to_int

RELATIONS = ("<=", "<", ">=", ">", "=")
CODINGS = ("joint", "separate")


def _items(xs, what):
    if isinstance(xs, (str, bytes)):
        raise TypeError(f"{what}: expected a list, found the string {xs!r}")
    from .arrays import untensor

    xs = untensor(xs)  # a torch dtype has no .kind
    if hasattr(xs, "dtype") and hasattr(xs, "tolist"):
        if xs.dtype.kind in "fc":
            raise TypeError(
                f"{what}: found a {xs.dtype} array; floats are never converted implicitly. "
                "Use dyadcert.exact_array(a) to take the exact values"
            )
        if xs.dtype.kind == "b":
            raise TypeError(f"{what}: found a bool array; numbers are expected")
        if getattr(xs, "ndim", 1) == 0:
            raise TypeError(f"{what}: expected a list, found the 0-d array {xs!r}")
        if xs.dtype.kind == "O":
            return list(xs)  # a 2-D object array gives its rows, like .tolist() of an int array
        return xs.tolist()
    try:
        return list(xs)
    except TypeError:
        raise TypeError(f"{what}: expected a list, found {type(xs).__name__} {xs!r}") from None


def number(x, what="number"):
    try:
        return num(x)
    except TypeError as e:
        raise TypeError(f"{what}: {e}") from None


def numbers(xs, what="numbers"):
    return [number(x, f"{what}[{i}]") for i, x in enumerate(_items(xs, what))]


def positive(x, what):
    q = to_fraction(x, what)
    if q <= 0:
        raise ValueError(f"{what} must be positive, found {num(q)}")
    return num(q)


def integer(x, what, lo=None, hi=None):
    try:
        i = to_int(x, what)
    except TypeError as e:
        raise TypeError(f"{what}: {e}") from None
    if lo is not None and i < lo:
        raise ValueError(f"{what} must be at least {lo}, found {i}")
    if hi is not None and i > hi:
        raise ValueError(f"{what} must be at most {hi}, found {i}")
    return int_text(i)


def integers(xs, what, lo=None, hi=None):
    return [integer(x, f"{what}[{i}]", lo, hi) for i, x in enumerate(_items(xs, what))]


def relation(r):
    if r not in RELATIONS:
        raise ValueError(f"relation must be one of {', '.join(RELATIONS)}, found {r!r}")
    return r


def coding(c):
    if c not in CODINGS:
        raise ValueError(f"coding must be 'joint' or 'separate', found {c!r}")
    return c


def amplitudes(a, what="amplitudes"):
    if isinstance(a, str):
        if a != "balanced":
            raise ValueError(f"{what}: the only keyword is 'balanced', found {a!r}")
        return a
    return [positive(x, f"{what}[{i}]") for i, x in enumerate(_items(a, what))]
