import DyadicFunctions
import ExactArithmetic
import TestSupport
import Testing

/// Lemma NF (MATH.md sec. 8): for every sign tree sigma, the member N_sigma of the
/// sign-coded family computes F_sigma exactly, and only its 2^J - 1 sign weights depend
/// on sigma. Ground truth is `LemmaRef` (closed form and Haar series written in the tests).
@Suite("Lemma NF: the sign-coded joint network family")
struct LemmaNFTests {
    /// Every readout 1..<2^J, so every digit and every parity head is exercised.
    static func allReadouts(_ J: Int) throws -> [WalshReadout] {
        try (1..<(1 << J)).map { try WalshReadout(index: $0) }
    }

    @Test("every sign tree, J <= 3: the forward pass at every cell midpoint is F_sigma", arguments: 1...3)
    func allTreesForward(J: Int) throws {
        let family = try SignCodedNetworkFamily(levels: J, readouts: try Self.allReadouts(J))
        for number in 0..<(1 << ((1 << J) - 1)) {
            let sigma = LemmaRef.signs(levels: J, number: number)
            let network = try family.member(signs: try LemmaRef.tree(sigma)).network
            for c in 0..<(1 << J) {
                let out = LemmaRef.forward(network.layers, at: LemmaRef.cellMidpoint(c, level: J))
                for m in 1..<(1 << J) {
                    #expect(
                        out[m - 1] == Rational(LemmaRef.outputSignsBySeries(sigma, readout: m)[c]), "J=\(J) tree \(number) m=\(m) cell \(c)"
                    )
                }
            }
        }
    }

    /// J = 4 has 2^15 trees. The network is checked in two parts that together cover every
    /// tree: the unit u equals (h_sigma + 1)/2 on every cell for every tree (layers 1-3,
    /// evaluated from the network's own weights), and the head (layers 4-7, which read only
    /// u and carry no sign) maps every level-4 midpoint y to w_m(y) for every m.
    @Test("every sign tree, J = 4: u = u_sigma for all 2^15 trees, and the head is w_m on every midpoint")
    func allTreesLevelFour() throws {
        let J = 4, cells = 16
        let family = try SignCodedNetworkFamily(levels: J, readouts: try Self.allReadouts(J))
        let reference = try family.member(signs: try LemmaRef.tree(LemmaRef.signs(levels: J, number: 0))).network
        // g(j,k) on each cell, from the network's trunk and Haar layers.
        let g = (0..<cells).map { c -> [Rational] in
            let trunk = reference.layers[0].map { LemmaRef.apply($0, to: [LemmaRef.cellMidpoint(c, level: J)]) }
            return reference.layers[1].map { LemmaRef.apply($0, to: trunk) }
        }
        // Scaled by 2^(J+2) every g is an integer (checked), so u runs in integers.
        let scale = Rational(1 << (J + 2))
        let scaledG = g.map {
            $0.map { v -> Int in
                let s = v * scale
                precondition(s.isInteger, "g is not a multiple of 2^-(J+2)")
                return Int(s.numerator.description) ?? 0
            }
        }
        for number in 0..<(1 << ((1 << J) - 1)) {
            let sigma = LemmaRef.signs(levels: J, number: number)
            let unit = try family.member(signs: try LemmaRef.tree(sigma)).network.layers[2][0]
            let weights = unit.weights.map { Int($0.numerator.description) ?? 0 }
            let expected = LemmaRef.midpointIndices(sigma) // u = (2i+1)/2^(J+1)
            for c in 0..<cells {
                var t = 0
                for (k, i) in unit.inputs.enumerated() { t += weights[k] * scaledG[c][i] }
                // 2^(J+2) u = 2^(J+1) + t must equal 2 (2i + 1).
                #expect(
                    unit.bias == Rational(1) / Rational(2) && (1 << (J + 1)) + t == 2 * (2 * expected[c] + 1),
                    "tree \(number) cell \(c)")
            }
        }
        // The head on every midpoint: replace layers 1-3 by u itself.
        let head = Array(reference.layers[3...])
        for i in 0..<cells {
            let y = LemmaRef.cellMidpoint(i, level: J)
            let out = LemmaRef.forward(head, at: y)
            for m in 1..<cells { #expect(out[m - 1] == Rational(LemmaRef.walsh(m, at: y)), "m=\(m) midpoint \(i)") }
        }
    }

    @Test("the family's member equals the dyadic-coded joint network on random trees", arguments: [2, 3, 5, 6, 8, 10])
    func agreesWithJointNetwork(J: Int) throws {
        var g = SplitMix64(seed: 0x4E46_0000 + UInt64(J))
        for _ in 0..<3 {
            let sigma = LemmaRef.randomSigns(levels: J, using: &g)
            let D = LemmaRef.randomInt(1...min(8, (1 << J) - 1), using: &g)
            let ms = LemmaRef.randomSubset(of: Array(1..<(1 << J)), size: D, using: &g)
            let readouts = try ms.map { try WalshReadout(index: $0) }
            let tree = try LemmaRef.tree(sigma)
            let member = try SignCodedNetworkFamily(levels: J, readouts: readouts).member(signs: tree).network
            let joint = try NetworkBuilder.joint(signs: tree, readouts: readouts).network
            let realised = member.realisedFunctions()
            #expect(realised == joint.realisedFunctions(), "J=\(J) readouts \(ms)")
            for (d, m) in ms.enumerated() {
                #expect(LemmaRef.matches(realised[d], signs: LemmaRef.outputSigns(sigma, readout: m)), "J=\(J) m=\(m)")
            }
        }
    }

    @Test("only the 2^J - 1 sign weights carry bits; every parameter fits its code", arguments: 1...7)
    func codes(J: Int) throws {
        var g = SplitMix64(seed: 0x4E46_C0DE + UInt64(J))
        let sigma = LemmaRef.randomSigns(levels: J, using: &g)
        let ms = LemmaRef.randomSubset(of: Array(1..<(1 << J)), size: min(3, (1 << J) - 1), using: &g)
        let family = try SignCodedNetworkFamily(levels: J, readouts: try ms.map { try WalshReadout(index: $0) })
        let coded = try family.member(signs: try LemmaRef.tree(sigma))
        var bits = BigInt(0)
        for (l, layer) in coded.network.layers.enumerated() {
            for (u, unit) in layer.enumerated() {
                #expect(coded.biasCodes[l][u].admits(unit.bias))
                bits += coded.biasCodes[l][u].bitLength ?? -1_000_000
                for (k, w) in unit.weights.enumerated() {
                    #expect(coded.weightCodes[l][u][k].admits(w), "layer \(l) unit \(u) weight \(k)")
                    bits += coded.weightCodes[l][u][k].bitLength ?? -1_000_000
                    #expect((coded.weightCodes[l][u][k] == .sign) == (l == 2))
                }
            }
        }
        #expect(bits == BigInt((1 << J) - 1) && family.signBits == (1 << J) - 1)
        // The sign weights are sigma in level-major order.
        #expect(coded.network.layers[2][0].weights == sigma.flatMap { $0.map { Rational($0) } })
        // Trunk and Haar layer: 2^J - 1 units each; first-layer width 2^J - 1.
        #expect(coded.network.firstLayerWidth == (1 << J) - 1 && coded.network.layers[1].count == (1 << J) - 1)
    }

    @Test("the family rejects bad parameters")
    func rejects() throws {
        #expect(throws: DyadicFunctionError.self) { try SignCodedNetworkFamily(levels: 3, readouts: []) }
        #expect(throws: DyadicFunctionError.self) { try SignCodedNetworkFamily(levels: 3, readouts: [try WalshReadout(index: 8)]) }
        #expect(throws: DyadicFunctionError.self) {
            try SignCodedNetworkFamily(levels: 3, readouts: [try WalshReadout(index: 5), try WalshReadout(index: 5)])
        }
        #expect(throws: DyadicFunctionError.self) { try SignCodedNetworkFamily(levels: 0, readouts: [try WalshReadout(index: 1)]) }
        let family = try SignCodedNetworkFamily(levels: 3, readouts: [try WalshReadout(index: 5)])
        #expect(throws: DyadicFunctionError.self) { try family.member(signs: try SignTree(levels: 2) { _, _ in 1 }) }
    }
}
