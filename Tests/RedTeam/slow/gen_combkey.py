#!/usr/bin/env python3
"""A JSON key (and string) of 'a' followed by N combining marks of alternating combining
classes (U+0301 class 230, U+0316 class 220): comparing/hashing keys up to canonical
equivalence must reorder the whole run."""
import json, sys
N = int(sys.argv[1]); out = sys.argv[2]; where = sys.argv[3] if len(sys.argv) > 3 else "key"
run = "a" + "\u0301\u0316" * (N // 2)
doc = {"format": "dyadcert/1", "claims": [{"id": "x", "rule": "gram", "inputs": {"functions": ["f"]}, "statement": {"matrix": "identity"}}],
       "objects": {"f": {"kind": "step-function", "breakpoints": ["0", "1"], "values": ["1"]}}}
if where == "key":
    doc[run] = "1"; doc[run[:-1] + "\u0316"] = "2"
else:
    doc["description"] = run
json.dump(doc, open(out, "w", encoding="utf-8"), ensure_ascii=False, separators=(",", ":"))
