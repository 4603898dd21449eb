"""Rebuilds parsed certificate data through the package's builders (every number turned
into a Fraction or int first, every bit string decoded independently), so that comparing
the rebuilt text with the original bytes tests the builders and the canonical writer."""

import base64
from fractions import Fraction

import dyadcert as dc
from conftest import decode_hex_bits


def Q(s):
    return Fraction(s)


def Qs(xs):
    return [Fraction(x) for x in xs]


def Is(xs):
    return [int(x) for x in xs]


def _signs(bits):
    return [1 - 2 * b for b in bits]


def rebuild_object(name, d, objects):
    k = d["kind"]
    if k == "step-function":
        return dc.step_function(name, Qs(d["breakpoints"]), Qs(d["values"]))
    if k == "cell-function":
        return dc.cell_function(name, int(d["level"]), Qs(d["values"]))
    if k == "sign-function":
        J = int(d["level"])
        return dc.sign_function(name, signs=_signs(decode_hex_bits(d["bits"], 2**J)))
    if k == "haar-function":
        return dc.haar_function(name, int(d["level"]), int(d["index"]))
    if k == "rademacher-function":
        return dc.rademacher_function(name, int(d["index"]))
    if k == "walsh-function":
        return dc.walsh_function(name, int(d["index"]))
    if k == "feature":
        a = d["amplitudes"]
        return dc.feature(name, d["signs"], a if isinstance(a, str) else Qs(a))
    if k == "feature-shift":
        return dc.feature_shift(name, d["feature"])
    if k == "task-output":
        return dc.task_output(name, d["signs"], int(d["readout"]))
    if k == "task-outputs":
        signs = objects.get(d["signs"])
        # An ObjectDef is as good as its name (exercises references by object).
        return dc.task_outputs(name, signs if isinstance(signs, dc.ObjectDef) else d["signs"], Is(d["readouts"]))
    if k == "network-output":
        return dc.network_output(name, d["network"], int(d["output"]))
    if k == "walsh-basis":
        return dc.walsh_basis(name, int(d["levels"]))
    if k == "haar-basis":
        return dc.haar_basis(name, int(d["levels"]))
    if k == "function-list":
        return dc.function_list(name, d["items"])
    if k == "piecewise-linear":
        if "values" in d:
            return dc.piecewise_linear(name, Qs(d["knots"]), values=Qs(d["values"]))
        return dc.piecewise_linear(name, Qs(d["knots"]), start_values=Qs(d["start-values"]), end_values=Qs(d["end-values"]))
    if k == "triangle-wave":
        return dc.triangle_wave(name, int(d["order"]))
    if k == "sawtooth":
        return dc.sawtooth(name, int(d["order"]))
    if k == "sign-tree":
        J = int(d["levels"])
        return dc.sign_tree(name, signs=_signs(decode_hex_bits(d["bits"], 2**J - 1)))
    if k == "heaviside-network":
        layers = []
        for ld in d["layers"]:
            units = [dc.Unit(u["activation"], Is(u["inputs"]), Qs(u["weights"]), Q(u["bias"]),
                             weight_codes=u.get("weight-codes"), bias_code=u.get("bias-code")) for u in ld["units"]]
            layers.append(dc.Layer(units, ld.get("weight-code"), ld.get("bias-code")))
        return dc.heaviside_network(name, dc.HeavisideNetwork(layers))
    if k == "sign-coded-network":
        return dc.sign_coded_network(name, d["signs"], Is(d["readouts"]))
    if k == "matrix":
        return rebuild_matrix(name, d)
    if k == "relu-network":
        return dc.relu_network(name, d["input-weights"], d["biases"], d["output-weights"], d["output-bias"])
    if k == "relu-data":
        return dc.relu_data(name, d["inputs"], d["targets"])
    if k == "joint-network":
        return dc.joint_network(name, d["signs"], Is(d["readouts"]))
    if k == "one-layer-network":
        return dc.one_layer_network(name, d["functions"])
    if k == "readout-class":
        return dc.readout_class(name, int(d["levels"]), Is(d["readouts"]))
    if k == "haar-class":
        a = d["amplitudes"]
        return dc.haar_class(name, int(d["levels"]), a if isinstance(a, str) else Qs(a))
    if k == "finite-class":
        return dc.finite_class(name, d["elements"])
    raise AssertionError(f"unknown kind {k}")


def decode_matrix(d):
    """The exact entries of a matrix object, decoded here without the package (FORMAT.md
    sec. 4.7): entries, or mantissas / 2^(e_i + f_j) with base64 little-endian int64."""
    R, C = int(d["rows"]), int(d["columns"])
    if "entries" in d:
        return [Qs(row) for row in d["entries"]]
    dy = d["dyadic"]

    def exps(v, n):
        return [int(v)] * n if isinstance(v, str) else Is(v)

    e, f = exps(dy["row-exponents"], R), exps(dy["column-exponents"], C)
    if "mantissas" in dy:
        raw = base64.b64decode(dy["mantissas"], validate=True)
        assert len(raw) == 8 * R * C
        flat = [int.from_bytes(raw[8 * k:8 * k + 8], "little", signed=True) for k in range(R * C)]
        m = [flat[i * C:(i + 1) * C] for i in range(R)]
    else:
        m = [Is(row) for row in dy["wide-mantissas"]]
    return [[Fraction(m[i][j]) / Fraction(2) ** (e[i] + f[j]) for j in range(C)] for i in range(R)]


def rebuild_matrix(name, d):
    """The matrix through dc.matrix with the same encoding (exponents as written)."""
    values = decode_matrix(d)
    extra = {k: d[k] for k in ("sha256", "source") if k in d}
    if "entries" in d:
        return dc.matrix(name, values, encoding="entries", **extra)
    dy = d["dyadic"]

    def exps(v):
        return int(v) if isinstance(v, str) else Is(v)

    return dc.matrix(name, values, encoding="dyadic", row_exponents=exps(dy["row-exponents"]),
                     column_exponents=exps(dy["column-exponents"]),
                     mantissas="base64" if "mantissas" in dy else "wide", **extra)


def _meaning(m):
    return dc.meaning(m["measure"], m["subject"], eps=Q(m["eps"]) if "eps" in m else None, coding=m.get("coding"),
                      max_breakpoints=int(m["max-breakpoints"]) if "max-breakpoints" in m else None,
                      threshold=Q(m["threshold"]) if "threshold" in m else None,
                      eps_below=Q(m["eps-below"]) if "eps-below" in m else None)


def _opt_q(d, k):
    return Q(d[k]) if k in d else None


def _opt_qs(d, k):
    return Qs(d[k]) if k in d else None


def _opt_is(d, k):
    return Is(d[k]) if k in d else None


def rebuild_claim(d, objects):
    i, s, r = d["inputs"], d["statement"], d["rule"]
    common = dict(uses=d.get("uses", []), description=d.get("description"))
    if r == "gram":
        if "diagonal" in s:
            return dc.gram(d["id"], i["functions"], diagonal=Qs(s["diagonal"]), **common)
        m = s["matrix"]
        return dc.gram(d["id"], i["functions"], matrix=m if isinstance(m, str) else [Qs(row) for row in m], **common)
    if r == "sup-distance":
        return dc.sup_distance(d["id"], i["f"], i["g"], s["relation"], Q(s["bound"]), **common)
    if r == "orthonormal-for-all-signs":
        return dc.orthonormal_for_all_signs(d["id"], int(i["levels"]), Is(i["readouts"]), **common)
    if r == "packing":
        J = int(objects[i["class"]]["levels"]) if objects[i["class"]]["kind"] != "finite-class" else None
        els = []
        for e in i["elements"]:
            if isinstance(e, dict):
                els.append(dc.inline_sign_tree(signs=_signs(decode_hex_bits(e["bits"], 2**J - 1))))
            elif objects.get(e, {}).get("kind") == "sign-tree":
                els.append(e)
            else:
                els.append(int(e))
        return dc.packing(d["id"], i["class"], Q(i["eps"]), els, int(s["count"]), **common)
    if r == "cover":
        return dc.cover(d["id"], i["class"], Q(i["eps"]), i["centres"], int(s["count"]), **common)
    if r == "haar-packing":
        return dc.haar_packing(d["id"], i["class"], Q(i["eps"]), int(i["level"]), int(s["bits-at-least"]), **common)
    if r == "haar-cover":
        return dc.haar_cover(d["id"], i["class"], Q(i["eps"]), int(i["level"]), int(s["bits-at-most"]), **common)
    if r == "binary-class":
        return dc.binary_class(d["id"], i["class"], Q(i["eps"]), i["coding"], int(s["bits"]), **common)
    if r == "readout-count":
        if i["coding"] == "joint":
            return dc.readout_count(d["id"], i["class"], "joint", log2_size=int(s["log2-size"]), **common)
        return dc.readout_count(d["id"], i["class"], "separate", log2_sizes=Is(s["log2-sizes"]), total=int(s["total"]), **common)
    if r == "enumerate":
        eps = Q(i["eps"]) if "eps" in i else None
        if i["coding"] == "joint":
            return dc.enumerate(d["id"], i["class"], i["quantity"], "joint", value=int(s["value"]), eps=eps, **common)
        return dc.enumerate(d["id"], i["class"], i["quantity"], "separate", values=Is(s["values"]), eps=eps, **common)
    if r == "network-realises":
        return dc.network_realises(d["id"], i["network"], i["functions"], int(s["outputs"]), **common)
    if r == "network-width-lower":
        n = int(s["first-layer-units-at-least"])
        eps = dict(eps=_opt_q(i, "eps"), eps_below=_opt_q(i, "eps-below"))
        if "functions" in i:
            return dc.network_width_lower(d["id"], i["mode"], n, functions=i["functions"], **eps, **common)
        return dc.network_width_lower(d["id"], i["mode"], n, cls=i["class"], **eps, **common)
    if r == "network-bits":
        counts = {k.replace("-", "_"): int(v) for k, v in s.items() if k != "bits"}
        return dc.network_bits(d["id"], i["network"], int(s["bits"]), **counts, **common)
    if r == "step-approx-lower":
        return dc.step_approx_lower(d["id"], i["function"], int(i["max-breakpoints"]), Q(i["threshold"]),
                                    Q(s["distance-at-least"]), **common)
    if r == "bits":
        terms = [dc.term(t["claim"], t["quantity"], Q(t["coefficient"]), _meaning(t["meaning"]) if "meaning" in t else None)
                 for t in i["terms"]]
        constant = Q(i["constant"]) if "constant" in i else None
        return dc.bits(d["id"], terms, s["relation"], Q(s["bound"]), constant, **common)
    if r == "eps-transfer":
        return dc.eps_transfer(d["id"], i["claim"], i["quantity"], Q(i["eps"]), s["relation"], Q(s["bound"]), **common)
    if r == "network-realises-for-all-signs":
        return dc.network_realises_for_all_signs(d["id"], i["network"], i["class"], int(s["outputs"]), int(s["bits"]), **common)
    if r == "relu-interpolates":
        return dc.relu_interpolates(d["id"], i["network"], i["data"], _opt_q(i, "tolerance"), _opt_q(s, "sup-error"), **common)
    if r == "weight-decay":
        return dc.weight_decay(d["id"], i["network"], Q(s["weight-decay"]), _opt_qs(i, "path-norm-upper"),
                               _opt_qs(i, "path-norm-lower"), {"yes": True, "no": False}.get(s.get("balanced")),
                               _opt_q(s, "path-norm-upper-bound"), _opt_q(s, "path-norm-lower-bound"), **common)
    if r == "neuron-sharing":
        return dc.neuron_sharing(d["id"], i["network"], int(s["active-units"]), int(s["shared-units"]),
                                 _opt_is(s, "units-per-output"), _opt_is(s, "active"), **common)
    if r == "width-from-rank":
        return dc.width_from_rank(d["id"], i["data"], int(s["rank"]), int(s["width-lower"]), i.get("network"),
                                  int(s["centred-rank"]) if "centred-rank" in s else None, **common)
    if r == "mtl-gap":
        return dc.mtl_gap(d["id"], i["network"], i["data"], i["weights"], i["dual"], Qs(i["unit-bounds"]), Q(s["delta"]),
                          i.get("targets"), **common)
    if r == "penalised-mtl-gap":
        keys = ("network", "data", "weights", "targets", "features", "heads")
        return dc.penalised_mtl_gap(d["id"], Q(i["lambda"]), Q(s["delta"]), i["dual"], Qs(i["unit-bounds"]),
                                    **{k: i.get(k) for k in keys}, **common)
    if r == "mtl-screen":
        return dc.mtl_screen(d["id"], i["gap"], Is(i["units"]), int(s["screened"]), **common)
    if r == "compress-preserves":
        return dc.compress_preserves(d["id"], i["original"], i["compressed"], i["data"], int(s["units-before"]),
                                     int(s["units-after"]), **common)
    if r == "lasso-gap":
        return dc.lasso_gap(d["id"], i["features"], i["targets"], i["heads"], int(i["task"]), i["dual"], Q(i["lambda"]),
                            Q(s["delta"]), **common)
    if r == "lasso-screen":
        return dc.lasso_screen(d["id"], i["gap"], Is(i["features"]), int(s["screened"]), **common)
    if r == "support":
        lasso = (i["features"], i["targets"], Q(i["lambda"])) if "lambda" in i else None
        return dc.support(d["id"], i["heads"], Is(s["sizes"]), int(s["union"]), _opt_qs(s, "fractions"), i.get("screens"),
                          _opt_is(s, "optimal-upper"), lasso=lasso, **common)
    if r == "support-variability":
        return dc.support_variability(d["id"], i["heads"], s["holds"], **common)
    raise AssertionError(f"unknown rule {r}")


def rebuild_certificate(doc):
    cert = dc.Certificate(doc.get("description"))
    objects = doc.get("objects", {})
    for name, d in objects.items():
        cert.add(rebuild_object(name, d, cert.objects if d["kind"] == "task-outputs" else objects))
    for c in doc["claims"]:
        cert.add(rebuild_claim(c, objects))
    return cert
