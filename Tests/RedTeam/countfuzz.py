#!/usr/bin/env python3
"""Differential fuzzer for the counting and network rules `packing`, `cover`, `enumerate`,
`network-width-lower` and `network-bits` (FORMAT.md 5.4, 5.5, 5.10, 5.12, 5.13).

Every seed writes one certificate of several hundred claims on random objects: step, cell,
sign (levels 0 to 9, so up to eight 64-bit words), Walsh, Rademacher, Haar, feature and
task-output functions (values from 0 and +-1 to 2^70, thirds and sevenths, 2^-60 and
2^-90 steps, breakpoints on 2^-60 slivers and at 1/3); finite classes of tuples of them
(arity 0 to 3, with repeated elements, the same function in another encoding, a near
copy, and a sign function of the next level with the same bit words); readout classes
(J <= 3 enumerated, J <= 7 for packings, J <= 20 for widths) and Haar classes (J <= 3
enumerated, J <= 6 for packings, any amplitudes); Heaviside networks with layer and unit
codes, and the kernel's two recipe networks. The truth is computed here with
fractions.Fraction from the definitions of MATH.md, never read off the kernel:

- sup distances on the common refinement; a packing from the pairwise distances, a cover
  from the largest distance to the nearest centre, sizes by deduplication and covering
  numbers by brute force (the least partition into parts of pairwise distance <= 2 eps,
  Lemma K, by backtracking);
- the fewest first-layer units of networks realising functions (or within eps of them,
  or within every eps < b), by cutting them into the fewest pieces that fit (Lemma N1),
  for a readout class the least over all its elements, and the breakpoint count of
  FORMAT.md 5.12 (jumps > 2 eps, >= 2b; 2^top(m_d) per readout) that the rule accepts up to;
- code lengths and admissible values from the table of FORMAT.md sec. 6; unit and
  parameter counts of the recipes from the layer lists of FORMAT.md 4.5.

Each figure is stated exactly (PASS where true) and off by one unit (and 2^64), eps at
each tie (distance = 2 eps, jump = 2 eps or 2b, nearest centre at eps) and 2^-60 or 2^-90
to either side, with one element or centre fewer, a code one bit too small, a parameter
without a code; the facts of passing claims are read back by `bits` claims (exactly, one
unit beyond, with the relation flipped, negated, and without listing the claim in `uses`),
and of some failing claims too.

    countfuzz.py BINARY FIRST-SEED ROUNDS
"""
import bisect, functools, itertools, math, os, random, sys
from fractions import Fraction as F
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from verdicts import claim_adder, finish, mismatches, report, verdicts, write

TINY = (F(1, 2 ** 60), F(1, 2 ** 90))


def fs(q):
    q = F(q); return str(q.numerator) if q.denominator == 1 else f"{q.numerator}/{q.denominator}"


def ceil_log2(n):
    """ceil(log2 n) for an integer n >= 1."""
    return (n - 1).bit_length()


# ---- step functions on [0, 1): (breakpoints 0 = t_0 < ... < t_n = 1, values), canonical

def canonical(bps, vals):
    """The canonical form: neighbouring pieces with equal values merged."""
    b, v = [bps[0]], [vals[0]]
    for t, x in zip(bps[1:-1], vals[1:]):
        if x != v[-1]: b.append(t); v.append(x)
    return (tuple(b + [bps[-1]]), tuple(v))


def on_cells(level, vals):
    return canonical([F(c, 2 ** level) for c in range(2 ** level + 1)], vals)


def value_at(f, x):
    bps, vals = f
    return vals[bisect.bisect_right(bps, x) - 1]


@functools.lru_cache(maxsize=4096)
def grid(fs_):
    """The common refinement of a tuple of functions: its points and, per piece, each value."""
    pts = sorted({t for f in fs_ for t in f[0]})
    return pts, [[value_at(f, a) for f in fs_] for a in pts[:-1]]


def distance(f, g):
    """||f - g||_inf, the largest |f - g| over the pieces of the common refinement (walked
    piece by piece: the next piece starts where the first of the two current ones ends)."""
    (a, u), (b, v) = f, g
    i = j = 0; best = abs(u[0] - v[0])
    while i < len(u) - 1 or j < len(v) - 1:
        ea, eb = a[i + 1], b[j + 1]
        if ea <= eb: i += 1
        if eb <= ea: j += 1
        best = max(best, abs(u[i] - v[j]))
    return best


def tuple_distance(Fs, Gs):
    """max over coordinates (MATH.md sec. 2); 0 for the empty tuple."""
    return max((distance(f, g) for f, g in zip(Fs, Gs)), default=F(0))


def integer_vectors(tuples):
    """Tuples of functions as their values on the common refinement of all their
    coordinates, numerators over one common denominator: the distance of two tuples is
    then the largest difference of entries (over that denominator)."""
    rows = [grid(tuple(e[d] for e in tuples))[1] for d in range(len(tuples[0]))]
    values = [[piece[i] for coordinate in rows for piece in coordinate] for i in range(len(tuples))]
    den = math.lcm(*(v.denominator for vs in values for v in vs), 1)
    return [[v.numerator * (den // v.denominator) for v in vs] for vs in values], den


def entry_distance(x, y):
    return max((abs(a - b) for a, b in zip(x, y)), default=0)


def least_distance(elements):
    """The least pairwise distance of two or more tuples."""
    ints, den = integer_vectors(elements)
    return F(min(entry_distance(x, y) for x, y in itertools.combinations(ints, 2)), den)


def cover_radius(elements, centres):
    """The largest distance from an element to its nearest centre."""
    ints, den = integer_vectors(list(elements) + list(centres))
    es, cs = ints[:len(elements)], ints[len(elements):]
    return F(max(min(entry_distance(e, t) for t in cs) for e in es), den)


def midrange(fs_):
    """The pointwise midrange of functions, the centre of Lemma K."""
    pts, vals = grid(tuple(fs_))
    return canonical(pts, [(max(v) + min(v)) / 2 for v in vals])


# ---- the functions of FORMAT.md sec. 4.1-4.2 from their definitions (MATH.md secs. 4-6)

def digit(n, y):
    """b_n(y), binary digit n + 1 of y after the point."""
    return int(y * 2 ** (n + 1)) % 2


def walsh_at(m, y):
    """w_m(y) = prod over n in bits(m) of r_n(y), r_n = (-1)^(b_n)."""
    s = 1
    for n in range(m.bit_length()):
        if m >> n & 1: s *= (-1) ** digit(n, y)
    return s


def walsh(m, level):
    return on_cells(level, [F(walsh_at(m, F(2 * c + 1, 2 ** (level + 1)))) for c in range(2 ** level)])


def haar(j, k):
    """psi(j, k): +1 on the left half of I(j, k), -1 on its right half, 0 elsewhere."""
    pts = [F(0), F(k, 2 ** j), F(2 * k + 1, 2 ** (j + 1)), F(k + 1, 2 ** j), F(1)]
    pieces = [(a, v) for a, b, v in zip(pts, pts[1:], [F(0), F(1), F(-1), F(0)]) if a < b]
    return canonical([a for a, _ in pieces] + [F(1)], [v for _, v in pieces])


def sign(bits, j, k):
    """sigma(j, k) of a sign tree given by its 2^J - 1 bits (1 = -1)."""
    return -1 if bits[2 ** j - 1 + k] else 1


def feature_cells(J, bits, amps):
    """h_sigma on the level-J cells: sum_j a_j sigma(j, anc_j) (-1)^(b_j)."""
    return [sum(a * sign(bits, j, c >> (J - j)) * (-1) ** (c >> (J - 1 - j) & 1) for j, a in enumerate(amps)) for c in range(2 ** J)]


def balanced(J):
    return [F(1, 2 ** (j + 1)) for j in range(J)]


def task_output(J, bits, m):
    """f_{m,sigma} = w_m o u_sigma, u_sigma = (h_sigma + 1)/2, balanced amplitudes."""
    return on_cells(J, [F(walsh_at(m, (h + 1) / 2)) for h in feature_cells(J, bits, balanced(J))])


def tree_bits(J, number):
    return [number >> i & 1 for i in range(2 ** J - 1)]


def hex_bits(bits):
    """A bit string as lowercase hex, four bits a digit, zero padding (FORMAT.md 2.4)."""
    bits = list(bits) + [0] * (-len(bits) % 4)
    return ''.join('%x' % (8 * a + 4 * b + 2 * c + d) for a, b, c, d in zip(*[iter(bits)] * 4))


# ---- covering numbers and widths by brute force

def covering_number(dist, eps):
    """N(eps, K) for distinct elements with these pairwise distances: the least partition
    into parts of pairwise distance <= 2 eps (Lemma K), by backtracking over parts."""
    n = len(dist)
    best = [n]
    def place(i, parts):
        if len(parts) >= best[0]: return
        if i == n: best[0] = len(parts); return
        for p in parts:
            if all(dist[i][j] <= 2 * eps for j in p):
                p.append(i); place(i + 1, parts); p.pop()
        parts.append([i]); place(i + 1, parts); parts.pop()
    place(0, [])
    return best[0]


def fewest_thresholds(fs_, fits):
    """The fewest first-layer units of one network whose outputs s_d satisfy fits(range of
    f_d on each piece of s_d) for every f_d. By Lemma N1 the outputs break only at the
    thresholds, and f_d has a constant within eps on a piece iff its range there is
    <= 2 eps (the midrange). A break inside a piece where every f_d is constant can slide
    to the piece's left end, so the thresholds are breakpoints of the f_d, and cutting
    greedily (each part as long as it fits) is exact: fitting is inherited by sub-intervals,
    so the k-th greedy cut is never left of the k-th cut of any feasible set."""
    vals = grid(tuple(fs_))[1] if fs_ else [[]]
    cuts, lo, hi = 0, vals[0], vals[0]
    for v in vals[1:]:
        nlo, nhi = [min(a, b) for a, b in zip(lo, v)], [max(a, b) for a, b in zip(hi, v)]
        if all(fits(h - l) for l, h in zip(nlo, nhi)): lo, hi = nlo, nhi
        else: cuts, lo, hi = cuts + 1, v, v
    return cuts


def accuracy_test(eps, below):
    """fits(range): realising exactly, within eps, or within every eps < b of a piece."""
    if eps is not None: return lambda w: w <= 2 * eps
    if below is not None: return lambda w: w < 2 * below
    return lambda w: w == 0


def true_width(fs_, mode, eps, below):
    fits = accuracy_test(eps, below)
    if mode == 'joint': return fewest_thresholds(fs_, fits)
    return sum(fewest_thresholds([f], fits) for f in fs_)


def counted_breakpoints(fs_, mode, eps, below):
    """The bound of FORMAT.md 5.12 for functions: breakpoints whose jump counts."""
    def counts(j):
        if below is not None: return j >= 2 * below
        return j > 2 * (eps or 0)
    per = [{t for t, a, b in zip(f[0][1:-1], f[1], f[1][1:]) if counts(abs(b - a))} for f in fs_]
    return sum(map(len, per)) if mode == 'separate' else len(set().union(*per))


def top(m): return m.bit_length() - 1


def readout_class_bound(readouts, mode, eps, below):
    """The bound of FORMAT.md 5.12 for a readout class: jumps of 2 at 2^top(m_d) midpoints."""
    if (eps is not None and eps >= 1) or (below is not None and below > 1): return 0
    tops = [top(m) for m in readouts]
    return sum(2 ** t for t in (tops if mode == 'separate' else set(tops)))


# ---- parameter codes (FORMAT.md sec. 6)

def code_bits(code):
    if code == 'sign': return 1
    kind, rest = code.split('[')
    a, b = map(int, rest[:-1].split(','))
    return ceil_log2(b - a + 1) if kind == 'int' else 1 + a + ceil_log2(b + 1)


def admits(code, v):
    if code == 'sign': return v in (1, -1)
    kind, rest = code.split('[')
    a, b = map(int, rest[:-1].split(','))
    if kind == 'int': return v.denominator == 1 and a <= v <= b
    e = v.denominator.bit_length() - 1
    return v.denominator == 2 ** e and e <= b and abs(v.numerator) < 2 ** a


class Certificate:
    """The objects and claims of one certificate with each function's canonical form."""

    def __init__(self, r):
        self.r, self.objects, self.claims, self.expect, self.funcs = r, {}, [], {}, {}
        self.add = claim_adder(self.claims, self.expect)
        self.n = 0

    def name(self, stem):
        self.n += 1; return f'{stem}{self.n}'

    def define(self, stem, obj, f=None):
        nm = self.name(stem); self.objects[nm] = obj
        if f is not None: self.funcs[nm] = f
        return nm

    def claim(self, stem, rule, inputs, statement, exp, uses=None):
        cid = self.name(stem); self.add(cid, rule, inputs, statement, exp, uses); return cid

    def fact(self, cid, quantity, relation, value, exp, coefficient=1, listed=True):
        """A bits claim reading coefficient x the fact `quantity` of claim cid against value
        (FAIL whatever it states when cid is not `listed` in its uses, or failed)."""
        self.claim('fact', 'bits', {'terms': [{'claim': cid, 'quantity': quantity, 'coefficient': fs(coefficient)}]},
                   {'relation': relation, 'bound': fs(value)}, exp, uses=[cid] if listed else None)

    # -- functions
    def step(self, f, stem='f'):
        """f as a step-function object, sometimes with redundant breakpoints."""
        bps, vals = list(f[0]), list(f[1])
        if self.r.random() < 0.3:
            i = self.r.randrange(len(vals)); a, b = bps[i], bps[i + 1]
            bps.insert(i + 1, a + (b - a) / self.r.choice([2, 3, 2 ** 60])); vals.insert(i, vals[i])
        return self.define(stem, {'kind': 'step-function', 'breakpoints': [fs(t) for t in bps], 'values': [fs(v) for v in vals]}, f)

    def sign_tree(self, J, bits):
        return self.define('s', {'kind': 'sign-tree', 'levels': str(J), 'bits': hex_bits(bits)})

    def random_function(self):
        r = self.r; kind = r.choice(['step', 'step', 'step', 'cells', 'sign', 'walsh', 'rademacher', 'haar', 'feature', 'task'])
        if kind == 'step':
            cuts = sorted(set(r.sample(BREAKS, r.randint(0, 5))))
            return self.step(canonical([F(0)] + cuts + [F(1)], [r.choice(VALUES) for _ in range(len(cuts) + 1)]))
        if kind == 'cells':
            J = r.randint(0, 3); vals = [r.choice(VALUES) for _ in range(2 ** J)]
            return self.define('c', {'kind': 'cell-function', 'level': str(J), 'values': [fs(v) for v in vals]}, on_cells(J, vals))
        if kind == 'sign':  # levels 6 to 9 span two to eight 64-bit words, in runs
            J = r.choice([0, 1, 2, 3, 6, 7, 9]); bits = []
            while len(bits) < 2 ** J: bits += [r.randint(0, 1)] * r.choice([1, 1, 3, 64, 65])
            bits = bits[:2 ** J]
            return self.define('sg', {'kind': 'sign-function', 'level': str(J), 'bits': hex_bits(bits)},
                               on_cells(J, [F(1 - 2 * b) for b in bits]))
        if kind == 'walsh':
            m = r.choice([r.randint(0, 15), r.randint(64, 511)])
            return self.define('w', {'kind': 'walsh-function', 'index': str(m)}, walsh(m, max(m.bit_length(), 1)))
        if kind == 'rademacher':
            n = r.choice([0, 1, 2, 6, 8])
            return self.define('rd', {'kind': 'rademacher-function', 'index': str(n)}, walsh(2 ** n, n + 1))
        if kind == 'haar':
            j = r.randint(0, 2); k = r.randrange(2 ** j)
            return self.define('psi', {'kind': 'haar-function', 'level': str(j), 'index': str(k)}, haar(j, k))
        J = r.choice([1, 2, 3, 5, 7]); bits = [r.randint(0, 1) for _ in range(2 ** J - 1)]; s = self.sign_tree(J, bits)
        if kind == 'feature':
            amps = balanced(J) if r.random() < 0.5 else [r.choice(AMPLITUDES) for _ in range(J)]
            a = 'balanced' if amps == balanced(J) and r.random() < 0.7 else [fs(x) for x in amps]
            return self.define('h', {'kind': 'feature', 'signs': s, 'amplitudes': a}, on_cells(J, feature_cells(J, bits, amps)))
        m = r.randint(1, 2 ** J - 1)
        return self.define('t', {'kind': 'task-output', 'signs': s, 'readout': str(m)}, task_output(J, bits, m))

    def near_copy(self, g):
        """g with one piece, or a sliver of it, moved by a small or non-dyadic amount."""
        r = self.r; bps, vals = list(self.funcs[g][0]), list(self.funcs[g][1])
        i = r.randrange(len(vals)); d = r.choice([F(1, 2 ** 60), -F(1, 2 ** 90), F(1, 3), F(-2), F(2 ** 64)])
        if r.random() < 0.4:
            a = bps[i] + (bps[i + 1] - bps[i]) / 3
            bps.insert(i + 1, a); bps.insert(i + 2, a + F(1, 2 ** 60) * (bps[i + 2] - bps[i])); vals[i + 1:i + 1] = [vals[i] + d, vals[i]]
        else:
            vals[i] += d
        return self.step(canonical(bps, vals), 'n')

    def equal_copy(self, g):
        """The same function in another encoding: a sign function of its own level or a finer
        one (up to 9) if it is +-1 valued, else a step function."""
        f = self.funcs[g]
        level = max(t.denominator.bit_length() - 1 for t in f[0])
        if set(f[1]) <= {1, -1} and all(t.denominator == 2 ** level for t in f[0][1:-1]) and level <= 9:
            return self.sign_function(self.r.randint(level, min(level + 2, 9)), f)
        return self.step(f, 'e')

    def sign_function(self, J, f):
        """f, +-1 valued and constant on the level-J cells, as a sign-function object."""
        bits = [int(value_at(f, F(c, 2 ** J)) < 0) for c in range(2 ** J)]
        return self.define('sg', {'kind': 'sign-function', 'level': str(J), 'bits': hex_bits(bits)}, f)

    def word_twin(self, g):
        """For a sign function of level J: the sign function of level J + 1 whose first 2^J
        bits are g's and the others 0: the same bit words, another function unless g = 1."""
        o = self.objects[g]
        if o['kind'] != 'sign-function' or int(o['level']) > 8: return self.equal_copy(g)
        J = int(o['level']); bits = [int(value_at(self.funcs[g], F(c, 2 ** J)) < 0) for c in range(2 ** J)] + [0] * 2 ** J
        return self.define('tw', {'kind': 'sign-function', 'level': str(J + 1), 'bits': hex_bits(bits)},
                           on_cells(J + 1, [F(1 - 2 * b) for b in bits]))


VALUES = [F(0), F(1), F(-1), F(1), F(-1), F(2), F(1, 2), F(-3, 4), F(1, 3), F(-2, 3), F(5, 7), F(2 ** 64 + 1), F(-(2 ** 70)),
          F(2 ** 64), 1 + F(1, 2 ** 60), -1 - F(1, 2 ** 90), F(1, 2 ** 60)]
BREAKS = [F(k, 8) for k in range(1, 8)] + [F(1, 3), F(2, 3), F(1, 5), F(1, 2) + F(1, 2 ** 60), F(1, 2) - F(1, 2 ** 90), 1 - F(1, 2 ** 60), F(1, 2 ** 90)]
AMPLITUDES = [F(1, 2), F(1, 4), F(1, 3), F(1), F(3), F(1, 2 ** 60), F(2 ** 70), F(5, 7)]


def eps_around(r, d):
    """eps at a tie d (a distance or a jump) and beside it: [(eps, position)], position 0 at
    the tie, -1 below it by 2^-60 or 2^-90, +1 above it; every eps > 0. The tie always,
    one step above and (where positive) one below."""
    out = [(d + r.choice(TINY), 1)]
    if d > 0:
        out.append((d, 0))
        below = [t for t in TINY if t < d]
        if below: out.append((d - r.choice(below), -1))
    return out


def main_eps(choices, position):
    """The eps at `position` if there is one, else the first."""
    return next((e for e, p in choices if p == position), choices[0][0])


def class_elements(kind, J=None, readouts=None, amps=None):
    """Every element of a readout or Haar class, indexed by the number of its sign tree."""
    return [tuple(task_output(J, tree_bits(J, n), m) for m in readouts) if kind == 'readout'
            else (on_cells(J, feature_cells(J, tree_bits(J, n), amps)),) for n in range(2 ** (2 ** J - 1))]


# ---- the claims

def packing_claims(c, cls, refs, elems):
    """Packings of the listed elements (refs as the certificate names them) at eps around
    half their least pairwise distance; counts one off; the first element left out."""
    r = c.r; M = len(refs)
    d = min((tuple_distance(a, b) for a, b in itertools.combinations(elems, 2)), default=None)
    choices = eps_around(r, d / 2) if d is not None else [(r.choice([F(1, 2 ** 90), F(1), F(2 ** 70)]), 1)]
    for eps, _ in choices:
        ok = d is None or d > 2 * eps
        cid = c.claim('pk', 'packing', {'class': cls, 'elements': refs, 'eps': fs(eps)}, {'count': str(M)}, 'PASS' if ok else 'FAIL')
        if ok and r.random() < 0.5:
            c.fact(cid, 'covering-number', '>=', M, 'PASS'); c.fact(cid, 'covering-number', '>=', M + 1, 'FAIL')
            c.fact(cid, 'covering-number', '<=', M, 'FAIL'); c.fact(cid, 'covering-number', '<=', -M, 'PASS', coefficient=-1)
            c.fact(cid, 'bits', '>=', ceil_log2(M), 'PASS'); c.fact(cid, 'bits', '>', ceil_log2(M), 'FAIL')
            c.fact(cid, 'bits', '>=', ceil_log2(M), 'FAIL', listed=False)
        elif not ok and r.random() < 0.3:
            c.fact(cid, 'covering-number', '>=', M, 'FAIL')
    eps = main_eps(choices, -1)
    c.claim('pk', 'packing', {'class': cls, 'elements': refs, 'eps': fs(eps)}, {'count': str(M + 1)}, 'FAIL')
    if M > 1:
        c.claim('pk', 'packing', {'class': cls, 'elements': refs, 'eps': fs(eps)}, {'count': str(M - 1)}, 'FAIL')
        c.claim('pk', 'packing', {'class': cls, 'elements': refs[1:], 'eps': fs(eps)}, {'count': str(M - 1)},
                'PASS' if M == 2 or min(tuple_distance(a, b) for a, b in itertools.combinations(elems[1:], 2)) > 2 * eps else 'FAIL')


def cover_claims(c, cls, elems, centres):
    """Covers by the given centres [(JSON, tuple)] at eps around the largest distance R from
    an element to its nearest centre; one centre fewer; counts one off."""
    r = c.r
    R = cover_radius(elems, [t for _, t in centres])
    refs = [j for j, _ in centres]; M = len(refs)
    choices = eps_around(r, R)
    for eps, _ in choices:
        ok = R <= eps
        cid = c.claim('cv', 'cover', {'class': cls, 'centres': refs, 'eps': fs(eps)}, {'count': str(M)}, 'PASS' if ok else 'FAIL')
        if ok and r.random() < 0.5:
            c.fact(cid, 'covering-number', '<=', M, 'PASS'); c.fact(cid, 'covering-number', '<=', M - 1, 'FAIL')
            c.fact(cid, 'covering-number', '>=', M, 'FAIL'); c.fact(cid, 'covering-number', '>=', -M, 'PASS', coefficient=-1)
            c.fact(cid, 'bits', '<=', ceil_log2(M), 'PASS'); c.fact(cid, 'bits', '<', ceil_log2(M), 'FAIL')
        elif not ok and r.random() < 0.3:
            c.fact(cid, 'covering-number', '<=', M, 'FAIL')
    eps = main_eps(choices, 0)
    c.claim('cv', 'cover', {'class': cls, 'centres': refs, 'eps': fs(eps)}, {'count': str(M + 1)}, 'FAIL')
    if M > 1:
        c.claim('cv', 'cover', {'class': cls, 'centres': refs, 'eps': fs(eps)}, {'count': str(M - 1)}, 'FAIL')
        k = r.randrange(len(refs)); fewer = centres[:k] + centres[k + 1:]
        c.claim('cv', 'cover', {'class': cls, 'centres': [j for j, _ in fewer], 'eps': fs(eps)}, {'count': str(len(fewer))},
                'PASS' if cover_radius(elems, [t for _, t in fewer]) <= eps else 'FAIL')


def enumerate_claims(c, cls, elems, arity):
    """Sizes and covering numbers, joint and separate, at eps around half of a pairwise
    distance (a random one, or the least), each stated exactly and with a value off by one
    or 2^64. A set of more than 10 distinct elements gets a covering number only when no
    two are within 2 eps (the kernel's exact search takes 3^n steps, FORMAT.md 5.10)."""
    r = c.r
    sets = {'joint': [list(set(elems))], 'separate': [list({(e[d],) for e in elems}) for d in range(arity)]}
    least = {k: [least_distance(s) if len(s) > 10 else None for s in v] for k, v in sets.items()}
    table = {k: [[[tuple_distance(a, b) for b in s] for a in s] if len(s) <= 10 else None for s in v] for k, v in sets.items()}
    pairs = list(itertools.combinations(sets['joint'][0], 2))
    dists = sorted({tuple_distance(a, b) for a, b in r.sample(pairs, min(30, len(pairs)))} | {m for m in least['joint'] if m})
    cases = [None] + [e for d in r.sample(dists, min(1, len(dists))) for e, _ in eps_around(r, d / 2)]
    heavy = False
    for eps in cases:
        for coding in ('joint', 'separate'):
            if coding == 'separate' and r.random() < 0.5: continue
            if eps is None: values = [len(s) for s in sets[coding]]
            elif all(m is None or m > 2 * eps for m in least[coding]):  # (no two elements in one ball: N = |K|)
                values = [covering_number(t, eps) if m is None else len(s) for s, m, t in zip(sets[coding], least[coding], table[coding])]
            else: continue
            slow = eps is not None and any(m is not None for m in least[coding])  # 0.4 s a claim in the debug kernel: once
            if slow and heavy: continue
            heavy = heavy or slow
            inputs = {'class': cls, 'quantity': 'size' if eps is None else 'covering-number', 'coding': coding}
            if eps is not None: inputs['eps'] = fs(eps)
            def state(vs): return {'value': str(vs[0])} if coding == 'joint' else {'values': [str(v) for v in vs]}
            cid = c.claim('en', 'enumerate', inputs, state(values), 'PASS')
            off = [(d, k) for d in range(len(values)) for k in (1, -1, 2 ** 64)]
            for d, k in r.sample(off, 1 if slow else min(2, len(off))):
                c.claim('en', 'enumerate', inputs, state(values[:d] + [values[d] + k] + values[d + 1:]), 'FAIL')
            if r.random() < 0.5:
                bits = sum(ceil_log2(v) for v in values)
                c.fact(cid, 'description-bits', '=', bits, 'PASS'); c.fact(cid, 'description-bits', '=', bits + 1, 'FAIL')
                c.fact(cid, 'description-bits', '<', bits, 'FAIL'); c.fact(cid, 'description-bits', '=', -bits, 'PASS', coefficient=-1)
                if eps is None: c.fact(cid, 'size-bits', '=', bits, 'PASS'); c.fact(cid, 'size-bits', '<=', bits - 1, 'FAIL')
                if coding == 'joint':
                    c.fact(cid, 'size' if eps is None else 'covering-number', '=', values[0], 'PASS')


def width_statements(c, inputs, counted, truth):
    """first-layer-units-at-least: the counted bound, one and 2^64 more, 0, -1, -2^64, and
    the true least width where it exceeds the bound. PASS exactly when n <= both (a claim
    above the truth is false; one between the bound and the truth is true but beyond the
    rule, which FAILs by FORMAT.md 5.12)."""
    for n in {counted, counted + 1, counted + 2 ** 64, 0, -1, -(2 ** 64), truth}:
        cid = c.claim('wd', 'network-width-lower', inputs, {'first-layer-units-at-least': str(n)}, 'PASS' if n <= min(counted, truth) else 'FAIL')
        if n == counted and n <= truth and c.r.random() < 0.4:
            c.fact(cid, 'first-layer-units', '>=', n, 'PASS'); c.fact(cid, 'first-layer-units', '>=', n + 1, 'FAIL')
            c.fact(cid, 'first-layer-units', '<=', n, 'FAIL'); c.fact(cid, 'first-layer-units', '>=', n, 'FAIL', listed=False)


def accuracies(r, jumps):
    """Exact, eps, and eps-below choices around half of some jump (ties included)."""
    out = [(None, None)]
    for j in r.sample(jumps, min(2, len(jumps))):
        out += [(e, None) for e, _ in eps_around(r, j / 2)] + [(None, e) for e, _ in eps_around(r, j / 2)]
    out.append((r.choice([F(1, 3), F(2 ** 65)]), None))
    return out


def width_claims(c, names):
    r = c.r; fs_ = [c.funcs[n] for n in names]
    jumps = sorted({abs(b - a) for f in fs_ for a, b in zip(f[1], f[1][1:])})
    ref = names
    if r.random() < 0.3:  # the first two (or one, or none) spliced from a list
        ref = [c.define('L', {'kind': 'function-list', 'items': names[:2]})] + names[2:]
    for eps, below in accuracies(r, jumps):
        for mode in ('separate', 'joint'):
            inputs = {'mode': mode, 'functions': ref}
            if eps is not None: inputs['eps'] = fs(eps)
            if below is not None: inputs['eps-below'] = fs(below)
            width_statements(c, inputs, counted_breakpoints(fs_, mode, eps, below), true_width(fs_, mode, eps, below))


def readout_width_claims(c, cls, J, readouts, elems):
    """Widths for a readout class: the bound of FORMAT.md 5.12 against the least width over
    every sign tree (brute force over the distinct elements, J <= 3): exactly, and at eps or
    eps-below 1 (the tie) and 2^-60 or 2^-90 beside it."""
    elems = set(elems); t = c.r.choice(TINY)
    for eps, below in [(None, None), (F(1), None), (1 - t, None), (1 + t, None), (None, F(1)), (None, 1 + t), (None, 1 - t)]:
        for mode in ('separate', 'joint'):
            inputs = {'mode': mode, 'class': cls}
            if eps is not None: inputs['eps'] = fs(eps)
            if below is not None: inputs['eps-below'] = fs(below)
            truth = min(true_width(list(e), mode, eps, below) for e in elems)
            width_statements(c, inputs, readout_class_bound(readouts, mode, eps, below), truth)


def large_readout_width_claims(c):
    """Readout classes too deep to enumerate (J up to 20, the level limit): the bound of
    Corollary N2 from its definition, stated exactly and one more."""
    r = c.r; J = r.randint(4, 20)
    readouts = sorted(set(r.randint(1, 2 ** J - 1) for _ in range(r.randint(1, 4))) | {2 ** J - 1})
    cls = c.define('K', {'kind': 'readout-class', 'levels': str(J), 'readouts': [str(m) for m in readouts]})
    for mode in ('separate', 'joint'):
        n = readout_class_bound(readouts, mode, None, None)
        c.claim('wd', 'network-width-lower', {'mode': mode, 'class': cls, 'eps-below': '1'}, {'first-layer-units-at-least': str(n)}, 'PASS')
        c.claim('wd', 'network-width-lower', {'mode': mode, 'class': cls, 'eps-below': '1'}, {'first-layer-units-at-least': str(n + 1)}, 'FAIL')


# ---- finite classes and sign-tree classes

def finite_class(c, pool):
    """A finite class of random arity (0 to 3), with repeated elements and near copies."""
    r = c.r; D = r.choice([0, 1, 1, 1, 2, 2, 3]); n = r.randint(1, 7)
    tuples = [tuple(r.choice(pool) for _ in range(D)) for _ in range(n)]
    if D and r.random() < 0.6:  # a near copy or an equal copy of an element
        t = list(r.choice(tuples)); d = r.randrange(D)
        t[d] = r.choice([c.near_copy, c.equal_copy, c.word_twin])(t[d]); tuples.append(tuple(t))
    if r.random() < 0.3: tuples.append(r.choice(tuples))
    refs = []
    for t in tuples:
        if D == 1 and r.random() < 0.5: refs.append(t[0])
        elif D >= 2 and r.random() < 0.2:
            refs.append([c.define('L', {'kind': 'function-list', 'items': list(t[:2])})] + list(t[2:]))
        else: refs.append(list(t))
    cls = c.define('B', {'kind': 'finite-class', 'elements': refs})
    return cls, [tuple(c.funcs[n] for n in t) for t in tuples], tuples, D


def centre_tuples(c, elems, named, D, extra):
    """Centres: some elements (by name when named), midranges of random clusters, and `extra`."""
    r = c.r; out = []
    for k in r.sample(range(len(elems)), r.randint(0, min(3, len(elems)))):
        out.append((list(named[k]) if named else [c.step(f, 'x') for f in elems[k]], elems[k]))
    for _ in range(r.randint(1, 3)):
        cluster = r.sample(elems, r.randint(1, min(4, len(elems))))
        t = tuple(midrange([e[d] for e in cluster]) for d in range(D))
        out.append(([c.step(f, 'mid') for f in t], t))
    out += extra
    r.shuffle(out)
    return out


def finite_class_claims(c, pool):
    cls, elems, named, D = finite_class(c, pool)
    picks = c.r.sample(range(len(elems)), c.r.randint(1, len(elems)))
    if c.r.random() < 0.2: picks.append(c.r.choice(picks))  # an index listed twice
    packing_claims(c, cls, [str(i) for i in picks], [elems[i] for i in picks])
    t = [c.r.choice(pool) for _ in range(D)]
    extra = [(t, tuple(c.funcs[n] for n in t))]
    cover_claims(c, cls, elems, centre_tuples(c, elems, named, D, extra))
    enumerate_claims(c, cls, elems, D)


def readout_class_claims(c):
    """A readout class K_M (J <= 3): packings by sign trees (named or inline; different trees
    may give one element), covers by elements, sign functions and scaled elements,
    enumeration, widths."""
    r = c.r; J = r.randint(1, 3)
    readouts = r.sample(range(1, 2 ** J), r.randint(1, min(3, 2 ** J - 1)))
    cls = c.define('K', {'kind': 'readout-class', 'levels': str(J), 'readouts': [str(m) for m in readouts]})
    elems = class_elements('readout', J, readouts)
    numbers = [r.randrange(len(elems)) for _ in range(r.randint(1, 5))]
    refs = [c.sign_tree(J, tree_bits(J, n)) if r.random() < 0.5 else {'bits': hex_bits(tree_bits(J, n))} for n in numbers]
    packing_claims(c, cls, refs, [elems[n] for n in numbers])
    distinct = sorted(set(elems))
    extra = []
    for e in r.sample(distinct, min(len(distinct), r.randint(1, 4))):
        scale = r.choice([F(1), F(1, 2), 1 - TINY[0], F(0)])
        extra.append(([c.step(canonical(f[0], [v * scale for v in f[1]]), 'y') for f in e], tuple(canonical(f[0], [v * scale for v in f[1]]) for f in e)))
    if len(distinct) <= 16 and r.random() < 0.5:  # every element as a sign function: a cover at every eps
        extra = [([c.sign_function(J, f) for f in e], e) for e in distinct]
    cover_claims(c, cls, elems, centre_tuples(c, distinct, None, len(readouts), extra))
    enumerate_claims(c, cls, elems, len(readouts))
    readout_width_claims(c, cls, J, readouts, elems)


def haar_class_claims(c):
    """A Haar class H_J(a) (J <= 3, balanced or arbitrary amplitudes): packings, covers by
    truncations and midranges, enumeration (covering numbers within the search limit)."""
    r = c.r; J = r.randint(1, 3)
    amps = balanced(J) if r.random() < 0.4 else [r.choice(AMPLITUDES) for _ in range(J)]
    a = 'balanced' if amps == balanced(J) and r.random() < 0.7 else [fs(x) for x in amps]
    cls = c.define('H', {'kind': 'haar-class', 'levels': str(J), 'amplitudes': a})
    elems = class_elements('haar', J, amps=amps)
    numbers = r.sample(range(len(elems)), r.randint(1, min(5, len(elems))))
    refs = [c.sign_tree(J, tree_bits(J, n)) if r.random() < 0.5 else {'bits': hex_bits(tree_bits(J, n))} for n in numbers]
    packing_claims(c, cls, refs, [elems[n] for n in numbers])
    L = r.randint(0, J)  # Lemma H2's centres: the truncations to levels < L
    trunc = {on_cells(J, feature_cells(J, tree_bits(J, n), amps[:L] + [F(0)] * (J - L))) for n in range(len(elems))}
    extra = [([c.step(f, 'tr')], (f,)) for f in sorted(trunc)] if len(trunc) <= 8 else []
    cover_claims(c, cls, elems, centre_tuples(c, elems, None, 1, extra))
    enumerate_claims(c, cls, elems, 1)


def deep_packing_claims(c):
    """Packings in readout classes of depth 4 to 7 (up to two 64-bit words per output) and
    Haar classes of depth 4 to 6, too deep to enumerate: a sign tree, copies with one node
    flipped (the same element when no readout reads that level) and a random tree."""
    r = c.r; haar_ = r.random() < 0.4; J = r.randint(4, 6) if haar_ else r.randint(4, 7)
    base = [r.randint(0, 1) for _ in range(2 ** J - 1)]
    trees = [base] + [[b ^ (i == k) for i, b in enumerate(base)] for k in r.sample(range(2 ** J - 1), r.randint(1, 3))]
    if r.random() < 0.5: trees.append([r.randint(0, 1) for _ in base])
    if haar_:
        amps = [r.choice(AMPLITUDES) for _ in range(J)]
        cls = c.define('H', {'kind': 'haar-class', 'levels': str(J), 'amplitudes': [fs(a) for a in amps]})
        elems = [(on_cells(J, feature_cells(J, t, amps)),) for t in trees]
    else:
        readouts = r.sample(range(1, 2 ** J), r.randint(1, 3))
        cls = c.define('K', {'kind': 'readout-class', 'levels': str(J), 'readouts': [str(m) for m in readouts]})
        elems = [tuple(task_output(J, t, m) for m in readouts) for t in trees]
    refs = [c.sign_tree(J, t) if r.random() < 0.5 else {'bits': hex_bits(t)} for t in trees]
    packing_claims(c, cls, refs, elems)


# ---- networks and codes

PARAMS = [F(1), F(-1), F(0), F(2), F(-3), F(1, 2), F(-3, 4), F(5, 8), F(2 ** 31 - 1), F(-(2 ** 31)), F(2 ** 31),
          F(1, 2 ** 254), F(1, 2 ** 255), F(3, 2 ** 60), F(2 ** 70 + 1), F(-(2 ** 64)), F(7, 2 ** 90)]


def codes_admitting(r, v):
    """Codes that admit v: tight ones (LO = HI = v; B = bit length of the numerator, E =
    exponent of the denominator) and loose ones (ranges beyond 2^64, E up to 10^6)."""
    e = v.denominator.bit_length() - 1; B = abs(v.numerator).bit_length()
    out = ['dyadic[80,300]'] if v.denominator == 2 ** e else []
    if v in (1, -1): out.append('sign')
    if v.denominator == 1:
        n = v.numerator
        out += [f'int[{n},{n}]', f'int[{n - r.randint(0, 3)},{n + r.choice([1, 2, 2 ** 64])}]']
        if -(2 ** 70) <= n < 2 ** 70: out.append(f'int[{-(2 ** 70)},{2 ** 70 - 1}]')
    if v.denominator == 2 ** e:
        out += [f'dyadic[{B},{e}]', f'dyadic[{B + r.randint(0, 2)},{e + r.choice([0, 1, 7, 1000000 - e])}]']
    return out


def codes_refusing(r, v):
    """Codes one unit too small for v (B, E, LO or HI), and codes of the wrong type."""
    e = v.denominator.bit_length() - 1; B = abs(v.numerator).bit_length()
    out = [] if v in (1, -1) else ['sign']
    if v.denominator == 1:
        n = v.numerator
        out += [f'int[{n + 1},{n + 5}]', f'int[{n - 5},{n - 1}]']
    else:
        out.append('int[-10,10]')
    if v.denominator == 2 ** e:
        if B: out.append(f'dyadic[{B - 1},{e}]')
        if e: out.append(f'dyadic[{B},{e - 1}]')
    else:
        out.append(f'dyadic[{B + 2},{r.randint(0, 1000)}]')
    return out


WIDE_CODES = ['dyadic[80,300]', 'dyadic[3,8]', 'int[-2147483648,2147483648]', 'sign']


def random_network(r):
    """A Heaviside network (FORMAT.md 4.5 conventions) as layers of units
    {'act', 'inputs', 'weights', 'bias'}."""
    layers, width = [], 1
    for l in range(r.randint(2, 4)):
        layer = []
        for _ in range(r.randint(1, 4)):
            if l == 0:
                layer.append({'act': 'heaviside', 'inputs': [0], 'weights': [r.choice([p for p in PARAMS if p])], 'bias': r.choice(PARAMS)})
            else:
                inputs = sorted(r.sample(range(width), r.randint(1, width)))
                layer.append({'act': r.choice(['heaviside', 'linear']), 'inputs': inputs, 'weights': [r.choice(PARAMS) for _ in inputs], 'bias': r.choice(PARAMS)})
        layers.append(layer); width = len(layer)
    for u in layers[-1]: u['act'] = 'linear'
    return layers


def network_bits_claims(c):
    """network-bits on a Heaviside network with layer default codes and unit overrides;
    in half of them one parameter is given a code it does not fit, or none. FAIL when a
    parameter has no code or does not fit it, else the sum of the code lengths."""
    r = c.r; layers = random_network(r); jl = []; coded = []
    for layer in layers:
        wd, bd = (r.choice(WIDE_CODES) if r.random() < 0.4 else None for _ in range(2))
        units = []
        for u in layer:
            ju = {'activation': u['act'], 'inputs': [str(i) for i in u['inputs']], 'weights': [fs(w) for w in u['weights']], 'bias': fs(u['bias'])}
            if wd and all(admits(wd, w) for w in u['weights']) and r.random() < 0.6: wc = [wd] * len(u['weights'])
            else: wc = ju['weight-codes'] = [r.choice(codes_admitting(r, w)) for w in u['weights']]
            if bd and admits(bd, u['bias']) and r.random() < 0.6: bc = bd
            else: bc = ju['bias-code'] = r.choice(codes_admitting(r, u['bias']))
            coded.append((ju, wc, bc, u)); units.append(ju)
        jl.append({'units': units} | ({'weight-code': wd} if wd else {}) | ({'bias-code': bd} if bd else {}))
    params = [(code, v) for _, wc, bc, u in coded for code, v in zip(wc + [bc], u['weights'] + [u['bias']])]
    total = sum(code_bits(code) for code, _ in params)
    if r.random() < 0.5:  # one parameter with a code it does not fit, or a unit without codes
        ju, wc, bc, u = r.choice(coded); k = r.randrange(len(wc) + 1); v = (u['weights'] + [u['bias']])[k]
        key = 'weight-codes' if k < len(wc) else 'bias-code'
        layer = next(l for l in jl if any(x is ju for x in l['units']))
        if r.random() < 0.3 and ('weight-code' if k < len(wc) else 'bias-code') not in layer: ju.pop(key, None)
        elif r.random() < 0.25:  # a value no code admits
            if k < len(wc): ju['weights'][k] = fs(r.choice([F(1, 3), 1 + F(1, 3 * 2 ** 60)]))
            else: ju['bias'] = fs(F(-5, 7))
        elif k < len(wc): ju[key] = wc[:k] + [r.choice(codes_refusing(r, v))] + wc[k + 1:]
        else: ju[key] = r.choice(codes_refusing(r, v))
        total = None
    net = c.define('N', {'kind': 'heaviside-network', 'layers': jl})
    counts = {'units': sum(map(len, layers)), 'hidden-units': sum(map(len, layers[:-1])),
              'parameters': sum(len(u['weights']) + 1 for l in layers for u in l), 'first-layer-units': len(layers[0]), 'layers': len(layers)}
    bits_and_count_claims(c, net, total, counts)


def bits_and_count_claims(c, net, total, counts):
    """bits stated at total, one off each way and 2^64 more (every bits claim FAILs when total
    is None: a parameter without a code or not fitting it); each count exactly and one off."""
    r = c.r; exp = 'PASS' if total is not None else 'FAIL'
    t = total if total is not None else r.randint(0, 50)
    cid = c.claim('nb', 'network-bits', {'network': net}, {'bits': str(t)} | {k: str(v) for k, v in counts.items()}, exp)
    for k in (1, -1, 2 ** 64):
        c.claim('nb', 'network-bits', {'network': net}, {'bits': str(t + k)}, 'FAIL')
    for key, v in counts.items():
        for k in (1, -1):
            c.claim('nb', 'network-bits', {'network': net}, {'bits': str(t), key: str(v + k)}, 'FAIL')
    if total is not None and r.random() < 0.5:
        c.fact(cid, 'bits', '=', total, 'PASS'); c.fact(cid, 'bits', '=', total - 1, 'FAIL')
        c.fact(cid, 'bits', '>', total, 'FAIL'); c.fact(cid, 'bits', '=', total, 'FAIL', listed=False)
        key = r.choice(list(counts)); c.fact(cid, key, '=', counts[key], 'PASS'); c.fact(cid, key, '>=', counts[key] + 1, 'FAIL')


def head_counts(J, readouts):
    """Units and parameters of the readout head (layers 3-6 of joint-network, FORMAT.md 4.5):
    per used digit n, 2^(n+1) - 1 threshold units (1 weight) and one linear unit
    (2^(n+1) - 1 weights); per task d, |m_d| parity units (|m_d| weights) and one output
    (|m_d| weights)."""
    digits = {n for m in readouts for n in range(J) if m >> n & 1}
    pc = [bin(m).count('1') for m in readouts]
    units = sum(2 ** (n + 1) - 1 for n in digits) + len(digits) + sum(pc) + len(readouts)
    params = sum(2 * (2 ** (n + 1) - 1) + 2 ** (n + 1) for n in digits) + sum(k * (k + 1) + k + 1 for k in pc)
    return units, params


def recipe_claims(c):
    """network-bits of the two recipes: joint-network's u coded dyadic[J,J] / dyadic[J+1,J+1]
    (FORMAT.md sec. 6), sign-coded-network's 2^J - 1 sign weights; everything else derived.
    Counts from the layer lists of FORMAT.md 4.5 (the Haar unit g(j, k) reads the trunk at
    its midpoint and at its ends inside (0, 1))."""
    r = c.r; J = r.randint(1, 4); n = 2 ** J - 1
    readouts = r.sample(range(1, 2 ** J), r.randint(1, min(3, n)))
    s = c.sign_tree(J, [r.randint(0, 1) for _ in range(n)])
    hu, hp = head_counts(J, readouts); D = len(readouts)
    joint = c.define('JN', {'kind': 'joint-network', 'signs': s, 'readouts': [str(m) for m in readouts]})
    units = n + 1 + hu
    bits_and_count_claims(c, joint, n * code_bits(f'dyadic[{J},{J}]') + code_bits(f'dyadic[{J + 1},{J + 1}]'),
                          {'units': units, 'hidden-units': units - D, 'parameters': 2 * n + n + 1 + hp, 'first-layer-units': n, 'layers': 6})
    coded = c.define('SN', {'kind': 'sign-coded-network', 'signs': s, 'readouts': [str(m) for m in readouts]})
    haar_weights = sum(1 + (k > 0) + (k < 2 ** j - 1) for j in range(J) for k in range(2 ** j))
    units = 2 * n + 1 + hu
    bits_and_count_claims(c, coded, n, {'units': units, 'hidden-units': units - D, 'parameters': 2 * n + haar_weights + n + n + 1 + hp,
                                        'first-layer-units': n, 'layers': 7})


def one_layer_claims(c, pool):
    """A one-layer-network has no codes: network-bits fails whatever it states."""
    fs_ = [n for n in pool if len(c.funcs[n][1]) > 1][:2]
    if fs_:
        net = c.define('OL', {'kind': 'one-layer-network', 'functions': fs_})
        c.claim('nb', 'network-bits', {'network': net}, {'bits': '0'}, 'FAIL')


def main(binary, seed):
    r = random.Random(seed); c = Certificate(r)
    pool = [c.random_function() for _ in range(10)]
    for _ in range(2): finite_class_claims(c, pool)
    readout_class_claims(c)
    haar_class_claims(c)
    deep_packing_claims(c)
    for _ in range(3):
        width_claims(c, [r.choice(pool) for _ in range(r.randint(0, 3))])
    large_readout_width_claims(c)
    for _ in range(2): network_bits_claims(c)
    recipe_claims(c); one_layer_claims(c, pool)
    path = write({'format': 'dyadcert/1', 'objects': c.objects, 'claims': c.claims}, f'count-{seed}.json')
    got, out = verdicts(binary, path)
    report(seed, out, mismatches(c.expect, got), path)
    return len(c.claims)


if __name__ == '__main__':
    first, rounds = int(sys.argv[2]), int(sys.argv[3])
    n = sum(main(sys.argv[1], s) for s in range(first, first + rounds))
    finish(f'{rounds} certificates, {n} claims')
