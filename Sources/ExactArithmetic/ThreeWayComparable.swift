/// A totally ordered exact number type with a three-way comparison: `<` (and so every
/// operator of `Comparable`) is written once here from `compare`, for ``BigInt``,
/// ``Dyadic`` and ``Rational``.
public protocol ThreeWayComparable: Comparable {
    /// -1, 0 or +1 as `lhs` is less than, equal to or greater than `rhs`.
    static func compare(_ lhs: Self, _ rhs: Self) -> Int
}

extension ThreeWayComparable {
    @inlinable
    public static func < (lhs: Self, rhs: Self) -> Bool {
        compare(lhs, rhs) < 0
    }
}
