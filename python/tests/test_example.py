"""examples/heaviside_step.py end to end: it writes a canonical, schema-valid certificate
that the kernel verifies, with the bits it states equal to the hand count."""

import json
import os
import subprocess
import sys

import pytest

from conftest import PYTHON_DIR, assert_schema_valid

EXAMPLE = PYTHON_DIR / "examples" / "heaviside_step.py"


def _run(args, env_extra=None):
    env = dict(os.environ)
    env["PYTHONPATH"] = str(PYTHON_DIR) + os.pathsep + env.get("PYTHONPATH", "")
    env.update(env_extra or {})
    return subprocess.run([sys.executable, str(EXAMPLE)] + args, capture_output=True, text=True, env=env)


@pytest.mark.parametrize("steps,bits", [
    # n - 1 first-layer weights 1: int[1,1], 0 bits; biases -k/n: dyadic[B,E] with 2^B > n - 1, E = log2 n;
    # output weights 1/n: dyadic[1,E]; output bias 0: int[0,0], 0 bits.
    (4, 3 * (1 + 2 + 2) + 3 * (1 + 1 + 2)),
    (8, 7 * (1 + 3 + 2) + 7 * (1 + 1 + 2)),
    (16, 15 * (1 + 4 + 3) + 15 * (1 + 1 + 3)),
])
def test_example_end_to_end(steps, bits, binary, tmp_path, schema_validator):
    out = tmp_path / "stair.dyadcert.json"
    r = _run(["-o", str(out), "--steps", str(steps), "--binary", binary])
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout.strip().splitlines()[-1] == "5 passed, 0 failed"
    doc = json.loads(out.read_bytes())
    assert_schema_valid(schema_validator, doc)
    claims = {c["id"]: c for c in doc["claims"]}
    assert claims["bits"]["statement"]["bits"] == str(bits)
    assert claims["width"]["statement"]["first-layer-units-at-least"] == str(steps - 1)
    assert subprocess.run([binary, "format", str(out), "--check"]).returncode == 0


def test_example_without_binary(tmp_path):
    out = tmp_path / "stair.dyadcert.json"
    r = _run(["-o", str(out)], {"DYADCERT": str(tmp_path / "none"), "PATH": str(tmp_path)})
    assert r.returncode == 0 and out.exists()
    assert "not verified" in r.stderr and "cannot find the dyadcert binary" in r.stderr


def test_example_refuses_non_power_of_two(tmp_path):
    r = _run(["-o", str(tmp_path / "x.dyadcert.json"), "--steps", "3"])
    assert r.returncode != 0 and "power of two" in r.stderr


def test_readme_snippet_runs(binary, tmp_path, monkeypatch):
    """The usage example of python/README.md runs and its claims verify."""
    import re

    pytest.importorskip("numpy")
    code = re.findall(r"```python\n(.*?)```", (PYTHON_DIR / "README.md").read_text(encoding="utf-8"), re.S)[0]
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DYADCERT", binary)
    scope = {}
    exec(compile(code, "README.md", "exec"), scope)
    assert scope["report"].ok and scope["report"].passed == 3
    assert scope["net"].network_bits() == 27


def test_example_without_numpy_gives_the_same_bytes(tmp_path):
    """The core needs no numpy: with numpy made unimportable, the example's Fraction
    fallback writes the same certificate as its float32 path."""
    pytest.importorskip("numpy")
    a, b = tmp_path / "a.dyadcert.json", tmp_path / "b.dyadcert.json"
    env = {"DYADCERT": str(tmp_path / "none")}
    assert _run(["-o", str(a), "--steps", "8"], env).returncode == 0
    code = ("import sys, runpy; sys.modules['numpy'] = None; "
            f"sys.argv = ['heaviside_step.py', '-o', {str(b)!r}, '--steps', '8']; "
            f"runpy.run_path({str(EXAMPLE)!r}, run_name='__main__')")
    full_env = dict(os.environ, PYTHONPATH=str(PYTHON_DIR), **env)
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=full_env)
    assert r.returncode == 0, r.stderr
    assert a.read_bytes() == b.read_bytes()
