#!/usr/bin/env python3
"""binary-class over a finite class of M elements, each a tuple of A copies of one +-1 step
function with P pieces (non-dyadic breakpoints, so it stays a general step function):
the rule re-scans all P values of every coordinate (isSignValued is recomputed) without
charging work; the class object charges nothing either."""
import json, sys
from fractions import Fraction
P = int(sys.argv[1]); M = int(sys.argv[2]); A = int(sys.argv[3]); out = sys.argv[4]
bps = ["0"] + [str(Fraction(i, P)) for i in range(1, P)] + ["1"]
vals = ["1" if i % 2 == 0 else "-1" for i in range(P)]
cert = {"format": "dyadcert/1",
 "objects": {"f": {"kind": "step-function", "breakpoints": bps, "values": vals},
             "K": {"kind": "finite-class", "elements": [["f"] * A for _ in range(M)]}},
 "claims": [{"id": "b", "rule": "binary-class", "inputs": {"class": "K", "eps": "1", "coding": "joint"},
             "statement": {"bits": "0"}}]}
json.dump(cert, open(out, "w"), separators=(",", ":"))
