/// An exact dyadic rational m / 2^e (e >= 0): the numbers of dyadic step functions.
///
/// Dyadic numbers form a subring of the rationals closed under +, - and *, and need no
/// gcd: the canonical form only strips common factors of two (`m` odd, or `e = 0`),
/// which is a trailing-zero count. Zero is `0 / 2^0`. The kernel only builds dyadic
/// numbers and reads them as rationals; their recognition among rationals, arithmetic,
/// order and text are untrusted conveniences in DyadicConstructions.
///
/// ```swift
/// let x = Dyadic(mantissa: 3, exponent: 3)   // 3/8
/// let y = x.rational + x.rational            // 3/4
/// ```
@frozen
public struct Dyadic: Sendable {
    @usableFromInline package var _mantissa: BigInt
    @usableFromInline package var _exponent: Int

    /// The exponent e >= 0 of the denominator 2^e.
    @inlinable public var exponent: Int { _exponent }

    /// Wraps parts that are already canonical (the caller guarantees it).
    @inlinable
    package init(uncheckedMantissa mantissa: BigInt, exponent: Int) {
        _mantissa = mantissa
        _exponent = exponent
        #if DYADCERT_INVARIANTS
            precondition(exponent >= 0 && (exponent == 0 || mantissa.isOdd), "Dyadic invariant violated")
        #endif
    }

    /// mantissa * 2^(-exponent) in canonical form; a negative exponent multiplies.
    @inlinable
    public init(mantissa: BigInt, exponent: Int) {
        if mantissa.isZero {
            self.init(uncheckedMantissa: 0, exponent: 0)
        } else if exponent <= 0 {
            precondition(exponent >= -BigInt.maximumBitWidth, "Dyadic: exponent out of range")
            self.init(uncheckedMantissa: mantissa << -exponent, exponent: 0)
        } else {
            let t = Swift.min(mantissa.trailingZeroBitCount, exponent)
            self.init(uncheckedMantissa: t == 0 ? mantissa : mantissa >> t, exponent: exponent - t)
        }
    }

    /// The same value as a canonical rational (no gcd needed: m is odd or e = 0).
    @inlinable
    public var rational: Rational {
        Rational(uncheckedNumerator: _mantissa, denominator: BigInt.powerOfTwo(_exponent))
    }

    /// The mantissa of the value written over 2^e for a given e >= exponent.
    @inlinable
    public func mantissa(atExponent e: Int) -> BigInt {
        precondition(e >= _exponent, "Dyadic.mantissa(atExponent:) below the exponent")
        return _mantissa << (e - _exponent)
    }
}
