import ExactArithmetic

/// `eps-transfer`: Lemma E. N(eps, K) is non-increasing in eps, so a lower bound at eps0
/// holds at every eps1 <= eps0 and an upper bound at eps0 holds at every eps1 >= eps0
/// (for covering numbers and for description lengths ceil(log2 N), which are monotone
/// in N).
///
/// Inputs: `claim` (listed in `uses`), `quantity` (the name of a fact of that claim whose
/// measure is `covering-number` or `description-bits`) and `eps` (eps1 > 0). Statement:
/// `relation` and `bound`. The kernel keeps the lower end of the fact when eps1 <= eps0
/// and the upper end when eps1 >= eps0; the statement must hold for every value in what
/// is kept. Establishes the same quantity, with the same meaning at eps1.
enum EpsTransferRule: TypedRule {
    static let declaration = RuleDeclaration(
        name: .epsTransfer, lemma: "Lemma E (MATH.md sec. 7)",
        inputs: ["quantity", "eps", "claim"], statement: ["relation", "bound"])

    struct Claim {
        /// The used claim whose fact is transferred.
        let source: Located<String>
        /// The name of that fact.
        let quantity: Located<String>
        /// eps1, where the fact is claimed.
        let eps: Rational
        let relation: Relation
        let bound: Located<Rational>
    }

    static func decode(_ claim: CertificateDocument.ClaimEntry, _ context: CheckContext) throws(KernelError) -> Claim {
        let id = try claim.inputs.located("claim", claim.inputs.identifier)
        let name = try claim.inputs.located("quantity", claim.inputs.string)
        let eps1 = try ClassInputs.epsilon(claim.inputs)
        let relation: Relation = try claim.statement.word("relation")
        return Claim(
            source: id, quantity: name, eps: eps1, relation: relation, bound: try claim.statement.located("bound", claim.statement.rational)
        )
    }

    static func check(_ claim: Claim, _ context: CheckContext) throws(KernelError) -> RuleResult {
        let (id, name, eps1, relation, bound) = (claim.source.value, claim.quantity.value, claim.eps, claim.relation, claim.bound.value)
        let stated = "\(id).\(name) at eps = \(eps1) \(relation.rawValue) \(bound)"
        guard let source = context.used[id] else {
            return .fails(stated, "refers to claim \(id), which is not listed in \"uses\"", at: claim.source.pointer)
        }
        guard let fact = source.fact(named: name), fact.meaning.measure.isMonotoneInEps, let eps0 = fact.meaning.eps else {
            return .fails(
                stated, "claim \(id) establishes no covering number or description length named \"\(name)\"", at: claim.quantity.pointer)
        }
        var moved = fact.meaning
        moved.eps = eps1
        let summary = "\(moved) \(relation.rawValue) \(bound) (from eps = \(eps0))"
        // Lemma E: N(eps1) >= N(eps0) for eps1 <= eps0, and N(eps1) <= N(eps0) for eps1 >= eps0.
        let transferred = Quantity(lower: eps1 <= eps0 ? fact.bound.lower : nil, upper: eps1 >= eps0 ? fact.bound.upper : nil)
        guard relation.holds(for: transferred, bound) else {
            let direction = "Lemma E carries lower bounds to smaller eps and upper bounds to larger eps"
            return .fails(
                summary, "\(fact) transfers to eps = \(eps1) only as a value \(transferred) (\(direction))",
                expected: "\(relation.rawValue) \(bound)", computed: "value \(transferred)", at: claim.bound.pointer)
        }
        return .holds(summary, [Fact(fact.name, moved, relation.quantity(bound: bound, nonNegative: true))])
    }
}
