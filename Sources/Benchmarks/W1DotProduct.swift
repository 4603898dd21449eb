import ExactArithmetic
import DyadicConstructions

/// W1 / W1d: the exact dot product S = sum_i a_i b_i of ../shared/perf/README.md.
///
/// The timed part uses the library's own API: for the general variant the products
/// `a[i] * b[i]` and ``Rational/sum(_:)`` (pairwise tree summation); for the dyadic
/// variant ``DyadicVector/dot(_:_:)`` (mantissas and exponents in separate arrays,
/// 128-bit buckets per exponent; the vectors are built before the timed part, like the
/// input rationals) and the conversion of the result to a canonical rational. `--mode naive` times the
/// left-to-right `S += a[i] * b[i]` over `Rational` instead, for comparison.
public enum W1DotProduct {
    public enum Variant: String, CaseIterable, Sendable {
        case general, dyadic
    }

    public enum Mode: String, CaseIterable, Sendable {
        /// The library's own fast API (tree sum, struct-of-arrays dyadic vector).
        case library
        /// Left-to-right `S += a * b` on `Rational`.
        case naive
    }

    /// Runs the workload and returns its result line and timing.
    public static func run(variant: Variant, n: Int, seed: UInt64, mode: Mode = .library) -> BenchmarkResult {
        precondition(n >= 0)
        var generator = SplitMix64(seed: seed)
        let offset = Int64(1) << 61
        let sum: Rational
        let elapsed: Double
        switch variant {
        case .general:
            var a = [Rational](), b = [Rational]()
            a.reserveCapacity(n)
            b.reserveCapacity(n)
            func draw() -> Rational {
                let x1 = generator.next(), x2 = generator.next()
                let numerator = Int(Int64(x1 >> 2) - offset)
                let denominator = Int(max(x2 >> 2, 1)) // >= 1
                return Rational(numerator) / Rational(denominator)
            }
            for _ in 0..<n {
                a.append(draw())
                b.append(draw())
            }
            switch mode {
            case .library:
                (sum, elapsed) = timed { Rational.sum(zip(a, b).lazy.map { $0 * $1 }) }
            case .naive:
                (sum, elapsed) = timed {
                    var s = Rational.zero
                    for i in 0..<n { s += a[i] * b[i] }
                    return s
                }
            }
        case .dyadic:
            var a = [Dyadic](), b = [Dyadic]()
            a.reserveCapacity(n)
            b.reserveCapacity(n)
            func draw() -> Dyadic {
                let x1 = generator.next(), x2 = generator.next()
                return Dyadic(mantissa: BigInt(Int(Int64(x1 >> 2) - offset)), exponent: Int(x2 >> 58))
            }
            for _ in 0..<n {
                a.append(draw())
                b.append(draw())
            }
            switch mode {
            case .library:
                let (va, vb) = (DyadicVector(a), DyadicVector(b))
                (sum, elapsed) = timed { Rational(DyadicVector.dot(va, vb)) }
            case .naive:
                let ra = a.map(Rational.init), rb = b.map(Rational.init)
                (sum, elapsed) = timed {
                    var s = Rational.zero
                    for i in 0..<n { s += ra[i] * rb[i] }
                    return s
                }
            }
        }
        let line =
            "W1 variant=\(variant.rawValue) n=\(n) num_bits=\(sum.numerator.bitLength) den_bits=\(sum.denominator.bitLength) sha256=\(Digest.sha256Hex(sum))"
        return BenchmarkResult(line: line, elapsedSeconds: elapsed)
    }
}
