#!/usr/bin/env python3
"""cover of a finite class [c, F, F, ..., F] by centres [c, F]: the rule charges
elements x centres x 2 (work of the FIRST element + FIRST centre, 1-piece functions),
but each copy of F is compared with c and with F over 2^J pieces."""
import json, sys
J = int(sys.argv[1]); M = int(sys.argv[2]); out = sys.argv[3]
objs = {"F": {"kind": "cell-function", "level": str(J), "values": [str(k & 1) for k in range(1 << J)]},
        "c": {"kind": "step-function", "breakpoints": ["0", "1"], "values": ["7"]}}
objs["K"] = {"kind": "finite-class", "elements": ["c"] + ["F"] * (M - 1)}
cert = {"format": "dyadcert/1", "objects": objs,
 "claims": [{"id": "c", "rule": "cover", "inputs": {"class": "K", "centres": ["c", "F"], "eps": "1"},
             "statement": {"count": "2"}}]}
json.dump(cert, open(out, "w"), separators=(",", ":"))
