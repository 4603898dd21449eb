#!/usr/bin/env python3
"""gram over D-1 references to one sign function S of level J (alternating bits, 2^J
pieces) and one step function t with a non-dyadic breakpoint (forces the general path):
every entry merges two 2^J-piece step functions in Rationals, charged as 2 x the packed
work size (2^J / 64 words)."""
import json, sys
from fractions import Fraction as Fr
J = int(sys.argv[1]); D = int(sys.argv[2]); out = sys.argv[3]
N = 1 << J
k = N // 3
part = Fr(k % 2, N) + (1 if k % 2 == 0 else -1) * (Fr(1, 3) - Fr(k, N))  # int_0^{1/3} S
St = -part
def s(q):
    q = Fr(q); return str(q.numerator) if q.denominator == 1 else "%d/%d" % (q.numerator, q.denominator)
funcs = ["S"] * (D - 1) + ["t"]
rows = [[s(1 if (i < D - 1 and j < D - 1) else (3 if i == j else St)) for j in range(D)] for i in range(D)]
cert = {"format": "dyadcert/1", "objects": {
    "S": {"kind": "sign-function", "level": str(J), "bits": "5" * (N // 4)},
    "t": {"kind": "step-function", "breakpoints": ["0", "1/3", "1"], "values": ["1", "2"]}},
 "claims": [{"id": "g", "rule": "gram", "inputs": {"functions": funcs}, "statement": {"matrix": rows}}]}
json.dump(cert, open(out, "w"), separators=(",", ":"))
