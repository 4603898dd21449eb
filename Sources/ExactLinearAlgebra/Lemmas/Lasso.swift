import ExactArithmetic

/// The lasso for one task (MATH sec. 12, Lemmas LD and LS), all rational:
/// P(w) = (1/(2n)) ||y - X w||^2 + lambda ||w||_1 and
/// D(theta) = theta . y - (n/2) ||theta||^2 for ||X^T theta||_inf <= lambda,
/// with features X (n x p, row i = sample i), targets y (n), head w (p), dual theta (n).
public enum Lasso {
    /// Why a lasso certificate fails.
    public enum Violation: Sendable, Equatable {
        /// |x_j . theta| > lambda: theta is not dual feasible (feature j).
        case dualInfeasible(feature: Int, correlation: Rational, lambda: Rational)
        /// P(w) - D(theta) > delta.
        case gapTooLarge(gap: Rational, delta: Rational)
    }

    public struct GapResult: Sendable, Equatable {
        public let samples: Int
        public let lambda: Rational
        /// P(w), exactly.
        public let primalValue: Rational
        /// D(theta), exactly.
        public let dualValue: Rational
        /// P(w) - D(theta) >= P(w) - P* >= 0 (Lemma LD).
        public var gap: Rational { primalValue - dualValue }
        public let delta: Rational
        /// x_j . theta per feature.
        public let correlations: [Rational]
        /// ||x_j||^2 per feature.
        public let featureSquaredNorms: [Rational]
        public let violation: Violation?
        public var holds: Bool { violation == nil }
    }

    /// Lemma LD: theta feasible and P(w) - D(theta) <= delta.
    ///
    /// - Throws: on non-conforming shapes or over a limit.
    public static func checkGap(features x: RationalMatrix, targets y: [Rational], head w: [Rational], dual theta: [Rational],
                                lambda: Rational, delta: Rational, limits: MatrixLimits = .standard) throws(MatrixError) -> GapResult {
        guard lambda.signum > 0 else { throw .invalidArgument("lasso: lambda must be positive, not \(lambda)") }
        let n = x.rows, p = x.columns
        guard y.count == n, theta.count == n, w.count == p else {
            throw .dimensionMismatch(operation: "lasso: X is n x p, y and theta have n entries, w has p",
                                     left: x.shape, right: MatrixShape(rows: y.count, columns: w.count))
        }
        guard n > 0 else { throw .invalidShape(rows: n, columns: p, entryCount: 0) }
        let residual = try RationalMatrix.column(y, limits: limits).subtracting(x.multiplied(by: RationalMatrix.column(w, limits: limits), limits: limits), limits: limits)
        let primal = (try residual.squaredFrobeniusNorm(limits: limits)) / Rational(2 * n) + lambda * Rational.sum(w.map(\.magnitude))
        let thetaColumn = try RationalMatrix.column(theta, limits: limits)
        let thetaSquared = try thetaColumn.squaredFrobeniusNorm(limits: limits)
        let dual = (try thetaColumn.frobeniusInnerProduct(RationalMatrix.column(y, limits: limits), limits: limits)) - Rational(n) * thetaSquared.timesPowerOfTwo(-1)
        let correlations = try x.transposed.multiplied(by: thetaColumn, limits: limits).column(0)
        var violation: Violation? = nil
        if let j = correlations.firstIndex(where: { $0.magnitude > lambda }) {
            violation = .dualInfeasible(feature: j, correlation: correlations[j], lambda: lambda)
        } else if primal - dual > delta {
            violation = .gapTooLarge(gap: primal - dual, delta: delta)
        }
        return GapResult(samples: n, lambda: lambda, primalValue: primal, dualValue: dual, delta: delta,
                         correlations: correlations, featureSquaredNorms: try x.columnSquaredNorms(limits: limits), violation: violation)
    }

    /// The outcome of Lemma LS.
    public struct Screening: Sendable, Equatable {
        public let screenedFeatures: [Int]
        /// The first requested feature that cannot be screened, with |x_j . theta| and ||x_j||^2.
        public let failingFeature: Int?
        public let gapEstablished: Bool
        public var holds: Bool { gapEstablished && failingFeature == nil }
    }

    /// Lemma LS: w*_j = 0 in every minimiser when lambda - |x_j . theta| > 0 and
    /// (2G/n) ||x_j||^2 < (lambda - |x_j . theta|)^2, G the gap of `gap` (which must hold).
    public static func screen(_ gap: GapResult, features: [Int]) -> Screening {
        guard gap.holds else { return Screening(screenedFeatures: [], failingFeature: nil, gapEstablished: false) }
        let scale = 2 * gap.gap / Rational(gap.samples)
        for j in features {
            precondition(j >= 0 && j < gap.correlations.count, "lasso screen: feature out of range")
            let slack = gap.lambda - gap.correlations[j].magnitude
            if !(slack.signum > 0 && scale * gap.featureSquaredNorms[j] < slack * slack) {
                return Screening(screenedFeatures: [], failingFeature: j, gapEstablished: true)
            }
        }
        return Screening(screenedFeatures: features, failingFeature: nil, gapEstablished: true)
    }
}
