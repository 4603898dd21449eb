import ExactArithmetic

/// Bounds on the bit lengths of the numbers an exact sum of some of `values` forms, read
/// off the values before the sum is done, so that its work is charged first (FORMAT.md
/// sec. 7).
///
/// A sum can form numbers far longer than any it adds: n terms with distinct b-bit
/// denominators may have a sum whose denominator has n b bits. The denominator of any
/// sum of some of the values divides the lcm of their denominators, whose bit length is
/// at most ``denominator``; its numerator is |sum| times that denominator, with |sum| at
/// most (number of terms) 2^``numerator``.
struct NumberSizes {
    /// Bits of the longest value (the longer of its numerator and denominator).
    private(set) var longest = 0
    /// Bits of the largest numerator: every |value| is below 2^numerator.
    private(set) var numerator = 0
    /// A bound on log2 of the lcm of the denominators: the largest power of two dividing
    /// one of them, plus the bit length of every distinct odd part above 1 (the lcm
    /// divides 2^e times their product). Dyadic values have just their largest exponent.
    private(set) var denominator = 0

    init(_ values: some Sequence<Rational>) {
        var oddParts = Set<BigInt>(), twos = 0
        for x in values {
            let (n, d) = (x.numerator.bitLength, x.denominator.bitLength)
            (longest, numerator) = (max(longest, n, d), max(numerator, n))
            let e = x.denominator.trailingZeroBitCount
            twos = max(twos, e)
            if d > e + 1 { oddParts.insert(x.denominator >> e) }
        }
        denominator = twos + oddParts.reduce(0) { $0 + $1.bitLength }
    }

    /// A bound on the bits of any sum of at most `terms` of the values (numerator and
    /// denominator).
    func sumBits(terms: Int) -> Int {
        denominator + numerator + (Int.bitWidth - max(terms, 1).leadingZeroBitCount)
    }
}
