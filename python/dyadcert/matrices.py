"""Exact matrices (FORMAT.md sec. 4.7): the ``matrix`` object in its two encodings.

A matrix holds exact rationals. It is written either as ``entries`` (one canonical number
string per entry) or in the compact dyadic encoding: entry (i, j) = M[i][j] / 2^(e_i + f_j)
with integer mantissas M (base64 of little-endian int64, or ``wide-mantissas`` for any
size) and one exponent per row and per column. Float arrays (numpy, torch) convert
bit-exactly (every finite binary float is a dyadic rational), never rounded.
"""

import base64
import struct

from . import _fields as F
from ._canonical import canonical_text
from ._numbers import int_text, num, to_fraction
from .arrays import exact_array
from .certificate import ObjectDef

__all__ = ["matrix", "exact_matrix", "dyadic_parts", "MAX_DIMENSION"]

#: The kernel's largest row or column count.
MAX_DIMENSION = 1 << 31
_INT64 = 1 << 63
_ENCODINGS = ("auto", "entries", "dyadic")
_MANTISSAS = ("auto", "base64", "wide")


def exact_matrix(values, allow_float=None, what="matrix"):
    """``values`` as a list of rows of Fractions, checked rectangular.

    ``values``: a 2-D numpy array or torch tensor (floats converted exactly), or nested
    lists of ints / Fractions (Python floats only with ``allow_float=True``). A 1-D array
    or list is refused: say whether it is a row (``[v]``) or a column (``[[x] for x in v]``)."""
    rows = exact_array(values, allow_float, what)
    if not isinstance(rows, list):
        raise ValueError(f"{what}: expected a 2-D array (rows of numbers), found the scalar {num(rows)}")
    shape = getattr(values, "shape", None)
    if shape is not None and len(shape) != 2:
        raise ValueError(f"{what}: expected a 2-D array, found an array of shape {tuple(shape)}")
    out = []
    width = None
    for i, row in enumerate(rows):
        if not isinstance(row, list):
            raise ValueError(f"{what}: expected a 2-D array (rows of numbers), found the number {num(row)} as row {i}; "
                             "wrap a vector as one row [v] or as a column [[x] for x in v]")
        if width is None:
            width = len(row)
        elif len(row) != width:
            raise ValueError(f"{what}: row {i} has {len(row)} entries, row 0 has {width}")
        for j, x in enumerate(row):
            if isinstance(x, list):
                raise ValueError(f"{what}: entry ({i}, {j}) is a list; expected a 2-D array")
        out.append([to_fraction(x, f"{what} entry ({i}, {j})") for j, x in enumerate(row)])
    if len(out) > MAX_DIMENSION or (width or 0) > MAX_DIMENSION:
        raise ValueError(f"{what}: at most 2^31 rows and columns")
    return out


def _two_adic(q):
    """t with q = m 2^t, m an odd integer (q != 0); None if q is not dyadic."""
    d = q.denominator
    if d & (d - 1):
        return None
    n = abs(q.numerator)
    return ((n & -n).bit_length() - 1) - (d.bit_length() - 1)


def _shift(q, e):
    """q * 2^e as an int; ValueError if it is not one."""
    n, d = q.numerator, q.denominator
    if d & (d - 1):
        raise ValueError
    s = e - (d.bit_length() - 1)
    if s >= 0:
        return n << s
    if n & ((1 << -s) - 1):
        raise ValueError
    return n >> -s


def dyadic_parts(rows, row_exponents, column_exponents):
    """The mantissas M[i][j] = q[i][j] 2^(e_i + f_j) for the given exponents (ints, or one
    int for all); ValueError naming the first entry that is not such an integer."""
    R = len(rows)
    C = len(rows[0]) if rows else 0
    e = _expand(row_exponents, R, "row_exponents")
    f = _expand(column_exponents, C, "column_exponents")
    out = []
    for i, row in enumerate(rows):
        mrow = []
        for j, q in enumerate(row):
            try:
                mrow.append(_shift(q, e[i] + f[j]))
            except ValueError:
                raise ValueError(
                    f"entry ({i}, {j}) = {num(q)} times 2^({e[i]} + {f[j]}) is not an integer: "
                    "these exponents cannot encode it") from None
        out.append(mrow)
    return out


def _expand(exps, n, what):
    if isinstance(exps, (list, tuple)):
        if len(exps) != n:
            raise ValueError(f"{what}: expected {n} exponents (or one int for all), found {len(exps)}")
        return [int(F.integer(x, f"{what}[{k}]")) for k, x in enumerate(exps)]
    return [int(F.integer(exps, what))] * n


def _exponent_field(exps):
    if isinstance(exps, (list, tuple)):
        return [int_text(x) for x in exps]
    return int_text(exps)


def _pack(mantissas):
    data = bytearray()
    for row in mantissas:
        for m in row:
            data += struct.pack("<q", m)
    return base64.b64encode(bytes(data)).decode("ascii")


def _fits_int64(mantissas):
    return all(-_INT64 < m < _INT64 for row in mantissas for m in row)


def _dyadic_field(mantissas, row_exponents, column_exponents, form):
    d = {"row-exponents": _exponent_field(row_exponents), "column-exponents": _exponent_field(column_exponents)}
    if form == "auto":
        form = "base64" if _fits_int64(mantissas) else "wide"
    if form == "base64":
        if not _fits_int64(mantissas):
            raise ValueError("a mantissa has magnitude 2^63 or more: use mantissas='wide'")
        d["mantissas"] = _pack(mantissas)
    else:
        d["wide-mantissas"] = [[int_text(m) for m in row] for row in mantissas]
    return d


def _collapse(exps):
    """One int when every exponent is the same (or there are none), else the list."""
    if not exps:
        return 0
    return exps[0] if all(x == exps[0] for x in exps) else list(exps)


def _auto_exponents(rows, by_row):
    """The least exponents that make every entry an integer mantissa, one per row
    (columns 0) or one per column (rows 0); None if an entry is not dyadic."""
    R = len(rows)
    C = len(rows[0]) if rows else 0
    n = R if by_row else C
    exps = [None] * n
    for i in range(R):
        for j in range(C):
            q = rows[i][j]
            if q == 0:
                continue
            t = _two_adic(q)
            if t is None:
                return None
            k = i if by_row else j
            if exps[k] is None or -t > exps[k]:
                exps[k] = -t
    exps = [0 if x is None else x for x in exps]
    return (_collapse(exps), 0) if by_row else (0, _collapse(exps))


def matrix(name, values, *, encoding="auto", row_exponents=None, column_exponents=None, mantissas="auto",
           sha256=None, source=None, allow_float=None):
    """A ``matrix`` object holding exactly ``values`` (see exact_matrix for what is accepted).

    ``encoding``:

    - ``"auto"`` (default): the shortest canonical text among ``entries`` and the dyadic
      encodings with one exponent per row or one per column (the dyadic ones only when
      every entry is dyadic, as every float is);
    - ``"entries"``: one number string per entry;
    - ``"dyadic"``: with ``row_exponents`` and ``column_exponents`` (an int for all rows /
      columns, or a list) if given, else the least per-row exponents; ``mantissas``
      ``"base64"`` (int64, the compact form), ``"wide"`` (any size) or ``"auto"`` (base64
      when every mantissa fits).

    ``sha256`` (64 lowercase hex digits) and ``source`` record where the matrix came from;
    the kernel reports them but does not check them. The values are never rounded: an
    encoding that cannot hold them raises ValueError."""
    if encoding not in _ENCODINGS:
        raise ValueError(f"encoding must be one of {', '.join(_ENCODINGS)}, found {encoding!r}")
    if mantissas not in _MANTISSAS:
        raise ValueError(f"mantissas must be one of {', '.join(_MANTISSAS)}, found {mantissas!r}")
    if (row_exponents is not None or column_exponents is not None) and encoding != "dyadic":
        raise TypeError("row_exponents= and column_exponents= go with encoding='dyadic'")
    rows = exact_matrix(values, allow_float, what=f"matrix {name!r}")
    R = len(rows)
    shape = getattr(values, "shape", None)
    C = len(rows[0]) if rows else (int(shape[1]) if shape is not None and len(shape) == 2 else 0)
    base = {"kind": "matrix", "rows": str(R), "columns": str(C)}
    if sha256 is not None:
        if not (isinstance(sha256, str) and len(sha256) == 64 and all(c in "0123456789abcdef" for c in sha256)):
            raise ValueError(f"sha256 must be 64 lowercase hexadecimal digits, found {sha256!r}")
        base["sha256"] = sha256
    if source is not None:
        if not isinstance(source, str):
            raise TypeError("source must be a string")
        base["source"] = source

    def with_entries():
        return dict(base, entries=[[num(q) for q in row] for row in rows])

    def with_dyadic(e, f, form):
        return dict(base, dyadic=_dyadic_field(dyadic_parts(rows, e, f), e, f, form))

    if encoding == "entries":
        return ObjectDef(name, with_entries())
    if encoding == "dyadic":
        if row_exponents is None and column_exponents is None:
            auto = _auto_exponents(rows, by_row=True)
            if auto is None:
                raise ValueError(f"matrix {name!r} has an entry that is not dyadic (its denominator is not a power of 2): "
                                 "use encoding='entries'")
            row_exponents, column_exponents = auto
        return ObjectDef(name, with_dyadic(0 if row_exponents is None else row_exponents,
                                           0 if column_exponents is None else column_exponents, mantissas))
    candidates = [with_entries()]
    for by_row in (True, False):
        auto = _auto_exponents(rows, by_row)
        if auto is not None:
            candidates.append(with_dyadic(auto[0], auto[1], mantissas))
    best = min(candidates, key=lambda d: len(canonical_text(d)))  # min keeps the first of equals
    return ObjectDef(name, best)
