#!/usr/bin/env python3
"""enumerate (size, joint) over a finite class [c0, F, F, ..., F]: the rule charges
elements x (work size of the FIRST element, a 1-piece function), but hashing and
comparing each copy of F (2^J pieces) for the distinct count takes 2^J steps each."""
import json, sys
J = int(sys.argv[1]); M = int(sys.argv[2]); out = sys.argv[3]
objs = {"F": {"kind": "cell-function", "level": str(J), "values": [str(k & 1) for k in range(1 << J)]},
        "c": {"kind": "step-function", "breakpoints": ["0", "1"], "values": ["7"]}}
objs["K"] = {"kind": "finite-class", "elements": ["c"] + ["F"] * (M - 1)}
cert = {"format": "dyadcert/1", "objects": objs,
 "claims": [{"id": "e", "rule": "enumerate", "inputs": {"class": "K", "quantity": "size", "coding": "joint"},
             "statement": {"value": "2"}}]}
json.dump(cert, open(out, "w"), separators=(",", ":"))
