import CertificateKernel
import DyadicFunctions
import ExactArithmetic
import DyadicConstructions

/// `separation`: the certificate of the description-length separation (MATH.md sec.
/// 5-8): orthonormal outputs (for every sign tree, and checked for one), the separate and
/// joint description lengths at eps = 1/2 and their gap, the sign-coded network family
/// realising every F_sigma with 2^J - 1 bits (Lemma NF), the first-layer width that
/// separate networks within eps need at every eps in (0, 1) (Lemma N2e, `eps-below`
/// 1), and the network-level gaps.
public struct SeparationScenario: Scenario {
    public let levels: Int
    public let readouts: [Int]
    public let seed: UInt64

    /// Readouts m_d = 2^(J-1) + d for d < D (the top level, as in the theorem).
    public static func defaultReadouts(levels J: Int, tasks D: Int) -> [Int] {
        (0..<D).map { (1 << (J - 1)) + $0 }
    }

    public init(levels: Int, readouts: [Int], seed: UInt64) throws {
        guard (1...24).contains(levels) else { throw GeneratorError("--levels must be between 1 and 24") }
        guard !readouts.isEmpty else { throw GeneratorError("at least one readout is required") }
        for m in readouts where m < 1 || m >= 1 << levels {
            throw GeneratorError("readout \(m) is outside 1..<2^\(levels)")
        }
        guard Set(readouts).count == readouts.count else { throw GeneratorError("readouts must be distinct") }
        self.levels = levels
        self.readouts = readouts
        self.seed = seed
    }

    /// What the kernel charges the `network-realises` claim for this scenario's member
    /// N_sigma: one sweep over its pieces reading every output
    /// (``NetworkEvaluator/sweepWork(readingPerPiece:)``, computed by the same library code
    /// on the same network) and the comparison with the D task outputs packed at level J
    /// (``NetworkEvaluator/comparisonWork(_:)``: 2 D x 2^J / 64 words), as NetworkRealisesRule charges it.
    public func networkRealisesWork() throws -> Int {
        let family = try SignCodedNetworkFamily(levels: levels, readouts: try readouts.map { try WalshReadout(index: $0) })
        let evaluator = NetworkEvaluator(try family.member(signs: try SignTree.random(levels: levels, seed: seed)).network)
        // The targets: D task outputs packed at level J.
        return .saturatingSum(
            evaluator.sweepWork(readingPerPiece: readouts.count), .saturatingProduct([readouts.count, 2 * (((1 << levels) + 63) / 64)]))
    }

    public func certificate() throws -> CertificateBuilder {
        let J = levels, D = readouts.count
        let signs = try SignTree.random(levels: J, seed: seed)
        let walsh = try readouts.map { try WalshReadout(index: $0) }
        let tops = readouts.map(Bits.top)
        let allTop = tops.allSatisfy { $0 == J - 1 }
        let jointLog2 = try ReadoutCount.jointLog2(readouts: readouts, levels: J)
        let separateSizes = try readouts.map { try ReadoutCount.separateLog2(readout: $0) }
        let separateLog2 = separateSizes.reduce(BigInt.zero, +)
        let family = try SignCodedNetworkFamily(levels: J, readouts: walsh)
        let network = try family.member(signs: signs).network
        let familyBits = BigInt(family.signBits)
        // Corollary N2 / Lemma N2e for every sign tree: output d changes sign at the midpoint
        // of every level-top(m_d) cell (2^top(m_d) breakpoints, jumps of 2).
        let separateWidth = tops.reduce(BigInt.zero) { $0 + BigInt.powerOfTwo($1) }
        let jointWidth = Set(tops).reduce(BigInt.zero) { $0 + BigInt.powerOfTwo($1) }
        let eps = try Rational(1, 2)
        // The width bounds hold at every eps in (0, 1): +-1 outputs jump by 2 (Lemma N2e).
        let epsBelow = Rational.one
        let readoutText = D <= 8 ? readouts.map(String.init).joined(separator: ", ") : "\(readouts[0])..\(readouts[D - 1])"

        var b = CertificateBuilder(
            description: """
                Separation at depth J = \(J) with D = \(D) readouts (\(readoutText)): the outputs f_d = w_{m_d} o u_sigma are \
                orthonormal for every sign tree sigma (Theorem O); at accuracy eps = 1/2 separate coding needs \(separateLog2) bits \
                and joint coding \(jointLog2) bits (Lemmas S, J, B). The sign-coded network family N_sigma realises F_sigma for \
                every sigma with \(familyBits) code bits (2^J - 1, Lemma NF), against the \(separateLog2) bits of separate coding; \
                separate networks within eps of the outputs need at least \(separateWidth) first-layer units for every sigma and \
                every eps in (0, 1) (Corollary N2, Lemma N2e), the family has \(network.firstLayerWidth). \
                Per-sigma checks use the sign tree drawn from seed \(seed).
                """)
        b.signTree("sigma", levels: J, bits: signs.hex)
        b.taskOutputs("F", signs: "sigma", readouts: readouts)
        b.readoutClass("K", levels: J, readouts: readouts)
        b.signCodedNetwork("N", signs: "sigma", readouts: readouts)

        // Orthonormality, for this sigma and for all.
        b.gram(
            "orthonormal", "The D outputs of this sign tree are orthonormal: the exact Gram matrix is the identity.", functions: ["F"],
            .identity)
        b.orthonormalForAllSigns(
            "orthonormal-for-all",
            "Theorem O: with balanced amplitudes and distinct readouts below 2^J the outputs are orthonormal for all 2^(2^J - 1) sign trees.",
            levels: J, readouts: readouts)

        // Description lengths of the class at eps = 1/2.
        b.readoutCount(
            "joint-size", "Lemma J (span recursion over GF(2)): log2 |K_M| = \(jointLog2).", class: "K", coding: .joint,
            log2Size: jointLog2)
        b.readoutCount(
            "separate-sizes", "Lemma S: log2 |K_m| = 2^top(m) for each readout; \(separateLog2) in all.", class: "K", coding: .separate,
            log2Sizes: separateSizes, total: separateLog2)
        b.binaryClass(
            "joint-bits", "Lemma B: the outputs are +-1 valued, so at eps = 1/2 the joint description length is log2 |K_M|.",
            uses: ["joint-size"], class: "K", eps: eps, coding: .joint, bits: jointLog2)
        b.binaryClass(
            "separate-bits", "Lemma B per task: the separate description length at eps = 1/2 is the sum of log2 |K_m_d|.",
            uses: ["separate-sizes"], class: "K", eps: eps, coding: .separate, bits: separateLog2)
        let separateTerm = Term(
            "separate-bits", .bits, 1, meaning: Meaning(measure: .descriptionBits, subject: ["K"], eps: eps, coding: .separate))
        b.bits(
            "gap", "Joint coding saves \(separateLog2 - jointLog2) bits.", uses: ["separate-bits", "joint-bits"],
            terms: [
                separateTerm,
                Term("joint-bits", .bits, -1, meaning: Meaning(measure: .descriptionBits, subject: ["K"], eps: eps, coding: .joint)),
            ], .equal, Rational(separateLog2 - jointLog2))
        let ratio = try Rational(numerator: separateLog2, denominator: jointLog2)
        b.bits(
            "ratio", "Separate coding needs \(ratio) = \(ratio.decimalText(fractionDigits: 3)) times the bits of joint coding.",
            uses: ["separate-bits", "joint-bits"], terms: [Term("separate-bits", .bits, 1), Term("joint-bits", .bits, -ratio)], .equal,
            .zero)
        if allTop && D >= 2 {
            let half = try Rational(D, 2)
            b.bits(
                "ratio-exceeds-half-D", "The separation theorem's gap factor: separate > (D/2) * joint, here D/2 = \(half).",
                uses: ["separate-bits", "joint-bits"], terms: [Term("separate-bits", .bits, 1), Term("joint-bits", .bits, -half)],
                .greater, .zero)
        }

        // The sign-coded network family: every F_sigma with 2^J - 1 bits.
        b.networkRealisesForAllSigns(
            "family",
            """
            Lemma NF: for every sign tree sigma the member N_sigma (trunk of 2^J - 1 threshold units, a Haar layer, \
            u = 1/2 + sum sigma(j,k) g(j,k) with sign-coded weights, digit and parity layers) computes F_sigma; only the \
            2^J - 1 signs vary, so the family describes every element of K_M in \(familyBits) bits.
            """,
            network: "N", class: "K", outputs: D, bits: familyBits)
        b.networkRealises(
            "network-realises", "This sigma's member N_sigma computes every output exactly, checked piece by piece (Lemma N1).",
            network: "N", functions: ["F"], outputs: D)
        b.networkBits(
            "network-size",
            "The member's parameters: 2^J - 1 sign-coded weights of u (1 bit each); every other parameter is derived from J and the readouts.",
            network: "N", bits: familyBits, units: network.unitCount, hiddenUnits: network.hiddenUnitCount,
            parameters: network.parameterCount, firstLayerUnits: network.firstLayerWidth, layers: network.layerCount)
        b.networkWidthLower(
            "separate-width",
            """
            For every sign tree, output d changes sign (a jump of 2) at the midpoint of every level-top(m_d) cell, so D separate \
            networks within eps of the outputs need at least sum_d 2^top(m_d) = \(separateWidth) first-layer units, at every eps \
            in (0, 1): a jump of 2 exceeds 2 eps for every eps < 1 (Lemma N2e).
            """,
            mode: .separate, class: "K", epsBelow: epsBelow, firstLayerUnitsAtLeast: separateWidth)
        b.networkWidthLower(
            "joint-width",
            "One network within eps of all outputs, at any eps in (0, 1), needs a first-layer unit at every such midpoint: \(jointWidth) (Lemma N2e, joint mode).",
            mode: .joint, class: "K", epsBelow: epsBelow, firstLayerUnitsAtLeast: jointWidth)

        // The network-level gap, each term with its meaning.
        let familyTerm = Term("family", .bits, -1, meaning: Meaning(measure: .realisingNetworkBits, subject: ["K"], coding: .joint))
        b.bits(
            "network-bits-gap",
            "The network family describes the class in \(separateLog2 - familyBits) fewer bits than separate coding needs at eps = 1/2.",
            uses: ["separate-bits", "family"], terms: [separateTerm, familyTerm], .greaterOrEqual, Rational(separateLog2 - familyBits))
        let widthGap = separateWidth - BigInt(network.firstLayerWidth)
        b.bits(
            "network-width-gap",
            "Separate networks within any eps in (0, 1) need at least \(widthGap) more first-layer units than the family's \(network.firstLayerWidth).",
            uses: ["separate-width", "family"],
            terms: [
                Term(
                    "separate-width", .firstLayerUnits, 1,
                    meaning: Meaning(measure: .realisingFirstLayerUnits, subject: ["K"], epsBelow: epsBelow, coding: .separate)),
                Term("family", .firstLayerUnits, -1, meaning: Meaning(measure: .firstLayerUnits, subject: ["N"])),
            ], .greaterOrEqual, Rational(widthGap))
        return b
    }
}
