import Testing
@testable import CertificateKernel

/// `orthonormal-for-all-signs`: Theorem O for given J and readouts (Lemma R, Theorem O).
@Suite("Rule orthonormal-for-all-signs")
struct OrthonormalForAllSignsRuleTests {
    static func verify(levels: String, _ readouts: [String], gram: String = "identity") -> FileVerdict {
        RuleCertificate()
            .claim(
                "o", "orthonormal-for-all-signs", inputs: "{\"levels\":\"\(levels)\",\"readouts\":\(RT.a(readouts))}",
                statement: "{\"gram\":\"\(gram)\"}"
            )
            .verify()
    }

    /// Brute force of Theorem O: <f_d, f_e> = [d = e] for every sign tree of depth J.
    static func orthonormalForAllTrees(levels J: Int, _ readouts: [Int]) -> Bool {
        for tree in 0..<(1 << ((1 << J) - 1)) {
            let outputs = readouts.map { Brute.output(tree, levels: J, readout: $0) }
            for d in 0..<readouts.count {
                for e in 0..<readouts.count {
                    let sum = zip(outputs[d], outputs[e]).reduce(0) { $0 + $1.0 * $1.1 }
                    if sum != (d == e ? 1 << J : 0) { return false }
                }
            }
        }
        return true
    }

    @Test func allReadoutSetsUpToDepth3AcceptedAndTrue() {
        for J in 1...3 {
            let all = Array(1..<(1 << J))
            for subset in 1..<(1 << all.count) {
                let readouts = all.indices.filter { subset >> $0 & 1 == 1 }.map { all[$0] }
                if J == 3 && readouts.count > 3 && subset % 7 != 0 { continue } // a sample of the large sets at J = 3
                RT.expectVerified(Self.verify(levels: String(J), readouts.map(String.init)))
                #expect(Self.orthonormalForAllTrees(levels: J, readouts), "Theorem O fails by brute force for J=\(J), \(readouts)")
            }
        }
    }

    /// A readout m = 2^J is outside the range of the theorem, and indeed w_{2^J+1} o u =
    /// -(w_1 o u) (digit J of every midpoint is 1), so {1, 2^J + 1} is not orthonormal.
    @Test func readoutTooLargeForLevelRejected() {
        #expect(!Self.orthonormalForAllTrees(levels: 2, [1, 5]))
        RT.expectFailed(Self.verify(levels: "2", ["1", "5"]), at: "/claims/0/inputs/readouts/1", reason: ["outside 1..<2^2"])
        let f = RT.expectFailed(
            Self.verify(levels: "2", ["1", "4"]), at: "/claims/0/inputs/readouts/1", reason: ["readout 1 is 4", "outside 1..<2^2"])
        #expect(f?.computed == "m_1 = 4")
        // The same readouts at a level one too small.
        RT.expectFailed(Self.verify(levels: "2", ["4", "5", "6", "7"]), at: "/claims/0/inputs/readouts/0", reason: ["outside 1..<2^2"])
        RT.expectVerified(Self.verify(levels: "3", ["4", "5", "6", "7"]))
    }

    @Test func readoutZeroRejected() {
        RT.expectFailed(Self.verify(levels: "3", ["0", "1"]), at: "/claims/0/inputs/readouts/0", reason: ["readout 0 is 0"])
    }

    /// Equal readouts give equal outputs with inner product 1, not 0.
    @Test func duplicateReadoutsRejected() {
        #expect(!Self.orthonormalForAllTrees(levels: 2, [3, 1, 3]))
        let f = RT.expectFailed(
            Self.verify(levels: "2", ["3", "1", "3"]), at: "/claims/0/inputs/readouts/2", reason: ["readouts 0 and 2 are both 3"])
        #expect(f?.computed == "m_0 = m_2 = 3")
    }

    @Test func noReadoutsRejected() {
        RT.expectFailed(Self.verify(levels: "2", []), at: "/claims/0/inputs/readouts", reason: ["no readouts"])
    }

    @Test func malformedInputs() {
        RT.expectMalformed(Self.verify(levels: "0", ["1"]), at: "/claims/0/inputs/levels")
        RT.expectMalformed(Self.verify(levels: "2", ["-1"]), at: "/claims/0/inputs/readouts/0")
        RT.expectMalformed(Self.verify(levels: "2", ["1"], gram: "diagonal"), at: "/claims/0/statement/gram")
    }
}
