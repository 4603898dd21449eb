import DyadicFunctions
import ExactArithmetic

/// `haar-packing`: log2 N(eps, H_J(a)) >= 2^L - 1 when eps < min_{j<L} a_j (the Haar
/// packing corollary of Lemma H1), 1 <= L <= J.
///
/// Inputs: `class` (a haar-class), `eps`, `level` (L). Statement: `bits-at-least` (at
/// most 2^L - 1). Establishes `bits` >= the stated value.
enum HaarPackingRule: Rule {
    static let declaration = RuleDeclaration(
        name: .haarPacking, lemma: "Lemma H1 and its packing corollary (MATH.md sec. 7)",
        inputs: ["class", "level", "eps"], statement: ["bits-at-least"])

    static func check(_ claim: CertificateDocument.ClaimEntry, _ context: CheckContext) throws(KernelError) -> RuleResult {
        try claim.inputs.allowOnly(declaration.inputs)
        try claim.statement.allowOnly(declaration.statement)
        let (name, levels, amplitudes) = try haarClass(claim, context)
        let eps = try ClassInputs.epsilon(claim.inputs)
        let L = try claim.inputs.integer("level", in: 0...62)
        let stated = try claim.statement.bigInteger("bits-at-least")
        let summary = "log2 N(\(eps), H_\(levels)(a)) >= \(stated) (packing at level \(L))"
        guard L >= 1 && L <= levels else {
            return .fails(summary, "the packing corollary needs 1 <= L <= J = \(levels)", expected: "1 <= L <= \(levels)", computed: "L = \(L)", at: claim.inputs.pointer.appending("level"))
        }
        if let j = (0..<L).first(where: { !(eps < amplitudes[$0]) }) {
            return .fails(summary, "eps = \(eps) is not below a_\(j) = \(amplitudes[j]); the corollary needs eps < min_{j<L} a_j",
                          expected: "eps < \(amplitudes[j])", computed: "eps = \(eps)", at: claim.inputs.pointer.appending("eps"))
        }
        let bound = HaarCoveringBounds.bits(truncationLevel: L)
        guard stated <= bound else {
            return .fails(summary, "the corollary gives log2 N >= 2^L - 1 = \(bound), not \(stated)",
                          expected: "bits-at-least <= \(bound)", computed: "2^\(L) - 1 = \(bound)", at: claim.statement.pointer.appending("bits-at-least"))
        }
        return .holds(summary, [Fact(.bits, Meaning(measure: .descriptionBits, subject: [name], eps: eps, coding: .joint), .atLeast(Rational(stated)))])
    }

    static func haarClass(_ claim: CertificateDocument.ClaimEntry, _ context: CheckContext) throws(KernelError) -> (String, Int, [Rational]) {
        let (name, k) = try ClassInputs.functionClass(claim.inputs, context)
        guard case .haar(let levels, let amplitudes) = k else {
            throw .malformed(pointer: claim.inputs.pointer.appending("class"), expected: "a reference to a haar-class", found: "another kind of class")
        }
        return (name, levels, amplitudes)
    }
}

/// `haar-cover`: log2 N(eps, H_J(a)) <= 2^L - 1 when eps >= sum_{L<=j<J} a_j (Lemma H2,
/// truncation to the levels below L), 0 <= L <= J.
///
/// Inputs: `class` (a haar-class), `eps`, `level` (L). Statement: `bits-at-most` (at
/// least 2^L - 1). Establishes `bits` <= the stated value.
enum HaarCoverRule: Rule {
    static let declaration = RuleDeclaration(
        name: .haarCover, lemma: "Lemma H2 (MATH.md sec. 7)",
        inputs: ["class", "level", "eps"], statement: ["bits-at-most"])

    static func check(_ claim: CertificateDocument.ClaimEntry, _ context: CheckContext) throws(KernelError) -> RuleResult {
        try claim.inputs.allowOnly(declaration.inputs)
        try claim.statement.allowOnly(declaration.statement)
        let (name, levels, amplitudes) = try HaarPackingRule.haarClass(claim, context)
        let eps = try ClassInputs.epsilon(claim.inputs)
        let L = try claim.inputs.integer("level", in: 0...62)
        let stated = try claim.statement.bigInteger("bits-at-most")
        let summary = "log2 N(\(eps), H_\(levels)(a)) <= \(stated) (truncation below level \(L))"
        guard L <= levels else {
            return .fails(summary, "Lemma H2 needs 0 <= L <= J = \(levels)", expected: "L <= \(levels)", computed: "L = \(L)", at: claim.inputs.pointer.appending("level"))
        }
        let tail = Rational.sum(amplitudes.dropFirst(L))
        guard eps >= tail else {
            return .fails(summary, "eps = \(eps) is below the tail sum_{L<=j<J} a_j = \(tail)",
                          expected: "eps >= \(tail)", computed: "eps = \(eps)", at: claim.inputs.pointer.appending("eps"))
        }
        let bound = HaarCoveringBounds.bits(truncationLevel: L)
        guard stated >= bound else {
            return .fails(summary, "Lemma H2 gives log2 N <= 2^L - 1 = \(bound), which does not imply <= \(stated)",
                          expected: "bits-at-most >= \(bound)", computed: "2^\(L) - 1 = \(bound)", at: claim.statement.pointer.appending("bits-at-most"))
        }
        return .holds(summary, [Fact(.bits, Meaning(measure: .descriptionBits, subject: [name], eps: eps, coding: .joint), .atMost(Rational(stated)))])
    }
}
