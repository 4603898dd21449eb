#!/usr/bin/env python3
"""sup-distance (step vs step, piecewise-linear vs step) against exact Python."""
import json, random, subprocess, sys
from fractions import Fraction as F
sys.path.insert(0, __import__('os').path.dirname(__import__('os').path.abspath(__file__)))
from verdicts import finish, mismatches, report, verdicts, write

def fs(q):
    q = F(q); return str(q.numerator) if q.denominator == 1 else f"{q.numerator}/{q.denominator}"

def rnd_part(r, maxn, dy):
    k = r.randint(0, maxn)
    pts = set()
    while len(pts) < k:
        pts.add(F(r.randint(1, 63), 64) if dy else F(r.randint(1, 60), r.choice([3, 7, 10, 64, 61])))
    pts = sorted(p for p in pts if 0 < p < 1)
    return [F(0)] + pts + [F(1)]

def step_val(bp, vs, x):
    for i in range(len(vs)):
        if bp[i] <= x < bp[i + 1]: return vs[i]
    raise ValueError

def main(binary, seed, rounds):
    r = random.Random(seed)
    objects, claims, expect = {}, [], {}
    def add(cid, f, g, rel, bound, exp):
        claims.append({'id': cid, 'rule': 'sup-distance', 'inputs': {'f': f, 'g': g}, 'statement': {'relation': rel, 'bound': fs(bound)}}); expect[cid] = exp
    for t in range(rounds):
        dy = r.random() < 0.5
        sb = rnd_part(r, 6, dy); sv = [F(r.randint(-6, 6), r.choice([1, 2, 3, 4])) for _ in sb[:-1]]
        objects[f's{t}'] = {'kind': 'step-function', 'breakpoints': [fs(x) for x in sb], 'values': [fs(x) for x in sv]}
        # another step function
        sb2 = rnd_part(r, 6, dy); sv2 = [F(r.randint(-6, 6), r.choice([1, 2, 3, 4])) for _ in sb2[:-1]]
        objects[f'u{t}'] = {'kind': 'step-function', 'breakpoints': [fs(x) for x in sb2], 'values': [fs(x) for x in sv2]}
        cuts = sorted(set(sb) | set(sb2))
        d = max(abs(step_val(sb, sv, (a + b) / 2) - step_val(sb2, sv2, (a + b) / 2)) for a, b in zip(cuts, cuts[1:]))
        add(f'ss{t}', f's{t}', f'u{t}', '=', d, 'PASS')
        add(f'ssx{t}', f'u{t}', f's{t}', '<', d, 'FAIL')
        add(f'ssy{t}', f's{t}', f'u{t}', '<=', d - F(1, 2 ** 70), 'FAIL')
        # piecewise-linear, continuous or not
        kb = rnd_part(r, 5, dy)
        cont = r.random() < 0.5
        if cont:
            kv = [F(r.randint(-6, 6), r.choice([1, 2, 3])) for _ in kb]
            st, en = kv[:-1], kv[1:]
            objects[f'g{t}'] = {'kind': 'piecewise-linear', 'knots': [fs(x) for x in kb], 'values': [fs(x) for x in kv]}
        else:
            st = [F(r.randint(-6, 6), r.choice([1, 2, 3])) for _ in kb[:-1]]
            en = [F(r.randint(-6, 6), r.choice([1, 2, 3])) for _ in kb[:-1]]
            objects[f'g{t}'] = {'kind': 'piecewise-linear', 'knots': [fs(x) for x in kb], 'start-values': [fs(x) for x in st], 'end-values': [fs(x) for x in en]}
        def gval(x, left_limit=False):
            for i in range(len(st)):
                a, b = kb[i], kb[i + 1]
                if (a <= x < b) or (left_limit and a < x <= b):
                    return st[i] + (en[i] - st[i]) * (x - a) / (b - a)
            raise ValueError
        cuts = sorted(set(kb) | set(sb))
        best = F(0)
        for a, b in zip(cuts, cuts[1:]):
            c = step_val(sb, sv, (a + b) / 2)
            best = max(best, abs(gval(a) - c), abs(gval(b, left_limit=True) - c))
        add(f'gs{t}', f'g{t}', f's{t}', '=', best, 'PASS')
        add(f'sg{t}', f's{t}', f'g{t}', '>=', best, 'PASS')
        add(f'gsx{t}', f'g{t}', f's{t}', '>', best, 'FAIL')
        add(f'gsy{t}', f's{t}', f'g{t}', '<', best, 'FAIL')
    path = write({'format': 'dyadcert/1', 'objects': objects, 'claims': claims}, f'sup-{seed}.json')
    got, out = verdicts(binary, path)
    bad = mismatches(expect, got)
    report(seed, out, bad)

if __name__ == '__main__':
    for s in range(int(sys.argv[2]), int(sys.argv[2]) + int(sys.argv[3])): main(sys.argv[1], s, 60)
    finish('done')
