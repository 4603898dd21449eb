import ExactArithmetic

/// `binary-class`: N(eps, K) = |K| for a class of +-1 valued elements and 0 < eps < 1
/// (Lemma B), and N(eps, K) = 1 for eps >= 1.
///
/// Inputs: `class`, `eps`, `coding` ("joint": the tuple class; "separate": each
/// coordinate class). Statement: `bits`, the description length ceil(log2 N(eps, .)),
/// summed over coordinates for separate coding. The size comes from an earlier claim
/// in `uses` about the same class and coding: a readout-count claim (its
/// `description-bits`) or an enumerate claim of sizes (its `size-bits`; the
/// `description-bits` of a covering number at eps' >= 1 would be 0). Establishes `bits`.
enum BinaryClassRule: TypedRule {
    static let declaration = RuleDeclaration(
        name: .binaryClass, lemma: "Lemma B (MATH.md sec. 7)",
        inputs: ["class", "eps", "coding"], statement: ["bits"])

    struct Claim {
        let className: String
        let k: Located<KernelClass>
        let eps: Rational
        let coding: Coding
        let bits: Located<BigInt>
        /// Where the claim's `uses` is (named when no used claim gives the size).
        let uses: JSONPointer
    }

    static func decode(_ claim: CertificateDocument.ClaimEntry, _ context: CheckContext) throws(KernelError) -> Claim {
        let (name, k) = try ClassInputs.functionClass(claim.inputs, context)
        let eps = try ClassInputs.epsilon(claim.inputs)
        let coding: Coding = try claim.inputs.word("coding")
        return Claim(
            className: name, k: k, eps: eps, coding: coding, bits: try claim.statement.located("bits", claim.statement.bigInteger),
            uses: claim.pointer.appending("uses"))
    }

    static func check(_ claim: Claim, _ context: CheckContext) throws(KernelError) -> RuleResult {
        let (name, eps, coding, stated) = (claim.className, claim.eps, claim.coding, claim.bits.value)
        let summary = "\(coding) description length of \(name) at eps = \(eps) is \(stated) bits"
        // Every element must be +-1 valued in every coordinate.
        switch claim.k.value {
        case .readout: break // Walsh readouts take only the values +1 and -1.
        case .haar:
            return .fails(summary, "the Haar class is not +-1 valued, so Lemma B does not apply", at: claim.k.pointer)
        case .finite(let elements):
            for (e, element) in elements.enumerated() {
                if let d = element.firstIndex(where: { !$0.isSignValued }) {
                    return .fails(summary, "coordinate \(d) of class element \(e) takes a value other than +1 and -1", at: claim.k.pointer)
                }
            }
        }
        let computed: BigInt
        if eps >= Rational.one {
            computed = 0 // one ball of radius eps >= 1 around 0 covers every +-1 function
        } else {
            // Only an exact ceil(log2 |K|) of this class and coding qualifies (a covering
            // number's bits may be smaller than the size's).
            let wanted = Meaning(measure: .sizeBits, subject: [name], coding: coding)
            let facts = context.usedInOrder.lazy.flatMap(\.facts)
            guard let fact = facts.first(where: { $0.meaning == wanted && $0.bound.isExact }), let value = fact.bound.lower else {
                return .fails(
                    summary, "no claim in \"uses\" establishes the \(coding) size of \(name) (use readout-count or enumerate first)",
                    at: claim.uses)
            }
            computed = value.numerator
        }
        guard stated == computed else {
            return .fails(
                summary, "Lemma B gives \(computed) bits here", expected: "bits = \(stated)", computed: "bits = \(computed)",
                at: claim.bits.pointer)
        }
        return .holds(
            summary, [Fact(.bits, Meaning(measure: .descriptionBits, subject: [name], eps: eps, coding: coding), .exact(computed))])
    }
}
