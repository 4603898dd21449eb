#!/usr/bin/env python3
"""Independent check of the kernel's recipes (feature, task-output(s), joint-network,
sign-coded-network) against the definitions of MATH.md secs. 4-6, in exact arithmetic."""
import json, random, subprocess, sys
from fractions import Fraction as F
sys.path.insert(0, __import__('os').path.dirname(__import__('os').path.abspath(__file__)))
from verdicts import finish, mismatches, report, verdicts, write

def fs(q):
    q = F(q); return str(q.numerator) if q.denominator == 1 else f"{q.numerator}/{q.denominator}"

def hexbits(bits):
    n = len(bits); out = ''
    for t in range(0, n, 4):
        v = 0
        for o in range(4):
            v = v * 2 + (bits[t + o] if t + o < n else 0)
        out += '0123456789abcdef'[v]
    return out

def psi(j, k, x):  # x Fraction
    a, b = F(k, 2 ** j), F(k + 1, 2 ** j); m = (a + b) / 2
    if a <= x < m: return 1
    if m <= x < b: return -1
    return 0

def digit(n, y):  # b_n(y)
    return int(y * 2 ** (n + 1)) % 2

def walsh(m, y):
    s = 1; n = 0
    while m:
        if m & 1: s *= (-1) ** digit(n, y)
        m >>= 1; n += 1
    return s

def main(binary, seed, rounds):
    r = random.Random(seed)
    objects, claims, expect = {}, [], {}
    for t in range(rounds):
        J = r.randint(1, 6)
        sigma = {(j, k): r.choice([1, -1]) for j in range(J) for k in range(2 ** j)}
        bits = [1 if sigma[(j, k)] == -1 else 0 for j in range(J) for k in range(2 ** j)]
        objects[f's{t}'] = {'kind': 'sign-tree', 'levels': str(J), 'bits': hexbits(bits)}
        amps = [F(r.randint(1, 5), 2 ** r.randint(0, 4)) for _ in range(J)] if r.random() < 0.5 else None
        cells = [F(c, 2 ** J) + F(1, 2 ** (J + 1)) for c in range(2 ** J)]
        a = amps or [F(1, 2 ** (j + 1)) for j in range(J)]
        h = [sum(a[j] * sum(sigma[(j, k)] * psi(j, k, x) for k in range(2 ** j)) for j in range(J)) for x in cells]
        objects[f'h{t}'] = {'kind': 'feature', 'signs': f's{t}', 'amplitudes': [fs(v) for v in amps] if amps else 'balanced'}
        objects[f'hp{t}'] = {'kind': 'cell-function', 'level': str(J), 'values': [fs(v) for v in h]}
        claims.append({'id': f'h{t}', 'rule': 'sup-distance', 'inputs': {'f': f'h{t}', 'g': f'hp{t}'}, 'statement': {'relation': '=', 'bound': '0'}})
        expect[f'h{t}'] = 'PASS'
        hb = [sum(F(1, 2 ** (j + 1)) * sum(sigma[(j, k)] * psi(j, k, x) for k in range(2 ** j)) for j in range(J)) for x in cells]
        u = [(v + 1) / 2 for v in hb]
        D = r.randint(1, min(4, 2 ** J - 1))
        ms = r.sample(range(1, 2 ** J), D)
        fvals = [[walsh(m, uc) for uc in u] for m in ms]
        names = []
        for d, m in enumerate(ms):
            objects[f'fp{t}_{d}'] = {'kind': 'cell-function', 'level': str(J), 'values': [str(v) for v in fvals[d]]}
            names.append(f'fp{t}_{d}')
        objects[f'F{t}'] = {'kind': 'task-outputs', 'signs': f's{t}', 'readouts': [str(m) for m in ms]}
        objects[f'Fl{t}'] = {'kind': 'function-list', 'functions': names} if False else None
        del objects[f'Fl{t}']
        objects[f'jn{t}'] = {'kind': 'joint-network', 'signs': f's{t}', 'readouts': [str(m) for m in ms]}
        objects[f'sc{t}'] = {'kind': 'sign-coded-network', 'signs': f's{t}', 'readouts': [str(m) for m in ms]}
        for d, m in enumerate(ms):
            objects[f'f{t}_{d}'] = {'kind': 'task-output', 'signs': f's{t}', 'readout': str(m)}
            claims.append({'id': f'f{t}_{d}', 'rule': 'sup-distance', 'inputs': {'f': f'f{t}_{d}', 'g': f'fp{t}_{d}'}, 'statement': {'relation': '=', 'bound': '0'}})
            expect[f'f{t}_{d}'] = 'PASS'
        for net in ('jn', 'sc'):
            claims.append({'id': f'{net}{t}', 'rule': 'network-realises', 'inputs': {'network': f'{net}{t}', 'functions': names}, 'statement': {'outputs': str(D)}})
            expect[f'{net}{t}'] = 'PASS'
        # a wrong target: flip one cell of one output
        d = r.randrange(D); c = r.randrange(2 ** J)
        wrong = list(fvals[d]); wrong[c] = -wrong[c]
        objects[f'fw{t}'] = {'kind': 'cell-function', 'level': str(J), 'values': [str(v) for v in wrong]}
        wn = list(names); wn[d] = f'fw{t}'
        claims.append({'id': f'scw{t}', 'rule': 'network-realises', 'inputs': {'network': f'sc{t}', 'functions': wn}, 'statement': {'outputs': str(D)}})
        expect[f'scw{t}'] = 'FAIL'
    cert = {'format': 'dyadcert/1', 'objects': objects, 'claims': claims}
    path = write(cert, f'sign-{seed}.json')
    got, out = verdicts(binary, path)
    bad = mismatches(expect, got)
    report(seed, out, bad)

if __name__ == '__main__':
    for s in range(int(sys.argv[2]), int(sys.argv[2]) + int(sys.argv[3])):
        main(sys.argv[1], s, 30)
    finish('done')
