#!/usr/bin/env python3
"""Writes vectors.tsv: differential test vectors for ExactArithmetic.

The expected results come from Python's own exact arithmetic (int and
fractions.Fraction), which shares no code with GMP or with the Swift library, so
DifferentialTests.swift can replay every line and compare exactly.

Usage (standard library only; writes vectors.tsv next to this script):

    python3 Tests/ExactArithmeticTests/Fixtures/make_vectors.py

The output is deterministic (random.Random with a fixed seed), so rerunning the
script reproduces the committed fixture byte for byte.

Format: one operation per line, tab-separated; lines starting with '#' are comments.
Numbers are in DyadCert's canonical text form: integers `-12`, fractions `3/8`
(lowest terms, denominator >= 2); `hex` results are lowercase hexadecimal with a
leading `-` when negative. Operations (arguments, then expected results):

    add a b r          a + b
    sub a b r          a - b
    mul a b r          a * b
    tdivmod a b q r    truncating division: q = trunc(a/b), r = a - q*b
    fdivmod a b q m    floored division (Python's divmod)
    gcd a b g          non-negative gcd
    pow a k r          a ** k
    shl a k r          a << k
    shr a k r          a >> k (floor division by 2**k)
    bitlen a n         bit length of |a|
    popcount a n       number of one bits of |a|
    ctz a n            trailing zero bits of |a| (0 for 0)
    hex a h            a in lowercase hexadecimal
    qadd x y r         rationals: x + y      (likewise qsub, qmul, qdiv)
    qfloor x r         floor(x)              (likewise qceil)
    qcmp x y s         sign of x - y
    qdec x k t         x rounded half away from zero to k fraction digits; a value
                       that rounds to zero is written without a sign
    dadd x y r         dyadic x + y          (likewise dmul)
    clog2 n r          ceil(log2 n) for n >= 1
    cmplog2 n p q s    sign of n**q - 2**p (n >= 1, q >= 1)
"""

import os
import random
import sys
from fractions import Fraction

SEED = 20260111
rng = random.Random(SEED)

INT_MAX = 2**63 - 1
INT_MIN = -(2**63)

# Values on both sides of every machine-word boundary the library has (Int, Int128,
# and the 2^126 bound of Rational's 128-bit fast path).
BOUNDARY = sorted(
    {0, 1, -1, 2, -2, 3, -3}
    | {s * v for s in (1, -1) for v in (2**32 - 1, 2**32, 2**32 + 1, 2**62 - 1, 2**62, 2**62 + 1)}
    | {INT_MAX, INT_MAX - 1, INT_MIN, INT_MIN + 1, INT_MAX + 1, INT_MIN - 1}
    | {2**64 - 1, 2**64, 2**64 + 1, -(2**64 - 1), -(2**64), -(2**64 + 1)}
    | {2**126 - 1, 2**126, -(2**126), 2**127 - 1, -(2**127), 2**127, -(2**127) - 1, 2**128, -(2**128)}
)

SIZE_CLASSES = ["small", "boundary", "64", "128", "1000", "5000"]


def random_bits(bits):
    """A random integer with exactly `bits` bits (bits >= 1), random sign."""
    value = rng.getrandbits(bits) | (1 << (bits - 1))
    return -value if rng.random() < 0.5 else value


def sample(size):
    if size == "small":
        return rng.randint(-100, 100)
    if size == "boundary":
        return rng.choice(BOUNDARY)
    if size == "64":
        return random_bits(rng.randint(33, 64))
    if size == "128":
        return random_bits(rng.randint(65, 128))
    if size == "1000":
        return random_bits(rng.randint(900, 1000))
    if size == "5000":
        return random_bits(rng.randint(4900, 5000))
    raise ValueError(size)


# How many operand pairs each combination of size classes gets (big ones fewer, to
# keep the fixture small).
def pair_count(s1, s2):
    if "5000" in (s1, s2):
        return 1
    if "1000" in (s1, s2):
        return 2
    if s1 == "boundary" and s2 == "boundary":
        return 40
    return 6


def sized_pairs():
    for s1 in SIZE_CLASSES:
        for s2 in SIZE_CLASSES:
            for _ in range(pair_count(s1, s2)):
                yield sample(s1), sample(s2)


def nonzero(value):
    return value if value != 0 else 7


def text(value):
    """Canonical text of an int or Fraction."""
    if isinstance(value, Fraction):
        if value.denominator == 1:
            return str(value.numerator)
        return f"{value.numerator}/{value.denominator}"
    return str(value)


def hex_text(value):
    return ("-" if value < 0 else "") + format(abs(value), "x")


def trunc_divmod(a, b):
    q = abs(a) // abs(b)
    if (a < 0) != (b < 0):
        q = -q
    return q, a - q * b


def gcd(a, b):
    a, b = abs(a), abs(b)
    while b:
        a, b = b, a % b
    return a


def ctz(a):
    if a == 0:
        return 0
    a = abs(a)
    return (a & -a).bit_length() - 1


def sign(x):
    return (x > 0) - (x < 0)


def ceil_log2(n):
    return (n - 1).bit_length()


def round_half_away(x, k):
    scaled = abs(x) * 10**k
    q = scaled.numerator // scaled.denominator
    if scaled - q >= Fraction(1, 2):
        q += 1
    digits = str(q)
    if k > 0:
        digits = digits.rjust(k + 1, "0")
        digits = digits[:-k] + "." + digits[-k:]
    return ("-" if x < 0 and q != 0 else "") + digits


def sample_rational(size):
    num = sample(size)
    den = abs(sample(size))
    if den == 0:
        den = 1
    if rng.random() < 0.2:
        den = 1
    return Fraction(num, den)


def sample_dyadic():
    m = sample(rng.choices(SIZE_CLASSES, weights=[4, 4, 4, 4, 2, 1])[0])
    e = rng.choice([0, 0, 1, 2, rng.randint(0, 70), rng.randint(0, 200), rng.randint(500, 700)])
    return Fraction(m, 2**e)


lines = []


def emit(*fields):
    lines.append("\t".join(str(f) for f in fields))


def main():
    # BigInt: binary operations on every combination of size classes.
    for a, b in sized_pairs():
        emit("add", a, b, a + b)
        emit("sub", a, b, a - b)
        emit("mul", a, b, a * b)
        d = nonzero(b)
        q, r = trunc_divmod(a, d)
        emit("tdivmod", a, d, q, r)
        fq, fm = divmod(a, d)
        emit("fdivmod", a, d, fq, fm)
        emit("gcd", a, b, gcd(a, b))
    # Division with a small divisor relative to the dividend, both signs, exact cases.
    for _ in range(30):
        a = sample(rng.choice(["128", "1000", "5000"]))
        d = sample(rng.choice(["small", "boundary", "64", "128"]))
        d = nonzero(d)
        for dividend in (a, a * d, a * d + 1, -a * d - 1):
            q, r = trunc_divmod(dividend, d)
            emit("tdivmod", dividend, d, q, r)
            fq, fm = divmod(dividend, d)
            emit("fdivmod", dividend, d, fq, fm)
    # gcd with a large common factor.
    for _ in range(40):
        g = sample(rng.choice(SIZE_CLASSES))
        a = sample(rng.choice(["small", "64", "128", "1000"]))
        b = sample(rng.choice(["small", "64", "128", "1000"]))
        emit("gcd", a * g, b * g, gcd(a * g, b * g))
    # Unary operations.
    per_class = {"small": 25, "boundary": 25, "64": 25, "128": 25, "1000": 10, "5000": 4}
    unary = [sample(s) for s in SIZE_CLASSES for _ in range(per_class[s])] + list(BOUNDARY)
    unary += [2**k for k in (0, 1, 62, 63, 64, 127, 128, 1000, 4999)]
    unary += [-(2**k) for k in (0, 1, 62, 63, 64, 127, 128, 1000)]
    for a in unary:
        emit("bitlen", a, abs(a).bit_length())
        emit("popcount", a, bin(abs(a)).count("1"))
        emit("ctz", a, ctz(a))
        emit("hex", a, hex_text(a))
        for k in (rng.choice([0, 1, 63, 64]), rng.randint(2, 62), rng.randint(65, 300)):
            emit("shl", a, k, a << k)
            emit("shr", a, k, a >> k)
        emit("shr", a, 5000, a >> 5000)
    # ctz of numbers with many trailing zeros.
    for _ in range(20):
        a = sample(rng.choice(SIZE_CLASSES)) << rng.randint(0, 300)
        emit("ctz", a, ctz(a))
    # Powers, with results up to about 6,000 bits.
    for base_size in ["small", "boundary", "64", "128", "1000"]:
        for _ in range(6):
            a = sample(base_size)
            limit = max(1, 6_000 // max(1, abs(a).bit_length()))
            for k in sorted({0, 1, 2, rng.randint(0, min(limit, 40)), limit}):
                emit("pow", a, k, a**k)

    # Rational.
    for s1 in SIZE_CLASSES:
        for s2 in SIZE_CLASSES:
            count = 1 if "5000" in (s1, s2) else (2 if "1000" in (s1, s2) else 6)
            for _ in range(count):
                x, y = sample_rational(s1), sample_rational(s2)
                emit("qadd", text(x), text(y), text(x + y))
                emit("qsub", text(x), text(y), text(x - y))
                emit("qmul", text(x), text(y), text(x * y))
                if y != 0:
                    emit("qdiv", text(x), text(y), text(x / y))
                emit("qcmp", text(x), text(y), sign(x - y))
                if "5000" not in (s1, s2):
                    emit("qcmp", text(x), text(x), 0)
    # Cancellation and near-equal comparisons.
    for _ in range(30):
        x = sample_rational(rng.choice(SIZE_CLASSES[:-1]))
        eps = Fraction(1, abs(sample(rng.choice(SIZE_CLASSES))) + 1)
        emit("qadd", text(x), text(-x), "0")
        emit("qcmp", text(x), text(x + eps), -1)
        emit("qcmp", text(x + eps), text(x), 1)
    rationals = [sample_rational(s) for s in SIZE_CLASSES for _ in range(20)]
    rationals += [Fraction(n, d) for n in range(-9, 10) for d in (1, 2, 3, 4, 7)]
    for x in rationals:
        emit("qfloor", text(x), x.numerator // x.denominator)
        emit("qceil", text(x), -((-x.numerator) // x.denominator))
    decimals = [Fraction(n, d) for n in range(-20, 21) for d in (2, 3, 8, 40, 7)]
    decimals += [Fraction(-1, 3000), Fraction(1, 2000), Fraction(-1, 2000), Fraction(5, 10**7), Fraction(-5, 10**7)]
    decimals += [sample_rational(s) for s in ["small", "64", "128", "1000"] for _ in range(10)]
    for x in decimals:
        for k in sorted({0, 1, 3, rng.randint(0, 40)}):
            emit("qdec", text(x), k, round_half_away(x, k))

    # Dyadic.
    for _ in range(200):
        x, y = sample_dyadic(), sample_dyadic()
        emit("dadd", text(x), text(y), text(x + y))
        emit("dmul", text(x), text(y), text(x * y))
        if len(text(x)) < 1000:
            emit("dadd", text(x), text(-x), "0")

    # Bit counts.
    clog_inputs = list(range(1, 70)) + [2**k + d for k in (62, 63, 64, 127, 128, 1000, 4999) for d in (-1, 0, 1)]
    clog_inputs += [abs(sample(s)) or 1 for s in SIZE_CLASSES for _ in range(15)]
    for n in clog_inputs:
        emit("clog2", n, ceil_log2(n))
    for _ in range(400):
        n = abs(sample(rng.choice(["small", "small", "boundary", "64", "128", "1000"]))) or 1
        if rng.random() < 0.15:
            n = 2 ** rng.randint(0, 200)
        q = rng.choice([1, 1, 2, 3, rng.randint(1, 20)])
        # p near q*log2(n), where the bit lengths cannot decide and n**q is needed.
        base = q * (n.bit_length() - 1)
        p = base + rng.randint(-2, q + 2)
        if rng.random() < 0.1:
            p = -rng.randint(1, 10**6)
        emit("cmplog2", n, p, q, sign(n**q - 2**p) if p >= 0 else 1)
    # Huge bounds that the bit lengths alone decide.
    for _ in range(20):
        n = abs(sample(rng.choice(SIZE_CLASSES))) or 1
        p = rng.choice([10**30, -(10**30), 2**100 + 1])
        q = rng.choice([1, 3, 10**25])
        lengths = n.bit_length()
        if n & (n - 1) == 0:
            expected = sign((lengths - 1) * q - p)
        elif (lengths - 1) * q >= p:
            expected = 1
        elif lengths * q <= p:
            expected = -1
        else:
            continue  # would need n**q with a huge q
        emit("cmplog2", n, p, q, expected)

    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "vectors.tsv")
    with open(path, "w", encoding="ascii", newline="\n") as out:
        out.write("# ExactArithmetic differential vectors. Generated by make_vectors.py (this folder)\n")
        out.write(f"# from Python 3's int and fractions.Fraction with random.Random({SEED}); no other library.\n")
        out.write("# Regenerate: python3 make_vectors.py   (the script documents the format)\n")
        out.write(f"# {len(lines)} vectors\n")
        for line in lines:
            out.write(line + "\n")
    print(f"wrote {len(lines)} vectors to {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
