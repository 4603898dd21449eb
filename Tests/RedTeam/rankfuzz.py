#!/usr/bin/env python3
"""width-from-rank on low-rank products with big entries: rank by exact Fraction elimination."""
import json, random, subprocess, sys
from fractions import Fraction as F
sys.path.insert(0, __import__('os').path.dirname(__import__('os').path.abspath(__file__)))
from matfuzz import rank, fs, mat_json
from verdicts import finish, mismatches, report, verdicts, write

def ent(r):
    c = r.random()
    if c < 0.3: return F(r.randint(-(2 ** 70), 2 ** 70), r.choice([1, 3, 2 ** 64]))
    if c < 0.5: return F(r.choice([-1, 1]) * (2 ** 63 - r.randint(0, 2)))
    if c < 0.6: return F(0)
    return F(r.randint(-5, 5), r.choice([1, 2, 7]))

def main(binary, seed, rounds):
    r = random.Random(seed)
    objects, claims, expect = {}, [], {}
    for t in range(rounds):
        D, N, k = r.randint(1, 6), r.randint(1, 6), r.randint(0, 4)
        A = [[ent(r) for _ in range(k)] for _ in range(D)]
        B = [[ent(r) for _ in range(N)] for _ in range(k)]
        Y = [[sum((A[i][l] * B[l][j] for l in range(k)), F(0)) for j in range(N)] for i in range(D)]
        if r.random() < 0.3 and D > 1:  # a row that is a combination of others plus a tiny change
            Y[-1] = [Y[0][j] * 3 + (F(1, 2 ** 80) if r.random() < 0.5 and j == 0 else 0) for j in range(N)]
        X = [[F(j) for j in range(N)]]
        objects[f'X{t}'] = mat_json(X, r); objects[f'Y{t}'] = mat_json(Y, r)
        objects[f'd{t}'] = {'kind': 'relu-data', 'inputs': f'X{t}', 'targets': f'Y{t}'}
        rk = rank(Y)
        claims.append({'id': f'r{t}', 'rule': 'width-from-rank', 'inputs': {'data': f'd{t}'}, 'statement': {'rank': str(rk), 'width-lower': str(max(rk - 1, 0))}}); expect[f'r{t}'] = 'PASS'
        claims.append({'id': f'rx{t}', 'rule': 'width-from-rank', 'inputs': {'data': f'd{t}'}, 'statement': {'rank': str(rk + 1), 'width-lower': str(rk)}}); expect[f'rx{t}'] = 'FAIL'
    path = write({'format': 'dyadcert/1', 'objects': objects, 'claims': claims}, f'rank-{seed}.json')
    got, out = verdicts(binary, path, '--max-digits', '100000')
    bad = mismatches(expect, got)
    report(seed, out, bad)

if __name__ == '__main__':
    for s in range(int(sys.argv[2]), int(sys.argv[2]) + int(sys.argv[3])): main(sys.argv[1], s, 40)
    finish('done')
