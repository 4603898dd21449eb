import Testing
@testable import CertificateKernel

/// Facts carry their meaning (MATH.md sec. 10, "the meaning of quantities"): `bits`
/// spells each term's meaning, a declared meaning must match exactly, rules find facts
/// by meaning, and `eps-transfer` applies Lemma E in its one sound direction only.
@Suite("Facts with meaning, eps-transfer")
struct FactMeaningTests {
    /// J = 2, readouts {2, 3}: log2 |K_M| = 3, log2 |K_2| = log2 |K_3| = 2 (brute force in
    /// `sizes`). Claims 0-3: joint and separate sizes, separate bits at eps 1/2 (4), joint
    /// bits at eps 1 (0, one ball around 0).
    static let base = RuleCertificate()
        .object("K", RT.readoutClass(levels: 2, [2, 3]))
        .object("L", RT.readoutClass(levels: 2, [1, 3]))
        .claim("joint-size", "readout-count", inputs: #"{"class":"K","coding":"joint"}"#, statement: #"{"log2-size":"3"}"#)
        .claim(
            "separate-size", "readout-count", inputs: #"{"class":"K","coding":"separate"}"#,
            statement: #"{"log2-sizes":["2","2"],"total":"4"}"#
        )
        .claim(
            "separate-bits", "binary-class", uses: ["separate-size"], inputs: #"{"class":"K","eps":"1/2","coding":"separate"}"#,
            statement: #"{"bits":"4"}"#
        )
        .claim("joint-bits-1", "binary-class", inputs: #"{"class":"K","eps":"1","coding":"joint"}"#, statement: #"{"bits":"0"}"#)

    static func term(_ claim: String, _ quantity: String = "bits", _ coefficient: String = "1", meaning: String? = nil) -> String {
        "{\"claim\":\"\(claim)\",\"quantity\":\"\(quantity)\",\"coefficient\":\"\(coefficient)\""
            + (meaning.map { ",\"meaning\":\($0)" } ?? "") + "}"
    }

    static func meaning(
        _ measure: String = "description-bits", subject: [String] = ["K"], eps: String? = "1/2", coding: String? = "separate",
        extra: String = ""
    ) -> String {
        var members = ["\"measure\":\"\(measure)\"", "\"subject\":\(RT.a(subject))"]
        if let eps { members.append("\"eps\":\"\(eps)\"") }
        if let coding { members.append("\"coding\":\"\(coding)\"") }
        return "{" + members.joined(separator: ",") + extra + "}"
    }

    static func bits(_ base: RuleCertificate = base, uses: [String], _ terms: [String], _ relation: String, _ bound: String) -> FileVerdict
    {
        base.claim(
            "b", "bits", uses: uses, inputs: "{\"terms\":[\(terms.joined(separator: ","))]}",
            statement: "{\"relation\":\"\(relation)\",\"bound\":\"\(bound)\"}"
        ).verify()
    }

    @Test func sizesFromBruteForce() {
        let sizes = Brute.readoutSizes(levels: 2, [2, 3])
        #expect(sizes.joint == 8 && sizes.separate == [4, 4])
    }

    // MARK: Declared meanings

    @Test func matchingDeclaredMeaningAccepted() {
        RT.expectVerified(Self.bits(uses: ["separate-bits"], [Self.term("separate-bits", meaning: Self.meaning())], "=", "4"))
        RT.expectVerified(
            Self.bits(
                uses: ["joint-size"], [Self.term("joint-size", "log2-size", meaning: Self.meaning("log2-size", eps: nil, coding: "joint"))],
                "=", "3"))
        // readout-count's `description-bits` are the bits of a size, not of a covering number.
        RT.expectVerified(
            Self.bits(
                uses: ["joint-size"],
                [Self.term("joint-size", "description-bits", meaning: Self.meaning("size-bits", eps: nil, coding: "joint"))], "=", "3"))
    }

    /// Each part of a meaning, off by the smallest step, is rejected, naming both meanings.
    @Test func mismatchedDeclaredMeaningRejectedNamingBoth() {
        let pointer = "/claims/4/inputs/terms/0/meaning"
        let actual = "ceil log2 N(1/2, K, separate)"
        func check(_ declared: String, _ rendered: String, differ: String) {
            let f = RT.expectFailed(
                Self.bits(uses: ["separate-bits"], [Self.term("separate-bits", meaning: declared)], "=", "4"), claim: 4, at: pointer,
                reason: [rendered, actual, "differ in \(differ)"])
            #expect(f?.expected == rendered)
            #expect(f?.computed == actual)
        }
        check(Self.meaning(eps: "1"), "ceil log2 N(1, K, separate)", differ: "eps: 1 stated, 1/2 established")
        check(
            Self.meaning(eps: "576460752303423489/1152921504606846976"), "ceil log2 N(576460752303423489/1152921504606846976, K, separate)",
            differ: "eps")
        check(Self.meaning(coding: "joint"), "ceil log2 N(1/2, K, joint)", differ: "coding: joint stated, separate established")
        check(Self.meaning(subject: ["L"]), "ceil log2 N(1/2, L, separate)", differ: "subject: [L] stated, [K] established")
        check(Self.meaning("covering-number"), "N(1/2, K, separate)", differ: "measure")
        check(Self.meaning("size-bits"), "ceil log2 |K| (separate)", differ: "measure")
        check(Self.meaning(eps: nil), "ceil log2 N(?, K, separate)", differ: "eps: none stated, 1/2 established")
        check(Self.meaning(extra: ",\"threshold\":\"1\""), actual, differ: "threshold: 1 stated, none established")
    }

    @Test func malformedDeclaredMeanings() {
        func v(_ meaning: String) -> FileVerdict {
            Self.bits(uses: ["separate-bits"], [Self.term("separate-bits", meaning: meaning)], "=", "4")
        }
        RT.expectMalformed(v(#"{"measure":"bits","subject":["K"]}"#), at: "/claims/4/inputs/terms/0/meaning/measure")
        RT.expectMalformed(v(#"{"measure":"size","subject":"K"}"#), at: "/claims/4/inputs/terms/0/meaning/subject")
        RT.expectMalformed(v(#"{"measure":"size","subject":["K"],"coding":"both"}"#), at: "/claims/4/inputs/terms/0/meaning/coding")
        RT.expectMalformed(v(#"{"measure":"size","subject":["K"],"class":"K"}"#), at: "/claims/4/inputs/terms/0/meaning/class")
        RT.expectMalformed(v(#""description-bits""#), at: "/claims/4/inputs/terms/0/meaning")
    }

    // MARK: Verdict lines spell meanings

    /// Separate bits at eps 1/2 minus joint bits at eps 1: interval arithmetic accepts it
    /// (4 - 0 >= 4), and the verdict line shows both eps.
    @Test func mixedEpsBitsClaimShowsBothEps() {
        let v = Self.bits(
            uses: ["separate-bits", "joint-bits-1"], [Self.term("separate-bits"), Self.term("joint-bits-1", "bits", "-1")], ">=", "4")
        RT.expectVerified(v)
        #expect(v.claims.last?.summary == "ceil log2 N(1/2, K, separate) - ceil log2 N(1, K, joint) >= 4")
        let f = RT.expectFailed(
            Self.bits(
                uses: ["separate-bits", "joint-bits-1"], [Self.term("separate-bits"), Self.term("joint-bits-1", "bits", "-1")], ">=", "5"),
            claim: 4, at: "/claims/4/statement/bound")
        #expect(f != nil)
    }

    @Test func constantsAndMultiplesAreShown() {
        let v = Self.base
            .claim(
                "b", "bits", uses: ["separate-bits", "joint-size"],
                inputs:
                    "{\"terms\":[\(Self.term("separate-bits", "bits", "2")),\(Self.term("joint-size", "log2-size", "-1"))],\"constant\":\"-1\"}",
                statement: #"{"relation":"=","bound":"4"}"#
            ).verify()
        RT.expectVerified(v)
        #expect(v.claims.last?.summary == "2 * ceil log2 N(1/2, K, separate) - log2 |K| (joint) - 1 = 4")
    }

    // MARK: Facts are found by meaning

    /// A packing claim's lower bound on N(1/2, K) is not the class size: binary-class
    /// needs an exact ceil(log2 |K|) of the same class and coding.
    @Test func packingLowerBoundIsNotAClassSize() {
        // Sign trees 0 and 1 differ only at the root; output 3 uses the root sign (brute force).
        #expect(Brute.output(0, levels: 2, readout: 3) != Brute.output(1, levels: 2, readout: 3))
        let base = Self.base
            .claim(
                "pack", "packing",
                inputs:
                    "{\"class\":\"K\",\"eps\":\"1/2\",\"elements\":[{\"bits\":\"\(RT.treeHex(levels: 2, number: 0))\"},{\"bits\":\"\(RT.treeHex(levels: 2, number: 1))\"}]}",
                statement: #"{"count":"2"}"#)
        let binary = base.claim(
            "b", "binary-class", uses: ["pack"], inputs: #"{"class":"K","eps":"1/2","coding":"joint"}"#, statement: #"{"bits":"1"}"#
        ).verify()
        RT.expectPassed(binary, claim: 4)
        RT.expectFailed(binary, claim: 5, at: "/claims/5/uses", reason: ["establishes the joint size of K"])
        // The size of another class, or of the other coding, does not serve either.
        let other = Self.base.claim("l", "readout-count", inputs: #"{"class":"L","coding":"joint"}"#, statement: #"{"log2-size":"3"}"#)
        RT.expectFailed(
            other.claim(
                "b", "binary-class", uses: ["l"], inputs: #"{"class":"K","eps":"1/2","coding":"joint"}"#, statement: #"{"bits":"3"}"#
            ).verify(),
            claim: 5, at: "/claims/5/uses")
        RT.expectFailed(
            Self.base.claim(
                "b", "binary-class", uses: ["separate-size"], inputs: #"{"class":"K","eps":"1/2","coding":"joint"}"#,
                statement: #"{"bits":"4"}"#
            ).verify(),
            claim: 4, at: "/claims/4/uses")
        // The same claim's size serves once the meaning matches.
        RT.expectVerified(
            Self.base.claim(
                "b", "binary-class", uses: ["joint-size"], inputs: #"{"class":"K","eps":"1/2","coding":"joint"}"#,
                statement: #"{"bits":"3"}"#
            ).verify())
    }

    // MARK: eps-transfer (Lemma E)

    /// H_2 with balanced amplitudes a = (1/2, 1/4): haar-packing at eps0 = 1/8 gives
    /// log2 N >= 3 (eps < 1/4); haar-cover at eps0 = 1/4 gives log2 N <= 1 (eps >= a_1).
    static let haar = RuleCertificate()
        .object("H", RT.haarClass(levels: 2))
        .claim("lower", "haar-packing", inputs: #"{"class":"H","eps":"1/8","level":"2"}"#, statement: #"{"bits-at-least":"3"}"#)
        .claim("upper", "haar-cover", inputs: #"{"class":"H","eps":"1/4","level":"1"}"#, statement: #"{"bits-at-most":"1"}"#)

    static func transfer(
        _ claim: String, eps: String, _ relation: String, _ bound: String, quantity: String = "bits", uses: [String]? = nil
    ) -> FileVerdict {
        haar.claim(
            "t", "eps-transfer", uses: uses ?? [claim], inputs: "{\"claim\":\"\(claim)\",\"quantity\":\"\(quantity)\",\"eps\":\"\(eps)\"}",
            statement: "{\"relation\":\"\(relation)\",\"bound\":\"\(bound)\"}"
        ).verify()
    }

    @Test func lowerBoundsMoveToSmallerEps() {
        RT.expectVerified(Self.transfer("lower", eps: "1/16", ">=", "3"))
        RT.expectVerified(Self.transfer("lower", eps: "1/8", ">=", "3"))
        RT.expectVerified(Self.transfer("lower", eps: "144115188075855871/1152921504606846976", ">", "2"))
        // The same bound, computed another way: haar-packing directly at eps = 1/16.
        RT.expectVerified(
            Self.haar.claim(
                "direct", "haar-packing", inputs: #"{"class":"H","eps":"1/16","level":"2"}"#, statement: #"{"bits-at-least":"3"}"#
            ).verify())
        // One unit too much.
        RT.expectFailed(Self.transfer("lower", eps: "1/16", ">=", "4"), claim: 2, at: "/claims/2/statement/bound")
        let v = Self.transfer("lower", eps: "1/16", ">=", "3")
        #expect(v.claims.last?.summary == "ceil log2 N(1/16, H, joint) >= 3 (from eps = 1/8)")
    }

    /// A lower bound at eps0 says nothing at eps1 > eps0, however close.
    @Test func lowerBoundToLargerEpsRejected() {
        let f = RT.expectFailed(
            Self.transfer("lower", eps: "144115188075855873/1152921504606846976", ">=", "3"), claim: 2, at: "/claims/2/statement/bound",
            reason: ["Lemma E carries lower bounds to smaller eps"])
        #expect(f?.computed == "value in [-inf, +inf]")
        RT.expectFailed(Self.transfer("lower", eps: "1/4", ">=", "1"), claim: 2, at: "/claims/2/statement/bound")
        RT.expectFailed(Self.transfer("lower", eps: "1/16", "<=", "100"), claim: 2, at: "/claims/2/statement/bound")
    }

    @Test func upperBoundsMoveToLargerEps() {
        RT.expectVerified(Self.transfer("upper", eps: "1/2", "<=", "1"))
        RT.expectVerified(Self.transfer("upper", eps: "1/4", "<=", "1"))
        RT.expectFailed(Self.transfer("upper", eps: "1/2", "<=", "0"), claim: 2, at: "/claims/2/statement/bound")
        // Wrong direction: an upper bound at 1/4 says nothing at 1/4 - 2^-60.
        RT.expectFailed(
            Self.transfer("upper", eps: "288230376151711743/1152921504606846976", "<=", "1"), claim: 2, at: "/claims/2/statement/bound",
            reason: ["upper bounds to larger eps"])
        RT.expectFailed(Self.transfer("upper", eps: "1/2", ">=", "0"), claim: 2, at: "/claims/2/statement/bound")
    }

    /// A transferred fact keeps its meaning at the new eps, and later claims see it so.
    @Test func transferredFactsHaveTheNewEps() {
        let v = Self.haar
            .claim(
                "t", "eps-transfer", uses: ["lower"], inputs: #"{"claim":"lower","quantity":"bits","eps":"1/16"}"#,
                statement: #"{"relation":">=","bound":"3"}"#
            )
            .claim(
                "b", "bits", uses: ["t"],
                inputs: "{\"terms\":[\(Self.term("t", meaning: Self.meaning(subject: ["H"], eps: "1/16", coding: "joint")))]}",
                statement: #"{"relation":">=","bound":"3"}"#
            )
            .claim(
                "c", "bits", uses: ["t"],
                inputs: "{\"terms\":[\(Self.term("t", meaning: Self.meaning(subject: ["H"], eps: "1/8", coding: "joint")))]}",
                statement: #"{"relation":">=","bound":"3"}"#
            )
            .verify()
        RT.expectPassed(v, claim: 2)
        RT.expectPassed(v, claim: 3)
        RT.expectFailed(v, claim: 4, at: "/claims/4/inputs/terms/0/meaning", reason: ["N(1/8, H, joint)", "N(1/16, H, joint)"])
    }

    @Test func onlyCoveringFactsTransfer() {
        let base = Self.haar
            .object("zero", RT.constant("0")).object("one", RT.constant("1"))
            .claim("d", "sup-distance", inputs: #"{"f":"zero","g":"one"}"#, statement: #"{"relation":"=","bound":"1"}"#)
        RT.expectFailed(
            base.claim(
                "t", "eps-transfer", uses: ["d"], inputs: #"{"claim":"d","quantity":"distance","eps":"1"}"#,
                statement: #"{"relation":"<=","bound":"1"}"#
            ).verify(), claim: 3, at: "/claims/3/inputs/quantity")
        RT.expectFailed(
            Self.transfer("lower", eps: "1/16", ">=", "3", quantity: "covering-number"), claim: 2, at: "/claims/2/inputs/quantity")
        RT.expectFailed(
            Self.transfer("lower", eps: "1/16", ">=", "3", uses: ["upper"]), claim: 2, at: "/claims/2/inputs/claim",
            reason: ["not listed in \"uses\""])
        RT.expectMalformed(Self.transfer("lower", eps: "0", ">=", "3"), at: "/claims/2/inputs/eps")
        RT.expectMalformed(Self.transfer("lower", eps: "1/16", "=>", "3"), at: "/claims/2/statement/relation")
    }
}
