import ExactArithmetic

/// A list of rationals stored compactly: a dyadic m / 2^e with m an `Int` and e < 255
/// takes 9 bytes (its mantissa and exponent); any other value is kept whole in a side
/// list. The split is a function of the value alone, so two lists are equal exactly when
/// their values are (synthesised equality and hashing stay correct).
///
/// Networks of the separation construction have about ten million parameters at J = 20,
/// all small dyadics: as `Rational`s in arrays per unit they took over a gigabyte.
struct CompactRationals: Hashable, Sendable {
    /// The marker exponent: the mantissa is an index into `others`.
    static let other: UInt8 = .max
    private(set) var mantissas: [Int] = []
    private(set) var exponents: [UInt8] = []
    private(set) var others: [Rational] = []

    init() {}

    var count: Int { mantissas.count }

    mutating func reserveCapacity(_ n: Int) {
        mantissas.reserveCapacity(n)
        exponents.reserveCapacity(n)
    }

    mutating func append(_ q: Rational) {
        if let m = q.numerator.intValue, q.denominator.isPowerOfTwo {
            let e = q.denominator.trailingZeroBitCount
            if e < Int(Self.other) {
                mantissas.append(m)
                exponents.append(UInt8(e))
                return
            }
        }
        mantissas.append(others.count)
        exponents.append(Self.other)
        others.append(q)
    }

    /// Appends the integer n.
    mutating func append(integer n: Int) {
        mantissas.append(n)
        exponents.append(0)
    }

    subscript(i: Int) -> Rational {
        let e = exponents[i]
        if e == Self.other { return others[mantissas[i]] }
        return Rational(mantissas[i]).timesPowerOfTwo(-Int(e))
    }

    /// The value i as m / 2^e in lowest terms when it is stored compactly.
    @inline(__always)
    func dyadic(_ i: Int) -> (mantissa: Int, exponent: Int)? {
        let e = exponents[i]
        return e == Self.other ? nil : (mantissas[i], Int(e))
    }

    /// The sign of value i.
    func signum(_ i: Int) -> Int {
        exponents[i] == Self.other ? others[mantissas[i]].signum : mantissas[i].signum()
    }
}
