"""Parameter codes (FORMAT.md sec. 6): ``sign``, ``int[LO,HI]``, ``dyadic[B,E]``, their
lengths in bits as the kernel computes them, and the shortest code for a set of values.
Shared by every network type (Heaviside now, ReLU later)."""

import re

from . import _fields as F
from ._numbers import int_text, parse_rational, to_fraction, to_int

__all__ = ["Code", "sign_code", "int_code", "dyadic_code", "smallest_code"]

_INT = r"(?:0|-?[1-9][0-9]*)"
_SMALL = r"(?:[0-9]|[1-9][0-9]{1,5}|1000000)"
_CODE = re.compile(r"^(?:(sign)|int\[(" + _INT + r"),(" + _INT + r")\]|dyadic\[(" + _SMALL + r"),(" + _SMALL + r")\])\Z")


class Code:
    """A parameter code: ``sign`` (1 bit), ``int[LO,HI]`` (ceil(log2(HI - LO + 1)) bits)
    or ``dyadic[B,E]`` (1 + B + ceil(log2(E + 1)) bits), FORMAT.md sec. 6."""

    __slots__ = ("kind", "a", "b")

    def __init__(self, kind, a=None, b=None):
        if kind == "sign":
            pass
        elif kind == "int":
            a, b = to_int(a, "LO of an int code"), to_int(b, "HI of an int code")
            if a > b:
                raise ValueError(f"int[{a},{b}]: LO must be <= HI")
        elif kind == "dyadic":
            a, b = to_int(a, "B of a dyadic code"), to_int(b, "E of a dyadic code")
            if not (0 <= a <= 1000000 and 0 <= b <= 1000000):
                raise ValueError(f"dyadic[{a},{b}]: B and E must be in 0..1000000")
        else:
            raise ValueError(f"unknown code kind {kind!r} (sign, int, dyadic)")
        self.kind, self.a, self.b = kind, a, b

    @classmethod
    def parse(cls, text):
        if isinstance(text, Code):
            return text
        if not isinstance(text, str):
            raise TypeError(f"a code is a string such as 'sign', 'int[-4,4]' or 'dyadic[2,2]', found {text!r}")
        m = _CODE.match(text)
        if not m:
            raise ValueError(f"{text!r} is not a code: 'sign', 'int[LO,HI]' or 'dyadic[B,E]' with canonical integers, no spaces")
        if m.group(1):
            return cls("sign")
        if m.group(2) is not None:
            return cls("int", int(parse_rational(m.group(2))), int(parse_rational(m.group(3))))
        return cls("dyadic", int(m.group(4)), int(m.group(5)))

    @property
    def text(self):
        if self.kind == "sign":
            return "sign"
        return f"{self.kind}[{int_text(self.a)},{int_text(self.b)}]"

    @property
    def bits(self):
        """The code length in bits, as the kernel computes it."""
        if self.kind == "sign":
            return 1
        if self.kind == "int":
            return (self.b - self.a + 1 - 1).bit_length()  # ceil(log2(n)) = (n - 1).bit_length()
        return 1 + self.a + ((self.b + 1) - 1).bit_length()

    def admits(self, value):
        q = to_fraction(value)
        if self.kind == "sign":
            return q == 1 or q == -1
        if self.kind == "int":
            return q.denominator == 1 and self.a <= q.numerator <= self.b
        d = q.denominator
        if d & (d - 1):
            return False
        return d.bit_length() - 1 <= self.b and abs(q.numerator).bit_length() <= self.a

    def __eq__(self, other):
        return isinstance(other, Code) and (self.kind, self.a, self.b) == (other.kind, other.a, other.b)

    def __hash__(self):
        return hash((self.kind, self.a, self.b))

    def __str__(self):
        return self.text

    def __repr__(self):
        return f"Code({self.text!r})"


def sign_code():
    return Code("sign")


def int_code(lo, hi):
    return Code("int", int(F.integer(lo, "lo")), int(F.integer(hi, "hi")))


def dyadic_code(B, E):
    return Code("dyadic", int(F.integer(B, "B", 0, 1000000)), int(F.integer(E, "E", 0, 1000000)))


def smallest_code(values):
    """The shortest code that admits every value (ties: sign, then int, then dyadic);
    None if no code fits (a value that is not dyadic, such as 1/3)."""
    qs = [to_fraction(v) for v in values]
    if not qs:
        return None
    candidates = []
    if all(q == 1 or q == -1 for q in qs):
        candidates.append(Code("sign"))
    if all(q.denominator == 1 for q in qs):
        candidates.append(Code("int", min(qs).numerator, max(qs).numerator))
    if all(q.denominator & (q.denominator - 1) == 0 for q in qs):
        B = max(abs(q.numerator).bit_length() for q in qs)
        E = max(q.denominator.bit_length() - 1 for q in qs)
        if B <= 1000000 and E <= 1000000:
            candidates.append(Code("dyadic", B, E))
    if not candidates:
        return None
    return min(candidates, key=lambda c: c.bits)  # min keeps the first of equals
