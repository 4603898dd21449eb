import Testing
@testable import ExactArithmetic
import TestSupport

// Seeded generators and independent reference helpers shared by the test files.
//
// Every random draw comes from the library's SplitMix64, so a failure reproduces
// from the seed printed in the test's source.

extension SplitMix64 {
    /// A uniformly random integer in `range`.
    mutating func int(in range: ClosedRange<Int>) -> Int {
        Int.random(in: range, using: &self)
    }

    /// True with probability `numerator / denominator`.
    mutating func chance(_ numerator: Int, in denominator: Int) -> Bool {
        int(in: 0...(denominator - 1)) < numerator
    }

    /// A random element of a non-empty array.
    mutating func element<T>(of values: [T]) -> T {
        values[int(in: 0...(values.count - 1))]
    }

    /// A random non-negative integer with exactly `bits` bits (0 for `bits == 0`).
    ///
    /// Built from 64-bit words by shifts and additions only.
    mutating func magnitude(bits: Int) -> BigInt {
        precondition(bits >= 0)
        if bits == 0 { return 0 }
        let wordCount = (bits + 63) / 64
        var value = BigInt.zero
        for i in 0..<wordCount {
            var word = next()
            if i == 0 { word |= 1 << 63 } // the top bit of the top word
            value = (value << 64) + BigInt(word)
        }
        return value >> (wordCount * 64 - bits)
    }

    /// A random integer with exactly `bits` bits and a random sign.
    mutating func bigInt(bits: Int) -> BigInt {
        let m = magnitude(bits: bits)
        return chance(1, in: 2) ? -m : m
    }

    /// A random integer of a random size: small, word boundary, two words, or up
    /// to `maxBits` bits.
    mutating func sizedBigInt(maxBits: Int = 4000) -> BigInt {
        switch int(in: 0...9) {
        case 0, 1: return bigInt(bits: int(in: 0...8))
        case 2: return bigInt(bits: int(in: 9...64))
        case 3: return BigInt(element(of: Boundary.int128Values))
        case 4: return bigInt(bits: int(in: 65...128))
        default: return bigInt(bits: int(in: 1...maxBits))
        }
    }

    /// A random nonzero integer of a random size.
    mutating func nonzeroBigInt(maxBits: Int = 4000) -> BigInt {
        while true {
            let value = sizedBigInt(maxBits: maxBits)
            if !value.isZero { return value }
        }
    }

    /// A random rational with parts of random sizes.
    mutating func rational(maxBits: Int = 1000) -> Rational {
        let numerator = sizedBigInt(maxBits: maxBits)
        if chance(1, in: 5) { return Rational(numerator) }
        let denominator = nonzeroBigInt(maxBits: maxBits)
        return try! Rational(numerator: numerator, denominator: denominator)
    }

    /// A random nonzero rational.
    mutating func nonzeroRational(maxBits: Int = 1000) -> Rational {
        while true {
            let value = rational(maxBits: maxBits)
            if !value.isZero { return value }
        }
    }

    /// A random dyadic number; exponents up to 700 (beyond the accumulator's buckets).
    mutating func dyadic(maxBits: Int = 1000) -> Dyadic {
        let mantissa = sizedBigInt(maxBits: maxBits)
        let exponent: Int
        switch int(in: 0...9) {
        case 0, 1: exponent = 0
        case 2...6: exponent = int(in: 1...70)
        case 7, 8: exponent = int(in: 1...300)
        default: exponent = int(in: 500...700)
        }
        return Dyadic(mantissa: mantissa, exponent: exponent)
    }
}

/// Values at and around every machine-word boundary the library has.
enum Boundary {
    /// Int values: zero, small, 2^32, 2^62 and the ends of Int's range.
    static let intValues: [Int] = {
        var values: [Int] = [0, 1, -1, 2, -2, 3, -3, 7, -7, 10, -10]
        for base in [1 << 31, 1 << 32, 1 << 62] {
            values += [base - 1, base, base + 1, -(base - 1), -base, -(base + 1)]
        }
        values += [Int.max, Int.max - 1, Int.min, Int.min + 1, Int.max / 2, Int.min / 2, 3_037_000_499, -3_037_000_499, 3_037_000_500]
        return values
    }()

    /// The Int values and the first values outside Int's range (|v| <= 2^63 + 1, so
    /// that every pairwise product fits in Int128).
    static let int128Values: [Int128] =
        intValues.map { Int128($0) } + [
            Int128(Int.max) + 1, Int128(Int.max) + 2, Int128(Int.min) - 1, -(Int128(Int.max) + 2),
        ]

    /// The boundary values and `count` random Int64 values of random bit lengths.
    static func withRandomInts(count: Int, seed: UInt64) -> [Int128] {
        var rng = SplitMix64(seed: seed)
        var values = int128Values
        for _ in 0..<count {
            let bits = rng.int(in: 1...63)
            let magnitude = Int(truncatingIfNeeded: rng.next() >> UInt64(64 - bits))
            values.append(Int128(rng.chance(1, in: 2) ? -magnitude : magnitude))
        }
        return values
    }
}

/// Euclid's algorithm on 128-bit magnitudes: an independent reference for gcd.
func referenceGCD(_ a: Int128, _ b: Int128) -> UInt128 {
    var x = a.magnitude, y = b.magnitude
    while y != 0 { (x, y) = (y, x % y) }
    return x
}

/// Floored division on Int128 (Python's divmod), built from Swift's truncating one.
func referenceFlooredDivision(_ a: Int128, _ b: Int128) -> (Int128, Int128) {
    var q = a / b, r = a % b
    if r != 0 && (r < 0) != (b < 0) {
        q -= 1
        r += b
    }
    return (q, r)
}

/// Asserts that a rational is in canonical form: denominator > 0, gcd(p, q) = 1.
func expectCanonical(_ x: Rational, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(x.denominator.signum > 0, "denominator of \(x) not positive", sourceLocation: sourceLocation)
    #expect(BigInt.gcd(x.numerator, x.denominator) == 1, "\(x) not in lowest terms", sourceLocation: sourceLocation)
}

/// Asserts that a dyadic number is in canonical form: exponent 0 or an odd mantissa,
/// and zero as 0 / 2^0.
func expectCanonical(_ x: Dyadic, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(x.exponent >= 0, sourceLocation: sourceLocation)
    #expect(x.exponent == 0 || x.mantissa.isOdd, "mantissa \(x.mantissa) at exponent \(x.exponent)", sourceLocation: sourceLocation)
    if x.mantissa.isZero { #expect(x.exponent == 0, sourceLocation: sourceLocation) }
}

/// The value of a dyadic number as a rational, built without `Dyadic.rational`.
func referenceRational(_ x: Dyadic) -> Rational {
    try! Rational(numerator: x.mantissa, denominator: BigInt.powerOfTwo(x.exponent))
}

/// 2^k as a rational for any integer k.
func rationalPowerOfTwo(_ k: Int) -> Rational {
    k >= 0 ? Rational(BigInt.powerOfTwo(k)) : try! Rational(numerator: 1, denominator: BigInt.powerOfTwo(-k))
}
