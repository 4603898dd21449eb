#!/usr/bin/env python3
"""network-realises over a network with K first-layer units at thresholds i/(K+1) and one
linear output reading all of them with weights 1/q_i, q_i distinct odd numbers near 2^60:
the sweep adds one weight per piece to the output's pre-activation, whose denominator grows
to about 60 K bits; the claim compares it with the zero function (false)."""
import json, sys
from fractions import Fraction
K = int(sys.argv[1]); out = sys.argv[2]
def s(x): return str(x.numerator) if x.denominator == 1 else "%d/%d" % (x.numerator, x.denominator)
first = [{"activation": "heaviside", "inputs": ["0"], "weights": ["1"], "bias": s(-Fraction(i, K + 1))} for i in range(1, K + 1)]
output = {"activation": "linear", "inputs": [str(i) for i in range(K)], "weights": ["1/%d" % ((1 << 60) + 2 * i + 1) for i in range(K)], "bias": "0"}
cert = {"format": "dyadcert/1", "objects": {
    "net": {"kind": "heaviside-network", "layers": [{"units": first}, {"units": [output]}]},
    "zero": {"kind": "step-function", "breakpoints": ["0", "1"], "values": ["0"]}},
 "claims": [{"id": "r", "rule": "network-realises", "inputs": {"network": "net", "functions": ["zero"]}, "statement": {"outputs": "1"}}]}
json.dump(cert, open(out, "w"), separators=(",", ":"))
