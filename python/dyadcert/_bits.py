"""Packed hex bit strings (FORMAT.md sec. 2.4).

A bit string b_0 ... b_{n-1} is written as ceil(n/4) lowercase hex digits; digit t
holds b_{4t} in its most significant bit, then b_{4t+1}, b_{4t+2}, b_{4t+3}; the
padding bits after b_{n-1} are 0. Bit 1 stands for the sign -1.
"""

import re

__all__ = [
    "pack_bits",
    "unpack_bits",
    "signs_to_bits",
    "bits_to_signs",
    "pack_signs",
    "sign_tree_hex",
    "sign_function_hex",
]

_HEX = re.compile(r"^[0-9a-f]*$")


def _flatten(values):
    """A flat list of Python scalars from a list, nested lists, a numpy array or a torch tensor."""
    from .arrays import untensor

    values = untensor(values)  # a torch dtype has no .kind
    if hasattr(values, "tolist") and hasattr(values, "dtype"):
        if values.dtype.kind not in "iub":
            raise TypeError(
                f"expected an integer or bool array of bits or signs, found dtype {values.dtype}; "
                "convert float arrays explicitly (e.g. np.sign(a).astype(int)) after checking they are exact"
            )
        values = values.reshape(-1).tolist()
        return [int(v) for v in values]
    out = []
    for v in values:
        if isinstance(v, (list, tuple)) or (hasattr(v, "tolist") and hasattr(v, "dtype") and getattr(v, "ndim", 0) > 0):
            out.extend(_flatten(v))
        else:
            out.append(v)
    return out


def _as_small_int(v, allowed, what):
    if isinstance(v, float) or type(v).__name__.startswith("float"):
        raise TypeError(f"{what}: found the float {v!r}; use integers {sorted(allowed)}")
    try:
        i = int(v)
    except (TypeError, ValueError):
        raise TypeError(f"{what}: found {v!r}; expected one of {sorted(allowed)}") from None
    if i != v or i not in allowed:
        raise ValueError(f"{what}: found {v!r}; expected one of {sorted(allowed)}")
    return i


def pack_bits(bits):
    """Packs 0/1 bits (a list, nested lists or an array, flattened in order) into hex."""
    flat = [_as_small_int(b, {0, 1}, f"bit {i}") for i, b in enumerate(_flatten(bits))]
    digits = []
    for t in range(0, len(flat), 4):
        chunk = flat[t : t + 4] + [0] * (4 - len(flat[t : t + 4]))
        digits.append("0123456789abcdef"[chunk[0] * 8 + chunk[1] * 4 + chunk[2] * 2 + chunk[3]])
    return "".join(digits)


def unpack_bits(text, n):
    """The n bits of a hex bit string (checks length, case and padding like the kernel)."""
    if not isinstance(text, str) or not _HEX.match(text):
        raise ValueError(f"{text!r} is not a lowercase hex bit string")
    need = (n + 3) // 4
    if len(text) != need:
        raise ValueError(f"{n} bits need exactly {need} hex digits, found {len(text)} characters")
    bits = []
    for ch in text:
        d = int(ch, 16)
        bits.extend([(d >> 3) & 1, (d >> 2) & 1, (d >> 1) & 1, d & 1])
    if any(bits[n:]):
        raise ValueError(f"padding bits after bit {n - 1} must be zero")
    return bits[:n]


def signs_to_bits(signs):
    """+1 -> 0 and -1 -> 1, flattened in order."""
    return [0 if s == 1 else 1 for s in (_as_small_int(s, {1, -1}, f"sign {i}") for i, s in enumerate(_flatten(signs)))]


def bits_to_signs(bits):
    return [1 - 2 * b for b in bits]


def pack_signs(signs):
    """Packs +-1 signs into hex (bit 1 = -1)."""
    return pack_bits(signs_to_bits(signs))


def _count(x, what):
    """An int given as an int (numpy integers too); floats and strings are refused, not truncated."""
    from ._numbers import to_int

    return to_int(x, what)


def _levels_from_count(count, offset, what):
    n = count + offset
    if n < 1 or n & (n - 1):
        raise ValueError(f"{what}: {count} entries is not {'2^J - 1' if offset else '2^J'} for any J")
    return n.bit_length() - 1


def sign_tree_hex(signs=None, bits=None, levels=None):
    """(J, hex) of a sign tree of depth J: 2^J - 1 signs in node order
    (sigma(0,0), sigma(1,0), sigma(1,1), sigma(2,0), ...), given as +-1 ``signs`` (flat or
    one list per level) or as 0/1 ``bits`` (1 = -1)."""
    if (signs is None) == (bits is None):
        raise TypeError("give exactly one of signs= (+-1) or bits= (0/1)")
    if signs is not None:
        if not (hasattr(signs, "dtype")) and isinstance(signs, (list, tuple)) and signs and isinstance(signs[0], (list, tuple)):
            for j, level in enumerate(signs):
                if len(level) != 2**j:
                    raise ValueError(f"sign tree level {j} needs {2**j} signs, found {len(level)}")
        flat = signs_to_bits(signs)
    else:
        flat = [_as_small_int(b, {0, 1}, f"bit {i}") for i, b in enumerate(_flatten(bits))]
    J = _levels_from_count(len(flat), 1, "a sign tree")
    if J < 1:
        raise ValueError("a sign tree has depth at least 1")
    if levels is not None and _count(levels, "levels") != J:
        raise ValueError(f"levels = {levels} but {len(flat)} signs make depth {J}")
    return J, pack_bits(flat)


def sign_function_hex(signs=None, bits=None, level=None):
    """(J, hex) of a +-1 function of level J: 2^J values, cell by cell."""
    if (signs is None) == (bits is None):
        raise TypeError("give exactly one of signs= (+-1) or bits= (0/1)")
    flat = signs_to_bits(signs) if signs is not None else [
        _as_small_int(b, {0, 1}, f"bit {i}") for i, b in enumerate(_flatten(bits))
    ]
    J = _levels_from_count(len(flat), 0, "a sign function")
    if level is not None and _count(level, "level") != J:
        raise ValueError(f"level = {level} but {len(flat)} values make level {J}")
    return J, pack_bits(flat)
