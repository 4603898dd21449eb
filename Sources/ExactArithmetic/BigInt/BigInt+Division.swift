import CGMP

// Division with remainder, exact division and greatest common divisors.
//
// `flooredQuotientAndModulus(dividingBy:)` rounds toward negative infinity, like
// Python's `//` and `%` (the modulus has the sign of the divisor); the truncating
// `quotientAndRemainder(dividingBy:)`, `/` and `%` of Swift's `Int` are untrusted
// conveniences in DyadicConstructions.
//
// Dividing by zero is a programming error (a precondition): every caller that handles
// untrusted data checks the divisor first, and the `Rational` API reports division
// by zero as a thrown error.

extension BigInt {
    /// Quotient and modulus with rounding toward negative infinity:
    /// `self = q * d + m` with `m` of the sign of `d` and `|m| < |d|`.
    @inlinable
    public func flooredQuotientAndModulus(dividingBy divisor: BigInt) -> (quotient: BigInt, modulus: BigInt) {
        precondition(!divisor.isZero, "BigInt division by zero")
        if let a = intValue, let b = divisor.intValue, case (let q, false) = a.dividedReportingOverflow(by: b) {
            let r = a - q * b
            if r != 0 && (r < 0) != (b < 0) { return (BigInt(q - 1), BigInt(r + b)) }
            return (BigInt(q), BigInt(r))
        }
        return flooredWithGMP(divisor)
    }

    @usableFromInline
    @inline(never)
    internal func flooredWithGMP(_ divisor: BigInt) -> (quotient: BigInt, modulus: BigInt) {
        let q = BigIntStorage(), m = BigIntStorage()
        withMPZ { a in divisor.withMPZ { b in __gmpz_fdiv_qr(q.mpz, m.mpz, a, b) } }
        return (BigInt(normalizing: q), BigInt(normalizing: m))
    }

    /// `self / divisor` when the division is known to be exact (GMP's fast
    /// `mpz_divexact`). The result is unspecified if `divisor` does not divide `self`.
    @inlinable
    public func exactlyDivided(by divisor: BigInt) -> BigInt {
        precondition(!divisor.isZero, "BigInt division by zero")
        if let a = intValue, let b = divisor.intValue, case (let q, false) = a.dividedReportingOverflow(by: b) { return BigInt(q) }
        return BigInt.computeWithGMP(self, divisor, { __gmpz_divexact($0, $1, $2) })
    }

    /// True when `divisor` divides `self` (every integer divides 0; only 0 is divisible by 0).
    public func isMultiple(of divisor: BigInt) -> Bool {
        if divisor.isZero { return isZero }
        return withMPZ { a in divisor.withMPZ { b in __gmpz_divisible_p(a, b) != 0 } }
    }

    /// The greatest common divisor, always non-negative; `gcd(0, 0) = 0`.
    @inlinable
    public static func gcd(_ a: BigInt, _ b: BigInt) -> BigInt {
        if let x = a.intValue, let y = b.intValue, x != Int.min, y != Int.min {
            return BigInt(Int(bitPattern: binaryGCD(x.magnitude, y.magnitude)))
        }
        return computeWithGMP(a, b, { __gmpz_gcd($0, $1, $2) })
    }

    /// The least common multiple of positive `a` and `b`: a / gcd(a, b) * b.
    public static func lcm(_ a: BigInt, _ b: BigInt) -> BigInt {
        a.exactlyDivided(by: gcd(a, b)) * b
    }
}

/// Binary GCD (Stein's algorithm) for unsigned fixed-width integers; `gcd(0, 0) = 0`.
///
/// The one word-level gcd of the library (machine words and the 128-bit fast paths of
/// ``Rational``); operands that fit 64 bits run on 64-bit words.
@inlinable
internal func binaryGCD<T: FixedWidthInteger & UnsignedInteger>(_ a: T, _ b: T) -> T {
    if T.bitWidth > 64, a >> 64 == 0, b >> 64 == 0 { return T(binaryGCD(UInt64(a), UInt64(b))) }
    var a = a, b = b
    if a == 0 { return b }
    if b == 0 { return a }
    let shift = (a | b).trailingZeroBitCount
    a >>= a.trailingZeroBitCount
    repeat {
        b >>= b.trailingZeroBitCount
        if a > b { swap(&a, &b) }
        b -= a
    } while b != 0
    return a << shift
}
