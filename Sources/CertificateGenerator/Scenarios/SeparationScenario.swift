import CertificateKernel
import DyadicFunctions
import ExactArithmetic
import DyadicConstructions

/// `separation`: the certificate of the description-length separation for one sign
/// tree (MATH.md sec. 5-8): orthonormal outputs (for this sigma and for all), the
/// separate and joint description lengths and their gap, the joint Heaviside network
/// that realises F_sigma with its size and description length, and the first-layer
/// width that separate networks need.
public struct SeparationScenario {
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

    public func certificate() throws -> CertificateBuilder {
        let J = levels, D = readouts.count
        let signs = try SignTree.random(levels: J, seed: seed)
        let walsh = try readouts.map { try WalshReadout(index: $0) }
        let tops = readouts.map(Bits.top)
        let allTop = tops.allSatisfy { $0 == J - 1 }
        let jointLog2 = try ReadoutCount.jointLog2(readouts: readouts, levels: J)
        let separateSizes = try readouts.map { try ReadoutCount.separateLog2(readout: $0) }
        let separateLog2 = separateSizes.reduce(BigInt.zero, +)
        let coded = try NetworkBuilder.joint(signs: signs, readouts: walsh)
        let network = coded.network
        var networkBits = BigInt.zero
        for l in 0..<network.layers.count {
            for u in 0..<network.layers[l].count {
                for code in coded.weightCodes[l][u] + [coded.biasCodes[l][u]] { networkBits += code.bitLength ?? 0 }
            }
        }
        let readoutText = D <= 8 ? readouts.map(String.init).joined(separator: ", ") : "\(readouts[0])..\(readouts[D - 1])"

        var b = CertificateBuilder(description: """
            Separation at depth J = \(J) with D = \(D) readouts (\(readoutText)) for the sign tree drawn from seed \(seed): \
            the outputs f_d = w_{m_d} o u_sigma are orthonormal for this sigma and for every sigma (Theorem O); at accuracy \
            eps = 1/2 separate coding needs \(separateLog2) bits and joint coding \(jointLog2) bits (Lemmas S, J, B); a joint \
            Heaviside network with \(network.firstLayerWidth) first-layer units realises F_sigma, while separate networks \
            need at least \(allTop ? BigInt(D) * BigInt.powerOfTwo(J - 1) : BigInt(0)) first-layer units (Corollary N2).
            """)
        b.object("sigma", kind: "sign-tree", [("levels", V.number(J)), ("bits", .string(signs.hex))])
        b.object("F", kind: "task-outputs", [("signs", .string("sigma")), ("readouts", V.numbers(readouts))])
        b.object("K", kind: "readout-class", [("levels", V.number(J)), ("readouts", V.numbers(readouts))])
        b.object("joint-network", kind: "joint-network", [("signs", .string("sigma")), ("readouts", V.numbers(readouts))])

        b.claim("orthonormal", rule: "gram", description: "The D outputs of this sign tree are orthonormal: the exact Gram matrix is the identity.",
                inputs: [("functions", V.names(["F"]))], statement: [("matrix", .string("identity"))])
        b.claim("orthonormal-for-all", rule: "orthonormal-for-all-signs",
                description: "Theorem O: with balanced amplitudes and distinct readouts below 2^J the outputs are orthonormal for all 2^(2^J - 1) sign trees.",
                inputs: [("levels", V.number(J)), ("readouts", V.numbers(readouts))], statement: [("gram", .string("identity"))])
        b.claim("joint-size", rule: "readout-count", description: "Lemma J (span recursion over GF(2)): log2 |K_M| = \(jointLog2).",
                inputs: [("class", .string("K")), ("coding", .string("joint"))], statement: [("log2-size", V.number(jointLog2))])
        b.claim("separate-sizes", rule: "readout-count", description: "Lemma S: log2 |K_m| = 2^top(m) for each readout; \(separateLog2) in all.",
                inputs: [("class", .string("K")), ("coding", .string("separate"))],
                statement: [("log2-sizes", .array(separateSizes.map(V.number))), ("total", V.number(separateLog2))])
        b.claim("joint-bits", rule: "binary-class", description: "Lemma B: the outputs are +-1 valued, so at eps = 1/2 the joint description length is log2 |K_M|.",
                uses: ["joint-size"], inputs: [("class", .string("K")), ("eps", .string("1/2")), ("coding", .string("joint"))],
                statement: [("bits", V.number(jointLog2))])
        b.claim("separate-bits", rule: "binary-class", description: "Lemma B per task: the separate description length at eps = 1/2 is the sum of log2 |K_m_d|.",
                uses: ["separate-sizes"], inputs: [("class", .string("K")), ("eps", .string("1/2")), ("coding", .string("separate"))],
                statement: [("bits", V.number(separateLog2))])
        b.claim("gap", rule: "bits", description: "Joint coding saves \(separateLog2 - jointLog2) bits.",
                uses: ["separate-bits", "joint-bits"],
                inputs: [("terms", .array([V.term("separate-bits", "bits", 1), V.term("joint-bits", "bits", -1)]))],
                statement: [("relation", .string("=")), ("bound", V.number(separateLog2 - jointLog2))])
        let ratio = try Rational(numerator: separateLog2, denominator: jointLog2)
        b.claim("ratio", rule: "bits", description: "Separate coding needs \(ratio) = \(ratio.decimalText(fractionDigits: 3)) times the bits of joint coding.",
                uses: ["separate-bits", "joint-bits"],
                inputs: [("terms", .array([V.term("separate-bits", "bits", 1), V.term("joint-bits", "bits", -ratio)]))],
                statement: [("relation", .string("=")), ("bound", .string("0"))])
        if allTop && D >= 2 {
            let half = try Rational(D, 2)
            b.claim("ratio-exceeds-half-D", rule: "bits",
                    description: "The separation theorem's gap factor: separate > (D/2) * joint, here D/2 = \(half).",
                    uses: ["separate-bits", "joint-bits"],
                    inputs: [("terms", .array([V.term("separate-bits", "bits", 1), V.term("joint-bits", "bits", -half)]))],
                    statement: [("relation", .string(">")), ("bound", .string("0"))])
        }
        b.claim("network-realises", rule: "network-realises",
                description: "The joint network (trunk of 2^J - 1 threshold units, u = u_sigma, shared digit units, one parity head per task) computes every output exactly (Lemma N1).",
                inputs: [("network", .string("joint-network")), ("functions", V.names(["F"]))],
                statement: [("outputs", V.number(D))])
        b.claim("network-size", rule: "network-bits",
                description: "Only u's weights and bias depend on sigma (dyadic codes); every other parameter is derived from J and the readouts.",
                inputs: [("network", .string("joint-network"))],
                statement: [("bits", V.number(networkBits)), ("units", V.number(network.unitCount)), ("hidden-units", V.number(network.hiddenUnitCount)),
                            ("parameters", V.number(network.parameterCount)), ("first-layer-units", V.number(network.firstLayerWidth)),
                            ("layers", V.number(network.layerCount))])
        let separateWidth: BigInt
        if allTop {
            separateWidth = BigInt(D) * BigInt.powerOfTwo(J - 1)
            b.claim("separate-width", rule: "network-width-lower",
                    description: "Every output changes sign inside every level-(J-1) cell for every sign tree, so D separate networks need at least D 2^(J-1) first-layer units (Corollary N2).",
                    inputs: [("mode", .string("separate")), ("class", .string("K"))],
                    statement: [("first-layer-units-at-least", V.number(separateWidth))])
        } else {
            let outputs = try TaskOutput.packedOutputs(signs: signs, readouts: walsh)
            separateWidth = BigInt(outputs.reduce(0) { $0 + $1.breakpointCount })
            b.claim("separate-width", rule: "network-width-lower",
                    description: "Separate networks for these outputs need at least the sum of their breakpoint counts as first-layer units (Corollary N2).",
                    inputs: [("mode", .string("separate")), ("functions", V.names(["F"]))],
                    statement: [("first-layer-units-at-least", V.number(separateWidth))])
        }
        let widthGap = separateWidth - BigInt(network.firstLayerWidth)
        b.claim("width-gap", rule: "bits",
                description: "Separate networks need at least \(widthGap) more first-layer units than the joint network has.",
                uses: ["separate-width", "network-size"],
                inputs: [("terms", .array([V.term("separate-width", "first-layer-units", 1), V.term("network-size", "first-layer-units", -1)]))],
                statement: [("relation", .string(">=")), ("bound", V.number(widthGap))])
        return b
    }
}

