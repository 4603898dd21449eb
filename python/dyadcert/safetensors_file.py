"""A small exact reader of .safetensors files (stdlib only).

The format: an 8-byte little-endian header length n, n bytes of JSON naming each tensor's
dtype, shape and byte range, then the raw little-endian data. Floating tensors (F64, F32,
F16, BF16) are decoded from their bits to the exact Fraction each element encodes, so
nothing is rounded on the way into a certificate (numpy has no bfloat16; this reader
needs neither numpy nor torch). inf and nan are refused with the tensor and index.
"""

import json
import os
import struct
from fractions import Fraction

__all__ = ["load_exact", "MAX_HEADER_BYTES"]

#: The largest JSON header accepted (the format's own reference limit is 100 MB).
MAX_HEADER_BYTES = 100_000_000

_INT_FORMATS = {"I64": "q", "I32": "i", "I16": "h", "I8": "b", "U64": "Q", "U32": "I", "U16": "H", "U8": "B"}
_SIZES = {"F64": 8, "F32": 4, "F16": 2, "BF16": 2, "I64": 8, "I32": 4, "I16": 2, "I8": 1, "U64": 8, "U32": 4,
          "U16": 2, "U8": 1}


def _floats(dtype, raw, count):
    if dtype == "F64":
        return struct.unpack(f"<{count}d", raw)
    if dtype == "F32":
        return struct.unpack(f"<{count}f", raw)
    if dtype == "F16":
        return struct.unpack(f"<{count}e", raw)
    # bfloat16: the upper half of a float32, so widening is a shift of the bits.
    halves = struct.unpack(f"<{count}H", raw)
    return struct.unpack(f"<{count}f", struct.pack(f"<{count}I", *(h << 16 for h in halves)))


class _RepeatedKey(Exception):
    pass


def _unique_members(pairs):
    """A JSON object's members as a dict, refusing a key given twice (json.loads keeps the last)."""
    out = {}
    for key, value in pairs:
        if key in out:
            raise _RepeatedKey(key)
        out[key] = value
    return out


def _reshape(vals, shape):
    if len(shape) == 0:
        return vals[0]
    if len(shape) == 1:
        return list(vals)
    step = len(vals) // shape[0] if shape[0] else 0
    return [_reshape(vals[i * step:(i + 1) * step], shape[1:]) for i in range(shape[0])]


def load_exact(path, names=None):
    """{name: nested lists of Fractions (float dtypes) or ints} for the tensors of a
    .safetensors file (all, or those in ``names``), in the header's order.
    Malformed files raise ValueError naming the file and what is wrong."""
    size = os.path.getsize(path)
    with open(path, "rb") as handle:
        head = handle.read(8)
        if len(head) != 8:
            raise ValueError(f"{path}: not a safetensors file (shorter than 8 bytes)")
        (n,) = struct.unpack("<Q", head)
        if n > MAX_HEADER_BYTES or 8 + n > size:
            raise ValueError(f"{path}: header length {n} is larger than the file ({size} bytes) or {MAX_HEADER_BYTES}")
        try:
            header = json.loads(handle.read(n).decode("utf-8"), object_pairs_hook=_unique_members)
        except (UnicodeDecodeError, json.JSONDecodeError) as e:
            raise ValueError(f"{path}: the header is not JSON: {e}") from None
        except _RepeatedKey as e:
            raise ValueError(f"{path}: the header names {e.args[0]!r} twice (which one holds the tensor?)") from None
        if not isinstance(header, dict):
            raise ValueError(f"{path}: the header is not a JSON object")
        data_size = size - 8 - n
        wanted = [k for k in header if k != "__metadata__"] if names is None else list(names)
        out = {}
        for name in wanted:
            if name not in header or name == "__metadata__":
                raise KeyError(f"{path} has no tensor {name!r}; it has {sorted(k for k in header if k != '__metadata__')}")
            info = header[name]
            if not isinstance(info, dict):
                raise ValueError(f"{path}: tensor {name!r}: expected an object in the header")
            dtype, shape, offsets = info.get("dtype"), info.get("shape"), info.get("data_offsets")
            if dtype not in _SIZES:
                raise ValueError(f"{path}: tensor {name!r} has dtype {dtype!r}; exact conversion supports {sorted(_SIZES)}")
            if not (isinstance(shape, list) and all(type(s) is int and s >= 0 for s in shape)):  # not true/false
                raise ValueError(f"{path}: tensor {name!r}: malformed shape {shape!r}")
            if not (isinstance(offsets, list) and len(offsets) == 2 and all(isinstance(o, int) for o in offsets)
                    and 0 <= offsets[0] <= offsets[1] <= data_size):
                raise ValueError(f"{path}: tensor {name!r}: data_offsets {offsets!r} outside the {data_size} data bytes")
            count = 1
            for s in shape:
                count *= s
            if count * _SIZES[dtype] != offsets[1] - offsets[0]:
                raise ValueError(f"{path}: tensor {name!r}: shape {shape} of {dtype} needs {count * _SIZES[dtype]} bytes, "
                                 f"the offsets give {offsets[1] - offsets[0]}")
            handle.seek(8 + n + offsets[0])
            raw = handle.read(offsets[1] - offsets[0])
            if dtype in _INT_FORMATS:
                vals = list(struct.unpack(f"<{count}{_INT_FORMATS[dtype]}", raw))
            else:
                vals = []
                for i, x in enumerate(_floats(dtype, raw, count)):
                    if x != x or x in (float("inf"), float("-inf")):
                        raise ValueError(f"{path}: tensor {name!r} element {i} is {x!r}: inf and nan are not numbers a certificate can hold")
                    vals.append(Fraction(*x.as_integer_ratio()))
            out[name] = _reshape(vals, shape)
        return out
