#!/usr/bin/env python3
"""Differential fuzzer for network-realises / network-output: exact Python evaluation
(fractions.Fraction, H(0) = 1) against the kernel's sweep."""
import json, random, subprocess, sys
from fractions import Fraction as F
sys.path.insert(0, __import__('os').path.dirname(__import__('os').path.abspath(__file__)))
from verdicts import finish, mismatches, report, verdicts, write

def fs(q):
    q = F(q)
    return str(q.numerator) if q.denominator == 1 else f"{q.numerator}/{q.denominator}"

def H(t): return 1 if t >= 0 else 0

def evaluate(layers, x):
    z = [x]
    for layer in layers:
        nz = []
        for u in layer:
            t = sum(F(w) * z[i] for i, w in zip(u['inputs'], u['weights'])) + F(u['bias'])
            nz.append(H(t) if u['act'] == 'heaviside' else t)
        z = nz
    return z

def realised(layers):
    th = sorted({-F(u['bias']) / F(u['weights'][0]) for u in layers[0]})
    cuts = [F(0)] + [t for t in th if 0 < t < 1] + [F(1)]
    vals = [evaluate(layers, (a + b) / 2) for a, b in zip(cuts, cuts[1:])]
    return cuts, vals

def canon(cuts, vals):
    bp, vs = [cuts[0]], [vals[0]]
    for c, v in zip(cuts[1:-1], vals[1:]):
        if v != vs[-1]:
            bp.append(c); vs.append(v)
    bp.append(cuts[-1])
    return bp, vs

def rnd_dyadic(r, maxexp=3, maxnum=4, allow_zero=True):
    while True:
        e = r.randint(0, maxexp)
        n = r.randint(-maxnum, maxnum)
        if n or allow_zero: return F(n, 2 ** e)

def rnd_param(r, mode):
    if mode == 'dyadic': return rnd_dyadic(r)
    if mode == 'mixed':
        return rnd_dyadic(r) if r.random() < 0.8 else F(r.randint(-5, 5), r.choice([3, 5, 6, 7]))
    if mode == 'huge':
        c = r.random()
        if c < 0.3: return F(r.choice([1, -1]) * (2 ** r.randint(50, 62) + r.randint(-3, 3)), 2 ** r.randint(0, 3))
        if c < 0.5: return F(r.choice([1, -1]), 2 ** r.randint(50, 70))
        return rnd_dyadic(r)
    if mode == 'edge':
        c = r.random()
        if c < 0.25: return F(r.choice([1, -1]) * 2 ** r.randint(50, 59))
        if c < 0.4: return F(r.choice([1, -1]) * (2 ** 59 - r.randint(0, 3)), 2 ** r.randint(0, 2))
        if c < 0.5: return F(r.choice([1, -1]), 2 ** r.randint(55, 63))
        return rnd_dyadic(r)
    raise ValueError(mode)

def rnd_network(r, mode):
    L = r.randint(2, 5)
    layers = []
    # first layer
    n0 = r.randint(1, 7)
    first = []
    grid = r.random() < 0.5
    for i in range(n0):
        w = rnd_dyadic(r, 2, 3, allow_zero=False) if mode != 'mixed' else (rnd_dyadic(r, 2, 3, False) if r.random() < .8 else F(r.choice([1, -1, 2]), 3))
        if mode == 'huge' and r.random() < 0.2:
            w = F(r.choice([1, -1]), 2 ** 60)
        if grid:
            t = F(r.randint(-1, 9), 8)
        elif mode == 'huge' and r.random() < 0.3:
            t = F(1, 2) + F(r.choice([1, -1]), 2 ** 60)
        else:
            t = F(r.randint(-2, 18), 16)
        first.append({'act': 'heaviside', 'inputs': [0], 'weights': [w], 'bias': -t * w})
    layers.append(first)
    width = n0
    for l in range(1, L):
        last = l == L - 1
        n = r.randint(1, 3) if last else r.randint(1, 7)
        layer = []
        proto = None
        for i in range(n):
            act = 'linear' if last or r.random() < 0.35 else 'heaviside'
            c = r.random()
            if c < 0.35 or width == 1:
                k = 1
            else:
                k = r.randint(1, width)
            inputs = sorted(r.sample(range(width), k))
            weights = [rnd_param(r, mode) for _ in inputs]
            if act == 'heaviside' and k == 1 and r.random() < 0.5:
                weights = [F(1)]
            bias = rnd_param(r, mode)
            u = {'act': act, 'inputs': inputs, 'weights': weights, 'bias': bias}
            if act == 'heaviside' and k >= 2:
                if proto is not None and r.random() < 0.6:
                    u = {'act': 'heaviside', 'inputs': list(proto['inputs']), 'weights': list(proto['weights']), 'bias': rnd_param(r, mode)}
                else:
                    proto = u
            layer.append(u)
        # grid group: several single-input heaviside units reading one source with a grid of thresholds
        if not last and r.random() < 0.4:
            src = r.randrange(width)
            step = rnd_dyadic(r, 3, 2, allow_zero=False)
            start = rnd_dyadic(r, 3, 4)
            wsign = r.choice([1, -1])
            for k in range(r.randint(3, 6)):
                th = start + k * abs(step)
                layer.append({'act': 'heaviside', 'inputs': [src], 'weights': [F(wsign)], 'bias': -th * wsign})
        layers.append(layer)
        width = len(layer)
    return layers

def net_json(layers):
    return {'kind': 'heaviside-network', 'layers': [
        {'units': [{'activation': u['act'], 'inputs': [str(i) for i in u['inputs']],
                    'weights': [fs(w) for w in u['weights']], 'bias': fs(u['bias'])} for u in layer]}
        for layer in layers]}

def step_json(bp, vs):
    return {'kind': 'step-function', 'breakpoints': [fs(b) for b in bp], 'values': [fs(v) for v in vs]}

def build(seed, count, mode):
    r = random.Random(seed)
    objects, claims, expect = {}, [], {}
    for n in range(count):
        layers = rnd_network(r, mode)
        cuts, vals = realised(layers)
        D = len(layers[-1])
        objects[f'n{n}'] = net_json(layers)
        good, bad = [], []
        for d in range(D):
            bp, vs = canon(cuts, [v[d] for v in vals])
            objects[f'n{n}f{d}'] = step_json(bp, vs)
            good.append(f'n{n}f{d}')
        # mutations: (a) change value on a piece, (b) change on a tiny subinterval, (c) shift a breakpoint
        d = r.randrange(D)
        p = r.randrange(len(cuts) - 1)
        a, b = cuts[p], cuts[p + 1]
        col = [v[d] for v in vals]
        kind = r.choice(['piece', 'tiny', 'tiny-end', 'delta'])
        if kind == 'piece':
            mcuts, mvals = cuts, col[:p] + [col[p] + rnd_dyadic(r, 3, 2, False)] + col[p + 1:]
        elif kind == 'delta':
            mcuts, mvals = cuts, col[:p] + [col[p] + F(1, 2 ** 60)] + col[p + 1:]
        else:
            w = F(1, 2 ** r.choice([60, 61, 64, 100]))
            if w >= (b - a) / 2: w = (b - a) / 4
            if kind == 'tiny':
                m = (a + b) / 2
                mcuts = cuts[:p + 1] + [m, m + w] + cuts[p + 1:]
                mvals = col[:p + 1] + [col[p] + 1, col[p]] + col[p + 1:]
            else:
                mcuts = cuts[:p + 1] + [b - w] + cuts[p + 1:]
                mvals = col[:p + 1] + [col[p] - 1] + col[p + 1:]
        mbp, mvs = canon(mcuts, mvals)
        objects[f'n{n}m{d}'] = step_json(mbp, mvs)
        bad = [f'n{n}m{d}' if e == d else f'n{n}f{e}' for e in range(D)]
        claims.append({'id': f'n{n}-good', 'rule': 'network-realises', 'inputs': {'network': f'n{n}', 'functions': good}, 'statement': {'outputs': str(D)}})
        claims.append({'id': f'n{n}-bad', 'rule': 'network-realises', 'inputs': {'network': f'n{n}', 'functions': bad}, 'statement': {'outputs': str(D)}})
        expect[f'n{n}-good'] = 'PASS'; expect[f'n{n}-bad'] = 'FAIL'
        # network-output path
        objects[f'n{n}o{d}'] = {'kind': 'network-output', 'network': f'n{n}', 'output': str(d)}
        claims.append({'id': f'n{n}-out-good', 'rule': 'sup-distance', 'inputs': {'f': f'n{n}o{d}', 'g': f'n{n}f{d}'}, 'statement': {'relation': '=', 'bound': '0'}})
        claims.append({'id': f'n{n}-out-bad', 'rule': 'sup-distance', 'inputs': {'f': f'n{n}o{d}', 'g': f'n{n}m{d}'}, 'statement': {'relation': '=', 'bound': '0'}})
        expect[f'n{n}-out-good'] = 'PASS'; expect[f'n{n}-out-bad'] = 'FAIL'
    return {'format': 'dyadcert/1', 'objects': objects, 'claims': claims}, expect

def run(path, expect, binary):
    got, out = verdicts(binary, path)
    bad = mismatches(expect, got)
    return out, bad

if __name__ == '__main__':
    binary = sys.argv[1]; seed0 = int(sys.argv[2]); rounds = int(sys.argv[3]); mode = sys.argv[4]
    for s in range(seed0, seed0 + rounds):
        cert, expect = build(s, 40, mode)
        path = write(cert, f'fuzz-{mode}-{s}.json')
        out, bad = run(path, expect, binary)
        if out.returncode not in (0, 1) or bad:
            report(s, out, bad)
            sys.stdout.flush()
    finish('done')
