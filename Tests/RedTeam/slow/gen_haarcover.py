#!/usr/bin/env python3
"""C haar-cover claims on one haar-class of J = 20 levels whose amplitudes are 1/q_j with
distinct 9,999-digit q_j: each claim recomputes the tail sum sum_{j>=L} a_j (L = 0), an
exact sum of 20 rationals whose denominator grows to ~200,000 digits; no work is charged."""
import json, sys, random
sys.set_int_max_str_digits(0)
C = int(sys.argv[1]); out = sys.argv[2]
J = int(sys.argv[3]) if len(sys.argv) > 3 else 20
rng = random.Random(4)
amps = ["1/%d" % (rng.randrange(10**9998, 10**9999) | 1) for _ in range(J)]
claims = [{"id": "c%d" % i, "rule": "haar-cover", "inputs": {"class": "H", "level": "0", "eps": "20"},
           "statement": {"bits-at-most": "0"}} for i in range(C)]
cert = {"format": "dyadcert/1", "objects": {"H": {"kind": "haar-class", "levels": str(J), "amplitudes": amps}},
        "claims": claims}
json.dump(cert, open(out, "w"), separators=(",", ":"))
