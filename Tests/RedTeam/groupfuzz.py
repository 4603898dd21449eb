#!/usr/bin/env python3
"""penalised-mtl-gap in the group-lasso form (Lemma GL) and mtl-screen on it, in group-lasso
units, recomputed with Fractions."""
import json, random, subprocess, sys
sys.path.insert(0, __import__('os').path.dirname(__import__('os').path.abspath(__file__)))
from matfuzz import fs, mat_json, rnd_entry, matrix, sqrt_upper, lessQ, TINY
from fractions import Fraction as F
from verdicts import claim_adder, finish, mismatches, report, verdicts, write

def main(binary, seed, rounds):
    r = random.Random(seed)
    objects, claims, expect = {}, [], {}
    add = claim_adder(claims, expect)
    for t in range(rounds):
        style = r.choice(['small', 'small', 'float', 'big'])
        n, p, T = r.randint(1, 5), r.randint(1, 4), r.randint(1, 3)
        X = matrix(r, n, p, style); Y = matrix(r, n, T, style); W = matrix(r, T, p, style, 0.5)
        lam = F(r.randint(1, 8), r.choice([1, 2, 4]))
        XWt = [[sum((X[i][j] * W[tt][j] for j in range(p)), F(0)) for tt in range(T)] for i in range(n)]
        E = [[Y[i][tt] - XWt[i][tt] for tt in range(T)] for i in range(n)]  # residual n x T
        Th = [[E[i][tt] / n for i in range(n)] for tt in range(T)]  # T x n
        def thx(Th):
            return [[sum((Th[tt][i] * X[i][j] for i in range(n)), F(0)) for tt in range(T)] for j in range(p)]
        nm = [sum(v * v for v in col) for col in thx(Th)]
        mx = max(nm)
        if mx > lam * lam:
            s = lam / sqrt_upper(mx); Th = [[v * s for v in row] for row in Th]
        ub = [sqrt_upper(sum(W[tt][j] ** 2 for tt in range(T))) for j in range(p)]
        P = sum(v * v for row in E for v in row) / (2 * n) + lam * sum(ub)
        D = sum(Th[tt][i] * Y[i][tt] for tt in range(T) for i in range(n)) - F(n, 2) * sum(v * v for row in Th for v in row)
        G = P - D
        for nmn, M in (('X', X), ('Y', Y), ('W', W), ('Th', Th)): objects[f'{nmn}{t}'] = mat_json(M, r)
        inp = {'features': f'X{t}', 'targets': f'Y{t}', 'heads': f'W{t}', 'dual': f'Th{t}', 'unit-bounds': [fs(u) for u in ub], 'lambda': fs(lam)}
        add(f'g{t}', 'penalised-mtl-gap', inp, {'delta': fs(G)}, 'PASS')
        add(f'gx{t}', 'penalised-mtl-gap', inp, {'delta': fs(G - TINY)}, 'FAIL')
        A = [sum(v * v for v in col) for col in thx(Th)]
        Bs = [2 * G / n * sum(X[i][j] ** 2 for i in range(n)) for j in range(p)]
        ok = [j for j in range(p) if lessQ(A[j], Bs[j], lam)]
        no = [j for j in range(p) if j not in ok]
        if ok: add(f's{t}', 'mtl-screen', {'gap': f'g{t}', 'units': [str(j) for j in ok]}, {'screened': str(len(ok))}, 'PASS', [f'g{t}'])
        if no: add(f'sx{t}', 'mtl-screen', {'gap': f'g{t}', 'units': [str(no[0])]}, {'screened': '1'}, 'FAIL', [f'g{t}'])
    path = write({'format': 'dyadcert/1', 'objects': objects, 'claims': claims}, f'group-{seed}.json')
    got, out = verdicts(binary, path, '--max-digits', '100000')
    bad = mismatches(expect, got)
    report(seed, out, bad)
    return len(claims), sum(1 for k in expect if k.startswith('s') and got.get(k) == 'PASS')

if __name__ == '__main__':
    tot = [0, 0]
    for s in range(int(sys.argv[2]), int(sys.argv[2]) + int(sys.argv[3])):
        a, b = main(sys.argv[1], s, 25); tot[0] += a; tot[1] += b
    finish('done', tot)
