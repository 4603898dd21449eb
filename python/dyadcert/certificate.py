"""Objects, claims and the certificate that holds them (FORMAT.md sec. 3-5)."""

import os
import re

from ._canonical import canonical_text

__all__ = ["ObjectDef", "Claim", "Certificate", "FORMAT", "check_name", "ref", "refs"]

FORMAT = "dyadcert/1"
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.:-]{0,63}\Z")


def check_name(name, what="name"):
    """Checks the name syntax of FORMAT.md sec. 2.3 and returns the name."""
    if not isinstance(name, str):
        raise TypeError(f"a {what} must be a string, found {type(name).__name__} {name!r}")
    if not _NAME.match(name):
        raise ValueError(
            f"{name!r} is not a valid {what}: 1 to 64 ASCII characters, a letter or '_' first, "
            "then letters, digits, '_', '.', ':' or '-' (FORMAT.md sec. 2.3)"
        )
    return name


def ref(x, what="reference"):
    """The name of an object or claim: a string, or an ObjectDef / Claim."""
    if isinstance(x, ObjectDef):
        return x.name
    if isinstance(x, Claim):
        return x.id
    return check_name(x, what)


def refs(xs, what="reference"):
    if isinstance(xs, (str, ObjectDef, Claim)):
        raise TypeError(f"expected a list of names for {what}, found a single {xs!r}; wrap it in a list")
    return [ref(x, what) for x in xs]


class ObjectDef:
    """One member of the ``objects`` table: a name and its definition (a dict of strings).

    ``references`` lists the names of earlier objects the definition uses (checked by
    Certificate.add)."""

    __slots__ = ("name", "data", "references")

    def __init__(self, name, data, references=()):
        self.name = check_name(name, "object name")
        self.data = data
        self.references = list(references)

    @property
    def kind(self):
        return self.data["kind"]

    def to_dict(self):
        return self.data

    def __repr__(self):
        return f"ObjectDef({self.name!r}, kind={self.kind!r})"


class Claim:
    """One claim: id, rule, optional description and uses, inputs and statement."""

    __slots__ = ("id", "rule", "inputs", "statement", "uses", "description", "references")

    def __init__(self, id, rule, inputs, statement, uses=(), description=None, references=()):
        self.id = check_name(id, "claim id")
        self.rule = rule
        self.inputs = inputs
        self.statement = statement
        self.uses = refs(uses, "uses")
        if description is not None and not isinstance(description, str):
            raise TypeError("a description must be a string")
        self.description = description
        self.references = list(references)

    def to_dict(self):
        d = {"id": self.id, "rule": self.rule}
        if self.description is not None:
            d["description"] = self.description
        if self.uses:
            d["uses"] = list(self.uses)
        d["inputs"] = self.inputs
        d["statement"] = self.statement
        return d

    def __repr__(self):
        return f"Claim({self.id!r}, rule={self.rule!r})"


class _RawObject(ObjectDef):
    __slots__ = ()


class Certificate:
    """A ``dyadcert/1`` certificate: objects in definition order, then claims in order.

    >>> c = Certificate("two step functions")
    >>> f = c.add(step_function("f", [0, Fraction(1, 3), 1], [Fraction(1, 2), Fraction(-1, 4)]))

    ``add`` checks that names are unique, that objects refer only to objects defined
    before them, and that ``uses`` names earlier claims, so that mistakes show up in
    Python rather than as a verifier error. ``text()`` is the canonical form that
    ``dyadcert format`` writes (FORMAT.md sec. 2.6).
    """

    def __init__(self, description=None, objects=(), claims=()):
        if description is not None and not isinstance(description, str):
            raise TypeError("a description must be a string")
        self.description = description
        self.objects = {}
        self.claims = []
        self._claim_ids = set()
        for o in objects:
            self.add(o)
        for c in claims:
            self.add(c)

    def add(self, *items):
        """Adds objects and claims (in this order of appearance); returns the last one."""
        last = None
        for item in items:
            if isinstance(item, ObjectDef):
                if item.name in self.objects:
                    raise ValueError(f"object {item.name!r} is already defined")
                for r in item.references:
                    if r not in self.objects:
                        raise ValueError(
                            f"object {item.name!r} refers to {r!r}, which is not an object defined earlier"
                        )
                self.objects[item.name] = item
            elif isinstance(item, Claim):
                if item.id in self._claim_ids:
                    raise ValueError(f"claim id {item.id!r} is already used")
                for r in item.uses:
                    if r not in self._claim_ids:
                        raise ValueError(f"claim {item.id!r} uses {r!r}, which is not an earlier claim")
                for r in item.references:
                    if r not in self.objects:
                        raise ValueError(f"claim {item.id!r} refers to {r!r}, which is not a defined object")
                self.claims.append(item)
                self._claim_ids.add(item.id)
            else:
                raise TypeError(f"expected an object definition or a claim, found {type(item).__name__}")
            last = item
        return last

    def __getitem__(self, name):
        return self.objects[name]

    def to_dict(self):
        if not self.claims:
            raise ValueError("a certificate needs at least one claim (FORMAT.md sec. 3)")
        d = {"format": FORMAT}
        if self.description is not None:
            d["description"] = self.description
        if self.objects:
            d["objects"] = {name: o.to_dict() for name, o in self.objects.items()}
        d["claims"] = [c.to_dict() for c in self.claims]
        return d

    def text(self):
        """The canonical text (a str; write it as UTF-8)."""
        return canonical_text(self.to_dict())

    def write(self, path):
        """Writes the canonical form to path (UTF-8, one final newline); returns path."""
        data = self.text().encode("utf-8")
        with open(path, "wb") as handle:
            handle.write(data)
        return path

    def verify(self, path=None, binary=None, **options):
        """Writes the certificate (to path, or a temporary file) and runs
        dyadcert.verify on it; returns the Report."""
        from .verify import verify

        if path is not None:
            self.write(path)
            return verify([path], binary=binary, **options)
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            p = os.path.join(tmp, "certificate.dyadcert.json")
            self.write(p)
            return verify([p], binary=binary, **options)

    @classmethod
    def from_dict(cls, doc):
        """A certificate holding a parsed document's objects and claims as they are
        (no builder checks); text() then gives its canonical form.

        Raises ValueError for a document that is not a dyadcert/1 object, and TypeError
        (with the JSON pointer) for a value the canonical text cannot hold: a float (from
        ``json.loads`` of ``0.1``, ``NaN`` or ``Infinity``) or any other type than str,
        int, bool, None, dict and list. ``json.loads`` also keeps the last of two equal
        keys, which no dict can show: read a file with ``Certificate.load``, which refuses
        them."""
        from ._json import check_values

        if not isinstance(doc, dict):
            raise ValueError(f"not a {FORMAT} document (a {type(doc).__name__}, not a JSON object)")
        if doc.get("format") != FORMAT:
            raise ValueError(f"not a {FORMAT} document (format {doc.get('format')!r})")
        check_values(doc, "Certificate.from_dict")
        c = cls(doc.get("description"))
        for name, data in (doc.get("objects") or {}).items():
            c.objects[name] = _RawObject(name, data)
        for cd in doc.get("claims", []):
            claim = Claim(cd["id"], cd["rule"], cd.get("inputs", {}), cd.get("statement", {}),
                          uses=cd.get("uses", []), description=cd.get("description"))
            c.claims.append(claim)
            c._claim_ids.add(claim.id)
        return c

    @classmethod
    def load(cls, path):
        """The certificate in the file at path (UTF-8 JSON), read strictly (FORMAT.md sec.
        2.1): a key given twice in one object, ``NaN`` or ``Infinity``, a JSON number with
        a fraction or an exponent (``0.1``, ``1e3``) and an integer too long for Python's
        int raise ValueError naming the file and the JSON pointer (``json.loads`` would keep
        the last key and round the number). Other values are kept as written (an integer
        JSON number too), for the verifier to judge."""
        from ._json import loads

        with open(path, "rb") as handle:
            raw = handle.read()
        return cls.from_dict(loads(raw.decode("utf-8"), os.fspath(path)))
