#!/usr/bin/env python3
"""K one-layer-network objects, each naming a 2^J-piece function R times (3 R 2^J + R
within --max-network-size, which is per network): building each collects and sorts the
breakpoints of every reference and builds R output units of 2^J weights; no cells and no
work are charged, so time and memory grow with K at ~400 bytes of file per object."""
import json, sys
J = int(sys.argv[1]); R = int(sys.argv[2]); K = int(sys.argv[3]); out = sys.argv[4]
N = 1 << J
objs = {"F": {"kind": "cell-function", "level": str(J), "values": [str(k & 1) for k in range(N)]},
        "one": {"kind": "step-function", "breakpoints": ["0", "1"], "values": ["1"]}}
for k in range(K):
    objs["n%d" % k] = {"kind": "one-layer-network", "functions": ["F"] * R}
cert = {"format": "dyadcert/1", "objects": objs,
 "claims": [{"id": "g", "rule": "gram", "inputs": {"functions": ["one"]}, "statement": {"matrix": "identity"}}]}
json.dump(cert, open(out, "w"), separators=(",", ":"))
