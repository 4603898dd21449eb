"""Canonical output: byte-identical to the shipped certificates (which `dyadcert format
--check` accepts) when their objects and claims are rebuilt through the builders; the
examples of FORMAT.md sec. 1.2, 4 and 5 rebuilt the same way; `dyadcert format --check`,
the JSON Schema and `dyadcert verify` on the package's own output; claim digests."""

import json
from pathlib import Path
import re
import subprocess

import pytest

import dyadcert as dc
from _rebuild import rebuild_certificate, rebuild_claim, rebuild_object
from conftest import CERTIFICATES, SHIPPED, assert_schema_valid

FORMAT_MD = CERTIFICATES / "FORMAT.md"


def test_shipped_certificates_present():
    assert len(SHIPPED) >= 10


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_canonical_text_of_shipped(path):
    raw = path.read_bytes()
    doc = json.loads(raw)
    assert dc.canonical_text(doc).encode("utf-8") == raw
    assert dc.Certificate.from_dict(doc).text().encode("utf-8") == raw


def pending_parts(doc):
    """The kinds and rules of `doc` that the package cannot build yet."""
    kinds = {o["kind"] for o in doc.get("objects", {}).values()} & dc.PENDING_OBJECT_KINDS
    rules = {c["rule"] for c in doc.get("claims", [])} & dc.PENDING_RULES
    keys = {k for k in PENDING_KEYS if any(uses_key(c, k) for c in doc.get("claims", []))}
    return sorted(kinds | rules | keys)


#: Claim keys that the builders do not write yet, mapped to their rule (none since the
#: 0.2.0 keys `meaning` of `bits` and `eps` of `network-width-lower` got builders).
PENDING_KEYS = {}


def uses_key(claim, key):
    """Whether a claim of the rule PENDING_KEYS[key] uses `key` anywhere in its inputs."""
    return claim.get("rule") == PENDING_KEYS[key] and f'"{key}"' in json.dumps(claim.get("inputs", {}))


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_rebuilt_through_builders(path, schema_validator):
    raw = path.read_bytes()
    doc = json.loads(raw)
    pending = pending_parts(doc)
    if pending:
        pytest.skip(f"no builder yet for {', '.join(pending)} (0.2.0 additions)")
    cert = rebuild_certificate(doc)
    text = cert.text()
    assert text.encode("utf-8") == raw
    assert_schema_valid(schema_validator, json.loads(text))


def test_shuffled_members_are_reordered():
    doc = json.loads(SHIPPED[0].read_bytes())

    def shuffle(v):
        if isinstance(v, dict):
            return {k: shuffle(v[k]) for k in reversed(list(v))} if "kind" in v or "id" in v or "format" in v else {k: shuffle(x) for k, x in v.items()}
        if isinstance(v, list):
            return [shuffle(x) for x in v]
        return v

    assert dc.canonical_text(shuffle(doc)).encode("utf-8") == SHIPPED[0].read_bytes()


def test_string_escapes():
    text = dc.canonical_text({"description": 'a"b\\c/d\u00e9\b\f\n\r\t\x01\x1f\u2028'})
    assert text == '{\n  "description": "a\\"b\\\\c/d\u00e9\\b\\f\\n\\r\\t\\u0001\\u001f\u2028"\n}\n'
    assert dc.canonical_text({"a": [], "b": {}, "c": [["1"], []]}, reorder=False) == (
        '{\n  "a": [],\n  "b": {},\n  "c": [\n    ["1"],\n    []\n  ]\n}\n')


# FORMAT.md examples --------------------------------------------------------------------

def _blocks(tag):
    text = FORMAT_MD.read_text(encoding="utf-8")
    return re.findall(r"<!-- " + tag + r" -->\n```json\n(.*?)\n```", text, flags=re.S)


def _format_objects():
    objects = {}
    blocks = _blocks("object")
    for block in blocks:
        for name, data in json.loads("{" + block + "}").items():
            objects[name] = (data, block)
    return objects, blocks


def test_format_md_has_examples():
    """Every example in FORMAT.md has a builder; the examples cover the original 24 kinds
    and 15 rules (FORMAT.md shows only some of the 0.2.0 rules as blocks; the shipped
    relu-two-units and sparse-heads-small certificates cover the rest)."""
    objects, blocks = _format_objects()
    kinds = {d["kind"] for d, _ in objects.values()}
    assert kinds <= set(dc.OBJECT_KINDS), kinds - set(dc.OBJECT_KINDS)
    assert len(kinds) >= 24
    rules = {json.loads(b)["rule"] for b in _blocks("claim")}
    assert rules <= set(dc.RULES), rules - set(dc.RULES)
    assert len(rules) >= 15


def test_every_kind_and_rule_has_a_builder_and_is_shipped():
    """No kind or rule is pending, and each appears in a shipped certificate or FORMAT.md."""
    assert not dc.PENDING_OBJECT_KINDS and not dc.PENDING_RULES
    objects, _ = _format_objects()
    kinds = {d["kind"] for d, _ in objects.values()}
    rules = {json.loads(b)["rule"] for b in _blocks("claim")}
    for path in SHIPPED:
        doc = json.loads(path.read_bytes())
        kinds |= {o["kind"] for o in doc.get("objects", {}).values()}
        rules |= {c["rule"] for c in doc["claims"]}
    assert kinds == set(dc.OBJECT_KINDS), kinds ^ set(dc.OBJECT_KINDS)
    assert rules == set(dc.RULES), rules ^ set(dc.RULES)


def test_format_md_object_blocks_rebuilt():
    objects, blocks = _format_objects()
    raw = {n: d for n, (d, _) in objects.items()}
    for block in blocks:
        members = json.loads("{" + block + "}")
        if any(d["kind"] in dc.PENDING_OBJECT_KINDS for d in members.values()):
            continue
        parts, expected = [], []
        for name, data in members.items():
            o = rebuild_object(name, data, raw)
            parts.append(dc.canonical_text({name: o.to_dict()})[4:-3].replace("\n  ", "\n"))
            expected.append(dc.canonical_text({name: data})[4:-3].replace("\n  ", "\n"))
        # Equal to the block's canonical form, so to the block itself where FORMAT.md
        # writes it canonically (the sec. 4.7 examples are partly compact).
        assert ",\n".join(parts) == ",\n".join(expected)


def test_format_md_claim_blocks_rebuilt():
    objects, _ = _format_objects()
    raw = {n: d for n, (d, _) in objects.items()}
    for block in _blocks("claim"):
        if pending_parts({"claims": [json.loads(block)]}):
            continue
        c = rebuild_claim(json.loads(block), raw)
        assert dc.canonical_text(c.to_dict()) == dc.canonical_text(json.loads(block))


def test_format_md_complete_example_rebuilt():
    (block,) = _blocks("certificate")
    assert rebuild_certificate(json.loads(block)).text() == block + "\n"


def format_md_certificate():
    """All objects of FORMAT.md sec. 4 and all claims of sec. 5, rebuilt, claims ordered
    so that every claim's uses come first (the joint-bits example needs joint-size)."""
    objects, _ = _format_objects()
    raw = {n: d for n, (d, _) in objects.items()}
    cert = dc.Certificate("FORMAT.md sec. 4 and 5 examples, rebuilt by the Python builders")
    skipped = set()
    for name, data in raw.items():
        o = rebuild_object(name, data, raw)
        # Sec. 4.7's relu-network example names matrices FORMAT.md does not define.
        if data["kind"] in dc.PENDING_OBJECT_KINDS or any(r not in cert.objects for r in o.references):
            skipped.add(name)
            continue
        cert.add(o)
    claims = [json.loads(b) for b in _blocks("claim")]
    ids = {c["id"] for c in claims}
    pending = [c for c in claims
               if not pending_parts({"claims": [c]})
               and not (set(json.dumps(c["inputs"]).split('"')) & skipped)
               and all(u in ids for u in c.get("uses", []))]
    ids = {c["id"] for c in pending}
    assert len(ids) == len(pending)
    while pending:
        for c in pending:
            if all(u in cert._claim_ids for u in c.get("uses", [])):
                cert.add(rebuild_claim(c, raw))
                pending.remove(c)
                break
        else:
            raise AssertionError("circular uses")
    return cert


def test_format_md_examples_schema_valid(schema_validator):
    assert_schema_valid(schema_validator, format_md_certificate().to_dict())


def test_format_md_examples_canonical_and_verified(binary, tmp_path, verdict_validator):
    cert = format_md_certificate()
    path = tmp_path / "format-examples.dyadcert.json"
    cert.write(path)
    check = subprocess.run([binary, "format", str(path), "--check"], capture_output=True)
    assert check.returncode == 0, check.stderr
    out = subprocess.run([binary, "format", str(path)], capture_output=True)
    assert out.stdout == path.read_bytes()
    report = dc.verify([path], binary=binary)
    assert_schema_valid(verdict_validator, report.raw)
    assert report.exit_code == 0, report.summary()
    assert report.passed == len(cert.claims) and report.failed == 0
    # Claim digests (FORMAT.md sec. 8.3) computed here agree with the kernel's.
    for claim, result in zip(cert.claims, report.files[0].claims):
        assert result.id == claim.id
        assert dc.claim_digest(claim) == result.digest


@pytest.mark.parametrize("path", SHIPPED[:3], ids=lambda p: p.name)
def test_reemitted_shipped_pass_format_check(path, binary, tmp_path):
    doc = json.loads(path.read_bytes())
    if pending_parts(doc):
        pytest.skip(f"no builder yet for {', '.join(pending_parts(doc))} (0.2.0 additions)")
    cert = rebuild_certificate(doc)
    out = tmp_path / path.name
    cert.write(out)
    r = subprocess.run([binary, "format", str(out), "--check"], capture_output=True)
    assert r.returncode == 0, r.stderr
    assert dc.format_certificate(out, binary=binary, check=True)


def test_format_check_rejects_noncanonical(binary, tmp_path):
    # The check can fail: a compact dump of the same document is not canonical.
    doc = json.loads(SHIPPED[0].read_bytes())
    p = tmp_path / "compact.dyadcert.json"
    p.write_text(json.dumps(doc), encoding="utf-8")
    assert not dc.format_certificate(p, binary=binary, check=True)


def test_escapes_agree_with_dyadcert_format(binary, tmp_path):
    desc = 'quote " backslash \\ slash / \u00e9 \U0001f600 \x7f \u2028 tab\t nl\n cr\r bs\b ff\f nul-free \x01\x1f'
    c = dc.Certificate(desc)
    c.add(dc.haar_function("psi", 0, 0), dc.gram("g", ["psi"], diagonal=[1], description="d\x02"))
    ours = tmp_path / "ours.dyadcert.json"
    c.write(ours)
    theirs = tmp_path / "theirs.dyadcert.json"
    theirs.write_text(json.dumps(c.to_dict(), ensure_ascii=True), encoding="utf-8")
    out = subprocess.run([binary, "format", str(theirs)], capture_output=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout == ours.read_bytes()
    report = dc.verify(ours, binary=binary)
    assert report.ok and report.files[0].description == desc


def _random_value(rng, depth):
    keys = dc.KEY_ORDER + ["objects", "zeta", "Alpha", "a-b", "\u00e9", "k\u0001", ""]
    r = rng.random()
    if depth > 4 or r < 0.35:
        choice = rng.random()
        if choice < 0.8:
            alphabet = "ab/\\\"\u00e9\u2028\U0001f600\t\n\x01 -1"
            return "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 6)))
        return rng.choice([0, -7, 12345678901234567890, True, False, None])
    if r < 0.65:
        return [_random_value(rng, depth + 1) for _ in range(rng.randint(0, 4))]
    return {rng.choice(keys): _random_value(rng, depth + 1) for _ in range(rng.randint(0, 5))}


def test_random_documents_against_dyadcert_format(binary, tmp_path):
    """`dyadcert format` canonicalises any well-formed JSON: 100 random documents (random
    keys from the key order and others, nested `objects`, escapes, scalars) must come out
    byte-identical to canonical_text."""
    import random

    rng = random.Random(7)
    for i in range(100):
        doc = {rng.choice(["format", "objects", "claims", "x"]): _random_value(rng, 0) for _ in range(rng.randint(1, 4))}
        path = tmp_path / f"d{i}.json"
        path.write_text(json.dumps(doc, ensure_ascii=rng.random() < 0.5), encoding="utf-8")
        out = subprocess.run([binary, "format", str(path)], capture_output=True)
        assert out.returncode == 0, out.stderr
        assert out.stdout.decode("utf-8") == dc.canonical_text(doc), json.dumps(doc)


def test_key_order_is_the_formats():
    """KEY_ORDER is the order FORMAT.md sec. 2.6 prints (a Swift test checks that this
    is the order derived from the kernel's declarations)."""
    text = (Path(__file__).resolve().parents[2] / "Certificates/FORMAT.md").read_text(encoding="utf-8")
    section = text[text.index("### 2.6") :]
    start = section.index("code-point order:")
    listed = section[start:].split("`")[1]
    assert list(dc.KEY_ORDER) == listed.split()


def test_the_digest_recipe_of_format_md():
    """The Python digest recipe printed in FORMAT.md sec. 8.3 (run as written) gives the
    kernel's claim digests on every shipped claim."""
    text = (Path(__file__).resolve().parents[2] / "Certificates/FORMAT.md").read_text(encoding="utf-8")
    section = text[text.index("**Digest.**") :]
    code = section[section.index("```python\n") + len("```python\n") : section.index("\ncertificate = json.load")]
    recipe = {}
    exec(code, recipe)
    checked = 0
    for path in SHIPPED:
        certificate = json.loads(path.read_text(encoding="utf-8"))
        for claim in certificate["claims"]:
            assert recipe["digest"](claim) == dc.claim_digest(claim)
            checked += 1
    assert checked > 400
