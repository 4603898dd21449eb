import ExactArithmetic

/// `cover`: log2 N(eps, K) <= log2 M (Lemma C) for a class the kernel can enumerate.
///
/// Inputs: `class`, `eps`, and `centres` (M functions, or M tuples of functions for a
/// class of tuples; centres may be any functions). Statement: `count` = M. The kernel
/// enumerates every element of K and checks that each is within eps of some centre.
/// Establishes `covering-number` <= M and `bits` <= ceil(log2 M).
enum CoverRule: TypedRule {
    static let declaration = RuleDeclaration(
        name: .cover, lemma: "Lemma C (MATH.md sec. 7)",
        inputs: ["class", "centres", "eps"], statement: ["count"])

    /// Element-centre pairs allowed per unit of --max-enumeration: a cover may use up to
    /// 16 centres per enumerated element before the pair count is a limit.
    static let pairsPerEnumeratedElement = 16

    struct Claim {
        let className: String
        let k: Located<KernelClass>
        let eps: Rational
        /// Each centre has the class's arity.
        let centres: Located<[[KernelFunction]]>
        let count: Located<Int>
    }

    static func decode(_ claim: CertificateDocument.ClaimEntry, _ context: CheckContext) throws(KernelError) -> Claim {
        let (name, k) = try ClassInputs.functionClass(claim.inputs, context)
        let eps = try ClassInputs.epsilon(claim.inputs)
        let count = try claim.statement.located("count", claim.statement.integer(in: 1...Int(Int32.max)))
        let centresPointer = claim.inputs.pointer.appending("centres")
        let centres = try claim.inputs.array("centres", what: "an array of centres") { item, at throws(KernelError) in
            let centre = try context.objects.tuple(item, at: at)
            guard centre.count == k.value.arity else {
                throw .malformed(
                    pointer: at, expected: "a centre with \(k.value.arity) coordinates (the class's arity)",
                    found: "\(centre.count) coordinates")
            }
            return centre
        }
        return Claim(className: name, k: k, eps: eps, centres: Located(value: centres, pointer: centresPointer), count: count)
    }

    static func check(_ claim: Claim, _ context: CheckContext) throws(KernelError) -> RuleResult {
        let (eps, centres, count) = (claim.eps, claim.centres.value, claim.count.value)
        let summary = "N(\(eps), \(claim.className)) <= \(count): every element within \(eps) of one of \(centres.count) centres"
        guard centres.count == count else {
            return .fails(
                summary, "the statement counts \(count) centres but \(centres.count) are listed",
                expected: "count = \(count)", computed: "\(centres.count) centres", at: claim.count.pointer)
        }
        let elements = try ClassElements.all(claim.k.value, context.readingContext, at: claim.k.pointer)
        let perPair = ReadingContext.product(4, (elements + centres).largestDistanceWork)
        try context.readingContext.chargeWork(ReadingContext.product(elements.count, centres.count, perPair), at: claim.centres.pointer)
        let work = elements.count * max(centres.count, 1)
        let charged = (work + pairsPerEnumeratedElement - 1) / pairsPerEnumeratedElement
        try context.readingContext.checkLimit(
            .enumeration, charged, described: "\(charged) (\(work) element-centre pairs, \(pairsPerEnumeratedElement) to an element)",
            at: claim.centres.pointer)
        for (e, element) in elements.enumerated() {
            var nearest: Rational? = nil
            for centre in centres {
                let distance = vectorSupDistance(element, centre)
                if let best = nearest, best <= distance {} else { nearest = distance }
                if distance <= eps { break }
            }
            if let nearest, nearest > eps {
                return .fails(
                    summary, "class element \(e) is \(nearest) from the nearest centre, more than eps = \(eps)",
                    expected: "every element within \(eps) of a centre", computed: "element \(e) at distance \(nearest)",
                    at: claim.centres.pointer)
            }
        }
        return .holds(summary, PackingRule.coveringFacts(claim.className, eps, count, Quantity.atMost))
    }
}
