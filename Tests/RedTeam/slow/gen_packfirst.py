#!/usr/bin/env python3
"""packing over a finite class whose first element is a tuple of 1-piece functions while
the others name a step function F of 2^J pieces: the rule charges pairs x 2 x (work size
of the FIRST element), but every pair compares F with F over 2^J pieces."""
import json, sys
J = int(sys.argv[1]); M = int(sys.argv[2]); out = sys.argv[3]
objs = {"F": {"kind": "cell-function", "level": str(J), "values": [str(k & 1) for k in range(1 << J)]},
        "c0": {"kind": "step-function", "breakpoints": ["0", "1"], "values": ["-100"]}}
for i in range(1, M):
    objs["g%d" % i] = {"kind": "step-function", "breakpoints": ["0", "1"], "values": [str(3 * i)]}
FIRST = sys.argv[4] if len(sys.argv) > 4 else "small"
elems = ([["c0", "c0"]] if FIRST == "small" else [["F", "c0"]]) + [["F", "g%d" % i] for i in range(1, M)]
objs["K"] = {"kind": "finite-class", "elements": elems}
cert = {"format": "dyadcert/1", "objects": objs,
 "claims": [{"id": "p", "rule": "packing", "inputs": {"class": "K", "elements": [str(i) for i in range(M)], "eps": "1"},
             "statement": {"count": str(M)}}]}
json.dump(cert, open(out, "w"), separators=(",", ":"))
