import Testing
import ExactArithmetic
@testable import DyadicFunctions
import TestSupport

// Shared helpers of the Foundation* test files: seeded draws and reference
// implementations that work on raw arrays, never on the library's canonical forms.
// Everything is namespaced in `FDN` so that it cannot collide with other test files.

enum FDN {
    // MARK: Numbers

    /// p/d as a rational (d != 0).
    static func q(_ p: Int, _ d: Int = 1) -> Rational {
        guard let r = try? Rational(p, d) else { preconditionFailure("zero denominator") }
        return r
    }

    /// n/d for big parts (d != 0).
    static func q(_ n: BigInt, _ d: BigInt) -> Rational {
        guard let r = try? Rational(numerator: n, denominator: d) else { preconditionFailure("zero denominator") }
        return r
    }

    /// m / 2^e, built as a fraction of big integers (independent of `Dyadic`).
    static func dy(_ m: Int, _ e: Int) -> Rational {
        q(BigInt(m), pow2(e))
    }

    /// 2^e as a big integer.
    static func pow2(_ e: Int) -> BigInt { BigInt(1) << e }

    /// A uniform integer in `range`.
    static func int(_ rng: inout SplitMix64, _ range: ClosedRange<Int>) -> Int {
        Int.random(in: range, using: &rng)
    }

    /// True with probability percent/100.
    static func chance(_ rng: inout SplitMix64, _ percent: Int) -> Bool {
        int(&rng, 0...99) < percent
    }

    /// A small random rational p/d, |p| <= 9, 1 <= d <= 8.
    static func smallRational(_ rng: inout SplitMix64) -> Rational {
        q(int(&rng, -9...9), int(&rng, 1...8))
    }

    /// A random dyadic m/2^e with |m| <= 15, e <= 3.
    static func smallDyadic(_ rng: inout SplitMix64) -> Rational {
        dy(int(&rng, -15...15), int(&rng, 0...3))
    }

    /// A random non-negative big integer with exactly `bits` bits (bits >= 1).
    static func magnitude(_ rng: inout SplitMix64, bits: Int) -> BigInt {
        let words = (bits + 63) / 64
        var value = BigInt.zero
        for _ in 0..<words { value = (value << 64) + BigInt(rng.next()) }
        value = value >> (words * 64 - bits)
        if value.bitLength < bits { value = value + pow2(bits - 1) } // set the top bit
        return value
    }

    /// floor(x) for a rational, by integer division of the parts.
    static func floor(_ x: Rational) -> BigInt {
        x.numerator.flooredQuotientAndModulus(dividingBy: x.denominator).quotient
    }

    // MARK: Errors

    /// The error a throwing call ends with, or nil when it returns.
    static func error<T>(_ body: () throws(DyadicFunctionError) -> T) -> DyadicFunctionError? {
        do {
            _ = try body()
            return nil
        } catch {
            return error
        }
    }

    // MARK: Raw step functions (reference implementation)

    /// Step-function data exactly as given: no merging, evaluation by a linear scan.
    struct RawStep: CustomStringConvertible {
        var breakpoints: [Rational]
        var values: [Rational]

        /// The value at x in [0, 1): v_i for the last i with t_i <= x.
        func eval(_ x: Rational) -> Rational {
            precondition(x >= Rational.zero && x < Rational.one)
            var result = values[0]
            for i in 0..<values.count where breakpoints[i] <= x { result = values[i] }
            return result
        }

        /// The canonical form, merged by the definition (drop t_i when v_{i-1} = v_i).
        var canonical: RawStep {
            var t: [Rational] = [breakpoints[0]], v: [Rational] = [values[0]]
            for i in 1..<values.count where values[i] != v[v.count - 1] {
                t.append(breakpoints[i])
                v.append(values[i])
            }
            t.append(1)
            return RawStep(breakpoints: t, values: v)
        }

        /// The library's step function for this data.
        func make() throws -> StepFunction {
            try StepFunction(breakpoints: breakpoints, values: values)
        }

        var description: String { "RawStep(t: \(breakpoints), v: \(values))" }
    }

    /// Random sorted distinct interior points in (0, 1): dyadic of level `level`, or
    /// rationals with denominators up to 40 when `level` is nil.
    static func interiorPoints(_ rng: inout SplitMix64, count: Int, level: Int?) -> [Rational] {
        var points = Set<Rational>()
        var attempts = 0
        while points.count < count && attempts < 50 * (count + 1) {
            attempts += 1
            if let L = level {
                guard L >= 1 else { break }
                points.insert(dy(int(&rng, 1...((1 << L) - 1)), L))
            } else {
                let d = int(&rng, 2...40)
                points.insert(q(int(&rng, 1...(d - 1)), d))
            }
        }
        return points.sorted()
    }

    /// A random raw step function with up to `maxPieces` pieces; each value repeats the
    /// previous one with probability `repeatPercent` (so the data is often redundant).
    static func randomRaw(
        _ rng: inout SplitMix64, maxPieces: Int, level: Int?, repeatPercent: Int = 0,
        value: (inout SplitMix64) -> Rational = FDN.smallRational
    ) -> RawStep {
        let interior = interiorPoints(&rng, count: int(&rng, 0...(maxPieces - 1)), level: level)
        let breakpoints = [Rational.zero] + interior + [Rational.one]
        var values: [Rational] = []
        for i in 0..<(breakpoints.count - 1) {
            if i > 0 && chance(&rng, repeatPercent) { values.append(values[i - 1]) } else { values.append(value(&rng)) }
        }
        return RawStep(breakpoints: breakpoints, values: values)
    }

    /// The sorted union of several breakpoint lists.
    static func union(_ lists: [Rational]...) -> [Rational] {
        Set(lists.joined()).sorted()
    }

    /// Sample points for pointwise checks: every given point below 1, the midpoints of
    /// consecutive points, and a few fixed irrational-looking rationals.
    static func samplePoints(_ grid: [Rational]) -> [Rational] {
        var points = Set<Rational>()
        for i in 0..<grid.count {
            if grid[i] < Rational.one { points.insert(grid[i]) }
            if i + 1 < grid.count { points.insert((grid[i] + grid[i + 1]) / 2) }
        }
        for (p, d) in [(1, 7), (3, 11), (22, 23), (1, 1000), (999, 1000)] { points.insert(q(p, d)) }
        return points.sorted()
    }

    // MARK: Piecewise-linear reference

    /// Linear interpolation of continuous data (knots, values) at x in [0, 1].
    static func interpolate(knots: [Rational], values: [Rational], at x: Rational) -> Rational {
        if x == Rational.one { return values[values.count - 1] }
        var i = 0
        while !(knots[i] <= x && x < knots[i + 1]) { i += 1 }
        return values[i] + (values[i + 1] - values[i]) * (x - knots[i]) / (knots[i + 1] - knots[i])
    }

    /// The level-L dyadic grid 0, 1/2^L, ..., 1.
    static func grid(level L: Int) -> [Rational] {
        (0...(1 << L)).map { dy($0, L) }
    }

    /// The least e with x * 2^e an integer, or nil when x is not dyadic.
    static func dyadicExponent(_ x: Rational) -> Int? {
        var d = x.denominator, e = 0
        while d > 1 {
            guard !d.isOdd else { return nil }
            d = d >> 1
            e += 1
        }
        return e
    }
}
