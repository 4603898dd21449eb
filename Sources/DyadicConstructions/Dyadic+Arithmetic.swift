import ExactArithmetic

// The arithmetic, order and text of dyadic numbers. The kernel only builds dyadic
// numbers and reads them as rationals (``Dyadic/rational``), so these operations live
// outside the trusted base: the generator, the benchmarks and the tests use them.

extension Dyadic {
    /// The mantissa m (odd unless the exponent is 0).
    @inlinable public var mantissa: BigInt { _mantissa }

    /// The integer `value`.
    @inlinable
    public init(_ value: BigInt) {
        self.init(uncheckedMantissa: value, exponent: 0)
    }

    /// The integer `value`.
    @inlinable
    public init(_ value: Int) {
        self.init(uncheckedMantissa: BigInt(value), exponent: 0)
    }

    /// The rational `value` when its denominator is a power of two.
    ///
    /// - Throws: ``ArithmeticError/notDyadic`` otherwise.
    public init(exactly value: Rational) throws(ArithmeticError) {
        guard value.denominator.isPowerOfTwo else { throw .notDyadic }
        // The denominator is a power of two coprime to the numerator: already canonical.
        self.init(uncheckedMantissa: value.numerator, exponent: value.denominator.trailingZeroBitCount)
    }

    /// 1 / 2^k.
    @inlinable
    public static func inversePowerOfTwo(_ k: Int) -> Dyadic {
        precondition(k >= 0)
        return Dyadic(uncheckedMantissa: 1, exponent: k)
    }

    /// Zero.
    public static var zero: Dyadic { Dyadic(0) }

    /// -1, 0 or +1.
    @inlinable public var signum: Int { _mantissa.signum }
    /// True when the value is zero.
    @inlinable public var isZero: Bool { _mantissa.isZero }
}

extension Rational {
    /// The rational value of a dyadic number.
    @inlinable
    public init(_ value: Dyadic) {
        self = value.rational
    }
}

// +, -, * on dyadic numbers: align exponents by shifting, never a gcd.

extension Dyadic {
    @inlinable
    public static func + (lhs: Dyadic, rhs: Dyadic) -> Dyadic {
        if lhs._exponent == rhs._exponent {
            return Dyadic(mantissa: lhs._mantissa + rhs._mantissa, exponent: lhs._exponent)
        }
        // With distinct exponents the result keeps the larger one, and its mantissa is
        // odd (odd + even), so it is already canonical.
        if lhs._exponent > rhs._exponent {
            return Dyadic(uncheckedMantissa: lhs._mantissa + (rhs._mantissa << (lhs._exponent - rhs._exponent)), exponent: lhs._exponent)
        }
        return Dyadic(uncheckedMantissa: (lhs._mantissa << (rhs._exponent - lhs._exponent)) + rhs._mantissa, exponent: rhs._exponent)
    }

    @inlinable
    public static func - (lhs: Dyadic, rhs: Dyadic) -> Dyadic {
        lhs + (-rhs)
    }

    @inlinable
    public static func * (lhs: Dyadic, rhs: Dyadic) -> Dyadic {
        let (e, overflow) = lhs._exponent.addingReportingOverflow(rhs._exponent)
        precondition(!overflow, "Dyadic exponent overflow")
        // odd * odd is odd; an even mantissa only occurs with exponent 0.
        return Dyadic(mantissa: lhs._mantissa * rhs._mantissa, exponent: e)
    }

    @inlinable
    public static func += (lhs: inout Dyadic, rhs: Dyadic) { lhs = lhs + rhs }

    @inlinable
    public static func -= (lhs: inout Dyadic, rhs: Dyadic) { lhs = lhs - rhs }

    @inlinable
    public static func *= (lhs: inout Dyadic, rhs: Dyadic) { lhs = lhs * rhs }

    @inlinable
    public static prefix func - (value: Dyadic) -> Dyadic {
        Dyadic(uncheckedMantissa: -value._mantissa, exponent: value._exponent)
    }

    /// The absolute value.
    @inlinable
    public var magnitude: Dyadic {
        signum < 0 ? -self : self
    }

    /// `self * 2^k` for any integer k.
    public func timesPowerOfTwo(_ k: Int) -> Dyadic {
        Dyadic(mantissa: _mantissa, exponent: _exponent - k)
    }
}

extension Dyadic: AdditiveArithmetic {}

extension Dyadic: ExpressibleByIntegerLiteral {
    @inlinable
    public init(integerLiteral value: Int) {
        self.init(value)
    }
}

extension Dyadic: Equatable {
    @inlinable
    public static func == (lhs: Dyadic, rhs: Dyadic) -> Bool {
        lhs._exponent == rhs._exponent && lhs._mantissa == rhs._mantissa
    }
}

extension Dyadic: ThreeWayComparable {
    /// -1, 0 or +1: compares the mantissas written over the larger exponent.
    @inlinable
    public static func compare(_ lhs: Dyadic, _ rhs: Dyadic) -> Int {
        let e = Swift.max(lhs._exponent, rhs._exponent)
        return BigInt.compare(lhs.mantissa(atExponent: e), rhs.mantissa(atExponent: e))
    }
}

extension Dyadic: Hashable {
    public func hash(into hasher: inout Hasher) {
        hasher.combine(_mantissa)
        hasher.combine(_exponent)
    }
}

extension Dyadic: CustomStringConvertible {
    /// The canonical rational form: `-12` or `3/8`.
    public var description: String {
        _exponent == 0 ? _mantissa.description : "\(_mantissa)/\(BigInt.powerOfTwo(_exponent))"
    }
}

extension Dyadic {
    /// Parses the canonical rational form and requires a power-of-two denominator.
    ///
    /// - Throws: every error of ``Rational/init(parsing:digitLimit:)``, and
    ///   ``NumberSyntaxError/Reason/notDyadic`` (at the denominator) for `1/3`.
    public init(parsing text: some StringProtocol, digitLimit: Int = BigInt.defaultDigitLimit) throws(NumberSyntaxError) {
        let value = try Rational(parsing: text, digitLimit: digitLimit)
        guard value.denominator.isPowerOfTwo else {
            let slash = text.firstIndex(of: "/").map { text.distance(from: text.startIndex, to: $0) + 2 } ?? 1
            throw NumberSyntaxError(.notDyadic, position: slash, in: text)
        }
        self.init(uncheckedMantissa: value.numerator, exponent: value.denominator.trailingZeroBitCount)
    }
}
