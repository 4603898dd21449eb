import DyadicFunctions
import ExactArithmetic

/// `network-width-lower`: any Heaviside network realising given step functions has at
/// least n first-layer units (Corollary N2).
///
/// Inputs: `mode` ("separate": one network per function, so the canonical breakpoint
/// counts add up; "joint": one network for all, so the union of breakpoints counts) and
/// either `functions` (the kernel counts canonical breakpoints) or `class` (a
/// readout-class whose readouts all have top(m_d) = J-1: every output changes sign
/// inside every level-(J-1) cell for every sign tree, giving D 2^(J-1) separately and
/// 2^(J-1) jointly). Statement: `first-layer-units-at-least`. Establishes
/// `first-layer-units` >= the stated value.
enum NetworkWidthLowerRule: Rule {
    static let declaration = RuleDeclaration(
        name: .networkWidthLower, lemma: "Lemma N1 and Corollary N2 (MATH.md sec. 8)",
        inputs: ["mode", "class", "functions"], statement: ["first-layer-units-at-least"])

    static func check(_ claim: CertificateDocument.ClaimEntry, _ context: CheckContext) throws(KernelError) -> RuleResult {
        let usesClass = claim.inputs.has("class")
        try claim.inputs.allowOnly(usesClass ? ["mode", "class"] : ["mode", "functions"])
        try claim.statement.allowOnly(declaration.statement)
        let mode: Coding = try claim.inputs.word("mode")
        let stated = try claim.statement.bigInteger("first-layer-units-at-least")
        let bound: BigInt
        let subject: String
        let subjectNames: [String]
        if usesClass {
            let (name, k) = try ClassInputs.functionClass(claim.inputs, context)
            guard case .readout(let J, let readouts) = k else {
                throw .malformed(pointer: claim.inputs.pointer.appending("class"), expected: "a reference to a readout-class", found: "another kind of class")
            }
            subject = "every element of \(name)"
            subjectNames = [name]
            if let d = readouts.firstIndex(where: { Int.bitWidth - 1 - $0.leadingZeroBitCount != J - 1 }) {
                return .fails("\(mode) networks realising \(subject) need >= \(stated) first-layer units",
                              "readout \(d) is \(readouts[d]), whose top bit is not J-1 = \(J - 1); the class form of Corollary N2 needs top(m_d) = J-1",
                              at: claim.inputs.pointer.appending("class"))
            }
            let perFunction = BigInt.powerOfTwo(J - 1)
            bound = mode == .separate ? perFunction * BigInt(readouts.count) : perFunction
        } else {
            let references = try claim.inputs.array("functions", what: "an array of function names")
            let targets = try context.objects.functions(references, at: claim.inputs.pointer.appending("functions"))
            subjectNames = try references.enumerated().map { (i, value) throws(KernelError) in try Fields.identifier(value, at: claim.inputs.pointer.appending("functions").appending(i)) }
            subject = "\(targets.count) functions"
            if mode == .separate {
                bound = BigInt(targets.reduce(0) { $0 + $1.breakpointCount })
            } else {
                bound = BigInt(Set(targets.flatMap { $0.stepFunction.interiorBreakpoints }).count)
            }
        }
        let summary = "\(mode) networks realising \(subject) need >= \(stated) first-layer units"
        guard stated <= bound else {
            return .fails(summary, "Corollary N2 gives at least \(bound) first-layer units, not \(stated)",
                          expected: "first-layer-units-at-least <= \(bound)", computed: "breakpoints: \(bound)",
                          at: claim.statement.pointer.appending("first-layer-units-at-least"))
        }
        return .holds(summary, [Fact(.firstLayerUnits, Meaning(measure: .realisingFirstLayerUnits, subject: subjectNames, coding: mode), .atLeast(Rational(stated)))])
    }
}
