import ExactArithmetic

/// `packing`: log2 N(eps, K) >= log2 M (Lemma P).
///
/// Inputs: `class`, `eps`, and `elements` (M elements of K given by their parameters,
/// so membership holds by construction). Statement: `count` = M. The kernel rebuilds
/// every element and checks that all pairwise sup distances exceed 2 eps.
/// Establishes `covering-number` >= M and `bits` >= ceil(log2 M).
enum PackingRule: Rule {
    static let declaration = RuleDeclaration(
        name: .packing, lemma: "Lemma P (MATH.md sec. 7)",
        inputs: ["class", "elements", "eps"], statement: ["count"])

    static func check(_ claim: CertificateDocument.ClaimEntry, _ context: CheckContext) throws(KernelError) -> RuleResult {
        try claim.inputs.allowOnly(declaration.inputs)
        try claim.statement.allowOnly(declaration.statement)
        let (name, k) = try ClassInputs.functionClass(claim.inputs, context)
        let eps = try ClassInputs.epsilon(claim.inputs)
        let count = try claim.statement.integer("count", in: 1...Int(Int32.max))
        let items = try claim.inputs.array("elements", what: "an array of class elements")
        let pairs = items.count * max(items.count - 1, 0) / 2
        guard pairs <= context.limits.maximumEnumeration else {
            throw .limitExceeded(pointer: claim.inputs.pointer.appending("elements"), limit: .enumeration, value: "\(pairs) pairs", maximum: String(context.limits.maximumEnumeration))
        }
        let summary = "N(\(eps), K) >= \(count): \(items.count) elements pairwise more than \(eps * 2) apart"
        guard items.count == count else {
            return .fails(summary, "the statement counts \(count) elements but \(items.count) are listed",
                          expected: "count = \(items.count)", computed: "\(items.count) elements", at: claim.statement.pointer.appending("count"))
        }
        var elements: [[KernelFunction]] = []
        for (i, item) in items.enumerated() {
            elements.append(try ClassInputs.element(item, at: claim.inputs.pointer.appending("elements").appending(i), of: k, context))
        }
        let twoEps = eps * 2
        let perPair = 2 * max(1, elements.first.map { $0.reduce(0) { $0 + $1.workSize } } ?? 1)
        try context.readingContext.chargeWork(ReadingContext.product(pairs, perPair), at: claim.inputs.pointer.appending("elements"))
        for a in 0..<elements.count {
            for b in (a + 1)..<max(elements.count, a + 1) {
                let distance = vectorSupDistance(elements[a], elements[b])
                if !(distance > twoEps) {
                    return .fails(summary, "elements \(a) and \(b) are only \(distance) apart, not more than 2 eps = \(twoEps)",
                                  expected: "||e_\(a) - e_\(b)||_inf > \(twoEps)", computed: "||e_\(a) - e_\(b)||_inf = \(distance)",
                                  at: claim.inputs.pointer.appending("elements").appending(b))
                }
            }
        }
        return .holds(summary, [Fact(.coveringNumber, Meaning(measure: .coveringNumber, subject: [name], eps: eps, coding: .joint), .atLeast(Rational(count))),
                                Fact(.bits, Meaning(measure: .descriptionBits, subject: [name], eps: eps, coding: .joint), .atLeast(Rational(BigInt(count).ceilLog2)))])
    }
}
