import Testing
@testable import CertificateKernel

/// `haar-packing` (Lemma H1 and its corollary) and `haar-cover` (Lemma H2).
@Suite("Rules haar-packing and haar-cover")
struct HaarBoundRuleTests {
    static func base(_ amplitudes: [String]? = nil, levels: Int = 3) -> RuleCertificate {
        RuleCertificate().object("H", RT.haarClass(levels: levels, amplitudes: amplitudes))
    }

    static func packing(_ base: RuleCertificate = base(), eps: String, level: String, bits: String) -> FileVerdict {
        base.claim(
            "p", "haar-packing", inputs: "{\"class\":\"H\",\"eps\":\"\(eps)\",\"level\":\"\(level)\"}",
            statement: "{\"bits-at-least\":\"\(bits)\"}"
        ).verify()
    }

    static func cover(_ base: RuleCertificate = base(), eps: String, level: String, bits: String) -> FileVerdict {
        base.claim(
            "c", "haar-cover", inputs: "{\"class\":\"H\",\"eps\":\"\(eps)\",\"level\":\"\(level)\"}",
            statement: "{\"bits-at-most\":\"\(bits)\"}"
        ).verify()
    }

    // MARK: haar-packing

    /// Balanced a = (1/2, 1/4, 1/8): L = 2 needs eps < 1/4 and gives 2^2 - 1 = 3 bits.
    @Test func packingAcceptedBelowMinimumAmplitude() {
        RT.expectVerified(Self.packing(eps: "1/5", level: "2", bits: "3"))
        RT.expectVerified(Self.packing(eps: "249/1000", level: "2", bits: "3"))
        RT.expectVerified(Self.packing(eps: "1/5", level: "2", bits: "2")) // weaker
        RT.expectVerified(Self.packing(eps: "1/9", level: "3", bits: "7"))
        RT.expectVerified(Self.packing(eps: "1/3", level: "1", bits: "1"))
    }

    /// The verdict lines name the class (they wrote H_J(a) whatever it was called), here
    /// one named G next to another Haar class named H.
    @Test func verdictNamesTheClass() {
        let base = Self.base().object("G", RT.haarClass(levels: 2, amplitudes: ["1/2", "1/4"]))
        let packing = base.claim(
            "p", "haar-packing", inputs: "{\"class\":\"G\",\"eps\":\"1/5\",\"level\":\"2\"}", statement: "{\"bits-at-least\":\"3\"}"
        ).verify()
        RT.expectVerified(packing)
        #expect(packing.claims.first?.summary == "log2 N(1/5, G) >= 3 (G = H_2(a), packing at level 2)")
        let cover = base.claim(
            "c", "haar-cover", inputs: "{\"class\":\"G\",\"eps\":\"1/4\",\"level\":\"1\"}", statement: "{\"bits-at-most\":\"1\"}"
        ).verify()
        RT.expectVerified(cover)
        #expect(cover.claims.first?.summary == "log2 N(1/4, G) <= 1 (G = H_2(a), truncation below level 1)")
    }

    @Test func packingBitsOffByOneRejected() {
        let f = RT.expectFailed(
            Self.packing(eps: "1/5", level: "2", bits: "4"), at: "/claims/0/statement/bits-at-least", reason: ["2^L - 1 = 3"])
        #expect(f?.computed == "2^2 - 1 = 3")
        RT.expectFailed(Self.packing(eps: "1/9", level: "3", bits: "8"), at: "/claims/0/statement/bits-at-least", reason: ["2^L - 1 = 7"])
    }

    /// The side condition is strict: eps = min_{j<L} a_j fails.
    @Test func packingEpsEqualToMinimumRejected() {
        RT.expectFailed(Self.packing(eps: "1/4", level: "2", bits: "3"), at: "/claims/0/inputs/eps", reason: ["not below a_1 = 1/4"])
        RT.expectFailed(Self.packing(eps: "1/8", level: "3", bits: "7"), at: "/claims/0/inputs/eps", reason: ["not below a_2 = 1/8"])
        RT.expectFailed(Self.packing(eps: "1/2", level: "1", bits: "1"), at: "/claims/0/inputs/eps", reason: ["a_0 = 1/2"])
    }

    /// With a = (1/8, 1/2, 1/4) the minimum over j < 2 is a_0, not a_{L-1}.
    @Test func packingUsesTheMinimumOverAllLowerLevels() {
        let base = Self.base(["1/8", "1/2", "1/4"])
        RT.expectFailed(Self.packing(base, eps: "1/5", level: "2", bits: "3"), at: "/claims/0/inputs/eps", reason: ["a_0 = 1/8"])
        RT.expectFailed(Self.packing(base, eps: "1/8", level: "2", bits: "3"), at: "/claims/0/inputs/eps", reason: ["a_0 = 1/8"])
        RT.expectVerified(Self.packing(base, eps: "1/9", level: "2", bits: "3"))
        // The same at L = 3: a_2 = 1/4 is not the binding amplitude either.
        RT.expectFailed(Self.packing(base, eps: "1/5", level: "3", bits: "7"), at: "/claims/0/inputs/eps", reason: ["a_0 = 1/8"])
    }

    @Test func packingLevelOutsideOneToJRejected() {
        RT.expectFailed(Self.packing(eps: "1/100", level: "0", bits: "0"), at: "/claims/0/inputs/level", reason: ["1 <= L <= J = 3"])
        RT.expectFailed(Self.packing(eps: "1/100", level: "4", bits: "15"), at: "/claims/0/inputs/level", reason: ["1 <= L <= J = 3"])
        RT.expectFailed(Self.packing(eps: "1/100", level: "4", bits: "1"), at: "/claims/0/inputs/level")
    }

    /// Brute force of the corollary at J = 3 with a = (1/2, 1/3, 1/5), L = 2: the trees
    /// that are +1 at level 2 are pairwise more than 2 eps apart for eps < 1/3.
    @Test func corollaryHoldsByBruteForce() {
        let amplitudes = [Q(1, 2), Q(1, 3), Q(1, 5)]
        let trees = (0..<8).map { $0 } // nodes 0..2 free, nodes 3..6 (level 2) +1
        var least = Q(100)
        for a in trees {
            for b in trees where b > a {
                let d = zip(Brute.feature(a, levels: 3, amplitudes: amplitudes), Brute.feature(b, levels: 3, amplitudes: amplitudes))
                    .map { ($0 - $1).magnitude }.max()!
                least = min(least, d)
            }
        }
        #expect(Q(2) * Q(1, 3) <= least)
        let base = Self.base(["1/2", "1/3", "1/5"])
        RT.expectVerified(Self.packing(base, eps: "83/250", level: "2", bits: "3"))
        RT.expectFailed(Self.packing(base, eps: "1/3", level: "2", bits: "3"), at: "/claims/0/inputs/eps")
        // The explicit packing of the same trees agrees (rule packing).
        let elements = "[" + trees.map { "{\"bits\":\"\(RT.treeHex(levels: 3, number: $0))\"}" }.joined(separator: ",") + "]"
        RT.expectVerified(
            base.claim(
                "p", "packing", inputs: "{\"class\":\"H\",\"eps\":\"83/250\",\"elements\":\(elements)}", statement: #"{"count":"8"}"#
            ).verify())
    }

    @Test func packingNeedsAHaarClass() {
        let base = RuleCertificate().object("H", RT.readoutClass(levels: 2, [2, 3]))
        RT.expectMalformed(Self.packing(base, eps: "1/5", level: "1", bits: "1"), at: "/claims/0/inputs/class")
    }

    // MARK: haar-cover

    /// Balanced a = (1/2, 1/4, 1/8): L = 2 needs eps >= a_2 = 1/8 and gives 3 bits.
    @Test func coverAcceptedAtTheTail() {
        RT.expectVerified(Self.cover(eps: "1/8", level: "2", bits: "3"))
        RT.expectVerified(Self.cover(eps: "1/8", level: "2", bits: "4")) // weaker
        RT.expectVerified(Self.cover(eps: "3/8", level: "1", bits: "1"))
        RT.expectVerified(Self.cover(eps: "7/8", level: "0", bits: "0"))
        RT.expectVerified(Self.cover(eps: "1/1000000", level: "3", bits: "7")) // no tail at L = J
    }

    @Test func coverEpsBelowTheTailRejected() {
        let f = RT.expectFailed(
            Self.cover(eps: "31/250", level: "2", bits: "3"), at: "/claims/0/inputs/eps", reason: ["below the tail", "1/8"])
        #expect(f?.expected == "eps >= 1/8")
        RT.expectVerified(Self.cover(eps: "7/8", level: "1", bits: "1")) // any eps above the tail is fine
    }

    @Test func coverTailSumsAllUpperLevels() {
        // L = 1: tail = 1/4 + 1/8 = 3/8.
        RT.expectFailed(Self.cover(eps: "1/4", level: "1", bits: "1"), at: "/claims/0/inputs/eps", reason: ["3/8"])
        RT.expectFailed(Self.cover(eps: "3/8", level: "0", bits: "0"), at: "/claims/0/inputs/eps", reason: ["7/8"])
        // a = (1/2, 1/8, 1/4), L = 1: tail 3/8 (not a_1 = 1/8 and not a_2 = 1/4).
        let base = Self.base(["1/2", "1/8", "1/4"])
        RT.expectFailed(Self.cover(base, eps: "1/4", level: "1", bits: "1"), at: "/claims/0/inputs/eps", reason: ["3/8"])
        RT.expectFailed(Self.cover(base, eps: "187/500", level: "1", bits: "1"), at: "/claims/0/inputs/eps")
        RT.expectVerified(Self.cover(base, eps: "3/8", level: "1", bits: "1"))
    }

    @Test func coverBitsOffByOneRejected() {
        let f = RT.expectFailed(
            Self.cover(eps: "1/8", level: "2", bits: "2"), at: "/claims/0/statement/bits-at-most", reason: ["2^L - 1 = 3"])
        #expect(f?.computed == "2^2 - 1 = 3")
        RT.expectFailed(Self.cover(eps: "7/8", level: "0", bits: "-1"), at: "/claims/0/statement/bits-at-most")
    }

    @Test func coverLevelAboveJRejected() {
        RT.expectFailed(Self.cover(eps: "1", level: "4", bits: "15"), at: "/claims/0/inputs/level", reason: ["0 <= L <= J = 3"])
    }

    /// Lemma H2 against the brute-force covering number of H_2(1/2, 1/4) at eps = 1/4
    /// (rule enumerate): truncation at L = 1 gives <= 1 bit; N = 2 exactly.
    @Test func coverAgreesWithEnumeration() {
        let base = Self.base(["1/2", "1/4"], levels: 2)
        let v =
            base
            .claim("c", "haar-cover", inputs: #"{"class":"H","eps":"1/4","level":"1"}"#, statement: #"{"bits-at-most":"1"}"#)
            .claim(
                "n", "enumerate", inputs: #"{"class":"H","quantity":"covering-number","coding":"joint","eps":"1/4"}"#,
                statement: #"{"value":"2"}"#
            )
            .claim("p", "haar-packing", inputs: #"{"class":"H","eps":"1/5","level":"1"}"#, statement: #"{"bits-at-least":"1"}"#)
            .claim(
                "meet", "bits", uses: ["c", "p"],
                inputs:
                    #"{"terms":[{"claim":"c","quantity":"bits","coefficient":"1"},{"claim":"p","quantity":"bits","coefficient":"-1"}]}"#,
                statement: #"{"relation":"<=","bound":"0"}"#
            )
            .verify()
        RT.expectVerified(v)
    }
}
