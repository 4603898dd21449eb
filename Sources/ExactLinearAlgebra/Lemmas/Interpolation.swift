import ExactArithmetic

/// `relu-interpolates`: a network fits data (X, Y) exactly, or within a rational sup
/// error: max over outputs d and points i of |f(x_i)[d] - Y[d][i]| <= epsilon.
public enum Interpolation {
    /// The outcome: the exact sup error, where it is attained, and the verdict.
    public struct Result: Sendable, Equatable {
        /// max_{d,i} |f(x_i)[d] - Y[d][i]| (0 for no points).
        public let supError: Rational
        /// The first (output d, point i) where the sup error is attained, if nonzero.
        public let worstOutput: Int?
        public let worstPoint: Int?
        /// f(x_i)[d] and Y[d][i] at the worst place.
        public let networkValue: Rational?
        public let targetValue: Rational?
        /// The allowed error (0: exact interpolation).
        public let tolerance: Rational
        /// supError <= tolerance.
        public var holds: Bool { supError <= tolerance }
    }

    /// Checks f(x_i) against the columns of Y (D x N) on data X (d x N).
    ///
    /// - Throws: on non-conforming shapes or over a limit (never for a false claim:
    ///   that is a result whose `holds` is false, with its witness).
    public static func check(
        network: ShallowReLUNetwork, data: RationalMatrix, targets: RationalMatrix,
        tolerance: Rational = .zero, limits: MatrixLimits = .standard
    ) throws(MatrixError) -> Result {
        guard tolerance.signum >= 0 else { throw .invalidArgument("interpolation: the tolerance must be non-negative, not \(tolerance)") }
        guard targets.rows == network.outputDimension, targets.columns == data.columns else {
            throw .dimensionMismatch(
                operation: "interpolation: targets are D x N", left: MatrixShape(rows: network.outputDimension, columns: data.columns),
                right: targets.shape)
        }
        let outputs = try network.outputs(on: data, limits: limits)
        let residual = try outputs.subtracting(targets, limits: limits)
        var worst: (Int, Int)? = nil
        var supError = Rational.zero
        for d in 0..<residual.rows {
            for i in 0..<residual.columns where !residual.isZero(d, i) {
                let e = residual[d, i].magnitude
                if e > supError {
                    supError = e
                    worst = (d, i)
                }
            }
        }
        return Result(
            supError: supError, worstOutput: worst?.0, worstPoint: worst?.1,
            networkValue: worst.map { outputs[$0.0, $0.1] }, targetValue: worst.map { targets[$0.0, $0.1] },
            tolerance: tolerance)
    }
}
