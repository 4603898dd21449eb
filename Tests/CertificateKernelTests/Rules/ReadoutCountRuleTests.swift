import Testing
@testable import CertificateKernel

/// `readout-count`: log2 |K_m| = 2^top(m) (Lemma S) and log2 |K_M| (Lemma J).
@Suite("Rule readout-count")
struct ReadoutCountRuleTests {
    static func subsets(levels J: Int) -> [[Int]] {
        let all = Array(1..<(1 << J))
        return (1..<(1 << all.count)).map { subset in all.indices.filter { subset >> $0 & 1 == 1 }.map { all[$0] } }
    }

    /// The brute-force sizes agree with the cell-by-cell definition of the outputs.
    @Test func bruteForceIsConsistent() {
        for J in 1...3 {
            for readouts in Self.subsets(levels: J).prefix(20) {
                var joint = Set<[[Int]]>()
                for tree in 0..<(1 << ((1 << J) - 1)) { joint.insert(readouts.map { Brute.output(tree, levels: J, readout: $0) }) }
                #expect(joint.count == Brute.readoutSizes(levels: J, readouts).joint)
            }
        }
    }

    /// The table of MATH.md sec. 7 (J = 3), by brute force and by the kernel.
    @Test func mathTableAtDepth3() {
        let table: [([Int], Int, Int)] = [
            ([4, 5], 5, 8), ([4, 5, 6, 7], 7, 16), ([5, 6], 6, 8), ([3, 5, 6], 6, 10), ([1, 2, 4], 7, 7),
        ]
        var cert = RuleCertificate()
        for (i, (readouts, joint, separate)) in table.enumerated() {
            let sizes = Brute.readoutSizes(levels: 3, readouts)
            #expect(Brute.log2(sizes.joint) == joint)
            #expect(sizes.separate.map(Brute.log2).reduce(0, +) == separate)
            cert = cert.object("K\(i)", RT.readoutClass(levels: 3, readouts))
                .claim(
                    "j\(i)", "readout-count", inputs: "{\"class\":\"K\(i)\",\"coding\":\"joint\"}",
                    statement: "{\"log2-size\":\"\(joint)\"}"
                )
                .claim(
                    "s\(i)", "readout-count", inputs: "{\"class\":\"K\(i)\",\"coding\":\"separate\"}",
                    statement: "{\"log2-sizes\":\(RT.ints(sizes.separate.map(Brute.log2))),\"total\":\"\(separate)\"}")
        }
        RT.expectVerified(cert.verify())
    }

    /// Every readout set at J = 1, 2, 3, and a few at J = 4, against brute force; each
    /// stated size off by one in either direction is rejected at its pointer.
    @Test func allReadoutSetsAgainstBruteForce() {
        var cases: [(Int, [Int])] = []
        for J in 1...3 { cases += Self.subsets(levels: J).map { (J, $0) } }
        cases += [(4, [8, 9, 10, 11]), (4, [3, 5, 9, 14]), (4, [1, 2, 4, 8]), (4, [7, 11, 13, 14, 15]), (4, [6, 12])]
        var cert = RuleCertificate()
        var expectations: [(claim: Int, pointer: String?)] = []
        for (i, (J, readouts)) in cases.enumerated() {
            let sizes = Brute.readoutSizes(levels: J, readouts)
            let joint = Brute.log2(sizes.joint)
            let separate = sizes.separate.map(Brute.log2)
            #expect(separate == readouts.map { 1 << (Int.bitWidth - 1 - $0.leadingZeroBitCount) }, "Lemma S by brute force for \(readouts)")
            cert = cert.object("K\(i)", RT.readoutClass(levels: J, readouts))
            func addJoint(_ value: Int, _ pointer: String?) {
                cert = cert.claim(
                    "c\(expectations.count)", "readout-count", inputs: "{\"class\":\"K\(i)\",\"coding\":\"joint\"}",
                    statement: "{\"log2-size\":\"\(value)\"}")
                expectations.append((expectations.count, pointer))
            }
            func addSeparate(_ values: [Int], _ total: Int, _ pointer: String?) {
                cert = cert.claim(
                    "c\(expectations.count)", "readout-count", inputs: "{\"class\":\"K\(i)\",\"coding\":\"separate\"}",
                    statement: "{\"log2-sizes\":\(RT.ints(values)),\"total\":\"\(total)\"}")
                expectations.append((expectations.count, pointer))
            }
            let k = expectations.count
            addJoint(joint, nil)
            addJoint(joint + 1, "/claims/\(k + 1)/statement/log2-size")
            addJoint(joint - 1, "/claims/\(k + 2)/statement/log2-size")
            let total = separate.reduce(0, +)
            addSeparate(separate, total, nil)
            addSeparate(separate, total + 1, "/claims/\(k + 4)/statement/total")
            addSeparate(separate, total - 1, "/claims/\(k + 5)/statement/total")
            let d = i % readouts.count
            var wrong = separate
            wrong[d] += (i % 2 == 0 ? 1 : -1)
            addSeparate(wrong, total, "/claims/\(k + 6)/statement/log2-sizes/\(d)")
            if joint != total {
                // The joint size stated as the separate total is false unless they coincide.
                addJoint(total, "/claims/\(k + 7)/statement/log2-size")
            }
        }
        let v = cert.verify()
        #expect(v.error == nil)
        #expect(v.claims.count == expectations.count)
        for (claim, pointer) in expectations {
            if let pointer {
                RT.expectFailed(v, claim: claim, at: pointer)
            } else {
                RT.expectPassed(v, claim: claim)
            }
        }
    }

    @Test func messagesNameTheLemma() {
        let base = RuleCertificate().object("K", RT.readoutClass(levels: 3, [4, 5]))
        var f = RT.expectFailed(
            base.claim("j", "readout-count", inputs: #"{"class":"K","coding":"joint"}"#, statement: #"{"log2-size":"8"}"#).verify(),
            at: "/claims/0/statement/log2-size", reason: ["Lemma J gives log2 |K_M| = 5"])
        #expect(f?.computed == "log2 |K_M| = 5")
        f = RT.expectFailed(
            base.claim(
                "s", "readout-count", inputs: #"{"class":"K","coding":"separate"}"#, statement: #"{"log2-sizes":["4","2"],"total":"6"}"#
            ).verify(),
            at: "/claims/0/statement/log2-sizes/1", reason: ["Lemma S gives log2 |K_5| = 2^top(5) = 4"])
        #expect(f?.expected == "log2 |K_5| = 2")
        RT.expectFailed(
            base.claim(
                "s", "readout-count", inputs: #"{"class":"K","coding":"separate"}"#, statement: #"{"log2-sizes":["4","4"],"total":"9"}"#
            ).verify(),
            at: "/claims/0/statement/total", reason: ["add up to 8"])
    }

    /// Established quantities: separate total minus joint size for {4, 5} is 8 - 5 = 3.
    @Test func establishedSizesFeedBits() {
        let base = RuleCertificate().object("K", RT.readoutClass(levels: 3, [4, 5]))
            .claim("j", "readout-count", inputs: #"{"class":"K","coding":"joint"}"#, statement: #"{"log2-size":"5"}"#)
            .claim("s", "readout-count", inputs: #"{"class":"K","coding":"separate"}"#, statement: #"{"log2-sizes":["4","4"],"total":"8"}"#)
        func gap(_ quantity: String, _ relation: String, _ bound: String) -> FileVerdict {
            base.claim(
                "g", "bits", uses: ["j", "s"],
                inputs:
                    "{\"terms\":[{\"claim\":\"s\",\"quantity\":\"\(quantity)\",\"coefficient\":\"1\"},{\"claim\":\"j\",\"quantity\":\"\(quantity)\",\"coefficient\":\"-1\"}]}",
                statement: "{\"relation\":\"\(relation)\",\"bound\":\"\(bound)\"}"
            ).verify()
        }
        for quantity in ["log2-size", "description-bits"] {
            RT.expectVerified(gap(quantity, "=", "3"))
            RT.expectVerified(gap(quantity, ">=", "3"))
            RT.expectFailed(gap(quantity, ">=", "4"), claim: 2, at: "/claims/2/statement/bound")
            RT.expectFailed(gap(quantity, ">", "3"), claim: 2, at: "/claims/2/statement/bound")
            RT.expectFailed(gap(quantity, "=", "2"), claim: 2, at: "/claims/2/statement/bound")
            // The coefficients' signs flipped: joint - separate = -3.
            RT.expectFailed(
                base.claim(
                    "g", "bits", uses: ["j", "s"],
                    inputs:
                        "{\"terms\":[{\"claim\":\"s\",\"quantity\":\"\(quantity)\",\"coefficient\":\"-1\"},{\"claim\":\"j\",\"quantity\":\"\(quantity)\",\"coefficient\":\"1\"}]}",
                    statement: #"{"relation":">=","bound":"3"}"#
                ).verify(), claim: 2, at: "/claims/2/statement/bound", reason: ["= -3"])
        }
    }

    @Test func malformedInputs() {
        let base = RuleCertificate().object("K", RT.readoutClass(levels: 3, [4, 5])).object("H", RT.haarClass(levels: 2))
        RT.expectMalformed(
            base.claim("s", "readout-count", inputs: #"{"class":"K","coding":"separate"}"#, statement: #"{"log2-sizes":["4"],"total":"4"}"#)
                .verify(),
            at: "/claims/0/statement/log2-sizes")
        RT.expectMalformed(
            base.claim("s", "readout-count", inputs: #"{"class":"H","coding":"joint"}"#, statement: #"{"log2-size":"3"}"#).verify(),
            at: "/claims/0/inputs/class")
        RT.expectMalformed(
            base.claim("s", "readout-count", inputs: #"{"class":"K","coding":"joint"}"#, statement: #"{"total":"5"}"#).verify(),
            at: "/claims/0/statement/total")
        RT.expectMalformed(
            base.claim("s", "readout-count", inputs: #"{"class":"K","coding":"both"}"#, statement: #"{"log2-size":"5"}"#).verify(),
            at: "/claims/0/inputs/coding")
        // A readout must be below 2^J: 4 is not a readout at depth 2; nor are 0 or a repeat.
        for (readouts, bad) in [([1, 4], 1), ([0, 1], 0), ([3, 3], 1)] {
            let v = RuleCertificate().object("K", RT.readoutClass(levels: 2, readouts))
                .claim("j", "readout-count", inputs: #"{"class":"K","coding":"joint"}"#, statement: #"{"log2-size":"3"}"#).verify()
            RT.expectMalformed(v, at: "/objects/K/readouts/\(bad)")
        }
    }
}
