import ExactArithmetic

/// Bounds on log2 N(eps, H_J(a)) for the Haar class H_J(a) = {h_sigma : all sign trees}
/// with positive amplitudes a_0..a_{J-1} (MATH.md sec. 7, Lemmas H1 and H2).
public enum HaarCoveringBounds {
    /// Haar packing (corollary of Lemma H1): for 1 <= L <= J, if eps < min_{j<L} a_j
    /// then log2 N(eps, H_J(a)) >= 2^L - 1. Returns whether the side condition holds.
    public static func packingApplies(amplitudes: [Rational], eps: Rational, truncationLevel L: Int) -> Bool {
        guard L >= 1 && L <= amplitudes.count, eps.signum > 0 else { return false }
        return amplitudes.prefix(L).allSatisfy { eps < $0 }
    }

    /// Lemma H2: for 0 <= L <= J, if eps >= sum_{L <= j < J} a_j then
    /// log2 N(eps, H_J(a)) <= 2^L - 1. Returns whether the side condition holds.
    public static func coverApplies(amplitudes: [Rational], eps: Rational, truncationLevel L: Int) -> Bool {
        guard L >= 0 && L <= amplitudes.count, eps.signum > 0 else { return false }
        return eps >= Rational.sum(amplitudes.dropFirst(L))
    }

    /// The largest L for which the packing bound applies (the best lower bound), or nil.
    public static func bestPackingLevel(amplitudes: [Rational], eps: Rational) -> Int? {
        var best: Int? = nil
        for L in 1...max(amplitudes.count, 1) where packingApplies(amplitudes: amplitudes, eps: eps, truncationLevel: L) { best = L }
        return best
    }

    /// The smallest L for which the cover bound applies (the best upper bound).
    public static func bestCoverLevel(amplitudes: [Rational], eps: Rational) -> Int? {
        (0...amplitudes.count).first { coverApplies(amplitudes: amplitudes, eps: eps, truncationLevel: $0) }
    }

    /// 2^L - 1, the bound both lemmas state.
    public static func bits(truncationLevel L: Int) -> BigInt {
        BigInt.powerOfTwo(L) - 1
    }

    /// The truncation of h_sigma to the levels < L (the centre of Lemma H2's cover).
    public static func truncation(of feature: RademacherHaarFeature, below L: Int) throws(DyadicFunctionError) -> StepFunction {
        guard L >= 0 && L <= feature.levels else { throw .levelOutOfRange(level: L, range: 0...feature.levels) }
        let amplitudes = feature.amplitudes.enumerated().map { $0.offset < L ? $0.element : Rational.zero }
        let values = (0..<(1 << feature.levels)).map { c in
            Rational.sum((0..<L).map { j in feature.s(level: j, cell: c) == 1 ? amplitudes[j] : -amplitudes[j] })
        }
        return try StepFunction(cellValues: values)
    }
}
