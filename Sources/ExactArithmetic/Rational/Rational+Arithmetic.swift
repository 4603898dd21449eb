import CGMP

// +, -, *, / with a 128-bit fast path for word-sized parts and GMP otherwise.
//
// The fast paths follow the same gcd strategy as GMP's mpq_add and mpq_mul (Knuth,
// TAOCP 4.5.1), so their results are canonical without a full 128-bit gcd:
//   a/b + c/d: g = gcd(b, d); t = a(d/g) + c(b/g); g2 = gcd(t, g);
//              result (t/g2) / ((b/g)(d/g2));
//   a/b * c/d: g1 = gcd(a, d), g2 = gcd(c, b); result (a/g1)(c/g2) / ((b/g2)(d/g1)).

extension Rational {
    /// Numerator and denominator as machine words, when both fit (the fast paths).
    @inlinable
    internal var words: (Int, Int)? {
        if let n = _numerator.intValue, let d = _denominator.intValue { return (n, d) }
        return nil
    }

    /// Builds a rational from 128-bit parts that are already canonical.
    @inlinable
    internal static func canonicalWide(_ n: Int128, _ d: Int128) -> Rational {
        Rational(uncheckedNumerator: BigInt(n), denominator: BigInt(d))
    }

    /// a/b + c/d for word-sized parts (b, d > 0).
    @inlinable
    internal static func addSmall(_ a: Int, _ b: Int, _ c: Int, _ d: Int) -> Rational {
        if b == 1 && d == 1, case (let s, false) = a.addingReportingOverflow(c) {
            return Rational(uncheckedNumerator: BigInt(s), denominator: 1)
        }
        let g = Int(bitPattern: binaryGCD(UInt(bitPattern: b), UInt(bitPattern: d)))
        if g == 1 {
            return canonicalWide(Int128(a) * Int128(d) + Int128(c) * Int128(b), Int128(b) * Int128(d))
        }
        let bg = b / g, dg = d / g
        let t = Int128(a) * Int128(dg) + Int128(c) * Int128(bg)
        if t == 0 { return .zero }
        let g2 = Int(bitPattern: binaryGCD(UInt(truncatingIfNeeded: t.magnitude % UInt128(g)), UInt(bitPattern: g)))
        return canonicalWide(t / Int128(g2), Int128(bg) * Int128(d / g2))
    }

    /// (a/b) * (c/d) for word-sized parts (b, d > 0).
    @inlinable
    internal static func multiplySmall(_ a: Int, _ b: Int, _ c: Int, _ d: Int) -> Rational {
        if a == 0 || c == 0 { return .zero }
        let g1 = Int(bitPattern: binaryGCD(a.magnitude, UInt(bitPattern: d)))
        let g2 = Int(bitPattern: binaryGCD(c.magnitude, UInt(bitPattern: b)))
        return canonicalWide(Int128(a / g1) * Int128(c / g2), Int128(b / g2) * Int128(d / g1))
    }

    @inlinable
    public static func + (lhs: Rational, rhs: Rational) -> Rational {
        if case let ((a, b)?, (c, d)?) = (lhs.words, rhs.words) { return addSmall(a, b, c, d) }
        return computeWithGMP(lhs, rhs, { __gmpq_add($0, $1, $2) })
    }

    @inlinable
    public static func - (lhs: Rational, rhs: Rational) -> Rational {
        if case let ((a, b)?, (c, d)?) = (lhs.words, rhs.words), c != Int.min { return addSmall(a, b, -c, d) }
        return computeWithGMP(lhs, rhs, { __gmpq_sub($0, $1, $2) })
    }

    @inlinable
    public static func * (lhs: Rational, rhs: Rational) -> Rational {
        if case let ((a, b)?, (c, d)?) = (lhs.words, rhs.words) { return multiplySmall(a, b, c, d) }
        return computeWithGMP(lhs, rhs, { __gmpq_mul($0, $1, $2) })
    }

    /// Division; the divisor must be nonzero (a precondition). Code that divides by a
    /// value read from input uses the throwing ``divided(by:)`` instead.
    @inlinable
    public static func / (lhs: Rational, rhs: Rational) -> Rational {
        precondition(!rhs.isZero, "Rational division by zero")
        if case let ((a, b)?, (c, d)?) = (lhs.words, rhs.words), c != Int.min {
            return c > 0 ? multiplySmall(a, b, d, c) : multiplySmall(a, b, -d, -c)
        }
        return computeWithGMP(lhs, rhs, { __gmpq_div($0, $1, $2) })
    }

    @inlinable
    public static func += (lhs: inout Rational, rhs: Rational) {
        if case let ((a, b)?, (c, d)?) = (lhs.words, rhs.words) {
            lhs = addSmall(a, b, c, d)
        } else {
            lhs.formWithGMP(rhs, { __gmpq_add($0, $1, $2) })
        }
    }

    @inlinable
    public static func -= (lhs: inout Rational, rhs: Rational) {
        if case let ((a, b)?, (c, d)?) = (lhs.words, rhs.words), c != Int.min {
            lhs = addSmall(a, b, -c, d)
        } else {
            lhs.formWithGMP(rhs, { __gmpq_sub($0, $1, $2) })
        }
    }

    @inlinable
    public static func *= (lhs: inout Rational, rhs: Rational) {
        if case let ((a, b)?, (c, d)?) = (lhs.words, rhs.words) {
            lhs = multiplySmall(a, b, c, d)
        } else {
            lhs.formWithGMP(rhs, { __gmpq_mul($0, $1, $2) })
        }
    }

    /// The additive inverse.
    @inlinable
    public static prefix func - (value: Rational) -> Rational {
        Rational(uncheckedNumerator: -value._numerator, denominator: value._denominator)
    }

    /// `self * 2^k` (k may be negative): a shift of numerator or denominator, no gcd.
    public func timesPowerOfTwo(_ k: Int) -> Rational {
        if isZero || k == 0 { return self }
        if k > 0 {
            // Cancel powers of two in the denominator first.
            let t = Swift.min(k, _denominator.trailingZeroBitCount)
            return Rational(uncheckedNumerator: _numerator << (k - t), denominator: _denominator >> t)
        }
        let m = -k
        let t = Swift.min(m, _numerator.trailingZeroBitCount)
        return Rational(uncheckedNumerator: _numerator >> t, denominator: _denominator << (m - t))
    }
}

extension Rational: AdditiveArithmetic {}

extension Rational: ExpressibleByIntegerLiteral {
    @inlinable
    public init(integerLiteral value: Int) {
        self.init(value)
    }
}

extension Rational: Numeric {
    public typealias Magnitude = Rational

    /// Always succeeds: every binary integer is a rational.
    public init?<T: BinaryInteger>(exactly source: T) {
        self.init(BigInt(source))
    }
}

extension Rational: SignedNumeric {}
