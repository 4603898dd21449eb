import ExactArithmetic

/// `bits`: an inequality between earlier established quantities (sums, differences
/// and multiples by constants), by exact interval arithmetic.
///
/// Inputs: `terms` (each {`claim`, `quantity`, `coefficient`}; the claim must be in
/// `uses`) and an optional `constant`. Statement: `relation` and `bound`. The claim holds
/// when every value the referenced quantities can take, as established, satisfies
/// `constant + sum_i coefficient_i * quantity_i relation bound`. Establishes `value`.
enum BitsRule: Rule {
    static let name = "bits"
    static let lemma = "exact arithmetic on established quantities (interval arithmetic)"

    static func check(_ claim: CertificateDocument.ClaimEntry, _ context: CheckContext) throws(KernelError) -> RuleResult {
        try claim.inputs.allowOnly(["terms", "constant"])
        try claim.statement.allowOnly(["relation", "bound"])
        let relation = Relation(rawValue: try claim.statement.choice("relation", Relation.allCases.map(\.rawValue))) ?? .equal
        let bound = try claim.statement.rational("bound")
        var total = Quantity.exact(claim.inputs.has("constant") ? try claim.inputs.rational("constant") : Rational.zero)
        var rendered: [String] = []
        let termsPointer = claim.inputs.pointer.appending("terms")
        let items = try claim.inputs.array("terms", what: "an array of terms")
        guard !items.isEmpty else { throw .malformed(pointer: termsPointer, expected: "at least one term", found: "none") }
        for (i, item) in items.enumerated() {
            let term = try Fields(item, at: termsPointer.appending(i), context: claim.inputs.context, what: "a term {\"claim\", \"quantity\", \"coefficient\"}")
            try term.allowOnly(["claim", "quantity", "coefficient"])
            let id = try term.identifier("claim")
            let name = try term.string("quantity")
            let coefficient = try term.rational("coefficient")
            guard let source = context.used[id] else {
                return .fails(summary(rendered, relation, bound), "term \(i) refers to claim \(id), which is not listed in \"uses\"", at: term.pointer.appending("claim"))
            }
            guard let q = source.quantities[name] else {
                let known = source.quantities.keys.sorted().joined(separator: ", ")
                return .fails(summary(rendered, relation, bound), "claim \(id) (\(source.rule)) establishes no quantity \"\(name)\" (it establishes: \(known.isEmpty ? "none" : known))",
                              at: term.pointer.appending("quantity"))
            }
            total = total + q.scaled(by: coefficient)
            let magnitude = coefficient.magnitude == 1 ? "" : "\(coefficient.magnitude) * "
            rendered.append((coefficient.signum < 0 ? "- " : (rendered.isEmpty ? "" : "+ ")) + magnitude + "\(id).\(name)")
        }
        let text = summary(rendered, relation, bound)
        guard relation.holds(for: total, bound) else {
            return .fails(text, "the established quantities only give a value \(total)", expected: "\(relation.rawValue) \(bound)", computed: "value \(total)",
                          at: claim.statement.pointer.appending("bound"))
        }
        return .holds(text, ["value": relation.quantity(bound: bound, nonNegative: false)])
    }

    static func summary(_ terms: [String], _ relation: Relation, _ bound: Rational) -> String {
        (terms.isEmpty ? "0" : terms.joined(separator: " ")) + " \(relation.rawValue) \(bound)"
    }
}
