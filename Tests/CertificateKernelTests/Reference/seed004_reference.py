#!/usr/bin/env python3
"""Independent Fraction reference for the seed-004/003 hand-written certificates.

Computes every stated figure of Certificates/handwritten/relu-two-units.dyadcert.json
and sparse-heads-small.dyadcert.json from the definitions of MATH.md sec. 11-12 with
Python's fractions (no code of the kernel), checks each lemma's side conditions, and
writes the two certificates (then `dyadcert format FILE -o FILE` puts them in canonical
form). Run from the repository root:
    python3 Tests/CertificateKernelTests/Reference/seed004_reference.py
"""
import base64, json, struct
from fractions import Fraction as F

def s(q):
    q = F(q)
    return str(q.numerator) if q.denominator == 1 else f"{q.numerator}/{q.denominator}"

def mat(rows):
    return {"kind": "matrix", "rows": s(len(rows)), "columns": s(len(rows[0]) if rows else 0),
            "entries": [[s(x) for x in r] for r in rows]}

def mul(a, b):
    return [[sum(a[i][l] * b[l][j] for l in range(len(b))) for j in range(len(b[0]))] for i in range(len(a))]

def T(a):
    return [list(r) for r in zip(*a)]

def relu(t):
    return t if t > 0 else F(0)

def sq(v):
    return sum(x * x for x in v)

def col(a, j):
    return [r[j] for r in a]

# ---------------------------------------------------------------- seed 004
X = [[F(0), F(1), F(2)]]                      # d = 1, N = 3
W = [[F(1)], [F(-1)]]                         # K = 2
b = [F(0), F(1)]
V = [[F(1), F(2)], [F(1), F(0)]]              # D = 2
c = [F(1, 2), F(0)]
N, K, D = 3, 2, 2
Phi = [[relu(sum(W[k][j] * X[j][i] for j in range(1)) + b[k]) for i in range(N)] for k in range(K)]
assert Phi == [[0, 1, 2], [1, 0, 0]]
Y = [[sum(V[dd][k] * Phi[k][i] for k in range(K)) + c[dd] for i in range(N)] for dd in range(D)]
Psi = [[Y[dd][i] - c[dd] for i in range(N)] for dd in range(D)]
v2 = [sq(col(V, k)) for k in range(K)]
w2 = [sq(W[k]) for k in range(K)]
WD = (sum(v2) + sum(w2)) / 2
u = [F(3, 2), F(2)]
l = [F(7, 5), F(2)]
assert all(uk >= 0 and uk * uk >= v2[k] * w2[k] for k, uk in enumerate(u))
assert all(lk <= 0 or lk * lk <= v2[k] * w2[k] for k, lk in enumerate(l))
# rank of Y (2 x 3) by a 2 x 2 minor
assert Y[0][0] * Y[1][1] - Y[0][1] * Y[1][0] != 0
rankY, centred = 2, 2
# constrained multi-task lasso (Lemma MD): Lambda phi_k feasible
Lam = [[F(1), F(7, 10), F(0)], [F(0), F(7, 10), F(0)]]
LamPhi = mul(Lam, T(Phi))
assert all(sq(col(LamPhi, k)) <= 1 for k in range(K))
uMD = [F(3, 2), F(2)]
assert all(uMD[k] ** 2 >= v2[k] for k in range(K))
gapMD = sum(uMD) - sum(Lam[dd][i] * Psi[dd][i] for dd in range(D) for i in range(N))
assert gapMD == F(1, 10)
# penalised problem at lambda = 4: unit 1 is zero in every minimiser
lam = F(4)
Vp = [[F(43, 100), F(0)], [F(43, 100), F(0)]]
R = [[Psi[dd][i] - sum(Vp[dd][k] * Phi[k][i] for k in range(K)) for i in range(N)] for dd in range(D)]
RPhi = mul(R, T(Phi))
worst = max(sq(col(RPhi, k)) for k in range(K))
scale = F(1) if worst <= lam * lam else F(399, 400) * lam / F(int((worst ** 0.5) * 10**6) + 1, 10**6)
Theta = [[scale * x for x in r] for r in R]
ThetaPhi = mul(Theta, T(Phi))
assert all(sq(col(ThetaPhi, k)) <= lam * lam for k in range(K))
up = [F(61, 100), F(0)]        # >= ||v_0|| = 43 sqrt(2)/100 ~ 0.608
assert all(up[k] >= 0 and up[k] ** 2 >= sq(col(Vp, k)) for k in range(K))
primal = sum(x * x for r in R for x in r) / 2 + lam * sum(up)
dual = sum(Theta[dd][i] * Psi[dd][i] for dd in range(D) for i in range(N)) - sum(x * x for r in Theta for x in r) / 2
Gp = primal - dual
A1, B1 = sq(col(ThetaPhi, 1)), 2 * Gp * sq(Phi[1])
# sqrt(A1) + sqrt(B1) < lam, decided by squaring (Lemma Q)
assert B1 < lam * lam and (lam * lam + B1 - A1) > 0 and 4 * lam * lam * B1 < (lam * lam + B1 - A1) ** 2
A0, B0 = sq(col(ThetaPhi, 0)), 2 * Gp * sq(Phi[0])
assert not (B0 < lam * lam and (lam * lam + B0 - A0) > 0 and 4 * lam * lam * B0 < (lam * lam + B0 - A0) ** 2)
# the compressed network: unit 1 removed is not exact (it is used); keep both units but
# drop a dead unit 2 from a 3-unit original whose third unit is never active on X.
W3 = W + [[F(-1)]]
b3 = b + [F(-5)]              # r(-x - 5) = 0 on x >= 0: inactive on the data
V3 = [[F(1), F(2), F(3)], [F(1), F(0), F(-1)]]

def dyadic_b64(rows):
    return base64.b64encode(b"".join(struct.pack("<q", m) for r in rows for m in r)).decode()

seed004 = {
    "format": "dyadcert/1",
    "description": "A 2-unit shallow ReLU network f(x) = V r(W x + b) + c with 2 outputs on 3 points x = 0, 1, 2 (MATH.md sec. 11): it interpolates its data exactly; its weight decay and path-norm bounds; its active and shared units; the width every interpolating network needs (Lemma RW); a constrained multi-task lasso gap (Lemma MD); a penalised gap at lambda = 4 (Lemma PD) that screens unit 1 out of every minimiser (Lemma GS); and a pruning of a 3-unit network whose third unit is dead on the data.",
    "objects": {
        "X": {"kind": "matrix", "rows": "1", "columns": "3",
              "dyadic": {"row-exponents": "0", "column-exponents": "0", "mantissas": dyadic_b64([[0, 1, 2]])},
              "sha256": "073cc8ccd82c14bb0c3b160b8a7e3d98a345daed85aec4bb7fd327db186076df",
              "source": "the three points 0, 1, 2"},
        "Y": mat(Y),
        "W": mat(W), "b": mat([[x] for x in b]), "V": mat(V), "c": mat([[x] for x in c]),
        "W3": mat(W3), "b3": mat([[x] for x in b3]), "V3": mat(V3),
        "net": {"kind": "relu-network", "input-weights": "W", "biases": "b", "output-weights": "V", "output-bias": "c"},
        "wide": {"kind": "relu-network", "input-weights": "W3", "biases": "b3", "output-weights": "V3", "output-bias": "c"},
        "data": {"kind": "relu-data", "inputs": "X", "targets": "Y"},
        "Lambda": mat(Lam),
        "Vp": mat(Vp), "Theta": mat(Theta),
    },
    "claims": [
        {"id": "fits", "rule": "relu-interpolates", "description": "f(x_i) = y_i exactly at the three points.",
         "inputs": {"network": "net", "data": "data"}, "statement": {"sup-error": "0"}},
        {"id": "wd", "rule": "weight-decay",
         "description": "||v||^2 = (2, 4), ||w||^2 = (1, 1): WD = 4; R = sqrt(2) + 2 lies in [17/5, 7/2].",
         "inputs": {"network": "net", "path-norm-upper": [s(x) for x in u], "path-norm-lower": [s(x) for x in l]},
         "statement": {"weight-decay": s(WD), "balanced": "no", "path-norm-upper-bound": s(sum(u)), "path-norm-lower-bound": s(sum(l))}},
        {"id": "sharing", "rule": "neuron-sharing", "description": "Unit 0 feeds both outputs, unit 1 only output 0.",
         "inputs": {"network": "net"},
         "statement": {"active-units": "2", "shared-units": "1", "units-per-output": ["2", "1"], "active": ["0", "1"]}},
        {"id": "width", "rule": "width-from-rank",
         "description": "rank(Y) = 2, so every interpolating shallow ReLU network has at least 1 unit; this one needs rank(Y - c 1^T) = 2.",
         "inputs": {"data": "data", "network": "net"},
         "statement": {"rank": s(rankY), "width-lower": s(rankY - 1), "centred-rank": s(centred)}},
        {"id": "md", "rule": "mtl-gap",
         "description": "V is the only feasible point; Lambda phi_0 = (7/10, 7/10), Lambda phi_1 = (1, 0) are feasible, and 7/2 - <Lambda, Psi> = 1/10.",
         "inputs": {"network": "net", "data": "data", "weights": "V", "dual": "Lambda", "unit-bounds": [s(x) for x in uMD]},
         "statement": {"delta": s(gapMD)}},
        {"id": "pd", "rule": "penalised-mtl-gap",
         "description": "At lambda = 4 the point V' = (43/100, 43/100) on unit 0 and the scaled residual Theta give the gap below.",
         "inputs": {"network": "net", "data": "data", "weights": "Vp", "dual": "Theta", "unit-bounds": [s(x) for x in up], "lambda": s(lam)},
         "statement": {"delta": s(Gp)}},
        {"id": "screen", "rule": "mtl-screen", "uses": ["pd"],
         "description": "||Theta phi_1|| + sqrt(2G) ||phi_1|| < 4: unit 1 is zero in every minimiser.",
         "inputs": {"gap": "pd", "units": ["1"]}, "statement": {"screened": "1"}},
        {"id": "prune", "rule": "compress-preserves",
         "description": "Unit 2 of the wide network is r(-x - 5) = 0 on the data; dropping it changes no output.",
         "inputs": {"original": "wide", "compressed": "net", "data": "data"},
         "statement": {"units-before": "3", "units-after": "2"}},
    ],
}

# ---------------------------------------------------------------- seed 003
n, p, Tt = 4, 4, 3
Xs = [[F(2) if i == j else F(0) for j in range(p)] for i in range(n)]
pre = [[1, 1, 0, 0], [0, 1, 1, F(1, 8)], [1, 0, 1, F(-1, 8)]]
Ys = T([[2 * F(a) for a in row] for row in pre])       # n x T
lam_s = F(1, 4)
def soft(a, t):
    return F(0) if abs(a) <= t else (a - t if a > 0 else a + t)
heads = [[soft(F(a), lam_s) for a in row] for row in pre]
heads[0][0] = F(37, 50)      # slightly off the optimum 3/4, so the gap is positive
gaps, thetas = [], []
for t in range(Tt):
    y = col(Ys, t)
    r = [y[i] - sum(Xs[i][j] * heads[t][j] for j in range(p)) for i in range(n)]
    theta = [x / n for x in r]
    corr = [sum(Xs[i][j] * theta[i] for i in range(n)) for j in range(p)]
    m = max(abs(x) for x in corr)
    if m > lam_s:
        theta = [x * lam_s / m for x in theta]
        corr = [x * lam_s / m for x in corr]
    P = sq(r) / (2 * n) + lam_s * sum(abs(x) for x in heads[t])
    Dv = sum(theta[i] * y[i] for i in range(n)) - F(n, 2) * sq(theta)
    gaps.append(P - Dv)
    thetas.append(theta)
    # feature 3 is screened (Lemma LS) for every task
    slack = lam_s - abs(corr[3])
    assert slack > 0 and 2 * (P - Dv) / n * sq(col(Xs, 3)) < slack * slack
assert gaps[0] > 0 and gaps[1] == 0 and gaps[2] == 0
supports = [[j for j in range(p) if heads[t][j] != 0] for t in range(Tt)]
union = sorted(set().union(*supports))
for i in union:
    inter = set(range(p))
    for S in supports:
        if i in S:
            inter &= set(S)
    assert inter == {i}
# group lasso (Lemma GL) at lambda_G = 1/4: Thetatilde = (Y - X W^T)^T / n, scaled to ||Thetatilde x_j|| <= lambda_G
lamG = F(1, 4)
# the group optimum is a_j (1 - lambda / ||a_j||)_+ with a_j = (pre[t][j])_t (X = 2 I); 823/1000 ~ 1 - 1/(4 sqrt 2)
headsG = [[F(823, 1000) * F(pre[t][j]) if j < 3 else F(0) for j in range(p)] for t in range(Tt)]
Rm = [[Ys[i][t] - sum(Xs[i][j] * headsG[t][j] for j in range(p)) for t in range(Tt)] for i in range(n)]
Tht = [[Rm[i][t] / n for i in range(n)] for t in range(Tt)]          # T x n
ThX = mul(Tht, Xs)                                                   # T x p: column j = Thetatilde x_j
worst = max(sq(col(ThX, j)) for j in range(p))
if worst > lamG * lamG:
    k = F(int(float(lamG) / float(worst) ** 0.5 * 1000), 1000)   # a rational factor below lamG / sqrt(worst)
    while k * k * worst > lamG * lamG:
        k -= F(1, 1000)
    Tht = [[k * x for x in r] for r in Tht]
    ThX = mul(Tht, Xs)
assert max(sq(col(ThX, j)) for j in range(p)) <= lamG * lamG
ug = [F(1164, 1000)] * 3 + [F(0)]                                  # >= ||W[:, j]|| = 823 sqrt(2) / 1000
assert all(ug[j] ** 2 >= sum(headsG[t][j] ** 2 for t in range(Tt)) for j in range(p))
PG = sum(x * x for r in Rm for x in r) / (2 * n) + lamG * sum(ug)
DG = sum(Tht[t][i] * Ys[i][t] for t in range(Tt) for i in range(n)) - F(n, 2) * sum(x * x for r in Tht for x in r)
GG = PG - DG
A3, B3 = sq(col(ThX, 3)), 2 * GG / n * sq(col(Xs, 3))
print("GG", GG, "A3", A3, "B3", B3)
assert B3 < lamG ** 2 and lamG ** 2 + B3 - A3 > 0 and 4 * lamG ** 2 * B3 < (lamG ** 2 + B3 - A3) ** 2

seed003 = {
    "format": "dyadcert/1",
    "description": "Sparse heads for 3 tasks on 4 features of 4 samples (X = 2 I, MATH.md sec. 12): per-task lasso gaps (Lemma LD), feature 3 screened out of every optimal head (Lemma LS), supports and their union, support variability, and the group-sparse version through the multi-task lasso (Lemmas GL, PD, GS).",
    "objects": {
        "X": mat(Xs), "Y": mat(Ys), "heads": mat(heads),
        "theta0": mat([[x] for x in thetas[0]]), "theta1": mat([[x] for x in thetas[1]]), "theta2": mat([[x] for x in thetas[2]]),
        "headsG": mat(headsG), "ThetaG": mat(Tht),
    },
    "claims": [],
}
for t in range(Tt):
    seed003["claims"].append({"id": f"gap{t}", "rule": "lasso-gap", "description": f"Task {t}: a feasible dual point and the exact gap.",
        "inputs": {"features": "X", "targets": "Y", "heads": "heads", "task": s(t), "dual": f"theta{t}", "lambda": s(lam_s)},
        "statement": {"delta": s(gaps[t])}})
for t in range(Tt):
    seed003["claims"].append({"id": f"screen{t}", "rule": "lasso-screen", "uses": [f"gap{t}"], "description": f"Feature 3 is zero in every optimal head of task {t}.",
        "inputs": {"gap": f"gap{t}", "features": ["3"]}, "statement": {"screened": "1"}})
seed003["claims"] += [
    {"id": "supports", "rule": "support", "uses": ["screen0", "screen1", "screen2"],
     "description": "Each head uses 2 of the 4 features, 3 together; every optimal head of the lasso (X, Y, 1/4) uses at most 3.",
     "inputs": {"features": "X", "targets": "Y", "heads": "heads", "lambda": s(lam_s), "screens": ["screen0", "screen1", "screen2"]},
     "statement": {"sizes": [s(len(S)) for S in supports], "union": s(len(union)), "fractions": [s(F(len(S), p)) for S in supports],
                   "optimal-upper": ["3", "3", "3"]}},
    {"id": "variability", "rule": "support-variability", "description": "Supports {0,1}, {1,2}, {0,2}: each feature is singled out by the tasks that use it.",
     "inputs": {"heads": "heads"}, "statement": {"holds": "yes"}},
    {"id": "group", "rule": "penalised-mtl-gap", "description": "The group lasso at lambda = 1/4 in group-lasso units (Lemma GL: the kernel checks n P_G with lambda_MTL = n lambda and Theta = n Thetatilde).",
     "inputs": {"features": "X", "targets": "Y", "heads": "headsG", "dual": "ThetaG", "unit-bounds": [s(x) for x in ug], "lambda": s(lamG)},
     "statement": {"delta": s(GG)}},
    {"id": "group-screen", "rule": "mtl-screen", "uses": ["group"], "description": "Feature 3 is zero in every group-lasso optimum.",
     "inputs": {"gap": "group", "units": ["3"]}, "statement": {"screened": "1"}},
]

if __name__ == "__main__":
    import hashlib
    assert seed004["objects"]["X"]["sha256"] == hashlib.sha256(b"0 1 2\n").hexdigest(), hashlib.sha256(b"0 1 2\n").hexdigest()
    for name, doc in [("relu-two-units", seed004), ("sparse-heads-small", seed003)]:
        with open(f"Certificates/handwritten/{name}.dyadcert.json", "w") as fh:
            json.dump(doc, fh, indent=2)
            fh.write("\n")
    print("gapMD", gapMD, "Gp", Gp, "A1", A1, "B1", B1, "gaps", gaps, "GG", GG)
