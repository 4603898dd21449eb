#!/usr/bin/env python3
"""Targeted attacks on facts with meaning (bits, eps-transfer, binary-class, screens, width):
each attack appends claims to a base certificate; the last claim is false or unsupported
and must FAIL (or the file must be rejected as malformed)."""
import copy, json, subprocess, sys
sys.path.insert(0, __import__('os').path.dirname(__import__('os').path.abspath(__file__)))
from verdicts import PROBLEMS, finish, write

BASE = json.load(open(__import__('os').path.join(__import__('os').path.dirname(__import__('os').path.abspath(__file__)), '..', '..', 'Certificates/handwritten/separation-depth-2.dyadcert.json')))
BASE['objects'].update({
    'H': {'kind': 'haar-class', 'levels': '2', 'amplitudes': 'balanced'},
    'K2': {'kind': 'readout-class', 'levels': '2', 'readouts': ['3', '2']},
    'z': {'kind': 'step-function', 'breakpoints': ['0', '1/2', '1'], 'values': ['1', '0']},
    'one': {'kind': 'step-function', 'breakpoints': ['0', '1'], 'values': ['1']},
    'B': {'kind': 'finite-class', 'elements': ['z', 'one']},
    'fam': {'kind': 'sign-coded-network', 'signs': 'sigma', 'readouts': ['2', '3']},
})
def C(id, rule, inputs, statement, uses=None):
    c = {'id': id, 'rule': rule, 'inputs': inputs, 'statement': statement}
    if uses is not None: c['uses'] = uses
    return c
def term(claim, q, coef='1', meaning=None):
    t = {'claim': claim, 'quantity': q, 'coefficient': coef}
    if meaning: t['meaning'] = meaning
    return t
pack = C('pk', 'haar-packing', {'class': 'H', 'level': '1', 'eps': '1/4'}, {'bits-at-least': '1'})
cov = C('cv', 'haar-cover', {'class': 'H', 'level': '1', 'eps': '1/4'}, {'bits-at-most': '1'})
ATTACKS = {
 'bits: declared eps differs': [C('a', 'bits', {'terms': [term('joint-bits', 'bits', meaning={'measure': 'description-bits', 'subject': ['K'], 'eps': '1/4', 'coding': 'joint'})]}, {'relation': '>=', 'bound': '3'}, ['joint-bits'])],
 'bits: declared coding differs': [C('a', 'bits', {'terms': [term('joint-bits', 'bits', meaning={'measure': 'description-bits', 'subject': ['K'], 'eps': '1/2', 'coding': 'separate'})]}, {'relation': '>=', 'bound': '3'}, ['joint-bits'])],
 'bits: declared subject differs': [C('a', 'bits', {'terms': [term('joint-bits', 'bits', meaning={'measure': 'description-bits', 'subject': ['K2'], 'eps': '1/2', 'coding': 'joint'})]}, {'relation': '>=', 'bound': '3'}, ['joint-bits'])],
 'bits: declared measure size-bits for a description length': [C('a', 'bits', {'terms': [term('joint-bits', 'bits', meaning={'measure': 'size-bits', 'subject': ['K'], 'coding': 'joint'})]}, {'relation': '>=', 'bound': '3'}, ['joint-bits'])],
 'bits: term claim not in uses': [C('a', 'bits', {'terms': [term('joint-bits', 'bits')]}, {'relation': '>=', 'bound': '3'}, [])],
 'bits: term of a failed claim': [C('f', 'readout-count', {'class': 'K', 'coding': 'joint'}, {'log2-size': '4'}), C('a', 'bits', {'terms': [term('f', 'log2-size')]}, {'relation': '>=', 'bound': '4'}, ['f'])],
 'bits: term of a claim that depends on a failed one': [C('f', 'readout-count', {'class': 'K', 'coding': 'joint'}, {'log2-size': '4'}), C('g', 'binary-class', {'class': 'K', 'eps': '1/2', 'coding': 'joint'}, {'bits': '4'}, ['f']), C('a', 'bits', {'terms': [term('g', 'bits')]}, {'relation': '>=', 'bound': '4'}, ['g'])],
 'bits: later claim in uses': [C('a', 'bits', {'terms': [term('zz', 'bits')]}, {'relation': '>=', 'bound': '0'}, ['zz']), C('zz', 'binary-class', {'class': 'K', 'eps': '1/2', 'coding': 'joint'}, {'bits': '3'}, ['joint-size'])],
 'bits: lower minus lower': [pack, C('b2', 'haar-packing', {'class': 'H', 'level': '2', 'eps': '1/8'}, {'bits-at-least': '3'}), C('a', 'bits', {'terms': [term('b2', 'bits'), term('pk', 'bits', '-1')]}, {'relation': '>=', 'bound': '2'}, ['b2', 'pk'])],
 'bits: = on an interval': [pack, C('a', 'bits', {'terms': [term('pk', 'bits')]}, {'relation': '=', 'bound': '1'}, ['pk'])],
 'bits: upper bound used as lower': [cov, C('a', 'bits', {'terms': [term('cv', 'bits')]}, {'relation': '>=', 'bound': '1'}, ['cv'])],
 'bits: negative coefficient on a lower bound': [pack, C('a', 'bits', {'terms': [term('pk', 'bits', '-2')]}, {'relation': '>=', 'bound': '-2'}, ['pk'])],
 'bits: quantity name not established': [C('a', 'bits', {'terms': [term('joint-size', 'bits')]}, {'relation': '>=', 'bound': '3'}, ['joint-size'])],
 'eps-transfer: lower bound to larger eps': [pack, C('a', 'eps-transfer', {'claim': 'pk', 'quantity': 'bits', 'eps': '1/2'}, {'relation': '>=', 'bound': '1'}, ['pk'])],
 'eps-transfer: upper bound to smaller eps': [cov, C('a', 'eps-transfer', {'claim': 'cv', 'quantity': 'bits', 'eps': '1/8'}, {'relation': '<=', 'bound': '1'}, ['cv'])],
 'eps-transfer: exact value as upper to smaller eps': [C('a', 'eps-transfer', {'claim': 'joint-bits', 'quantity': 'bits', 'eps': '1/4'}, {'relation': '<=', 'bound': '3'}, ['joint-bits'])],
 'eps-transfer: exact value as lower to larger eps': [C('a', 'eps-transfer', {'claim': 'joint-bits', 'quantity': 'bits', 'eps': '2'}, {'relation': '>=', 'bound': '3'}, ['joint-bits'])],
 'eps-transfer: exact value kept exact at another eps': [C('a', 'eps-transfer', {'claim': 'joint-bits', 'quantity': 'bits', 'eps': '1/4'}, {'relation': '=', 'bound': '3'}, ['joint-bits'])],
 'eps-transfer: size bits (no eps)': [C('a', 'eps-transfer', {'claim': 'joint-size', 'quantity': 'description-bits', 'eps': '1/4'}, {'relation': '>=', 'bound': '3'}, ['joint-size'])],
 'eps-transfer: a width bound': [C('w', 'network-width-lower', {'mode': 'separate', 'class': 'K', 'eps': '1/2'}, {'first-layer-units-at-least': '4'}), C('a', 'eps-transfer', {'claim': 'w', 'quantity': 'first-layer-units', 'eps': '1/4'}, {'relation': '>=', 'bound': '4'}, ['w'])],
 'eps-transfer: source not in uses': [pack, C('a', 'eps-transfer', {'claim': 'pk', 'quantity': 'bits', 'eps': '1/8'}, {'relation': '>=', 'bound': '1'}, [])],
 'binary-class: size of another class': [C('s2', 'readout-count', {'class': 'K2', 'coding': 'joint'}, {'log2-size': '3'}), C('a', 'binary-class', {'class': 'K', 'eps': '1/2', 'coding': 'joint'}, {'bits': '3'}, ['s2'])],
 'binary-class: size of the other coding': [C('a', 'binary-class', {'class': 'K', 'eps': '1/2', 'coding': 'joint'}, {'bits': '4'}, ['separate-sizes'])],
 'binary-class: a covering number instead of a size': [C('e', 'enumerate', {'class': 'K', 'quantity': 'covering-number', 'coding': 'joint', 'eps': '1'}, {'value': '1'}), C('a', 'binary-class', {'class': 'K', 'eps': '1/2', 'coding': 'joint'}, {'bits': '0'}, ['e'])],
 'binary-class: log2-size upper bound of the sign-coded family': [C('nf', 'network-realises-for-all-signs', {'network': 'fam', 'class': 'K'}, {'outputs': '2', 'bits': '3'}), C('a', 'binary-class', {'class': 'K', 'eps': '1/2', 'coding': 'joint'}, {'bits': '3'}, ['nf'])],
 'binary-class: class not +-1 valued': [C('e', 'enumerate', {'class': 'B', 'quantity': 'size', 'coding': 'joint'}, {'value': '2'}), C('a', 'binary-class', {'class': 'B', 'eps': '1/2', 'coding': 'joint'}, {'bits': '1'}, ['e'])],
 'binary-class: Haar class': [C('a', 'binary-class', {'class': 'H', 'eps': '1/2', 'coding': 'joint'}, {'bits': '3'}, ['joint-size'])],
 'binary-class: eps >= 1 is 0 bits, not |K|': [C('a', 'binary-class', {'class': 'K', 'eps': '1', 'coding': 'joint'}, {'bits': '3'}, ['joint-size'])],
 'width: readout class at eps = 1': [C('a', 'network-width-lower', {'mode': 'joint', 'class': 'K', 'eps': '1'}, {'first-layer-units-at-least': '1'})],
 'width: eps-below just above 1': [C('a', 'network-width-lower', {'mode': 'joint', 'class': 'K', 'eps-below': '1152921504606846977/1152921504606846976'}, {'first-layer-units-at-least': '1'})],
 'width: jump exactly 2 eps counted': [C('a', 'network-width-lower', {'mode': 'separate', 'functions': ['z'], 'eps': '1/2'}, {'first-layer-units-at-least': '1'})],
 'width: eps-below jump < 2b': [C('a', 'network-width-lower', {'mode': 'separate', 'functions': ['z'], 'eps-below': '1152921504606846977/2305843009213693952'}, {'first-layer-units-at-least': '1'}), ],
 'width: joint counts a shared breakpoint twice': [C('a', 'network-width-lower', {'mode': 'joint', 'functions': ['z', 'z'], }, {'first-layer-units-at-least': '2'})],
 'width: joint readout class with equal tops': [C('a', 'network-width-lower', {'mode': 'joint', 'class': 'K'}, {'first-layer-units-at-least': '3'})],
 'for-all-signs: joint-network is not the family': [C('a', 'network-realises-for-all-signs', {'network': 'joint', 'class': 'K'}, {'outputs': '2', 'bits': '3'})],
 'for-all-signs: readouts in another order': [C('a', 'network-realises-for-all-signs', {'network': 'fam', 'class': 'K2'}, {'outputs': '2', 'bits': '3'})],
 'for-all-signs: fewer bits': [C('a', 'network-realises-for-all-signs', {'network': 'fam', 'class': 'K'}, {'outputs': '2', 'bits': '2'})],
 'haar-packing: eps = a_j': [C('a', 'haar-packing', {'class': 'H', 'level': '1', 'eps': '1/2'}, {'bits-at-least': '1'})],
 'haar-packing: more than 2^L - 1 bits': [C('a', 'haar-packing', {'class': 'H', 'level': '1', 'eps': '1/4'}, {'bits-at-least': '2'})],
 'haar-cover: eps below the tail': [C('a', 'haar-cover', {'class': 'H', 'level': '1', 'eps': '1/8'}, {'bits-at-most': '1'})],
 'packing: an element twice': [C('a', 'packing', {'class': 'K', 'eps': '1/2', 'elements': ['sigma', 'sigma']}, {'count': '2'})],
}
def run(name, extra):
    c = copy.deepcopy(BASE)
    c['claims'] += extra
    path = write(c, 'attack.json')
    out = subprocess.run([sys.argv[1] if len(sys.argv) > 1 else '.build/debug/dyadcert', 'verify', '--jobs', '1', path], capture_output=True, text=True)
    last = [l for l in out.stdout.splitlines() if l.startswith(('PASS', 'FAIL')) and l.split()[1].endswith('#a')]
    verdict = last[-1].split()[0] if last and out.returncode in (0, 1) else f'rc={out.returncode}'
    ok = verdict != 'PASS'
    print(('ok  ' if ok else 'BAD ') + name + ': ' + (last[-1][last[-1].find(' ', last[-1].find('#a')):][:170] if last else out.stderr.strip()[:170]))
    return ok
res = [run(n, e) for n, e in ATTACKS.items()]
PROBLEMS.extend(n for n, ok in zip(ATTACKS, res) if not ok)
finish(sum(res), 'of', len(res), 'rejected')
