"""Exact conversion of arrays (numpy, torch, nested lists) to Fractions.

Floats are binary numbers: every finite float32 / float64 / float16 / bfloat16 value
is an exact dyadic rational, and this module takes exactly that value (never a
rounded decimal). inf and nan are refused with their index.
"""

from fractions import Fraction

from ._numbers import _refuse, exact_float, is_exact_number

__all__ = ["exact_array"]


def untensor(a):
    """A torch tensor as a numpy array (see _from_tensor); anything else unchanged."""
    if hasattr(a, "detach") and hasattr(a, "cpu"):
        return _from_tensor(a)
    return a


def _from_tensor(a):
    """A torch tensor as a numpy array, widened exactly when numpy lacks its dtype."""
    t = a.detach().cpu()
    if t.is_floating_point():
        import torch

        if t.dtype not in (torch.float16, torch.float32, torch.float64):
            t = t.to(torch.float64)  # bfloat16 and friends: exact widening
    return t.numpy()


def exact_array(a, allow_float=None, what=None):
    """Nested lists of Fractions with the exact values of ``a``.

    ``a`` may be a numpy array, a torch tensor, a scalar, or nested lists/tuples.
    Float arrays (float16, float32, float64, longdouble) are converted bit-exactly.
    In object arrays and Python lists, elements must be ints or Fractions; floats there
    are refused unless ``allow_float=True`` (then each is converted with exact_float),
    because a list of Python floats usually comes from decimal literals that are not
    the intended numbers. A float array is itself an explicit choice of binary values,
    so it is always accepted. Errors name ``what`` (the argument, e.g. "weights[1]")
    and the index of the offending element.
    """
    return _exact(a, allow_float, what, ())


def _where(what, pos):
    """'W element (1, 2)', 'element (1, 2)', 'W' or '' for error messages."""
    parts = ([what] if what else []) + ([f"element {pos}"] if pos else [])
    return " ".join(parts)


def _prefix(what, pos):
    w = _where(what, pos)
    return f"{w}: " if w else ""


def _exact(a, allow_float, what, pos):
    if hasattr(a, "detach") and hasattr(a, "cpu"):
        a = _from_tensor(a)
    if hasattr(a, "dtype") and hasattr(a, "tolist") and hasattr(a, "ndim") and (not pos or a.ndim > 0):
        # An array, or a numpy scalar passed alone; a numpy scalar inside a list is an
        # element like any other (np.float64 is a Python float: refused without allow_float).
        import numpy as np

        if isinstance(a, np.ma.MaskedArray):
            if np.ma.is_masked(a):
                idx = pos + tuple(int(i) for i in np.argwhere(np.ma.getmaskarray(a))[0])
                raise ValueError(f"{_where(what, idx)} is masked: a masked entry has no value a certificate can "
                                 "hold (fill it, e.g. a.filled(0), or drop it)")
            a = np.asarray(a.data)
        elif isinstance(a, np.ndarray) and type(a) is not np.ndarray:
            a = np.asarray(a)  # np.matrix and other subclasses whose reshape(-1) stays 2-D
        kind = a.dtype.kind
        if kind == "f":
            finite = np.isfinite(a)
            if not finite.all():
                idx = tuple(int(i) for i in np.argwhere(~finite)[0])
                raise ValueError(f"{_where(what, pos + idx) or 'element ()'} is {a[idx]!r}: inf and nan are not "
                                 "numbers a certificate can hold")
            if a.dtype.itemsize <= 8:
                flat = a.astype(np.float64).reshape(-1).tolist()
                vals = [Fraction(*x.as_integer_ratio()) for x in flat]
            else:
                vals = [Fraction(*map(int, x.as_integer_ratio())) for x in a.reshape(-1)]
            return _reshape(vals, a.shape)
        if kind in "iu":
            return a.tolist()
        if kind == "b":
            raise TypeError(f"{_prefix(what, pos)}found a bool array; numbers are expected")
        if kind == "O":
            shape = a.shape
            vals = [_element(x, allow_float, what, pos + _unravel(i, shape)) for i, x in enumerate(a.reshape(-1))]
            return _reshape(vals, shape)
        raise TypeError(f"{_prefix(what, pos)}cannot convert an array of dtype {a.dtype} to exact numbers")
    if isinstance(a, (list, tuple)):
        return [_exact(x, allow_float, what, pos + (i,)) for i, x in enumerate(a)]
    return _element(a, allow_float, what, pos)


def _unravel(i, shape):
    out = []
    for n in reversed(shape):
        i, r = divmod(i, n)
        out.append(r)
    return tuple(reversed(out))


def _element(x, allow_float, what, pos):
    if is_exact_number(x):
        return Fraction(int(x)) if not isinstance(x, Fraction) else x
    where = _where(what, pos)
    if allow_float and not isinstance(x, bool):
        try:
            return exact_float(x)
        except TypeError:
            pass
        except ValueError as e:
            raise ValueError(f"{where}: {e}" if where else str(e)) from None
    if isinstance(x, float) or type(x).__name__.startswith("float"):
        at = f" ({where})" if where else ""
        raise TypeError(
            f"found the float {x!r}{at} in a list or object array; floats there are converted only "
            "when asked: pass allow_float=True (exact binary value) or use ints / Fractions"
        )
    _refuse(x, f"a number at {where}" if where else "a number")


def _reshape(vals, shape):
    if len(shape) == 0:
        return vals[0]
    if len(shape) == 1:
        return vals
    step = len(vals) // shape[0] if shape[0] else 0
    return [_reshape(vals[i * step : (i + 1) * step], shape[1:]) for i in range(shape[0])]
