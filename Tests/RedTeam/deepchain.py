"""A Heaviside network of L one-unit layers (a chain of linear units after one threshold
unit) in a true network-realises claim. Building the sweep searched each layer's first
unit from the start, L x units steps: L = 40,000 (3 MB) took 35 s in a debug build and
L = 3,000,000 (within the default 256 MB file and 2^24 network-size limits) would take
days. Linear since the fix; run with the binary and L, e.g.
`python3 Tests/RedTeam/deepchain.py .build/debug/dyadcert 40000`."""
import json, os, subprocess, sys, tempfile, time

binary, L = sys.argv[1], int(sys.argv[2])
layers = [{"units": [{"activation": "heaviside", "inputs": ["0"], "weights": ["1"], "bias": "-1/2"}]}]
layers += [{"units": [{"activation": "linear", "inputs": ["0"], "weights": ["1"], "bias": "0"}]}] * (L - 1)
cert = {
    "format": "dyadcert/1",
    "objects": {
        "net": {"kind": "heaviside-network", "layers": layers},
        "s": {"kind": "step-function", "breakpoints": ["0", "1/2", "1"], "values": ["0", "1"]},
    },
    "claims": [{"id": "c", "rule": "network-realises", "inputs": {"network": "net", "functions": ["s"]}, "statement": {"outputs": "1"}}],
}
with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
    json.dump(cert, f, separators=(",", ":"))
start = time.time()
p = subprocess.run([binary, "verify", f.name], capture_output=True, text=True)
print(f"L = {L}: exit {p.returncode} in {time.time() - start:.1f} s ({os.path.getsize(f.name)} bytes)")
os.unlink(f.name)
