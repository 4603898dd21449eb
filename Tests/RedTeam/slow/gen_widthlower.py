#!/usr/bin/env python3
"""network-width-lower (mode separate) over R copies of one step function with P pieces
whose values are 10,000-digit rationals: each copy is a pass of P exact subtractions of
33,000-bit rationals (with gcds); the rule charges no work."""
import json, sys, random
sys.set_int_max_str_digits(0)
P = int(sys.argv[1]); R = int(sys.argv[2]); out = sys.argv[3]
rng = random.Random(5)
vals = []
for i in range(P):
    q = rng.randrange(10**4998, 10**4999) | 1
    p = rng.randrange(10**4999, 10**5000)
    from math import gcd
    g = gcd(p, q); p //= g; q //= g
    vals.append("%d/%d" % (p, q))
bps = ["0"] + ["%d/%d" % (i, P) if __import__('math').gcd(i, P) == 1 else None for i in range(1, P)] + ["1"]
from fractions import Fraction
bps = ["0"] + [str(Fraction(i, P)) for i in range(1, P)] + ["1"]
cert = {"format": "dyadcert/1",
 "objects": {"f": {"kind": "step-function", "breakpoints": bps, "values": vals}},
 "claims": [{"id": "w", "rule": "network-width-lower", "inputs": {"mode": "separate", "functions": ["f"] * R, "eps": "1"},
             "statement": {"first-layer-units-at-least": "0"}}]}
json.dump(cert, open(out, "w"), separators=(",", ":"))
