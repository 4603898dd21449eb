import ExactArithmetic
import ExactLinearAlgebra
import TestSupport
import Testing
@testable import CertificateGenerator

/// The untrusted solver's repaired outputs pass the trusted pure checks (Lemmas PD, GS,
/// MD): the float solution is made exact, the dual point scaled into feasibility.
@Suite("Multi-task lasso solver: float solution repaired into exact certificates")
struct MultiTaskLassoSolverTests {
    /// A teacher network with 3 units inside a student layer of K units on N points.
    static func instance(seed: UInt64, points N: Int, units K: Int) throws -> (phi: RationalMatrix, psi: RationalMatrix) {
        var g = SplitMix64(seed: seed)
        func draw() -> Double { Double(Int64(bitPattern: g.next()) >> 11) / Double(1 << 52) }
        let d = 2, D = 3
        let x = try RationalMatrix(rows: d, columns: N, entries: (0..<(d * N)).map { _ in MultiTaskLassoSolver.exact(draw()) })
        let w = try RationalMatrix(rows: K, columns: d, entries: (0..<(K * d)).map { _ in MultiTaskLassoSolver.exact(draw()) })
        let b = (0..<K).map { _ in MultiTaskLassoSolver.exact(draw() / 4) }
        // The teacher uses units 0, 1, 2 only.
        let v = try RationalMatrix(
            rows: D, columns: K, entries: (0..<(D * K)).map { $0 % K < 3 ? MultiTaskLassoSolver.exact(draw() * 4) : .zero })
        let network = try ShallowReLUNetwork(inputWeights: w, biases: b, outputWeights: v, outputBias: [0, 0, 0])
        let phi = try network.features(on: x)
        return (phi, try network.outputs(features: phi))
    }

    static func doubles(_ m: RationalMatrix) -> [[Double]] {
        (0..<m.rows).map { i in m.row(i).map(\.approximateDouble) }
    }

    @Test("Penalised gap and screening hold on the repaired solution; the gap is small")
    func penalised() throws {
        for seed: UInt64 in [1, 2, 3] {
            let (phi, psi) = try Self.instance(seed: seed, points: 12, units: 24)
            let lambda = Rational.one.timesPowerOfTwo(-4)
            let float = MultiTaskLassoSolver.solve(
                features: Self.doubles(phi), targets: Self.doubles(psi), lambda: lambda.approximateDouble)
            let repaired = try MultiTaskLassoSolver.repair(float, features: phi, targets: psi, lambda: lambda)
            let probe = try MultiTaskLasso.checkPenalised(
                features: phi, targets: psi, weights: repaired.weights, dual: repaired.dual,
                lambda: lambda, unitBounds: repaired.unitBounds, delta: Rational(BigInt.powerOfTwo(64)))
            #expect(probe.holds, "seed \(seed): \(String(describing: probe.violation))")
            #expect(
                probe.gapBound.signum >= 0 && probe.dualValue.signum >= 0, "seed \(seed): the scaled dual point is worse than Theta = 0")
            // The certificate states delta = the computed bound; one step less fails.
            let gap = try MultiTaskLasso.checkPenalised(
                features: phi, targets: psi, weights: repaired.weights, dual: repaired.dual,
                lambda: lambda, unitBounds: repaired.unitBounds, delta: probe.gapBound)
            #expect(gap.holds)
            #expect(
                try !MultiTaskLasso.checkPenalised(
                    features: phi, targets: psi, weights: repaired.weights, dual: repaired.dual,
                    lambda: lambda, unitBounds: repaired.unitBounds, delta: probe.gapBound - Rational.one.timesPowerOfTwo(-60)
                ).holds)
            // Every unit the certificate screens is zero in the float solution too.
            let screenable = (0..<phi.rows).filter { MultiTaskLasso.screen(gap, units: [$0]).holds }
            #expect(Set(screenable).isSubset(of: Set(repaired.zeroUnits)))
            #expect(MultiTaskLasso.screen(gap, units: screenable).holds)
        }
    }

    @Test("Constrained problem: V solved exactly on the teacher's units fits exactly, and Lemma MD's gap is certified")
    func constrained() throws {
        let (phi, psi) = try Self.instance(seed: 7, points: 10, units: 16)
        let kept = [0, 1, 2]
        let vKept = try #require(MultiTaskLassoSolver.solveOnSupport(features: phi, targets: psi, kept: kept))
        let phiKept = phi.selectingRows(kept)
        #expect(try vKept.multiplied(by: phiKept).subtracting(psi).isZero)
        // A dual point: Theta / lambda from the penalised solution is feasible for ||.|| <= 1.
        let lambda = Rational.one.timesPowerOfTwo(-3)
        let float = MultiTaskLassoSolver.solve(
            features: Self.doubles(phiKept), targets: Self.doubles(psi), lambda: lambda.approximateDouble)
        let repaired = try MultiTaskLassoSolver.repair(float, features: phiKept, targets: psi, lambda: lambda)
        let dual = try RationalMatrix(rows: psi.rows, columns: psi.columns, entries: repaired.dual.entries.map { $0 / lambda })
        let u = try vKept.columnSquaredNorms().map(MultiTaskLassoSolver.upperSquareRoot)
        let probe = try MultiTaskLasso.checkConstrained(
            features: phiKept, targets: psi, weights: vKept, dual: dual, unitBounds: u, delta: Rational(BigInt.powerOfTwo(64)))
        #expect(probe.holds, "\(String(describing: probe.violation))")
        let tight = try MultiTaskLasso.checkConstrained(
            features: phiKept, targets: psi, weights: vKept, dual: dual, unitBounds: u, delta: probe.gapBound)
        #expect(tight.holds)
        #expect(
            !(try MultiTaskLasso.checkConstrained(
                features: phiKept, targets: psi, weights: vKept, dual: dual, unitBounds: u,
                delta: probe.gapBound - Rational.one.timesPowerOfTwo(-60))).holds)
    }

    @Test("Doubles convert exactly; u_k bounds are valid and tight")
    func conversions() throws {
        #expect(MultiTaskLassoSolver.exact(0.375) == (try Rational(3, 8)))
        let big = MultiTaskLassoSolver.exact(-1e300)
        #expect(big.isInteger && big.numerator.bitLength == 997 && big.approximateDouble == -1e300)
        #expect(MultiTaskLassoSolver.exact(-(pow2(60) + pow2(8))) == -Rational(BigInt.powerOfTwo(60) + 256))
        #expect(MultiTaskLassoSolver.exact(Double.leastNonzeroMagnitude) == Rational.one.timesPowerOfTwo(-1074))
        for a in [Rational(2), try Rational(1, 3), Rational(BigInt.powerOfTwo(100) + 1), try Rational(7, 1_000_000)] {
            let u = MultiTaskLassoSolver.upperSquareRoot(a)
            #expect(u * u >= a && (u * u - a) / a < Rational.one.timesPowerOfTwo(-30))
        }
    }
}

private func pow2(_ k: Int) -> Double { Double(sign: .plus, exponent: k, significand: 1) }
