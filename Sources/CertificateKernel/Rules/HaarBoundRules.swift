import DyadicFunctions
import ExactArithmetic

/// `haar-packing`: log2 N(eps, H_J(a)) >= 2^L - 1 when eps < min_{j<L} a_j (the Haar
/// packing corollary of Lemma H1), 1 <= L <= J.
///
/// Inputs: `class` (a haar-class), `eps`, `level` (L). Statement: `bits-at-least` (at
/// most 2^L - 1). Establishes `bits` >= the stated value.
enum HaarPackingRule: TypedRule {
    static let declaration = RuleDeclaration(
        name: .haarPacking, lemma: "Lemma H1 and its packing corollary (MATH.md sec. 7)",
        inputs: ["class", "level", "eps"], statement: ["bits-at-least"])

    /// A claim of `haar-packing` or `haar-cover`: both name a Haar class H_J(a), eps,
    /// the level L and the stated number of bits.
    struct Claim {
        let className: String
        /// J, the class's depth.
        let levels: Int
        /// a_0, ..., a_{J-1}, the class's amplitudes.
        let amplitudes: [Rational]
        let eps: Located<Rational>
        /// L, the packing (or truncation) level.
        let level: Located<Int>
        let stated: Located<BigInt>

        /// What both rules' facts are about: log2 N(eps, H_J(a)), the bits of a joint code.
        var meaning: Meaning { Meaning(measure: .descriptionBits, subject: [className], eps: eps.value, coding: .joint) }
    }

    static func decode(_ claim: CertificateDocument.ClaimEntry, _ context: CheckContext) throws(KernelError) -> Claim {
        let decoded = try decode(claim, context, stated: "bits-at-least")
        // eps is compared with a_j for j < L.
        try context.readingContext.chargeWork(min(decoded.level.value, decoded.levels), at: decoded.level.pointer)
        return decoded
    }

    static func check(_ claim: Claim, _ context: CheckContext) throws(KernelError) -> RuleResult {
        let (levels, amplitudes, eps, L, stated) = (claim.levels, claim.amplitudes, claim.eps.value, claim.level.value, claim.stated.value)
        let summary = "log2 N(\(eps), \(claim.className)) >= \(stated) (\(claim.className) = H_\(levels)(a), packing at level \(L))"
        guard L >= 1 && L <= levels else {
            return .fails(
                summary, "the packing corollary needs 1 <= L <= J = \(levels)", expected: "1 <= L <= \(levels)", computed: "L = \(L)",
                at: claim.level.pointer)
        }
        if let j = (0..<L).first(where: { !(eps < amplitudes[$0]) }) {
            return .fails(
                summary, "eps = \(eps) is not below a_\(j) = \(amplitudes[j]); the corollary needs eps < min_{j<L} a_j",
                expected: "eps < \(amplitudes[j])", computed: "eps = \(eps)", at: claim.eps.pointer)
        }
        let bound = HaarCoveringBounds.bits(truncationLevel: L)
        guard stated <= bound else {
            return .fails(
                summary, "the corollary gives log2 N >= 2^L - 1 = \(bound), not \(stated)",
                expected: "bits-at-least <= \(bound)", computed: "2^\(L) - 1 = \(bound)", at: claim.stated.pointer)
        }
        return .holds(summary, [Fact(.bits, claim.meaning, .atLeast(Rational(stated)))])
    }

    /// Reads the class (a haar-class), `eps`, `level` and the statement's `key`.
    static func decode(_ claim: CertificateDocument.ClaimEntry, _ context: CheckContext, stated key: String) throws(KernelError) -> Claim {
        let (name, (J, amplitudes)) = try ClassInputs.functionClass(claim.inputs, context, "haar-class") {
            if case .haar(let J, let amplitudes) = $0 { (J, amplitudes) } else { nil }
        }
        return Claim(
            className: name, levels: J, amplitudes: amplitudes,
            eps: Located(value: try ClassInputs.epsilon(claim.inputs), pointer: claim.inputs.pointer.appending("eps")),
            level: try claim.inputs.located("level", claim.inputs.integer(in: 0...62)),
            stated: try claim.statement.located(key, claim.statement.bigInteger))
    }
}

/// `haar-cover`: log2 N(eps, H_J(a)) <= 2^L - 1 when eps >= sum_{L<=j<J} a_j (Lemma H2,
/// truncation to the levels below L), 0 <= L <= J.
///
/// Inputs: `class` (a haar-class), `eps`, `level` (L). Statement: `bits-at-most` (at
/// least 2^L - 1). Establishes `bits` <= the stated value.
enum HaarCoverRule: TypedRule {
    static let declaration = RuleDeclaration(
        name: .haarCover, lemma: "Lemma H2 (MATH.md sec. 7)",
        inputs: ["class", "level", "eps"], statement: ["bits-at-most"])

    static func decode(_ claim: CertificateDocument.ClaimEntry, _ context: CheckContext) throws(KernelError) -> HaarPackingRule.Claim {
        let decoded = try HaarPackingRule.decode(claim, context, stated: "bits-at-most")
        // The tail sum of a_j for L <= j < J, then one comparison with eps.
        let (terms, sizes) = (max(0, decoded.levels - decoded.level.value), NumberSizes(decoded.amplitudes))
        try context.readingContext.chargeWork(terms + 1, at: decoded.level.pointer)
        try context.readingContext.chargeGrowth(steps: 1, numberBits: sizes.sumBits(terms: terms), at: decoded.level.pointer)
        try context.readingContext.chargeSum(
            terms: terms, termBits: sizes.longest, sumBits: sizes.sumBits(terms: terms), at: decoded.level.pointer)
        return decoded
    }

    static func check(_ claim: HaarPackingRule.Claim, _ context: CheckContext) throws(KernelError) -> RuleResult {
        let (levels, eps, L, stated) = (claim.levels, claim.eps.value, claim.level.value, claim.stated.value)
        let summary = "log2 N(\(eps), \(claim.className)) <= \(stated) (\(claim.className) = H_\(levels)(a), truncation below level \(L))"
        guard L <= levels else {
            return .fails(
                summary, "Lemma H2 needs 0 <= L <= J = \(levels)", expected: "L <= \(levels)", computed: "L = \(L)", at: claim.level.pointer
            )
        }
        let tail = Rational.sum(claim.amplitudes.dropFirst(L))
        guard eps >= tail else {
            return .fails(
                summary, "eps = \(eps) is below the tail sum_{L<=j<J} a_j = \(tail)",
                expected: "eps >= \(tail)", computed: "eps = \(eps)", at: claim.eps.pointer)
        }
        let bound = HaarCoveringBounds.bits(truncationLevel: L)
        guard stated >= bound else {
            return .fails(
                summary, "Lemma H2 gives log2 N <= 2^L - 1 = \(bound), which does not imply <= \(stated)",
                expected: "bits-at-most >= \(bound)", computed: "2^\(L) - 1 = \(bound)", at: claim.stated.pointer)
        }
        return .holds(summary, [Fact(.bits, claim.meaning, .atMost(Rational(stated)))])
    }
}
