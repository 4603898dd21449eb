import DyadicFunctions
import ExactArithmetic

/// `network-realises-for-all-signs`: Lemma NF. For EVERY sign tree sigma of depth J the
/// member N_sigma of the sign-coded family computes F_sigma = (w_{m_d} o u_sigma)_d, so
/// the family describes every element of the readout class K_M with its sign-coded
/// parameters alone: 2^J - 1 bits (MATH.md sec. 8).
///
/// Inputs: `network` (a `sign-coded-network`: one member, built by the kernel's recipe)
/// and `class` (the readout-class K_M). Statement: `outputs` (D) and `bits` (the
/// family's code bits). The kernel checks the side conditions of Lemma NF: the network
/// is the kernel's recipe member (so its amplitudes are balanced and everything but the
/// signs is derived from J and the readouts), the class has the family's depth and the
/// same readouts in the same order, distinct and in 1..<2^J, and every parameter that
/// is not derived has the code `sign` (only the signs vary); it sums those codes. The
/// universal statement is sound by Lemmas R and NF, brute-forced over all sign trees
/// for J <= 4 in the test suite. Establishes `bits` (<= the family's code bits: an upper
/// bound on the joint description length realised by networks), `log2-size` of K_M
/// (<= 2^J - 1: K_M is the image of the sign trees) and the family's `first-layer-units`
/// (the same for every member).
enum NetworkRealisesForAllSignsRule: TypedRule {
    static let declaration = RuleDeclaration(
        name: .networkRealisesForAllSigns, lemma: "Lemma R and Lemma NF (MATH.md sec. 5, 8)",
        inputs: ["network", "class"], statement: ["outputs", "bits"])

    struct Claim {
        /// The network (a member N_sigma, if the claim is true) and its name.
        let network: Located<KernelNetwork>
        let networkName: String
        /// K_M: its name, depth J and readouts m_1, ..., m_D.
        let className: String
        let levels: Int
        let readouts: [Int]
        let classPointer: JSONPointer
        let outputs: Located<Int>
        let bits: Located<BigInt>
    }

    static func decode(_ claim: CertificateDocument.ClaimEntry, _ context: CheckContext) throws(KernelError) -> Claim {
        let networkName = try claim.inputs.identifier("network")
        let net = try claim.inputs.located("network", context.objects.network)
        let (className, (J, readouts)) = try ClassInputs.readoutClass(claim.inputs, context)
        return Claim(
            network: net, networkName: networkName, className: className, levels: J, readouts: readouts,
            classPointer: claim.inputs.pointer.appending("class"),
            outputs: try claim.statement.located("outputs", claim.statement.integer(in: 0...Int(Int32.max))),
            bits: try claim.statement.located("bits", claim.statement.bigInteger))
    }

    static func check(_ claim: Claim, _ context: CheckContext) throws(KernelError) -> RuleResult {
        let (net, networkName, J, readouts, classPointer, stated) = (
            claim.network.value, claim.networkName, claim.levels, claim.readouts, claim.classPointer, claim.bits.value
        )
        let summary =
            "for all sign trees of depth \(J): \(networkName)'s family computes F_sigma for readouts \(abbreviate(readouts)) with \(stated) code bits"
        guard let family = net.signCodedFamily, net.recipe == "sign-coded-network" else {
            return .fails(
                summary,
                "\(networkName) is not a member of the sign-coded family (an object of kind sign-coded-network, built by the kernel)",
                at: claim.network.pointer)
        }
        if let failure = classMismatch(family, levels: J, readouts: readouts, summary, at: classPointer) { return failure }
        guard claim.outputs.value == readouts.count, net.network.outputCount == readouts.count else {
            return .fails(
                summary, "the family has \(net.network.outputCount) outputs, one per readout", expected: "outputs = \(claim.outputs.value)",
                computed: "\(net.network.outputCount) outputs", at: claim.outputs.pointer)
        }
        guard let signs = signCodedParameters(net) else { return firstVaryingParameter(net, summary, at: claim.network.pointer) }
        let total = BigInt(signs)
        guard total == BigInt.powerOfTwo(J) - 1 else {
            return .fails(
                summary, "the family has \(total) sign-coded parameters, not one per node of the sign tree (2^J - 1)",
                at: claim.network.pointer)
        }
        guard stated == total else {
            return .fails(
                summary, "the family's sign codes add up to \(total) bits (2^J - 1)", expected: "bits = \(stated)",
                computed: "bits = \(total)", at: claim.bits.pointer)
        }
        let className = claim.className
        return .holds(
            summary,
            [
                Fact(.bits, Meaning(measure: .realisingNetworkBits, subject: [className], coding: .joint), .atMost(Rational(total))),
                // K_M is the image of the 2^(2^J - 1) sign trees.
                Fact(.log2Size, Meaning(measure: .log2Size, subject: [className], coding: .joint), .atMost(Rational(total))),
                Fact(.firstLayerUnits, Meaning(measure: .firstLayerUnits, subject: [networkName]), .exact(net.network.firstLayerWidth)),
            ])
    }

    /// Lemma NF's side conditions on the class: the family's depth and readouts, distinct
    /// and in 1..<2^J. nil when they hold.
    static func classMismatch(
        _ family: SignCodedFamilyParameters, levels J: Int, readouts: [Int], _ summary: String, at classPointer: JSONPointer
    ) -> RuleResult? {
        guard family.levels == J else {
            return .fails(
                summary, "the class has depth \(J), the family depth \(family.levels)", expected: "levels = \(family.levels)",
                computed: "levels = \(J)", at: classPointer)
        }
        guard family.readouts == readouts else {
            let d =
                (0..<min(family.readouts.count, readouts.count)).first { family.readouts[$0] != readouts[$0] }
                ?? min(family.readouts.count, readouts.count)
            return .fails(
                summary,
                "the class's readouts \(abbreviate(readouts)) are not the family's \(abbreviate(family.readouts)) (they differ at readout \(d))",
                expected: "readouts \(abbreviate(family.readouts))", computed: "readouts \(abbreviate(readouts))", at: classPointer)
        }
        var seen = Set<Int>()
        for (d, m) in readouts.enumerated() {
            guard m >= 1 && m < 1 << J, seen.insert(m).inserted else {
                return .fails(summary, "readout \(d) is \(m): Lemma NF needs distinct readouts in 1..<2^\(J)", at: classPointer)
            }
        }
        return nil
    }

    /// The number of sign-coded parameters, or nil when a parameter that is not derived
    /// is not sign-coded or is not +-1. Only the sign-coded parameters vary with sigma;
    /// every other one is derived. Over runs of equal codes: derived runs need no look at
    /// their values; a problem is located in unit order by `firstVaryingParameter`.
    static func signCodedParameters(_ net: KernelNetwork) -> Int? {
        var signs = 0
        let varying = net.allRuns { slot, range, value in
            let code = net.codes.palette[slot]
            if case .derived? = code { return true }
            guard case .sign? = code, range.allSatisfy({ ParameterCode.sign.admits(value($0)) }) else { return false }
            signs += range.count
            return true
        }
        return varying ? signs : nil
    }

    /// The failure naming the first parameter, in unit order, that is neither derived nor
    /// a sign-coded +-1.
    static func firstVaryingParameter(_ net: KernelNetwork, _ summary: String, at networkPointer: JSONPointer) -> RuleResult {
        let found = net.firstParameter { code, value in
            if case .derived? = code { return false }
            guard case .sign? = code else { return true }
            return !ParameterCode.sign.admits(value)
        }
        guard let (code, value, layer, unit, _) = found else {
            return .fails(summary, "a parameter that is not derived is not sign-coded", at: networkPointer)
        }
        return .fails(
            summary,
            "a parameter of layer \(layer) unit \(unit) is \(value) with code \(code.map { "\($0)" } ?? "none"): only sign-coded parameters may vary in the family",
            at: networkPointer)
    }
}
