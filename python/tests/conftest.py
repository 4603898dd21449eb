"""Shared fixtures: the repository root, the dyadcert binary (skip when absent), the
JSON Schema (skip without jsonschema), and an independent bit-string decoder."""

import json
import os
import shutil
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
PYTHON_DIR = HERE.parent
REPO = PYTHON_DIR.parent
CERTIFICATES = REPO / "Certificates"
SHIPPED = sorted(CERTIFICATES.glob("*/*.dyadcert.json"))

# Run against the source tree when the package is not installed.
try:
    import dyadcert  # noqa: F401
except ImportError:  # pragma: no cover
    sys.path.insert(0, str(PYTHON_DIR))


def locate_binary():
    """$DYADCERT, then dyadcert on PATH, then ../.build/debug/dyadcert (repository)."""
    tried = []
    env = os.environ.get("DYADCERT")
    if env:
        if os.path.isfile(env) and os.access(env, os.X_OK):
            return env, tried
        tried.append(f"$DYADCERT={env} (not an executable file)")
    else:
        tried.append("$DYADCERT (unset)")
    found = shutil.which("dyadcert")
    if found:
        return found, tried
    tried.append("dyadcert on PATH")
    for sub in ("debug", "release"):
        p = REPO / ".build" / sub / "dyadcert"
        if p.is_file() and os.access(p, os.X_OK):
            return str(p), tried
        tried.append(str(p))
    return None, tried


@pytest.fixture(scope="session")
def binary():
    path, tried = locate_binary()
    if path is None:
        pytest.skip("dyadcert binary not found (searched: " + "; ".join(tried) + "); build it with `swift build --product dyadcert`")
    return path


@pytest.fixture(scope="session")
def schema_validator():
    jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is not installed (pip install 'dyadcert[test]')")
    schema = json.loads((CERTIFICATES / "dyadcert-1.schema.json").read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


@pytest.fixture(scope="session")
def verdict_validator():
    jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is not installed (pip install 'dyadcert[test]')")
    schema = json.loads((CERTIFICATES / "verdict-1.schema.json").read_text(encoding="utf-8"))
    return jsonschema.validators.validator_for(schema)(schema)


def assert_schema_valid(validator, doc):
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"/{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors[:10])


def decode_hex_bits(text, n):
    """FORMAT.md sec. 2.4, written independently of the package: bit i is bit (3 - i mod 4)
    of hex digit i // 4."""
    assert len(text) == (n + 3) // 4
    return [(int(text[i // 4], 16) >> (3 - i % 4)) & 1 for i in range(n)]
