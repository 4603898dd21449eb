#!/usr/bin/env python3
"""bits claim with N terms over one exact fact, coefficient 1/q_i with distinct k-digit
denominators: the interval sum's denominator grows to ~N*k digits (no work charged)."""
import json, sys, random
sys.set_int_max_str_digits(0)
N = int(sys.argv[1]); k = int(sys.argv[2]); out = sys.argv[3]
rel = sys.argv[4] if len(sys.argv) > 4 else "<="
rng = random.Random(1)
terms = []
for i in range(N):
    q = rng.randrange(10**(k-1), 10**k) | 1
    terms.append({"claim": "size", "quantity": "size", "coefficient": "1/%d" % q})
cert = {"format": "dyadcert/1",
 "objects": {"H2": {"kind": "haar-class", "levels": "2", "amplitudes": ["1/2", "1/4"]}},
 "claims": [
  {"id": "size", "rule": "enumerate", "inputs": {"class": "H2", "quantity": "size", "coding": "joint"}, "statement": {"value": "8"}},
  {"id": "sum", "rule": "bits", "uses": ["size"], "inputs": {"terms": terms}, "statement": {"relation": rel, "bound": str(10**9)}}]}
json.dump(cert, open(out, "w"), separators=(",", ":"))
