"""What every red-team script shares: a scratch folder for the certificates it writes, the
verdict `dyadcert verify` gives each claim, and the count of disagreements, which makes a
script exit 1 (so that `.ci/redteam` can run them)."""
import json, os, shutil, subprocess, sys, tempfile

# One folder per run, so that runs on one machine do not overwrite each other's files.
SCRATCH = tempfile.mkdtemp(prefix='dyadcert-redteam-')


def write(cert, name):
    """Writes `cert` as `name` in the scratch folder and returns its path."""
    path = os.path.join(SCRATCH, name)
    os.makedirs(SCRATCH, exist_ok=True)  # a cleaner of the temporary directory may have removed it
    with open(path, 'w') as f:
        json.dump(cert, f)
    return path


def verdicts(binary, path, *flags):
    """{claim id: 'PASS' or 'FAIL'} from the verdict lines of `binary verify --jobs 1 flags path`,
    and the completed process."""
    out = subprocess.run([binary, 'verify', '--jobs', '1', *flags, path], capture_output=True, text=True)
    got = {}
    for line in out.stdout.splitlines():
        q = line.split()
        if len(q) >= 2 and q[0] in ('PASS', 'FAIL') and '#' in q[1]:
            got[q[1].split('#', 1)[1]] = q[0]
    return got, out


def claim_adder(claims, expect):
    """add(id, rule, inputs, statement, expected verdict, uses=None): appends a claim to
    `claims` and its expected verdict ('PASS' or 'FAIL') to `expect`."""
    def add(cid, rule, inputs, statement, exp, uses=None):
        c = {'id': cid, 'rule': rule, 'inputs': inputs, 'statement': statement}
        if uses: c['uses'] = uses
        claims.append(c); expect[cid] = exp
    return add


def mismatches(expect, got):
    """The claims whose verdict is not the expected one: (id, expected, got)."""
    return [(k, v, got.get(k)) for k, v in expect.items() if got.get(k) != v]


PROBLEMS = []


def report(seed, out, bad, *detail):
    """Prints and counts a run whose verdicts are not the expected ones (`bad`, from
    `mismatches`) or whose exit code is neither 0 nor 1; a run that agrees prints nothing."""
    if bad or out.returncode not in (0, 1):
        PROBLEMS.append(seed)
        print(seed, 'rc', out.returncode, 'mismatches', len(bad), bad[:5], out.stderr[-400:], *detail)


def finish(*summary):
    """Prints the summary and the number of disagreeing runs; exits 1 if there was one,
    keeping the scratch folder with its certificates, and removes the folder otherwise."""
    print(*summary, f'({len(PROBLEMS)} disagreeing runs)')
    if PROBLEMS:
        print('certificates kept in', SCRATCH)
        sys.exit(1)
    shutil.rmtree(SCRATCH, ignore_errors=True)
    sys.exit(0)
