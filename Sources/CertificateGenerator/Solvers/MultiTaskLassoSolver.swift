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
    /// (the exact minimiser over v_k with the others fixed). Stops after `maximumSweeps`
    /// or when no weight moves by more than `tolerance` in a sweep.
    public static func solve(features phi: [[Double]], targets psi: [[Double]], lambda: Double,
                             maximumSweeps: Int = 2000, tolerance: Double = 1e-13) -> FloatSolution {
        let K = phi.count, D = psi.count, N = psi.first?.count ?? 0
        var v = [Double](repeating: 0, count: D * K)
        var residual = psi
        let phiSquared = phi.map { $0.reduce(0) { $0 + $1 * $1 } }
        var sweeps = 0
        while sweeps < maximumSweeps {
            sweeps += 1
            var largestMove = 0.0
            for k in 0..<K where phiSquared[k] > 0 {
                var z = [Double](repeating: 0, count: D)
                for d in 0..<D {
                    var s = 0.0
                    for i in 0..<N { s += residual[d][i] * phi[k][i] }
                    z[d] = v[d * K + k] + s / phiSquared[k]
                }
                let norm = z.reduce(0) { $0 + $1 * $1 }.squareRoot()
                let shrink = norm > 0 ? max(0, 1 - lambda / (phiSquared[k] * norm)) : 0
                for d in 0..<D {
                    let new = z[d] * shrink, delta = new - v[d * K + k]
                    if delta == 0 { continue }
                    largestMove = max(largestMove, abs(delta))
                    for i in 0..<N { residual[d][i] -= delta * phi[k][i] }
                    v[d * K + k] = new
                }
            }
            if largestMove <= tolerance { break }
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
    public static func repair(_ solution: FloatSolution, features phi: RationalMatrix, targets psi: RationalMatrix,
                              lambda: Rational) throws -> Repaired {
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

    /// Solves V_S Phi_S = Psi exactly over Q on the kept units S (Gaussian elimination of
    /// Phi_S^T X = Psi^T, free unknowns set to zero); nil when the system is inconsistent.
    /// For the constrained problem (Lemma MD) after pruning; small instances only.
    public static func solveExactly(features phi: RationalMatrix, targets psi: RationalMatrix, kept: [Int]) -> RationalMatrix? {
        let s = kept.count, N = phi.columns, D = psi.rows
        // Augmented rows i: [phi_{kept[0]}[i] ... phi_{kept[s-1]}[i] | psi[0][i] ... psi[D-1][i]].
        var a: [[Rational]] = (0..<N).map { i in kept.map { phi[$0, i] } + (0..<D).map { psi[$0, i] } }
        var pivots: [(row: Int, column: Int)] = []
        var row = 0
        for column in 0..<s where row < N {
            guard let p = (row..<N).first(where: { !a[$0][column].isZero }) else { continue }
            a.swapAt(row, p)
            let inverse = Rational.one / a[row][column]
            a[row] = a[row].map { $0 * inverse }
            for i in 0..<N where i != row && !a[i][column].isZero {
                let f = a[i][column]
                for j in column..<(s + D) { a[i][j] -= f * a[row][j] }
            }
            pivots.append((row, column))
            row += 1
        }
        // Consistency: rows without a pivot must have a zero right-hand side.
        for i in row..<N where (0..<D).contains(where: { !a[i][s + $0].isZero }) { return nil }
        var solution = Array(repeating: Array(repeating: Rational.zero, count: s), count: D)
        for (r, c) in pivots { for d in 0..<D { solution[d][c] = a[r][s + d] } }
        return try? RationalMatrix(solution, columns: s)
    }
}
