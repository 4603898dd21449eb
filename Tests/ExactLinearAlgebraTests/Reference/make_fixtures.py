#!/usr/bin/env python3
"""Reference values for ExactLinearAlgebraTests, computed independently with
fractions.Fraction (no code from the Swift package). Writes ../Fixtures/reference.json.

Run from this folder: python3 make_fixtures.py
Every number is written as the string "p/q" (or "p" for integers).
"""
import json
from decimal import Decimal, getcontext
from fractions import Fraction as F

MASK = (1 << 64) - 1


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def below(self, n):
        return self.next() % n

    def rational(self, kind):
        """kind: 'small' ints, 'dyadic' float-like, 'general' p/q, 'sparse' (half zero)."""
        if kind == "sparse" and self.below(2) == 0:
            return F(0)
        if kind == "small":
            return F(self.below(7) - 3)
        if kind in ("dyadic", "sparse"):
            p = (self.next() >> 11) - (1 << 52)
            return F(p, 1 << self.below(64))
        num = (self.next() >> 40) - (1 << 23)
        den = (self.next() >> 44) + 1
        return F(num, den)

    def matrix(self, rows, cols, kind):
        return [[self.rational(kind) for _ in range(cols)] for _ in range(rows)]


def s(x):
    x = F(x)
    return str(x.numerator) if x.denominator == 1 else f"{x.numerator}/{x.denominator}"


def sm(m):
    return [[s(x) for x in row] for row in m]


def matmul(a, b):
    return [[sum((a[i][l] * b[l][j] for l in range(len(b))), F(0)) for j in range(len(b[0]))] for i in range(len(a))]


def transpose(a):
    return [list(r) for r in zip(*a)]


def rank(m):
    m = [list(r) for r in m]
    r = 0
    rows, cols = len(m), len(m[0]) if m else 0
    for c in range(cols):
        p = next((i for i in range(r, rows) if m[i][c] != 0), None)
        if p is None:
            continue
        m[r], m[p] = m[p], m[r]
        for i in range(rows):
            if i != r and m[i][c] != 0:
                f = m[i][c] / m[r][c]
                m[i] = [x - f * y for x, y in zip(m[i], m[r])]
        r += 1
    return r


def relu(t):
    return t if t > 0 else F(0)


def sqnorm(v):
    return sum((x * x for x in v), F(0))


def main():
    rng = SplitMix64(20261129)
    out = {"products": [], "ranks": [], "networks": [], "mtl": [], "lasso": [], "sqrt": []}

    for kinds, (m, k, n) in [(("small", "small"), (3, 4, 2)), (("dyadic", "dyadic"), (4, 5, 3)),
                             (("general", "dyadic"), (2, 6, 3)), (("general", "general"), (3, 3, 3)),
                             (("sparse", "general"), (5, 7, 4)), (("dyadic", "small"), (1, 9, 1)),
                             (("dyadic", "dyadic"), (3, 70, 2))]:
        a, b = rng.matrix(m, k, kinds[0]), rng.matrix(k, n, kinds[1])
        out["products"].append({"a": sm(a), "b": sm(b), "c": sm(matmul(a, b))})

    for rows, cols, r in [(4, 6, 2), (5, 5, 5), (6, 3, 3), (5, 8, 1), (3, 3, 0), (7, 7, 4)]:
        # rank r by construction: product of a rows x r and an r x cols matrix, plus checks.
        left = rng.matrix(rows, r, "general") if r else []
        right = rng.matrix(r, cols, "small") if r else []
        m = matmul(left, right) if r else [[F(0)] * cols for _ in range(rows)]
        out["ranks"].append({"m": sm(m), "rank": rank(m)})

    for (K, d, D, N) in [(5, 2, 3, 6), (8, 3, 2, 7), (4, 1, 4, 5)]:
        W = rng.matrix(K, d, "dyadic")
        b = [rng.rational("dyadic") for _ in range(K)]
        V = rng.matrix(D, K, "sparse")
        if K > 2:
            V[0][1] = F(0); V[1 % D][1] = F(0)           # unit 1 unused ... maybe
            W[2] = [F(0)] * d; b[2] = F(0)              # unit 2 has zero input weights
        c = [rng.rational("general") for _ in range(D)]
        X = rng.matrix(d, N, "dyadic")
        Phi = [[relu(sum((W[k][j] * X[j][i] for j in range(d)), F(0)) + b[k]) for i in range(N)] for k in range(K)]
        Fo = [[sum((V[o][k] * Phi[k][i] for k in range(K)), F(0)) + c[o] for i in range(N)] for o in range(D)]
        v2 = [sqnorm([V[o][k] for o in range(D)]) for k in range(K)]
        w2 = [sqnorm(W[k]) for k in range(K)]
        used = [[k for k in range(K) if V[o][k] != 0] for o in range(D)]
        active = [k for k in range(K) if v2[k] != 0 and (w2[k] != 0 or b[k] != 0)]
        shared = [k for k in range(K) if sum(1 for o in range(D) if V[o][k] != 0) >= 2]
        out["networks"].append({
            "W": sm(W), "b": [s(x) for x in b], "V": sm(V), "c": [s(x) for x in c], "X": sm(X),
            "Phi": sm(Phi), "F": sm(Fo), "WD": s((sum(v2) + sum(w2)) / 2),
            "v2": [s(x) for x in v2], "w2": [s(x) for x in w2],
            "active": active, "used": used, "shared": shared,
            "rankF": rank(Fo), "rankCentred": rank([[Fo[o][i] - c[o] for i in range(N)] for o in range(D)]),
        })

    for (K, D, N) in [(4, 2, 5), (6, 3, 4)]:
        Phi = rng.matrix(K, N, "sparse")
        Psi = rng.matrix(D, N, "general")
        V = rng.matrix(D, K, "dyadic")
        Lam = rng.matrix(D, N, "general")
        lam = F(rng.below(50) + 1, 7)
        LPhi = matmul(Lam, transpose(Phi))
        R = [[x - y for x, y in zip(r1, r2)] for r1, r2 in zip(matmul(V, Phi), Psi)]
        u = [F(int(Decimal(float(sqnorm([V[o][k] for o in range(D)]))).sqrt() * 1000) + 1, 1000) for k in range(K)]
        out["mtl"].append({
            "Phi": sm(Phi), "Psi": sm(Psi), "V": sm(V), "Lambda": sm(Lam), "lambda": s(lam), "u": [s(x) for x in u],
            "dualNorms": [s(sqnorm([LPhi[o][k] for o in range(D)])) for k in range(K)],
            "inner": s(sum((Lam[o][i] * Psi[o][i] for o in range(D) for i in range(N)), F(0))),
            "phiNorms": [s(sqnorm(r)) for r in Phi],
            "penalisedPrimal": s(sum((x * x for r in R for x in r), F(0)) / 2 + lam * sum(u)),
            "penalisedDual": s(sum((Lam[o][i] * Psi[o][i] for o in range(D) for i in range(N)), F(0))
                               - sum((x * x for r in Lam for x in r), F(0)) / 2),
        })

    for (n, p) in [(6, 4), (9, 7)]:
        X = rng.matrix(n, p, "general")
        y = [rng.rational("general") for _ in range(n)]
        w = [rng.rational("sparse") for _ in range(p)]
        theta = [rng.rational("general") / 1000 for _ in range(n)]
        lam = F(rng.below(90) + 10, 3)
        r = [y[i] - sum((X[i][j] * w[j] for j in range(p)), F(0)) for i in range(n)]
        out["lasso"].append({
            "X": sm(X), "y": [s(x) for x in y], "w": [s(x) for x in w], "theta": [s(x) for x in theta], "lambda": s(lam),
            "primal": s(sqnorm(r) / (2 * n) + lam * sum(abs(x) for x in w)),
            "dual": s(sum((t * yi for t, yi in zip(theta, y)), F(0)) - F(n, 2) * sqnorm(theta)),
            "correlations": [s(sum((X[i][j] * theta[i] for i in range(n)), F(0))) for j in range(p)],
            "columnNorms": [s(sqnorm([X[i][j] for i in range(n)])) for j in range(p)],
        })

    # sign(sqrt(A) + sqrt(B) - L) by 120-digit decimals (cases far from ties) and by
    # exact square roots (A = a^2, B = b^2: the sign of a + b - L).
    getcontext().prec = 120
    for _ in range(60):
        A, B = F(rng.below(10**6), rng.below(997) + 1), F(rng.below(10**6), rng.below(991) + 1)
        L = F(rng.below(4 * 10**4), rng.below(89) + 1)
        v = (Decimal(A.numerator) / Decimal(A.denominator)).sqrt() + (Decimal(B.numerator) / Decimal(B.denominator)).sqrt() \
            - Decimal(L.numerator) / Decimal(L.denominator)
        if abs(v) > Decimal(10) ** -60:
            out["sqrt"].append({"A": s(A), "B": s(B), "L": s(L), "sign": 1 if v > 0 else -1})
    for _ in range(60):
        a, b = F(rng.below(300), rng.below(13) + 1), F(rng.below(300), rng.below(11) + 1)
        L = a + b + F(rng.below(3) - 1, rng.below(2**40) + 1) * (rng.below(2))
        out["sqrt"].append({"A": s(a * a), "B": s(b * b), "L": s(L), "sign": (a + b > L) - (a + b < L)})

    with open("../Fixtures/reference.json", "w") as f:
        json.dump(out, f, indent=0, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
