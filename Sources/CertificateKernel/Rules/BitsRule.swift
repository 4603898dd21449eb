import ExactArithmetic

/// `bits`: an inequality between earlier established numbers (sums, differences and
/// multiples by constants), by exact interval arithmetic.
///
/// Inputs: `terms` (each {`claim`, `quantity`, `coefficient`}, optionally `meaning`; the
/// claim must be in `uses`) and an optional `constant`. Statement: `relation` and
/// `bound`. The claim holds when every value the referenced numbers can take, as
/// established, satisfies `constant + sum_i coefficient_i * quantity_i relation bound`.
/// Interval arithmetic is sound whatever the numbers mean; the verdict spells out each
/// term's meaning (class, eps, coding), and a term that states the meaning it expects
/// fails unless the established fact has exactly that meaning. Establishes `value`.
enum BitsRule: TypedRule {
    static let declaration = RuleDeclaration(
        name: .bits, lemma: "exact arithmetic on established quantities (interval arithmetic)",
        inputs: ["terms", "constant"], statement: ["relation", "bound"])

    /// One term: coefficient * (the fact `quantity` of the used claim `claim`).
    struct Term {
        /// The used claim's id.
        let claim: String
        /// The name of its fact.
        let quantity: String
        let coefficient: Rational
        /// The meaning the term states it expects, if any.
        let declared: Meaning?
        /// Where the term is written.
        let pointer: JSONPointer
    }

    struct Claim {
        /// This claim's id (the subject of the value it establishes).
        let id: String
        let terms: [Term]
        let constant: Rational
        let relation: Relation
        let bound: Located<Rational>
    }

    static func decode(_ claim: CertificateDocument.ClaimEntry, _ context: CheckContext) throws(KernelError) -> Claim {
        let relation: Relation = try claim.statement.word("relation")
        let bound = try claim.statement.located("bound", claim.statement.rational)
        let constant = claim.inputs.has("constant") ? try claim.inputs.rational("constant") : Rational.zero
        // Read every term first, so that a failure line shows all of them (a term whose
        // claim is not available is written as claim.quantity).
        let terms = try claim.inputs.array("terms", what: "an array of terms") { item, at throws(KernelError) in
            let term = try Fields(item, at: at, context: claim.inputs.context, what: "a term {\"claim\", \"quantity\", \"coefficient\"}")
            try term.allowOnly(FormatStructure.bitsTerm.keys)
            let declared =
                term.has("meaning") ? try meaning(try term.fields("meaning", what: "a meaning {\"measure\", \"subject\", ...}")) : nil
            return Term(
                claim: try term.identifier("claim"), quantity: try term.string("quantity"), coefficient: try term.rational("coefficient"),
                declared: declared, pointer: term.pointer)
        }
        guard !terms.isEmpty else {
            throw .malformed(pointer: claim.inputs.pointer.appending("terms"), expected: "at least one term", found: "none")
        }
        return Claim(id: claim.id, terms: terms, constant: constant, relation: relation, bound: bound)
    }

    static func check(_ claim: Claim, _ context: CheckContext) throws(KernelError) -> RuleResult {
        let (terms, constant, relation, bound) = (claim.terms, claim.constant, claim.relation, claim.bound.value)
        var summands = [Quantity.exact(constant)]
        var rendered: [String] = []
        let used = context.used
        /// The statement with the resolved terms as their meanings and the rest as written.
        func text() -> String {
            let rest = terms.dropFirst(rendered.count).enumerated().map { k, t in
                render(t.coefficient, "\(t.claim).\(t.quantity)", first: rendered.isEmpty && k == 0)
            }
            return summary(rendered + rest, constant, relation, bound)
        }
        for (i, t) in terms.enumerated() {
            guard let source = used[t.claim] else {
                return .fails(
                    text(), "term \(i) refers to claim \(t.claim), which is not listed in \"uses\"", at: t.pointer.appending("claim"))
            }
            guard let fact = source.fact(named: t.quantity) else {
                let known = source.facts.map(\.name.rawValue).joined(separator: ", ")
                return .fails(
                    text(),
                    "claim \(t.claim) (\(source.rule)) establishes no quantity \"\(t.quantity)\" (it establishes: \(known.isEmpty ? "none" : known))",
                    at: t.pointer.appending("quantity"))
            }
            if let declared = t.declared, declared != fact.meaning {
                let differ = declared.differences(from: fact.meaning).joined(separator: "; ")
                return .fails(
                    text(),
                    "term \(i) states the meaning \(declared), but \(t.claim).\(t.quantity) is \(fact.meaning) (they differ in \(differ))",
                    expected: declared.description, computed: fact.meaning.description, at: t.pointer.appending("meaning"))
            }
            summands.append(fact.bound.scaled(by: t.coefficient))
            rendered.append(render(t.coefficient, fact.meaning.description, first: rendered.isEmpty))
        }
        // Each end is an exact sum whose partial sums may outgrow every number read (N
        // coefficients 1/q with distinct q): charge both before summing.
        let ends = NumberSizes(summands.flatMap { [$0.lower, $0.upper].compactMap { $0 } })
        for _ in 0..<2 {
            try context.readingContext.chargeSum(
                terms: summands.count, termBits: ends.longest, sumBits: ends.sumBits(terms: summands.count), at: claim.bound.pointer)
        }
        let total = Quantity.sum(summands)
        let text = summary(rendered, constant, relation, bound)
        guard relation.holds(for: total, bound) else {
            return .fails(
                text, "the established quantities only give a value \(total)", expected: "\(relation.rawValue) \(bound)",
                computed: "value \(total)", at: claim.bound.pointer)
        }
        return .holds(
            text, [Fact(.value, Meaning(measure: .value, subject: [claim.id]), relation.quantity(bound: bound, nonNegative: false))])
    }

    /// One term as written in a verdict line: its sign, its coefficient unless 1, its text.
    static func render(_ coefficient: Rational, _ text: String, first: Bool) -> String {
        let magnitude = coefficient.magnitude == 1 ? "" : "\(coefficient.magnitude) * "
        return (coefficient.signum < 0 ? "- " : (first ? "" : "+ ")) + magnitude + text
    }

    /// The terms as their meanings, then the constant, the relation and the bound.
    static func summary(_ terms: [String], _ constant: Rational, _ relation: Relation, _ bound: Rational) -> String {
        let constantText = constant.isZero ? "" : (constant.signum < 0 ? " - \(constant.magnitude)" : " + \(constant)")
        return (terms.isEmpty ? "0" : terms.joined(separator: " ")) + constantText + " \(relation.rawValue) \(bound)"
    }

    /// A stated meaning: `measure`, `subject` (names), and the parameters of that
    /// measure (`eps` or `eps-below`, `coding`, `max-breakpoints`, `threshold`, and
    /// `lambda` and `task` for MATH.md sec. 11-12), all of them: it must equal the
    /// established fact's meaning exactly.
    static func meaning(_ fields: Fields) throws(KernelError) -> Meaning {
        try fields.allowOnly(FormatStructure.meaning.keys)
        var meaning = Meaning(measure: try fields.word("measure"), subject: try fields.identifiers("subject"))
        if fields.has("eps") { meaning.eps = try fields.rational("eps") }
        if fields.has("eps-below") { meaning.epsBelow = try fields.rational("eps-below") }
        if fields.has("coding") { meaning.coding = try fields.word("coding") }
        if fields.has("max-breakpoints") { meaning.maxBreakpoints = try fields.bigInteger("max-breakpoints") }
        if fields.has("threshold") { meaning.threshold = try fields.rational("threshold") }
        if fields.has("lambda") { meaning.lambda = try fields.rational("lambda") }
        if fields.has("task") { meaning.task = try fields.integer("task", in: 0...Int(Int32.max)) }
        return meaning
    }
}
