import Testing
@testable import CertificateKernel

/// The sup distance of two brute-force features (cell values of one level).
private func distance(_ a: [Q], _ b: [Q]) -> Q { zip(a, b).map { ($0 - $1).magnitude }.max() ?? Q(0) }

/// `packing`: log2 N(eps, K) >= log2 M (Lemma P).
@Suite("Rule packing")
struct PackingRuleTests {
    static let amplitudes = [Q(1, 2), Q(1, 4)]
    static let h2 = RuleCertificate().object("H2", RT.haarClass(levels: 2, amplitudes: ["1/2", "1/4"]))

    static func inline(_ trees: [Int], levels: Int = 2) -> String {
        "[" + trees.map { "{\"bits\":\"\(RT.treeHex(levels: levels, number: $0))\"}" }.joined(separator: ",") + "]"
    }

    static func packing(_ base: RuleCertificate, _ cls: String, eps: String, elements: String, count: Int) -> FileVerdict {
        base.claim(
            "p", "packing", inputs: "{\"class\":\"\(cls)\",\"eps\":\"\(eps)\",\"elements\":\(elements)}",
            statement: "{\"count\":\"\(count)\"}"
        ).verify()
    }

    /// The four trees that are +1 at the root (nodes 1 and 2 free) are pairwise exactly
    /// 2 a_1 = 1/2 apart (Lemma H1 with j* = 1: both bounds are 2 a_1).
    @Test func haarTreesDifferingAtLevelOne() {
        let trees = [0, 2, 4, 6]
        let features = trees.map { Brute.feature($0, levels: 2, amplitudes: Self.amplitudes) }
        for a in 0..<4 { for b in (a + 1)..<4 { #expect(distance(features[a], features[b]) == Q(1, 2)) } }
        RT.expectVerified(Self.packing(Self.h2, "H2", eps: "1/5", elements: Self.inline(trees), count: 4))
        RT.expectVerified(Self.packing(Self.h2, "H2", eps: "249/1000", elements: Self.inline(trees), count: 4))
        // Exactly 2 eps apart: Lemma P needs more than 2 eps.
        let f = RT.expectFailed(
            Self.packing(Self.h2, "H2", eps: "1/4", elements: Self.inline(trees), count: 4),
            at: "/claims/0/inputs/elements/1", reason: ["elements 0 and 1 are only 1/2 apart", "2 eps = 1/2"])
        #expect(f?.computed == "||e_0 - e_1||_inf = 1/2")
    }

    /// The verdict line names the class the claim is about: it printed "N(1/5, K)" for
    /// every class, here next to another class that is named K.
    @Test func verdictNamesTheClass() {
        let base = Self.h2.object("K", RT.haarClass(levels: 2, amplitudes: ["1", "1"]))
            .object("c", RT.constant("0"))
        let packing = Self.packing(base, "H2", eps: "1/5", elements: Self.inline([0, 2, 4, 6]), count: 4)
        RT.expectVerified(packing)
        #expect(packing.claims.first?.summary.hasPrefix("N(1/5, H2) >= 4") == true, "\(packing.claims.first?.summary ?? "")")
        let cover = base.claim(
            "c", "cover", inputs: "{\"class\":\"H2\",\"eps\":\"3/4\",\"centres\":[\"c\"]}", statement: "{\"count\":\"1\"}"
        ).verify()
        RT.expectVerified(cover)
        #expect(cover.claims.first?.summary.hasPrefix("N(3/4, H2) <= 1") == true, "\(cover.claims.first?.summary ?? "")")
    }

    @Test func countDifferentFromListedElementsRejected() {
        for count in [3, 5] {
            let f = RT.expectFailed(
                Self.packing(Self.h2, "H2", eps: "1/5", elements: Self.inline([0, 2, 4, 6]), count: count),
                at: "/claims/0/statement/count", reason: ["counts \(count) elements but 4 are listed"])
            // `expected` is what was stated (FORMAT.md sec. 8.3); it showed the listed count.
            #expect(f?.expected == "count = \(count)")
            #expect(f?.computed == "4 elements")
        }
    }

    /// All 8 trees of depth 2: distances are at least 2 a_1 = 1/2 (brute force), so any
    /// eps < 1/4 packs 8; a tree listed twice never packs.
    @Test func allTreesAndRepeatedTree() {
        let features = (0..<8).map { Brute.feature($0, levels: 2, amplitudes: Self.amplitudes) }
        var least = Q(100)
        for a in 0..<8 { for b in (a + 1)..<8 { least = min(least, distance(features[a], features[b])) } }
        #expect(least == Q(1, 2))
        RT.expectVerified(Self.packing(Self.h2, "H2", eps: "1/5", elements: Self.inline(Array(0..<8)), count: 8))
        RT.expectFailed(
            Self.packing(Self.h2, "H2", eps: "1/5", elements: Self.inline([0, 1, 2, 3, 4, 5, 6, 7, 3]), count: 9),
            at: "/claims/0/inputs/elements/8", reason: ["elements 3 and 8 are only 0 apart"])
        // The same tree as an object and inline.
        let base = Self.h2.object("t", RT.signTree(levels: 2, number: 5))
        RT.expectFailed(
            Self.packing(base, "H2", eps: "1/100", elements: "[\"t\",{\"bits\":\"\(RT.treeHex(levels: 2, number: 5))\"}]", count: 2),
            at: "/claims/0/inputs/elements/1", reason: ["only 0 apart"])
    }

    /// For readout m = 2 at J = 2 the output does not depend on the root sign (Lemma S:
    /// only sigma(1, .) matters), so trees 0 and 1 give the same element.
    @Test func signFlipThatDoesNotChangeTheElement() {
        #expect(Brute.output(0, levels: 2, readout: 2) == Brute.output(1, levels: 2, readout: 2))
        #expect(Brute.output(0, levels: 2, readout: 2) != Brute.output(2, levels: 2, readout: 2))
        let base = RuleCertificate().object("K", RT.readoutClass(levels: 2, [2]))
        RT.expectFailed(
            Self.packing(base, "K", eps: "1/2", elements: Self.inline([0, 1]), count: 2), at: "/claims/0/inputs/elements/1",
            reason: ["only 0 apart"])
        RT.expectVerified(Self.packing(base, "K", eps: "1/2", elements: Self.inline([0, 2]), count: 2))
    }

    /// Readout class J = 2, readouts {2, 3}: trees with distinct output tuples (brute
    /// force) are 2 apart, which packs for every eps < 1 and not for eps = 1.
    @Test func readoutClassPacking() {
        var seen = Set<[Int]>(), trees: [Int] = []
        for tree in 0..<8 {
            let key = [2, 3].map { Brute.outputMask(tree, levels: 2, readout: $0) }
            if seen.insert(key).inserted { trees.append(tree) }
        }
        #expect(trees.count == 8) // |K_M| = 2^3 (Lemma J: 2 + 1)
        let base = RuleCertificate().object("K", RT.readoutClass(levels: 2, [2, 3]))
        RT.expectVerified(Self.packing(base, "K", eps: "1/2", elements: Self.inline(trees), count: trees.count))
        RT.expectVerified(Self.packing(base, "K", eps: "999/1000", elements: Self.inline(trees), count: trees.count))
        RT.expectFailed(
            Self.packing(base, "K", eps: "1", elements: Self.inline(trees), count: trees.count),
            at: "/claims/0/inputs/elements/1", reason: ["only 2 apart", "2 eps = 2"])
    }

    /// Finite class of constants 0, 2, 4, 6, 8 (pairwise >= 2 apart): packs 5 for eps < 1,
    /// establishing covering-number >= 5 and bits >= ceil(log2 5) = 3.
    @Test func finiteClassAndEstablishedQuantities() {
        var base = RuleCertificate()
        for c in 0..<5 { base = base.object("c\(c)", RT.constant(String(2 * c))) }
        base = base.object("K", RT.finiteClass(["c0", "c1", "c2", "c3", "c4"]))
        let packed = base.claim(
            "p", "packing", inputs: #"{"class":"K","eps":"999/1000","elements":["0","1","2","3","4"]}"#, statement: #"{"count":"5"}"#)
        func bits(_ quantity: String, _ relation: String, _ bound: String) -> FileVerdict {
            packed.claim(
                "b", "bits", uses: ["p"], inputs: "{\"terms\":[{\"claim\":\"p\",\"quantity\":\"\(quantity)\",\"coefficient\":\"1\"}]}",
                statement: "{\"relation\":\"\(relation)\",\"bound\":\"\(bound)\"}"
            ).verify()
        }
        RT.expectVerified(bits("bits", ">=", "3"))
        RT.expectFailed(bits("bits", ">=", "4"), claim: 1, at: "/claims/1/statement/bound")
        RT.expectFailed(bits("bits", "<=", "100"), claim: 1, at: "/claims/1/statement/bound")
        RT.expectVerified(bits("covering-number", ">=", "5"))
        RT.expectFailed(bits("covering-number", ">=", "6"), claim: 1, at: "/claims/1/statement/bound")
        // eps = 1: the constants 0 and 2 are exactly 2 eps apart.
        RT.expectFailed(
            base.claim("p", "packing", inputs: #"{"class":"K","eps":"1","elements":["0","1","2","3","4"]}"#, statement: #"{"count":"5"}"#)
                .verify(),
            at: "/claims/0/inputs/elements/1")
        RT.expectFailed(
            base.claim("p", "packing", inputs: #"{"class":"K","eps":"1/2","elements":["2","2"]}"#, statement: #"{"count":"2"}"#).verify(),
            at: "/claims/0/inputs/elements/1", reason: ["only 0 apart"])
    }

    @Test func malformedElements() {
        RT.expectMalformed(Self.packing(Self.h2, "H2", eps: "0", elements: Self.inline([0, 2]), count: 2), at: "/claims/0/inputs/eps")
        RT.expectMalformed(Self.packing(Self.h2, "H2", eps: "-1/5", elements: Self.inline([0, 2]), count: 2), at: "/claims/0/inputs/eps")
        RT.expectMalformed(
            Self.packing(Self.h2, "H2", eps: "1/5", elements: "[{\"bits\":\"1\"}]", count: 1), at: "/claims/0/inputs/elements/0/bits")
        let base = Self.h2.object("deep", RT.signTree(levels: 3, number: 0))
        RT.expectMalformed(
            Self.packing(base, "H2", eps: "1/5", elements: "[\"deep\"]", count: 1), at: "/claims/0/inputs/elements/0",
            mentioning: ["depth 2"])
        let finite = RuleCertificate().object("c", RT.constant("0")).object("K", RT.finiteClass(["c"]))
        RT.expectMalformed(Self.packing(finite, "K", eps: "1/5", elements: "[\"1\"]", count: 1), at: "/claims/0/inputs/elements/0")
    }
}

/// `cover`: log2 N(eps, K) <= log2 M (Lemma C), by enumeration of K.
@Suite("Rule cover")
struct CoverRuleTests {
    static let amplitudes = [Q(1, 2), Q(1, 4)]
    /// The level-0 truncations +-psi(0,0)/2.
    static let base = RuleCertificate()
        .object("H2", RT.haarClass(levels: 2, amplitudes: ["1/2", "1/4"]))
        .object("up", RT.step(["0", "1/2", "1"], ["1/2", "-1/2"]))
        .object("down", RT.step(["0", "1/2", "1"], ["-1/2", "1/2"]))

    static func cover(_ base: RuleCertificate, _ cls: String, eps: String, centres: String, count: Int) -> FileVerdict {
        base.claim(
            "c", "cover", inputs: "{\"class\":\"\(cls)\",\"eps\":\"\(eps)\",\"centres\":\(centres)}", statement: "{\"count\":\"\(count)\"}"
        ).verify()
    }

    @Test func truncationCentresCoverWithinTail() {
        let up = [Q(1, 2), Q(1, 2), Q(-1, 2), Q(-1, 2)], down = up.map { -$0 }
        var worst = Q(0)
        for tree in 0..<8 {
            let h = Brute.feature(tree, levels: 2, amplitudes: Self.amplitudes)
            worst = max(worst, min(distance(h, up), distance(h, down)))
        }
        #expect(worst == Q(1, 4))
        RT.expectVerified(Self.cover(Self.base, "H2", eps: "1/4", centres: #"["up","down"]"#, count: 2))
        let f = RT.expectFailed(
            Self.cover(Self.base, "H2", eps: "249/1000", centres: #"["up","down"]"#, count: 2),
            at: "/claims/0/inputs/centres", reason: ["class element 0 is 1/4 from the nearest centre", "eps = 249/1000"])
        #expect(f?.computed == "element 0 at distance 1/4")
    }

    /// Without "down", the first tree with a negative root (tree 1 in enumeration order)
    /// is far from every centre.
    @Test func missingCentreRejected() {
        let up = [Q(1, 2), Q(1, 2), Q(-1, 2), Q(-1, 2)]
        let d = distance(Brute.feature(1, levels: 2, amplitudes: Self.amplitudes), up)
        RT.expectFailed(
            Self.cover(Self.base, "H2", eps: "1/4", centres: #"["up"]"#, count: 1),
            at: "/claims/0/inputs/centres", reason: ["class element 1 is \(d) from the nearest centre"])
    }

    /// Up to 16 element-centre pairs per unit of --max-enumeration: 8 elements and 17
    /// centres are 136 pairs, 9 units, one past a limit of 8; at 16 centres they pass.
    @Test func centrePairsAgainstTheEnumerationLimit() {
        var limits = VerificationLimits()
        limits.maximumEnumeration = 8
        func verdict(centres: Int) -> FileVerdict {
            let names = "[" + Array(repeating: #""up""#, count: centres).joined(separator: ",") + "]"
            let text = Self.base.claim(
                "c", "cover", inputs: "{\"class\":\"H2\",\"eps\":\"2\",\"centres\":\(names)}", statement: "{\"count\":\"\(centres)\"}"
            ).text
            return Verifier(limits: limits).verify(bytes: Array(text.utf8), path: "test")
        }
        #expect(verdict(centres: 16).status == .verified)
        let over = verdict(centres: 17)
        #expect(over.status == .limitExceeded && over.error?.raisable == true)
        #expect(
            over.error?.description.hasSuffix(
                "enumeration size 9 (136 element-centre pairs, 16 to an element) exceeds the limit 8 (raise it with --max-enumeration)")
                == true, "\(String(describing: over.error))")
    }

    @Test func countDifferentFromListedCentresRejected() {
        let f = RT.expectFailed(
            Self.cover(Self.base, "H2", eps: "1/4", centres: #"["up","down"]"#, count: 1),
            at: "/claims/0/statement/count", reason: ["counts 1 centres but 2 are listed"])
        #expect(f?.expected == "count = 1")
        #expect(f?.computed == "2 centres")
        RT.expectFailed(
            Self.cover(Self.base, "H2", eps: "1/4", centres: #"["up","down"]"#, count: 3),
            at: "/claims/0/statement/count")
    }

    /// K = {+-r_0} (J = 1, readout 1): the zero function covers it at eps = 1 exactly.
    @Test func readoutClassCoveredByZero() {
        let base = RuleCertificate().object("K", RT.readoutClass(levels: 1, [1])).object("zero", RT.constant("0"))
        RT.expectVerified(Self.cover(base, "K", eps: "1", centres: #"["zero"]"#, count: 1))
        RT.expectFailed(
            Self.cover(base, "K", eps: "999/1000", centres: #"["zero"]"#, count: 1), at: "/claims/0/inputs/centres", reason: ["is 1 from"])
    }

    /// Constants 0..5 with centres 1/2, 5/2, 9/2 at eps = 1/2: establishes
    /// covering-number <= 3 and bits <= ceil(log2 3) = 2.
    @Test func finiteClassAndEstablishedQuantities() {
        var base = RuleCertificate()
        for c in 0..<6 { base = base.object("c\(c)", RT.constant(String(c))) }
        base = base.object("K", RT.finiteClass((0..<6).map { "c\($0)" }))
            .object("m0", RT.constant("1/2")).object("m1", RT.constant("5/2")).object("m2", RT.constant("9/2"))
        RT.expectFailed(Self.cover(base, "K", eps: "499/1000", centres: #"["m0","m1","m2"]"#, count: 3), at: "/claims/0/inputs/centres")
        let covered = base.claim(
            "c", "cover", inputs: #"{"class":"K","eps":"1/2","centres":["m0","m1","m2"]}"#, statement: #"{"count":"3"}"#)
        func bits(_ quantity: String, _ relation: String, _ bound: String) -> FileVerdict {
            covered.claim(
                "b", "bits", uses: ["c"], inputs: "{\"terms\":[{\"claim\":\"c\",\"quantity\":\"\(quantity)\",\"coefficient\":\"1\"}]}",
                statement: "{\"relation\":\"\(relation)\",\"bound\":\"\(bound)\"}"
            ).verify()
        }
        RT.expectVerified(bits("bits", "<=", "2"))
        RT.expectFailed(bits("bits", "<=", "1"), claim: 1, at: "/claims/1/statement/bound")
        RT.expectFailed(bits("bits", ">=", "0"), claim: 1, at: "/claims/1/statement/bound")
        RT.expectVerified(bits("covering-number", "<=", "3"))
        RT.expectFailed(bits("covering-number", "<=", "2"), claim: 1, at: "/claims/1/statement/bound")
    }

    @Test func centreArityMustMatchTheClass() {
        let base = RuleCertificate().object("K", RT.readoutClass(levels: 2, [2, 3])).object("zero", RT.constant("0"))
        RT.expectMalformed(Self.cover(base, "K", eps: "1", centres: #"["zero"]"#, count: 1), at: "/claims/0/inputs/centres/0")
        RT.expectVerified(Self.cover(base, "K", eps: "1", centres: #"[["zero","zero"]]"#, count: 1))
        RT.expectFailed(Self.cover(base, "K", eps: "1/2", centres: #"[["zero","zero"]]"#, count: 1), at: "/claims/0/inputs/centres")
    }
}
