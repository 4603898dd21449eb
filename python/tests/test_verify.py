"""verify(): locating the binary, and the typed verdict report (FORMAT.md sec. 8.3)."""

import json
from fractions import Fraction as Fr

import pytest

import dyadcert as dc
from conftest import SHIPPED, assert_schema_valid


def test_missing_binary_names_what_was_searched(tmp_path, monkeypatch):
    monkeypatch.setenv("DYADCERT", str(tmp_path / "nope"))
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(dc.BinaryNotFound) as info:
        dc.find_binary()
    msg = str(info.value)
    assert "$DYADCERT" in msg and str(tmp_path / "nope") in msg
    monkeypatch.delenv("DYADCERT")
    with pytest.raises(dc.BinaryNotFound) as info:
        dc.verify(["x.dyadcert.json"])
    assert "$DYADCERT (not set)" in str(info.value) and "on PATH (" + str(tmp_path) + ")" in str(info.value)
    with pytest.raises(dc.BinaryNotFound, match="binary= argument"):
        dc.find_binary(tmp_path / "missing")


def test_binary_from_env(binary, monkeypatch):
    monkeypatch.setenv("DYADCERT", binary)
    assert dc.find_binary() == binary


def _sample():
    c = dc.Certificate("verify test")
    c.add(dc.step_function("f", [0, Fr(1, 3), 1], [Fr(1, 2), Fr(-1, 4)]),
          dc.step_function("g", [0, Fr(1, 2), 1], [Fr(3, 4), Fr(-1, 2)]))
    c.add(dc.sup_distance("true", "f", "g", "=", 1))
    c.add(dc.sup_distance("false", "f", "g", "=", 2))
    c.add(dc.bits("dependent", [("false", "distance", 1)], "<=", 5))
    return c


def test_report_of_false_claims(binary, tmp_path, verdict_validator):
    report = _sample().verify(tmp_path / "s.dyadcert.json", binary=binary)
    assert_schema_valid(verdict_validator, report.raw)
    assert report.exit_code == 1 and not report.ok
    assert (report.passed, report.failed) == (1, 2)
    f = report.files[0]
    assert f.status == "failed" and f.description == "verify test" and f.error is None
    t, x, d = f.claims
    assert t.passed and t.failure is None and t.rule == "sup-distance" and len(t.digest) == 64
    assert not x.passed and x.failure.expected == "||f - g||_inf = 2" and x.failure.computed == "||f - g||_inf = 1"
    assert x.failure.pointer == x.failure.location == "/claims/1/statement/bound"
    assert not d.passed and "depends on failed claim false" in d.failure.reason
    assert report.summary().splitlines()[-1] == "1 passed, 2 failed"


def test_malformed_and_limits(binary, tmp_path):
    p = tmp_path / "bad.dyadcert.json"
    p.write_text('{"format": "dyadcert/1", "claims": [{"id": "a", "rule": "gram", "inputs": {"functions": []}, "statement": {"matrix": "identity"}}], "x": "1"}')
    r = dc.verify(p, binary=binary)
    assert r.exit_code == 2 and r.files[0].status == "malformed" and r.files[0].error.kind == "malformed"
    c = dc.Certificate()
    c.add(dc.walsh_function("w", 2**21), dc.gram("g", ["w"], diagonal=[1]))
    r = c.verify(binary=binary)
    assert r.exit_code == 3 and r.files[0].error.flag == "--max-level" and r.files[0].error.raisable is True
    r = c.verify(binary=binary, limits={"max_level": 22})
    assert r.exit_code == 0, r.summary()
    c = dc.Certificate()
    c.add(dc.haar_function("h", 41, 0), dc.gram("g", ["h"], diagonal=[1]))
    for limits in ({}, {"max_level": 40}):  # level 42 is past --max-level's largest setting, 40
        r = c.verify(binary=binary, limits=limits)
        assert r.exit_code == 3 and r.files[0].error.flag == "--max-level" and r.files[0].error.raisable is False
        assert "no setting of --max-level admits more than 40" in r.files[0].error.message


def test_shipped_directory(binary):
    # The hand-written ones (the flagship certificates take minutes in a debug build).
    folder = SHIPPED[0].parent.parent / "handwritten"
    r = dc.verify([folder], binary=binary)
    assert r.ok and len(r.files) == len([p for p in SHIPPED if p.parent == folder]) > 0
    assert r.passed == sum(len(json.loads(p.read_bytes())["claims"]) for p in SHIPPED if p.parent == folder)


def test_parse_report_rejects_other_documents():
    with pytest.raises(dc.VerifyError):
        dc.parse_report({"format": "something-else"})


def test_certificate_checks_references():
    c = dc.Certificate()
    with pytest.raises(ValueError, match="not an object defined earlier"):
        c.add(dc.feature("h", "sigma"))
    c.add(dc.sign_tree("sigma", signs=[1]))
    c.add(dc.feature("h", "sigma"))
    with pytest.raises(ValueError, match="already defined"):
        c.add(dc.sign_tree("sigma", signs=[1]))
    with pytest.raises(ValueError, match="not an earlier claim"):
        c.add(dc.bits("b", [("x", "bits", 1)], "<=", 1))
    with pytest.raises(ValueError, match="not a defined object"):
        c.add(dc.sup_distance("d", "h", "nothing", "<=", 1))
    with pytest.raises(ValueError, match="at least one claim"):
        c.text()
    with pytest.raises(ValueError, match="not a valid object name"):
        dc.sign_tree("9lives", signs=[1])


def test_paths_that_look_like_options_are_paths(binary, tmp_path, monkeypatch):
    # The paths went to `dyadcert verify` without "--", so a file named "--allow-empty" was
    # read as that flag: with an empty directory beside it the run checked nothing and
    # passed (exit 0), though the file holds a false claim. "-x.dyadcert.json" was an
    # unknown option (exit 64).
    monkeypatch.chdir(tmp_path)
    (tmp_path / "certs").mkdir()
    _sample().write("--allow-empty")
    r = dc.verify(["certs", "--allow-empty"], binary=binary)
    assert r.exit_code == 1 and not r.ok
    assert [f.path for f in r.files] == ["--allow-empty"]
    assert (r.passed, r.failed) == (1, 2)
    c = dc.Certificate("valid")
    c.add(dc.step_function("f", [0, Fr(1, 3), 1], [Fr(1, 2), Fr(-1, 4)]),
          dc.step_function("g", [0, Fr(1, 2), 1], [Fr(3, 4), Fr(-1, 2)]))
    c.add(dc.sup_distance("d", "f", "g", "=", 1))
    r = c.verify("-x.dyadcert.json", binary=binary)
    assert r.exit_code == 0 and r.ok and [f.path for f in r.files] == ["-x.dyadcert.json"]
    assert (r.passed, r.failed) == (1, 0)
    r = dc.verify("-x.dyadcert.json", binary=binary)
    assert r.exit_code == 0 and (r.passed, r.failed) == (1, 0)
    assert dc.format_certificate("-x.dyadcert.json", binary=binary, check=True) is True
    assert dc.format_certificate("-x.dyadcert.json", binary=binary) == c.text()
