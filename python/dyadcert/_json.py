"""Reading certificate text strictly (FORMAT.md sec. 2.1).

``json.loads`` keeps the last of two equal keys, reads ``NaN`` and ``Infinity``, and turns
``0.1`` into the nearest binary float; a document the kernel rejects could then be written
back as one it accepts. ``loads`` refuses, with the JSON pointer of the first offence,
what cannot be held exactly: a key given twice in one object (compared after escapes are
decoded and up to Unicode canonical equivalence, as the kernel compares them), ``NaN``,
``Infinity`` and ``-Infinity``, a JSON number with a fraction or an exponent, and an
integer too long for Python's int/str conversion. Everything else is kept as it is
written (an integer JSON number, ``true``, ``false``, ``null``), so that the kernel
reports it at the same place.
"""

import json
import unicodedata

__all__ = ["loads", "pointer", "check_values"]


class _Refused:
    """Stands for a value that was read but cannot be held: ``why`` says why."""

    __slots__ = ("why",)

    def __init__(self, why):
        self.why = why


class _Repeated:
    """Stands for an object that names ``key`` twice; ``pairs`` are its members as written."""

    __slots__ = ("key", "pairs")

    def __init__(self, key, pairs):
        self.key = key
        self.pairs = pairs


def _escape(token):
    return str(token).replace("~", "~0").replace("/", "~1")


def pointer(parts):
    """The JSON pointer (RFC 6901) of a path of keys and indices, written "/" for the whole
    document as the kernel writes it."""
    return "".join("/" + _escape(p) for p in parts) or "/"


def _same_key(key):
    return key if key.isascii() else unicodedata.normalize("NFC", key)


def _find(doc, bad):
    """(path, x) for the first x in doc, in document order, for which bad(x) is true,
    or None. Members and elements are visited after the value holding them."""
    stack = [((), doc)]
    while stack:
        path, x = stack.pop()
        if bad(x):
            return path, x
        if isinstance(x, _Repeated):
            items = x.pairs
        elif isinstance(x, dict):
            items = list(x.items())
        elif isinstance(x, list):
            items = list(enumerate(x))
        else:
            continue
        stack.extend((path + (k,), v) for k, v in reversed(items))
    return None


def loads(text, source="certificate"):
    """The JSON value of ``text`` (a str), refusing what FORMAT.md sec. 2.1 forbids and
    Python would change: raises ValueError "SOURCE: at POINTER: ..." (json.JSONDecodeError,
    a ValueError, for text that is not JSON)."""
    flagged = []

    def members(pairs):
        out = {}
        seen = set()
        for key, value in pairs:
            k = _same_key(key)
            if k in seen:
                flagged.append(True)
                return _Repeated(key, pairs)
            seen.add(k)
            out[key] = value
        return out

    def constant(name):
        flagged.append(True)
        return _Refused(f"{name} is not JSON and not a number a certificate can hold")

    def fraction_or_exponent(token):
        flagged.append(True)
        return _Refused(f"the JSON number {token} would be read as a binary float; "
                        'a certificate writes every number as a string, e.g. "1/2" (FORMAT.md sec. 2.2)')

    def integer(token):
        try:
            return int(token)
        except ValueError:  # more digits than Python's int/str conversion allows
            flagged.append(True)
            return _Refused(f"a JSON number of {len(token.lstrip('-'))} digits; "
                            'a certificate writes every number as a string (FORMAT.md sec. 2.2)')

    doc = json.loads(text, object_pairs_hook=members, parse_constant=constant, parse_float=fraction_or_exponent,
                     parse_int=integer)
    if not flagged:
        return doc
    path, x = _find(doc, lambda v: isinstance(v, (_Refused, _Repeated)))
    if isinstance(x, _Repeated):
        raise ValueError(f"{source}: at {pointer(path + (x.key,))}: duplicate key {json.dumps(x.key, ensure_ascii=False)} "
                         "(FORMAT.md sec. 2.1; json.loads would keep the last)")
    raise ValueError(f"{source}: at {pointer(path)}: {x.why}")


def check_values(doc, what="document"):
    """Raises TypeError naming the JSON pointer of the first value in doc that is not a
    str, int, bool, None, dict or list (a float above all), or of a key that is not a str."""

    def bad(v):
        if isinstance(v, dict):
            return any(not isinstance(k, str) for k in v)
        return not (isinstance(v, (str, int, list)) or v is None)  # bool is an int

    hit = _find(doc, bad)
    if hit is None:
        return
    path, x = hit
    where = pointer(path)
    if isinstance(x, dict):
        k = next(k for k in x if not isinstance(k, str))
        raise TypeError(f"{what}: at {where}: a key must be a string, found {type(k).__name__} {k!r}")
    hint = "; floats are never converted implicitly: write the number as a string" if isinstance(x, float) else ""
    raise TypeError(f"{what}: at {where}: a certificate holds only strings, found {type(x).__name__} {x!r}{hint}")
