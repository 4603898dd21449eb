import ExactArithmetic

/// The multi-task lasso of MATH sec. 11: the constrained problem and its weak duality
/// (Lemma MD), the penalised problem and its duality gap (Lemma PD), and gap-safe
/// screening (Lemma GS).
///
/// Shapes: features Phi (K x N, row k = phi_k), targets Psi (D x N), weights V (D x K,
/// column k = v_k), dual points Lambda, Theta (D x N). The products Lambda Phi^T and
/// Theta Phi^T give Lambda phi_k as column k.
public enum MultiTaskLasso {
    /// Why a duality certificate fails, with the exact values a reader needs.
    public enum Violation: Sendable, Equatable {
        /// (V Phi)[d][i] != Psi[d][i] (constrained problem: V is not feasible).
        case notFeasible(output: Int, point: Int, value: Rational, target: Rational)
        /// ||Lambda phi_k||^2 exceeds the limit (1, or lambda^2): the dual point is infeasible.
        case dualInfeasible(unit: Int, squaredNorm: Rational, limit: Rational)
        /// u_k < 0 or u_k^2 < ||v_k||^2.
        case unitBoundTooSmall(unit: Int, bound: Rational, squaredNorm: Rational)
        /// The certified gap bound exceeds the stated delta.
        case gapTooLarge(gapBound: Rational, delta: Rational)
    }

    /// The outcome of Lemma MD for the constrained problem.
    public struct ConstrainedResult: Sendable, Equatable {
        /// sum_k u_k >= sum_k ||v_k|| (when the bounds hold).
        public let primalBound: Rational
        /// <Lambda, Psi> <= p* (when Lambda is feasible).
        public let dualValue: Rational
        /// primalBound - dualValue >= sum_k ||v_k|| - p*.
        public var gapBound: Rational { primalBound - dualValue }
        /// The stated delta.
        public let delta: Rational
        /// ||Lambda phi_k||^2 per unit.
        public let dualSquaredNorms: [Rational]
        /// The first failure, if any.
        public let violation: Violation?
    }

    /// The outcome of Lemma PD for the penalised problem.
    public struct PenalisedResult: Sendable, Equatable {
        /// lambda > 0.
        public let lambda: Rational
        /// (1/2) ||V Phi - Psi||_F^2 + lambda sum_k u_k >= P(V) (when the bounds hold).
        public let primalBound: Rational
        /// D(Theta) = <Theta, Psi> - (1/2) ||Theta||_F^2.
        public let dualValue: Rational
        /// primalBound - dualValue >= P(V) - D(Theta) >= 0 (Lemma PD).
        public var gapBound: Rational { primalBound - dualValue }
        public let delta: Rational
        /// ||Theta phi_k||^2 per unit.
        public let dualSquaredNorms: [Rational]
        /// ||phi_k||^2 per unit.
        public let featureSquaredNorms: [Rational]
        public let violation: Violation?
    }

    static func checkShapes(_ phi: RationalMatrix, _ psi: RationalMatrix, _ v: RationalMatrix, _ dual: RationalMatrix, _ u: [Rational])
        throws(MatrixError)
    {
        guard psi.columns == phi.columns else {
            throw .dimensionMismatch(operation: "multi-task lasso: Phi is K x N and Psi is D x N", left: phi.shape, right: psi.shape)
        }
        guard v.rows == psi.rows, v.columns == phi.rows else {
            throw .dimensionMismatch(
                operation: "multi-task lasso: V is D x K", left: MatrixShape(rows: psi.rows, columns: phi.rows), right: v.shape)
        }
        guard dual.shape == psi.shape else {
            throw .dimensionMismatch(operation: "multi-task lasso: the dual point is D x N", left: psi.shape, right: dual.shape)
        }
        guard u.count == phi.rows else {
            throw .dimensionMismatch(
                operation: "multi-task lasso: one bound u_k per unit", left: MatrixShape(rows: phi.rows, columns: 1),
                right: MatrixShape(rows: u.count, columns: 1))
        }
    }

    /// The first unit whose bound fails u_k >= 0, u_k^2 >= ||v_k||^2.
    static func unitBoundViolation(_ u: [Rational], _ v2: [Rational]) -> Violation? {
        for k in u.indices where !SquareRootSum.isSquareRoot(of: v2[k], atMost: u[k]) {
            return .unitBoundTooSmall(unit: k, bound: u[k], squaredNorm: v2[k])
        }
        return nil
    }

    /// ||dual phi_k||^2 for every unit k: the row norms of Phi dual^T (K x D), which is
    /// (dual Phi^T)^T without transposing the large Phi.
    static func dualSquaredNorms(_ dual: RationalMatrix, _ phi: RationalMatrix, limits: MatrixLimits) throws(MatrixError) -> [Rational] {
        try phi.multiplied(by: dual.transposed, limits: limits).rowSquaredNorms(limits: limits)
    }

    /// Lemma MD: V Phi = Psi exactly, ||Lambda phi_k|| <= 1, u_k >= ||v_k||, and
    /// sum_k u_k - <Lambda, Psi> <= delta; then V is within delta of p*.
    public static func checkConstrained(
        features phi: RationalMatrix, targets psi: RationalMatrix, weights v: RationalMatrix,
        dual lambda: RationalMatrix, unitBounds u: [Rational], delta: Rational,
        limits: MatrixLimits = .standard
    ) throws(MatrixError) -> ConstrainedResult {
        try checkShapes(phi, psi, v, lambda, u)
        var violation: Violation? = nil
        if let d = try v.multiplied(by: phi, limits: limits).firstDifference(from: psi, limits: limits) {
            violation = .notFeasible(output: d.row, point: d.column, value: d.left, target: d.right)
        }
        let norms = try dualSquaredNorms(lambda, phi, limits: limits)
        if violation == nil, let k = norms.firstIndex(where: { $0 > 1 }) {
            violation = .dualInfeasible(unit: k, squaredNorm: norms[k], limit: 1)
        }
        if violation == nil { violation = unitBoundViolation(u, try v.columnSquaredNorms(limits: limits)) }
        let primal = Rational.sum(u)
        let dual = try lambda.frobeniusInnerProduct(psi, limits: limits)
        if violation == nil, primal - dual > delta { violation = .gapTooLarge(gapBound: primal - dual, delta: delta) }
        return ConstrainedResult(primalBound: primal, dualValue: dual, delta: delta, dualSquaredNorms: norms, violation: violation)
    }

    /// Lemma PD: ||Theta phi_k|| <= lambda, u_k >= ||v_k||, and
    /// (1/2) ||V Phi - Psi||_F^2 + lambda sum_k u_k - D(Theta) <= delta.
    public static func checkPenalised(
        features phi: RationalMatrix, targets psi: RationalMatrix, weights v: RationalMatrix,
        dual theta: RationalMatrix, lambda: Rational, unitBounds u: [Rational], delta: Rational,
        limits: MatrixLimits = .standard
    ) throws(MatrixError) -> PenalisedResult {
        guard lambda.signum > 0 else { throw .invalidArgument("penalised multi-task lasso: lambda must be positive, not \(lambda)") }
        try checkShapes(phi, psi, v, theta, u)
        let half = Rational.one.timesPowerOfTwo(-1)
        let residual = try v.multiplied(by: phi, limits: limits).subtracting(psi, limits: limits)
        let norms = try dualSquaredNorms(theta, phi, limits: limits)
        let lambda2 = lambda * lambda
        var violation: Violation? = nil
        if let k = norms.firstIndex(where: { $0 > lambda2 }) {
            violation = .dualInfeasible(unit: k, squaredNorm: norms[k], limit: lambda2)
        }
        if violation == nil { violation = unitBoundViolation(u, try v.columnSquaredNorms(limits: limits)) }
        let primal = half * (try residual.squaredFrobeniusNorm(limits: limits)) + lambda * Rational.sum(u)
        let dual = (try theta.frobeniusInnerProduct(psi, limits: limits)) - half * (try theta.squaredFrobeniusNorm(limits: limits))
        if violation == nil, primal - dual > delta { violation = .gapTooLarge(gapBound: primal - dual, delta: delta) }
        return PenalisedResult(
            lambda: lambda, primalBound: primal, dualValue: dual, delta: delta,
            dualSquaredNorms: norms, featureSquaredNorms: try phi.rowSquaredNorms(limits: limits),
            violation: violation)
    }
}
