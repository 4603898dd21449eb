import Testing
import TestSupport
@testable import DyadicFunctions

/// The bit-plane packing of several outputs at once equals the definition
/// f(c) = (-1)^popcount(m & reverse_J(m(c))) cell by cell, and the one-readout path.
@Suite struct TaskOutputPlanesTests {
    @Test("bit planes: every cell against the definition", arguments: 0..<30)
    func planesAgainstDefinition(seed: UInt64) throws {
        var rng = SplitMix64(seed: 77 + seed)
        let J = Int.random(in: 1...10, using: &rng)
        let indices = (0..<(1 << J)).map { _ in Int.random(in: 0..<(1 << J), using: &rng) }
        let readouts = try (0..<Int.random(in: 1...6, using: &rng)).map { _ in
            try WalshReadout(index: Int.random(in: 1..<(1 << J), using: &rng))
        }
        let outputs = try TaskOutput.packed(midpointIndices: indices, level: J, readouts: readouts)
        #expect(outputs.count == readouts.count)
        for (d, readout) in readouts.enumerated() {
            let reversed = Bits.reverse(readout.index, width: J)
            for c in 0..<(1 << J) {
                #expect(
                    outputs[d].isNegative(cell: c) == ((reversed & indices[c]).nonzeroBitCount % 2 == 1),
                    "J \(J) m \(readout.index) cell \(c)")
            }
            #expect(outputs[d] == (try TaskOutput.packed(midpointIndices: indices, level: J, readout: readout)))
        }
    }

    /// The planes built from the sign tree (a word at a time) against Lemma R's closed
    /// form written in the tests (LemmaRef): every tree for J <= 3, random trees up to
    /// J = 12 (so words of 64 cells with 1 to 32 level-j nodes each, and J < 6 where one
    /// word holds all cells), every readout for J <= 6.
    @Test("bit planes from the sign tree: every cell against LemmaRef", arguments: 1...12)
    func planesFromSignTree(J: Int) throws {
        var rng = SplitMix64(seed: 900 + UInt64(J))
        let trees = J <= 3 ? Array(0..<(1 << ((1 << J) - 1))) : (0..<6).map { _ in -1 }
        for number in trees {
            let sigma =
                number >= 0
                ? LemmaRef.signs(levels: J, number: number)
                : (0..<J).map { j in (0..<(1 << j)).map { _ in Bool.random(using: &rng) ? 1 : -1 } }
            let indices = LemmaRef.midpointIndices(sigma)
            let ms = J <= 6 ? Array(1..<(1 << J)) : (0..<24).map { _ in Int.random(in: 1..<(1 << J), using: &rng) }
            let outputs = try TaskOutput.packedOutputs(signs: try LemmaRef.tree(sigma), readouts: ms.map { try WalshReadout(index: $0) })
            for (d, m) in ms.enumerated() {
                for c in 0..<(1 << J)
                where outputs[d].isNegative(cell: c) != (LemmaRef.walshOfMidpoint(m, index: indices[c], level: J) == -1) {
                    Issue.record("J \(J) tree \(sigma) m \(m) cell \(c)")
                    return
                }
            }
        }
    }

    @Test("bit planes: wrong sizes and readouts are errors")
    func planesErrors() throws {
        #expect(throws: DyadicFunctionError.self) { try TaskOutput.packed(midpointIndices: [0, 1, 2], level: 2, readouts: []) }
        #expect(throws: DyadicFunctionError.self) {
            try TaskOutput.packed(midpointIndices: [0, 1, 2, 3], level: 2, readouts: [try WalshReadout(index: 4)])
        }
        #expect(throws: DyadicFunctionError.self) {
            try TaskOutput.packedOutputs(signs: try SignTree(levels: 2, number: 5), readouts: [try WalshReadout(index: 4)])
        }
    }
}
