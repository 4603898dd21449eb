import DyadicFunctions
import ExactArithmetic

/// A step function whose breakpoints are dyadic of level at most 62 and whose values
/// have 64-bit numerators and denominators, stored as machine words: breakpoint t_i as
/// the integer t_i 2^62, value v_i as its reduced numerator and denominator.
///
/// It is built once from a ``StepFunction`` (nil when some number does not fit) and
/// answers ``supDistance(to:)`` with no allocation per piece; the result is the same
/// ``SupDistance`` that ``StepFunction/supDistance(to:)`` computes (tests compare them).
/// Only the W3 benchmark and the tests use it; the kernel uses the latter.
public struct FixedWidthStepFunction: Sendable {
    /// The scale: breakpoints are stored as t 2^62.
    static let scale = 62
    let breakpoints: [Int64]
    let numerators: [Int64]
    let denominators: [Int64]

    /// The fixed-width form of f, or nil when a breakpoint is not dyadic of level <= 62
    /// or a value's numerator or denominator needs more than 64 bits.
    public init?(_ f: StepFunction) {
        var breakpoints: [Int64] = [], numerators: [Int64] = [], denominators: [Int64] = []
        breakpoints.reserveCapacity(f.breakpoints.count)
        numerators.reserveCapacity(f.values.count)
        denominators.reserveCapacity(f.values.count)
        for t in f.breakpoints {
            let d = t.denominator
            guard d.isPowerOfTwo, d.trailingZeroBitCount <= Self.scale, let n = t.numerator.intValue else { return nil }
            breakpoints.append(Int64(n) << Int64(Self.scale - d.trailingZeroBitCount))
        }
        for v in f.values {
            guard let p = v.numerator.intValue, let q = v.denominator.intValue else { return nil }
            numerators.append(Int64(p))
            denominators.append(Int64(q))
        }
        self.breakpoints = breakpoints
        self.numerators = numerators
        self.denominators = denominators
    }

    /// ||f - g||_inf over the common refinement, with the first piece where it is
    /// attained: |p/q - r/s| = |p s - r q| / (q s) in 128 bits, compared with the running
    /// maximum by exact 256-bit cross multiplication; one gcd at the end.
    public func supDistance(to g: FixedWidthStepFunction) -> SupDistance {
        let one = Int64(1) << Int64(Self.scale)
        var bestNumerator: UInt128 = 0, bestDenominator: UInt128 = 1, witness: Int64 = 0
        var pieces = 0
        breakpoints.withUnsafeBufferPointer { fb in
            g.breakpoints.withUnsafeBufferPointer { gb in
                numerators.withUnsafeBufferPointer { fp in
                    denominators.withUnsafeBufferPointer { fq in
                        g.numerators.withUnsafeBufferPointer { gp in
                            g.denominators.withUnsafeBufferPointer { gq in
                                var i = 0, j = 0, start: Int64 = 0
                                while true {
                                    let difference = Int128(fp[i]) * Int128(gq[j]) - Int128(gp[j]) * Int128(fq[i])
                                    let n = difference.magnitude, d = UInt128(fq[i]) * UInt128(gq[j])
                                    if pieces == 0 || RunningMaximum.isGreater(n, d, than: bestNumerator, bestDenominator) {
                                        bestNumerator = n
                                        bestDenominator = d
                                        witness = start
                                    }
                                    pieces += 1
                                    let nextF = fb[i + 1], nextG = gb[j + 1]
                                    let end = min(nextF, nextG)
                                    if end == one { break }
                                    if nextF == end { i += 1 }
                                    if nextG == end { j += 1 }
                                    start = end
                                }
                            }
                        }
                    }
                }
            }
        }
        return SupDistance(
            value: RunningMaximum.reduce(bestNumerator, bestDenominator),
            witness: Rational(BigInt(Int(witness))).timesPowerOfTwo(-Self.scale),
            refinedPieceCount: pieces)
    }
}
