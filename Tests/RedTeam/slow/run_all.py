#!/usr/bin/env python3
"""The slow-certificate cases of this folder at the sizes that once took minutes under the
default limits: each is written to a temporary folder and verified once. A case passes
when dyadcert ends with the expected exit code: 3 (the work limit, named by --max-work)
where the certificate's exact arithmetic is charged past the default budget, 0 or 1 (a
verdict) where sharing repeated work made it cheap. The timeout is a guard against a hang,
not a benchmark; the times printed are for reading.

    python3 Tests/RedTeam/slow/run_all.py PATH-TO-DYADCERT
"""
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TIMEOUT = 600

# (script, arguments before the output path, expected exit code)
CASES = [
    ("gen_bits.py", ["16000", "20"], {0, 1}),
    ("gen_gram2.py", ["10000", "30", "64"], {3}),
    ("gen_widthlower.py", ["100", "1000"], {0, 1}),
    ("gen_binclass.py", ["60000", "100", "50"], {0, 1}),
    ("gen_haarcover.py", ["1000"], {3}),
    ("gen_stepapprox.py", ["5000", "38", "1000"], {3}),
    ("gen_sweep.py", ["20000"], {3}),
    ("gen_packfirst.py", ["16", "200"], {3}),
    ("gen_packfirst.py", ["16", "250", "big"], {3}),
    ("gen_coverfirst.py", ["16", "10000"], {3}),
    ("gen_nwl.py", ["step", "16", "20000", "separate"], {0, 1}),
    ("gen_nwl.py", ["packed", "20", "60", "joint"], {0, 1}),
    ("gen_grammix.py", ["20", "20"], {3}),
    ("gen_bitsmeaning.py", ["200000", "2000"], {0, 1}),
    ("gen_combkey.py", ["160000"], {2}),
    ("gen_onelayer.py", ["16", "85", "30"], {3}),
]


def main():
    binary = os.path.abspath(sys.argv[1])
    failed = 0
    with tempfile.TemporaryDirectory() as folder:
        for script, arguments, expected in CASES:
            path = os.path.join(folder, script.replace(".py", ".json"))
            path = path.replace(".json", "-" + "-".join(arguments) + ".json")
            generator = [sys.executable, os.path.join(HERE, script)]
            # The scripts take the output path last, but for gen_packfirst.py's variant.
            if script == "gen_packfirst.py" and len(arguments) == 3:
                subprocess.run(generator + arguments[:2] + [path, arguments[2]], check=True)
            else:
                subprocess.run(generator + arguments + [path], check=True)
            started = time.monotonic()
            try:
                result = subprocess.run([binary, "verify", path], capture_output=True, text=True, timeout=TIMEOUT)
                code, message = result.returncode, result.stderr
            except subprocess.TimeoutExpired:
                code, message = None, f"no verdict within {TIMEOUT} s"
            seconds = time.monotonic() - started
            ok = code in expected and (code != 3 or "--max-work" in message)
            failed += not ok
            print(f"{'ok  ' if ok else 'FAIL'} {script} {' '.join(arguments)}: exit {code} in {seconds:.1f} s"
                  + ("" if ok else f" (expected {sorted(expected)}): {message.strip()[-300:]}"))
    print(f"{len(CASES) - failed} of {len(CASES)} slow cases end as expected")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
