#!/usr/bin/env python3
"""readout-count (Lemmas J, S) against brute force over all sign trees (J <= 4)."""
import itertools, json, random, subprocess, sys
sys.path.insert(0, __import__('os').path.dirname(__import__('os').path.abspath(__file__)))
from verdicts import finish, mismatches, report, verdicts, write

def outputs(J, signs, ms):
    # u_sigma on cell c: sum_j a_j s_j with s_j = sigma(j, anc_j) (-1)^b_j; then w_m(u)
    res = []
    for m in ms:
        vals = []
        for c in range(2 ** J):
            # digits b_0..b_{J-1} of cell c (b_0 most significant)
            bits = [(c >> (J - 1 - j)) & 1 for j in range(J)]
            # 2^(J+1) u = 2^J h + 2^J, with h = sum_j 2^-(j+1) s_j; exact integer
            num = 2 ** J
            for j in range(J):
                anc = c >> (J - j)
                s = signs[(j, anc)] * (-1) ** bits[j]
                num += s * 2 ** (J - j - 1) * 1  # 2^J * 2^-(j+1) * s
            # u = num / 2^(J+1)?  h*2^J = sum s 2^(J-j-1); u = (h+1)/2 -> 2^(J+1) u = h 2^J + 2^J = num
            y_num, y_den = num, 2 ** (J + 1)
            w = 1
            for n in range(J):
                if (m >> n) & 1:
                    digit = (y_num * 2 ** (n + 1) // y_den) % 2
                    w *= (-1) ** digit
            vals.append(w)
        res.append(tuple(vals))
    return tuple(res)

def brute(J, ms):
    nodes = [(j, k) for j in range(J) for k in range(2 ** j)]
    seen = set(); sep = [set() for _ in ms]
    for bits in itertools.product([1, -1], repeat=len(nodes)):
        o = outputs(J, dict(zip(nodes, bits)), ms)
        seen.add(o)
        for d in range(len(ms)): sep[d].add(o[d])
    return len(seen), [len(s) for s in sep]

def log2(n):
    assert n & (n - 1) == 0, n
    return n.bit_length() - 1

def main(binary, seed, count):
    r = random.Random(seed)
    objects, claims, expect = {}, [], {}
    for t in range(count):
        J = r.choice([1, 2, 3, 3, 4])
        D = r.randint(1, min(5, 2 ** J - 1))
        ms = r.sample(range(1, 2 ** J), D)
        joint, sep = brute(J, ms)
        objects[f'K{t}'] = {'kind': 'readout-class', 'levels': str(J), 'readouts': [str(m) for m in ms]}
        claims.append({'id': f'j{t}', 'rule': 'readout-count', 'inputs': {'class': f'K{t}', 'coding': 'joint'}, 'statement': {'log2-size': str(log2(joint))}})
        expect[f'j{t}'] = 'PASS'
        claims.append({'id': f'jx{t}', 'rule': 'readout-count', 'inputs': {'class': f'K{t}', 'coding': 'joint'}, 'statement': {'log2-size': str(log2(joint) - 1)}})
        expect[f'jx{t}'] = 'FAIL'
        ls = [log2(s) for s in sep]
        claims.append({'id': f's{t}', 'rule': 'readout-count', 'inputs': {'class': f'K{t}', 'coding': 'separate'}, 'statement': {'log2-sizes': [str(x) for x in ls], 'total': str(sum(ls))}})
        expect[f's{t}'] = 'PASS'
    path = write({'format': 'dyadcert/1', 'objects': objects, 'claims': claims}, f'lemmaj-{seed}.json')
    got, out = verdicts(binary, path)
    bad = mismatches(expect, got)
    report(seed, out, bad)

if __name__ == '__main__':
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
    finish('done')
