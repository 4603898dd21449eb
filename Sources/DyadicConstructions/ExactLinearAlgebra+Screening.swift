import ExactArithmetic
import ExactLinearAlgebra

// Gap-safe screening written as functions of the gap results (Lemmas LS and GS): the
// tests, the benchmarks and the solver tests use them. The kernel's `lasso-screen` and
// `mtl-screen` rules decide the same inequalities themselves, so these are not part of
// the trusted base.

extension Lasso {
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
            // A feature that does not exist cannot be screened.
            guard j >= 0 && j < gap.correlations.count && j < gap.featureSquaredNorms.count else {
                return Screening(screenedFeatures: [], failingFeature: j, gapEstablished: true)
            }
            let slack = gap.lambda - gap.correlations[j].magnitude
            if !(slack.signum > 0 && scale * gap.featureSquaredNorms[j] < slack * slack) {
                return Screening(screenedFeatures: [], failingFeature: j, gapEstablished: true)
            }
        }
        return Screening(screenedFeatures: features, failingFeature: nil, gapEstablished: true)
    }
}

extension MultiTaskLasso {
    /// The outcome of gap-safe screening.
    public struct Screening: Sendable, Equatable {
        /// The units certified zero in every minimiser.
        public let screenedUnits: [Int]
        /// The first requested unit that cannot be screened: sqrt(A) + sqrt(B) >= lambda
        /// with A = ||Theta phi_k||^2 and B = 2 G ||phi_k||^2.
        public let failure: (unit: Int, a: Rational, b: Rational)?
        /// False when the penalised gap itself was not established.
        public let gapEstablished: Bool
        public var holds: Bool { gapEstablished && failure == nil }

        public static func == (l: Screening, r: Screening) -> Bool {
            l.screenedUnits == r.screenedUnits && l.gapEstablished == r.gapEstablished
                && l.failure?.unit == r.failure?.unit && l.failure?.a == r.failure?.a && l.failure?.b == r.failure?.b
        }
    }

    /// Lemma GS: unit k is zero in every minimiser of P when
    /// ||Theta phi_k|| + sqrt(2 G) ||phi_k|| < lambda, with G the certified gap bound of
    /// `gap` (which must hold: a feasible Theta and valid u_k). Decided by squaring.
    public static func screen(_ gap: PenalisedResult, units: [Int]) -> Screening {
        guard gap.holds else { return Screening(screenedUnits: [], failure: nil, gapEstablished: false) }
        let g = gap.gapBound
        for k in units {
            precondition(k >= 0 && k < gap.dualSquaredNorms.count, "screen: unit out of range")
            let a = gap.dualSquaredNorms[k], b = 2 * g * gap.featureSquaredNorms[k]
            if !SquareRootSum.isLess(sqrtOf: a, plusSqrtOf: b, than: gap.lambda) {
                return Screening(screenedUnits: [], failure: (k, a, b), gapEstablished: true)
            }
        }
        return Screening(screenedUnits: units, failure: nil, gapEstablished: true)
    }
}
