#!/usr/bin/env python3
"""The strict greedy partition (MATH.md sec. 9) in exact arithmetic against
step-approx-lower: P = n - 2 breakpoints must pass and P = n - 1 fail."""
import json, random, subprocess, sys
from fractions import Fraction as F
sys.path.insert(0, __import__('os').path.dirname(__import__('os').path.abspath(__file__)))
from verdicts import finish, mismatches, report, verdicts, write

def fs(q):
    q = F(q); return str(q.numerator) if q.denominator == 1 else f"{q.numerator}/{q.denominator}"

def strict_greedy_intervals(knots, vals, t):
    """n_<(t): the intervals of the strict greedy partition of the piecewise-linear g with
    these knots and values (MATH.md sec. 9), walked exactly piece by piece: an interval
    ends where g's range on it first reaches width t; a cut landing at 1 ends the last."""
    n = 0; lo = hi = vals[0]; i = 0; pos = knots[0]; v = vals[0]; last_at_one = False
    while i < len(knots) - 1:
        end, tgt = knots[i + 1], vals[i + 1]
        cut = None
        if tgt > v and tgt >= lo + t: cut = lo + t
        elif tgt < v and tgt <= hi - t: cut = hi - t
        if cut is not None:
            b = pos + (cut - v) * (end - pos) / (tgt - v)
            n += 1; last_at_one = (b == 1)
            pos, v, lo, hi = b, cut, cut, cut
            if b == end: i += 1
            continue
        lo, hi = min(lo, tgt), max(hi, tgt); pos, v = end, tgt; i += 1
    return n if last_at_one else n + 1

def main(binary, seed, rounds):
    r = random.Random(seed)
    objects, claims, expect = {}, [], {}
    for k in range(rounds):
        m = r.randint(1, 8)
        inner = sorted(r.sample([F(i, 32) for i in range(1, 32)], m - 1))
        knots = [F(0)] + inner + [F(1)]
        vals = [F(r.randint(-8, 8), r.choice([1, 2, 4, 3])) for _ in knots]
        t = F(r.randint(1, 12), r.choice([2, 4, 8, 3]))
        n = strict_greedy_intervals(knots, vals, t)
        objects[f'g{k}'] = {'kind': 'piecewise-linear', 'knots': [fs(x) for x in knots], 'values': [fs(x) for x in vals]}
        for P, exp in ((n - 2, 'PASS'), (n - 1, 'FAIL')):
            if P < 0: continue
            cid = f'g{k}P{P}'
            claims.append({'id': cid, 'rule': 'step-approx-lower', 'inputs': {'function': f'g{k}', 'max-breakpoints': str(P), 'threshold': fs(t)}, 'statement': {'distance-at-least': fs(t / 2)}})
            expect[cid] = exp
    cert = {'format': 'dyadcert/1', 'objects': objects, 'claims': claims}
    path = write(cert, f'greedy-{seed}.json')
    got, out = verdicts(binary, path)
    bad = mismatches(expect, got)
    report(seed, out, bad)

if __name__ == '__main__':
    for s in range(int(sys.argv[2]), int(sys.argv[2]) + int(sys.argv[3])):
        main(sys.argv[1], s, 60)
    finish('done')
