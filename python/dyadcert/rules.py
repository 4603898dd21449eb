"""Builders for the 29 rules of FORMAT.md sec. 5.

Each builder takes the claim id first, then the rule's inputs and statement as keyword
arguments named as in FORMAT.md with '-' written '_' (``class`` is ``cls``), and the
common ``uses=`` (earlier claims) and ``description=``. It returns a :class:`Claim`.
"""

from . import _fields as F
from .certificate import Claim, ref, refs

__all__ = [
    "gram", "sup_distance", "orthonormal_for_all_signs", "packing", "cover", "haar_packing",
    "haar_cover", "binary_class", "readout_count", "enumerate_", "network_realises",
    "network_width_lower", "network_bits", "step_approx_lower", "bits", "term", "meaning", "MEASURES", "RULES",
    "eps_transfer", "network_realises_for_all_signs", "relu_interpolates", "weight_decay", "neuron_sharing",
    "width_from_rank", "mtl_gap", "penalised_mtl_gap", "mtl_screen", "compress_preserves", "lasso_gap",
    "lasso_screen", "support", "support_variability",
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
    if isinstance(e, str):  # a name (numpy's str_ too)
        r = ref(str(e))
        return r, r
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


def network_width_lower(id, mode, first_layer_units_at_least, functions=None, cls=None, eps=None, eps_below=None, *,
                        uses=(), description=None):
    """At least this many first-layer units (``functions`` or a readout ``cls``); with
    ``eps`` the networks need only be within eps of the functions; ``eps_below`` (key
    ``eps-below``, for kernels that have it) states the bound for every eps in (0, b)."""
    if eps is not None and eps_below is not None:
        raise TypeError("give eps= or eps_below=, not both")
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
    if eps is not None:
        inputs["eps"] = F.positive(eps, "eps")
    if eps_below is not None:
        inputs["eps-below"] = F.positive(eps_below, "eps_below")
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


MEASURES = (
    "covering-number", "description-bits", "size", "log2-size", "size-bits", "code-bits", "units", "hidden-units",
    "parameters", "first-layer-units", "layers", "realising-first-layer-units", "realising-network-bits",
    "sup-distance", "step-approximation-error", "greedy-intervals", "value", "weight-decay", "path-norm",
    "active-units", "shared-units", "rank", "interpolating-width", "duality-gap", "screened-units", "optimal-width",
    "lasso-gap", "screened-features", "support-size", "union-size",
)


def meaning(measure, subject, eps=None, coding=None, max_breakpoints=None, threshold=None, eps_below=None,
            lambda_=None, task=None):
    """The meaning a ``bits`` term states (FORMAT.md sec. 5.15): the term fails unless the
    fact it names has exactly this measure, subject (names) and parameters. ``eps_below``
    (key ``eps-below``: every eps in (0, b)) is for kernels that have that form of
    network-width-lower; ``lambda_`` and ``task`` are those of the facts of the
    multi-task and lasso rules (kernels of 2026-11-30 and later)."""
    if measure not in MEASURES:
        raise ValueError(f"unknown measure {measure!r}; one of {', '.join(MEASURES)}")
    m = {"measure": measure, "subject": refs(subject, "subject")}
    if eps is not None:
        m["eps"] = F.positive(eps, "eps")
    if eps_below is not None:
        m["eps-below"] = F.positive(eps_below, "eps_below")
    if coding is not None:
        m["coding"] = F.coding(coding)
    if max_breakpoints is not None:
        m["max-breakpoints"] = F.integer(max_breakpoints, "max_breakpoints", 0)
    if threshold is not None:
        m["threshold"] = F.number(threshold, "threshold")
    if lambda_ is not None:
        m["lambda"] = F.number(lambda_, "lambda_")
    if task is not None:
        m["task"] = F.integer(task, "task", 0)
    return m


def term(claim, quantity, coefficient=1, meaning=None):
    """One term coefficient * quantity(claim) of a ``bits`` claim; ``meaning`` (a dict from
    dyadcert.meaning(...)) makes the kernel check what the quantity means."""
    if not isinstance(quantity, str):
        raise TypeError("quantity must be a string such as 'bits'")
    t = {"quantity": quantity, "claim": ref(claim), "coefficient": F.number(coefficient, "coefficient")}
    if meaning is not None:
        if not isinstance(meaning, dict) or "measure" not in meaning or "subject" not in meaning:
            raise TypeError("meaning must be a dict from dyadcert.meaning(measure, subject, ...)")
        allowed = {"measure", "subject", "eps", "eps-below", "coding", "max-breakpoints", "threshold", "lambda", "task"}
        if set(meaning) - allowed:
            raise ValueError(f"a meaning has only the keys {sorted(allowed)}, found {sorted(set(meaning) - allowed)}")
        t["meaning"] = dict(meaning)
    return t


def bits(id, terms, relation, bound, constant=None, *, uses=None, description=None):
    """constant + sum coefficient * quantity  relation  bound. ``terms`` are term(...)
    dicts or (claim, quantity, coefficient) tuples; ``uses`` defaults to their claims."""
    ts = []
    for t in terms:
        if isinstance(t, dict):
            ts.append(term(t["claim"], t["quantity"], _unnum(t.get("coefficient", 1)), t.get("meaning")))
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
        from ._numbers import parse_rational

        return parse_rational(v)
    return v


def eps_transfer(id, claim, quantity, eps, relation, bound, *, uses=None, description=None):
    """Moves a covering-number or description-bits fact of ``claim`` to ``eps`` (Lemma E:
    lower bounds to smaller eps, upper bounds to larger). ``uses`` defaults to [claim]."""
    c = ref(claim)
    if not isinstance(quantity, str):
        raise TypeError("quantity must be a string such as 'bits'")
    return _claim(id, "eps-transfer", {"claim": c, "quantity": quantity, "eps": F.positive(eps, "eps")},
                  {"relation": F.relation(relation), "bound": F.number(bound, "bound")},
                  [c] if uses is None else uses, description, [])


def network_realises_for_all_signs(id, network, cls, outputs, bits, *, uses=(), description=None):
    """A ``sign-coded-network`` realises every element of a readout class (Lemma NF)."""
    n, c = ref(network), ref(cls)
    return _claim(id, "network-realises-for-all-signs", {"network": n, "class": c},
                  {"outputs": F.integer(outputs, "outputs", 0, 2**31 - 1), "bits": F.integer(bits, "bits")},
                  uses, description, [n, c])


# MATH.md sec. 11-12: ReLU networks, the multi-task lasso, sparse heads ----------------

def _opt(d, key, value):
    if value is not None:
        d[key] = value


def _counts(xs, what):
    return F.integers(xs, what, 0)


def relu_interpolates(id, network, data, tolerance=None, sup_error=None, *, uses=(), description=None):
    """The network fits the data exactly (or within ``tolerance``); ``sup_error`` states
    the exact max_{d,i} |f(x_i)[d] - Y[d][i]| (ReluNetwork.sup_error computes it)."""
    n, d = ref(network), ref(data)
    inputs = {"network": n, "data": d}
    if tolerance is not None:
        q = F.number(tolerance, "tolerance")
        if q.startswith("-"):
            raise ValueError(f"tolerance must be non-negative, found {q}")
        inputs["tolerance"] = q
    st = {}
    _opt(st, "sup-error", None if sup_error is None else F.number(sup_error, "sup_error"))
    return _claim(id, "relu-interpolates", inputs, st, uses, description, [n, d])


def _yes_no(v, what):
    if isinstance(v, bool):
        return "yes" if v else "no"
    if v in ("yes", "no"):
        return v
    raise ValueError(f"{what} must be True/False or 'yes'/'no', found {v!r}")


def weight_decay(id, network, weight_decay, path_norm_upper=None, path_norm_lower=None, balanced=None,
                 path_norm_upper_bound=None, path_norm_lower_bound=None, *, uses=(), description=None):
    """WD = (1/2) sum_k (||v_k||^2 + ||w_k||^2) exactly (ReluNetwork.weight_decay), with
    optional per-unit path-norm bounds u_k, l_k on ||v_k|| ||w_k|| and their sums."""
    n = ref(network)
    inputs = {"network": n}
    if path_norm_upper is not None:
        inputs["path-norm-upper"] = F.numbers(path_norm_upper, "path_norm_upper")
    if path_norm_lower is not None:
        inputs["path-norm-lower"] = F.numbers(path_norm_lower, "path_norm_lower")
    st = {"weight-decay": F.number(weight_decay, "weight_decay")}
    if balanced is not None:
        st["balanced"] = _yes_no(balanced, "balanced")
    if path_norm_upper_bound is not None:
        st["path-norm-upper-bound"] = F.number(path_norm_upper_bound, "path_norm_upper_bound")
    if path_norm_lower_bound is not None:
        st["path-norm-lower-bound"] = F.number(path_norm_lower_bound, "path_norm_lower_bound")
    return _claim(id, "weight-decay", inputs, st, uses, description, [n])


def neuron_sharing(id, network, active_units, shared_units, units_per_output=None, active=None, *, uses=(),
                   description=None):
    """Active units, units shared by two or more outputs, optionally the units per output
    and the active unit indices (ReluNetwork.active_units, shared_units, units_per_output)."""
    n = ref(network)
    st = {"active-units": F.integer(active_units, "active_units", 0), "shared-units": F.integer(shared_units, "shared_units", 0)}
    if units_per_output is not None:
        st["units-per-output"] = _counts(units_per_output, "units_per_output")
    if active is not None:
        st["active"] = _counts(active, "active")
    return _claim(id, "neuron-sharing", {"network": n}, st, uses, description, [n])


def width_from_rank(id, data, rank, width_lower, network=None, centred_rank=None, *, uses=(), description=None):
    """rank(Y) and max(rank(Y) - 1, 0) (Lemma RW); with ``network``, ``centred_rank`` =
    rank(Y - c 1^T)."""
    d = ref(data)
    inputs = {"data": d}
    used = [d]
    if (network is None) != (centred_rank is None):
        raise TypeError("give network= and centred_rank= together (or neither)")
    st = {"rank": F.integer(rank, "rank", 0), "width-lower": F.integer(width_lower, "width_lower", 0)}
    if network is not None:
        inputs["network"] = ref(network)
        used.append(inputs["network"])
        st["centred-rank"] = F.integer(centred_rank, "centred_rank", 0)
    return _claim(id, "width-from-rank", inputs, st, uses, description, used)


def _mtl_inputs(network, data, weights, dual, unit_bounds, targets):
    inputs = {"network": ref(network), "data": ref(data), "weights": ref(weights), "dual": ref(dual),
              "unit-bounds": F.numbers(unit_bounds, "unit_bounds")}
    used = [inputs["network"], inputs["data"], inputs["weights"], inputs["dual"]]
    if targets is not None:
        inputs["targets"] = ref(targets)
        used.append(inputs["targets"])
    return inputs, used


def mtl_gap(id, network, data, weights, dual, unit_bounds, delta, targets=None, *, uses=(), description=None):
    """Constrained multi-task lasso (Lemma MD): V' Phi = Psi, ||Lambda phi_k|| <= 1,
    u_k >= ||v'_k||, sum u_k - <Lambda, Psi> <= delta. Matrices by name."""
    inputs, used = _mtl_inputs(network, data, weights, dual, unit_bounds, targets)
    return _claim(id, "mtl-gap", inputs, {"delta": F.number(delta, "delta")}, uses, description, used)


def penalised_mtl_gap(id, lambda_, delta, dual, unit_bounds, network=None, data=None, weights=None, targets=None,
                      features=None, heads=None, *, uses=(), description=None):
    """Penalised multi-task lasso gap at ``lambda_`` (Lemma PD). Network form: ``network``,
    ``data``, ``weights``, optional ``targets``; group-lasso form (Lemma GL): ``features``,
    ``targets``, ``heads``. ``dual`` and ``unit_bounds`` in both."""
    if features is not None:
        if network is not None or data is not None or weights is not None:
            raise TypeError("the group-lasso form takes features=, targets=, heads= (no network, data or weights)")
        if targets is None or heads is None:
            raise TypeError("the group-lasso form needs features=, targets= and heads=")
        inputs = {"features": ref(features), "targets": ref(targets), "heads": ref(heads), "dual": ref(dual),
                  "unit-bounds": F.numbers(unit_bounds, "unit_bounds")}
        used = [inputs["features"], inputs["targets"], inputs["heads"], inputs["dual"]]
    else:
        if network is None or data is None or weights is None:
            raise TypeError("the network form needs network=, data= and weights= (or use features=, targets=, heads=)")
        if heads is not None:
            raise TypeError("heads= belongs to the group-lasso form (with features=)")
        inputs, used = _mtl_inputs(network, data, weights, dual, unit_bounds, targets)
    inputs["lambda"] = F.positive(lambda_, "lambda_")
    return _claim(id, "penalised-mtl-gap", inputs, {"delta": F.number(delta, "delta")}, uses, description, used)


def mtl_screen(id, gap, units, screened=None, *, uses=None, description=None):
    """Units zero in every minimiser (Lemma GS), through the verified penalised-mtl-gap
    claim ``gap``; ``screened`` defaults to len(units), ``uses`` to [gap]."""
    g = ref(gap)
    us = _counts(units, "units")
    if len(set(us)) != len(us):
        raise ValueError("units must be distinct")
    n = len(us) if screened is None else screened
    return _claim(id, "mtl-screen", {"gap": g, "units": us}, {"screened": F.integer(n, "screened", 0)},
                  [g] if uses is None else uses, description, [])


def compress_preserves(id, original, compressed, data, units_before, units_after, *, uses=(), description=None):
    """The compressed network computes exactly the original's outputs on the data."""
    o, c, d = ref(original), ref(compressed), ref(data)
    return _claim(id, "compress-preserves", {"original": o, "compressed": c, "data": d},
                  {"units-before": F.integer(units_before, "units_before", 0),
                   "units-after": F.integer(units_after, "units_after", 0)}, uses, description, [o, c, d])


def lasso_gap(id, features, targets, heads, task, dual, lambda_, delta, *, uses=(), description=None):
    """P_t(w) - D_t(theta) <= delta for the lasso of task t (Lemma LD)."""
    inputs = {"features": ref(features), "targets": ref(targets), "heads": ref(heads),
              "task": F.integer(task, "task", 0), "dual": ref(dual), "lambda": F.positive(lambda_, "lambda_")}
    used = [inputs[k] for k in ("features", "targets", "heads", "dual")]
    return _claim(id, "lasso-gap", inputs, {"delta": F.number(delta, "delta")}, uses, description, used)


def lasso_screen(id, gap, features, screened=None, *, uses=None, description=None):
    """Features zero in every optimal head of the gap claim's task (Lemma LS)."""
    g = ref(gap)
    fs = _counts(features, "features")
    if len(set(fs)) != len(fs):
        raise ValueError("features must be distinct")
    n = len(fs) if screened is None else screened
    return _claim(id, "lasso-screen", {"gap": g, "features": fs}, {"screened": F.integer(n, "screened", 0)},
                  [g] if uses is None else uses, description, [])


def support(id, heads, sizes, union, fractions=None, screens=None, optimal_upper=None, *, lasso=None, uses=None,
            description=None):
    """Support sizes of the heads' rows and of their union; with ``screens`` (lasso-screen
    claims) ``optimal_upper``, a bound on the optimal heads of the lasso
    ``lasso=(features, targets, lambda_)``, which the kernel checks every screen is about.
    The format lets a certificate leave the lasso out (the bound is then about the screens'
    lasso, named only in the verdict line); this builder always states it. ``uses``
    defaults to the screens."""
    h = ref(heads)
    inputs = {"heads": h}
    if (screens is None) != (optimal_upper is None):
        raise TypeError("give screens= and optimal_upper= together (or neither)")
    if (screens is None) != (lasso is None):
        raise TypeError("give lasso=(features, targets, lambda_) exactly with screens=: "
                        "optimal_upper bounds the optimal heads of that lasso")
    references = [h]
    if lasso is not None:
        if not isinstance(lasso, (tuple, list)) or len(lasso) != 3:
            raise TypeError("lasso must be a tuple (features, targets, lambda_)")
        inputs["features"], inputs["targets"] = ref(lasso[0]), ref(lasso[1])
        inputs["lambda"] = F.positive(lasso[2], "lasso lambda_")
        references += [inputs["features"], inputs["targets"]]
    st = {"sizes": _counts(sizes, "sizes"), "union": F.integer(union, "union", 0)}
    if fractions is not None:
        st["fractions"] = F.numbers(fractions, "fractions")
    if screens is not None:
        inputs["screens"] = refs(screens, "screens")
        st["optimal-upper"] = _counts(optimal_upper, "optimal_upper")
    if uses is None:
        uses = list(inputs.get("screens", []))
    return _claim(id, "support", inputs, st, uses, description, references)


def support_variability(id, heads, holds="yes", *, uses=(), description=None):
    """Support variability of the heads' supports (the hypothesis only)."""
    if holds != "yes":
        raise ValueError("the statement is holds='yes' (a failing hypothesis is a false claim)")
    h = ref(heads)
    return _claim(id, "support-variability", {"heads": h}, {"holds": "yes"}, uses, description, [h])


RULES = {
    "gram": gram, "sup-distance": sup_distance, "orthonormal-for-all-signs": orthonormal_for_all_signs,
    "packing": packing, "cover": cover, "haar-packing": haar_packing, "haar-cover": haar_cover,
    "binary-class": binary_class, "readout-count": readout_count, "enumerate": enumerate_,
    "network-realises": network_realises, "network-width-lower": network_width_lower,
    "network-bits": network_bits, "step-approx-lower": step_approx_lower, "bits": bits,
    "eps-transfer": eps_transfer, "network-realises-for-all-signs": network_realises_for_all_signs,
    "relu-interpolates": relu_interpolates, "weight-decay": weight_decay, "neuron-sharing": neuron_sharing,
    "width-from-rank": width_from_rank, "mtl-gap": mtl_gap, "penalised-mtl-gap": penalised_mtl_gap,
    "mtl-screen": mtl_screen, "compress-preserves": compress_preserves, "lasso-gap": lasso_gap,
    "lasso-screen": lasso_screen, "support": support, "support-variability": support_variability,
}

#: Rules of the format that this package has no builder for yet (none since 0.2.0).
PENDING_RULES = frozenset()
