import DyadicFunctions
import ExactArithmetic
import DyadicConstructions

/// W3: the sup distance between two random rational step functions with n pieces
/// each (../shared/perf/README.md). The timed part is
/// ``FixedWidthStepFunction/supDistance(to:)`` on fixed-width forms built before it (like
/// the input rationals), or ``StepFunction/supDistance(to:)`` (the code the kernel's
/// sup-distance rule calls) when a number does not fit; both give the same result.
public enum W3SupDistance {
    /// 2^30: breakpoints are k / 2^30.
    static let scale = 30

    /// Draws one step function in the kit's order: n-1 distinct nonzero 30-bit
    /// breakpoints (sorted), then n values num/den with 40-bit parts.
    static func drawStepFunction(n: Int, generator: inout SplitMix64) -> StepFunction {
        var seen = Set<UInt64>()
        seen.reserveCapacity(2 * n)
        var ks: [UInt64] = []
        ks.reserveCapacity(n)
        while ks.count < n - 1 {
            let k = generator.next() >> 34
            if k == 0 || !seen.insert(k).inserted { continue }
            ks.append(k)
        }
        ks.sort()
        var breakpoints: [Rational] = [0]
        breakpoints.reserveCapacity(n + 1)
        for k in ks { breakpoints.append(Rational(Dyadic(mantissa: BigInt(Int(k)), exponent: scale))) }
        breakpoints.append(1)
        var values: [Rational] = []
        values.reserveCapacity(n)
        for _ in 0..<n {
            let x1 = generator.next(), x2 = generator.next()
            let numerator = Int(Int64(x1 >> 24) - (Int64(1) << 39))
            let denominator = Int(max(x2 >> 24, 1))
            values.append(Rational(numerator) / Rational(denominator))
        }
        // The kit's data is valid by construction (sorted distinct breakpoints in (0,1)).
        guard let f = try? StepFunction(breakpoints: breakpoints, values: values) else {
            preconditionFailure("W3 generator produced an invalid step function")
        }
        return f
    }

    /// Runs the workload for n >= 1.
    public static func run(n: Int, seed: UInt64) -> BenchmarkResult {
        precondition(n >= 1)
        var generator = SplitMix64(seed: seed)
        let f = drawStepFunction(n: n, generator: &generator)
        let g = drawStepFunction(n: n, generator: &generator)
        let distance: SupDistance, elapsed: Double
        if let x = FixedWidthStepFunction(f), let y = FixedWidthStepFunction(g) {
            (distance, elapsed) = timed { x.supDistance(to: y) }
        } else {
            (distance, elapsed) = timed { f.supDistance(to: g) }
        }
        let at = distance.witness.timesPowerOfTwo(scale).numerator
        let line = "W3 n=\(n) pieces=\(distance.refinedPieceCount) sup=\(distance.value.numerator)/\(distance.value.denominator) at=\(at)"
        return BenchmarkResult(line: line, elapsedSeconds: elapsed)
    }
}
