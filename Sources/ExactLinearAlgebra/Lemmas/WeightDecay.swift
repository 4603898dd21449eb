import ExactArithmetic

/// `weight-decay`: the exact weight decay WD = (1/2) sum_k (||v_k||^2 + ||w_k||^2),
/// rational bounds on the path norm R = sum_k ||v_k|| ||w_k|| from per-unit bounds,
/// and whether the network is balanced (MATH sec. 11, Lemmas RS and WD).
///
/// An upper bound u_k on ||v_k|| ||w_k|| is valid iff u_k >= 0 and
/// u_k^2 >= ||v_k||^2 ||w_k||^2; a lower bound l_k iff l_k <= 0 or
/// l_k^2 <= ||v_k||^2 ||w_k||^2. Then sum l_k <= R <= sum u_k, and R <= WD (Lemma WD),
/// with equality iff ||v_k||^2 = ||w_k||^2 for every k (balanced).
public enum WeightDecay {
    /// Why a per-unit bound fails: the unit and the exact squared norms.
    public struct UnitViolation: Sendable, Equatable {
        public let unit: Int
        public let bound: Rational
        public let outputWeightSquaredNorm: Rational
        public let inputWeightSquaredNorm: Rational
    }

    public struct Result: Sendable, Equatable {
        /// WD, exactly.
        public let weightDecay: Rational
        /// ||v_k||^2 and ||w_k||^2 per unit.
        public let outputWeightSquaredNorms: [Rational]
        public let inputWeightSquaredNorms: [Rational]
        /// sum_k u_k (an upper bound on R when `upperViolation` is nil).
        public let pathNormUpperBound: Rational?
        /// sum_k l_k (a lower bound on R when `lowerViolation` is nil).
        public let pathNormLowerBound: Rational?
        /// The first unit whose upper bound fails, if any.
        public let upperViolation: UnitViolation?
        /// The first unit whose lower bound fails, if any.
        public let lowerViolation: UnitViolation?
        /// The first unit with ||v_k||^2 != ||w_k||^2 (nil: balanced, R = WD).
        public let firstUnbalancedUnit: Int?
        /// ||v_k|| = ||w_k|| for every k.
        public var isBalanced: Bool { firstUnbalancedUnit == nil }
    }

    /// Computes WD and checks the per-unit bounds (either list may be absent).
    ///
    /// - Throws: when a bound list does not have one entry per unit, or over a limit.
    public static func check(
        network: ShallowReLUNetwork, upperBounds: [Rational]? = nil, lowerBounds: [Rational]? = nil,
        limits: MatrixLimits = .standard
    ) throws(MatrixError) -> Result {
        let K = network.units
        for case let list? in [upperBounds, lowerBounds] where list.count != K {
            throw .dimensionMismatch(
                operation: "weight decay: one bound per unit", left: MatrixShape(rows: K, columns: 1),
                right: MatrixShape(rows: list.count, columns: 1))
        }
        // ||v_k||^2 (columns of V) and ||w_k||^2 (rows of W; biases are not penalised).
        let v2 = try network.outputWeights.columnSquaredNorms(limits: limits)
        let w2 = try network.inputWeights.rowSquaredNorms(limits: limits)
        let weightDecay = Rational.sum(v2 + w2).timesPowerOfTwo(-1)
        /// The first unit k whose bound b_k fails `holds(b_k, ||v_k||^2 ||w_k||^2)`.
        func firstViolation(_ bounds: [Rational]?, _ holds: (Rational, Rational) -> Bool) -> UnitViolation? {
            guard let bounds, let k = (0..<K).first(where: { !holds(bounds[$0], v2[$0] * w2[$0]) }) else { return nil }
            return UnitViolation(unit: k, bound: bounds[k], outputWeightSquaredNorm: v2[k], inputWeightSquaredNorm: w2[k])
        }
        let upperViolation = firstViolation(upperBounds) { u, product in SquareRootSum.isSquareRoot(of: product, atMost: u) }
        let lowerViolation = firstViolation(lowerBounds) { l, product in SquareRootSum.isSquareRoot(of: product, atLeast: l) }
        return Result(
            weightDecay: weightDecay, outputWeightSquaredNorms: v2, inputWeightSquaredNorms: w2,
            pathNormUpperBound: upperBounds.map { Rational.sum($0) },
            pathNormLowerBound: lowerBounds.map { Rational.sum($0) },
            upperViolation: upperViolation, lowerViolation: lowerViolation,
            firstUnbalancedUnit: (0..<K).first { v2[$0] != w2[$0] })
    }
}
