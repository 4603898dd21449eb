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
