import ExactArithmetic

/// The shared hard feature h_sigma = sum_{j<J} a_j sum_k sigma(j,k) psi(j,k)
/// (MATH.md sec. 5), a dyadic step function of level J.
///
/// On the level-J cell c with digits b_0..b_{J-1} (b_0 most significant),
/// h_sigma = sum_j a_j s_j with s_j = sigma(j, anc_j) (-1)^(b_j), anc_j = c >> (J - j).
/// With balanced amplitudes a_j = 2^-(j+1), u_sigma = (h_sigma + 1)/2 maps the cells
/// bijectively onto the midpoints (2i+1)/2^(J+1) (Lemma R).
public struct RademacherHaarFeature: Hashable, Sendable {
    /// The sign tree sigma; its depth is J.
    public let signs: SignTree
    /// The amplitudes a_0 .. a_{J-1}, all positive.
    public let amplitudes: [Rational]

    /// The depth J.
    public var levels: Int { signs.levels }

    /// h_sigma for arbitrary positive amplitudes.
    public init(signs: SignTree, amplitudes: [Rational]) throws(DyadicFunctionError) {
        try DyadicFunctionError.checkCount("amplitudes (one per level)", expected: signs.levels, found: amplitudes.count)
        for (j, a) in amplitudes.enumerated() where a.signum <= 0 { throw .nonPositiveAmplitude(index: j, value: a) }
        self.signs = signs
        self.amplitudes = amplitudes
    }

    /// The balanced amplitudes a_j = 2^-(j+1), j < J.
    public static func balancedAmplitudes(levels: Int) -> [Rational] {
        (0..<levels).map { Dyadic(mantissa: 1, exponent: $0 + 1).rational }
    }

    /// h_sigma with balanced amplitudes.
    public static func balanced(signs: SignTree) -> RademacherHaarFeature {
        RademacherHaarFeature(uncheckedSigns: signs, amplitudes: balancedAmplitudes(levels: signs.levels))
    }

    internal init(uncheckedSigns signs: SignTree, amplitudes: [Rational]) {
        self.signs = signs
        self.amplitudes = amplitudes
    }

    /// Whether a_j = 2^-(j+1) for every j.
    public var isBalanced: Bool { amplitudes == RademacherHaarFeature.balancedAmplitudes(levels: levels) }

    /// s_j on cell c: sigma(j, anc_j(c)) (-1)^(b_j(c)).
    @inlinable
    public func s(level j: Int, cell c: Int) -> Int {
        let J = signs.levels
        let negative = signs.isNegative(level: j, index: c >> (J - j)) != ((c >> (J - 1 - j)) & 1 == 1)
        return negative ? -1 : 1
    }

    /// h_sigma on each of the 2^J level-J cells, by the definition.
    public func cellValues() -> [Rational] {
        (0..<(1 << levels)).map { c in
            Rational.sum((0..<levels).map { j in s(level: j, cell: c) == 1 ? amplitudes[j] : -amplitudes[j] })
        }
    }

    /// h_sigma as a canonical step function.
    public var stepFunction: StepFunction {
        guard let f = try? StepFunction(cellValues: cellValues()) else { preconditionFailure("2^J cell values") }
        return f
    }

    /// u_sigma = (h_sigma + 1) / 2 as a canonical step function.
    public var shiftedStepFunction: StepFunction {
        stepFunction.mapValues { ($0 + 1).timesPowerOfTwo(-1) }
    }

    /// For balanced amplitudes, the indices m(c) with u_sigma = (2 m(c) + 1) / 2^(J+1) on
    /// cell c, in O(2^J) without rationals.
    ///
    /// By the proof of Lemma R the digits of m(c) are c_j = (1 + s_j)/2, that is
    /// c_j = 1 exactly when neg(sigma(j, anc_j)) = b_j; so m(c) is the complement of
    /// c XOR (the path mask of sigma above c): m(c) = NOT(c XOR mask(c >> 1)) on J bits,
    /// where mask(k) holds the bits neg(sigma(j, anc_j)) along the path from the root to
    /// the level-(J-1) node k, the root's bit most significant. O(2^J) in one buffer:
    /// level by level the masks are extended in place (node k reads its parent k >> 1 <= k,
    /// so going down from the last node never reads an overwritten entry), then the cells
    /// likewise.
    public func midpointIndices() -> [Int] {
        precondition(isBalanced, "midpoint indices need balanced amplitudes")
        let J = levels, all = (1 << J) - 1
        return [Int](unsafeUninitializedCapacity: 1 << J) { out, initialized in
            out[0] = signs.isNegative(node: 0) ? 1 : 0
            for j in 1..<max(J, 1) {
                for k in stride(from: (1 << j) - 1, through: 0, by: -1) {
                    out[k] = out[k >> 1] << 1 | (signs.isNegative(level: j, index: k) ? 1 : 0)
                }
            }
            for c in stride(from: all, through: 0, by: -1) { out[c] = ~(c ^ out[c >> 1]) & all }
            initialized = 1 << J
        }
    }
}
