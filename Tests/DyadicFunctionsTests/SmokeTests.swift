import Testing
import ExactArithmetic
@testable import DyadicFunctions
import TestSupport

@Test func jointNetworkSmoke() throws {
    for J in 1...6 {
        let signs = try SignTree.random(levels: J, seed: UInt64(J))
        let readouts = try (1..<(1 << J)).prefix(5).map { try WalshReadout(index: $0) }
        let coded = try NetworkBuilder.joint(signs: signs, readouts: readouts)
        let realised = coded.network.realisedFunctions()
        let feature = RademacherHaarFeature.balanced(signs: signs)
        for (d, r) in readouts.enumerated() {
            let expected = try TaskOutput.byDefinition(feature: feature, readout: r)
            #expect(realised[d] == expected, "J=\(J) m=\(r.index)")
            #expect(try TaskOutput.byClosedForm(signs: signs, readout: r) == expected)
        }
    }
}

@Test func lemmaJTable() throws {
    #expect(try ReadoutCount.jointLog2(readouts: [4, 5], levels: 3) == 5)
    #expect(try ReadoutCount.jointLog2(readouts: [4, 5, 6, 7], levels: 3) == 7)
    #expect(try ReadoutCount.jointLog2(readouts: [5, 6], levels: 3) == 6)
    #expect(try ReadoutCount.jointLog2(readouts: [3, 5, 6], levels: 3) == 6)
    #expect(try ReadoutCount.jointLog2(readouts: [1, 2, 4], levels: 3) == 7)
    #expect(try ReadoutCount.separateLog2(readouts: [3, 5, 6]) == 10)
}
