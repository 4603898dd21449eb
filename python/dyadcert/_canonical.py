"""The canonical text of FORMAT.md sec. 2.6, mirroring CanonicalJSONWriter.swift and
CanonicalCertificate.swift (Sources/CanonicalJSON) byte for byte; KEY_ORDER is the
key order FORMAT.md sec. 2.6 prints, derived there from the kernel's declarations."""

import re

__all__ = ["KEY_ORDER", "canonical_text", "canonicalize"]

KEY_ORDER = (
    "format id rule description objects claims uses kind breakpoints signs feature "
    "readout network output levels amplitudes readouts items knots order rows columns "
    "entries dyadic sha256 source input-weights biases output-weights output-bias "
    "activation inputs statement weights bias weight-codes matrix diagonal f g "
    "relation bound gram count bits-at-least bits-at-most log2-size log2-sizes total "
    "outputs mode class level values bits index start-values end-values functions "
    "elements units weight-code bias-code centres quantity value "
    "first-layer-units-at-least hidden-units parameters first-layer-units layers "
    "function distance-at-least terms constant data tolerance sup-error "
    "path-norm-upper path-norm-lower weight-decay balanced path-norm-upper-bound "
    "path-norm-lower-bound active-units shared-units units-per-output active rank "
    "width-lower centred-rank delta features targets heads gap screened original "
    "compressed units-before units-after task dual unit-bounds lambda screens sizes "
    "union fractions optimal-upper holds measure subject eps eps-below coding "
    "max-breakpoints threshold claim coefficient meaning row-exponents "
    "column-exponents mantissas wide-mantissas"
).split()

_RANK = {k: i for i, k in enumerate(KEY_ORDER)}
_BIG = len(KEY_ORDER)


def _key(k):
    return (_RANK.get(k, _BIG), [ord(c) for c in k])


def canonicalize(value, is_object_table=False):
    """The same JSON value (dicts, lists, strings) with every dict's members in the
    canonical key order, except the ``objects`` table, which keeps its order."""
    if isinstance(value, dict):
        if is_object_table:
            return {k: canonicalize(v) for k, v in value.items()}
        items = [(k, canonicalize(v, is_object_table=(k == "objects"))) for k, v in value.items()]
        items.sort(key=lambda kv: _key(kv[0]))
        return dict(items)
    if isinstance(value, list):
        return [canonicalize(v) for v in value]
    return value


_NAMED = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


_ESCAPED = re.compile(r'[\x00-\x1f"\\]')


def _string(text):
    if not _ESCAPED.search(text):  # the common case: nothing to escape
        return '"' + text + '"'
    out = ['"']
    for ch in text:
        e = _NAMED.get(ch)
        if e is not None:
            out.append(e)
        elif ord(ch) < 0x20:
            out.append("\\u%04x" % ord(ch))
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def _scalar(v):
    if isinstance(v, str):
        return _string(v)
    if v is True:
        return "true"
    if v is False:
        return "false"
    if v is None:
        return "null"
    if isinstance(v, int):
        return str(v)
    raise TypeError(f"a certificate holds only strings (found {type(v).__name__} {v!r})")


def _write(v, ind, out):
    if isinstance(v, dict):
        if not v:
            out.append("{}")
            return
        out.append("{")
        first = True
        for k, m in v.items():
            if not first:
                out.append(",")
            first = False
            out.append("\n" + "  " * (ind + 1) + _string(k) + ": ")
            _write(m, ind + 1, out)
        out.append("\n" + "  " * ind + "}")
    elif isinstance(v, list):
        if all(not isinstance(x, (dict, list)) for x in v):
            out.append("[" + ", ".join(_scalar(x) for x in v) + "]")
            return
        out.append("[")
        for i, x in enumerate(v):
            if i:
                out.append(",")
            out.append("\n" + "  " * (ind + 1))
            _write(x, ind + 1, out)
        out.append("\n" + "  " * ind + "]")
    else:
        out.append(_scalar(v))


def canonical_text(value, reorder=True):
    """The canonical text of a JSON value: keys reordered (unless reorder=False),
    two-space layout, one final newline. Encode it as UTF-8 to write a file."""
    if reorder:
        value = canonicalize(value)
    out = []
    _write(value, 0, out)
    out.append("\n")
    return "".join(out)
