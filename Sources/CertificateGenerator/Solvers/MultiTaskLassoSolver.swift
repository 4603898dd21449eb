import DyadicConstructions
import ExactArithmetic
import ExactLinearAlgebra

/// The untrusted solver of the `multitask-compression` scenario: the penalised
/// multi-task lasso of MATH sec. 11 solved in floating point by block coordinate
/// descent, then repaired into exact rational data that the pure checks of
/// `ExactLinearAlgebra` accept (a bug here can only produce data that fails them).
///
/// P(V) = (1/2) ||V Phi - Psi||_F^2 + lambda sum_k ||v_k||, Phi: K x N, Psi: D x N.
public enum MultiTaskLassoSolver {
    /// A float solution: V (D x K, row-major) and how many sweeps it took.
    public struct FloatSolution: Sendable {
        public let weights: [Double]
        public let outputs: Int
        public let units: Int
        public let sweeps: Int
    }

    /// Block coordinate descent: for each unit k in turn, with the residual R = Psi - V Phi,
    /// z = v_k + R phi_k / ||phi_k||^2 and v_k <- z (1 - lambda / (||phi_k||^2 ||z||))_+
    /// (the exact minimiser over v_k with the others fixed). Each sweep over all units is
    /// followed by up to 300 sweeps over the units currently nonzero (an active set, swept
    /// through its Gram matrix);
    /// the solver stops after `maximumSweeps` sweeps over all units or when one moves no
    /// weight by more than `tolerance` times the largest weight (at least 1). Features and residual are flat row-major arrays, so K = 2000,
    /// N = 1000, D = 10 takes a few hundredths of a second per full sweep (release).
    public static func solve(
        features phi: [[Double]], targets psi: [[Double]], lambda: Double,
        maximumSweeps: Int = 2000, tolerance: Double = 1e-13
    ) -> FloatSolution {
        let K = phi.count, D = psi.count, N = psi.first?.count ?? 0
        return solve(
            flatFeatures: phi.flatMap { $0 }, units: K, flatTargets: psi.flatMap { $0 }, outputs: D, points: N,
            lambda: lambda, maximumSweeps: maximumSweeps, tolerance: tolerance)
    }

    /// ``solve(features:targets:lambda:maximumSweeps:tolerance:)`` on flat arrays:
    /// `flatFeatures[k * N + i]` = Phi[k][i], `flatTargets[d * N + i]` = Psi[d][i].
    public static func solve(
        flatFeatures phi: [Double], units K: Int, flatTargets psi: [Double], outputs D: Int, points N: Int,
        lambda: Double, maximumSweeps: Int = 2000, tolerance: Double = 1e-13, initial: [Double]? = nil
    ) -> FloatSolution {
        precondition(phi.count == K * N && psi.count == D * N, "MultiTaskLassoSolver.solve: shapes")
        // A warm start (D x K, row-major), e.g. the solution at a larger lambda.
        var v = initial ?? [Double](repeating: 0, count: D * K)
        precondition(v.count == D * K, "MultiTaskLassoSolver.solve: initial weights")
        var residual = psi
        for d in 0..<D {
            for k in 0..<K where v[d * K + k] != 0 {
                for i in 0..<N { residual[d * N + i] -= v[d * K + k] * phi[k * N + i] }
            }
        }
        var phiSquared = [Double](repeating: 0, count: K)
        for k in 0..<K {
            var s = 0.0
            for i in 0..<N { s += phi[k * N + i] * phi[k * N + i] }
            phiSquared[k] = s
        }
        var z = [Double](repeating: 0, count: D)
        var sweeps = 0
        /// One sweep over `units`; returns the largest move.
        func sweep(_ units: [Int]) -> Double {
            var largestMove = 0.0
            phi.withUnsafeBufferPointer { f in
                residual.withUnsafeMutableBufferPointer { r in
                    for k in units where phiSquared[k] > 0 {
                        let row = k * N
                        var norm2 = 0.0
                        for d in 0..<D {
                            var s = 0.0
                            let base = d * N
                            for i in 0..<N { s += r[base + i] * f[row + i] }
                            z[d] = v[d * K + k] + s / phiSquared[k]
                            norm2 += z[d] * z[d]
                        }
                        let norm = norm2.squareRoot()
                        let shrink = norm > 0 ? max(0, 1 - lambda / (phiSquared[k] * norm)) : 0
                        for d in 0..<D {
                            let new = z[d] * shrink, delta = new - v[d * K + k]
                            if delta == 0 { continue }
                            largestMove = max(largestMove, abs(delta))
                            let base = d * N
                            for i in 0..<N { r[base + i] -= delta * f[row + i] }
                            v[d * K + k] = new
                        }
                    }
                }
            }
            return largestMove
        }
        // Moves are compared with the largest weight (a relative tolerance): rounding noise
        // in the residual moves large weights by about 1e-16 of their size every sweep.
        func converged(_ move: Double) -> Bool { move <= tolerance * max(1, v.reduce(0) { max($0, abs($1)) }) }
        /// Up to `maximum` sweeps over the units `active` (A, m of them) through their Gram
        /// matrix G = Phi_A Phi_A^T and the correlations Q = R Phi_A^T (D x m): a unit's
        /// update costs D m instead of D N, and the residual is brought up to date once at
        /// the end. Returns the number of sweeps.
        func activeSweeps(_ active: [Int], maximum: Int) -> Int {
            let m = active.count
            guard m > 0 else { return 0 }
            var gram = [Double](repeating: 0, count: m * m)
            var q = [Double](repeating: 0, count: D * m)
            let before = active.map { k in (0..<D).map { v[$0 * K + k] } }
            phi.withUnsafeBufferPointer { f in
                for a in 0..<m {
                    let ra = active[a] * N
                    for b in a..<m {
                        let rb = active[b] * N
                        var sum = 0.0
                        for i in 0..<N { sum += f[ra + i] * f[rb + i] }
                        gram[a * m + b] = sum
                        gram[b * m + a] = sum
                    }
                    for d in 0..<D {
                        var sum = 0.0
                        for i in 0..<N { sum += residual[d * N + i] * f[ra + i] }
                        q[d * m + a] = sum
                    }
                }
            }
            // The relative tolerance of `converged`, with the largest weight taken once.
            let threshold = tolerance * max(1, v.reduce(0) { max($0, abs($1)) })
            var count = 0
            while count < maximum {
                count += 1
                var largestMove = 0.0
                for a in 0..<m where gram[a * m + a] > 0 {
                    let k = active[a], g = gram[a * m + a]
                    var norm2 = 0.0
                    for d in 0..<D {
                        z[d] = v[d * K + k] + q[d * m + a] / g
                        norm2 += z[d] * z[d]
                    }
                    let norm = norm2.squareRoot()
                    let shrink = norm > 0 ? max(0, 1 - lambda / (g * norm)) : 0
                    for d in 0..<D {
                        let new = z[d] * shrink, delta = new - v[d * K + k]
                        if delta == 0 { continue }
                        largestMove = max(largestMove, abs(delta))
                        for b in 0..<m { q[d * m + b] -= delta * gram[a * m + b] }
                        v[d * K + k] = new
                    }
                }
                if largestMove <= threshold { break }
            }
            // R -= (V_A - V_A^before) Phi_A.
            phi.withUnsafeBufferPointer { f in
                residual.withUnsafeMutableBufferPointer { r in
                    for (a, k) in active.enumerated() {
                        for d in 0..<D {
                            let delta = v[d * K + k] - before[a][d]
                            if delta == 0 { continue }
                            for i in 0..<N { r[d * N + i] -= delta * f[k * N + i] }
                        }
                    }
                }
            }
            return count
        }
        let all = Array(0..<K)
        var fullSweeps = 0
        while fullSweeps < maximumSweeps {
            fullSweeps += 1
            sweeps += 1
            if converged(sweep(all)) { break }
            // Converge on the active set before the next full sweep.
            let active = all.filter { k in (0..<D).contains { v[$0 * K + k] != 0 } }
            sweeps += activeSweeps(active, maximum: 300)
        }
        return FloatSolution(weights: v, outputs: D, units: K, sweeps: sweeps)
    }

    /// The exact value of a finite double (a dyadic rational m 2^e).
    public static func exact(_ x: Double) -> Rational {
        precondition(x.isFinite, "MultiTaskLassoSolver.exact: not finite")
        if x == 0 { return .zero }
        let significand = BigInt(Int(x.significandBitPattern | (x.isNormal ? 1 << 52 : 0)))
        let e = Int(x.isNormal ? x.exponent : Double.leastNormalMagnitude.exponent) - 52
        return Rational(Dyadic(mantissa: x < 0 ? -significand : significand, exponent: -e))
    }

    /// A dyadic u >= sqrt(a): the float square root rounded up, raised by 2^-40 relative
    /// steps until u^2 >= a holds exactly.
    public static func upperSquareRoot(_ a: Rational) -> Rational {
        if a.isZero { return .zero }
        var u = exact(a.approximateDouble.squareRoot().nextUp)
        while u * u < a { u = u + u.timesPowerOfTwo(-40) + Rational.one.timesPowerOfTwo(-1000) }
        return u
    }

    /// The exact certificate data for the penalised problem.
    public struct Repaired: Sendable {
        /// V as exact dyadics (the float weights, converted without loss).
        public let weights: RationalMatrix
        /// Theta = s (Psi - V Phi), scaled into the dual ball ||Theta phi_k|| <= lambda.
        public let dual: RationalMatrix
        /// u_k >= ||v_k||.
        public let unitBounds: [Rational]
        /// The units the float solution left at zero (candidates for screening).
        public let zeroUnits: [Int]
    }

    /// Repairs a float solution: V exactly as given, Theta the exact residual scaled by
    /// a dyadic s <= lambda / max_k ||R phi_k|| (checked exactly, halved until it holds),
    /// rational u_k >= ||v_k||.
    public static func repair(
        _ solution: FloatSolution, features phi: RationalMatrix, targets psi: RationalMatrix,
        lambda: Rational
    ) throws -> Repaired {
        let D = solution.outputs, K = solution.units
        let v = try RationalMatrix(rows: D, columns: K, entries: solution.weights.map(exact))
        let residual = try psi.subtracting(v.multiplied(by: phi))
        let norms = try residual.multiplied(by: phi.transposed).columnSquaredNorms()
        let largest = norms.max() ?? .zero
        var scale = Rational.one
        if largest > lambda * lambda {
            // s ~ lambda / sqrt(largest), rounded down to a dyadic, then checked exactly.
            scale = exact((lambda.approximateDouble / largest.approximateDouble.squareRoot()).nextDown)
            while scale * scale * largest > lambda * lambda { scale = scale.timesPowerOfTwo(-1) }
        }
        let dual = try RationalMatrix(rows: residual.rows, columns: residual.columns, entries: residual.entries.map { $0 * scale })
        let unitBounds = try v.columnSquaredNorms().map(upperSquareRoot)
        let zeroUnits = (0..<K).filter { k in (0..<D).allSatisfy { solution.weights[$0 * K + k] == 0 } }
        return Repaired(weights: v, dual: dual, unitBounds: unitBounds, zeroUnits: zeroUnits)
    }

    /// A dyadic l <= sqrt(a) (a >= 0): the float square root rounded down, lowered by
    /// 2^-40 relative steps until l^2 <= a holds exactly; 0 when a = 0.
    public static func lowerSquareRoot(_ a: Rational) -> Rational {
        if a.signum <= 0 { return .zero }
        var l = exact(a.approximateDouble.squareRoot().nextDown)
        if l.signum < 0 { return .zero }
        while l * l > a { l = l - l.timesPowerOfTwo(-40) }
        return l
    }

    /// Solves V_S Phi_S = Psi exactly over Q on the kept units S by fraction-free
    /// (Bareiss) elimination over Z of the N x (|S| + D) system Phi_S^T X = Psi^T, each
    /// equation first scaled by the lcm of its denominators; free unknowns are set to
    /// zero. Returns the D x |S| solution, or nil when the system is inconsistent. The
    /// work is about N (|S| + D) |S| integer operations, so it suits supports of tens or
    /// a few hundred units even for N = 1000 (the dense N x N solve of a generic
    /// interpolation would not: its entries grow to N times the input's bits).
    public static func solveOnSupport(features phi: RationalMatrix, targets psi: RationalMatrix, kept: [Int]) -> RationalMatrix? {
        let s = kept.count, N = phi.columns, D = psi.rows, width = s + D
        var m = [BigInt](repeating: BigInt(0), count: N * width)
        for i in 0..<N {
            let row = kept.map { phi[$0, i] } + (0..<D).map { psi[$0, i] }
            var l = BigInt(1)
            for x in row where !x.isZero { l = BigInt.lcm(l, x.denominator) }
            for (j, x) in row.enumerated() where !x.isZero { m[i * width + j] = x.numerator * (l / x.denominator) }
        }
        var previous = BigInt(1)
        var pivots: [(row: Int, column: Int)] = []
        var r = 0
        for c in 0..<s where r < N {
            // The pivot with the fewest bits keeps the numbers small.
            var best: Int? = nil
            for i in r..<N where !m[i * width + c].isZero {
                if best == nil || m[i * width + c].bitLength < m[best! * width + c].bitLength { best = i }
            }
            guard let p = best else { continue }
            if p != r { for j in 0..<width { m.swapAt(r * width + j, p * width + j) } }
            let pivot = m[r * width + c]
            for i in (r + 1)..<N {
                let a = m[i * width + c]
                if a.isZero {
                    if previous != BigInt(1) || pivot != BigInt(1) {
                        for j in (c + 1)..<width where !m[i * width + j].isZero {
                            m[i * width + j] = (pivot * m[i * width + j]).exactlyDivided(by: previous)
                        }
                    }
                    continue
                }
                for j in (c + 1)..<width {
                    var t = pivot * m[i * width + j]
                    t.subtractProduct(a, m[r * width + j])
                    m[i * width + j] = t.exactlyDivided(by: previous)
                }
                m[i * width + c] = BigInt(0)
            }
            previous = pivot
            pivots.append((r, c))
            r += 1
        }
        for i in r..<N where (s..<width).contains(where: { !m[i * width + $0].isZero }) { return nil }
        var solution = Array(repeating: Array(repeating: Rational.zero, count: s), count: D)
        for d in 0..<D {
            for (t, pc) in pivots.enumerated().reversed() {
                var value = Rational(m[pc.row * width + s + d])
                for later in pivots[(t + 1)...] where !m[pc.row * width + later.column].isZero {
                    value -= Rational(m[pc.row * width + later.column]) * solution[d][later.column]
                }
                solution[d][pc.column] = (try? value.divided(by: Rational(m[pc.row * width + pc.column]))) ?? .zero
            }
        }
        return try? RationalMatrix(solution, columns: s)
    }
}
