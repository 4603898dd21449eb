import DyadicFunctions
import ExactArithmetic

/// `readout-count`: the exact sizes of readout classes (Lemmas S and J).
///
/// Inputs: `class` (a readout-class with readouts m_1..m_D at depth J) and `coding`.
/// Statement: for "joint", `log2-size` = log2 |K_M| by the span recursion of Lemma J;
/// for "separate", `log2-sizes` = [log2 |K_{m_d}|] = [2^top(m_d)] (Lemma S) and their
/// `total`. Establishes `log2-size` and `description-bits` (the same integer: every
/// readout class has a power-of-two size).
enum ReadoutCountRule: Rule {
    static let declaration = RuleDeclaration(
        name: .readoutCount, lemma: "Lemma S and Lemma J (MATH.md sec. 7)",
        inputs: ["class", "coding"], statement: ["log2-size", "log2-sizes", "total"])

    static func check(_ claim: CertificateDocument.ClaimEntry, _ context: CheckContext) throws(KernelError) -> RuleResult {
        try claim.inputs.allowOnly(declaration.inputs)
        let (name, k) = try ClassInputs.functionClass(claim.inputs, context)
        guard case .readout(let J, let readouts) = k else {
            throw .malformed(pointer: claim.inputs.pointer.appending("class"), expected: "a reference to a readout-class", found: "another kind of class")
        }
        let coding = try ClassInputs.coding(claim.inputs)
        do {
            if coding == .joint {
                try claim.statement.allowOnly(["log2-size"])
                let stated = try claim.statement.bigInteger("log2-size")
                let computed = try ReadoutCount.jointLog2(readouts: readouts, levels: J)
                let summary = "log2 |K_M| = \(stated) for readouts \(abbreviate(readouts)) at depth \(J) (Lemma J)"
                guard stated == computed else {
                    return .fails(summary, "the span recursion of Lemma J gives log2 |K_M| = \(computed)",
                                  expected: "log2-size = \(stated)", computed: "log2 |K_M| = \(computed)", at: claim.statement.pointer.appending("log2-size"))
                }
                return .holds(summary, sizeFacts(name, coding, computed))
            }
            try claim.statement.allowOnly(["log2-sizes", "total"])
            let sizesPointer = claim.statement.pointer.appending("log2-sizes")
            let items = try claim.statement.array("log2-sizes", what: "one log2 size per readout")
            guard items.count == readouts.count else {
                throw KernelError.malformed(pointer: sizesPointer, expected: "\(readouts.count) values (one per readout)", found: "\(items.count)")
            }
            let total = try claim.statement.bigInteger("total")
            let summary = "sum_d log2 |K_m_d| = \(total) for readouts \(abbreviate(readouts)) (Lemma S)"
            var sum = BigInt.zero
            for (d, m) in readouts.enumerated() {
                let stated = try Fields.bigInteger(items[d], at: sizesPointer.appending(d), context: claim.statement.context)
                let computed = try ReadoutCount.separateLog2(readout: m)
                guard stated == computed else {
                    return .fails(summary, "Lemma S gives log2 |K_\(m)| = 2^top(\(m)) = \(computed)",
                                  expected: "log2 |K_\(m)| = \(stated)", computed: "log2 |K_\(m)| = \(computed)", at: sizesPointer.appending(d))
                }
                sum += computed
            }
            guard total == sum else {
                return .fails(summary, "the sizes add up to \(sum)", expected: "total = \(total)", computed: "total = \(sum)", at: claim.statement.pointer.appending("total"))
            }
            return .holds(summary, sizeFacts(name, coding, sum))
        } catch let error as DyadicFunctionError {
            throw ObjectStore.invalid(error, at: claim.inputs.pointer, what: "a valid readout class")
        } catch let error as KernelError {
            throw error
        } catch {
            throw .malformed(pointer: claim.pointer, expected: "a checkable claim", found: "\(error)")
        }
    }

    /// log2 |K| (an integer: readout classes have power-of-two sizes), which is also
    /// ceil(log2 |K|); the legacy name `description-bits` refers to the latter.
    static func sizeFacts(_ name: String, _ coding: Coding, _ log2Size: BigInt) -> [Fact] {
        [Fact(.log2Size, Meaning(measure: .log2Size, subject: [name], coding: coding), .exact(log2Size)),
         Fact(.descriptionBits, Meaning(measure: .sizeBits, subject: [name], coding: coding), .exact(log2Size))]
    }
}
