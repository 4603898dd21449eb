import ExactArithmetic

/// `packing`: log2 N(eps, K) >= log2 M (Lemma P).
///
/// Inputs: `class`, `eps`, and `elements` (M elements of K given by their parameters,
/// so membership holds by construction). Statement: `count` = M. The kernel rebuilds
/// every element and checks that all pairwise sup distances exceed 2 eps.
/// Establishes `covering-number` >= M and `bits` >= ceil(log2 M).
enum PackingRule: TypedRule {
    static let declaration = RuleDeclaration(
        name: .packing, lemma: "Lemma P (MATH.md sec. 7)",
        inputs: ["class", "elements", "eps"], statement: ["count"])

    struct Claim {
        let className: String
        let eps: Rational
        let count: Located<Int>
        /// How many elements are listed.
        let listed: Int
        /// The listed elements, rebuilt from their parameters; nil when `count` differs
        /// from `listed` (the check fails on the count before the elements are read).
        let elements: Located<[[KernelFunction]]>?
    }

    static func decode(_ claim: CertificateDocument.ClaimEntry, _ context: CheckContext) throws(KernelError) -> Claim {
        let (name, k) = try ClassInputs.functionClass(claim.inputs, context)
        let eps = try ClassInputs.epsilon(claim.inputs)
        let count = try claim.statement.located("count", claim.statement.integer(in: 1...Int(Int32.max)))
        let items = try claim.inputs.array("elements", what: "an array of class elements")
        let elementsPointer = claim.inputs.pointer.appending("elements")
        let pairs = items.count * max(items.count - 1, 0) / 2
        try context.readingContext.checkLimit(.enumeration, pairs, described: "\(pairs) pairs", at: elementsPointer)
        guard items.count == count.value else { return Claim(className: name, eps: eps, count: count, listed: items.count, elements: nil) }
        let elements = try items.enumerated().map { i, item throws(KernelError) in
            try ClassInputs.element(item, at: elementsPointer.appending(i), of: k.value, context)
        }
        try context.readingContext.chargeWork(ReadingContext.product(pairs, 2, elements.largestDistanceWork), at: elementsPointer)
        return Claim(
            className: name, eps: eps, count: count, listed: items.count, elements: Located(value: elements, pointer: elementsPointer))
    }

    static func check(_ claim: Claim, _ context: CheckContext) throws(KernelError) -> RuleResult {
        let (eps, count, twoEps) = (claim.eps, claim.count.value, claim.eps * 2)
        let summary = "N(\(eps), \(claim.className)) >= \(count): \(claim.listed) elements pairwise more than \(twoEps) apart"
        guard let located = claim.elements, claim.listed == count else {
            return .fails(
                summary, "the statement counts \(count) elements but \(claim.listed) are listed",
                expected: "count = \(count)", computed: "\(claim.listed) elements", at: claim.count.pointer)
        }
        let elements = located.value
        for a in 0..<elements.count {
            for b in (a + 1)..<max(elements.count, a + 1) {
                let distance = vectorSupDistance(elements[a], elements[b])
                if !(distance > twoEps) {
                    return .fails(
                        summary, "elements \(a) and \(b) are only \(distance) apart, not more than 2 eps = \(twoEps)",
                        expected: "||e_\(a) - e_\(b)||_inf > \(twoEps)", computed: "||e_\(a) - e_\(b)||_inf = \(distance)",
                        at: located.pointer.appending(b))
                }
            }
        }
        return .holds(summary, coveringFacts(claim.className, eps, count, Quantity.atLeast))
    }

    /// What a count M of a packing (Lemma P) or a cover (Lemma C) bounds: N(eps, K) and
    /// ceil(log2 N(eps, K)) of the joint class, from below (`atLeast`) or above (`atMost`).
    static func coveringFacts(_ name: String, _ eps: Rational, _ count: Int, _ bound: (Rational) -> Quantity) -> [Fact] {
        [
            Fact(.coveringNumber, Meaning(measure: .coveringNumber, subject: [name], eps: eps, coding: .joint), bound(Rational(count))),
            Fact(
                .bits, Meaning(measure: .descriptionBits, subject: [name], eps: eps, coding: .joint),
                bound(Rational(BigInt(count).ceilLog2))),
        ]
    }
}
