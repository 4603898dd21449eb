#!/usr/bin/env python3
"""network-width-lower with `functions` naming one function R times.
kind=step: F is a cell-function of level J with alternating values (2^J pieces); the
  rule's `distinct` hashes F once per reference (2^J values each), uncharged.
kind=packed: F is a sign-function of level J with alternating bits; packed functions are
  not deduplicated, and each reference costs a 2^J-cell pass (breakpointCount, mode
  separate) or a conversion to a 2^J-piece step function (mode joint), charged as 2^J/64 words."""
import json, sys
kind = sys.argv[1]; J = int(sys.argv[2]); R = int(sys.argv[3]); mode = sys.argv[4]; out = sys.argv[5]
if kind == "step":
    F = {"kind": "cell-function", "level": str(J), "values": [str(k & 1) for k in range(1 << J)]}
else:
    F = {"kind": "sign-function", "level": str(J), "bits": "5" * (1 << (J - 2))}
cert = {"format": "dyadcert/1", "objects": {"F": F},
 "claims": [{"id": "w", "rule": "network-width-lower", "inputs": {"mode": mode, "functions": ["F"] * R},
             "statement": {"first-layer-units-at-least": "0"}}]}
json.dump(cert, open(out, "w"), separators=(",", ":"))
