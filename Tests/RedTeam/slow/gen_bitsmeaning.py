#!/usr/bin/env python3
"""A `network-width-lower` claim A naming one 1-piece function N times (its fact's meaning
has a subject of N names), then a `bits` claim with T terms on A.first-layer-units: each
term renders the meaning's description (N names) into the verdict text, T x N uncharged
string work and memory (and a T x N-name verdict line)."""
import json, sys
N = int(sys.argv[1]); T = int(sys.argv[2]); out = sys.argv[3]
cert = {"format": "dyadcert/1", "objects": {"f": {"kind": "step-function", "breakpoints": ["0", "1/2", "1"], "values": ["0", "1"]}},
 "claims": [
  {"id": "A", "rule": "network-width-lower", "inputs": {"mode": "separate", "functions": ["f"] * N},
   "statement": {"first-layer-units-at-least": "0"}},
  {"id": "B", "rule": "bits", "uses": ["A"],
   "inputs": {"terms": [{"claim": "A", "quantity": "first-layer-units", "coefficient": "1"}] * T},
   "statement": {"relation": ">=", "bound": "0"}}]}
json.dump(cert, open(out, "w"), separators=(",", ":"))
