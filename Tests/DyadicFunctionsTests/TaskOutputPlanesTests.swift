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
        let readouts = try (0..<Int.random(in: 1...6, using: &rng)).map { _ in try WalshReadout(index: Int.random(in: 1..<(1 << J), using: &rng)) }
        let outputs = try TaskOutput.packed(midpointIndices: indices, level: J, readouts: readouts)
        #expect(outputs.count == readouts.count)
        for (d, readout) in readouts.enumerated() {
            let reversed = Bits.reverse(readout.index, width: J)
            for c in 0..<(1 << J) {
                #expect(outputs[d].isNegative(cell: c) == ((reversed & indices[c]).nonzeroBitCount % 2 == 1), "J \(J) m \(readout.index) cell \(c)")
            }
            #expect(outputs[d] == (try TaskOutput.packed(midpointIndices: indices, level: J, readout: readout)))
        }
    }

    @Test("bit planes: wrong sizes and readouts are errors")
    func planesErrors() throws {
        #expect(throws: DyadicFunctionError.self) { try TaskOutput.packed(midpointIndices: [0, 1, 2], level: 2, readouts: []) }
        #expect(throws: DyadicFunctionError.self) { try TaskOutput.packed(midpointIndices: [0, 1, 2, 3], level: 2, readouts: [try WalshReadout(index: 4)]) }
    }
}
