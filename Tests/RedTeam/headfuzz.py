#!/usr/bin/env python3
"""Differential fuzzer for `neuron-sharing`, `compress-preserves`, `mtl-gap` (MATH.md sec. 11)
and `support`, `support-variability` with the `lasso-gap` -> `lasso-screen` -> `support`
chains that feed them (sec. 12), on matrices in every encoding of FORMAT.md sec. 4.7
(`entries`; `dyadic` with base64 or wide mantissas, per-row/per-column or shared
exponents, negative exponents), with zero, non-dyadic, float-like and > 2^64 entries.

Every verdict is predicted here from the definitions with fractions.Fraction: active,
used and shared units by zero tests; a network's outputs on the data (ReLU kinks hit
exactly); the Lemma MD certificate (V' Phi = Psi, ||Lambda phi_k||^2 <= 1, u_k >= 0 with
u_k^2 >= ||v'_k||^2, sum u_k - <Lambda, Psi> <= delta); supports, their union and
fractions; support variability by brute force; lasso gaps and Lemma LS screens of lassos
built exactly optimal (gap 0) or with rescaled heads (gap > 0). Each figure is stated exactly and off by the
smallest step: one unit or feature, 2^-60, 2^-90 or 1/(3 2^60), a zero entry made
nonzero, a dual point scaled past feasibility, a unit bound below the norm or negative.
The chains are built honestly and attacked: a stated lasso (`features`, `targets`,
`lambda` of `support`) off in one member, a screen not in `uses`, a gap claim or an
`mtl-screen` claim listed as a screen, a screen of another lasso, a screen or gap that
fails, a dependency on a later or missing claim, `mtl-screen` on an `mtl-gap` claim (no
lambda). A claim is expected to pass iff its own check holds and every claim it uses
is earlier and expected to pass.

    headfuzz.py BINARY FIRST-SEED SEEDS    (one certificate of 3 rounds per seed)
"""
import base64, math, os, random, struct, sys
from fractions import Fraction as F
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from verdicts import finish, mismatches, report, verdicts, write

STEPS = (F(1, 2 ** 60), F(1, 2 ** 90), F(1, 3 * 2 ** 60))
UNIT_VECTORS = {1: [(1,), (-1,)], 2: [(F(3, 5), F(4, 5)), (F(-5, 13), F(12, 13)), (0, 1)],
                3: [(F(2, 3), F(1, 3), F(-2, 3)), (F(2, 7), F(3, 7), F(6, 7)), (1, 0, 0)]}


def fs(q):
    q = F(q)
    return str(q.numerator) if q.denominator == 1 else f'{q.numerator}/{q.denominator}'


# ---- numbers and matrices -------------------------------------------------------------

def entry(r, style):
    if style == 'small': return F(r.randint(-8, 8), r.choice([1, 2, 4, 8]))
    if style == 'thirds': return F(r.randint(-9, 9), r.choice([3, 5, 6, 7]))
    if style == 'float': return F(r.randint(-(2 ** 53), 2 ** 53), 2 ** r.randint(0, 70))
    return r.choice([F(2 ** 63 - r.randint(1, 2)), -F(2 ** 63 - 1), -F(2 ** 63), F(2 ** 64),
                     F(r.randint(2 ** 64, 2 ** 130)) * r.choice([1, -1]), F(r.randint(-2 ** 130, 2 ** 130), 3),
                     F(3 * 2 ** 200), F(-1, 2 ** 100), r.choice(STEPS)])


def random_matrix(r, rows, cols, style, zeros=0.3):
    return [[F(0) if r.random() < zeros else entry(r, style) for _ in range(cols)] for _ in range(rows)]


def two_adic_valuation(q):
    n, d = q.numerator, q.denominator
    return (n & -n).bit_length() - (d & -d).bit_length()


def encode(M, cols, r):
    """A `matrix` object for M (len(M) x cols), sometimes with `sha256` and `source`:
    `entries`, or for dyadic M the dyadic encoding with random row and column exponents
    (M[i][j] = m / 2^(e_i + f_j), single or per row/column, negative allowed) and base64
    or wide mantissas."""
    rows = len(M)
    obj = {'kind': 'matrix', 'rows': str(rows), 'columns': str(cols)}
    if r.random() < 0.2: obj.update(sha256=f'{r.getrandbits(256):064x}', source='headfuzz.py (recorded, not read)')
    if r.random() < 0.3 or any(q.denominator & (q.denominator - 1) for row in M for q in row):
        obj['entries'] = [[fs(q) for q in row] for row in M]
        return obj
    f = [r.randint(-3, 3)] * cols if r.random() < 0.5 else [r.randint(-3, 3) for _ in range(cols)]
    e = [max((-two_adic_valuation(q) - f[j] for j, q in enumerate(row) if q), default=0) + r.randint(0, 2) for row in M]
    if r.random() < 0.5: e = [max(e, default=0)] * rows
    m = [[M[i][j] * F(2) ** (e[i] + f[j]) for j in range(cols)] for i in range(rows)]
    assert all(x.denominator == 1 for row in m for x in row)
    exps = lambda xs: fs(xs[0]) if len(set(xs)) == 1 and r.random() < 0.7 else [fs(x) for x in xs]
    dy = {'row-exponents': exps(e) if rows else [], 'column-exponents': exps(f) if cols else []}
    if all(abs(x) < 2 ** 63 for row in m for x in row) and r.random() < 0.6:
        dy['mantissas'] = base64.b64encode(b''.join(struct.pack('<q', int(x)) for row in m for x in row)).decode()
    else:
        dy['wide-mantissas'] = [[fs(x) for x in row] for row in m]
    obj['dyadic'] = dy
    return obj


def mul(A, B, inner, cols):
    return [[sum((a[k] * B[k][j] for k in range(inner)), F(0)) for j in range(cols)] for a in A]


def dot(x, y): return sum((a * b for a, b in zip(x, y)), F(0))
def column(M, j): return [row[j] for row in M]
def transpose(M, cols): return [column(M, j) for j in range(cols)]


def exact_sqrt(q):
    """sqrt(q) when it is rational, else None."""
    n, d = math.isqrt(q.numerator), math.isqrt(q.denominator)
    return F(n, d) if n * n == q.numerator and d * d == q.denominator else None


def sqrt_above(q):
    """A rational >= sqrt(q): exact when sqrt(q) is rational."""
    s = exact_sqrt(q)
    if s is not None: return s
    return F(math.isqrt(q.numerator * 4 ** 40 // q.denominator) + 1, 2 ** 40)


def rank(M):
    M = [list(row) for row in M]; rk = 0
    for c in range(len(M[0]) if M else 0):
        p = next((i for i in range(rk, len(M)) if M[i][c]), None)
        if p is None: continue
        M[rk], M[p] = M[p], M[rk]
        for i in range(len(M)):
            if i != rk and M[i][c]:
                f = M[i][c] / M[rk][c]; M[i] = [a - f * b for a, b in zip(M[i], M[rk])]
        rk += 1
    return rk


def inverse(M):
    n = len(M); A = [list(row) + [F(int(i == j)) for j in range(n)] for i, row in enumerate(M)]
    for c in range(n):
        p = next(i for i in range(c, n) if A[i][c]); A[c], A[p] = A[p], A[c]
        A[c] = [x / A[c][c] for x in A[c]]
        for i in range(n):
            if i != c and A[i][c]: f = A[i][c]; A[i] = [a - f * b for a, b in zip(A[i], A[c])]
    return [row[n:] for row in A]


# ---- the mathematics of sec. 11: networks on data, sharing, Lemma MD -------------------

class Net:
    """f(x) = V r(W x + b) + c with K units, d inputs, D outputs (FORMAT.md sec. 4.7)."""
    def __init__(self, W, b, V, c, d):
        self.W, self.b, self.V, self.c, self.d = W, b, V, c, d
        self.K, self.D = len(W), len(V)

    def features(self, X, N):  # Phi, K x N
        return [[max(dot(self.W[k], column(X, i)) + self.b[k], F(0)) for i in range(N)] for k in range(self.K)]

    def outputs(self, X, N):  # V Phi + c 1^T, D x N
        return [[v + self.c[o] for v in row] for o, row in enumerate(mul(self.V, self.features(X, N), self.K, N))]


def active_units(net):
    return [k for k in range(net.K) if any(net.V[o][k] for o in range(net.D)) and (net.b[k] or any(net.W[k]))]


def units_per_output(net): return [sum(1 for x in row if x) for row in net.V]
def shared_units(net): return sum(1 for k in range(net.K) if sum(1 for o in range(net.D) if net.V[o][k]) >= 2)


def sharing_figures(net):
    return {'active-units': str(len(active_units(net))), 'shared-units': str(shared_units(net)),
            'units-per-output': [str(x) for x in units_per_output(net)], 'active': [str(k) for k in active_units(net)]}


def lemma_md_gap(Phi, Psi, Vp, Lam, u, K, N):
    """sum u_k - <Lambda, Psi> when the certificate's checks hold, else None."""
    if mul(Vp, Phi, K, N) != Psi: return None
    if any(sum(dot(row, Phi[k]) ** 2 for row in Lam) > 1 for k in range(K)): return None
    if any(uk < 0 or uk * uk < sum(row[k] ** 2 for row in Vp) for k, uk in enumerate(u)): return None
    return sum(u, F(0)) - sum((dot(a, b) for a, b in zip(Lam, Psi)), F(0))


# ---- the mathematics of sec. 12: supports, variability, Lemmas LD and LS ---------------

def supports(H, p): return [{j for j in range(p) if row[j]} for row in H]


def support_variability(H, p):
    S = supports(H, p)
    return all(set.intersection(*[s for s in S if i in s]) == {i} for i in set().union(*S))


def lasso_gap(X, y, w, theta, lam, n):
    """P_t(w) - D_t(theta) when theta is feasible, else None (Lemma LD)."""
    if any(abs(dot(column(X, j), theta)) > lam for j in range(len(w))): return None
    res = [y[i] - dot(X[i], w) for i in range(n)]
    return (dot(res, res) / (2 * n) + lam * sum(abs(x) for x in w)) - (dot(theta, y) - F(n, 2) * dot(theta, theta))


def screenable(X, theta, lam, G, n, j):
    """Lemma LS: lambda - |x_j . theta| > 0 and (2G/n) ||x_j||^2 < (lambda - |x_j . theta|)^2."""
    slack = lam - abs(dot(column(X, j), theta))
    return slack > 0 and 2 * G / n * dot(column(X, j), column(X, j)) < slack * slack


# ---- the certificate ----------------------------------------------------------------

class Cert:
    def __init__(self, r):
        self.r, self.objects, self.claims, self.expect = r, {}, [], {}

    def matrix(self, name, M, cols):
        self.objects[name] = encode(M, cols, self.r); return name

    def net(self, name, net):
        for part, M, cols in (('W', net.W, net.d), ('b', [[x] for x in net.b], 1), ('V', net.V, net.K), ('c', [[x] for x in net.c], 1)):
            self.matrix(f'{name}.{part}', M, cols)
        self.objects[name] = {'kind': 'relu-network', 'input-weights': f'{name}.W', 'biases': f'{name}.b',
                              'output-weights': f'{name}.V', 'output-bias': f'{name}.c'}
        return name

    def data(self, name, X, Y, N):
        self.matrix(f'{name}.X', X, N); self.matrix(f'{name}.Y', Y, N)
        self.objects[name] = {'kind': 'relu-data', 'inputs': f'{name}.X', 'targets': f'{name}.Y'}
        return name

    def claim(self, cid, rule, inputs, statement, holds, uses=()):
        """Adds a claim; it passes iff `holds` and every used claim is earlier and passes."""
        ok = holds and all(self.expect.get(u) == 'PASS' for u in uses)
        c = {'id': cid, 'rule': rule, 'inputs': inputs, 'statement': statement}
        if uses: c['uses'] = list(uses)
        self.claims.append(c); self.expect[cid] = 'PASS' if ok else 'FAIL'


def off_by_one(figures, key):
    """The statements with the count `key` (or one entry of the list `key`) one more and one less."""
    v = figures[key]
    if isinstance(v, list):
        if not v: return []
        i = len(v) // 2
        return [dict(figures, **{key: v[:i] + [str(int(v[i]) + s)] + v[i + 1:]}) for s in (1, -1) if int(v[i]) + s >= 0]
    return [dict(figures, **{key: str(int(v) + s)}) for s in (1, -1) if int(v) + s >= 0]


def with_tiny_entry(r, M):
    """M with one zero entry made +-(smallest step), or None when M has no zero entry."""
    zeros = [(i, j) for i, row in enumerate(M) for j, x in enumerate(row) if not x]
    if not zeros: return None
    i, j = r.choice(zeros); M = [list(row) for row in M]; M[i][j] = r.choice(STEPS) * r.choice([1, -1])
    return M


def random_net(r, K, d, D, style):
    zeros = r.choice([0.2, 0.5])
    net = Net(random_matrix(r, K, d, style, zeros), [row[0] for row in random_matrix(r, K, 1, style, zeros)],
              random_matrix(r, D, K, style, zeros), [row[0] for row in random_matrix(r, D, 1, style, zeros)], d)
    for k in range(K):  # dead input (w_k, b_k) = 0, or a constant unit w_k = 0
        if r.random() < 0.2: net.W[k] = [F(0)] * d; net.b[k] = r.choice([F(0), F(0), entry(r, 'small')])
    return net


def sharing_round(c, r, t, style):
    """neuron-sharing: the exact figures, each off by one, the active list changed by one
    element, and the figures of a network read off a copy with one zero entry made tiny."""
    net = random_net(r, r.randint(0, 5), r.randint(0, 3), r.randint(0, 4), style)
    name = c.net(f'sn{t}', net)
    fig = sharing_figures(net)
    keys = [k for k in ('units-per-output', 'active') if r.random() < 0.6]
    base = {k: v for k, v in fig.items() if k in ('active-units', 'shared-units') or k in keys}
    c.claim(f'ns{t}', 'neuron-sharing', {'network': name}, base, True)
    for key in ('active-units', 'shared-units', 'units-per-output'):
        for i, s in enumerate(off_by_one(fig, key)):
            c.claim(f'ns{t}-{key}{i}', 'neuron-sharing', {'network': name}, s, False)
    act = [int(k) for k in fig['active']]
    lists = [act[:-1], act + [act[-1]] if act else [], act[::-1]]
    lists += [sorted(act + [k]) for k in range(net.K + 1) if k not in act][:2]
    for i, a in enumerate(lists):
        c.claim(f'ns{t}-list{i}', 'neuron-sharing', {'network': name}, dict(fig, active=[str(k) for k in a]), a == act)
    W, b, V = (with_tiny_entry(r, M) for M in (net.W, [net.b], net.V))
    for part, other in (('W', W and Net(W, net.b, net.V, net.c, net.d)), ('b', b and Net(net.W, b[0], net.V, net.c, net.d)),
                        ('V', V and Net(net.W, net.b, V, net.c, net.d))):
        if other: c.claim(f'ns{t}-tiny{part}', 'neuron-sharing', {'network': c.net(f'sn{t}{part}', other)}, fig, sharing_figures(other) == fig)


def proportion(u, v):
    """a with u = a v (v nonzero), else None."""
    i = next(i for i, x in enumerate(v) if x)
    a = u[i] / v[i]
    return a if all(x == a * y for x, y in zip(u, v)) else None


def compress(r, net, X, N):
    """A compression of `net` that agrees on the data: drops units with phi_k = 0 or v_k = 0,
    folds units constant on the data into c, merges units with proportional phi_k, rescales
    the kept units by a > 0 (Lemma RS) and permutes them."""
    Phi = net.features(X, N)
    c = list(net.c); keep = {}  # kept unit -> its new output weights
    for k in range(net.K):
        v = column(net.V, k)
        if not any(v) or not any(Phi[k]): continue
        if len(set(Phi[k])) == 1 and r.random() < 0.7:
            c = [a + x * Phi[k][0] for a, x in zip(c, v)]; continue
        j = next((j for j in keep if proportion(Phi[k], Phi[j]) is not None), None)
        if j is None: keep[k] = v; continue
        a = proportion(Phi[k], Phi[j]); keep[j] = [x + a * y for x, y in zip(keep[j], v)]
    units = list(keep); r.shuffle(units)
    scale = {k: r.choice([F(1), F(2), F(1, 3), F(5, 4)]) for k in units}
    return Net([[x * scale[k] for x in net.W[k]] for k in units], [net.b[k] * scale[k] for k in units],
               [[keep[k][o] / scale[k] for k in units] for o in range(net.D)], c, net.d)


def without_unit(net, k):
    return Net(net.W[:k] + net.W[k + 1:], net.b[:k] + net.b[k + 1:], [row[:k] + row[k + 1:] for row in net.V], net.c, net.d)


def stepped(M, i, j, step):
    """M with entry (i, j) moved by `step`."""
    return [[x + step * (a == i and b == j) for b, x in enumerate(row)] for a, row in enumerate(M)]


def compress_round(c, r, t, style):
    """compress-preserves: an honest compression with exact counts, each count off by one,
    and pairs changed by a smallest step: c' or an output weight of the compressed network,
    a bias of it, the bias of an original unit whose kink sits on a data point (dead
    there, alive after the step), a used unit dropped."""
    d, N, D = r.randint(1, 3), r.randint(0, 4), r.randint(0, 3)
    X = random_matrix(r, d, N, r.choice(['small', 'thirds']), 0.3)
    if N > 1 and r.random() < 0.3: X = [row[:-1] + [row[0]] for row in X]  # a repeated point
    net = random_net(r, r.randint(0, 5), d, D, style)
    kinks = []
    for k in range(net.K):
        if N and r.random() < 0.4:  # w_k . x_i + b_k <= 0 at every point, = 0 at one
            net.b[k] = -max(dot(net.W[k], column(X, i)) for i in range(N)); kinks.append(k)
        elif r.random() < 0.15:  # a rescaled copy of an earlier unit: proportional features
            j = r.randrange(k + 1); a = r.choice([F(1), F(3), F(1, 2)]); net.W[k] = [a * x for x in net.W[j]]; net.b[k] = a * net.b[j]
    data = c.data(f'cd{t}', X, net.outputs(X, N), N)
    small = compress(r, net, X, N)
    step = r.choice(STEPS)
    pairs = [('', net, small)]
    if small.D: pairs.append(('c', net, Net(small.W, small.b, small.V, stepped([small.c], 0, r.randrange(small.D), step)[0], d)))
    if small.D and small.K: pairs.append(('v', net, Net(small.W, small.b, stepped(small.V, r.randrange(small.D), 0, step), small.c, d)))
    if small.K: pairs.append(('b', net, Net(small.W, stepped([small.b], 0, 0, step)[0], small.V, small.c, d)))
    if kinks:
        k = r.choice(kinks); pairs.append(('kink', Net(net.W, stepped([net.b], 0, k, step)[0], net.V, net.c, d), small))
    used = [k for k in range(net.K) if any(column(net.V, k))]
    if used: pairs.append(('drop', net, without_unit(net, r.choice(used))))
    for tag, orig, comp in pairs:
        inputs = {'original': c.net(f'co{t}{tag}', orig), 'compressed': c.net(f'cc{t}{tag}', comp), 'data': data}
        fig = {'units-before': str(len(active_units(orig))), 'units-after': str(len(active_units(comp)))}
        c.claim(f'cp{t}{tag}', 'compress-preserves', inputs, fig, orig.outputs(X, N) == comp.outputs(X, N))
        if tag: continue
        for key in fig:
            for i, s in enumerate(off_by_one(fig, key)):
                c.claim(f'cp{t}-{key}{i}', 'compress-preserves', inputs, s, False)


def rank_one_dual(r, Phi, K, N, D):
    """Lambda = a mu^T with ||a|| = 1 rational, scaled so that max_k ||Lambda phi_k||^2 = 1
    exactly (a tie at the bound), or Lambda = 0 when every mu . phi_k is 0."""
    a = r.choice(UNIT_VECTORS[D]); mu = [entry(r, 'small') for _ in range(N)]
    m = max((abs(dot(mu, Phi[k])) for k in range(K)), default=F(0))
    s = 1 / m if m else F(0)
    return [[F(x) * y * s for y in mu] for x in a]


def mtl_gap_round(c, r, t, style):
    """mtl-gap (Lemma MD) in both forms (Psi = Y - c 1^T, or `targets`): delta exactly and off
    by a step each way; Lambda at the feasibility bound and a step past it; u_k a step
    below an exact norm (negative for a zero column); Psi off by a step; an mtl-screen on
    the gap (it has no lambda)."""
    d, N, D, K = r.randint(1, 3), r.randint(0, 4), r.randint(1, 3), r.randint(0, 4)
    X = random_matrix(r, d, N, r.choice(['small', 'thirds']), 0.2)
    net = random_net(r, K, d, D, style)
    Phi = net.features(X, N)
    Vp = [[F(0)] * K for _ in range(D)]
    for k in range(K):  # columns with rational norms (a unit vector times s) or arbitrary ones
        a = r.choice(UNIT_VECTORS[D]) if r.random() < 0.6 else [entry(r, style) for _ in range(D)]
        s = r.choice([F(0), entry(r, 'small'), entry(r, style)])
        for o in range(D): Vp[o][k] = F(a[o]) * s
    Psi = mul(Vp, Phi, K, N)
    Lam = rank_one_dual(r, Phi, K, N, D) if r.random() < 0.7 else [[F(0)] * N for _ in range(D)]
    u = [sqrt_above(sum(row[k] ** 2 for row in Vp)) + (entry(r, 'small') ** 2 if r.random() < 0.2 else 0) for k in range(K)]
    name, weights = c.net(f'mn{t}', net), c.matrix(f'mV{t}', Vp, K)

    def claim(tag, psi, lam, uk, delta):
        inp = {'network': name, 'weights': weights, 'dual': c.matrix(f'mL{t}{tag}', lam, N), 'unit-bounds': [fs(x) for x in uk]}
        if r.random() < 0.5:
            inp['data'] = c.data(f'md{t}{tag}', X, [[x + net.c[o] for x in row] for o, row in enumerate(psi)], N)
        else:
            inp['data'] = c.data(f'md{t}{tag}', X, [[F(0)] * N for _ in range(D)], N)
            inp['targets'] = c.matrix(f'mP{t}{tag}', psi, N)
        gap = lemma_md_gap(Phi, psi, Vp, lam, uk, K, N)
        c.claim(f'mg{t}{tag}', 'mtl-gap', inp, {'delta': fs(delta)}, gap is not None and gap <= delta)
    gap = sum(u, F(0)) - sum((dot(a, b) for a, b in zip(Lam, Psi)), F(0))
    step = r.choice(STEPS)
    claim('', Psi, Lam, u, gap)
    claim('-below', Psi, Lam, u, gap - step)
    claim('-above', Psi, Lam, u, gap + step)
    claim('-dual', Psi, [[x * (1 + step) for x in row] for row in Lam], u, gap + 1)
    for k in range(K):
        norm = exact_sqrt(sum(row[k] ** 2 for row in Vp))
        if norm is not None: claim(f'-u{k}', Psi, Lam, u[:k] + [norm - step] + u[k + 1:], gap + 1)
    if N: claim('-psi', stepped(Psi, r.randrange(D), r.randrange(N), step), Lam, u, gap + 1)
    c.claim(f'mg{t}-screen', 'mtl-screen', {'gap': f'mg{t}', 'units': []}, {'screened': '0'}, False, uses=[f'mg{t}'])


def optimal_lasso(r, n, p, T, style):
    """X (n x p), Y (n x T), heads H (T x p), duals theta_t and lambda_t with the heads exactly
    optimal (gap 0): x_j . theta_t = lambda_t sign(w_t[j]) on the support S_t and a value in
    [-lambda_t, lambda_t] (the ends included) off it, then y_t = X w_t + n theta_t."""
    lam = [F(r.randint(1, 8), r.choice([1, 2, 3, 4])) for _ in range(T)]
    while True:
        Th = [[entry(r, 'small') for _ in range(n)] for _ in range(T)]
        if rank(Th) == T: break
    S = [{j for j in range(p) if r.random() < 0.45} for _ in range(T)]
    sign = [[r.choice([1, -1]) for _ in range(p)] for _ in range(T)]
    C = [[lam[t] * sign[t][j] if j in S[t] else r.choice([F(0), lam[t], -lam[t], lam[t] * F(r.randint(-7, 7), 8)])
          for j in range(p)] for t in range(T)]
    X0 = random_matrix(r, n, p, 'small', 0.3)
    G = inverse(mul(Th, transpose(Th, n), n, T))  # X = X0 + Th^T (Th Th^T)^-1 (C - Th X0)
    R = mul(G, [[a - b for a, b in zip(x, y)] for x, y in zip(C, mul(Th, X0, n, p))], T, p)
    X = [[X0[i][j] + sum(Th[t][i] * R[t][j] for t in range(T)) for j in range(p)] for i in range(n)]
    H = [[sign[t][j] * abs(entry(r, style) or F(1)) if j in S[t] else F(0) for j in range(p)] for t in range(T)]
    Y = [[dot(X[i], H[t]) + n * Th[t][i] for t in range(T)] for i in range(n)]
    return X, Y, H, Th, lam


def lasso_chain(c, r, pre, X, Y, H, Th, lam, n, p, T):
    """lasso-gap per task (stated exactly) and, for most tasks, a lasso-screen of part of the
    screenable features; returns the heads' name, the screen ids and counts by task, the gaps."""
    names = {'features': c.matrix(f'{pre}X', X, p), 'targets': c.matrix(f'{pre}Y', Y, T), 'heads': c.matrix(f'{pre}H', H, p)}
    screens, counts, gaps = {}, [0] * T, []
    for t in range(T):
        G = lasso_gap(X, column(Y, t), H[t], Th[t], lam[t], n); gaps.append(G)
        assert G is not None, 'theta_t is feasible by construction'
        gin = dict(names, task=str(t), dual=c.matrix(f'{pre}th{t}', [[x] for x in Th[t]], 1), **{'lambda': fs(lam[t])})
        c.claim(f'{pre}gap{t}', 'lasso-gap', gin, {'delta': fs(G)}, True)
        listed = [j for j in range(p) if screenable(X, Th[t], lam[t], G, n, j) and r.random() < 0.8]
        if r.random() < 0.8:
            c.claim(f'{pre}scr{t}', 'lasso-screen', {'gap': f'{pre}gap{t}', 'features': [str(j) for j in listed]},
                    {'screened': str(len(listed))}, True, uses=[f'{pre}gap{t}'])
            screens[t], counts[t] = f'{pre}scr{t}', len(listed)
    return names['heads'], screens, counts, gaps


def support_figures(H, p, fractions):
    S = supports(H, p)
    fig = {'sizes': [str(len(s)) for s in S], 'union': str(len(set().union(*S)))}
    if fractions: fig['fractions'] = [fs(F(len(s), p)) for s in S]
    return fig


def support_round(c, r, t, style):
    """support and support-variability on exactly optimal heads (or rescaled ones, gap > 0)
    with their screening chain: the figures exactly and off by one (or by a step for the
    fractions), a support off by one feature, and the attacks on the chain."""
    T = r.randint(1, 3); n = r.randint(T, 5); p = r.randint(1, 5)
    X, Y, H, Th, lam = optimal_lasso(r, n, p, T, style)
    if r.random() < 0.4:  # not optimal any more: every nonzero weight scaled, the supports kept
        H = [[x * r.choice([F(1), F(9, 8), F(1, 2)]) for x in row] for row in H]
    pre, mark = f's{t}', len(c.claims)
    heads, screens, counts, gaps = lasso_chain(c, r, pre, X, Y, H, Th, lam, n, p, T)
    fig = support_figures(H, p, r.random() < 0.6)

    def support(tag, scr, uses, ok=True, statement=None, lasso=None):
        upper = [str(p - (counts[k] if screens.get(k) in scr else 0)) for k in range(T)]
        c.claim(f'{pre}sup{tag}', 'support', dict({'heads': heads, 'screens': scr}, **(lasso or {})),
                statement or dict(fig, **{'optimal-upper': upper}), ok, uses)
    used = list(screens.values())
    c.claim(f'{pre}sup', 'support', {'heads': heads}, fig, True)
    support('-chain', used, used)
    if screens:  # the lasso stated: it holds when every screen is of it (lambda is per task here)
        lam0 = lam[next(iter(screens))]
        pin = {'features': f'{pre}X', 'targets': f'{pre}Y', 'lambda': fs(lam0)}
        support('-lasso', used, used, all(lam[k] == lam0 for k in screens), lasso=pin)
        for i, wrong in enumerate(({'features': heads}, {'targets': f'{pre}X'}, {'lambda': fs(lam0 + r.choice(STEPS))})):
            support(f'-lasso-off{i}', used, used, False, lasso=dict(pin, **wrong))
    support('-none', [], [])
    full = dict(fig, **{'optimal-upper': [str(p - k) for k in counts]})
    for key in ('sizes', 'union', 'optimal-upper'):
        for i, s in enumerate(off_by_one(full, key)): support(f'-{key}{i}', used, used, False, s)
    if 'fractions' in fig:
        for i, q in enumerate((r.choice(STEPS), -r.choice(STEPS), F(1, p), -F(1, p))):
            fr = list(fig['fractions']); fr[0] = fs(F(fr[0]) + q)
            c.claim(f'{pre}sup-frac{i}', 'support', {'heads': heads}, dict(fig, fractions=fr), False)
    H2 = with_tiny_entry(r, H)
    if H2 is not None:  # a support off by one feature
        c.claim(f'{pre}sup-tiny', 'support', {'heads': c.matrix(f'{pre}H2', H2, p)}, fig, support_figures(H2, p, 'fractions' in fig) == fig)
        c.claim(f'{pre}var-tiny', 'support-variability', {'heads': f'{pre}H2'}, {'holds': 'yes'}, support_variability(H2, p))
    c.claim(f'{pre}var', 'support-variability', {'heads': heads}, {'holds': 'yes'}, support_variability(H, p))
    if not screens: return
    t0, sid = next(iter(screens.items()))
    support('-early', [sid], [sid], False)  # moved before the chain: it uses a later claim
    c.claims.insert(mark, c.claims.pop())
    support('-not-in-uses', [sid], [], False)
    support('-missing-claim', [sid], [sid, f'{pre}nosuch'], False)
    support('-gap-as-screen', [f'{pre}gap{t0}'], [f'{pre}gap{t0}'], False)
    gin = next(x['inputs'] for x in c.claims if x['id'] == f'{pre}gap{t0}')
    c.claim(f'{pre}gap-low', 'lasso-gap', gin, {'delta': fs(gaps[t0] - r.choice(STEPS))}, False)
    c.claim(f'{pre}scr-low', 'lasso-screen', {'gap': f'{pre}gap-low', 'features': []}, {'screened': '0'}, True, uses=[f'{pre}gap-low'])
    support('-failed-gap', [f'{pre}scr-low'], [f'{pre}scr-low'], False)
    bad = [j for j in range(p) if not screenable(X, Th[t0], lam[t0], gaps[t0], n, j)]
    if bad:
        c.claim(f'{pre}scr-bad', 'lasso-screen', {'gap': f'{pre}gap{t0}', 'features': [str(bad[0])]}, {'screened': '1'},
                False, uses=[f'{pre}gap{t0}'])
        support('-failed-screen', [f'{pre}scr-bad'], [f'{pre}scr-bad'], False)
    # a screen of another lasso: other features, targets and heads, the same n, p and T
    oX, oY, oH, oTh, olam = optimal_lasso(r, n, p, T, 'small')
    for oid in lasso_chain(c, r, f'o{t}', oX, oY, oH, oTh, olam, n, p, T)[1].values():
        support('-other', [oid], [oid], False); break
    # an mtl-screen (group-lasso form on the same X, Y and heads, Thetatilde = 0) as a screen
    ub = [sqrt_above(sum(H[s][j] ** 2 for s in range(T))) for j in range(p)]
    XH = mul(X, transpose(H, p), p, T)
    P = sum((Y[i][s] - XH[i][s]) ** 2 for i in range(n) for s in range(T)) / (2 * n) + lam[0] * sum(ub)
    c.matrix(f'{pre}Th0', [[F(0)] * n for _ in range(T)], n)
    gl = {'features': f'{pre}X', 'targets': f'{pre}Y', 'heads': heads, 'dual': f'{pre}Th0', 'unit-bounds': [fs(x) for x in ub], 'lambda': fs(lam[0])}
    c.claim(f'{pre}pg', 'penalised-mtl-gap', gl, {'delta': fs(P)}, True)
    c.claim(f'{pre}ms', 'mtl-screen', {'gap': f'{pre}pg', 'units': []}, {'screened': '0'}, True, uses=[f'{pre}pg'])
    support('-mtl-screen', [f'{pre}ms'], [f'{pre}ms'], False)


def variability_round(c, r, t, style):
    """support-variability and support on heads whose supports are the rows and columns of a
    grid (variability holds) or random, and on the same heads with one zero entry made tiny."""
    if r.random() < 0.5:
        a, b = r.randint(1, 3), r.randint(1, 3); p = a * b
        S = [{i * b + j for j in range(b)} for i in range(a)] + [{i * b + j for i in range(a)} for j in range(b)]
        S = [s for s in S if r.random() < 0.85]
    else:
        p = r.randint(0, 6); S = [{j for j in range(p) if r.random() < 0.4} for _ in range(r.randint(0, 4))]
    H = [[entry(r, style) or F(1) if j in s else F(0) for j in range(p)] for s in S]
    for tag, M in (('', H), ('tiny', with_tiny_entry(r, H))):
        if M is None: continue
        name = c.matrix(f'v{t}{tag}', M, p)
        c.claim(f'var{t}{tag}', 'support-variability', {'heads': name}, {'holds': 'yes'}, support_variability(M, p))
        c.claim(f'vsup{t}{tag}', 'support', {'heads': name}, support_figures(H, p, p > 0), support_figures(M, p, p > 0) == support_figures(H, p, p > 0))


def main(binary, seed, rounds):
    r = random.Random(seed)
    c = Cert(r)
    for t in range(rounds):
        style = r.choice(['small', 'thirds', 'float', 'big'])
        for part in (sharing_round, compress_round, mtl_gap_round, support_round, variability_round):
            part(c, r, t, style)
    path = write({'format': 'dyadcert/1', 'objects': c.objects, 'claims': c.claims}, f'head-{seed}.json')
    got, out = verdicts(binary, path)
    report(seed, out, mismatches(c.expect, got))
    return len(c.claims), sum(1 for v in c.expect.values() if v == 'PASS')


if __name__ == '__main__':
    totals = [0, 0]
    for s in range(int(sys.argv[2]), int(sys.argv[2]) + int(sys.argv[3])):
        a, b = main(sys.argv[1], s, 3); totals[0] += a; totals[1] += b
    finish('done', f'{totals[0]} claims, {totals[1]} expected to pass')
