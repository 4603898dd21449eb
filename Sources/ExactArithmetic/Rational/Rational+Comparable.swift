import CGMP

extension Rational: Equatable {
    @inlinable
    public static func == (lhs: Rational, rhs: Rational) -> Bool {
        // Canonical form: equal values have equal parts.
        lhs._numerator == rhs._numerator && lhs._denominator == rhs._denominator
    }
}

extension Rational: ThreeWayComparable {
    @inlinable
    public static func compare(_ lhs: Rational, _ rhs: Rational) -> Int {
        if case let ((a, b)?, (c, d)?) = (lhs.words, rhs.words) {
            if b == d { return a < c ? -1 : (a == c ? 0 : 1) }
            let x = Int128(a) * Int128(d), y = Int128(c) * Int128(b)
            return x < y ? -1 : (x == y ? 0 : 1)
        }
        return compareWithGMP(lhs, rhs)
    }

    @usableFromInline
    @inline(never)
    internal static func compareWithGMP(_ lhs: Rational, _ rhs: Rational) -> Int {
        lhs.withMPQ { a in rhs.withMPQ { b in Int(__gmpq_cmp(a, b)).signum() } }
    }
}

extension Rational: Hashable {
    public func hash(into hasher: inout Hasher) {
        hasher.combine(_numerator)
        hasher.combine(_denominator)
    }
}
