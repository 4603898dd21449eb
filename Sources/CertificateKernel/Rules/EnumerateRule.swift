import DyadicFunctions
import ExactArithmetic

/// `enumerate`: |K| or N(eps, K) by brute force, for classes within the enumeration
/// limit (the definitions of MATH.md sec. 7).
///
/// Inputs: `class`, `quantity` ("size" or "covering-number"), `coding` ("joint" or
/// "separate"), and `eps` for covering numbers. Statement: `value` (joint) or `values`
/// (one per coordinate, separate). Sizes count distinct elements. Covering numbers use
/// that a set of functions fits in one closed sup-norm ball of radius eps exactly when
/// all its pairwise distances are at most 2 eps (centre: the pointwise midrange), so
/// N(eps, K) is the least number of such cliques covering K (exact search over at most
/// 16 distinct elements by default, more under a larger --max-enumeration, unless no two
/// are within 2 eps). Establishes `size` or
/// `covering-number` and `description-bits` (the sum of ceil(log2 .)); for sizes also
/// `size-bits` (the same sum), which `binary-class` requires of an `enumerate` claim.
enum EnumerateRule: VariantRule {
    /// What an enumerate claim counts.
    enum Counted: String, FormatWord {
        case size
        case coveringNumber = "covering-number"
    }

    static let declaration = RuleDeclaration(
        name: .enumerate, lemma: "the definitions of |K| and N(eps, K) (MATH.md sec. 7)",
        inputs: ["class", "quantity", "eps", "coding"], statement: ["values", "value"])
    /// The largest n for an exact covering-number search under any limits (its bit masks
    /// and 3^n work).
    static let largestCliqueSearch = 24

    /// The largest n for an exact covering-number search (3^n subset pairs) under
    /// `--max-enumeration`: 3^n <= 64 * the limit (n = 16 by default), and at most
    /// ``largestCliqueSearch``.
    static func maximumCliqueSearch(_ limits: VerificationLimits) -> Int {
        var n = 0, power = 1
        while n < largestCliqueSearch && power <= 64 * limits.maximumEnumeration / 3 {
            power *= 3
            n += 1
        }
        return n
    }

    /// The least `--max-enumeration` under which an exact search over n elements runs,
    /// ceil(3^n / 64): ``maximumCliqueSearch(_:)`` reaches n exactly when 3^(n-1) <=
    /// floor(64 L / 3), that is when 3^n <= 64 L. For n <= ``largestCliqueSearch``.
    static func leastSetting(cliqueSearchOf n: Int) -> Int {
        let power = (0..<n).reduce(1) { power, _ in 3 * power }
        return (power + 63) / 64
    }

    struct Claim {
        let className: String
        /// Each element of K, as a tuple of the class's arity.
        let elements: [[KernelFunction]]
        let arity: Int
        let coding: Coding
        /// nil for sizes; eps for covering numbers.
        let eps: Rational?
        /// Where a covering number over the enumeration limit is reported.
        let classPointer: JSONPointer
        /// The stated values (one for joint coding, one per coordinate for separate), or
        /// the error of reading them: the check meets it after the enumeration, so a
        /// covering number over the enumeration limit is reported first, as it always was.
        let stated: Result<Located<[BigInt]>, KernelError>
    }

    /// Reads `quantity` first and rejects the input keys outside that quantity's.
    static func decode(_ claim: CertificateDocument.ClaimEntry, _ context: CheckContext) throws(KernelError) -> Claim {
        let quantity: Counted = try claim.inputs.word("quantity")
        try claim.inputs.allowOnly(quantity == .size ? ["class", "quantity", "coding"] : ["class", "quantity", "coding", "eps"])
        let (name, k) = try ClassInputs.functionClass(claim.inputs, context)
        let coding: Coding = try claim.inputs.word("coding")
        let eps = quantity == .size ? nil : try ClassInputs.epsilon(claim.inputs)
        let elements = try ClassElements.all(k.value, context.readingContext, at: k.pointer)
        // Hashing every element; for covering numbers also every pair's distance.
        // At the largest element, not the first (one step a piece: 64, as for packing, made
        // red-team certificates near the default budget exceed it).
        let perElement = max(1, elements.map(\.workSize).max() ?? 1)
        let pairs = eps == nil ? 1 : ReadingContext.product(elements.count, 2 * perElement)
        try context.readingContext.chargeWork(ReadingContext.product(elements.count, perElement, pairs), at: k.pointer)
        return Claim(
            className: name, elements: elements, arity: k.value.arity, coding: coding, eps: eps, classPointer: k.pointer,
            stated: Result { () throws(KernelError) in try statedValues(claim.statement, coding, arity: k.value.arity) })
    }

    /// The statement: `value` (joint coding) or `values` (one per coordinate, separate).
    static func statedValues(_ statement: Fields, _ coding: Coding, arity: Int) throws(KernelError) -> Located<[BigInt]> {
        if coding == .joint {
            try statement.allowOnly(["value"])
            return Located(value: [try statement.bigInteger("value")], pointer: statement.pointer.appending("value"))
        }
        try statement.allowOnly(["values"])
        let statedPointer = statement.pointer.appending("values")
        let items = try statement.array("values", what: "one value per coordinate")
        guard items.count == arity else {
            throw .malformed(pointer: statedPointer, expected: "\(arity) values (one per coordinate)", found: "\(items.count)")
        }
        let values = try items.enumerated().map { d, item throws(KernelError) in
            try Fields.bigInteger(item, at: statedPointer.appending(d), context: statement.context)
        }
        return Located(value: values, pointer: statedPointer)
    }

    static func check(_ claim: Claim, _ context: CheckContext) throws(KernelError) -> RuleResult {
        let (name, elements, coding, eps) = (claim.className, claim.elements, claim.coding, claim.eps)
        // The sets whose sizes or covering numbers are asked for.
        let sets: [[[KernelFunction]]] = coding == .joint ? [elements] : (0..<claim.arity).map { d in elements.map { [$0[d]] } }
        let computed = try sets.map { set throws(KernelError) in
            let distinct = distinctElements(set)
            guard let eps else { return BigInt(distinct.count) }
            return BigInt(try coveringNumber(distinct, eps: eps, limits: context.limits, at: claim.classPointer))
        }
        let statedAt = try claim.stated.get(), stated = statedAt.value
        let what = eps.map { "N(\($0), \(name))" } ?? "|\(name)|"
        let summary =
            "\(coding) \(what) = \(stated.map(\.description).joined(separator: ", ")) by enumeration of \(elements.count) elements"
        for d in 0..<computed.count where stated[d] != computed[d] {
            return .fails(
                summary, "enumeration gives \(computed[d])", expected: "\(stated[d])", computed: "\(computed[d])",
                at: coding == .joint ? statedAt.pointer : statedAt.pointer.appending(d))
        }
        let bits = computed.reduce(BigInt.zero) { $0 + BigInt($1.ceilLog2) }
        // The bits are those of sizes or of covering numbers: the meaning says which
        // (`binary-class` needs sizes).
        let bitsMeaning = Meaning(measure: eps == nil ? .sizeBits : .descriptionBits, subject: [name], eps: eps, coding: coding)
        var facts = [Fact(.descriptionBits, bitsMeaning, .exact(bits))]
        if coding == .joint {
            let (quantity, measure): (QuantityName, Measure) = eps == nil ? (.size, .size) : (.coveringNumber, .coveringNumber)
            facts.append(Fact(quantity, Meaning(measure: measure, subject: [name], eps: eps, coding: .joint), .exact(computed[0])))
        }
        if eps == nil { facts.append(Fact(.sizeBits, bitsMeaning, .exact(bits))) }
        return .holds(summary, facts)
    }

    /// Removes duplicate elements (equal almost everywhere in every coordinate).
    ///
    /// Packed words identify a function only among packed functions of one level, so they
    /// are compared only when coordinate d of every element is packed at one common level
    /// (for each d); otherwise elements are compared by their canonical step functions.
    static func distinctElements(_ set: [[KernelFunction]]) -> [[KernelFunction]] {
        if set.isPackedAlike {
            var seen = Set<[[UInt64]]>()
            return set.filter { element in
                let packed = element.compactMap { f -> [UInt64]? in if case .packed(let p) = f { return p.words } else { return nil } }
                return seen.insert(packed).inserted
            }
        }
        var seen = Set<[StepFunction]>()
        return set.filter { seen.insert($0.map(\.stepFunction)).inserted }
    }

    /// The least number of sets of pairwise distance <= 2 eps covering `elements`.
    static func coveringNumber(_ elements: [[KernelFunction]], eps: Rational, limits: VerificationLimits, at pointer: JSONPointer)
        throws(KernelError) -> Int
    {
        let maximumCliqueSearch = maximumCliqueSearch(limits)
        let n = elements.count
        let twoEps = eps * 2
        var adjacent = [Int](repeating: 0, count: n)
        var anyEdge = false
        for a in 0..<n {
            for b in (a + 1)..<max(n, a + 1) where vectorSupDistance(elements[a], elements[b]) <= twoEps {
                adjacent[a] |= 1 << b
                adjacent[b] |= 1 << a
                anyEdge = true
            }
            if n > maximumCliqueSearch && anyEdge { break }
        }
        if !anyEdge { return n }
        guard n <= maximumCliqueSearch else {
            // In the flag's units when a setting admits n, so that its hint can be followed.
            guard n <= largestCliqueSearch else {
                throw .limitExceeded(
                    pointer: pointer, limit: .enumeration, value: "of an exact covering number over \(n) distinct elements",
                    maximum: .fixed("of \(largestCliqueSearch) elements, whatever --max-enumeration is"))
            }
            throw .limitExceeded(
                pointer: pointer, limit: .enumeration,
                value:
                    "\(leastSetting(cliqueSearchOf: n)) for an exact covering number over \(n) distinct elements (3^\(n) subset pairs, 64 to a unit)",
                maximum: .raisable(limits.maximumEnumeration))
        }
        let full = (1 << n) - 1
        var isClique = [Bool](repeating: false, count: 1 << n)
        isClique[0] = true
        for mask in 1...full {
            let low = mask.trailingZeroBitCount
            let rest = mask & (mask - 1)
            isClique[mask] = isClique[rest] && (adjacent[low] & rest) == rest
        }
        var best = [Int](repeating: Int.max, count: 1 << n)
        best[0] = 0
        for mask in 1...full {
            let low = mask & -mask
            let rest = mask ^ low
            var sub = rest
            while true {
                let clique = sub | low
                if isClique[clique], best[mask ^ clique] != Int.max {
                    best[mask] = min(best[mask], best[mask ^ clique] + 1)
                }
                if sub == 0 { break }
                sub = (sub - 1) & rest
            }
        }
        return best[full]
    }
}
