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
