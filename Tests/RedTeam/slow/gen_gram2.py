#!/usr/bin/env python3
"""gram over [f, one] * (D/2): f = +-1 alternately on N pieces (N even) whose odd
breakpoints are fractions with distinct k-digit denominators (all numbers <= 256 bits, so a
step costs 1), pieces (1,2), (3,4), ... of equal length and the first and last pieces of
equal length, so <f, one> = 0 exactly; but the balanced sum pairs pieces (0,1), (2,3), ...
whose partial sums have denominators growing to ~N/2*k digits. Every entry is stated
correctly (f, one orthonormal, copies equal) so all D^2 entries are computed."""
import json, sys, random
sys.set_int_max_str_digits(0)
from fractions import Fraction
N = int(sys.argv[1]); k = int(sys.argv[2]); D = int(sys.argv[3]); out = sys.argv[4]
assert N % 2 == 0 and D % 2 == 0
rng = random.Random(3)
# breakpoints t_0 = 0 < t_1 < ... < t_N = 1; t_1 = a, t_{N-1} = 1 - a; pieces (2m+1, 2m+2) equal
# choose odd breakpoints t_1 < t_3 < ... < t_{N-1} (N/2 of them), even ones as midpoints
M = N // 2
a = Fraction(1, 8)
odd = set()
while len(odd) < M - 2:
    q = rng.randrange(10**(k-1), 10**k)
    x = Fraction(rng.randrange(q // 7, q - q // 7), q)
    if a < x < 1 - a: odd.add(x)
odd = [a] + sorted(odd) + [1 - a]
bps = [Fraction(0)]
for i, x in enumerate(odd):
    if i > 0: bps.append((odd[i-1] + x) / 2)
    bps.append(x)
bps.append(Fraction(1))
assert len(bps) == N + 1 and all(bps[i] < bps[i+1] for i in range(N))
vals = ["1" if i % 2 == 0 else "-1" for i in range(N)]
# check <f,1> = 0
assert sum((bps[i+1]-bps[i]) * (1 if i % 2 == 0 else -1) for i in range(N)) == 0
assert max(max(b.numerator.bit_length(), b.denominator.bit_length()) for b in bps) <= 256
def s(x): return str(x.numerator) if x.denominator == 1 else "%d/%d" % (x.numerator, x.denominator)
matrix = [["1" if (i - j) % 2 == 0 else "0" for j in range(D)] for i in range(D)]
cert = {"format": "dyadcert/1",
 "objects": {"f": {"kind": "step-function", "breakpoints": [s(b) for b in bps], "values": vals},
             "one": {"kind": "step-function", "breakpoints": ["0", "1"], "values": ["1"]}},
 "claims": [{"id": "g", "rule": "gram", "inputs": {"functions": ["f", "one"] * (D // 2)}, "statement": {"matrix": matrix}}]}
json.dump(cert, open(out, "w"), separators=(",", ":"))
