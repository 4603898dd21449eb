#!/usr/bin/env python3
"""Validate DyadCert certificates (and verdict reports) against their JSON Schemas.

Usage:
  python3 Certificates/validate_schema.py                  # every *.dyadcert.json under Certificates/
  python3 Certificates/validate_schema.py PATH...          # these files, or the *.dyadcert.json below these directories
  python3 Certificates/validate_schema.py --verdict FILE   # also a `dyadcert verify --report json` document ('-' = stdin)
  python3 Certificates/validate_schema.py --self-test [--kernel .build/debug/dyadcert]

Certificates are checked against Certificates/dyadcert-1.schema.json (JSON Schema draft 2020-12)
after a strict parse that mirrors the kernel's JSON reader: UTF-8 without a byte order mark, no
duplicate keys, no NaN or Infinity. Two checks that no schema can express follow: every fraction
is in lowest terms, and claim ids are unique. Passing here does not mean a certificate verifies:
only `dyadcert verify` recomputes its claims (Certificates/FORMAT.md, sections 1.3 and 1.4).

--self-test checks that both schemas are valid draft 2020-12 schemas, that the number and name
patterns accept and reject exactly what the kernel does on a table of cases, that every shipped
certificate is valid, and that every document in Tests/SchemaCases/invalid/ is REJECTED by the
schema. With --kernel PATH it also runs that dyadcert binary: each invalid document must end in
exit code 2, and the verdict report of `dyadcert verify Certificates --report json` must be valid.

Exit status: 0 everything valid; 1 something invalid (each problem is printed with its JSON
pointer); 2 usage errors or an unreadable schema. The last line is `N passed, M failed`.
Needs the `jsonschema` package (4.18 or later: `pip install jsonschema`).
"""

import argparse
import json
import math
import os
import re
import subprocess
import sys

try:
    import jsonschema
    from jsonschema.exceptions import best_match
except ImportError:  # pragma: no cover
    sys.stderr.write("validate_schema.py needs the jsonschema package: pip install jsonschema\n")
    sys.exit(2)

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CERTIFICATE_SCHEMA = os.path.join(HERE, "dyadcert-1.schema.json")
VERDICT_SCHEMA = os.path.join(HERE, "verdict-1.schema.json")
INVALID_CASES = os.path.join(ROOT, "Tests", "SchemaCases", "invalid")
SUFFIX = ".dyadcert.json"
FRACTION = re.compile(r"^-?([1-9][0-9]*)/([1-9][0-9]*)$")


class DocumentError(Exception):
    """A document that cannot be read as strict JSON."""


# ----------------------------------------------------------------------------- reading

def _no_duplicates(pairs):
    seen = {}
    for key, value in pairs:
        if key in seen:
            raise DocumentError(f"duplicate key {json.dumps(key)}")
        seen[key] = value
    return seen


def _no_constant(name):
    raise DocumentError(f"{name} is not JSON (RFC 8259)")


def load_strict(path):
    """Parses a file the way the kernel does: UTF-8, no BOM, no duplicate keys, no NaN."""
    try:
        if path == "-":
            data = sys.stdin.buffer.read()
        else:
            with open(path, "rb") as handle:
                data = handle.read()
    except OSError as error:
        raise DocumentError(f"cannot read: {error.strerror}") from None
    if data.startswith(b"\xef\xbb\xbf"):
        raise DocumentError("the file starts with a UTF-8 byte order mark; save it as UTF-8 without BOM")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise DocumentError(f"invalid UTF-8 at byte {error.start}") from None
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
    except json.JSONDecodeError as error:
        raise DocumentError(f"not well-formed JSON: {error.msg} (line {error.lineno}, column {error.colno})") from None


def load_schema(path):
    try:
        with open(path, "rb") as handle:
            schema = json.loads(handle.read().decode("utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
    except (OSError, ValueError, jsonschema.exceptions.SchemaError) as error:
        sys.stderr.write(f"error: cannot use the schema {path}: {error}\n")
        sys.exit(2)
    return jsonschema.Draft202012Validator(schema)


# ----------------------------------------------------------------------------- reporting

def pointer(path):
    """RFC 6901 text of a jsonschema path ('/' for the whole document, as the kernel shows it)."""
    tokens = [str(token).replace("~", "~0").replace("/", "~1") for token in path]
    return "/" + "/".join(tokens) if tokens else "/"


def explain(error):
    """One line for a schema error, preferring the schema's own description of what is expected."""
    if error.validator in ("oneOf", "anyOf") and error.context:
        deepest = best_match(error.context)
        if deepest is not None and len(deepest.absolute_path) >= len(error.absolute_path):
            return explain(deepest)
    message = error.message
    described = isinstance(error.schema, dict) and "description" in error.schema
    if error.validator == "pattern" and described and error.schema.get("type") == "string":
        description = error.schema["description"]
        message = f"{json.dumps(error.instance)} is not {description[0].lower()}{description[1:]}"
    elif error.validator in ("pattern", "minLength", "maxLength", "minItems", "maxItems") and described:
        found = f"{len(error.instance)} characters" if isinstance(error.instance, str) else f"{len(error.instance)} items"
        shown = f"{json.dumps(error.instance)} ({found})" if isinstance(error.instance, str) and len(error.instance) <= 40 else found
        message = f"{shown}: expected {error.schema['description']}"
    if len(message) > 300:
        message = message[:297] + "..."
    return f"at {pointer(error.absolute_path)}: {message}"


def extra_checks(document):
    """What the schema cannot express: fractions in lowest terms, unique claim ids."""
    problems = []

    def walk(value, path, key=None):
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, path + [k], k)
        elif isinstance(value, list):
            for i, v in enumerate(value):
                walk(v, path + [i], key)
        elif isinstance(value, str) and key != "description":
            match = FRACTION.match(value)
            if match:
                p, q = int(match.group(1)), int(match.group(2))
                g = math.gcd(p, q)
                if g != 1:
                    sign = "-" if value.startswith("-") else ""
                    reduced = f"{sign}{p // g}" + (f"/{q // g}" if q // g != 1 else "")
                    problems.append(f"at {pointer(path)}: {json.dumps(value)} is not in lowest terms; write {reduced}")

    walk(document, [])
    seen = {}
    for i, claim in enumerate(document.get("claims", []) if isinstance(document, dict) else []):
        if isinstance(claim, dict) and isinstance(claim.get("id"), str):
            if claim["id"] in seen:
                problems.append(f"at /claims/{i}/id: {json.dumps(claim['id'])} is already the id of claim {seen[claim['id']]}")
            seen.setdefault(claim["id"], i)
    return problems


def check_document(validator, path, extra=True, limit=8):
    """Returns the list of problems of one document (empty when valid)."""
    try:
        document = load_strict(path)
    except DocumentError as error:
        return [f"at /: {error}"]
    errors = sorted(validator.iter_errors(document), key=lambda e: (list(map(str, e.absolute_path)), e.validator))
    problems = [explain(e) for e in errors[:limit]]
    if len(errors) > limit:
        problems.append(f"... and {len(errors) - limit} more")
    if not errors and extra:
        problems += extra_checks(document)
    return problems


class Tally:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def record(self, ok, label, problems=()):
        if ok:
            self.passed += 1
            print(f"ok    {label}")
        else:
            self.failed += 1
            print(f"FAIL  {label}")
        for problem in problems:
            print(f"      {problem}")


def relative(path):
    try:
        return os.path.relpath(path)
    except ValueError:
        return path


def certificate_files(paths):
    files = []
    for path in paths:
        if os.path.isdir(path):
            for directory, _, names in os.walk(path):
                files += [os.path.join(directory, n) for n in names if n.endswith(SUFFIX)]
        else:
            files.append(path)
    return sorted(files)


# ----------------------------------------------------------------------------- self-test

# (text, accepted as a canonical rational by the kernel, accepted as an integer)
NUMBER_CASES = [
    ("0", True, True), ("7", True, True), ("-12", True, True), ("3/8", True, False), ("-1/2", True, False),
    ("123456789012345678901234567890", True, True), ("1/10", True, False),
    ("", False, False), ("-", False, False), ("+1", False, False), ("-0", False, False), ("007", False, False),
    ("0.5", False, False), ("1e3", False, False), (" 1", False, False), ("1 ", False, False), ("1\n", False, False),
    ("1/0", False, False), ("3/1", False, False), ("0/5", False, False), ("1/-2", False, False), ("1/+2", False, False),
    ("1/02", False, False), ("3/", False, False), ("/2", False, False), ("\u0663", False, False), ("--1", False, False),
]
NAME_CASES = [("a", True), ("_x", True), ("K4-5-6-7", True), ("a.b:c-9_", True), ("a" * 64, True),
              ("", False), ("1a", False), ("-a", False), ("a b", False), ("a/b", False), ("a" * 65, False), ("\u00e9", False),
              ("a\n", False)]


def self_test(tally, certificate_validator, verdict_validator, kernel):
    schema = certificate_validator.schema
    defs = schema["$defs"]
    sub = lambda name: jsonschema.Draft202012Validator({**defs[name], "$defs": defs})
    rational, integer, name = sub("rational"), sub("integer"), sub("name")
    wrong = [f"{json.dumps(t)}: rational {rational.is_valid(t)} (kernel {r}), integer {integer.is_valid(t)} (kernel {i})"
             for t, r, i in NUMBER_CASES if rational.is_valid(t) != r or integer.is_valid(t) != i]
    tally.record(not wrong, f"number patterns on {len(NUMBER_CASES)} cases", wrong)
    wrong = [f"{json.dumps(t)}: {name.is_valid(t)} (kernel {ok})" for t, ok in NAME_CASES if name.is_valid(t) != ok]
    tally.record(not wrong, f"name pattern on {len(NAME_CASES)} cases", wrong)
    # A fraction not in lowest terms passes the pattern; the extra check catches it.
    lowest = extra_checks({"claims": [], "objects": {"f": {"values": ["2/4", "-6/3", "3/8"]}}})
    tally.record(len(lowest) == 2 and "write 1/2" in lowest[0] and "write -2" in lowest[1],
                 "lowest-terms check (\"2/4\", \"-6/3\")", [] if len(lowest) == 2 else lowest)

    shipped = certificate_files([HERE])
    for path in shipped:
        problems = check_document(certificate_validator, path)
        tally.record(not problems, f"valid   {relative(path)}", problems)
    if not shipped:
        tally.record(False, "no shipped certificates found under " + relative(HERE))

    cases = sorted(os.path.join(INVALID_CASES, n) for n in os.listdir(INVALID_CASES)) if os.path.isdir(INVALID_CASES) else []
    if not cases:
        tally.record(False, "no invalid cases in " + relative(INVALID_CASES))
    for path in cases:
        problems = check_document(certificate_validator, path, extra=False, limit=3)
        tally.record(bool(problems), f"rejects {relative(path)}",
                     problems if problems else ["the schema accepts this document, which the kernel rejects"])

    if kernel:
        for path in cases:
            run = subprocess.run([kernel, "verify", path, "--quiet"], capture_output=True, text=True)
            message = (run.stderr.strip().splitlines() or [""])[0]
            tally.record(run.returncode == 2, f"kernel exit {run.returncode} (expected 2) for {relative(path)}", [message])
        run = subprocess.run([kernel, "verify", HERE, "--report", "json"], capture_output=True, text=True)
        try:
            report = json.loads(run.stdout, object_pairs_hook=_no_duplicates)
            errors = sorted(verdict_validator.iter_errors(report), key=lambda e: list(map(str, e.absolute_path)))
            problems = [explain(e) for e in errors[:8]]
        except (ValueError, DocumentError) as error:
            problems = [f"not a JSON document: {error}"]
        if run.returncode != 0:
            problems.append(f"dyadcert verify exited {run.returncode}: the shipped certificates should verify")
        tally.record(not problems, f"verdict report of `dyadcert verify {relative(HERE)} --report json`", problems)


# ----------------------------------------------------------------------------- main

def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__.split("\n\n", 1)[1])
    parser.add_argument("paths", nargs="*", help="certificate files or directories (default: the Certificates/ directory)")
    parser.add_argument("--verdict", metavar="FILE", action="append", default=[],
                        help="a verdict document of `dyadcert verify --report json` to validate ('-' for standard input)")
    parser.add_argument("--self-test", action="store_true", help="check the schemas against known valid and invalid documents")
    parser.add_argument("--kernel", metavar="DYADCERT", help="with --self-test: a dyadcert binary to cross-check against")
    parser.add_argument("--schema", default=CERTIFICATE_SCHEMA, help="the certificate schema (default: %(default)s)")
    parser.add_argument("--verdict-schema", default=VERDICT_SCHEMA, help="the verdict schema (default: %(default)s)")
    args = parser.parse_args(argv)
    if args.kernel and not args.self_test:
        parser.error("--kernel needs --self-test")

    certificate_validator = load_schema(args.schema)
    verdict_validator = load_schema(args.verdict_schema)
    tally = Tally()

    if args.self_test:
        self_test(tally, certificate_validator, verdict_validator, args.kernel)
    if args.paths or not (args.self_test or args.verdict):
        files = certificate_files(args.paths or [HERE])
        if not files:
            tally.record(False, "no *.dyadcert.json files found in " + ", ".join(args.paths or [relative(HERE)]))
        for path in files:
            problems = check_document(certificate_validator, path)
            tally.record(not problems, relative(path), problems)
    for path in args.verdict:
        problems = check_document(verdict_validator, path, extra=False)
        tally.record(not problems, f"verdict {path}", problems)

    print(f"{tally.passed} passed, {tally.failed} failed")
    return 0 if tally.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
