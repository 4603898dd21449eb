import ExactArithmetic
import Foundation
import TestSupport
import Testing
@testable import ExactLinearAlgebra

@Suite("Multi-task lasso: weak duality, penalised gap, gap-safe screening (Lemmas MD, PD, GS)")
struct MultiTaskLassoTests {
    @Test("Dual norms, <Lambda, Psi>, P and D equal the Fraction reference")
    func reference() throws {
        for c in Reference.cases("mtl") {
            let phi = matrix(c["Phi"]), psi = matrix(c["Psi"]), v = matrix(c["V"]), lam = matrix(c["Lambda"])
            let lambda = q(c["lambda"]), u = vector(c["u"])
            let huge = Rational(BigInt.powerOfTwo(200))
            // Constrained: V Phi != Psi here, so it fails at the first entry, with the values.
            let constrained = try MultiTaskLasso.checkConstrained(
                features: phi, targets: psi, weights: v, dual: lam, unitBounds: u, delta: huge)
            #expect(constrained.dualSquaredNorms == vector(c["dualNorms"]))
            #expect(constrained.dualValue == q(c["inner"]))
            if case .notFeasible(let d, let i, let value, let target) = constrained.violation {
                let product = try v.multiplied(by: phi)
                #expect(d == 0 && i == 0 && target == psi[0, 0] && value == product[0, 0])
            } else {
                Issue.record("expected notFeasible, got \(String(describing: constrained.violation))")
            }
            // Penalised: a dual point scaled into feasibility is not needed for the values.
            let penalised = try MultiTaskLasso.checkPenalised(
                features: phi, targets: psi, weights: v, dual: lam, lambda: lambda, unitBounds: u, delta: huge)
            #expect(penalised.primalBound == q(c["penalisedPrimal"]))
            #expect(penalised.dualValue == q(c["penalisedDual"]))
            #expect(penalised.featureSquaredNorms == vector(c["phiNorms"]))
            #expect(penalised.dualSquaredNorms == vector(c["dualNorms"]))
        }
    }

    /// Phi = I (K = N): the penalised problem separates by unit, and its minimiser is
    /// group soft-thresholding v*_k = psi_k (1 - lambda / ||psi_k||)_+, with
    /// Theta* = Psi - V*. Columns with rational norms keep everything exact.
    static func separable() throws -> (
        phi: RationalMatrix, psi: RationalMatrix, vStar: RationalMatrix, thetaStar: RationalMatrix, lambda: Rational, norms: [Rational]
    ) {
        // Columns psi_k with norms 5, 13, 2, 1/2; lambda = 3: units 0 and 1 are active, 2 and 3 zero.
        let columns: [[Rational]] = [[3, 4], [5, 12], [0, 2], [try Rational(3, 10), try Rational(2, 5)]]
        let norms: [Rational] = [5, 13, 2, try Rational(1, 2)]
        let lambda = Rational(3)
        let K = columns.count
        let psi = matrix((0..<2).map { d in columns.map { $0[d] } })
        let phi = matrix((0..<K).map { i in (0..<K).map { Rational($0 == i ? 1 : 0) } })
        let vStarColumns = zip(columns, norms).map { column, norm in
            norm > lambda ? column.map { $0 * (1 - lambda / norm) } : column.map { _ in Rational.zero }
        }
        let vStar = matrix((0..<2).map { d in vStarColumns.map { $0[d] } })
        let thetaStar = try psi.subtracting(vStar.multiplied(by: phi))
        return (phi, psi, vStar, thetaStar, lambda, norms)
    }

    @Test("At the exact optimum the gap is 0; inactive units screen, active ones never do (tie at lambda)")
    func screeningAtOptimum() throws {
        let s = try Self.separable()
        let u: [Rational] = [2, 10, 0, 0] // ||v*_0|| = 5 - 3, ||v*_1|| = 13 - 3
        let gap = try MultiTaskLasso.checkPenalised(
            features: s.phi, targets: s.psi, weights: s.vStar, dual: s.thetaStar, lambda: s.lambda, unitBounds: u, delta: 0)
        #expect(gap.holds && gap.gapBound == 0)
        #expect(gap.dualSquaredNorms == [9, 9, 4, try Rational(1, 4)]) // lambda^2 on active units
        let screened = MultiTaskLasso.screen(gap, units: [2, 3])
        #expect(screened.holds && screened.screenedUnits == [2, 3])
        // Units 0 and 1 are active in the (unique) optimum: screening them must fail.
        for k in [0, 1] {
            let attempt = MultiTaskLasso.screen(gap, units: [2, k])
            #expect(!attempt.holds && attempt.failure?.unit == k && attempt.failure?.a == 9 && attempt.failure?.b == 0)
        }
    }

    @Test("A suboptimal V: the gap bound is exact; delta one step too small fails; screening uses the gap")
    func suboptimal() throws {
        let s = try Self.separable()
        // V = V* except unit 0 shrunk to half: still feasible Theta* (unchanged), larger P.
        var rows = toRows(s.vStar)
        for d in 0..<2 { rows[d][0] = rows[d][0] / 2 }
        let v = matrix(rows)
        let u: [Rational] = [1, 10, 0, 0]
        let exact = try MultiTaskLasso.checkPenalised(
            features: s.phi, targets: s.psi, weights: v, dual: s.thetaStar, lambda: s.lambda, unitBounds: u, delta: 1000)
        // P(V) - D(Theta*) = P(V) - P(V*): ||v_0 - psi_0||^2 / 2 + 3 * 1 - (||Theta*_0||^2 / 2 + 3 * 2) = (16 - 9) / 2 - 3 = 1/2.
        #expect(exact.gapBound == (try Rational(1, 2)))
        #expect(
            try MultiTaskLasso.checkPenalised(
                features: s.phi, targets: s.psi, weights: v, dual: s.thetaStar, lambda: s.lambda, unitBounds: u, delta: exact.gapBound
            ).holds)
        let oneStepShort = try MultiTaskLasso.checkPenalised(
            features: s.phi, targets: s.psi, weights: v, dual: s.thetaStar, lambda: s.lambda, unitBounds: u,
            delta: exact.gapBound - tiny(60))
        #expect(oneStepShort.violation == .gapTooLarge(gapBound: exact.gapBound, delta: exact.gapBound - tiny(60)))
        #expect(!MultiTaskLasso.screen(oneStepShort, units: [2]).gapEstablished)
        // G = 1/2, ||phi_k|| = 1: unit 3 has sqrt(1/4) + 1 = 3/2 < 3, unit 2 has 2 + 1 = 3, not < 3.
        #expect(MultiTaskLasso.screen(exact, units: [3]).holds)
        #expect(MultiTaskLasso.screen(exact, units: [2]).failure?.unit == 2)
        // u_0 one step below ||v_0|| = 1.
        let short = try MultiTaskLasso.checkPenalised(
            features: s.phi, targets: s.psi, weights: v, dual: s.thetaStar, lambda: s.lambda, unitBounds: [1 - tiny(60), 10, 0, 0],
            delta: 1000)
        #expect(short.violation == .unitBoundTooSmall(unit: 0, bound: 1 - tiny(60), squaredNorm: 1))
    }

    @Test("A dual point infeasible by 2^-60 is rejected, naming the unit and ||Theta phi_k||^2")
    func infeasibleDual() throws {
        let s = try Self.separable()
        var rows = toRows(s.thetaStar)
        // Theta*_1 = psi_1 * 3/13 has norm exactly 3 = lambda; push it out by 2^-60.
        rows[1][1] += tiny(60)
        let theta = matrix(rows)
        let r = try MultiTaskLasso.checkPenalised(
            features: s.phi, targets: s.psi, weights: s.vStar, dual: theta, lambda: s.lambda, unitBounds: [2, 10, 0, 0], delta: 1000)
        let expected = toRows(theta).reduce(Rational.zero) { $0 + $1[1] * $1[1] }
        #expect(r.violation == .dualInfeasible(unit: 1, squaredNorm: expected, limit: 9))
        #expect(expected > 9)
        #expect(!MultiTaskLasso.screen(r, units: [3]).gapEstablished)
    }

    @Test("Constrained problem (Lemma MD): exact fit, ||Lambda phi_k|| <= 1, gap bound; each way to fail")
    func constrained() throws {
        // Phi = I, Psi columns with norms 5, 13: p* = 18 with V = Psi; Lambda = columns normalised.
        let phi = matrix([[1, 0], [0, 1]].map { $0.map { Rational($0) } })
        let psi = matrix([[3, 5], [4, 12]].map { $0.map { Rational($0) } })
        let lam = matrix([[try Rational(3, 5), try Rational(5, 13)], [try Rational(4, 5), try Rational(12, 13)]])
        let ok = try MultiTaskLasso.checkConstrained(features: phi, targets: psi, weights: psi, dual: lam, unitBounds: [5, 13], delta: 0)
        #expect(ok.holds && ok.primalBound == 18 && ok.dualValue == 18 && ok.gapBound == 0)
        #expect(ok.dualSquaredNorms == [1, 1])
        var off = toRows(psi)
        off[1][0] += tiny(60)
        let notFit = try MultiTaskLasso.checkConstrained(
            features: phi, targets: psi, weights: matrix(off), dual: lam, unitBounds: [6, 13], delta: 1)
        #expect(notFit.violation == .notFeasible(output: 1, point: 0, value: 4 + tiny(60), target: 4))
        var lamRows = toRows(lam)
        lamRows[0][1] += tiny(60)
        let infeasible = try MultiTaskLasso.checkConstrained(
            features: phi, targets: psi, weights: psi, dual: matrix(lamRows), unitBounds: [5, 13], delta: 1)
        if case .dualInfeasible(let k, let norm, let limit) = infeasible.violation {
            #expect(k == 1 && norm > 1 && limit == 1)
        } else {
            Issue.record("expected dualInfeasible")
        }
        #expect(
            try MultiTaskLasso.checkConstrained(
                features: phi, targets: psi, weights: psi, dual: lam, unitBounds: [5, 13 - tiny(60)], delta: 1
            ).violation
                == .unitBoundTooSmall(unit: 1, bound: 13 - tiny(60), squaredNorm: 169))
        let short = try MultiTaskLasso.checkConstrained(
            features: phi, targets: psi, weights: psi, dual: lam, unitBounds: [5, 13 + tiny(60)], delta: 0)
        #expect(short.violation == .gapTooLarge(gapBound: tiny(60), delta: 0))
        #expect(throws: MatrixError.self) {
            try MultiTaskLasso.checkConstrained(features: phi, targets: psi, weights: psi, dual: lam, unitBounds: [5], delta: 0)
        }
        #expect(throws: MatrixError.self) {
            try MultiTaskLasso.checkConstrained(
                features: phi, targets: psi, weights: psi, dual: lam.transposed.selectingRows([0]), unitBounds: [5, 13], delta: 0)
        }
    }

    @Test("Brute force: Lemma PD's gap is never negative, and screened units are zero in a brute-force minimiser")
    func bruteForce() throws {
        // Phi = I with random psi columns (norms rational by Pythagorean triples): the
        // minimiser is known in closed form; random feasible Theta (scaled into the
        // ball) and random V give gap bounds >= P(V) - P* >= 0, and every unit that
        // screening certifies has ||psi_k|| <= lambda (zero in the minimiser).
        let triples: [(Int, Int, Int)] = [(3, 4, 5), (5, 12, 13), (8, 15, 17), (7, 24, 25), (20, 21, 29)]
        var rng = SplitMix64(seed: 0x6A50)
        for _ in 0..<20 {
            let K = 2 + rng.below(4)
            var columns = [[Rational]](), norms = [Rational]()
            for _ in 0..<K {
                let (a, b, c) = triples[rng.below(triples.count)]
                let scale = try Rational(1 + rng.below(9), 1 + rng.below(4))
                columns.append([Rational(a) * scale, Rational(b) * scale])
                norms.append(Rational(c) * scale)
            }
            let lambda = try Rational(1 + rng.below(40), 4)
            let psi = matrix((0..<2).map { d in columns.map { $0[d] } })
            let phi = matrix((0..<K).map { i in (0..<K).map { Rational($0 == i ? 1 : 0) } })
            let pStar = zip(columns, norms).reduce(Rational.zero) { s, cn in
                let (n) = cn.1
                return s + (n > lambda ? lambda * lambda / 2 + lambda * (n - lambda) : n * n / 2)
            }
            // Theta = Psi scaled by t/max with max = max ||psi_k|| / lambda: feasible.
            let maxNorm = norms.max()!
            let t = try Rational(1 + rng.below(10), 10)
            let theta = matrix(toRows(psi).map { $0.map { $0 * t * min(1, lambda / maxNorm) } })
            let v = matrix(toRows(psi).map { $0.map { $0 * (try! Rational(rng.below(11), 10)) } })
            let v2 = try v.columnSquaredNorms()
            let gap = try MultiTaskLasso.checkPenalised(
                features: phi, targets: psi, weights: v, dual: theta, lambda: lambda,
                unitBounds: v2.map { upperSquareRoot($0) }, delta: Rational(BigInt.powerOfTwo(100)))
            #expect(gap.holds)
            #expect(gap.primalBound >= pStar && pStar >= gap.dualValue)
            for k in 0..<K where MultiTaskLasso.screen(gap, units: [k]).holds {
                #expect(norms[k] <= lambda, "screened an active unit")
            }
        }
    }
}

@Suite("Lasso for one task, supports and support variability (MATH sec. 12, Lemmas LD, LS)")
struct SparseHeadTests {
    @Test("P, D, correlations and column norms equal the Fraction reference")
    func reference() throws {
        for c in Reference.cases("lasso") {
            let r = try Lasso.checkGap(
                features: matrix(c["X"]), targets: vector(c["y"]), head: vector(c["w"]), dual: vector(c["theta"]),
                lambda: q(c["lambda"]), delta: Rational(BigInt.powerOfTwo(200)))
            #expect(r.primalValue == q(c["primal"]))
            #expect(r.dualValue == q(c["dual"]))
            #expect(r.correlations == vector(c["correlations"]))
            #expect(r.featureSquaredNorms == vector(c["columnNorms"]))
        }
    }

    /// X with orthogonal columns x_j = sqrt(n) e_j-like (n = 4, p = 3): the lasso
    /// separates, w*_j = S(x_j . y / n, lambda) / (||x_j||^2 / n) (soft threshold), and
    /// theta* = (y - X w*) / n.
    static func orthogonal() throws -> (x: RationalMatrix, y: [Rational], wStar: [Rational], thetaStar: [Rational], lambda: Rational) {
        let x = matrix([[2, 0, 0], [0, 2, 0], [0, 0, 2], [0, 0, 0]].map { $0.map { Rational($0) } })
        let y: [Rational] = [4, 1, -3, 5]
        let lambda = Rational(1)
        // x_j . y / n = (8, 2, -6) / 4 = (2, 1/2, -3/2); ||x_j||^2 / n = 1.
        let wStar: [Rational] = [1, 0, try Rational(-1, 2)]
        let residual = (0..<4).map { i in y[i] - (0..<3).reduce(Rational.zero) { $0 + x[i, $1] * wStar[$1] } }
        return (x, y, wStar, residual.map { $0 / 4 }, lambda)
    }

    @Test("At the optimum the gap is 0; feature 1 screens, the active features 0 and 2 never do")
    func optimum() throws {
        let s = try Self.orthogonal()
        let gap = try Lasso.checkGap(features: s.x, targets: s.y, head: s.wStar, dual: s.thetaStar, lambda: s.lambda, delta: 0)
        #expect(gap.holds && gap.gap == 0)
        #expect(gap.correlations == [1, try Rational(1, 2), -1])
        #expect(Lasso.screen(gap, features: [1]).holds)
        #expect(Lasso.screen(gap, features: [1, 0]).failingFeature == 0)
        #expect(Lasso.screen(gap, features: [2]).failingFeature == 2)
        let supports = Supports(heads: matrix([s.wStar]))
        #expect(supports.supports == [[0, 2]] && Supports.optimalSupportBound(featureCount: 3, screened: [1]) == 2)
    }

    @Test("Each way the lasso certificate can be wrong: gap one step short, dual infeasible by 2^-60 at feature j")
    func failures() throws {
        let s = try Self.orthogonal()
        var w = s.wStar
        w[0] = 1 + tiny(10)
        let gap = try Lasso.checkGap(features: s.x, targets: s.y, head: w, dual: s.thetaStar, lambda: s.lambda, delta: 1)
        #expect(gap.holds && gap.gap > 0)
        let short = try Lasso.checkGap(features: s.x, targets: s.y, head: w, dual: s.thetaStar, lambda: s.lambda, delta: gap.gap - tiny(60))
        #expect(short.violation == .gapTooLarge(gap: gap.gap, delta: gap.gap - tiny(60)))
        #expect(!Lasso.screen(short, features: [1]).gapEstablished)
        var theta = s.thetaStar
        theta[2] -= tiny(60) // x_2 . theta = 2 theta_2 = -1 - 2^-59
        let infeasible = try Lasso.checkGap(features: s.x, targets: s.y, head: s.wStar, dual: theta, lambda: s.lambda, delta: 1)
        #expect(infeasible.violation == .dualInfeasible(feature: 2, correlation: -1 - tiny(59), lambda: 1))
        #expect(throws: MatrixError.self) {
            try Lasso.checkGap(features: s.x, targets: [1], head: s.wStar, dual: s.thetaStar, lambda: 1, delta: 0)
        }
    }

    @Test("Brute force: every screened feature is zero at the closed-form optimum of random separable lassos")
    func bruteForce() throws {
        var rng = SplitMix64(seed: 0x1A55)
        for _ in 0..<40 {
            let p = 2 + rng.below(4), n = p + 1
            let scales = (0..<p).map { _ in Rational(1 + rng.below(3)) }
            let x = matrix((0..<n).map { i in (0..<p).map { i == $0 ? scales[$0] : .zero } })
            let y = (0..<n).map { _ in try! Rational(rng.below(41) - 20, 1 + rng.below(3)) }
            let lambda = try Rational(1 + rng.below(12), 4)
            let nR = Rational(n)
            // Coordinate j: minimise (s^2 / 2n) w^2 - (s y_j / n) w + lambda |w|.
            let wStar = (0..<p).map { j -> Rational in
                let z = scales[j] * y[j] / nR, c = scales[j] * scales[j] / nR
                return z > lambda ? (z - lambda) / c : (z < -lambda ? (z + lambda) / c : .zero)
            }
            let residual = (0..<n).map { i in y[i] - (0..<p).reduce(Rational.zero) { $0 + x[i, $1] * wStar[$1] } }
            let t = try Rational(1 + rng.below(10), 10)
            let theta = residual.map { $0 / nR * t } // feasible: |x_j . theta| <= t lambda
            let w = wStar.map { $0 * (try! Rational(rng.below(11) + 5, 10)) }
            let gap = try Lasso.checkGap(
                features: x, targets: y, head: w, dual: theta, lambda: lambda, delta: Rational(BigInt.powerOfTwo(100)))
            #expect(gap.holds && gap.gap >= 0)
            for j in 0..<p where Lasso.screen(gap, features: [j]).holds {
                #expect(wStar[j].isZero, "screened an active feature")
            }
        }
    }

    @Test("Supports, union and fractions; a support off by one feature is told apart")
    func supports() throws {
        let heads = matrix([[1, 0, 0, 2], [0, 3, 0, 4], [0, 0, 0, 0]].map { $0.map { Rational($0) } })
        let s = Supports(heads: heads)
        #expect(s.supports == [[0, 3], [1, 3], []])
        #expect(s.union == [0, 1, 3])
        #expect(s.fractions == [try Rational(1, 2), try Rational(1, 2), 0])
        #expect(s.unionFraction == (try Rational(3, 4)))
        var rows = toRows(heads)
        rows[2][2] = tiny(60)
        #expect(Supports(heads: matrix(rows)).supports[2] == [2])
    }

    @Test("Support variability holds when every feature is cut out by the supports that contain it; one violation is found")
    func variability() throws {
        // S = {0,1}, {1,2}, {0,2}: intersections {0}, {1}, {2}.
        let good = matrix([[1, 1, 0], [0, 1, 1], [1, 0, 1]].map { $0.map { Rational($0) } })
        #expect(Supports(heads: good).variabilityViolation == nil)
        // Drop feature 2 from the third support: feature 2 is then only in {1,2}, and 1 is also there.
        let bad = matrix([[1, 1, 0], [0, 1, 1], [1, 0, 0]].map { $0.map { Rational($0) } })
        let v = Supports(heads: bad).variabilityViolation
        #expect(v?.feature == 2 && v?.alsoInEverySupport == 1)
        // Brute force over all 3-task supports on 4 features.
        for mask in 0..<(1 << 12) {
            let sets = (0..<3).map { t in (0..<4).filter { mask >> (4 * t + $0) & 1 == 1 } }
            let heads = matrix(sets.map { set in (0..<4).map { set.contains($0) ? Rational(1) : .zero } })
            let union = Set(sets.flatMap { $0 })
            let holds = union.allSatisfy { i in
                sets.filter { $0.contains(i) }.reduce(Set(0..<4)) { $0.intersection($1) } == [i]
            }
            #expect((Supports(heads: heads).variabilityViolation == nil) == holds)
        }
    }
}
