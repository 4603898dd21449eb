import Testing
import ExactArithmetic
@testable import ExactLinearAlgebra
import TestSupport

/// The one-pass computation of X w, X^T theta and ||x_j||^2 (``Lasso/fusedPass``) and
/// the lasso gap built on it, against plain Rational sums by the definitions; the
/// general path where the fast one does not apply; 128-bit wrap-around of the sums.
@Suite("Lasso: the fused pass over X")
struct LassoFusedPassTests {
    /// Plain sums by the definitions.
    static func reference(_ x: RationalMatrix, _ w: [Rational], _ theta: [Rational]) -> (
        xw: [Rational], correlations: [Rational], norms: [Rational]
    ) {
        let n = x.rows, p = x.columns
        var xw = [Rational](repeating: .zero, count: n), c = [Rational](repeating: .zero, count: p),
            q = [Rational](repeating: .zero, count: p)
        for i in 0..<n {
            for j in 0..<p {
                let e = x[i, j]
                xw[i] += e * w[j]
                c[j] += e * theta[i]
                q[j] += e * e
            }
        }
        return (xw, c, q)
    }

    static func random(_ rng: inout SplitMix64, bits: Int) -> BigInt {
        let magnitude = Int(rng.next() >> UInt64(64 - bits))
        return BigInt(rng.next() & 1 == 0 ? magnitude : -magnitude)
    }

    static func rational(_ rng: inout SplitMix64) -> Rational {
        try! Rational(numerator: BigInt(Int(rng.next() % 2001) - 1000), denominator: BigInt(Int(rng.next() % 64) + 1))
    }

    @Test("one denominator per axis: the pass equals the definitions, and so does the gap")
    func fusedEqualsDefinitions() throws {
        var rng = SplitMix64(seed: 31)
        for trial in 0..<20 {
            let n = Int(rng.next() % 7) + 1, p = Int(rng.next() % 6) + 1
            let entries = (0..<(n * p)).map { _ in Self.random(&rng, bits: trial % 2 == 0 ? 20 : 62) }
            let x = try RationalMatrix(
                numerators: IntegerMatrix(rows: n, columns: p, entries: entries),
                rowDenominators: Array(repeating: BigInt(8), count: n), columnDenominators: Array(repeating: BigInt(3), count: p))
            let w = (0..<p).map { _ in Self.rational(&rng) }, theta = (0..<n).map { _ in Self.rational(&rng) }
            let y = (0..<n).map { _ in Self.rational(&rng) }
            let ref = Self.reference(x, w, theta)
            let f = try #require(try Lasso.fusedPass(x, head: w, dual: theta, norms: true))
            #expect(f.xw == ref.xw && f.correlations == ref.correlations && f.norms == ref.norms, "trial \(trial)")
            // P and D by the definitions.
            let lambda = try Rational(1, 3)
            var squares = Rational.zero, dot = Rational.zero, tt = Rational.zero
            for i in 0..<n {
                squares += (y[i] - ref.xw[i]) * (y[i] - ref.xw[i])
                dot += theta[i] * y[i]
                tt += theta[i] * theta[i]
            }
            let primal = squares / Rational(2 * n) + lambda * w.reduce(Rational.zero) { $0 + $1.magnitude }
            let dual = dot - Rational(n) * tt / Rational(2)
            let r = try Lasso.checkGap(features: x, targets: y, head: w, dual: theta, lambda: lambda, delta: .zero)
            #expect(
                r.primalValue == primal && r.dualValue == dual && r.correlations == ref.correlations && r.featureSquaredNorms == ref.norms)
        }
    }

    @Test("row denominators that differ, or a numerator past 64 bits: no fast pass, and the general path gives the same gap")
    func generalPath() throws {
        let x = try RationalMatrix([[Rational(1), try Rational(1, 2)], [try Rational(1, 3), Rational(2)]], columns: 2)
        #expect(x.rowDenominators[0] != x.rowDenominators[1])
        let w = [Rational(1), try Rational(-1, 4)], theta = [try Rational(1, 5), try Rational(-1, 7)], y = [Rational(1), Rational(-1)]
        #expect(try Lasso.fusedPass(x, head: w, dual: theta, norms: true) == nil)
        let ref = Self.reference(x, w, theta)
        let r = try Lasso.checkGap(features: x, targets: y, head: w, dual: theta, lambda: Rational(1), delta: .zero)
        #expect(r.correlations == ref.correlations && r.featureSquaredNorms == ref.norms)
        let wide = try RationalMatrix(IntegerMatrix(rows: 1, columns: 1, entries: [BigInt(1) << 70]))
        #expect(try Lasso.fusedPass(wide, head: [Rational(1)], dual: [Rational(1)], norms: true) == nil)
        let r2 = try Lasso.checkGap(
            features: wide, targets: [Rational(0)], head: [Rational(1)], dual: [.zero], lambda: Rational(1), delta: .zero)
        #expect(r2.featureSquaredNorms == [Rational(BigInt(1) << 140)])
    }

    @Test("sums past 2^127 wrap and are counted: four products of (2^63 - 1)^2, with both signs")
    func wrapAround() throws {
        let big = BigInt(Int.max)
        for sign in [1, -1] {
            let entries = [big, big, big, sign == 1 ? big : -big]
            let x = try RationalMatrix(IntegerMatrix(rows: 4, columns: 1, entries: entries))
            let theta = Array(repeating: Rational(big), count: 4)
            let f = try #require(try Lasso.fusedPass(x, head: [Rational(big)], dual: theta, norms: true))
            let square = Rational(big * big)
            #expect(f.correlations == [sign == 1 ? 4 * square : 2 * square])
            #expect(f.norms == [4 * square])
            #expect(f.xw == entries.map { Rational($0 * big) })
        }
    }
}
