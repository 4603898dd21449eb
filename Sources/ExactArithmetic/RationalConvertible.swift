/// An exact number with a rational value: ``BigInt``, ``Rational`` and ``Dyadic``.
///
/// Gives exact comparisons across the three types (`BigInt(3) < Rational(7, 2)`).
/// The mixed operators are generic, so comparisons between values of one type (and
/// with integer literals) still pick that type's own concrete operator.
public protocol RationalConvertible: Comparable {
    /// The exact value as a canonical rational.
    var rationalValue: Rational { get }
}

extension BigInt: RationalConvertible {
    public var rationalValue: Rational { Rational(self) }
}

extension Rational: RationalConvertible {
    public var rationalValue: Rational { self }
}

extension Dyadic: RationalConvertible {
    public var rationalValue: Rational { rational }
}

extension RationalConvertible {
    public static func == <Other: RationalConvertible>(lhs: Self, rhs: Other) -> Bool {
        lhs.rationalValue == rhs.rationalValue
    }

    public static func != <Other: RationalConvertible>(lhs: Self, rhs: Other) -> Bool {
        lhs.rationalValue != rhs.rationalValue
    }

    public static func < <Other: RationalConvertible>(lhs: Self, rhs: Other) -> Bool {
        lhs.rationalValue < rhs.rationalValue
    }

    public static func <= <Other: RationalConvertible>(lhs: Self, rhs: Other) -> Bool {
        lhs.rationalValue <= rhs.rationalValue
    }

    public static func > <Other: RationalConvertible>(lhs: Self, rhs: Other) -> Bool {
        lhs.rationalValue > rhs.rationalValue
    }

    public static func >= <Other: RationalConvertible>(lhs: Self, rhs: Other) -> Bool {
        lhs.rationalValue >= rhs.rationalValue
    }
}
