"""Running ``dyadcert verify --report json`` and reading its ``dyadcert-verdict/1``
document (FORMAT.md sec. 8.3) into dataclasses."""

import json
import os
import shutil
import subprocess
from dataclasses import dataclass, field
from typing import Dict, List, Optional

__all__ = ["verify", "find_binary", "BinaryNotFound", "VerifyError", "Report", "FileResult", "ClaimResult",
           "Failure", "FileError", "parse_report", "format_certificate"]


class BinaryNotFound(FileNotFoundError):
    """The dyadcert binary was not found; the message lists where it was searched."""


class VerifyError(RuntimeError):
    """dyadcert ran but did not produce a verdict document (usage error, crash)."""


@dataclass
class Failure:
    reason: str
    pointer: str
    expected: Optional[str] = None
    computed: Optional[str] = None

    @property
    def location(self):
        """The JSON pointer of the false statement (or the failed dependency)."""
        return self.pointer


@dataclass
class ClaimResult:
    id: str
    rule: str
    verdict: str
    statement: str
    lemma: str = ""
    digest: str = ""
    failure: Optional[Failure] = None

    @property
    def passed(self):
        return self.verdict == "passed"


@dataclass
class FileError:
    kind: str  # "malformed" or "limit"
    pointer: str
    message: str
    flag: Optional[str] = None
    #: For a limit: False when no setting of ``flag`` admits the value (a fixed bound of the
    #: kernel, a value past the flag's largest setting, or the flag already at its largest
    #: value), True when a larger setting may admit it; None for malformed input.
    raisable: Optional[bool] = None


@dataclass
class FileResult:
    path: str
    status: str  # verified, failed, malformed, limit-exceeded
    claims: List[ClaimResult] = field(default_factory=list)
    description: Optional[str] = None
    error: Optional[FileError] = None

    def claim(self, id):
        for c in self.claims:
            if c.id == id:
                return c
        raise KeyError(f"no claim {id!r} in the report of {self.path}")


@dataclass
class Report:
    """The verdict document: exit_code 0 (all verified), 1 (a false claim),
    2 (malformed), 3 (limit exceeded)."""

    exit_code: int
    version: str
    limits: Dict[str, int]
    files: List[FileResult]
    passed: int
    failed: int
    raw: dict = field(repr=False, default_factory=dict)

    @property
    def ok(self):
        return self.exit_code == 0

    @property
    def claims(self):
        return [c for f in self.files for c in f.claims]

    def claim(self, id):
        for c in self.claims:
            if c.id == id:
                return c
        raise KeyError(f"no claim {id!r} in the report")

    def summary(self):
        """Text lines like the text report (PASS/FAIL ...), then 'N passed, M failed'."""
        lines = []
        for f in self.files:
            for c in f.claims:
                if c.passed:
                    lines.append(f"PASS  {f.path}#{c.id}  {c.rule}  {c.statement}")
                else:
                    x = c.failure
                    extra = ""
                    if x is not None:
                        extra = f": {x.reason}"
                        if x.expected is not None:
                            extra += f"; stated: {x.expected}"
                        if x.computed is not None:
                            extra += f"; computed: {x.computed}"
                        extra += f" (at {x.pointer})"
                    lines.append(f"FAIL  {f.path}#{c.id}  {c.rule}  {c.statement}{extra}")
            if f.error is not None:
                lines.append(f"error: {f.path}: {f.error.message}")
        lines.append(f"{self.passed} passed, {self.failed} failed")
        return "\n".join(lines)


def find_binary(binary=None):
    """The path of the dyadcert binary: ``binary`` if given, else $DYADCERT if set, else
    ``dyadcert`` on PATH. Raises BinaryNotFound naming what it tried (a binary= or
    $DYADCERT that is not an executable is an error, not a reason to look elsewhere)."""
    hint = (". Build it with `swift build --product dyadcert` and pass binary=... "
            "or set DYADCERT=/path/to/dyadcert")
    for source, cand in (("the binary= argument", binary), ("$DYADCERT", os.environ.get("DYADCERT") or None)):
        if cand is None:
            continue
        cand = os.fspath(cand)
        if os.path.isfile(cand) and os.access(cand, os.X_OK):
            return cand
        found = shutil.which(cand) if os.sep not in cand else None
        if found:
            return found
        raise BinaryNotFound(f"cannot find the dyadcert binary: {source} = {cand} is not an executable file" + hint)
    found = shutil.which("dyadcert")
    if found:
        return found
    raise BinaryNotFound("cannot find the dyadcert binary; searched: $DYADCERT (not set); 'dyadcert' on PATH "
                         f"({os.environ.get('PATH', '')})" + hint)


def _count(x):
    return int(x)


def parse_report(doc, exit_code=None):
    """A Report from a parsed dyadcert-verdict/1 document."""
    if doc.get("format") != "dyadcert-verdict/1":
        raise VerifyError(f"not a dyadcert-verdict/1 document (format {doc.get('format')!r})")
    files = []
    for fd in doc["files"]:
        claims = []
        for cd in fd.get("claims", []):
            fail = cd.get("failure")
            claims.append(ClaimResult(
                id=cd["id"], rule=cd["rule"], verdict=cd["verdict"], statement=cd["statement"],
                lemma=cd.get("lemma", ""), digest=cd.get("digest", ""),
                failure=None if fail is None else Failure(fail["reason"], fail["pointer"], fail.get("expected"), fail.get("computed")),
            ))
        err = fd.get("error")
        files.append(FileResult(
            path=fd["path"], status=fd["status"], claims=claims, description=fd.get("description"),
            error=None if err is None else FileError(err["kind"], err["pointer"], err["message"], err.get("flag"),
                                                     err.get("raisable", True) if err["kind"] == "limit" else None),
        ))
    s = doc["summary"]
    code = _count(s["exit-code"])
    if exit_code is not None and exit_code != code:
        raise VerifyError(f"dyadcert exited {exit_code} but its report says exit code {code}")
    return Report(exit_code=code, version=doc["dyadcert-version"], limits={k: _count(v) for k, v in doc["limits"].items()},
                  files=files, passed=_count(s["passed"]), failed=_count(s["failed"]), raw=doc)


def _limit_flags(limits):
    from ._numbers import to_int

    args = []
    for k, v in (limits or {}).items():
        args += ["--" + k.replace("_", "-"), str(to_int(v, f"limits[{k!r}]"))]
    return args


def verify(paths, binary=None, jobs=None, limits=None, timeout=None):
    """Runs ``dyadcert verify --report json -- PATHS`` and returns its Report.

    ``paths``: a path or a list of files and directories. ``binary``: the dyadcert
    executable (default: $DYADCERT, then PATH). ``limits``: e.g. {"max_level": 24}.
    A false claim is not an exception: look at report.exit_code / report.ok and each
    ClaimResult. Raises BinaryNotFound, or VerifyError if no verdict document came back.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    exe = find_binary(binary)
    cmd = [exe, "verify", "--report", "json"]
    if jobs is not None:
        from ._numbers import to_int

        cmd += ["--jobs", str(to_int(jobs, "jobs"))]
    cmd += _limit_flags(limits)
    # "--" ends the options: a path such as "--allow-empty" or "-x.dyadcert.json" is a path.
    cmd += ["--"] + [os.fspath(p) for p in paths]
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
    try:
        doc = json.loads(proc.stdout.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise VerifyError(
            f"{' '.join(cmd)} exited {proc.returncode} without a verdict document: "
            + proc.stderr.decode("utf-8", "replace").strip()
        ) from None
    return parse_report(doc, proc.returncode)


def format_certificate(path, binary=None, check=False):
    """Runs ``dyadcert format -- PATH`` (the canonical text) or with check=True
    ``dyadcert format --check -- PATH`` (returns True when PATH is canonical)."""
    exe = find_binary(binary)
    cmd = [exe, "format"] + (["--check"] if check else []) + ["--", os.fspath(path)]
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if check:
        if proc.returncode not in (0, 1):
            raise VerifyError(f"{' '.join(cmd)} exited {proc.returncode}: {proc.stderr.decode('utf-8', 'replace').strip()}")
        return proc.returncode == 0
    if proc.returncode != 0:
        raise VerifyError(f"{' '.join(cmd)} exited {proc.returncode}: {proc.stderr.decode('utf-8', 'replace').strip()}")
    return proc.stdout.decode("utf-8")
