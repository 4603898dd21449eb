import Testing
@testable import CertificateKernel
import DyadicFunctions
import ExactArithmetic
import TestSupport

/// `network-width-lower`: any network realising the functions needs >= n first-layer
/// units (Corollary N2).
@Suite("Rule network-width-lower")
struct NetworkWidthLowerRuleTests {
    static func width(_ base: RuleCertificate, mode: String, functions: [String]? = nil, cls: String? = nil, atLeast: String) -> FileVerdict
    {
        let input = functions.map { "\"functions\":\(RT.a($0))" } ?? "\"class\":\"\(cls ?? "")\""
        return base.claim(
            "w", "network-width-lower", inputs: "{\"mode\":\"\(mode)\",\(input)}",
            statement: "{\"first-layer-units-at-least\":\"\(atLeast)\"}"
        ).verify()
    }

    /// The separate and joint widths of class K in `base` are exactly `separate` and
    /// `joint`: each verifies as stated and fails one unit higher, naming the bound.
    static func expectTightWidths(_ base: RuleCertificate, separate: Int, joint: Int) {
        for (mode, units) in [("separate", separate), ("joint", joint)] {
            RT.expectVerified(Self.width(base, mode: mode, cls: "K", atLeast: String(units)))
            RT.expectFailed(
                Self.width(base, mode: mode, cls: "K", atLeast: String(units + 1)),
                at: "/claims/0/statement/first-layer-units-at-least", reason: ["at least \(units)"])
        }
    }

    /// s has 8 breakpoints (the midrange step function of T^(3)).
    static let functions = RuleCertificate()
        .object(
            "s",
            RT.step(
                ["0", "1/16", "3/16", "5/16", "7/16", "9/16", "11/16", "13/16", "15/16", "1"],
                ["1/4", "3/4", "1/4", "3/4", "1/4", "3/4", "1/4", "3/4", "1/4"])
        )
        .object("psi00", RT.haarFunction(level: 0, index: 0)) // breakpoint 1/2
        .object("psi10", RT.haarFunction(level: 1, index: 0)) // breakpoints 1/4, 1/2 (0 on [1/2, 1))
        .object("redundant", RT.step(["0", "1/3", "1/2", "1"], ["1", "1", "-1"])) // canonical: one breakpoint, 1/2
        .object("packed", RT.signFunction(level: 3, negativeCells: [1, 2, 5]))

    @Test func breakpointCountsAccepted() {
        RT.expectVerified(Self.width(Self.functions, mode: "separate", functions: ["s"], atLeast: "8"))
        RT.expectVerified(Self.width(Self.functions, mode: "separate", functions: ["s"], atLeast: "7"))
        RT.expectVerified(Self.width(Self.functions, mode: "separate", functions: ["psi00", "psi10"], atLeast: "3"))
        RT.expectVerified(Self.width(Self.functions, mode: "joint", functions: ["psi00", "psi10"], atLeast: "2"))
        RT.expectVerified(Self.width(Self.functions, mode: "separate", functions: ["redundant"], atLeast: "1"))
    }

    @Test func breakpointCountsOffByOneRejected() {
        let f = RT.expectFailed(
            Self.width(Self.functions, mode: "separate", functions: ["s"], atLeast: "9"),
            at: "/claims/0/statement/first-layer-units-at-least", reason: ["Corollary N2 gives at least 8"])
        #expect(f?.computed == "breakpoints: 8")
        RT.expectFailed(
            Self.width(Self.functions, mode: "separate", functions: ["psi00", "psi10"], atLeast: "4"),
            at: "/claims/0/statement/first-layer-units-at-least", reason: ["at least 3"])
        // Jointly the shared breakpoint 1/2 counts once.
        RT.expectFailed(
            Self.width(Self.functions, mode: "joint", functions: ["psi00", "psi10"], atLeast: "3"),
            at: "/claims/0/statement/first-layer-units-at-least", reason: ["at least 2"])
        // A breakpoint between equal values is not a breakpoint.
        RT.expectFailed(
            Self.width(Self.functions, mode: "separate", functions: ["redundant"], atLeast: "2"),
            at: "/claims/0/statement/first-layer-units-at-least", reason: ["at least 1"])
        RT.expectFailed(
            Self.width(Self.functions, mode: "joint", functions: ["redundant", "psi00"], atLeast: "2"),
            at: "/claims/0/statement/first-layer-units-at-least", reason: ["at least 1"])
    }

    @Test func packedBreakpointsAgainstBruteForce() {
        var values = Array(repeating: 1, count: 8)
        for c in [1, 2, 5] { values[c] = -1 }
        let n = Brute.breakpoints(values)
        #expect(n == 4)
        RT.expectVerified(Self.width(Self.functions, mode: "separate", functions: ["packed"], atLeast: String(n)))
        RT.expectFailed(
            Self.width(Self.functions, mode: "separate", functions: ["packed"], atLeast: String(n + 1)),
            at: "/claims/0/statement/first-layer-units-at-least")
        var rng = RTRandom(state: 3)
        for _ in 0..<10 {
            let negative = Set((0..<16).filter { _ in rng.int(0...1) == 1 })
            let cells = (0..<16).map { negative.contains($0) ? -1 : 1 }
            let count = Brute.breakpoints(cells)
            let base = RuleCertificate().object("p", RT.signFunction(level: 4, negativeCells: negative))
            RT.expectVerified(Self.width(base, mode: "separate", functions: ["p"], atLeast: String(count)))
            RT.expectFailed(
                Self.width(base, mode: "joint", functions: ["p"], atLeast: String(count + 1)),
                at: "/claims/0/statement/first-layer-units-at-least")
        }
    }

    /// The class form: with top(m_d) = J - 1, every output has >= 2^(J-1) breakpoints for
    /// every sign tree (brute force below), so D 2^(J-1) separately and 2^(J-1) jointly.
    @Test func classFormAgainstBruteForce() {
        for (J, readouts) in [(2, [2, 3]), (3, [4, 5, 6, 7]), (3, [5, 6])] {
            for tree in 0..<(1 << ((1 << J) - 1)) {
                for m in readouts { #expect(Brute.breakpoints(Brute.output(tree, levels: J, readout: m)) >= 1 << (J - 1)) }
            }
            let base = RuleCertificate().object("K", RT.readoutClass(levels: J, readouts))
            let separate = readouts.count << (J - 1), joint = 1 << (J - 1)
            Self.expectTightWidths(base, separate: separate, joint: joint)
        }
    }

    /// Readouts of any top: for every sign tree (brute force), output d changes sign at the
    /// midpoint of every level-top(m_d) cell, so it has at least 2^top(m_d) breakpoints,
    /// and jointly the midpoints of the distinct tops' cells (different points) all break.
    /// The class form states exactly these counts: one more is rejected.
    @Test func classFormForEveryTopAgainstBruteForce() {
        for (J, readouts) in [(2, [1, 2]), (3, [4, 3]), (3, [2, 3]), (3, [1, 2, 4]), (3, [1, 6, 7]), (4, [3, 9])] {
            let tops = readouts.map { m in (0..<J).last { m >> $0 & 1 == 1 }! }
            let separate = tops.reduce(0) { $0 + (1 << $1) }, joint = Set(tops).reduce(0) { $0 + (1 << $1) }
            var leastSeparate = Int.max, leastJoint = Int.max
            for tree in 0..<(1 << ((1 << J) - 1)) {
                let outputs = readouts.map { Brute.output(tree, levels: J, readout: $0) }
                for (f, t) in zip(outputs, tops) {
                    // Midpoint of level-t cell k: the left end of cell (2k+1) 2^(J-t-1).
                    for k in 0..<(1 << t) {
                        let c = (2 * k + 1) << (J - t - 1)
                        #expect(f[c] != f[c - 1], "J = \(J), tree \(tree), top \(t): no sign change at the midpoint of cell \(k)")
                    }
                }
                leastSeparate = min(leastSeparate, outputs.reduce(0) { $0 + Brute.breakpoints($1) })
                // Joint: the cells c (1..<2^J) at whose left end some output changes.
                leastJoint = min(leastJoint, (1..<(1 << J)).filter { c in outputs.contains { $0[c] != $0[c - 1] } }.count)
            }
            #expect(leastSeparate >= separate && leastJoint >= joint)
            let base = RuleCertificate().object("K", RT.readoutClass(levels: J, readouts))
            Self.expectTightWidths(base, separate: separate, joint: joint)
        }
        let haar = RuleCertificate().object("H", RT.haarClass(levels: 2))
        RT.expectMalformed(Self.width(haar, mode: "joint", cls: "H", atLeast: "1"), at: "/claims/0/inputs/class")
    }
}

/// `network-width-lower` with `eps` (Lemma N2e): networks within eps of the functions
/// need a first-layer unit at every breakpoint where a function jumps by more than 2 eps.
@Suite("Rule network-width-lower at accuracy eps")
struct NetworkWidthLowerEpsTests {
    static func width(_ base: RuleCertificate, mode: String, functions: [String]? = nil, cls: String? = nil, eps: String, atLeast: String)
        -> FileVerdict
    {
        let input = functions.map { "\"functions\":\(RT.a($0))" } ?? "\"class\":\"\(cls ?? "")\""
        return base.claim(
            "w", "network-width-lower", inputs: "{\"mode\":\"\(mode)\",\(input),\"eps\":\"\(eps)\"}",
            statement: "{\"first-layer-units-at-least\":\"\(atLeast)\"}"
        ).verify()
    }

    /// a jumps by 1/2 at 1/4, by 1 at 1/2 and by 1/4 at 3/4; b jumps by 1 at 1/2 and by
    /// 3/4 at 5/8. Jumps > 2 eps, counted by hand for each eps below.
    static let functions = RuleCertificate()
        .object("a", RT.step(["0", "1/4", "1/2", "3/4", "1"], ["0", "1/2", "3/2", "7/4"]))
        .object("b", RT.step(["0", "1/2", "5/8", "1"], ["0", "1", "1/4"]))

    @Test func jumpsAboveTwiceEpsCount() {
        // (eps, a's count, b's count, union count)
        let table: [(String, Int, Int, Int)] = [
            ("1/16", 3, 2, 4), ("1/8", 2, 2, 3), ("1/5", 2, 2, 3), ("1/4", 1, 2, 2),
            ("3/8", 1, 1, 1), ("2/5", 1, 1, 1), ("1/2", 0, 0, 0), ("1", 0, 0, 0),
        ]
        for (eps, na, nb, union) in table {
            let b = Self.functions
            RT.expectVerified(Self.width(b, mode: "separate", functions: ["a"], eps: eps, atLeast: String(na)))
            RT.expectFailed(
                Self.width(b, mode: "separate", functions: ["a"], eps: eps, atLeast: String(na + 1)),
                at: "/claims/0/statement/first-layer-units-at-least", reason: ["Lemma N2e gives at least \(na)"])
            RT.expectVerified(Self.width(b, mode: "separate", functions: ["a", "b"], eps: eps, atLeast: String(na + nb)))
            RT.expectFailed(
                Self.width(b, mode: "separate", functions: ["a", "b"], eps: eps, atLeast: String(na + nb + 1)),
                at: "/claims/0/statement/first-layer-units-at-least")
            RT.expectVerified(Self.width(b, mode: "joint", functions: ["a", "b"], eps: eps, atLeast: String(union)))
            RT.expectFailed(
                Self.width(b, mode: "joint", functions: ["a", "b"], eps: eps, atLeast: String(union + 1)),
                at: "/claims/0/statement/first-layer-units-at-least")
        }
    }

    /// A jump of exactly 2 eps does not count; 2^-60 less than that eps and it does.
    @Test func jumpOfExactlyTwiceEpsDoesNotCount() {
        let below = "288230376151711743/1152921504606846976" // 1/4 - 2^-60
        RT.expectFailed(
            Self.width(Self.functions, mode: "separate", functions: ["a"], eps: "1/4", atLeast: "2"),
            at: "/claims/0/statement/first-layer-units-at-least", reason: ["at least 1"])
        RT.expectVerified(Self.width(Self.functions, mode: "separate", functions: ["a"], eps: below, atLeast: "2"))
        // b's jump 3/4 at eps = 3/8 exactly, and at 3/8 - 2^-60.
        RT.expectFailed(
            Self.width(Self.functions, mode: "separate", functions: ["b"], eps: "3/8", atLeast: "2"),
            at: "/claims/0/statement/first-layer-units-at-least")
        RT.expectVerified(
            Self.width(Self.functions, mode: "separate", functions: ["b"], eps: "432345564227567615/1152921504606846976", atLeast: "2"))
    }

    /// +-1 outputs: every jump is 2, so every eps in (0, 1) gives the full count, eps = 1
    /// gives nothing (the constant 0 is within 1 of every +-1 function).
    @Test func signValuedFunctionsAndClasses() {
        let near1 = "1152921504606846975/1152921504606846976" // 1 - 2^-60
        let tiny = "1/1152921504606846976"
        for (J, readouts) in [(3, [4, 5, 6, 7]), (3, [1, 6]), (4, [8, 3])] {
            let tops = readouts.map { Int.bitWidth - 1 - $0.leadingZeroBitCount }
            let separate = tops.reduce(0) { $0 + (1 << $1) }, joint = Set(tops).reduce(0) { $0 + (1 << $1) }
            let base = RuleCertificate().object("K", RT.readoutClass(levels: J, readouts))
            for eps in [tiny, "1/2", near1] {
                RT.expectVerified(Self.width(base, mode: "separate", cls: "K", eps: eps, atLeast: String(separate)))
                RT.expectVerified(Self.width(base, mode: "joint", cls: "K", eps: eps, atLeast: String(joint)))
                RT.expectFailed(
                    Self.width(base, mode: "separate", cls: "K", eps: eps, atLeast: String(separate + 1)),
                    at: "/claims/0/statement/first-layer-units-at-least", reason: ["Lemma N2e gives at least \(separate)"])
                RT.expectFailed(
                    Self.width(base, mode: "joint", cls: "K", eps: eps, atLeast: String(joint + 1)),
                    at: "/claims/0/statement/first-layer-units-at-least")
            }
            for eps in ["1", "3/2"] {
                RT.expectVerified(Self.width(base, mode: "separate", cls: "K", eps: eps, atLeast: "0"))
                RT.expectFailed(
                    Self.width(base, mode: "separate", cls: "K", eps: eps, atLeast: "1"),
                    at: "/claims/0/statement/first-layer-units-at-least")
            }
        }
        // A packed +-1 function: its 4 breakpoints count for every eps < 1, none at eps = 1.
        let packed = RuleCertificate().object("p", RT.signFunction(level: 3, negativeCells: [1, 2, 5]))
        RT.expectVerified(Self.width(packed, mode: "separate", functions: ["p"], eps: near1, atLeast: "4"))
        RT.expectFailed(
            Self.width(packed, mode: "separate", functions: ["p"], eps: near1, atLeast: "5"),
            at: "/claims/0/statement/first-layer-units-at-least")
        RT.expectFailed(
            Self.width(packed, mode: "separate", functions: ["p"], eps: "1", atLeast: "1"),
            at: "/claims/0/statement/first-layer-units-at-least")
        RT.expectVerified(Self.width(packed, mode: "joint", functions: ["p"], eps: near1, atLeast: "4"))
    }

    @Test func epsMustBePositiveAndIsPartOfTheMeaning() {
        RT.expectMalformed(
            Self.width(Self.functions, mode: "separate", functions: ["a"], eps: "0", atLeast: "0"), at: "/claims/0/inputs/eps")
        RT.expectMalformed(
            Self.width(Self.functions, mode: "separate", functions: ["a"], eps: "-1/2", atLeast: "0"), at: "/claims/0/inputs/eps")
        let base = RuleCertificate().object("K", RT.readoutClass(levels: 3, [4, 5]))
            .claim(
                "w", "network-width-lower", inputs: #"{"mode":"separate","class":"K","eps":"1/2"}"#,
                statement: #"{"first-layer-units-at-least":"8"}"#)
        func use(_ meaning: String) -> FileVerdict {
            base.claim(
                "t", "bits", uses: ["w"],
                inputs: "{\"terms\":[{\"claim\":\"w\",\"quantity\":\"first-layer-units\",\"coefficient\":\"1\",\"meaning\":\(meaning)}]}",
                statement: #"{"relation":">=","bound":"8"}"#
            ).verify()
        }
        RT.expectVerified(use(#"{"measure":"realising-first-layer-units","subject":["K"],"eps":"1/2","coding":"separate"}"#))
        RT.expectFailed(
            use(#"{"measure":"realising-first-layer-units","subject":["K"],"coding":"separate"}"#), claim: 1,
            at: "/claims/1/inputs/terms/0/meaning")
        RT.expectFailed(
            use(#"{"measure":"realising-first-layer-units","subject":["K"],"eps":"1/4","coding":"separate"}"#), claim: 1,
            at: "/claims/1/inputs/terms/0/meaning")
    }
}

/// `network-bits`: the description length of a network under its declared codes (sec. 8).
/// `network-width-lower` with `eps-below` b (Lemma N2e at every eps in (0, b)): a jump
/// exceeds 2 eps for every eps < b exactly when it is at least 2b, so the kernel counts
/// the jumps >= 2b. The counts below are by hand from the jumps of
/// ``NetworkWidthLowerEpsTests/functions`` (a: 1/2, 1, 1/4; b: 1, 3/4).
@Suite("Rule network-width-lower at every eps below b")
struct NetworkWidthLowerEpsBelowTests {
    static func width(_ base: RuleCertificate, mode: String, functions: [String]? = nil, cls: String? = nil, below: String, atLeast: String)
        -> FileVerdict
    {
        let input = functions.map { "\"functions\":\(RT.a($0))" } ?? "\"class\":\"\(cls ?? "")\""
        return base.claim(
            "w", "network-width-lower", inputs: "{\"mode\":\"\(mode)\",\(input),\"eps-below\":\"\(below)\"}",
            statement: "{\"first-layer-units-at-least\":\"\(atLeast)\"}"
        ).verify()
    }

    static let pointer = "/claims/0/statement/first-layer-units-at-least"
    /// 2^-60.
    static let step = "1/1152921504606846976"

    @Test func jumpsOfAtLeastTwiceBCount() {
        // (b, a's count, b's count, union count): jumps >= 2b.
        let table: [(String, Int, Int, Int)] = [
            ("1/16", 3, 2, 4), ("1/8", 3, 2, 4), ("1/5", 2, 2, 3), ("1/4", 2, 2, 3),
            ("3/8", 1, 2, 2), ("2/5", 1, 1, 1), ("1/2", 1, 1, 1), ("1", 0, 0, 0), ("2", 0, 0, 0),
        ]
        let f = NetworkWidthLowerEpsTests.functions
        for (below, na, nb, union) in table {
            RT.expectVerified(Self.width(f, mode: "separate", functions: ["a"], below: below, atLeast: String(na)))
            RT.expectFailed(
                Self.width(f, mode: "separate", functions: ["a"], below: below, atLeast: String(na + 1)),
                at: Self.pointer, reason: ["Lemma N2e gives at least \(na)"])
            RT.expectVerified(Self.width(f, mode: "separate", functions: ["a", "b"], below: below, atLeast: String(na + nb)))
            RT.expectFailed(
                Self.width(f, mode: "separate", functions: ["a", "b"], below: below, atLeast: String(na + nb + 1)), at: Self.pointer)
            RT.expectVerified(Self.width(f, mode: "joint", functions: ["a", "b"], below: below, atLeast: String(union)))
            RT.expectFailed(
                Self.width(f, mode: "joint", functions: ["a", "b"], below: below, atLeast: String(union + 1)), at: Self.pointer)
        }
    }

    /// The boundary: a's jump 1/2 counts for every eps < 1/4 (b = 1/4), not for every
    /// eps < 1/4 + 2^-60 (eps = 1/4 is then allowed, and a jump of 2 eps does not count).
    @Test func boundaryAndOneStepAbove() {
        let f = NetworkWidthLowerEpsTests.functions
        RT.expectVerified(Self.width(f, mode: "separate", functions: ["a"], below: "1/4", atLeast: "2"))
        RT.expectFailed(
            Self.width(f, mode: "separate", functions: ["a"], below: "288230376151711745/1152921504606846976", atLeast: "2"),
            at: Self.pointer, reason: ["at least 1"]) // 1/4 + 2^-60
        // b's jump 3/4: counts for b = 3/8, not for 3/8 + 2^-60.
        RT.expectVerified(Self.width(f, mode: "separate", functions: ["b"], below: "3/8", atLeast: "2"))
        RT.expectFailed(
            Self.width(f, mode: "separate", functions: ["b"], below: "432345564227567617/1152921504606846976", atLeast: "2"),
            at: Self.pointer)
    }

    /// +-1 outputs: b = 1 (every eps in (0, 1)) gives the full count; b = 1 + 2^-60 allows
    /// eps = 1, where the constant 0 is within eps, so only 0 is accepted.
    @Test func signValuedClassesAtEveryEpsBelowOne() {
        let above1 = "1152921504606846977/1152921504606846976"
        for (J, readouts) in [(3, [4, 5, 6, 7]), (3, [1, 6]), (4, [8, 3])] {
            let tops = readouts.map { Int.bitWidth - 1 - $0.leadingZeroBitCount }
            let separate = tops.reduce(0) { $0 + (1 << $1) }, joint = Set(tops).reduce(0) { $0 + (1 << $1) }
            let base = RuleCertificate().object("K", RT.readoutClass(levels: J, readouts))
            for below in [Self.step, "1/2", "1"] {
                RT.expectVerified(Self.width(base, mode: "separate", cls: "K", below: below, atLeast: String(separate)))
                RT.expectVerified(Self.width(base, mode: "joint", cls: "K", below: below, atLeast: String(joint)))
                RT.expectFailed(
                    Self.width(base, mode: "separate", cls: "K", below: below, atLeast: String(separate + 1)),
                    at: Self.pointer, reason: ["Lemma N2e gives at least \(separate)"])
                RT.expectFailed(Self.width(base, mode: "joint", cls: "K", below: below, atLeast: String(joint + 1)), at: Self.pointer)
            }
            RT.expectVerified(Self.width(base, mode: "separate", cls: "K", below: above1, atLeast: "0"))
            RT.expectFailed(
                Self.width(base, mode: "separate", cls: "K", below: above1, atLeast: "1"), at: Self.pointer, reason: ["at least 0"])
            RT.expectFailed(Self.width(base, mode: "joint", cls: "K", below: above1, atLeast: "1"), at: Self.pointer)
        }
        let packed = RuleCertificate().object("p", RT.signFunction(level: 3, negativeCells: [1, 2, 5]))
        RT.expectVerified(Self.width(packed, mode: "separate", functions: ["p"], below: "1", atLeast: "4"))
        RT.expectFailed(Self.width(packed, mode: "separate", functions: ["p"], below: "1", atLeast: "5"), at: Self.pointer)
        RT.expectFailed(Self.width(packed, mode: "separate", functions: ["p"], below: above1, atLeast: "1"), at: Self.pointer)
    }

    /// The verdict says "every eps < b", and a `bits` term must state eps-below (not eps).
    @Test func epsBelowIsPartOfTheMeaning() {
        let base = RuleCertificate().object("K", RT.readoutClass(levels: 3, [4, 5]))
            .claim(
                "w", "network-width-lower", inputs: #"{"mode":"separate","class":"K","eps-below":"1"}"#,
                statement: #"{"first-layer-units-at-least":"8"}"#)
        let alone = base.verify()
        RT.expectVerified(alone)
        #expect(alone.claims.first?.summary.contains("every eps < 1") == true, "summary: \(alone.claims.first?.summary ?? "-")")
        func use(_ meaning: String) -> FileVerdict {
            base.claim(
                "t", "bits", uses: ["w"],
                inputs: "{\"terms\":[{\"claim\":\"w\",\"quantity\":\"first-layer-units\",\"coefficient\":\"1\",\"meaning\":\(meaning)}]}",
                statement: #"{"relation":">=","bound":"8"}"#
            ).verify()
        }
        let used = use(#"{"measure":"realising-first-layer-units","subject":["K"],"eps-below":"1","coding":"separate"}"#)
        RT.expectVerified(used)
        #expect(used.claims.last?.summary.contains("within every eps < 1 of K") == true, "summary: \(used.claims.last?.summary ?? "-")")
        RT.expectFailed(
            use(#"{"measure":"realising-first-layer-units","subject":["K"],"eps":"1","coding":"separate"}"#), claim: 1,
            at: "/claims/1/inputs/terms/0/meaning")
        RT.expectFailed(
            use(#"{"measure":"realising-first-layer-units","subject":["K"],"eps-below":"1/2","coding":"separate"}"#), claim: 1,
            at: "/claims/1/inputs/terms/0/meaning")
        RT.expectFailed(
            use(#"{"measure":"realising-first-layer-units","subject":["K"],"coding":"separate"}"#), claim: 1,
            at: "/claims/1/inputs/terms/0/meaning")
    }

    @Test func malformedBounds() {
        let f = NetworkWidthLowerEpsTests.functions
        RT.expectMalformed(Self.width(f, mode: "separate", functions: ["a"], below: "0", atLeast: "0"), at: "/claims/0/inputs/eps-below")
        RT.expectMalformed(Self.width(f, mode: "separate", functions: ["a"], below: "-1", atLeast: "0"), at: "/claims/0/inputs/eps-below")
        RT.expectMalformed(Self.width(f, mode: "separate", functions: ["a"], below: "0.5", atLeast: "0"), at: "/claims/0/inputs/eps-below")
        let both = f.claim(
            "w", "network-width-lower", inputs: #"{"mode":"separate","functions":["a"],"eps":"1/8","eps-below":"1/8"}"#,
            statement: #"{"first-layer-units-at-least":"1"}"#
        ).verify()
        RT.expectMalformed(both, at: "/claims/0/inputs/eps-below", mentioning: ["not both"])
    }
}

@Suite("Rule network-bits")
struct NetworkBitsRuleTests {
    /// H(x - 1/4) + H(3/4 - x) - 1: codes sign (1) + dyadic[2,2] (1 + 2 + 2 = 5) per
    /// first-layer unit, two int[0,3] weights (2 each) and an int[-1,0] bias (1): 17 bits.
    static func coded(bias0: String = "-1/4", biasCode0: String? = "dyadic[2,2]", weight2: String = "1", weightCode2: String = "int[0,3]")
        -> String
    {
        RT.network([
            RT.layer([
                RT.unit("heaviside", inputs: [0], weights: ["1"], bias: bias0, weightCodes: ["sign"], biasCode: biasCode0),
                RT.unit("heaviside", inputs: [0], weights: ["-1"], bias: "3/4", weightCodes: ["sign"], biasCode: "dyadic[2,2]"),
            ]),
            RT.layer([
                RT.unit(
                    "linear", inputs: [0, 1], weights: ["1", weight2], bias: "-1", weightCodes: ["int[0,3]", weightCode2],
                    biasCode: "int[-1,0]")
            ]),
        ])
    }

    static func bits(_ net: String, _ statement: String) -> FileVerdict {
        RuleCertificate().object("net", net).object("bump", RT.step(["0", "1/4", "3/4", "1"], ["0", "1", "0"]))
            .claim("r", "network-realises", inputs: #"{"network":"net","functions":["bump"]}"#, statement: #"{"outputs":"1"}"#)
            .claim("b", "network-bits", inputs: #"{"network":"net"}"#, statement: statement).verify()
    }

    @Test func codedNetworkAccepted() {
        RT.expectVerified(
            Self.bits(Self.coded(), #"{"bits":"17","units":"3","hidden-units":"2","parameters":"7","first-layer-units":"2","layers":"2"}"#))
        RT.expectVerified(Self.bits(Self.coded(), #"{"bits":"17"}"#))
    }

    @Test func bitsAndCountsOffByOneRejected() {
        for wrong in ["16", "18"] {
            let f = RT.expectFailed(
                Self.bits(Self.coded(), "{\"bits\":\"\(wrong)\"}"), claim: 1, at: "/claims/1/statement/bits", reason: ["add up to 17 bits"])
            #expect(f?.computed == "bits = 17")
        }
        for (key, right) in [("units", 3), ("hidden-units", 2), ("parameters", 7), ("first-layer-units", 2), ("layers", 2)] {
            RT.expectFailed(
                Self.bits(Self.coded(), "{\"bits\":\"17\",\"\(key)\":\"\(right + 1)\"}"), claim: 1, at: "/claims/1/statement/\(key)",
                reason: ["the network has \(right) \(key)"])
        }
    }

    /// Code lengths at their boundaries (MATH.md sec. 8).
    @Test func codeLengths() {
        // int[1,1]: 0 bits; int[0,4]: ceil(log2 5) = 3; dyadic[3,0]: 1 + 3 + 0 = 4 (integers |p| < 8);
        // dyadic[0,0]: 1 bit (only 0 fits).
        let net = RT.network([
            RT.layer([RT.unit("heaviside", inputs: [0], weights: ["1"], bias: "-1/2", weightCodes: ["int[1,1]"], biasCode: "dyadic[1,1]")]),
            RT.layer([RT.unit("linear", inputs: [0], weights: ["-2"], bias: "1", weightCodes: ["dyadic[3,0]"], biasCode: "int[0,4]")]),
        ])
        // 0 + (1 + 1 + 1) + 4 + 3 = 10.
        let v = RuleCertificate().object("net", net).claim("b", "network-bits", inputs: #"{"network":"net"}"#, statement: #"{"bits":"10"}"#)
            .verify()
        RT.expectVerified(v)
        let zero = RT.network([
            RT.layer([RT.unit("heaviside", inputs: [0], weights: ["1"], bias: "0", weightCodes: ["sign"], biasCode: "dyadic[0,0]")]),
            RT.layer([RT.unit("linear", inputs: [0], weights: ["1"], bias: "0", weightCodes: ["sign"], biasCode: "dyadic[0,0]")]),
        ])
        RT.expectVerified(
            RuleCertificate().object("net", zero).claim("b", "network-bits", inputs: #"{"network":"net"}"#, statement: #"{"bits":"4"}"#)
                .verify())
    }

    /// Layer defaults and unit overrides.
    @Test func layerDefaultCodes() {
        let net = RT.network([
            RT.layer(
                [
                    RT.unit("heaviside", inputs: [0], weights: ["1"], bias: "-1/4"),
                    RT.unit("heaviside", inputs: [0], weights: ["-1"], bias: "3/4", weightCodes: ["int[-1,1]"]),
                ],
                weightCode: "sign", biasCode: "dyadic[2,2]"),
            RT.layer([RT.unit("linear", inputs: [0, 1], weights: ["1", "1"], bias: "-1", biasCode: "int[-1,0]")], weightCode: "int[0,3]"),
        ])
        // sign 1 + dyadic 5 + int[-1,1] 2 + dyadic 5 + 2 + 2 + 1 = 18.
        RT.expectVerified(Self.bits(net, #"{"bits":"18"}"#))
        RT.expectFailed(Self.bits(net, #"{"bits":"17"}"#), claim: 1, at: "/claims/1/statement/bits")
    }

    @Test func parameterOutsideItsCodeRejected() {
        let pointer = "/claims/1/inputs/network"
        // 5 does not fit int[0,3] (and the network computes something else, so only bits is checked here).
        RT.expectFailed(
            Self.bits(Self.coded(weight2: "5"), #"{"bits":"17"}"#), claim: 1, at: pointer,
            reason: ["layer 1 unit 0 weight 1 is 5", "does not fit its code int[0,3]"])
        RT.expectFailed(
            Self.bits(Self.coded(weight2: "1/2", weightCode2: "int[-4,4]"), #"{"bits":"19"}"#), claim: 1, at: pointer,
            reason: ["does not fit"])
        RT.expectFailed(
            Self.bits(Self.coded(weight2: "2", weightCode2: "sign"), #"{"bits":"16"}"#), claim: 1, at: pointer, reason: ["does not fit"])
        RT.expectFailed(
            Self.bits(Self.coded(weight2: "0", weightCode2: "sign"), #"{"bits":"16"}"#), claim: 1, at: pointer, reason: ["does not fit"])
        // dyadic[2,2]: p/2^e with |p| < 4 and e <= 2.
        RT.expectFailed(
            Self.bits(Self.coded(bias0: "-1/8"), #"{"bits":"17"}"#), claim: 1, at: pointer, reason: ["layer 0 unit 0 bias is -1/8"])
        RT.expectFailed(Self.bits(Self.coded(bias0: "-5/4"), #"{"bits":"17"}"#), claim: 1, at: pointer, reason: ["does not fit"])
        RT.expectFailed(Self.bits(Self.coded(bias0: "-1/3"), #"{"bits":"17"}"#), claim: 1, at: pointer, reason: ["does not fit"])
        RT.expectPassed(Self.bits(Self.coded(bias0: "-3/4"), #"{"bits":"17"}"#), claim: 1)
        RT.expectPassed(Self.bits(Self.coded(weight2: "3"), #"{"bits":"17"}"#), claim: 1)
        RT.expectFailed(Self.bits(Self.coded(weight2: "4"), #"{"bits":"17"}"#), claim: 1, at: pointer, reason: ["does not fit"])
    }

    @Test func parameterWithoutCodeRejected() {
        RT.expectFailed(
            Self.bits(Self.coded(biasCode0: nil), #"{"bits":"12"}"#), claim: 1, at: "/claims/1/inputs/network",
            reason: ["layer 0 unit 0 bias has no code"])
        // A one-layer network has no codes at all.
        let v = RuleCertificate().object("s", RT.step(["0", "1/2", "1"], ["0", "1"]))
            .object("net", #"{"kind":"one-layer-network","functions":["s"]}"#)
            .claim("b", "network-bits", inputs: #"{"network":"net"}"#, statement: #"{"bits":"0"}"#).verify()
        RT.expectFailed(v, at: "/claims/0/inputs/network", reason: ["has no code"])
    }

    /// `derived` is not a code an explicit network can declare: the file is malformed.
    @Test func derivedCodeInExplicitNetworkIsMalformed() {
        let net = RT.network([
            RT.layer([RT.unit("heaviside", inputs: [0], weights: ["1"], bias: "-1/2", weightCodes: ["sign"], biasCode: "derived")]),
            RT.layer([RT.unit("linear", inputs: [0], weights: ["-2"], bias: "1", weightCodes: ["int[-4,4]"], biasCode: "int[-4,4]")]),
        ])
        let v = RuleCertificate().object("net", net).claim("b", "network-bits", inputs: #"{"network":"net"}"#, statement: #"{"bits":"9"}"#)
            .verify()
        RT.expectMalformed(v, at: "/objects/net/layers/0/units/0/bias-code", mentioning: ["\"derived\""])
        for spelling in ["derived[trunk-threshold]", "derived(trunk-threshold)", "int[4,-4]", "dyadic[2]", "Sign"] {
            let other = net.replacingOccurrences(of: "\"derived\"", with: "\"\(spelling)\"")
            RT.expectMalformed(
                RuleCertificate().object("net", other).claim(
                    "b", "network-bits", inputs: #"{"network":"net"}"#, statement: #"{"bits":"9"}"#
                ).verify(),
                at: "/objects/net/layers/0/units/0/bias-code")
        }
    }

    /// The joint network of sec. 8 at J = 2, readouts {2, 3}: only u's 3 weights
    /// (dyadic[2,2], 5 bits) and bias (dyadic[3,3], 1 + 3 + 2 = 6 bits) are coded: 21 bits.
    @Test func jointNetworkBits() {
        for tree in 0..<8 {
            let v = RuleCertificate().object("sigma", RT.signTree(levels: 2, number: tree))
                .object("net", #"{"kind":"joint-network","signs":"sigma","readouts":["2","3"]}"#)
                .claim("b", "network-bits", inputs: #"{"network":"net"}"#, statement: #"{"bits":"21","first-layer-units":"3"}"#)
                .claim("b2", "network-bits", inputs: #"{"network":"net"}"#, statement: #"{"bits":"20"}"#).verify()
            RT.expectPassed(v, claim: 0)
            RT.expectFailed(v, claim: 1, at: "/claims/1/statement/bits", reason: ["add up to 21 bits"])
        }
    }

    /// Soundness of the 0-bit `derived` codes of the recipe: a derived parameter must be
    /// the same for every sign tree (it is recomputed from J and the readouts alone).
    @Test func derivedParametersDoNotDependOnTheSignTree() throws {
        for (J, readouts) in [(2, [2, 3]), (3, [4, 5, 6, 7]), (3, [1, 6])] {
            let heads = try readouts.map { m throws(DyadicFunctionError) in try WalshReadout(index: m) }
            var reference: CodedHeavisideNetwork? = nil
            for tree in 0..<(1 << ((1 << J) - 1)) {
                let coded = try NetworkBuilder.joint(signs: try SignTree(levels: J, number: tree), readouts: heads)
                guard let first = reference else {
                    reference = coded
                    continue
                }
                #expect(coded.weightCodes == first.weightCodes && coded.biasCodes == first.biasCodes)
                for (l, layer) in coded.network.layers.enumerated() {
                    for (u, unit) in layer.enumerated() {
                        let other = first.network.layers[l][u]
                        #expect(unit.inputs == other.inputs)
                        for (k, w) in unit.weights.enumerated() {
                            if case .derived = coded.weightCodes[l][u][k] {
                                #expect(w == other.weights[k], "derived weight \(l)/\(u)/\(k) depends on sigma")
                            }
                        }
                        if case .derived = coded.biasCodes[l][u] {
                            #expect(unit.bias == other.bias, "derived bias \(l)/\(u) depends on sigma")
                        }
                    }
                }
            }
        }
    }
}
