import Testing
@testable import CertificateKernel

/// `network-realises-for-all-signs`: Lemma NF through the kernel. Ground truth: the task
/// outputs computed by brute force from the definitions (Brute.output), the count of sign
/// tree nodes 2^J - 1, and the network evaluated by `network-realises` for every sign
/// tree of small depth.
@Suite("Rule network-realises-for-all-signs")
struct NetworkRealisesForAllSignsRuleTests {
    static func family(levels J: Int, tree: Int = 0, _ readouts: [Int], classReadouts: [Int]? = nil, classLevels: Int? = nil)
        -> RuleCertificate
    {
        RuleCertificate()
            .object("sigma", RT.signTree(levels: J, number: tree))
            .object("N", RT.o([("kind", RT.s("sign-coded-network")), ("signs", RT.s("sigma")), ("readouts", RT.ints(readouts))]))
            .object("K", RT.readoutClass(levels: classLevels ?? J, classReadouts ?? readouts))
    }

    static func claim(_ base: RuleCertificate, outputs: Int, bits: String, network: String = "N") -> RuleCertificate {
        base.claim(
            "all", "network-realises-for-all-signs", inputs: "{\"network\":\"\(network)\",\"class\":\"K\"}",
            statement: "{\"outputs\":\"\(outputs)\",\"bits\":\"\(bits)\"}")
    }

    static let cases: [(Int, [Int])] = [(1, [1]), (2, [2, 3]), (3, [4, 5, 6, 7]), (3, [3, 5, 6]), (3, [1, 2, 4])]

    @Test func familyAccepted() {
        for (J, readouts) in Self.cases {
            let bits = (1 << J) - 1
            let v = Self.claim(Self.family(levels: J, readouts), outputs: readouts.count, bits: String(bits))
                .claim(
                    "size", "network-bits", inputs: #"{"network":"N"}"#,
                    statement: "{\"bits\":\"\(bits)\",\"first-layer-units\":\"\(bits)\"}"
                )
                .verify()
            RT.expectVerified(v)
        }
    }

    /// Every member N_sigma computes the brute-force outputs, for every sign tree of depth
    /// <= 3 (Lemma NF, checked piece by piece by `network-realises`).
    @Test func everyMemberRealisesTheBruteForceOutputs() {
        for (J, readouts) in Self.cases where J <= 3 {
            for tree in 0..<(1 << ((1 << J) - 1)) {
                var base = Self.family(levels: J, tree: tree, readouts)
                for (d, m) in readouts.enumerated() {
                    let cells = Brute.output(tree, levels: J, readout: m)
                    base = base.object("f\(d)", RT.signFunction(level: J, negativeCells: Set(cells.indices.filter { cells[$0] == -1 })))
                }
                let names = readouts.indices.map { "f\($0)" }
                let v = base.claim(
                    "r", "network-realises", inputs: "{\"network\":\"N\",\"functions\":\(RT.a(names))}",
                    statement: "{\"outputs\":\"\(readouts.count)\"}"
                ).verify()
                RT.expectVerified(v)
                // One output's sign flipped on one cell: rejected.
                let cells = Brute.output(tree, levels: J, readout: readouts[0])
                let flipped = Set(cells.indices.filter { (cells[$0] == -1) != ($0 == 0) })
                let bad = base.object("g", RT.signFunction(level: J, negativeCells: flipped))
                    .claim(
                        "r", "network-realises", inputs: "{\"network\":\"N\",\"functions\":\(RT.a(["g"] + names.dropFirst()))}",
                        statement: "{\"outputs\":\"\(readouts.count)\"}"
                    ).verify()
                RT.expectFailed(bad, at: "/claims/0/inputs/functions/0")
            }
        }
    }

    @Test func bitsOffByOneRejected() {
        for (J, readouts) in Self.cases {
            let bits = (1 << J) - 1
            for wrong in [bits - 1, bits + 1] {
                let f = RT.expectFailed(
                    Self.claim(Self.family(levels: J, readouts), outputs: readouts.count, bits: String(wrong)).verify(),
                    at: "/claims/0/statement/bits", reason: ["add up to \(bits) bits"])
                #expect(f?.computed == "bits = \(bits)")
            }
            RT.expectFailed(
                Self.claim(Self.family(levels: J, readouts), outputs: readouts.count + 1, bits: String(bits)).verify(),
                at: "/claims/0/statement/outputs")
        }
    }

    /// The class must be the family's: same depth, same readouts in the same order.
    @Test func classWithOtherReadoutsRejected() {
        let at = "/claims/0/inputs/class"
        RT.expectFailed(
            Self.claim(Self.family(levels: 3, [4, 5, 7], classReadouts: [4, 5, 6]), outputs: 3, bits: "7").verify(), at: at,
            reason: ["differ at readout 2"])
        RT.expectFailed(
            Self.claim(Self.family(levels: 3, [4, 5, 6], classReadouts: [4, 6, 5]), outputs: 3, bits: "7").verify(), at: at,
            reason: ["differ at readout 1"])
        RT.expectFailed(Self.claim(Self.family(levels: 3, [4, 5, 6], classReadouts: [4, 5]), outputs: 3, bits: "7").verify(), at: at)
        RT.expectFailed(Self.claim(Self.family(levels: 3, [4, 5], classReadouts: [4, 5, 6]), outputs: 2, bits: "7").verify(), at: at)
        // The same readouts one level deeper: a different class (2^4 - 1 = 15 signs).
        RT.expectFailed(
            Self.claim(Self.family(levels: 3, [4, 5], classLevels: 4), outputs: 2, bits: "7").verify(), at: at, reason: ["depth 4"])
        let haar = RuleCertificate().object("sigma", RT.signTree(levels: 2, number: 1))
            .object("N", #"{"kind":"sign-coded-network","signs":"sigma","readouts":["2","3"]}"#).object("K", RT.haarClass(levels: 2))
        RT.expectMalformed(Self.claim(haar, outputs: 2, bits: "3").verify(), at: at)
    }

    /// A readout >= 2^J or a repeated readout cannot even be built (exit 2, located).
    @Test func invalidReadoutsAreMalformed() {
        RT.expectMalformed(
            Self.claim(Self.family(levels: 3, [4, 8], classReadouts: [4, 5]), outputs: 2, bits: "7").verify(), at: "/objects/N/readouts/1")
        RT.expectMalformed(
            Self.claim(Self.family(levels: 3, [4, 5], classReadouts: [4, 8]), outputs: 2, bits: "7").verify(), at: "/objects/K/readouts/1")
        RT.expectMalformed(
            Self.claim(Self.family(levels: 3, [5, 5], classReadouts: [4, 5]), outputs: 2, bits: "7").verify(), at: "/objects/N/readouts/1")
        RT.expectMalformed(
            Self.claim(Self.family(levels: 3, [4, 5], classReadouts: [5, 5]), outputs: 2, bits: "7").verify(), at: "/objects/K/readouts/1")
        RT.expectMalformed(Self.claim(Self.family(levels: 3, [0, 5]), outputs: 2, bits: "7").verify(), at: "/objects/N/readouts/0")
    }

    /// Only the kernel's family member qualifies: the dyadic-coded joint network realises
    /// F_sigma too, but its u weights depend on sigma through 2^J - 1 dyadic codes.
    @Test func otherNetworksRejected() {
        let base = Self.family(levels: 2, [2, 3]).object("J", #"{"kind":"joint-network","signs":"sigma","readouts":["2","3"]}"#)
            .object(
                "E",
                RT.network([
                    RT.layer([
                        RT.unit("heaviside", inputs: [0], weights: ["1"], bias: "-1/2", weightCodes: ["sign"], biasCode: "dyadic[1,1]")
                    ]),
                    RT.layer([
                        RT.unit("linear", inputs: [0], weights: ["-2"], bias: "1", weightCodes: ["int[-2,2]"], biasCode: "sign"),
                        RT.unit("linear", inputs: [0], weights: ["2"], bias: "-1", weightCodes: ["int[-2,2]"], biasCode: "sign"),
                    ]),
                ]))
        RT.expectFailed(
            Self.claim(base, outputs: 2, bits: "3", network: "J").verify(), at: "/claims/0/inputs/network",
            reason: ["not a member of the sign-coded family"])
        RT.expectFailed(
            Self.claim(base, outputs: 2, bits: "3", network: "E").verify(), at: "/claims/0/inputs/network", reason: ["not a member"])
    }

    /// The fact is an upper bound on the joint description length realised by networks,
    /// with its meaning: a `bits` claim can hold it against the separate size.
    @Test func factMeaning() {
        let base = Self.claim(Self.family(levels: 3, [4, 5, 6, 7]), outputs: 4, bits: "7")
            .claim(
                "sep", "readout-count", inputs: #"{"class":"K","coding":"separate"}"#,
                statement: #"{"log2-sizes":["4","4","4","4"],"total":"16"}"#)
        let meaning = #"{"measure":"realising-network-bits","subject":["K"],"coding":"joint"}"#
        func gap(_ relation: String, _ bound: String, meaning m: String = meaning) -> FileVerdict {
            base.claim(
                "gap", "bits", uses: ["all", "sep"],
                inputs:
                    "{\"terms\":[{\"claim\":\"sep\",\"quantity\":\"log2-size\",\"coefficient\":\"1\"},{\"claim\":\"all\",\"quantity\":\"bits\",\"coefficient\":\"-1\",\"meaning\":\(m)}]}",
                statement: "{\"relation\":\"\(relation)\",\"bound\":\"\(bound)\"}"
            ).verify()
        }
        RT.expectVerified(gap(">=", "9"))
        // log2 |K_M| <= 7 as well (K_M is the image of the 2^7 sign trees).
        let size = base.claim(
            "s", "bits", uses: ["all"],
            inputs:
                #"{"terms":[{"claim":"all","quantity":"log2-size","coefficient":"1","meaning":{"measure":"log2-size","subject":["K"],"coding":"joint"}}]}"#,
            statement: #"{"relation":"<=","bound":"7"}"#)
        RT.expectVerified(size.verify())
        RT.expectFailed(
            base.claim(
                "s", "bits", uses: ["all"], inputs: #"{"terms":[{"claim":"all","quantity":"log2-size","coefficient":"1"}]}"#,
                statement: #"{"relation":"<=","bound":"6"}"#
            ).verify(), claim: 2, at: "/claims/2/statement/bound")
        RT.expectFailed(gap(">=", "10"), claim: 2, at: "/claims/2/statement/bound")
        // Only an upper bound: no lower bound on the family's bits follows.
        RT.expectFailed(gap("<=", "9"), claim: 2, at: "/claims/2/statement/bound")
        RT.expectFailed(
            gap(">=", "9", meaning: #"{"measure":"realising-network-bits","subject":["K"],"coding":"separate"}"#), claim: 2,
            at: "/claims/2/inputs/terms/1/meaning")
        RT.expectFailed(
            gap(">=", "9", meaning: #"{"measure":"code-bits","subject":["N"]}"#), claim: 2, at: "/claims/2/inputs/terms/1/meaning")
    }
}
