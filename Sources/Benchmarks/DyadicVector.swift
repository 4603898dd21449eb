import DyadicConstructions
import ExactArithmetic
import OrderedCollections

/// A vector of exact dyadic numbers m_i / 2^e_i stored as a struct of arrays: one array
/// of 64-bit mantissas and one of 8-bit exponents, so that a dot product runs over plain
/// machine words (benchmark W1d; the certificate kernel does not use it).
///
/// Entries whose mantissa does not fit in 64 bits or whose exponent is 256 or more are
/// stored as 0 in the arrays and kept exactly in `large`.
public struct DyadicVector: Sendable {
    let mantissas: [Int64]
    let exponents: [UInt8]
    /// The largest stored exponent (0 when there is none).
    let maximumExponent: Int
    /// The entries not in the arrays, by index (in increasing order).
    let large: OrderedDictionary<Int, Dyadic>

    public var count: Int { mantissas.count }

    public init(_ values: [Dyadic]) {
        var mantissas = [Int64](repeating: 0, count: values.count)
        var exponents = [UInt8](repeating: 0, count: values.count)
        var large: OrderedDictionary<Int, Dyadic> = [:]
        var maximum = 0
        for (i, v) in values.enumerated() {
            if let m = v.mantissa.intValue, v.exponent < 256 {
                mantissas[i] = Int64(m)
                exponents[i] = UInt8(v.exponent)
                maximum = max(maximum, v.exponent)
            } else {
                large[i] = v
            }
        }
        self.mantissas = mantissas
        self.exponents = exponents
        self.maximumExponent = maximum
        self.large = large
    }

    /// The entry at index i.
    public subscript(i: Int) -> Dyadic {
        if let value = large[i] { return value }
        return Dyadic(mantissa: BigInt(Int(mantissas[i])), exponent: Int(exponents[i]))
    }

    /// The exact dot product sum_i a_i b_i.
    ///
    /// Each product m_a m_b (a 128-bit integer) goes to the bucket of e_a + e_b, split
    /// into its signed high and unsigned low 64-bit halves, each summed in 128 bits:
    /// a high half is below 2^62 and a low half below 2^64 in magnitude, so neither sum
    /// can overflow for fewer than 2^64 terms. The buckets are combined once into the
    /// canonical result; products involving a large entry are added exactly.
    public static func dot(_ a: DyadicVector, _ b: DyadicVector) -> Dyadic {
        precondition(a.count == b.count, "DyadicVector.dot: lengths differ")
        let top = a.maximumExponent + b.maximumExponent
        var high = [Int128](repeating: 0, count: top + 1)
        var low = [UInt128](repeating: 0, count: top + 1)
        a.mantissas.withUnsafeBufferPointer { am in
            b.mantissas.withUnsafeBufferPointer { bm in
                a.exponents.withUnsafeBufferPointer { ae in
                    b.exponents.withUnsafeBufferPointer { be in
                        high.withUnsafeMutableBufferPointer { high in
                            low.withUnsafeMutableBufferPointer { low in
                                for i in 0..<am.count {
                                    let p = am[i].multipliedFullWidth(by: bm[i])
                                    let k = Int(ae[i]) &+ Int(be[i])
                                    high[k] &+= Int128(p.high)
                                    low[k] &+= UInt128(p.low)
                                }
                            }
                        }
                    }
                }
            }
        }
        var total = BigInt.zero
        for k in 0...top where high[k] != 0 || low[k] != 0 {
            let lowValue = (BigInt(UInt64(truncatingIfNeeded: low[k] >> 64)) << 64) + BigInt(UInt64(truncatingIfNeeded: low[k]))
            total += ((BigInt(high[k]) << 64) + lowValue) << (top - k)
        }
        var sum = Dyadic(mantissa: total, exponent: top)
        // Each index where either entry is large once (exact sums: the order does not matter).
        for k in a.large.keys.union(b.large.keys) { sum += a[k] * b[k] }
        return sum
    }
}
