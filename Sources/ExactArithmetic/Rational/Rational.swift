import CGMP

/// An exact rational number p/q in canonical form: gcd(p, q) = 1 and q > 0.
///
/// Numerator and denominator are ``BigInt``s, so a rational whose parts fit in `Int`
/// needs no heap allocation; arithmetic on such values runs on 128-bit integers and
/// only falls back to GMP's `mpq_*` functions when a result outgrows a word. The form
/// is canonical, so equal values have equal representations, and `==` and hashing are
/// by value.
///
/// ```swift
/// let third = try Rational(parsing: "1/3")
/// let sum = third + third + third   // 1
/// ```
@frozen
public struct Rational: Sendable {
    @usableFromInline internal var _numerator, _denominator: BigInt

    /// The numerator p (carries the sign).
    @inlinable public var numerator: BigInt { _numerator }
    /// The denominator q, always positive and coprime to the numerator.
    @inlinable public var denominator: BigInt { _denominator }

    /// Wraps parts that are already canonical (the caller guarantees it).
    @inlinable
    internal init(uncheckedNumerator numerator: BigInt, denominator: BigInt) {
        _numerator = numerator
        _denominator = denominator
        #if DYADCERT_INVARIANTS
            precondition(
                denominator.signum > 0 && BigInt.gcd(numerator, denominator) == 1,
                "Rational invariant violated: \(numerator)/\(denominator)")
        #endif
    }

    /// The integer `value` as a rational.
    @inlinable
    public init(_ value: BigInt) {
        self.init(uncheckedNumerator: value, denominator: 1)
    }

    /// The integer `value` as a rational.
    @inlinable
    public init(_ value: Int) {
        self.init(uncheckedNumerator: BigInt(value), denominator: 1)
    }

    /// numerator / denominator, reduced to canonical form.
    ///
    /// - Throws: ``ArithmeticError/divisionByZero`` when `denominator` is zero.
    public init(numerator: BigInt, denominator: BigInt) throws(ArithmeticError) {
        guard !denominator.isZero else { throw .divisionByZero }
        if let n = numerator.int128Value, let d = denominator.int128Value,
            n.magnitude < UInt128(1) << 126, d.magnitude < UInt128(1) << 126
        {
            self = Rational.reducing(n, d)
            return
        }
        self = numerator.withMPZ { n in
            denominator.withMPZ { d in
                Rational.withStorages(BigIntStorage(copying: n), BigIntStorage(copying: d)) { __gmpq_canonicalize($0) }
            }
        }
    }

    /// Reduces a 128-bit fraction with nonzero denominator, |n|, |d| < 2^127.
    @inlinable
    package static func reducing(_ n: Int128, _ d: Int128) -> Rational {
        var n = n, d = d
        if d < 0 {
            n = -n
            d = -d
        }
        if n == 0 { return .zero }
        let g = binaryGCD(n.magnitude, d.magnitude)
        if g != 1 {
            n /= Int128(g)
            d /= Int128(g)
        }
        return Rational(uncheckedNumerator: BigInt(n), denominator: BigInt(d))
    }

    /// Zero.
    public static var zero: Rational { Rational(0) }
    /// One.
    public static var one: Rational { Rational(1) }

    /// -1, 0 or +1.
    @inlinable public var signum: Int { _numerator.signum }
    /// True when the value is zero.
    @inlinable public var isZero: Bool { _numerator.isZero }
    /// True when the value is an integer (denominator 1).
    @inlinable public var isInteger: Bool { _denominator == 1 }
    /// The exponent e when the denominator is 2^e (the value is the dyadic m / 2^e in
    /// lowest terms), or nil when the denominator is not a power of two.
    public var dyadicExponent: Int? { _denominator.isPowerOfTwo ? _denominator.trailingZeroBitCount : nil }

    /// The absolute value.
    @inlinable
    public var magnitude: Rational {
        signum < 0 ? -self : self
    }

    /// The greatest integer not above the value.
    public var floor: BigInt {
        isInteger ? _numerator : _numerator.flooredQuotientAndModulus(dividingBy: _denominator).quotient
    }

    /// The least integer not below the value.
    public var ceiling: BigInt {
        isInteger ? _numerator : _numerator.flooredQuotientAndModulus(dividingBy: _denominator).quotient + 1
    }

    /// self / divisor.
    ///
    /// - Throws: ``ArithmeticError/divisionByZero`` when `divisor` is zero.
    public func divided(by divisor: Rational) throws(ArithmeticError) -> Rational {
        guard !divisor.isZero else { throw .divisionByZero }
        return self / divisor
    }
}
