#!/usr/bin/env python3
"""network-realises against bit-packed +-1 targets (sign-function): the packed comparison
of the sweep, with dyadic and non-dyadic first-layer thresholds."""
import json, random, subprocess, sys
from fractions import Fraction as F
sys.path.insert(0, __import__('os').path.dirname(__import__('os').path.abspath(__file__)))
from netfuzz import fs, evaluate, realised, net_json
from signfuzz import hexbits
from verdicts import finish, mismatches, report, verdicts, write

def main(binary, seed, rounds):
    r = random.Random(seed)
    objects, claims, expect = {}, [], {}
    for t in range(rounds):
        L = r.randint(2, 5)
        # first layer: thresholds on a dyadic grid, sometimes moved by a tiny non-dyadic amount
        n0 = r.randint(1, 6)
        first = []
        for i in range(n0):
            th = F(r.randint(1, 15), 16)
            if r.random() < 0.2: th += F(r.choice([1, -1]), 3 * 2 ** r.randint(5, 40))
            w = F(r.choice([1, -1, 2, -3]))
            first.append({'act': 'heaviside', 'inputs': [0], 'weights': [w], 'bias': -th * w})
        layers = [first]; width = n0
        for l in range(1, L - 1):
            layer = []
            for i in range(r.randint(1, 5)):
                k = r.randint(1, width)
                ins = sorted(r.sample(range(width), k))
                layer.append({'act': 'heaviside', 'inputs': ins, 'weights': [F(r.choice([1, -1, 2])) for _ in ins], 'bias': F(r.randint(-2, 2), r.choice([1, 2]))})
            layers.append(layer); width = len(layer)
        # output: 1 - 2 * (parity-free) H of one hidden unit, so +-1 valued
        src = r.randrange(width)
        layers.append([{'act': 'linear', 'inputs': [src], 'weights': [F(-2)], 'bias': F(1)}])
        cuts, vals = realised(layers)
        level = r.choice([4, 5, 6])
        cells = []
        ok = True
        for c in range(2 ** level):
            a, b = F(c, 2 ** level), F(c + 1, 2 ** level)
            vs = {v[0] for (x, y), v in zip(zip(cuts, cuts[1:]), vals) if x < b and y > a}
            if len(vs) != 1: ok = False; cells.append(1); continue
            cells.append(vs.pop())
        bits = [1 if v == -1 else 0 for v in cells]
        objects[f'n{t}'] = net_json(layers)
        objects[f'p{t}'] = {'kind': 'sign-function', 'level': str(level), 'bits': hexbits(bits)}
        claims.append({'id': f'r{t}', 'rule': 'network-realises', 'inputs': {'network': f'n{t}', 'functions': [f'p{t}']}, 'statement': {'outputs': '1'}})
        expect[f'r{t}'] = 'PASS' if ok else 'FAIL'
        c = r.randrange(2 ** level); wb = list(bits); wb[c] ^= 1
        objects[f'q{t}'] = {'kind': 'sign-function', 'level': str(level), 'bits': hexbits(wb)}
        claims.append({'id': f'w{t}', 'rule': 'network-realises', 'inputs': {'network': f'n{t}', 'functions': [f'q{t}']}, 'statement': {'outputs': '1'}})
        expect[f'w{t}'] = 'FAIL'
    path = write({'format': 'dyadcert/1', 'objects': objects, 'claims': claims}, f'packed-{seed}.json')
    got, out = verdicts(binary, path)
    bad = mismatches(expect, got)
    report(seed, out, bad)
    return sum(1 for k, v in expect.items() if v == 'PASS')

if __name__ == '__main__':
    p = sum(main(sys.argv[1], s, 50) for s in range(int(sys.argv[2]), int(sys.argv[2]) + int(sys.argv[3])))
    finish('done, true claims:', p)
