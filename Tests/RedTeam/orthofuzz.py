#!/usr/bin/env python3
"""Differential check of `orthonormal-for-all-signs` (FORMAT.md sec. 5.3, Theorem O).

The rule checks only the side conditions of Theorem O (at least one readout, each with
1 <= m_d < 2^J, all distinct) and then states <f_d, f_e> = [d = e] for every sign tree of
depth J. This script states the claim for readout lists that meet the conditions and for
lists that break one of them (empty, a 0, a duplicate, 2^J, a huge index), and expects PASS
exactly when they hold. It also checks the theorem itself, independently of the kernel:
for J <= 3 over all 2^(2^J - 1) sign trees, for J = 4, 5 over 16 random ones, it computes
the task outputs f_d = w_{m_d}(u_sigma) of MATH.md secs. 4-6 on the cell midpoints with
fractions.Fraction and their Gram matrix <f, g> = 2^-J sum over the cells; a list the
rule accepts whose Gram is not the identity for some sign tree is a disagreement (the
rule would then accept a false claim). Deep levels (J up to 62, nothing built) are stated
with valid and invalid lists too.

    orthofuzz.py BINARY FIRST-SEED ROUNDS
"""
import itertools, os, random, sys
from fractions import Fraction as F
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from signfuzz import psi, walsh
from verdicts import claim_adder, finish, mismatches, report, verdicts, write


def conditions_hold(J, ms):
    """The side conditions of Theorem O, as FORMAT.md sec. 5.3 states them."""
    return len(ms) >= 1 and all(1 <= m < 2 ** J for m in ms) and len(set(ms)) == len(ms)


def sign_trees(J, r):
    """All sign trees of depth J (J <= 3) or 16 random ones, as {(j, k): +-1}."""
    nodes = [(j, k) for j in range(J) for k in range(2 ** j)]
    if J <= 3:
        for signs in itertools.product((1, -1), repeat=len(nodes)):
            yield dict(zip(nodes, signs))
    else:
        for _ in range(16):
            yield {node: r.choice((1, -1)) for node in nodes}


def gram_is_identity(J, ms, sigma):
    """<f_d, f_e> = [d = e] for the task outputs of `sigma` with balanced amplitudes."""
    cells = [F(2 * c + 1, 2 ** (J + 1)) for c in range(2 ** J)]
    # psi(j, k, x) is nonzero only for k = floor(x 2^j) (checked against the sum over all k
    # on the first cells, so the shortcut is not the thing under test)
    h = [sum(F(1, 2 ** (j + 1)) * sigma[(j, int(x * 2 ** j))] * psi(j, int(x * 2 ** j), x) for j in range(J)) for x in cells]
    for x, v in list(zip(cells, h))[:2]:
        assert v == sum(F(1, 2 ** (j + 1)) * sum(sigma[(j, k)] * psi(j, k, x) for k in range(2 ** j)) for j in range(J))
    f = [[walsh(m, (v + 1) / 2) for v in h] for m in ms]
    return all(F(sum(a * b for a, b in zip(f[d], f[e])), 2 ** J) == (d == e) for d in range(len(ms)) for e in range(len(ms)))


def broken(J, ms, r):
    """The list with one side condition broken."""
    way = r.choice(('empty', 'zero', 'duplicate', 'top', 'huge'))
    if way == 'empty': return []
    if way == 'zero': return ms + [0]
    if way == 'duplicate': return ms + [r.choice(ms)]
    if way == 'top': return ms + [2 ** J]
    return ms + [2 ** r.randint(J, 62) + r.randint(0, 3)]  # readouts are at most 2^63 - 1


def main(binary, seed, rounds):
    r = random.Random(seed)
    claims, expect = [], {}
    add = claim_adder(claims, expect)
    theorem_failures = []
    for t in range(rounds):
        J = r.choice((1, 2, 3, 3, 4, 5)) if r.random() < 0.8 else r.randint(6, 62)
        ms = r.sample(range(1, 2 ** J), min(r.randint(1, 4), 2 ** J - 1)) if J <= 20 else [r.randrange(1, 2 ** J) for _ in range(3)]
        lists = [ms, broken(J, ms, r)]
        for i, readouts in enumerate(lists):
            ok = conditions_hold(J, readouts)
            if ok and J <= 5 and not all(gram_is_identity(J, readouts, s) for s in sign_trees(J, r)):
                theorem_failures.append((J, readouts))
            add(f'o{t}_{i}', 'orthonormal-for-all-signs', {'levels': str(J), 'readouts': [str(m) for m in readouts]},
                {'gram': 'identity'}, 'PASS' if ok else 'FAIL')
    path = write({'format': 'dyadcert/1', 'objects': {}, 'claims': claims}, f'ortho-{seed}.json')
    got, out = verdicts(binary, path)
    bad = mismatches(expect, got) + [('theorem O fails by brute force', J, ms) for J, ms in theorem_failures]
    report(seed, out, bad)
    return len(claims)


if __name__ == '__main__':
    first, count = int(sys.argv[2]), int(sys.argv[3])
    n = sum(main(sys.argv[1], s, 20) for s in range(first, first + count))
    finish(f'{count} certificates, {n} claims')
