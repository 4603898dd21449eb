/// An exact running sum of dyadic numbers that stays in machine words when it can.
///
/// Terms with word-sized mantissas go into one 128-bit bucket per exponent; a
/// bucket's overflow (detected exactly) and every large term spill into an exact
/// ``Dyadic`` remainder. ``total`` combines buckets and remainder once, shifting each
/// bucket to the largest exponent used. A product of two word-sized dyadic numbers is
/// added with one 64x64->128-bit multiplication and no allocation.
public struct DyadicAccumulator: Sendable {
    /// Exponents below this use buckets; larger ones go to the remainder.
    @usableFromInline static let bucketCount = 512

    @usableFromInline internal var buckets: [Int128]
    @usableFromInline internal var highestExponent = -1
    @usableFromInline internal var remainder = Dyadic.zero

    public init() {
        buckets = Array(repeating: 0, count: DyadicAccumulator.bucketCount)
    }

    /// Adds `value`.
    @inlinable
    public mutating func add(_ value: Dyadic) {
        if let m = value._mantissa.intValue {
            addWide(Int128(m), exponent: value._exponent)
        } else {
            remainder += value
        }
    }

    /// Adds `x * y` exactly.
    @inlinable
    public mutating func addProduct(_ x: Dyadic, _ y: Dyadic) {
        if let a = x._mantissa.intValue, let b = y._mantissa.intValue {
            addWide(Int128(a) * Int128(b), exponent: x._exponent &+ y._exponent)
        } else {
            addLargeProduct(x, y)
        }
    }

    @usableFromInline
    @inline(never)
    internal mutating func addLargeProduct(_ x: Dyadic, _ y: Dyadic) {
        remainder += x * y
    }

    /// Adds m / 2^e with |m| < 2^127 and e >= 0 (exponents of canonical dyadic numbers
    /// are below 2^62 in practice, so the wrapping sum of two is non-negative).
    @inlinable
    internal mutating func addWide(_ m: Int128, exponent e: Int) {
        if e >= 0 && e < DyadicAccumulator.bucketCount {
            let (wrapped, overflow) = buckets.withUnsafeMutableBufferPointer { buckets in
                let (s, overflow) = buckets[e].addingReportingOverflow(m)
                buckets[e] = overflow ? m : s
                return (s, overflow)
            }
            if overflow { spill(wrapped, overflowFrom: m, exponent: e) }
            if e > highestExponent { highestExponent = e }
        } else {
            addToRemainder(m, exponent: e)
        }
    }

    /// Records the exact value of a bucket that overflowed: the old bucket value is
    /// the wrapped sum minus the added term.
    @usableFromInline
    @inline(never)
    internal mutating func spill(_ wrappedSum: Int128, overflowFrom added: Int128, exponent e: Int) {
        let old = wrappedSum &- added
        remainder += Dyadic(mantissa: BigInt(old), exponent: e)
    }

    @usableFromInline
    @inline(never)
    internal mutating func addToRemainder(_ m: Int128, exponent e: Int) {
        precondition(e >= 0, "DyadicAccumulator: exponent overflow")
        remainder += Dyadic(mantissa: BigInt(m), exponent: e)
    }

    /// The exact sum of everything added, in canonical form.
    public var total: Dyadic {
        guard highestExponent >= 0 else { return remainder }
        var mantissa = BigInt.zero
        for e in 0...highestExponent where buckets[e] != 0 {
            mantissa += BigInt(buckets[e]) << (highestExponent - e)
        }
        return Dyadic(mantissa: mantissa, exponent: highestExponent) + remainder
    }
}
