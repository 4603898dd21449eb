#!/usr/bin/env python3
"""haar-function, rademacher-function, walsh-function, walsh-basis, haar-basis against the
definitions of MATH.md sec. 4 (Paley order), cell by cell."""
import json, subprocess, sys
sys.path.insert(0, __import__('os').path.dirname(__import__('os').path.abspath(__file__)))
from verdicts import PROBLEMS, finish, write
from fractions import Fraction as F

def digit(n, c, J):  # b_n of the midpoint of cell c at level J
    return (c >> (J - 1 - n)) & 1
def walsh(m, c, J):
    s, n = 1, 0
    while m:
        if m & 1: s *= (-1) ** digit(n, c, J)
        m >>= 1; n += 1
    return s
def haar(j, k, c, J):
    x = F(2 * c + 1, 2 ** (J + 1)); a = F(k, 2 ** j); b = F(k + 1, 2 ** j); m = (a + b) / 2
    return 1 if a <= x < m else (-1 if m <= x < b else 0)

objects, claims = {}, []
def add(name, obj, values, J):
    objects[name] = obj
    objects[name + '_p'] = {'kind': 'cell-function', 'level': str(J), 'values': [str(v) for v in values]}
    claims.append({'id': name, 'rule': 'sup-distance', 'inputs': {'f': name, 'g': name + '_p'}, 'statement': {'relation': '=', 'bound': '0'}})
J = 6
for m in range(0, 64):
    add(f'w{m}', {'kind': 'walsh-function', 'index': str(m)}, [walsh(m, c, J) for c in range(2 ** J)], J)
for n in range(0, 6):
    add(f'r{n}', {'kind': 'rademacher-function', 'index': str(n)}, [(-1) ** digit(n, c, J) for c in range(2 ** J)], J)
for j in range(0, 6):
    for k in range(2 ** j):
        add(f'h{j}_{k}', {'kind': 'haar-function', 'level': str(j), 'index': str(k)}, [haar(j, k, c, J) for c in range(2 ** J)], J)
# bases as lists: compare element-wise through a gram matrix against explicit lists
JB = 3
objects['WB'] = {'kind': 'walsh-basis', 'levels': str(JB)}
objects['HB'] = {'kind': 'haar-basis', 'levels': str(JB)}
wl = []
for m in range(2 ** JB):
    objects[f'wb{m}'] = {'kind': 'cell-function', 'level': str(JB), 'values': [str(walsh(m, c, JB)) for c in range(2 ** JB)]}; wl.append(f'wb{m}')
hl = ['one']
objects['one'] = {'kind': 'step-function', 'breakpoints': ['0', '1'], 'values': ['1']}
for j in range(JB):
    for k in range(2 ** j):
        objects[f'hb{j}_{k}'] = {'kind': 'cell-function', 'level': str(JB), 'values': [str(haar(j, k, c, JB)) for c in range(2 ** JB)]}; hl.append(f'hb{j}_{k}')
def gram(fs_):
    from itertools import product
    vals = []
    for name in fs_:
        o = objects[name]
        vals.append([F(v) for v in o['values']] if o['kind'] == 'cell-function' else [F(1)] * (2 ** JB))
    return vals
def cross(listname, explicit, vals):
    # Gram of [basis..., explicit...]: the cross block must be the identity when they are equal in order
    N = len(explicit)
    G = [[None] * (2 * N) for _ in range(2 * N)]
    allv = vals + vals
    for i in range(2 * N):
        for k in range(2 * N):
            G[i][k] = sum(a * b for a, b in zip(allv[i], allv[k])) / (2 ** JB)
    return G
for ln, ex in (('WB', wl), ('HB', hl)):
    vals = gram(ex)
    G = cross(ln, ex, vals)
    def s(q):
        q = F(q); return str(q.numerator) if q.denominator == 1 else f"{q.numerator}/{q.denominator}"
    claims.append({'id': 'gram' + ln, 'rule': 'gram', 'inputs': {'functions': [ln] + ex}, 'statement': {'matrix': [[s(v) for v in row] for row in G]}})
path = write({'format': 'dyadcert/1', 'objects': objects, 'claims': claims}, 'basis.json')
out = subprocess.run([sys.argv[1], 'verify', path], capture_output=True, text=True)
# Every claim is true (the Gram entries are computed here from the cell values).
failed = [l for l in out.stdout.splitlines() if l.startswith('FAIL')]
if failed or out.returncode != 0:
    PROBLEMS.append('basis')
finish(out.stdout.splitlines()[-1] if out.stdout else '', failed[:3], out.stderr[:300])
