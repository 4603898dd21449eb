#!/usr/bin/env python3
"""An acceptance-scale certificate for timing the kernel's seed-004 rules (not a test).

A random dyadic shallow ReLU network (N points, d inputs, D outputs, K units; weights
m / 2^20, inputs m / 2^10, the base64 dyadic matrix encoding) and its targets
Y = V Phi + c computed exactly with Python integers; claims relu-interpolates and
width-from-rank (rank(Y) = min(D, N) for random data, checked by the kernel).
    python3 Tests/CertificateKernelTests/Reference/relu_scale_certificate.py 1000 10 10 2000 /tmp/scale.dyadcert.json
    dyadcert verify /tmp/scale.dyadcert.json      # release build
"""
import base64, json, random, struct, sys
N, d, D, K = (int(a) for a in sys.argv[1:5])
rng = random.Random(1)
EW, EX, EV = 20, 10, 20
W = [[rng.randint(-2**20, 2**20) for _ in range(d)] for _ in range(K)]   # / 2^EW
b = [rng.randint(-2**20, 2**20) << EX for _ in range(K)]                   # / 2^(EW+EX)
X = [[rng.randint(-2**10, 2**10) for _ in range(N)] for _ in range(d)]    # / 2^EX
V = [[rng.randint(-2**20, 2**20) for _ in range(K)] for _ in range(D)]    # / 2^EV
XT = list(zip(*X))
Phi = []
for k in range(K):
    w, bk = W[k], b[k]
    Phi.append([max(0, sum(wj * xj for wj, xj in zip(w, xi)) + bk) for xi in XT])   # / 2^(EW+EX)
Y = []
for dd in range(D):
    v = V[dd]
    row = [0] * N
    for k in range(K):
        vk = v[k]
        if vk:
            pk = Phi[k]
            row = [r + vk * p for r, p in zip(row, pk)]
    Y.append(row)                                                          # / 2^(EV+EW+EX)
def b64(rows):
    return base64.b64encode(b"".join(struct.pack("<q", m) for r in rows for m in r)).decode()
def dy(rows, e, wide=False):
    m = {"row-exponents": str(e), "column-exponents": "0"}
    if wide: m["wide-mantissas"] = [[str(x) for x in r] for r in rows]
    else: m["mantissas"] = b64(rows)
    return {"kind": "matrix", "rows": str(len(rows)), "columns": str(len(rows[0])), "dyadic": m}
doc = {"format": "dyadcert/1", "description": f"scale test N={N} d={d} D={D} K={K}",
  "objects": {"X": dy(X, EX), "Y": dy(Y, EV + EW + EX, wide=True), "W": dy(W, EW), "b": dy([[x] for x in b], EW + EX),
              "V": dy(V, EV), "c": {"kind": "matrix", "rows": str(D), "columns": "1", "entries": [["0"]] * D},
              "net": {"kind": "relu-network", "input-weights": "W", "biases": "b", "output-weights": "V", "output-bias": "c"},
              "data": {"kind": "relu-data", "inputs": "X", "targets": "Y"},
              "Z": {"kind": "matrix", "rows": str(D), "columns": str(N), "dyadic": {"row-exponents": "0", "column-exponents": "0", "mantissas": b64([[0] * N] * D)}}},
  "claims": [
    {"id": "fits", "rule": "relu-interpolates", "inputs": {"network": "net", "data": "data"}, "statement": {"sup-error": "0"}},
    {"id": "width", "rule": "width-from-rank", "inputs": {"data": "data", "network": "net"}, "statement": {"rank": str(min(D, N)), "width-lower": str(min(D, N) - 1), "centred-rank": str(min(D, N))}},
  ]}
from fractions import Fraction as F
from math import isqrt
def q(x):
    x = F(x)
    return str(x.numerator) if x.denominator == 1 else f"{x.numerator}/{x.denominator}"
Sv = [sum(V[dd][k] ** 2 for dd in range(D)) for k in range(K)]          # ||v_k||^2 = Sv / 2^40
Sw = [sum(x * x for x in W[k]) for k in range(K)]                         # ||w_k||^2 = Sw / 2^40
u = [F(isqrt(S) + 1, 2 ** EV) for S in Sv]                                 # u_k >= ||v_k||
WD = F(sum(Sv) + sum(Sw), 2 * 2 ** 40)
active = sum(1 for k in range(K) if Sv[k] and (Sw[k] or b[k]))
used = [[k for k in range(K) if V[dd][k]] for dd in range(D)]
shared = sum(1 for k in range(K) if sum(1 for dd in range(D) if V[dd][k]) >= 2)
doc["claims"] += [
    {"id": "wd", "rule": "weight-decay", "inputs": {"network": "net"}, "statement": {"weight-decay": q(WD)}},
    {"id": "sharing", "rule": "neuron-sharing", "inputs": {"network": "net"}, "statement": {"active-units": str(active), "shared-units": str(shared)}},
    {"id": "md", "rule": "mtl-gap", "inputs": {"network": "net", "weights": "V", "data": "data", "dual": "Z", "unit-bounds": [q(x) for x in u]},
     "statement": {"delta": q(sum(u))}},
    {"id": "pd", "rule": "penalised-mtl-gap", "inputs": {"network": "net", "weights": "V", "data": "data", "dual": "Z", "unit-bounds": [q(x) for x in u], "lambda": "1"},
     "statement": {"delta": q(sum(u))}},
    {"id": "same", "rule": "compress-preserves", "inputs": {"data": "data", "original": "net", "compressed": "net"},
     "statement": {"units-before": str(active), "units-after": str(active)}},
]
json.dump(doc, open(sys.argv[5], "w"))
