#!/usr/bin/env python3
"""Differential fuzzer for the matrix rules (MATH.md secs. 11-12): every number the kernel
decides is recomputed here with fractions.Fraction; each claim is stated once exactly
(expect PASS) and once off by a tiny amount (expect FAIL)."""
import base64, json, random, struct, subprocess, sys
from fractions import Fraction as F
sys.path.insert(0, __import__('os').path.dirname(__import__('os').path.abspath(__file__)))
from verdicts import claim_adder, finish, mismatches, report, verdicts, write

def fs(q):
    q = F(q); return str(q.numerator) if q.denominator == 1 else f"{q.numerator}/{q.denominator}"

TINY = F(1, 2 ** 90)

def rnd_entry(r, style):
    if style == 'small': return F(r.randint(-6, 6), r.choice([1, 2, 4, 8]))
    if style == 'float':
        m = r.randint(-(2 ** 53), 2 ** 53); return F(m, 2 ** r.randint(0, 60))
    if style == 'big':
        c = r.random()
        if c < 0.3: return F(r.randint(-(2 ** 130), 2 ** 130), r.choice([1, 3, 2 ** 70]))
        if c < 0.5: return F(r.choice([-1, 1]) * (2 ** 63 - r.randint(0, 2)))
        if c < 0.6: return F(-(2 ** 63))
        return F(r.randint(-9, 9), r.choice([1, 3, 5, 7, 2 ** 64]))
    if style == 'grid':  # one denominator for all
        return F(r.randint(-(2 ** 62), 2 ** 62), 2 ** 40)
    raise ValueError

def matrix(r, rows, cols, style, zero_p=0.2):
    return [[F(0) if r.random() < zero_p else rnd_entry(r, style) for _ in range(cols)] for _ in range(rows)]

def mat_json(M, r):
    rows, cols = len(M), (len(M[0]) if M else 0)
    # try a dyadic encoding when all entries are dyadic
    ok = all((e.denominator & (e.denominator - 1)) == 0 for row in M for e in row)
    if ok and r.random() < 0.6 and rows and cols:
        ex = [max((e.denominator.bit_length() - 1) for e in row) for row in M]
        mant = [[int(e * 2 ** ex[i]) for e in row] for i, row in enumerate(M)]
        if all(abs(m) < 2 ** 63 for row in mant for m in row) and r.random() < 0.5:
            b = b''.join(struct.pack('<q', m) for row in mant for m in row)
            enc = {'row-exponents': [str(e) for e in ex], 'column-exponents': '0', 'mantissas': base64.b64encode(b).decode()}
        else:
            enc = {'row-exponents': [str(e) for e in ex], 'column-exponents': '0', 'wide-mantissas': [[str(m) for m in row] for row in mant]}
        return {'kind': 'matrix', 'rows': str(rows), 'columns': str(cols), 'dyadic': enc}
    return {'kind': 'matrix', 'rows': str(rows), 'columns': str(cols), 'entries': [[fs(e) for e in row] for row in M]}

def T(M): return [list(c) for c in zip(*M)] if M else []
def mul(A, B):
    return [[sum((A[i][k] * B[k][j] for k in range(len(B))), F(0)) for j in range(len(B[0]))] for i in range(len(A))]
def relu(t): return t if t > 0 else F(0)

def rank(M):
    M = [list(row) for row in M]; rk = 0
    rows = len(M); cols = len(M[0]) if M else 0
    for c in range(cols):
        p = next((i for i in range(rk, rows) if M[i][c] != 0), None)
        if p is None: continue
        M[rk], M[p] = M[p], M[rk]
        for i in range(rows):
            if i != rk and M[i][c] != 0:
                f = M[i][c] / M[rk][c]
                M[i] = [a - f * b for a, b in zip(M[i], M[rk])]
        rk += 1
    return rk

def sqrt_upper(x):  # a rational u >= sqrt(x), not tight
    if x == 0: return F(0)
    # integer-ish Newton on Fraction, then round up
    import math
    k = 40
    return F(math.isqrt(x.numerator * 2 ** (2 * k) // x.denominator) + 1, 2 ** k)

def lessQ(A, B, lam):  # sqrt(A) + sqrt(B) < lam, Lemma Q
    s = lam * lam + B - A
    return B < lam * lam and s > 0 and 4 * lam * lam * B < s * s

def main(binary, seed, rounds):
    r = random.Random(seed)
    objects, claims, expect = {}, [], {}
    add = claim_adder(claims, expect)
    for t in range(rounds):
        style = r.choice(['small', 'float', 'big', 'grid'])
        d, N, K, D = r.randint(1, 3), r.randint(1, 5), r.randint(1, 4), r.randint(1, 3)
        X = matrix(r, d, N, style); W = matrix(r, K, d, style); b = matrix(r, K, 1, style)
        V = matrix(r, D, K, style); c = matrix(r, D, 1, style)
        Phi = [[relu(sum((W[k][j] * X[j][i] for j in range(d)), F(0)) + b[k][0]) for i in range(N)] for k in range(K)]
        out = [[sum((V[o][k] * Phi[k][i] for k in range(K)), F(0)) + c[o][0] for i in range(N)] for o in range(D)]
        Y = [[out[o][i] + (rnd_entry(r, 'small') if r.random() < 0.3 else 0) for i in range(N)] for o in range(D)]
        for nm, M in (('X', X), ('W', W), ('b', b), ('V', V), ('c', c), ('Y', Y)):
            objects[f'{nm}{t}'] = mat_json(M, r)
        objects[f'net{t}'] = {'kind': 'relu-network', 'input-weights': f'W{t}', 'biases': f'b{t}', 'output-weights': f'V{t}', 'output-bias': f'c{t}'}
        objects[f'data{t}'] = {'kind': 'relu-data', 'inputs': f'X{t}', 'targets': f'Y{t}'}
        err = max(abs(out[o][i] - Y[o][i]) for o in range(D) for i in range(N))
        add(f'ri{t}', 'relu-interpolates', {'network': f'net{t}', 'data': f'data{t}', 'tolerance': fs(err)}, {'sup-error': fs(err)}, 'PASS')
        add(f'rix{t}', 'relu-interpolates', {'network': f'net{t}', 'data': f'data{t}', 'tolerance': fs(err)}, {'sup-error': fs(err + TINY)}, 'FAIL')
        if err > 0:
            add(f'riy{t}', 'relu-interpolates', {'network': f'net{t}', 'data': f'data{t}', 'tolerance': fs(err - TINY)}, {}, 'FAIL')
        # weight decay
        v2 = [sum(V[o][k] ** 2 for o in range(D)) for k in range(K)]
        w2 = [sum(W[k][j] ** 2 for j in range(d)) for k in range(K)]
        WD = (sum(v2) + sum(w2)) / 2
        add(f'wd{t}', 'weight-decay', {'network': f'net{t}'}, {'weight-decay': fs(WD)}, 'PASS')
        add(f'wdx{t}', 'weight-decay', {'network': f'net{t}'}, {'weight-decay': fs(WD + TINY)}, 'FAIL')
        # rank
        rk = rank(Y)
        add(f'rk{t}', 'width-from-rank', {'data': f'data{t}'}, {'rank': str(rk), 'width-lower': str(max(rk - 1, 0))}, 'PASS')
        add(f'rkx{t}', 'width-from-rank', {'data': f'data{t}'}, {'rank': str(rk + 1), 'width-lower': str(rk)}, 'FAIL')
        Yc = [[Y[o][i] - c[o][0] for i in range(N)] for o in range(D)]
        crk = rank(Yc)
        active = sum(1 for k in range(K) if any(V[o][k] != 0 for o in range(D)) and (b[k][0] != 0 or any(W[k][j] != 0 for j in range(d))))
        add(f'rkc{t}', 'width-from-rank', {'data': f'data{t}', 'network': f'net{t}'}, {'rank': str(rk), 'width-lower': str(max(rk - 1, 0)), 'centred-rank': str(crk)}, 'PASS' if active >= crk else 'FAIL')
        # penalised multi-task lasso, network form: Psi = Y - c 1^T
        Psi = Yc
        lam = F(r.randint(1, 8), r.choice([1, 2, 4]))
        # dual: scaled residual, then shrunk to feasibility
        R = [[Psi[o][i] - sum((V[o][k] * Phi[k][i] for k in range(K)), F(0)) for i in range(N)] for o in range(D)]
        ThetaPhi = lambda Th: [[sum((Th[o][i] * Phi[k][i] for i in range(N)), F(0)) for o in range(D)] for k in range(K)]
        norms = [sum(x * x for x in col) for col in ThetaPhi(R)]
        mx = max(norms) if norms else 0
        Th = R
        if mx > lam * lam:
            s = lam / sqrt_upper(mx)
            Th = [[x * s for x in row] for row in R]
        ub = [sqrt_upper(x) if r.random() < 0.7 else F(0) for x in v2]
        feasible = all(sum(x * x for x in col) <= lam * lam for col in ThetaPhi(Th)) and all(u >= 0 and u * u >= x for u, x in zip(ub, v2))
        P = sum(x * x for row in R for x in row) / 2 + lam * sum(ub)
        Dv = sum(Th[o][i] * Psi[o][i] for o in range(D) for i in range(N)) - sum(x * x for row in Th for x in row) / 2
        G = P - Dv
        objects[f'Th{t}'] = mat_json(Th, r)
        pin = {'network': f'net{t}', 'data': f'data{t}', 'weights': f'V{t}', 'dual': f'Th{t}', 'unit-bounds': [fs(u) for u in ub], 'lambda': fs(lam)}
        add(f'pg{t}', 'penalised-mtl-gap', pin, {'delta': fs(G)}, 'PASS' if feasible else 'FAIL')
        add(f'pgx{t}', 'penalised-mtl-gap', pin, {'delta': fs(G - TINY)}, 'FAIL')
        if feasible:
            A = [sum(x * x for x in col) for col in ThetaPhi(Th)]
            Bs = [2 * G * sum(x * x for x in Phi[k]) for k in range(K)]
            ok = [k for k in range(K) if lessQ(A[k], Bs[k], lam)]
            no = [k for k in range(K) if not lessQ(A[k], Bs[k], lam)]
            if ok:
                add(f'ms{t}', 'mtl-screen', {'gap': f'pg{t}', 'units': [str(k) for k in ok]}, {'screened': str(len(ok))}, 'PASS', uses=[f'pg{t}'])
            if no:
                add(f'msx{t}', 'mtl-screen', {'gap': f'pg{t}', 'units': [str(no[0])]}, {'screened': '1'}, 'FAIL', uses=[f'pg{t}'])
        # lasso (sec. 12): X2 n x p, Y2 n x T, heads T x p
        n, p, TT = r.randint(1, 5), r.randint(1, 4), r.randint(1, 2)
        X2 = matrix(r, n, p, style); Y2 = matrix(r, n, TT, style); H2 = matrix(r, TT, p, style, 0.5)
        for nm, M in (('X2_', X2), ('Y2_', Y2), ('H2_', H2)):
            objects[f'{nm}{t}'] = mat_json(M, r)
        task = r.randrange(TT)
        w = H2[task]; y = [Y2[i][task] for i in range(n)]
        res = [y[i] - sum((X2[i][j] * w[j] for j in range(p)), F(0)) for i in range(n)]
        th = [x / n for x in res]
        corr = [sum((X2[i][j] * th[i] for i in range(n)), F(0)) for j in range(p)]
        lam2 = F(r.randint(1, 8), r.choice([1, 2, 4]))
        mc = max(abs(x) for x in corr)
        if mc > lam2: th = [x * lam2 / mc for x in th]; corr = [x * lam2 / mc for x in corr]
        objects[f'th{t}'] = mat_json([[x] for x in th], r)
        Pt = sum(x * x for x in res) / (2 * n) + lam2 * sum(abs(x) for x in w)
        Dt = sum(a * b2 for a, b2 in zip(th, y)) - F(n, 2) * sum(x * x for x in th)
        G2 = Pt - Dt
        lin = {'features': f'X2_{t}', 'targets': f'Y2_{t}', 'heads': f'H2_{t}', 'task': str(task), 'dual': f'th{t}', 'lambda': fs(lam2)}
        add(f'lg{t}', 'lasso-gap', lin, {'delta': fs(G2)}, 'PASS')
        add(f'lgx{t}', 'lasso-gap', lin, {'delta': fs(G2 - TINY)}, 'FAIL')
        nx = [sum(X2[i][j] ** 2 for i in range(n)) for j in range(p)]
        okf = [j for j in range(p) if lam2 - abs(corr[j]) > 0 and 2 * G2 / n * nx[j] < (lam2 - abs(corr[j])) ** 2]
        nof = [j for j in range(p) if j not in okf]
        if okf:
            add(f'ls{t}', 'lasso-screen', {'gap': f'lg{t}', 'features': [str(j) for j in okf]}, {'screened': str(len(okf))}, 'PASS', uses=[f'lg{t}'])
        if nof:
            add(f'lsx{t}', 'lasso-screen', {'gap': f'lg{t}', 'features': [str(nof[0])]}, {'screened': '1'}, 'FAIL', uses=[f'lg{t}'])
    cert = {'format': 'dyadcert/1', 'objects': objects, 'claims': claims}
    path = write(cert, f'mat-{seed}.json')
    got, out = verdicts(binary, path, '--max-digits', '100000')
    bad = mismatches(expect, got)
    if bad or out.returncode not in (0, 1):
        report(seed, out, bad, out.stdout[-300:] if out.returncode > 1 else '')
        sys.stdout.flush()

if __name__ == '__main__':
    for s in range(int(sys.argv[2]), int(sys.argv[2]) + int(sys.argv[3])):
        main(sys.argv[1], s, 25)
    finish('done')
