import ExactArithmetic

/// A list of rationals stored compactly: a dyadic m / 2^e with |m| < 2^31 and e < 255
/// takes 5 bytes (its mantissa and exponent); any other value is kept whole in a side
/// list. The split is a function of the value alone, so two lists are equal exactly when
/// their values are (synthesised equality and hashing stay correct).
///
/// Networks of the separation construction have about ten million parameters at J = 20,
/// all small dyadics: as `Rational`s in arrays per unit they took over a gigabyte.
struct CompactRationals: Hashable, Sendable {
    /// The marker exponent: the mantissa is an index into `others`.
    static let other: UInt8 = .max
    private(set) var mantissas: [Int32] = []
    private(set) var exponents: [UInt8] = []
    private(set) var others: [Rational] = []

    var count: Int { mantissas.count }

    /// The same list in buffers of exactly its size (appending leaves up to half unused).
    func compacted() -> CompactRationals {
        var c = self
        c.mantissas = mantissas.trimmed()
        c.exponents = exponents.trimmed()
        return c
    }

    mutating func reserveCapacity(_ n: Int) {
        mantissas.reserveCapacity(n)
        exponents.reserveCapacity(n)
    }

    mutating func append(_ q: Rational) {
        if let n = q.numerator.intValue, let m = Int32(exactly: n), let e = q.dyadicExponent, e < Int(Self.other) {
            mantissas.append(m)
            exponents.append(UInt8(e))
            return
        }
        // The index of q in `others`: 2^31 of them (64 GB) cannot be held in memory anyway.
        guard let index = Int32(exactly: others.count) else {
            preconditionFailure("CompactRationals: more than 2^31 values that are not small dyadics")
        }
        mantissas.append(index)
        exponents.append(Self.other)
        others.append(q)
    }

    subscript(i: Int) -> Rational {
        let e = exponents[i]
        if e == Self.other { return others[Int(mantissas[i])] }
        return Rational(Int(mantissas[i])).timesPowerOfTwo(-Int(e))
    }

    /// The value i as m / 2^e in lowest terms when it is stored compactly.
    @inline(__always)
    func dyadic(_ i: Int) -> (mantissa: Int, exponent: Int)? {
        let e = exponents[i]
        return e == Self.other ? nil : (Int(mantissas[i]), Int(e))
    }

    /// The sign of value i.
    func signum(_ i: Int) -> Int {
        exponents[i] == Self.other ? others[Int(mantissas[i])].signum : Int(mantissas[i].signum())
    }
}

extension Array {
    /// The same array in a buffer of about its size: itself when the buffer has at most
    /// 1/64 unused (a reserved construction), else an exact-size copy (appending leaves
    /// up to half of a buffer unused).
    func trimmed() -> [Element] {
        capacity - count <= count / 64 ? self : withUnsafeBufferPointer { Array($0) }
    }
}
