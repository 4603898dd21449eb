#!/usr/bin/env python3
"""Differential fuzzer for `bits` (FORMAT.md sec. 5.15) and `eps-transfer` (sec. 5.16) over
the facts of every rule that establishes numbers: `enumerate`, `packing`, `cover`,
`haar-packing`, `haar-cover`, `readout-count`, `binary-class`, `network-width-lower`
(functions, a function list or a readout class; exact, at eps, at every eps below b),
`network-realises-for-all-signs`, `network-bits` (explicit networks and both recipes),
`sup-distance` (step or piecewise-linear), `step-approx-lower`, `weight-decay` and
`width-from-rank`, then the values of `bits` claims and the results of `eps-transfer`.

Every source claim is decided here from the definitions (MATH.md secs. 7-9, 11) with
fractions.Fraction and brute force: classes of step and sign functions on a grid of 2, 3, 4,
6 or 8 cells (duplicates, sign functions of the next level), readout classes enumerated
over all sign trees (J <= 3), covering numbers by Lemma K over all subsets, ceil(log2 N) as
the least k with 2^k >= N (packings of 1 to 7, covers of up to 33 centres), code lengths of
sec. 6, breakpoint counts, sup distances, the strict greedy count, weight decay, path-norm
brackets and ranks. Some are stated one unit or 2^-60 wrong: they fail, and so does every
claim that uses them. Each fact is kept with its interval (sec. 5.0: exact, [lower, +inf)
or (-inf, upper]) and its meaning. The class width of `network-width-lower` is FORMAT's
bound (sum of 2^top); that it never exceeds the least breakpoint count of the elements is
checked by enumeration. Beyond the verdicts, every fact of a claim expected to pass must
contain the true value wherever this script knows it: covering numbers, description
lengths and sizes of the enumerated classes (finite, readout, Haar with J <= 2) at any eps,
so also after `eps-transfer`; `bits` values from the truths of their terms; distances,
code lengths, counts, weight decay, ranks and the path norm (to 2^-100).

A `bits` claim constant + sum_i c_i q_i REL b is expected to pass exactly when every value
of the interval sum (a negative c_i swaps the ends, c_i = 0 gives 0, a repeated term counts
independently) stands in REL to b, for b at each finite end, one step of 2^-60, 2^-90 or
1/(3 2^60) beside it, or +-2^200, under all five relations. Coefficients are 0, +-1,
non-dyadic, near 2^63 and > 2^64; terms repeat, mix classes, eps and measures, and state
their meaning half of the time. An `eps-transfer` keeps the lower end for eps1 <= eps0 and
the upper end for eps1 >= eps0 (Lemma E), with eps1 = eps0, one step off either way,
3/2 eps0, eps0/3 or 7; transfers of transfers too. `binary-class` takes the size from
`uses` among covering numbers, other codings and other classes. Attacks, each expected to
fail: a meaning wrong in one member (measure, subject: another name, one more, reversed;
eps or eps-below one step off, renamed or dropped; coding, max-breakpoints, threshold, one
member more; another fact's meaning), and the reason must name the meaning; a term's claim
not in `uses`; a quantity the claim did not establish (also `Bits`, `descriptionBits`); a
source that failed; a term of the claim itself or of a later claim; a transfer of a measure
other than covering numbers and description lengths.

    bitsfuzz.py BINARY FIRST-SEED SEEDS    (one certificate per seed)
"""
import itertools, math, os, random, sys
from fractions import Fraction as F
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from greedyfuzz import strict_greedy_intervals
from matfuzz import mat_json, rank
from signfuzz import fs, hexbits, walsh
from verdicts import finish, mismatches, report, verdicts, write

STEPS = (F(1, 2 ** 60), F(1, 2 ** 90), F(1, 3 * 2 ** 60))
FAR = F(2 ** 200)
RELATIONS = ('<=', '<', '>=', '>', '=')
TRANSFERABLE = ('covering-number', 'description-bits')
MEASURES = ('sup-distance', 'step-approximation-error', 'greedy-intervals', 'covering-number',
            'description-bits', 'size-bits', 'log2-size', 'size', 'realising-first-layer-units',
            'realising-network-bits', 'first-layer-units', 'code-bits', 'units', 'hidden-units',
            'parameters', 'layers', 'value', 'weight-decay', 'path-norm', 'rank', 'interpolating-width')
QUANTITIES = ('distance', 'greedy-intervals', 'covering-number', 'bits', 'log2-size', 'description-bits',
              'size-bits', 'size', 'first-layer-units', 'units', 'hidden-units', 'parameters', 'layers',
              'value', 'weight-decay', 'path-norm', 'rank', 'width-lower', 'Bits', 'descriptionBits', 'covering_number', 'bits ')
COEFFICIENTS = (F(0), F(1), F(-1), F(2), F(-3), F(1, 3), F(-256, 39), F(2 ** 64 + 1), F(-(2 ** 70), 3), STEPS[0],
                F(2 ** 63 - 1), F(-(2 ** 63)), F(2 ** 62 + 1, 2 ** 63 - 25))


# ---- numbers -------------------------------------------------------------------------

def ceil_log2(n):
    """ceil(log2 n) for an integer n >= 1: the least k with 2^k >= n (integer comparisons)."""
    k = 0
    while 2 ** k < n: k += 1
    return k


def sqrt_below(q):
    """A rational l >= 0 with l^2 <= q, equal to sqrt(q) when that is rational."""
    n, d = math.isqrt(q.numerator), math.isqrt(q.denominator)
    return F(n, d) if n * n == q.numerator and d * d == q.denominator else F(math.isqrt(q.numerator * 4 ** 40 // q.denominator), 2 ** 40)


def sqrt_above(q):
    """A rational u >= 0 with u^2 >= q, equal to sqrt(q) when that is rational."""
    s = sqrt_below(q)
    return s if s * s == q else s + F(1, 2 ** 40)


def scaled(k, lo, hi):
    """k [lo, hi] with None for an infinite end; k = 0 gives exactly 0."""
    if k == 0: return F(0), F(0)
    a = None if lo is None else k * lo
    b = None if hi is None else k * hi
    return (a, b) if k > 0 else (b, a)


def interval_sum(constant, terms):
    """constant + sum k_i [lo_i, hi_i] by interval arithmetic (None: infinite)."""
    lo = hi = constant
    for k, fact in terms:
        a, b = scaled(k, fact.lo, fact.hi)
        lo = None if lo is None or a is None else lo + a
        hi = None if hi is None or b is None else hi + b
    return lo, hi


def follows(lo, hi, rel, b):
    """Whether every value of [lo, hi] stands in `rel` to b."""
    if rel == '<=': return hi is not None and hi <= b
    if rel == '<': return hi is not None and hi < b
    if rel == '>=': return lo is not None and lo >= b
    if rel == '>': return lo is not None and lo > b
    return lo is not None and lo == hi == b


def edge_statements(r, lo, hi):
    """(relation, bound, holds) at each finite end of [lo, hi], one step beside it and at
    +-2^200, under every relation: a few that hold and a few that do not."""
    step = r.choice(STEPS)
    bounds = {e + s for e in (lo, hi) if e is not None for s in (-step, F(0), step)} | {FAR, -FAR}
    cases = [(rel, b, follows(lo, hi, rel, b)) for rel in RELATIONS for b in sorted(bounds)]
    yes = [x for x in cases if x[2]]; no = [x for x in cases if not x[2]]
    return r.sample(yes, min(2, len(yes))) + r.sample(no, min(2, len(no)))


def established(rel, b, floor=None):
    """The interval a passing `bits` (floor None) or `eps-transfer` (floor 0) claim `rel` b
    establishes (FORMAT.md secs. 5.0, 5.16)."""
    if rel == '=': return b, b
    return (floor, b) if rel in ('<=', '<') else (b, None)


# ---- the certificate and its facts ----------------------------------------------------

class Fact:
    def __init__(self, claim, quantity, meaning, lo, hi):
        self.claim, self.quantity, self.meaning, self.lo, self.hi = claim, quantity, meaning, lo, hi


def meaning(measure, subject, **params):
    """A meaning object (FORMAT.md sec. 5.0); parameters written eps_below mean `eps-below`."""
    m = {'measure': measure, 'subject': list(subject)}
    for k, v in params.items():
        if v is not None: m[k.replace('_', '-')] = v if isinstance(v, str) else fs(v)
    return m


class Cert:
    """Objects, claims and their expected verdicts; the facts of the claims expected to pass
    and, for those expected to fail, a quantity each would have established."""
    def __init__(self, r):
        self.r, self.objects, self.claims, self.expect = r, {}, [], {}
        self.facts, self.failed, self.named, self.funs, self.pl, self.meaning_checks, self.unsound = [], [], {}, {}, {}, set(), []
        # for the truth of facts: the elements of each class, the true value (an interval
        # that contains it) of source facts, and the expression of each `bits` claim
        self.classes, self.truths, self.values, self.pairs, self.covers = {}, {}, {}, {}, {}

    def claim(self, cid, rule, inputs, statement, ok, facts=(), uses=()):
        """Appends a claim expected to pass (ok) or fail; the exact facts of a source rule
        are true by this script's computation."""
        c = {'id': cid, 'rule': rule, 'inputs': inputs, 'statement': statement}
        if uses: c['uses'] = list(dict.fromkeys(uses))
        self.claims.append(c)
        self.expect[cid] = 'PASS' if ok else 'FAIL'
        if ok:
            self.facts += [Fact(cid, *f) for f in facts]
            self.named[cid] = {f[0] for f in facts}
            self.truths.update({(cid, q): (lo, hi) for q, _, lo, hi in facts if lo == hi and rule not in ('bits', 'eps-transfer')})
        elif facts:
            self.failed.append((cid, facts[0][0]))


# ---- step functions on a grid and finite classes --------------------------------------

def grid_functions(c, tag, n, count, signs):
    """`count` functions constant on the n cells [i/n, (i+1)/n) (value vectors in c.funs),
    written as step functions (every grid point, or only where the value changes) or, for
    +-1 functions on a dyadic grid, as sign functions of that level or the next."""
    r = c.r
    palette = [F(1), F(-1)] if signs else [F(r.randint(-4, 4), r.choice([1, 2, 3, 8])) for _ in range(3)] + [F(2 ** 65 + 1, 3)] * (r.random() < 0.5)
    names = []
    for i in range(count):
        v = tuple(r.choice(palette) for _ in range(n))
        name = f'{tag}{i}'
        level = n.bit_length() - 1
        if signs and n == 2 ** level and r.random() < 0.6:
            extra = r.randint(0, 1)
            bits = [int(x < 0) for x in v for _ in range(2 ** extra)]
            c.objects[name] = {'kind': 'sign-function', 'level': str(level + extra), 'bits': hexbits(bits)}
        else:
            cuts = [i for i in range(1, n) if v[i] != v[i - 1] or r.random() < 0.5]
            c.objects[name] = {'kind': 'step-function', 'breakpoints': [fs(F(i, n)) for i in [0] + cuts + [n]],
                               'values': [fs(v[i]) for i in [0] + cuts]}
        c.funs[name] = v
        names.append(name)
    return names


def distance(a, b):
    """max over coordinates of the sup distance of two tuples of grid functions."""
    return max(abs(x - y) for f, g in zip(a, b) for x, y in zip(f, g))


def pairwise(points):
    """The number of distinct points and the distance of each pair of them."""
    pts = list(set(points))
    return len(pts), {(i, j): distance(pts[i], pts[j]) for i, j in itertools.combinations(range(len(pts)), 2)}


def covering_number(points, eps):
    return least_cover(*pairwise(points), eps)


def least_cover(n, dists, eps):
    """N(eps) of n points with these pairwise distances by Lemma K: the least number of parts
    of pairwise distance <= 2 eps that cover them (over all subsets; n when no pair is
    close, 1 when all are; None for more than 10 points otherwise)."""
    reach = 2 * eps
    close = {p for p, d in dists.items() if d <= reach}
    if not close: return n
    if len(close) == n * (n - 1) // 2: return 1
    if n > 10: return None
    clique = [all(p in close for p in itertools.combinations([i for i in range(n) if m >> i & 1], 2)) for m in range(2 ** n)]
    best = [0] * 2 ** n
    for m in range(1, 2 ** n):
        low, best[m], sub = m & -m, n, m
        while sub:
            if sub & low and clique[sub]: best[m] = min(best[m], 1 + best[m ^ sub])
            sub = (sub - 1) & m
    return best[-1]


def eps_near(r, values):
    """An accuracy at one of the given distances d: d/2 (a tie), just below or above it."""
    d = r.choice([v for v in values if v > 0] or [F(1)])
    return max(d / 2 + r.choice((-1, 0, 0, 1)) * r.choice(STEPS), STEPS[1])


def finite_class_claims(c, tag, pool, D, signs):
    """enumerate (size, covering number; joint, separate) and, for +-1 classes, binary-class
    on a random finite class of D-tuples from `pool`; then a packing and a cover."""
    r = c.r
    elems = [tuple(r.choice(pool) for _ in range(D)) for _ in range(r.randint(2, 7))]
    c.objects[tag] = {'kind': 'finite-class', 'elements': [e[0] if D == 1 and r.random() < 0.7 else list(e) for e in elems]}
    vals = [tuple(c.funs[f] for f in e) for e in elems]
    c.classes[tag] = vals
    coords = [[v[d] for v in vals] for d in range(D)]
    dists = [distance(a, b) for a, b in itertools.combinations(vals, 2)]
    size, sizes = len(set(vals)), [len(set(x)) for x in coords]
    off = r.choice((0, 0, 0, 1))
    c.claim(f'{tag}-size', 'enumerate', {'class': tag, 'quantity': 'size', 'coding': 'joint'}, {'value': str(size + off)}, not off,
            [('size', meaning('size', [tag], coding='joint'), F(size), F(size)),
             ('size-bits', meaning('size-bits', [tag], coding='joint'), F(ceil_log2(size)), F(ceil_log2(size))),
             ('description-bits', meaning('size-bits', [tag], coding='joint'), F(ceil_log2(size)), F(ceil_log2(size)))])
    sb = sum(ceil_log2(s) for s in sizes)
    c.claim(f'{tag}-sizes', 'enumerate', {'class': tag, 'quantity': 'size', 'coding': 'separate'}, {'values': [str(s) for s in sizes]}, True,
            [('size-bits', meaning('size-bits', [tag], coding='separate'), F(sb), F(sb)),
             ('description-bits', meaning('size-bits', [tag], coding='separate'), F(sb), F(sb))])
    eps = eps_near(r, dists)
    N = covering_number(vals, eps)
    c.claim(f'{tag}-N', 'enumerate', {'class': tag, 'quantity': 'covering-number', 'eps': fs(eps), 'coding': 'joint'}, {'value': str(N)}, True,
            [('covering-number', meaning('covering-number', [tag], eps=eps, coding='joint'), F(N), F(N)),
             ('description-bits', meaning('description-bits', [tag], eps=eps, coding='joint'), F(ceil_log2(N)), F(ceil_log2(N)))])
    eps = eps_near(r, dists)
    Ns = [covering_number([(f,) for f in x], eps) for x in coords]
    nb = sum(ceil_log2(x) for x in Ns)
    c.claim(f'{tag}-Ns', 'enumerate', {'class': tag, 'quantity': 'covering-number', 'eps': fs(eps), 'coding': 'separate'}, {'values': [str(x) for x in Ns]}, True,
            [('description-bits', meaning('description-bits', [tag], eps=eps, coding='separate'), F(nb), F(nb))])
    if signs:
        for coding, src, s in (('joint', f'{tag}-size', ceil_log2(size)), ('separate', f'{tag}-sizes', sb)):
            eps = r.choice((F(1, 2), 1 - r.choice(STEPS), F(1), F(5, 3)))
            b = s if eps < 1 else 0
            c.claim(f'{tag}-binary-{coding}', 'binary-class', {'class': tag, 'eps': fs(eps), 'coding': coding}, {'bits': str(b)},
                    c.expect[src] == 'PASS', [('bits', meaning('description-bits', [tag], eps=eps, coding=coding), F(b), F(b))], [src])
    finite_packing_cover_claims(c, tag, pool, D, elems, vals, dists)


def finite_packing_cover_claims(c, tag, pool, D, elems, vals, dists):
    """A packing by element indices pairwise more than 2 eps apart (sometimes one too close),
    eps near half a distance; a cover by pool tuples (up to 33, repeated) at the least eps
    that works, or one step below it."""
    r = c.r
    eps = eps_near(r, dists)
    chosen = []
    for i in r.sample(range(len(elems)), len(elems)):
        if all(distance(vals[i], vals[j]) > 2 * eps for j in chosen): chosen.append(i)
    near = [i for i in range(len(elems)) if i not in chosen and r.random() < 0.15][:1]
    M = len(chosen) + len(near)
    c.claim(f'{tag}-pack', 'packing', {'class': tag, 'eps': fs(eps), 'elements': [str(i) for i in chosen + near]}, {'count': str(M)}, not near,
            [('covering-number', meaning('covering-number', [tag], eps=eps, coding='joint'), F(M), None),
             ('bits', meaning('description-bits', [tag], eps=eps, coding='joint'), F(ceil_log2(M)), None)])
    centres = [tuple(r.choice(pool) for _ in range(D)) for _ in range(r.randint(1, 4))]
    centres = (centres * 33)[:r.choice((len(centres), len(centres), 8, 9, 16, 17, 33))]
    need = max(min(distance(v, tuple(c.funs[f] for f in z)) for z in centres) for v in vals)
    short = need > 0 and r.random() < 0.2
    eps = need - r.choice(STEPS) if short else need if need > 0 else r.choice(STEPS)
    M = len(centres)
    c.claim(f'{tag}-cover', 'cover', {'class': tag, 'eps': fs(eps), 'centres': [z[0] if D == 1 else list(z) for z in centres]}, {'count': str(M)}, not short,
            [('covering-number', meaning('covering-number', [tag], eps=eps, coding='joint'), None, F(M)),
             ('bits', meaning('description-bits', [tag], eps=eps, coding='joint'), None, F(ceil_log2(M)))])


# ---- readout classes ------------------------------------------------------------------

def readout_elements(J, ms):
    """Every element of K_M, one per sign tree (bits, 1 = -1, node (j, k) at 2^j - 1 + k):
    the +-1 value vectors on the level-J cells of f_d = w_{m_d} o u_sigma, u_sigma = (h + 1)/2
    with balanced amplitudes a_j = 2^-(j+1) (MATH.md secs. 5-6)."""
    out = []
    for bits in itertools.product((0, 1), repeat=2 ** J - 1):
        # 2^(J+1) u = 2^J (h + 1) = 2^J + sum_j s_j 2^(J-1-j)
        u = [F(2 ** J + sum((-1) ** (bits[2 ** j - 1 + (x >> (J - j))] + (x >> (J - 1 - j) & 1)) * 2 ** (J - 1 - j) for j in range(J)), 2 ** (J + 1))
             for x in range(2 ** J)]
        out.append((bits, tuple(tuple(walsh(m, y) for y in u) for m in ms)))
    return out


def haar_elements(J, a):
    """Every h_sigma of H_J(a) as a 1-tuple of its values on the level-J cells:
    sum_j a_j sigma(j, anc_j(x)) (-1)^(b_j(x)) (MATH.md sec. 5)."""
    return [(tuple(sum(a[j] * (-1) ** (bits[2 ** j - 1 + (x >> (J - j))] + (x >> (J - 1 - j) & 1)) for j in range(J)) for x in range(2 ** J)),)
            for bits in itertools.product((0, 1), repeat=2 ** J - 1)]


def jumps(v):
    """The interior grid points (by index) where a grid function jumps, with the jump."""
    return {i: abs(v[i] - v[i - 1]) for i in range(1, len(v)) if v[i] != v[i - 1]}


def width_bound(functions, mode, eps, below):
    """Corollary N2: breakpoints of the functions where the jump is > 2 eps (>= 2 below for
    eps-below, any for exact realisation), summed (separate) or as distinct points (joint)."""
    def counts(j): return j > 2 * eps if eps is not None else j >= 2 * below if below is not None else True
    points = [{i for i, j in jumps(v).items() if counts(j)} for v in functions]
    return sum(map(len, points)) if mode == 'separate' else len(set().union(*points))


def class_width(tops, mode, eps, below):
    """The bound FORMAT.md sec. 5.12 gives a readout class: sum_d 2^top(m_d) (separate) or
    the sum of 2^t over the distinct tops t (joint) when eps < 1 (or none, or eps-below
    b <= 1), else 0. It may be below the least breakpoint count of the elements (readouts
    6, 4, 5 at J = 3: 12 where every element has 15); it must never be above it."""
    if (eps is not None and eps >= 1) or (below is not None and below > 1): return 0
    return sum(2 ** t for t in (tops if mode == 'separate' else set(tops)))


def width_params(r):
    """None, or an accuracy at, just below or above 1 (as eps or eps-below) or far from it."""
    x = r.choice((F(1), 1 - STEPS[0], 1 + STEPS[0], F(1, 3), F(2)))
    return r.choice(((None, None), (x, None), (None, x)))


def readout_class_claims(c, tag):
    """readout-count, enumerate and binary-class on a readout class of depth J <= 3, then
    its widths, packings, covers and networks."""
    r = c.r
    J = r.randint(1, 3)
    ms = r.sample(range(1, 2 ** J), r.randint(1, min(3, 2 ** J - 1)))
    c.objects[tag] = {'kind': 'readout-class', 'levels': str(J), 'readouts': [str(m) for m in ms]}
    elems = readout_elements(J, ms)
    c.classes[tag] = [e for _, e in elems]
    size = len({e for _, e in elems}); sizes = [len({e[d] for _, e in elems}) for d in range(len(ms))]
    lg = ceil_log2(size); assert 2 ** lg == size
    lgs = [ceil_log2(s) for s in sizes]; assert all(2 ** x == s for x, s in zip(lgs, sizes))
    off = r.choice((0, 0, 0, 1, -1))
    for coding, st, v in (('joint', {'log2-size': str(lg + off)}, lg),
                          ('separate', {'log2-sizes': [str(x) for x in lgs], 'total': str(sum(lgs))}, sum(lgs))):
        c.claim(f'{tag}-count-{coding}', 'readout-count', {'class': tag, 'coding': coding}, st, coding == 'separate' or not off,
                [('log2-size', meaning('log2-size', [tag], coding=coding), F(v), F(v)),
                 ('description-bits', meaning('size-bits', [tag], coding=coding), F(v), F(v))])
    c.claim(f'{tag}-size', 'enumerate', {'class': tag, 'quantity': 'size', 'coding': 'joint'}, {'value': str(size)}, True,
            [('size', meaning('size', [tag], coding='joint'), F(size), F(size)),
             ('size-bits', meaning('size-bits', [tag], coding='joint'), F(lg), F(lg)),
             ('description-bits', meaning('size-bits', [tag], coding='joint'), F(lg), F(lg))])
    sb = sum(lgs)
    c.claim(f'{tag}-sizes', 'enumerate', {'class': tag, 'quantity': 'size', 'coding': 'separate'}, {'values': [str(s) for s in sizes]}, True,
            [('size-bits', meaning('size-bits', [tag], coding='separate'), F(sb), F(sb)),
             ('description-bits', meaning('size-bits', [tag], coding='separate'), F(sb), F(sb))])
    eps = r.choice((F(1, 2), 1 - STEPS[0], F(1), F(3)))
    if max(sizes) <= 8 or eps < 1:
        Ns = [covering_number([(e[d],) for _, e in elems], eps) for d in range(len(ms))]
        nb = sum(ceil_log2(x) for x in Ns)
        c.claim(f'{tag}-Ns', 'enumerate', {'class': tag, 'quantity': 'covering-number', 'eps': fs(eps), 'coding': 'separate'},
                {'values': [str(x) for x in Ns]}, True, [('description-bits', meaning('description-bits', [tag], eps=eps, coding='separate'), F(nb), F(nb))])
    eps = r.choice((F(1, 2), 1 - STEPS[0], F(1), F(3)))
    if eps < 1 or size <= 8:
        N = covering_number([e for _, e in elems], eps)
        c.claim(f'{tag}-N', 'enumerate', {'class': tag, 'quantity': 'covering-number', 'eps': fs(eps), 'coding': 'joint'}, {'value': str(N)}, True,
                [('covering-number', meaning('covering-number', [tag], eps=eps, coding='joint'), F(N), F(N)),
                 ('description-bits', meaning('description-bits', [tag], eps=eps, coding='joint'), F(ceil_log2(N)), F(ceil_log2(N)))])
    for coding, v in (('joint', lg), ('separate', sum(lgs))):
        # the size of this class in this coding among claims that do not give it (a covering
        # number, the other coding, another class), or only those
        sources = [f'{tag}-count-{coding}', f'{tag}-size' if coding == 'joint' else f'{tag}-sizes']
        others = [x for x in c.expect if x.endswith(('-count-joint', '-count-separate', '-size', '-sizes', '-N', '-Ns')) and x not in sources]
        uses = r.sample(sources, r.randint(0, len(sources))) + r.sample(others, r.randint(0, 2))
        r.shuffle(uses)
        eps = r.choice((F(1, 2), 1 - r.choice(STEPS), F(1), F(7, 3)))
        b = v if eps < 1 else 0
        off = r.choice((0, 0, 0, 1))
        ok = not off and all(c.expect[u] == 'PASS' for u in uses) and (eps >= 1 or any(u in sources for u in uses))
        c.claim(f'{tag}-binary-{coding}', 'binary-class', {'class': tag, 'eps': fs(eps), 'coding': coding}, {'bits': str(b + off)}, ok,
                [('bits', meaning('description-bits', [tag], eps=eps, coding=coding), F(b), F(b))], uses)
    readout_width_claims(c, tag, ms, elems)
    readout_packing_cover_claims(c, tag, ms, elems)
    readout_network_claims(c, tag, J, ms)


def readout_width_claims(c, tag, ms, elems):
    """network-width-lower on the class, joint and separate: stated at the bound of FORMAT.md
    sec. 5.12, one below, far below, or one above; that bound checked against the least
    breakpoint count of the elements."""
    r = c.r
    tops = [m.bit_length() - 1 for m in ms]
    for mode in ('joint', 'separate'):
        eps, below = width_params(r)
        n = class_width(tops, mode, eps, below)
        if n > min(width_bound(e, mode, eps, below) for _, e in elems): c.unsound.append(f'{tag}-width-{mode}')
        stated = r.choice((n, n, n - 1, -(2 ** 63), n + 1))
        inputs = {'mode': mode, 'class': tag}
        if eps is not None: inputs['eps'] = fs(eps)
        if below is not None: inputs['eps-below'] = fs(below)
        c.claim(f'{tag}-width-{mode}', 'network-width-lower', inputs, {'first-layer-units-at-least': str(stated)}, stated <= n,
                [('first-layer-units', meaning('realising-first-layer-units', [tag], eps=eps, eps_below=below, coding=mode), F(stated), None)])


def readout_packing_cover_claims(c, tag, ms, elems):
    """A packing by sign trees with distinct elements (sometimes one element twice) at
    eps < 1; a cover by the zero tuple at eps = 1 (or just below: every element is 1 away)."""
    r = c.r
    seen, trees = set(), []
    for bits, e in r.sample(elems, min(len(elems), r.randint(1, 6))):
        if e not in seen: seen.add(e); trees.append(bits)
    twice = [b for b, e in elems if e in seen and b not in trees][:1] if r.random() < 0.2 else []
    eps = r.choice((F(1, 2), 1 - r.choice(STEPS)))
    M = len(trees) + len(twice)
    c.claim(f'{tag}-pack', 'packing', {'class': tag, 'eps': fs(eps), 'elements': [{'bits': hexbits(list(b))} for b in trees + twice]},
            {'count': str(M)}, not twice,
            [('covering-number', meaning('covering-number', [tag], eps=eps, coding='joint'), F(M), None),
             ('bits', meaning('description-bits', [tag], eps=eps, coding='joint'), F(ceil_log2(M)), None)])
    eps = r.choice((F(1), F(1), 1 - STEPS[0]))
    c.claim(f'{tag}-cover', 'cover', {'class': tag, 'eps': fs(eps), 'centres': [['zero'] * len(ms)]}, {'count': '1'}, eps >= 1,
            [('covering-number', meaning('covering-number', [tag], eps=eps, coding='joint'), None, F(1)),
             ('bits', meaning('description-bits', [tag], eps=eps, coding='joint'), None, F(0))])


def readout_network_claims(c, tag, J, ms):
    """network-realises-for-all-signs (bits and log2-size at most 2^J - 1, the member's 2^J - 1
    first-layer units) and network-bits of the recipes (FORMAT.md sec. 6): the sign-coded
    member's 2^J - 1 sign weights; the joint network's u, 2^J - 1 weights dyadic[J,J] and a
    bias dyadic[J+1,J+1]; both with the trunk's 2^J - 1 first-layer units."""
    r = c.r
    c.objects[f'{tag}-signs'] = {'kind': 'sign-tree', 'levels': str(J), 'bits': hexbits([r.randint(0, 1) for _ in range(2 ** J - 1)])}
    c.objects[f'{tag}-family'] = {'kind': 'sign-coded-network', 'signs': f'{tag}-signs', 'readouts': [str(m) for m in ms]}
    bits = 2 ** J - 1 - r.choice((0, 0, 0, 1))
    top = F(2 ** J - 1)
    c.claim(f'{tag}-family', 'network-realises-for-all-signs', {'network': f'{tag}-family', 'class': tag},
            {'outputs': str(len(ms)), 'bits': str(bits)}, bits == top,
            [('bits', meaning('realising-network-bits', [tag], coding='joint'), None, top),
             ('log2-size', meaning('log2-size', [tag], coding='joint'), None, top),
             ('first-layer-units', meaning('first-layer-units', [f'{tag}-family']), top, top)])
    c.objects[f'{tag}-joint'] = {'kind': 'joint-network', 'signs': f'{tag}-signs', 'readouts': [str(m) for m in ms]}
    joint = (2 ** J - 1) * (1 + J + ceil_log2(J + 1)) + 1 + (J + 1) + ceil_log2(J + 2)
    for net, b in ((f'{tag}-family', 2 ** J - 1), (f'{tag}-joint', joint)):
        off = r.choice((0, 0, 0, 1, -1))
        c.claim(f'{net}-bits', 'network-bits', {'network': net}, {'bits': str(b + off), 'first-layer-units': str(2 ** J - 1)}, not off,
                [('bits', meaning('code-bits', [net]), F(b), F(b)), ('first-layer-units', meaning('first-layer-units', [net]), top, top)])


# ---- Haar classes, networks, distances, step approximation, ReLU networks -------------

def haar_claims(c, tag):
    """haar-packing and haar-cover at the edges of their conditions: 1 <= L <= J and
    eps < a_j for j < L and b <= 2^L - 1; L <= J and eps >= sum_{L <= j < J} a_j and b >= 2^L - 1."""
    r = c.r
    J = r.choice((1, 2, 3, 4, r.randint(5, 20)))
    balanced = r.random() < 0.4
    a = [F(1, 2 ** (j + 1)) if balanced else r.choice((F(r.randint(1, 9), r.choice((1, 2, 3, 7))), F(2 ** 70), STEPS[0])) for j in range(J)]
    c.objects[tag] = {'kind': 'haar-class', 'levels': str(J), 'amplitudes': 'balanced' if balanced and r.random() < 0.7 else [fs(x) for x in a]}
    if J <= 2: c.classes[tag] = haar_elements(J, a)
    for k in range(2):
        L = r.choice((0, J + 1, 62)) if r.random() < 0.2 else r.randint(1, J)
        least = min(a[:L] or [F(1)])
        eps = max(least + r.choice((-1, -1, 0)) * r.choice(STEPS), STEPS[1])
        b = 2 ** L - 1 - r.choice((0, 0, 1, 2 ** 80, 2 ** 63 + 2 ** L - 1)) + (r.random() < 0.15)
        c.claim(f'{tag}-pack{k}', 'haar-packing', {'class': tag, 'level': str(L), 'eps': fs(eps)}, {'bits-at-least': str(b)},
                1 <= L <= J and eps < least and b <= 2 ** L - 1,
                [('bits', meaning('description-bits', [tag], eps=eps, coding='joint'), F(b), None)])
        L = r.choice((J + 1, 62)) if r.random() < 0.1 else r.randint(0, J)
        tail = sum(a[L:], F(0))
        eps = max(tail + r.choice((0, 0, 1, -1)) * r.choice(STEPS), STEPS[1]) if tail > 0 else r.choice((F(1), STEPS[0]))
        b = 2 ** L - 1 + r.choice((0, 0, 3, 2 ** 90, 2 ** 63 - 2 ** L)) - (r.random() < 0.15)
        c.claim(f'{tag}-cover{k}', 'haar-cover', {'class': tag, 'level': str(L), 'eps': fs(eps)}, {'bits-at-most': str(b)},
                L <= J and eps >= tail and b >= 2 ** L - 1,
                [('bits', meaning('description-bits', [tag], eps=eps, coding='joint'), None, F(b))])


def code(r, nonzero):
    """A parameter code of sec. 6, a value it admits (nonzero if asked) and its length in bits."""
    kind = r.choice(('sign', 'int', 'dyadic'))
    if kind == 'sign': return 'sign', F(r.choice((1, -1))), 1
    if kind == 'int':
        lo = r.choice((r.randint(-9, 3), -(2 ** 70)))
        hi = lo + r.choice((r.randint(0, 20), 2 ** 71 + r.randint(0, 3)))
        if nonzero and lo == hi == 0: hi = 1
        inside = r.randint(lo, hi) if hi - lo < 100 else max(lo, min(hi, 0))
        v = r.choice([x for x in (lo, hi, inside) if x or not nonzero])
        return f'int[{lo},{hi}]', F(v), ceil_log2(hi - lo + 1)
    B, E = r.choice((r.randint(nonzero, 6), 1000000)), r.choice((r.randint(0, 6), 1000000))
    e = r.randint(0, min(E, 8))
    p = r.randint(-(2 ** min(B, 9)) + 1, 2 ** min(B, 9) - 1) if B else 0
    p = p or (1 if nonzero else 0)
    return f'dyadic[{B},{E}]', F(p, 2 ** e), 1 + B + ceil_log2(E + 1)


def network_bits_claims(c, tag):
    """network-bits on a random Heaviside network whose every parameter fits its code
    (unit codes or layer defaults): its code length and counts."""
    r = c.r
    widths = [r.randint(1, 3)] + [r.randint(1, 2)] * r.randint(0, 1) + [r.randint(1, 2)]
    layers, total = [], 0
    for li, w in enumerate(widths):
        layer = {'units': []}
        wdef = code(r, li == 0) if r.random() < 0.5 else None
        bdef = code(r, False) if r.random() < 0.5 else None
        if wdef: layer['weight-code'] = wdef[0]
        if bdef: layer['bias-code'] = bdef[0]
        for _ in range(w):
            inputs = [0] if li == 0 else sorted(r.sample(range(widths[li - 1]), r.randint(1, widths[li - 1])))
            own = [code(r, li == 0) for _ in inputs] if wdef is None or r.random() < 0.3 else None
            weights = [k[1] for k in own] if own else [code_value(r, wdef) for _ in inputs]
            total += sum(k[2] for k in own) if own else wdef[2] * len(inputs)
            bown = code(r, False) if bdef is None or r.random() < 0.3 else None
            bias = bown[1] if bown else code_value(r, bdef)
            total += (bown or bdef)[2]
            unit = {'activation': 'linear' if li == len(widths) - 1 else 'heaviside', 'inputs': [str(i) for i in inputs],
                    'weights': [fs(x) for x in weights], 'bias': fs(bias)}
            if own: unit['weight-codes'] = [k[0] for k in own]
            if bown: unit['bias-code'] = bown[0]
            layer['units'].append(unit)
        layers.append(layer)
    c.objects[tag] = {'kind': 'heaviside-network', 'layers': layers}
    counts = {'units': sum(widths), 'hidden-units': sum(widths[:-1]), 'parameters': sum(len(u['weights']) + 1 for l in layers for u in l['units']),
              'first-layer-units': widths[0], 'layers': len(widths)}
    stated = r.sample(sorted(counts), r.randint(0, 5))
    off = r.choice((0, 0, 0, 1, -1))
    st = {'bits': str(total + off), **{k: str(counts[k]) for k in stated}}
    c.claim(tag, 'network-bits', {'network': tag}, st, not off,
            [('bits', meaning('code-bits', [tag]), F(total), F(total))] + [(k, meaning(k, [tag]), F(counts[k]), F(counts[k])) for k in stated])


def code_value(r, k):
    """A value the code k (from `code`) admits: its own, or for `sign` either sign."""
    return F(r.choice((1, -1))) if k[0] == 'sign' else k[1]


def width_function_claims(c, tag, pool):
    """network-width-lower on listed grid functions, some of them in a function list (joint or
    separate; exact, at eps, or at every eps below b, with eps at half a jump, one step beside
    it, or far). The subject of the fact is the names as listed."""
    r = c.r
    functions = r.sample(pool, r.randint(1, min(3, len(pool))))
    names = list(functions)
    if r.random() < 0.3:
        c.objects[f'{tag}-list'] = {'kind': 'function-list', 'items': functions[1:]}
        names = functions[:1] + [f'{tag}-list']
    js = [j for f in functions for j in jumps(c.funs[f]).values()] or [F(1)]
    mode = r.choice(('joint', 'separate'))
    x = r.choice(js) / 2 + r.choice((-1, 0, 0, 1)) * r.choice(STEPS)
    eps, below = r.choice(((None, None), (x, None), (None, x))) if x > 0 else (None, None)
    n = width_bound([c.funs[f] for f in functions], mode, eps, below)
    stated = r.choice((n, n, n - 1, n + 1, -(2 ** 66)))
    inputs = {'mode': mode, 'functions': names}
    if eps is not None: inputs['eps'] = fs(eps)
    if below is not None: inputs['eps-below'] = fs(below)
    c.claim(tag, 'network-width-lower', inputs, {'first-layer-units-at-least': str(stated)}, stated <= n,
            [('first-layer-units', meaning('realising-first-layer-units', names, eps=eps, eps_below=below, coding=mode), F(stated), None)])


def piecewise_linear_distance(knots, vals, v):
    """||g - f||_inf for the continuous piecewise-linear g with these knots and values and the
    grid function v: the largest |g - f| at the two ends of the pieces of the common
    refinement, where g is linear and f constant (MATH.md sec. 3)."""
    n = len(v)
    points = sorted(set(knots) | {F(i, n) for i in range(n + 1)})
    def g(x):
        i = max(i for i in range(len(knots) - 1) if knots[i] <= x)
        return vals[i] + (vals[i + 1] - vals[i]) * (x - knots[i]) / (knots[i + 1] - knots[i])
    return max(abs(g(x) - v[int(a * n)]) for a, b in zip(points, points[1:]) for x in (a, b))


def sup_distance_claim(c, tag, pool):
    """sup-distance of two grid functions, or of a piecewise-linear function of
    `step_approx_claim` and a grid function (either order), stated at the distance d, one
    step from it, or 5 from it."""
    r = c.r
    f, g = r.sample(pool, 2)
    d = distance((c.funs[f],), (c.funs[g],))
    if c.pl and r.random() < 0.4:
        f = r.choice(sorted(c.pl))
        d = piecewise_linear_distance(*c.pl[f], c.funs[g])
        if r.random() < 0.5: f, g = g, f
    rel = r.choice(RELATIONS)
    b = d + r.choice((-1, 0, 0, 1)) * r.choice(STEPS) + (r.choice((0, 5, -5)) if rel != '=' else 0)
    lo, hi = {'=': (b, b), '<=': (F(0), b), '<': (F(0), b), '>=': (b, None), '>': (b, None)}[rel]
    c.claim(tag, 'sup-distance', {'f': f, 'g': g}, {'relation': rel, 'bound': fs(b)}, follows(d, d, rel, b),
            [('distance', meaning('sup-distance', [f, g]), lo, hi)])
    c.truths[(tag, 'distance')] = d, d


def step_approx_claim(c, tag):
    """step-approx-lower on a random continuous piecewise-linear g (greedyfuzz's strict greedy
    count n): P = n - 2 and c <= t/2 pass; P = n - 1 or c = t/2 + a step fail."""
    r = c.r
    inner = sorted(r.sample([F(i, 24) for i in range(1, 24)], r.randint(1, 6)))
    knots = [F(0)] + inner + [F(1)]
    vals = [F(r.randint(-8, 8), r.choice((1, 2, 3))) for _ in knots]
    t = F(r.randint(1, 6), r.choice((1, 2, 3)))
    n = strict_greedy_intervals(knots, vals, t)
    if n < 2: return
    c.objects[tag] = {'kind': 'piecewise-linear', 'knots': [fs(x) for x in knots], 'values': [fs(x) for x in vals]}
    c.pl[tag] = knots, vals
    P = n - 2 + (r.random() < 0.15)
    step = r.choice(STEPS)
    dist = t / 2 + r.choice((0, 0, 0, -step, -step, -(2 ** 70), step))
    c.claim(tag, 'step-approx-lower', {'function': tag, 'max-breakpoints': str(P), 'threshold': fs(t)}, {'distance-at-least': fs(dist)},
            P == n - 2 and dist <= t / 2,
            [('distance', meaning('step-approximation-error', [tag], max_breakpoints=str(P)), dist, None),
             ('greedy-intervals', meaning('greedy-intervals', [tag], threshold=t), F(n), F(n))])


def relu_claims(c, tag):
    """weight-decay (WD exactly; the path norm exactly WD for a balanced network, else
    [max(0, sum l_k), min(WD, sum u_k)] from brackets checked by squaring) and
    width-from-rank (rank(Y) exactly, width >= rank(Y) - 1) on a small network and data."""
    r = c.r
    K, d, N = r.randint(1, 3), r.randint(1, 2), r.randint(1, 4)
    small = lambda: F(r.randint(-4, 4), r.choice((1, 2, 3)))
    W = [[small() for _ in range(d)] for _ in range(K)]
    balanced = r.random() < 0.4
    D = d if balanced else r.randint(1, 2)
    perms = [r.sample(range(d), d) for _ in range(K)]
    V = [[W[k][perms[k][o]] * r.choice((1, -1)) if balanced else small() for k in range(K)] for o in range(D)]
    X, Y = [[small() for _ in range(N)] for _ in range(d)], [[small() for _ in range(N)] for _ in range(D)]
    Y[0][0] = Y[0][0] or F(1)
    for name, M in (('W', W), ('b', [[small()] for _ in range(K)]), ('V', V), ('c', [[small()] for _ in range(D)]), ('X', X), ('Y', Y)):
        c.objects[f'{tag}-{name}'] = mat_json(M, r)
    c.objects[f'{tag}-net'] = {'kind': 'relu-network', 'input-weights': f'{tag}-W', 'biases': f'{tag}-b', 'output-weights': f'{tag}-V', 'output-bias': f'{tag}-c'}
    c.objects[f'{tag}-data'] = {'kind': 'relu-data', 'inputs': f'{tag}-X', 'targets': f'{tag}-Y'}
    v2 = [sum(V[o][k] ** 2 for o in range(D)) for k in range(K)]
    w2 = [sum(x * x for x in W[k]) for k in range(K)]
    WD = (sum(v2) + sum(w2)) / 2
    inputs, st, ok = {'network': f'{tag}-net'}, {'weight-decay': fs(WD)}, True
    if v2 == w2:
        st['balanced'] = 'yes'; path = (WD, WD)
    else:
        if r.random() < 0.7: st['balanced'] = 'no'
        z = [a * b for a, b in zip(v2, w2)]
        up = [sqrt_above(x) * r.choice((1, 1, 3)) for x in z]
        low = [r.choice((sqrt_below(x), sqrt_below(x), F(-1))) for x in z]
        if r.random() < 0.15 and z[0]:
            up[0] = sqrt_below(z[0]) - STEPS[0]; ok = False
        # each list of brackets given or not, its sum stated or not
        path = [F(0), WD]
        for which, bounds, k in (('upper', up, 1), ('lower', low, 0)):
            if not ok and which == 'upper' or r.random() < 0.7:
                inputs[f'path-norm-{which}'] = [fs(x) for x in bounds]
                path[k] = max(F(0), sum(bounds)) if which == 'lower' else min(WD, sum(bounds))
                if r.random() < 0.7: st[f'path-norm-{which}-bound'] = fs(sum(bounds))
    c.claim(f'{tag}-wd', 'weight-decay', inputs, st, ok,
            [('weight-decay', meaning('weight-decay', [f'{tag}-net']), WD, WD), ('path-norm', meaning('path-norm', [f'{tag}-net']), *path)])
    # R = sum_k ||v_k|| ||w_k|| to within K 2^-100
    roots = [F(math.isqrt(q.numerator * 4 ** 100 // q.denominator), 2 ** 100) for q in (a * b for a, b in zip(v2, w2))]
    c.truths[(f'{tag}-wd', 'path-norm')] = sum(roots), sum(roots) + F(K, 2 ** 100)
    rk = rank(Y)
    off = r.choice((0, 0, 0, 1))
    c.claim(f'{tag}-rank', 'width-from-rank', {'data': f'{tag}-data'}, {'rank': str(rk + off), 'width-lower': str(rk - 1 + off)}, not off,
            [('rank', meaning('rank', [f'{tag}-data']), F(rk), F(rk)), ('width-lower', meaning('interpolating-width', [f'{tag}-data']), F(rk - 1), None)])


# ---- bits and eps-transfer over the facts ---------------------------------------------

def term_json(fact, k, with_meaning):
    t = {'claim': fact.claim, 'quantity': fact.quantity, 'coefficient': fs(k)}
    if with_meaning: t['meaning'] = fact.meaning
    return t


def random_terms(c):
    """1 to 4 (coefficient, fact) pairs; a fact may repeat."""
    r = c.r
    terms = []
    for _ in range(r.randint(1, 4)):
        fact = terms[-1][1] if terms and r.random() < 0.2 else r.choice(c.facts)
        terms.append((r.choice(COEFFICIENTS) if r.random() < 0.7 else F(r.randint(-9, 9), r.randint(1, 7)), fact))
    return terms


def bits_claims(c, tag, count):
    """`bits` claims on random expressions, each at the edges of its interval."""
    r = c.r
    for i in range(count):
        terms = random_terms(c)
        constant = r.choice((None, F(0), F(-1), F(r.randint(-2 ** 70, 2 ** 70), 3), STEPS[2]))
        lo, hi = interval_sum(constant or F(0), terms)
        inputs = {'terms': [term_json(f, k, r.random() < 0.5) for k, f in terms]}
        if constant is not None: inputs['constant'] = fs(constant)
        for j, (rel, b, ok) in enumerate(edge_statements(r, lo, hi)):
            cid = f'{tag}{i}-{j}'
            c.values[cid] = constant or F(0), terms
            c.claim(cid, 'bits', inputs, {'relation': rel, 'bound': fs(b)}, ok,
                    [('value', meaning('value', [cid]), *established(rel, b))], [f.claim for _, f in terms])


def transfer_claims(c, tag, count):
    """`eps-transfer` of covering numbers and description lengths to eps0, eps0 one step
    off, 3/2 eps0, eps0/3 or 7: the lower end moves to smaller eps, the upper to larger."""
    r = c.r
    sources = [f for f in c.facts if f.meaning['measure'] in TRANSFERABLE]
    for i in range(count):
        f = r.choice(sources)
        eps0 = F(f.meaning['eps'])
        step = r.choice(STEPS)
        eps1 = r.choice((eps0, eps0, eps0 + step, eps0 - step if eps0 > step else eps0 / 2, eps0 * 3 / 2, eps0 / 3, F(7)))
        lo, hi = f.lo if eps1 <= eps0 else None, f.hi if eps1 >= eps0 else None
        # nothing kept: statements that hold at eps0 must still fail
        cases = edge_statements(r, lo, hi) if (lo, hi) != (None, None) else \
            [(rel, b, False) for rel, b, ok in edge_statements(r, f.lo, f.hi) if ok]
        for j, (rel, b, ok) in enumerate(cases):
            cid = f'{tag}{i}-{j}'
            c.claim(cid, 'eps-transfer', {'claim': f.claim, 'quantity': f.quantity, 'eps': fs(eps1)}, {'relation': rel, 'bound': fs(b)}, ok,
                    [(f.quantity, dict(f.meaning, eps=fs(eps1)), *established(rel, b, F(0)))], [f.claim])


def mutated(c, m):
    """The meaning m changed in one member (measure, subject: another name, one more, or
    reversed; eps or eps-below: one step off, renamed or dropped; coding, max-breakpoints,
    threshold, one member more), or the meaning of another fact."""
    r, m = c.r, dict(m)
    ways = ['measure', 'subject', 'extra', 'other', 'eps' if 'eps' in m else 'eps-below' if 'eps-below' in m else 'add-eps',
            'coding' if 'coding' in m else 'add-coding'] + [k for k in ('max-breakpoints', 'threshold') if k in m]
    way = r.choice(ways)
    if way == 'measure': m['measure'] = r.choice([x for x in MEASURES if x != m['measure']])
    elif way == 'other': m = r.choice([f.meaning for f in c.facts if f.meaning != m])
    elif way == 'subject':
        other = r.choice([x for x in c.objects if x not in m['subject']])
        m['subject'] = r.choice((m['subject'] + [other], [other] + m['subject'][1:], m['subject'][::-1] + [other] * (len(m['subject']) == 1)))
    elif way in ('eps', 'eps-below'):
        x = F(m.pop(way))
        how = r.choice(('shift', 'rename', 'drop'))
        if how == 'shift': m[way] = fs(x + r.choice(STEPS) * r.choice((1, -1)) if x > STEPS[0] else 2 * x)
        if how == 'rename': m['eps-below' if way == 'eps' else 'eps'] = fs(x)
    elif way == 'add-eps': m[r.choice(('eps', 'eps-below'))] = '1/2'
    elif way == 'coding':
        if r.random() < 0.3: del m['coding']
        else: m['coding'] = 'joint' if m['coding'] == 'separate' else 'separate'
    elif way == 'add-coding': m['coding'] = r.choice(('joint', 'separate'))
    elif way == 'max-breakpoints': m[way] = str(int(m[way]) + r.choice((1, -1)) if int(m[way]) else 1)
    elif way == 'threshold': m[way] = fs(F(m[way]) + r.choice(STEPS))
    else:
        key = r.choice([k for k in ('lambda', 'task', 'threshold', 'max-breakpoints') if k not in m] or ['lambda'])
        m[key] = {'lambda': '1', 'task': '0', 'threshold': '1/2', 'max-breakpoints': '0'}[key]
    return m


def attack_claims(c, tag, count):
    """Claims that must fail whatever their arithmetic: a wrong meaning (the reason must name
    it), a term's claim missing from `uses`, a quantity its claim did not establish, a
    source that failed, a term of the claim itself or of a later claim (listed in `uses`),
    a transfer of another measure."""
    r = c.r
    for i in range(count):
        holding = []
        while not holding:
            terms = random_terms(c)
            holding = [(rel, b) for rel, b, ok in edge_statements(r, *interval_sum(F(0), terms)) if ok]
        rel, b = holding[0]
        st = {'relation': rel, 'bound': fs(b)}
        body = [term_json(f, k, True) for k, f in terms]
        uses = [f.claim for _, f in terms]
        w = r.randrange(len(body))
        bad = dict(body[w], meaning=mutated(c, terms[w][1].meaning))
        c.claim(f'{tag}{i}-meaning', 'bits', {'terms': body[:w] + [bad] + body[w + 1:]}, st, False, uses=uses)
        c.meaning_checks.add(f'{tag}{i}-meaning')
        c.claim(f'{tag}{i}-unlisted', 'bits', {'terms': body}, st, False, uses=[u for u in uses if u != terms[w][1].claim])
        fact = terms[w][1]
        q = r.choice([x for x in QUANTITIES if x not in c.named[fact.claim]])
        c.claim(f'{tag}{i}-unestablished', 'bits', {'terms': body + [{'claim': fact.claim, 'quantity': q, 'coefficient': '0'}]}, st, False, uses=uses)
        if c.failed:
            cid, q = r.choice(c.failed)
            c.claim(f'{tag}{i}-failed', 'bits', {'terms': body + [{'claim': cid, 'quantity': q, 'coefficient': '0'}]}, st, False, uses=uses + [cid])
            c.claim(f'{tag}{i}-failed-source', 'eps-transfer', {'claim': cid, 'quantity': q, 'eps': '1/2'}, {'relation': '<=', 'bound': fs(FAR)}, False, uses=[cid])
        for cid, later in ((f'{tag}{i}-self', f'{tag}{i}-self'), (f'{tag}{i}-early', f'{tag}{i}-later')):
            c.claim(cid, 'bits', {'terms': [{'claim': later, 'quantity': 'value', 'coefficient': '1'}]}, st, False, uses=[later])
        c.values[f'{tag}{i}-later'] = F(0), terms
        c.claim(f'{tag}{i}-later', 'bits', {'terms': body}, st, True, [('value', meaning('value', [f'{tag}{i}-later']), *established(rel, b))], uses)
        other = r.choice([f for f in c.facts if f.meaning['measure'] not in TRANSFERABLE])
        eps = F(other.meaning.get('eps') or other.meaning.get('eps-below') or '1/2')
        rel, b, _ = next(((rel, b, ok) for rel, b, ok in edge_statements(r, other.lo, other.hi) if ok), ('<=', FAR, False))
        c.claim(f'{tag}{i}-measure', 'eps-transfer', {'claim': other.claim, 'quantity': other.quantity, 'eps': fs(eps)},
                {'relation': rel, 'bound': fs(b)}, False, uses=[other.claim])


# ---- the truth of the facts ------------------------------------------------------------

def class_truth(c, m):
    """The true value of a class measure (MATH.md sec. 7) from the class's elements: sizes,
    covering numbers (Lemma K), their ceil(log2), summed over coordinates for separate
    coding; None when the class is not enumerated or the covering number too costly."""
    elems, eps = c.classes.get(m['subject'][0]), F(m.get('eps', 0))
    if elems is None: return None
    parts = [elems] if m.get('coding') == 'joint' else [[(e[d],) for e in elems] for d in range(len(elems[0]))]
    if m['measure'] in ('size', 'size-bits', 'log2-size'):
        sizes = [len(set(p)) for p in parts]
        if m['measure'] == 'size': return sizes[0]
        if m['measure'] == 'log2-size' and any(2 ** ceil_log2(x) != x for x in sizes): return None
        return sum(ceil_log2(x) for x in sizes)
    key = m['subject'][0], m.get('coding')
    if key not in c.pairs: c.pairs[key] = [pairwise(p) for p in parts]
    if key + (eps,) not in c.covers: c.covers[key + (eps,)] = [least_cover(n, dists, eps) for n, dists in c.pairs[key]]
    Ns = c.covers[key + (eps,)]
    if None in Ns: return None
    return Ns[0] if m['measure'] == 'covering-number' else sum(ceil_log2(x) for x in Ns)


def truth(c, fact):
    """An interval that contains the true value of a fact, or None when it is unknown here:
    class measures recomputed, a `bits` value from the truths of its terms, source facts
    from this script's computation."""
    m = fact.meaning
    if m['measure'] == 'value':
        constant, terms = c.values[m['subject'][0]]
        known = [(k, truth(c, f)) for k, f in terms]
        if any(t is None for _, t in known): return None
        return interval_sum(constant, [(k, Fact(None, None, None, *t)) for k, t in known])
    if m['measure'] in ('covering-number', 'description-bits', 'size', 'size-bits', 'log2-size'):
        t = class_truth(c, m)
        return None if t is None else (F(t), F(t))
    return c.truths.get((fact.claim, fact.quantity))


def false_facts(c):
    """The facts of claims expected to pass whose interval misses the true value."""
    found = []
    for f in c.facts:
        t = truth(c, f)
        if t is not None and ((f.lo is not None and t[1] < f.lo) or (f.hi is not None and t[0] > f.hi)):
            found.append((f.claim, f'{f.quantity} in [{f.lo}, {f.hi}]', f'true value in [{t[0]}, {t[1]}]'))
    return found


# ---- one certificate per seed ---------------------------------------------------------

def certificate(seed):
    r = random.Random(seed)
    c = Cert(r)
    c.objects['zero'] = {'kind': 'step-function', 'breakpoints': ['0', '1'], 'values': ['0']}
    n = r.choice((2, 3, 4, 6, 8))
    pool = grid_functions(c, 'f', n, 6, False)
    signs = grid_functions(c, 's', n, 5, True)
    for k in range(2):
        finite_class_claims(c, f'B{k}', pool + signs, r.randint(1, 2), False)
        finite_class_claims(c, f'S{k}', signs, r.randint(1, 2), True)
        readout_class_claims(c, f'K{k}')
        haar_claims(c, f'H{k}')
        network_bits_claims(c, f'net{k}')
        width_function_claims(c, f'width{k}', pool + signs)
        sup_distance_claim(c, f'dist{k}', pool + signs)
        step_approx_claim(c, f'g{k}')
        relu_claims(c, f'relu{k}')
    bits_claims(c, 'sum', 25)
    transfer_claims(c, 'move', 15)
    bits_claims(c, 'chain', 15)
    transfer_claims(c, 'again', 8)
    attack_claims(c, 'attack', 8)
    return c


def main(binary, seed):
    c = certificate(seed)
    path = write({'format': 'dyadcert/1', 'objects': c.objects, 'claims': c.claims}, f'bits-{seed}.json')
    got, out = verdicts(binary, path)
    lines = {l.split()[1].split('#', 1)[1]: l for l in out.stdout.splitlines() if l.startswith(('PASS ', 'FAIL ')) and '#' in l}
    unnamed = [(cid, 'FAIL naming the meaning', lines.get(cid, '')[:200]) for cid in sorted(c.meaning_checks) if 'meaning' not in lines.get(cid, '')]
    beyond = [(cid, 'a class width bound at most the least breakpoint count', 'the bound of FORMAT.md sec. 5.12 is larger') for cid in c.unsound]
    report(seed, out, mismatches(c.expect, got) + unnamed + beyond + false_facts(c))
    return len(c.claims)


if __name__ == '__main__':
    first, seeds = int(sys.argv[2]), int(sys.argv[3])
    claims = sum(main(sys.argv[1], s) for s in range(first, first + seeds))
    finish(f'{claims} claims in {seeds} certificates')
