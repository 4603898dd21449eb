import DyadicFunctions
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

extension NumberSizes {
    /// A bound on the bits of every number an exact (Rational) sweep of `network` forms:
    /// pre-activations, values and their changes beyond the first layer (whose values are
    /// 0 or 1), bounded as if every unit were linear. A unit of layer l sums at most
    /// fan-in + 1 products of a weight or bias of the layer with a value of layer l - 1,
    /// so its denominator gains at most the layer's ``denominator`` bits, and its magnitude
    /// its ``numerator`` bits plus the bits of fan-in + 1, plus one for a change.
    static func sweepBits(_ network: HeavisideNetwork) -> Int {
        var denominatorBits = 0, magnitudeBits = 1
        for l in 1..<max(network.layerCount, 1) {
            var numbers: [Rational] = [], fanIn = 0
            for u in network.layerRange(l) {
                let weights = network.weightRange(ofUnit: u)
                numbers += weights.map(network.weight)
                numbers.append(network.bias(ofUnit: u))
                fanIn = max(fanIn, weights.count)
            }
            let sizes = NumberSizes(numbers)
            denominatorBits += sizes.denominator
            magnitudeBits += sizes.numerator + (Int.bitWidth - (fanIn + 1).leadingZeroBitCount) + 1
        }
        return denominatorBits + magnitudeBits
    }
}
