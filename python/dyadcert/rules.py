"""Builders for the 15 rules of FORMAT.md sec. 5.

Each builder takes the claim id first, then the rule's inputs and statement as keyword
arguments named as in FORMAT.md with '-' written '_' (``class`` is ``cls``), and the
common ``uses=`` (earlier claims) and ``description=``. It returns a :class:`Claim`.
"""

from . import _fields as F
from .certificate import Claim, ref, refs

__all__ = [
    "gram", "sup_distance", "orthonormal_for_all_signs", "packing", "cover", "haar_packing",
    "haar_cover", "binary_class", "readout_count", "enumerate_", "network_realises",
    "network_width_lower", "network_bits", "step_approx_lower", "bits", "term", "RULES",
]


def _claim(id, rule, inputs, statement, uses, description, references):
    return Claim(id, rule, inputs, statement, uses=uses or (), description=description, references=references)


def gram(id, functions, matrix=None, diagonal=None, *, uses=(), description=None):
    """<f_i, f_j> for the listed functions: ``matrix="identity"``, ``matrix=[[...], ...]``
    (D rows of D numbers) or ``diagonal=[...]``."""
    fs = refs(functions, "functions")
    if (matrix is None) == (diagonal is None):
        raise TypeError("give exactly one of matrix= or diagonal=")
    if matrix is not None:
        if isinstance(matrix, str):
            if matrix != "identity":
                raise ValueError(f"the only matrix keyword is 'identity', found {matrix!r}")
            st = {"matrix": "identity"}
        else:
            rows = F._items(matrix, "matrix") if not isinstance(matrix, list) else matrix
            st = {"matrix": [F.numbers(r, f"matrix[{i}]") for i, r in enumerate(rows)]}
            n = len(st["matrix"])
            if any(len(r) != n for r in st["matrix"]):
                raise ValueError("the Gram matrix must be square")
    else:
        st = {"diagonal": F.numbers(diagonal, "diagonal")}
    return _claim(id, "gram", {"functions": fs}, st, uses, description, fs)


def sup_distance(id, f, g, relation, bound, *, uses=(), description=None):
    """||f - g||_inf relation bound (one of f, g may be piecewise-linear)."""
    a, b = ref(f), ref(g)
    return _claim(id, "sup-distance", {"f": a, "g": b},
                  {"relation": F.relation(relation), "bound": F.number(bound, "bound")}, uses, description, [a, b])


def orthonormal_for_all_signs(id, levels, readouts, *, uses=(), description=None):
    return _claim(id, "orthonormal-for-all-signs",
                  {"levels": F.integer(levels, "levels", 1, 62), "readouts": F.integers(readouts, "readouts", 0)},
                  {"gram": "identity"}, uses, description, [])


def _element(e, i):
    if isinstance(e, dict):
        if set(e) != {"bits"}:
            raise ValueError(f"elements[{i}]: an inline sign tree is {{'bits': HEX}}")
        return dict(e), None
    if isinstance(e, bool):
        raise TypeError(f"elements[{i}]: found a bool")
    if isinstance(e, int) or type(e).__module__ == "numpy":
        return F.integer(e, f"elements[{i}]", 0), None
    r = ref(e)
    return r, r


def packing(id, cls, eps, elements, count=None, *, uses=(), description=None):
    """M elements pairwise more than 2 eps apart: sign-tree names or inline
    ``inline_sign_tree(...)`` dicts (readout and Haar classes), or indices (finite class).
    ``count`` defaults to the number of elements."""
    c = ref(cls)
    els, used = [], [c]
    for i, e in enumerate(elements):
        v, r = _element(e, i)
        els.append(v)
        if r:
            used.append(r)
    n = len(els) if count is None else count
    return _claim(id, "packing", {"class": c, "elements": els, "eps": F.positive(eps, "eps")},
                  {"count": F.integer(n, "count", 1, 2**31 - 1)}, uses, description, used)


def cover(id, cls, eps, centres, count=None, *, uses=(), description=None):
    """Centres (function names, or lists of names for tuples) within eps of every element."""
    c = ref(cls)
    cs, used = [], [c]
    for e in centres:
        if isinstance(e, (list, tuple)):
            r = refs(e, "centre")
            cs.append(r)
            used.extend(r)
        else:
            r = ref(e)
            cs.append(r)
            used.append(r)
    n = len(cs) if count is None else count
    return _claim(id, "cover", {"class": c, "centres": cs, "eps": F.positive(eps, "eps")},
                  {"count": F.integer(n, "count", 1)}, uses, description, used)


def haar_packing(id, cls, eps, level, bits_at_least, *, uses=(), description=None):
    c = ref(cls)
    return _claim(id, "haar-packing", {"class": c, "level": F.integer(level, "level", 0, 62), "eps": F.positive(eps, "eps")},
                  {"bits-at-least": F.integer(bits_at_least, "bits_at_least")}, uses, description, [c])


def haar_cover(id, cls, eps, level, bits_at_most, *, uses=(), description=None):
    c = ref(cls)
    return _claim(id, "haar-cover", {"class": c, "level": F.integer(level, "level", 0, 62), "eps": F.positive(eps, "eps")},
                  {"bits-at-most": F.integer(bits_at_most, "bits_at_most")}, uses, description, [c])


def binary_class(id, cls, eps, coding, bits, *, uses=(), description=None):
    c = ref(cls)
    return _claim(id, "binary-class", {"class": c, "eps": F.positive(eps, "eps"), "coding": F.coding(coding)},
                  {"bits": F.integer(bits, "bits")}, uses, description, [c])


def readout_count(id, cls, coding, log2_size=None, log2_sizes=None, total=None, *, uses=(), description=None):
    """joint: ``log2_size``; separate: ``log2_sizes`` and ``total``."""
    c = ref(cls)
    F.coding(coding)
    if coding == "joint":
        if log2_size is None or log2_sizes is not None or total is not None:
            raise TypeError("joint coding states log2_size= only")
        st = {"log2-size": F.integer(log2_size, "log2_size")}
    else:
        if log2_sizes is None or total is None or log2_size is not None:
            raise TypeError("separate coding states log2_sizes= and total=")
        st = {"log2-sizes": F.integers(log2_sizes, "log2_sizes"), "total": F.integer(total, "total")}
    return _claim(id, "readout-count", {"class": c, "coding": coding}, st, uses, description, [c])


def enumerate_(id, cls, quantity, coding, value=None, values=None, eps=None, *, uses=(), description=None):
    """``quantity`` "size" or "covering-number" (with ``eps``); joint: ``value``,
    separate: ``values``. (Also exported as dyadcert.enumerate.)"""
    c = ref(cls)
    if quantity not in ("size", "covering-number"):
        raise ValueError(f"quantity must be 'size' or 'covering-number', found {quantity!r}")
    F.coding(coding)
    inputs = {"class": c, "quantity": quantity, "coding": coding}
    if quantity == "covering-number":
        if eps is None:
            raise TypeError("a covering number needs eps=")
        inputs["eps"] = F.positive(eps, "eps")
    elif eps is not None:
        raise TypeError("eps= is not allowed with quantity 'size'")
    if coding == "joint":
        if value is None or values is not None:
            raise TypeError("joint coding states value= only")
        st = {"value": F.integer(value, "value")}
    else:
        if values is None or value is not None:
            raise TypeError("separate coding states values= only")
        st = {"values": F.integers(values, "values")}
    return _claim(id, "enumerate", inputs, st, uses, description, [c])


def network_realises(id, network, functions, outputs, *, uses=(), description=None):
    n = ref(network)
    fs = refs(functions, "functions")
    return _claim(id, "network-realises", {"network": n, "functions": fs},
                  {"outputs": F.integer(outputs, "outputs", 0, 2**31 - 1)}, uses, description, [n] + fs)


def network_width_lower(id, mode, first_layer_units_at_least, functions=None, cls=None, *, uses=(), description=None):
    if mode not in ("separate", "joint"):
        raise ValueError(f"mode must be 'separate' or 'joint', found {mode!r}")
    if (functions is None) == (cls is None):
        raise TypeError("give exactly one of functions= or cls=")
    inputs = {"mode": mode}
    if functions is not None:
        used = inputs["functions"] = refs(functions, "functions")
    else:
        inputs["class"] = ref(cls)
        used = [inputs["class"]]
    return _claim(id, "network-width-lower", inputs,
                  {"first-layer-units-at-least": F.integer(first_layer_units_at_least, "first_layer_units_at_least")},
                  uses, description, used)


def network_bits(id, network, bits, units=None, hidden_units=None, parameters=None, first_layer_units=None,
                 layers=None, *, uses=(), description=None):
    """The network's total code length; optionally its counts. HeavisideNetwork.bits_claim
    fills these in from the kernel's definitions."""
    n = ref(network)
    st = {"bits": F.integer(bits, "bits")}
    for key, v in (("units", units), ("hidden-units", hidden_units), ("parameters", parameters),
                   ("first-layer-units", first_layer_units), ("layers", layers)):
        if v is not None:
            st[key] = F.integer(v, key)
    return _claim(id, "network-bits", {"network": n}, st, uses, description, [n])


def step_approx_lower(id, function, max_breakpoints, threshold, distance_at_least, *, uses=(), description=None):
    f = ref(function)
    return _claim(id, "step-approx-lower",
                  {"function": f, "max-breakpoints": F.integer(max_breakpoints, "max_breakpoints", 0),
                   "threshold": F.positive(threshold, "threshold")},
                  {"distance-at-least": F.number(distance_at_least, "distance_at_least")}, uses, description, [f])


def term(claim, quantity, coefficient=1):
    """One term coefficient * quantity(claim) of a ``bits`` claim."""
    if not isinstance(quantity, str):
        raise TypeError("quantity must be a string such as 'bits'")
    return {"quantity": quantity, "claim": ref(claim), "coefficient": F.number(coefficient, "coefficient")}


def bits(id, terms, relation, bound, constant=None, *, uses=None, description=None):
    """constant + sum coefficient * quantity  relation  bound. ``terms`` are term(...)
    dicts or (claim, quantity, coefficient) tuples; ``uses`` defaults to their claims."""
    ts = []
    for t in terms:
        if isinstance(t, dict):
            ts.append(term(t["claim"], t["quantity"], *( [] if "coefficient" not in t else [_unnum(t["coefficient"])])))
        else:
            ts.append(term(*t))
    if not ts:
        raise ValueError("a bits claim needs at least one term")
    if uses is None:
        uses = []
        for t in ts:
            if t["claim"] not in uses:
                uses.append(t["claim"])
    inputs = {"terms": ts}
    if constant is not None:
        inputs["constant"] = F.number(constant, "constant")
    return _claim(id, "bits", inputs, {"relation": F.relation(relation), "bound": F.number(bound, "bound")},
                  uses, description, [])


def _unnum(v):
    if isinstance(v, str):
        from fractions import Fraction

        return Fraction(v)
    return v


RULES = {
    "gram": gram, "sup-distance": sup_distance, "orthonormal-for-all-signs": orthonormal_for_all_signs,
    "packing": packing, "cover": cover, "haar-packing": haar_packing, "haar-cover": haar_cover,
    "binary-class": binary_class, "readout-count": readout_count, "enumerate": enumerate_,
    "network-realises": network_realises, "network-width-lower": network_width_lower,
    "network-bits": network_bits, "step-approx-lower": step_approx_lower, "bits": bits,
}

#: Rules of the format that this package has no builder for yet (added in 0.2.0).
PENDING_RULES = frozenset({
    "eps-transfer", "network-realises-for-all-signs", "relu-interpolates", "weight-decay",
    "neuron-sharing", "width-from-rank", "mtl-gap", "penalised-mtl-gap", "mtl-screen",
    "compress-preserves", "lasso-gap", "lasso-screen", "support", "support-variability",
})
