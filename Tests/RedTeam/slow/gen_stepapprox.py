#!/usr/bin/env python3
"""C step-approx-lower claims on one continuous piecewise-linear g with N pieces whose knot
values are fractions with distinct k-digit denominators (<= 256 bits, a step costs 1):
each claim recomputes TV(g) = sum |v_{i+1} - v_i| exactly before charging 4 (N + 1) steps;
the sum's denominator grows to ~N*2k digits."""
import json, sys, random
from fractions import Fraction
N = int(sys.argv[1]); k = int(sys.argv[2]); C = int(sys.argv[3]); out = sys.argv[4]
rng = random.Random(6)
def s(x): return str(x.numerator) if x.denominator == 1 else "%d/%d" % (x.numerator, x.denominator)
knots = ["0"] + [s(Fraction(i, N)) for i in range(1, N)] + ["1"]
vals = []
for i in range(N + 1):
    q = rng.randrange(10**(k-1), 10**k); vals.append(s(Fraction(rng.randrange(1, q), q)))
claims = [{"id": "s%d" % i, "rule": "step-approx-lower", "inputs": {"function": "g", "max-breakpoints": "0", "threshold": "1000000"},
           "statement": {"distance-at-least": "0"}} for i in range(C)]
cert = {"format": "dyadcert/1", "objects": {"g": {"kind": "piecewise-linear", "knots": knots, "values": vals}}, "claims": claims}
json.dump(cert, open(out, "w"), separators=(",", ":"))
