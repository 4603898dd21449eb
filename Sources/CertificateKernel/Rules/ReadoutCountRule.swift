import DyadicFunctions
import ExactArithmetic

/// `readout-count`: the exact sizes of readout classes (Lemmas S and J).
///
/// Inputs: `class` (a readout-class with readouts m_1..m_D at depth J) and `coding`.
/// Statement: for "joint", `log2-size` = log2 |K_M| by the span recursion of Lemma J;
/// for "separate", `log2-sizes` = [log2 |K_{m_d}|] = [2^top(m_d)] (Lemma S) and their
/// `total`. Establishes `log2-size` and `description-bits` (the same integer: every
/// readout class has a power-of-two size).
enum ReadoutCountRule: VariantRule {
    static let declaration = RuleDeclaration(
        name: .readoutCount, lemma: "Lemma S and Lemma J (MATH.md sec. 7)",
        inputs: ["class", "coding"], statement: ["log2-size", "log2-sizes", "total"])

    /// The stated sizes, by coding.
    enum Stated {
        /// `log2-size`: log2 |K_M| of the joint class.
        case joint(Located<BigInt>)
        /// `log2-sizes` (one per readout) and their `total`. Each size is kept with the
        /// error of reading it, if any: the check meets them in order, so a false size is
        /// reported before a malformed later one, as it always was.
        case separate(sizes: Located<[Result<BigInt, KernelError>]>, total: Located<BigInt>)
    }

    struct Claim {
        let className: String
        /// J, the class's depth.
        let levels: Int
        /// m_1, ..., m_D.
        let readouts: [Int]
        /// Where an invalid class is reported.
        let inputs: JSONPointer
        let stated: Stated
    }

    /// Rejects the statement's keys outside its coding's (after reading the class and the coding).
    static func decode(_ claim: CertificateDocument.ClaimEntry, _ context: CheckContext) throws(KernelError) -> Claim {
        try claim.inputs.allowOnly(declaration.inputs)
        let (name, (J, readouts)) = try ClassInputs.readoutClass(claim.inputs, context)
        let coding: Coding = try claim.inputs.word("coding")
        let stated: Stated
        if coding == .joint {
            try claim.statement.allowOnly(["log2-size"])
            stated = .joint(try claim.statement.located("log2-size", claim.statement.bigInteger))
        } else {
            try claim.statement.allowOnly(["log2-sizes", "total"])
            let sizesPointer = claim.statement.pointer.appending("log2-sizes")
            let items = try claim.statement.array("log2-sizes", what: "one log2 size per readout")
            guard items.count == readouts.count else {
                throw .malformed(pointer: sizesPointer, expected: "\(readouts.count) values (one per readout)", found: "\(items.count)")
            }
            let total = try claim.statement.located("total", claim.statement.bigInteger)
            let sizes = items.enumerated().map { d, item in
                Result { () throws(KernelError) in
                    try Fields.bigInteger(item, at: sizesPointer.appending(d), context: claim.statement.context)
                }
            }
            stated = .separate(sizes: Located(value: sizes, pointer: sizesPointer), total: total)
        }
        return Claim(className: name, levels: J, readouts: readouts, inputs: claim.inputs.pointer, stated: stated)
    }

    static func check(_ claim: Claim, _ context: CheckContext) throws(KernelError) -> RuleResult {
        let (J, readouts) = (claim.levels, claim.readouts)
        switch claim.stated {
        case .joint(let stated):
            let computed = try count(claim) { () throws(DyadicFunctionError) in try ReadoutCount.jointLog2(readouts: readouts, levels: J) }
            let summary = "log2 |K_M| = \(stated.value) for readouts \(abbreviate(readouts)) at depth \(J) (Lemma J)"
            guard stated.value == computed else {
                return .fails(
                    summary, "the span recursion of Lemma J gives log2 |K_M| = \(computed)",
                    expected: "log2-size = \(stated.value)", computed: "log2 |K_M| = \(computed)", at: stated.pointer)
            }
            return .holds(summary, sizeFacts(claim.className, .joint, computed))
        case .separate(let sizes, let total):
            let summary = "sum_d log2 |K_m_d| = \(total.value) for readouts \(abbreviate(readouts)) (Lemma S)"
            var sum = BigInt.zero
            for (d, m) in readouts.enumerated() {
                let stated = try sizes.value[d].get()
                let computed = try count(claim) { () throws(DyadicFunctionError) in try ReadoutCount.separateLog2(readout: m) }
                guard stated == computed else {
                    return .fails(
                        summary, "Lemma S gives log2 |K_\(m)| = 2^top(\(m)) = \(computed)",
                        expected: "log2 |K_\(m)| = \(stated)", computed: "log2 |K_\(m)| = \(computed)", at: sizes.pointer.appending(d))
                }
                sum += computed
            }
            guard total.value == sum else {
                return .fails(
                    summary, "the sizes add up to \(sum)", expected: "total = \(total.value)", computed: "total = \(sum)", at: total.pointer
                )
            }
            return .holds(summary, sizeFacts(claim.className, .separate, sum))
        }
    }

    /// A size from ReadoutCount; a class it rejects is reported as invalid input.
    static func count(_ claim: Claim, _ size: () throws(DyadicFunctionError) -> BigInt) throws(KernelError) -> BigInt {
        do { return try size() } catch { throw ObjectStore.invalid(error, at: claim.inputs, what: "a valid readout class") }
    }

    /// log2 |K| (an integer: readout classes have power-of-two sizes), which is also
    /// ceil(log2 |K|); the legacy name `description-bits` refers to the latter.
    static func sizeFacts(_ name: String, _ coding: Coding, _ log2Size: BigInt) -> [Fact] {
        [
            Fact(.log2Size, Meaning(measure: .log2Size, subject: [name], coding: coding), .exact(log2Size)),
            Fact(.descriptionBits, Meaning(measure: .sizeBits, subject: [name], coding: coding), .exact(log2Size)),
        ]
    }
}
