import Testing
@testable import CertificateKernel

/// `enumerate`: |K| or N(eps, K) by brute force (the definitions of MATH.md sec. 7).
@Suite("Rule enumerate")
struct EnumerateRuleTests {
    static func size(_ base: RuleCertificate, _ cls: String, coding: String = "joint", _ statement: String) -> FileVerdict {
        base.claim("e", "enumerate", inputs: "{\"class\":\"\(cls)\",\"quantity\":\"size\",\"coding\":\"\(coding)\"}", statement: statement)
            .verify()
    }

    static func covering(_ base: RuleCertificate, _ cls: String, eps: String, coding: String = "joint", _ statement: String) -> FileVerdict
    {
        base.claim(
            "e", "enumerate", inputs: "{\"class\":\"\(cls)\",\"quantity\":\"covering-number\",\"coding\":\"\(coding)\",\"eps\":\"\(eps)\"}",
            statement: statement
        ).verify()
    }

    /// Sizes of every readout class at J <= 2 and of the J = 3 table, joint and separate,
    /// against the brute-force count of distinct output tuples; off by one is rejected.
    @Test func readoutClassSizesAgainstBruteForce() {
        var cases: [(Int, [Int])] = [(1, [1])]
        for subset in 1..<8 { cases.append((2, [1, 2, 3].enumerated().filter { subset >> $0.offset & 1 == 1 }.map(\.element))) }
        cases += [(3, [4, 5]), (3, [4, 5, 6, 7]), (3, [5, 6]), (3, [3, 5, 6]), (3, [1, 2, 4]), (3, [7])]
        for (J, readouts) in cases {
            let sizes = Brute.readoutSizes(levels: J, readouts)
            let base = RuleCertificate().object("K", RT.readoutClass(levels: J, readouts))
            RT.expectVerified(Self.size(base, "K", "{\"value\":\"\(sizes.joint)\"}"))
            RT.expectVerified(Self.size(base, "K", coding: "separate", "{\"values\":\(RT.ints(sizes.separate))}"))
            let f = RT.expectFailed(
                Self.size(base, "K", "{\"value\":\"\(sizes.joint + 1)\"}"), at: "/claims/0/statement/value",
                reason: ["enumeration gives \(sizes.joint)"])
            #expect(f?.computed == "\(sizes.joint)")
            RT.expectFailed(Self.size(base, "K", "{\"value\":\"\(sizes.joint - 1)\"}"), at: "/claims/0/statement/value")
            var wrong = sizes.separate
            wrong[wrong.count - 1] *= 2
            RT.expectFailed(
                Self.size(base, "K", coding: "separate", "{\"values\":\(RT.ints(wrong))}"),
                at: "/claims/0/statement/values/\(wrong.count - 1)")
            // +-1 classes: N(eps, K) = |K| for eps < 1 (Lemma B), 1 for eps >= 1.
            RT.expectVerified(Self.covering(base, "K", eps: "999/1000", "{\"value\":\"\(sizes.joint)\"}"))
            RT.expectVerified(Self.covering(base, "K", eps: "1/2", coding: "separate", "{\"values\":\(RT.ints(sizes.separate))}"))
            if sizes.joint <= 8 { // exact clique cover: keep the search small
                RT.expectVerified(Self.covering(base, "K", eps: "1", "{\"value\":\"1\"}"))
                if sizes.joint > 1 {
                    RT.expectFailed(Self.covering(base, "K", eps: "1", "{\"value\":\"\(sizes.joint)\"}"), at: "/claims/0/statement/value")
                }
            }
        }
    }

    /// The Haar class H_2(1/2, 1/4): 8 distinct features (Lemma H1); N(1/4) = 2 (the root
    /// sign; within a root sign all features are 2 a_1 = 1/2 = 2 eps apart); N(eps) = 8
    /// for eps < 1/4 (all pairs are at least 1/2 apart, brute force below).
    @Test func haarClassSizesAndCoveringNumbers() {
        var least = Q(100), largest = Q(0)
        let features = (0..<8).map { Brute.feature($0, levels: 2, amplitudes: [Q(1, 2), Q(1, 4)]) }
        for a in 0..<8 {
            for b in (a + 1)..<8 {
                let d = zip(features[a], features[b]).map { ($0 - $1).magnitude }.max()!
                least = min(least, d)
                largest = max(largest, d)
            }
        }
        #expect(least == Q(1, 2) && largest == Q(3, 2))
        let base = RuleCertificate().object("H", RT.haarClass(levels: 2, amplitudes: ["1/2", "1/4"]))
        RT.expectVerified(Self.size(base, "H", #"{"value":"8"}"#))
        RT.expectVerified(Self.covering(base, "H", eps: "1/4", #"{"value":"2"}"#))
        RT.expectFailed(
            Self.covering(base, "H", eps: "1/4", #"{"value":"1"}"#), at: "/claims/0/statement/value", reason: ["enumeration gives 2"])
        RT.expectVerified(Self.covering(base, "H", eps: "249/1000", #"{"value":"8"}"#))
        RT.expectFailed(
            Self.covering(base, "H", eps: "249/1000", #"{"value":"2"}"#), at: "/claims/0/statement/value", reason: ["enumeration gives 8"])
        RT.expectVerified(Self.covering(base, "H", eps: "3/4", #"{"value":"1"}"#))
        RT.expectFailed(Self.covering(base, "H", eps: "3/4", #"{"value":"2"}"#), at: "/claims/0/statement/value")
    }

    /// Constants 0, 1, 2, 3: a ball of radius eps holds the constants in an interval of
    /// length 2 eps, so N = 4, 2, 2, 1 for 2 eps < 1, = 1, = 2, = 3.
    @Test func constantsCoveringNumbersByHand() {
        var base = RuleCertificate()
        for c in 0..<4 { base = base.object("c\(c)", RT.constant(String(c))) }
        base = base.object("K", RT.finiteClass(["c0", "c1", "c2", "c3"]))
        for (eps, n) in [("499/1000", 4), ("1/2", 2), ("1", 2), ("1499/1000", 2), ("3/2", 1)] {
            RT.expectVerified(Self.covering(base, "K", eps: eps, "{\"value\":\"\(n)\"}"))
            RT.expectFailed(
                Self.covering(base, "K", eps: eps, "{\"value\":\"\(n - 1)\"}"), at: "/claims/0/statement/value",
                reason: ["enumeration gives \(n)"])
            RT.expectFailed(Self.covering(base, "K", eps: eps, "{\"value\":\"\(n + 1)\"}"), at: "/claims/0/statement/value")
        }
    }

    /// Tuples (a, b) of constants in {0, 2}: joint at eps = 1/2 all 4 are 2 apart (N = 4),
    /// at eps = 1 one ball; separate: each coordinate class is {0, 2}.
    @Test func tupleClasses() {
        let base = RuleCertificate().object("z", RT.constant("0")).object("t", RT.constant("2"))
            .object("K", RT.finiteTupleClass([["z", "z"], ["z", "t"], ["t", "z"], ["t", "t"]]))
        RT.expectVerified(Self.covering(base, "K", eps: "1/2", #"{"value":"4"}"#))
        RT.expectVerified(Self.covering(base, "K", eps: "1", #"{"value":"1"}"#))
        RT.expectVerified(Self.covering(base, "K", eps: "1/2", coding: "separate", #"{"values":["2","2"]}"#))
        RT.expectVerified(Self.size(base, "K", #"{"value":"4"}"#))
        RT.expectVerified(Self.size(base, "K", coding: "separate", #"{"values":["2","2"]}"#))
        RT.expectFailed(Self.size(base, "K", coding: "separate", #"{"values":["2","4"]}"#), at: "/claims/0/statement/values/1")
        RT.expectMalformed(Self.size(base, "K", coding: "separate", #"{"values":["2"]}"#), at: "/claims/0/statement/values")
    }

    /// Sizes count distinct functions (equal almost everywhere), however they are written.
    @Test func sizesCountDistinctFunctions() {
        // Two step-function objects with the same values.
        let a = RuleCertificate().object("c", RT.constant("1")).object("d", RT.step(["0", "1/2", "1"], ["1", "1"]))
            .object("e", RT.constant("-1")).object("K", RT.finiteClass(["c", "d", "e"]))
        RT.expectVerified(Self.size(a, "K", #"{"value":"2"}"#))
        RT.expectFailed(Self.size(a, "K", #"{"value":"3"}"#), at: "/claims/0/statement/value")
    }

    /// The same +-1 function written packed (sign-function, walsh-function) and as a step
    /// function, or packed at two different levels, is one element: psi(0,0) = w_1 = r_0.
    @Test func packedAndStepFormsOfOneFunctionAreOneElement() {
        let base = RuleCertificate()
            .object("psi", RT.haarFunction(level: 0, index: 0)) // step form
            .object("w1", RT.walshFunction(1)) // packed, level 1
            .object("r0", RT.signFunction(level: 2, negativeCells: [2, 3])) // packed, level 2
            .object("K1", RT.finiteClass(["psi", "w1"]))
            .object("K2", RT.finiteClass(["w1", "r0"]))
            .object("K3", RT.finiteClass(["psi", "w1", "r0"]))
        for cls in ["K1", "K2", "K3"] {
            RT.expectVerified(Self.size(base, cls, #"{"value":"1"}"#))
            RT.expectFailed(Self.size(base, cls, #"{"value":"2"}"#), at: "/claims/0/statement/value")
        }
        // The same three as tuple coordinates.
        let tuples = base.object("T", RT.finiteTupleClass([["psi", "w1"], ["w1", "r0"], ["r0", "psi"]]))
        RT.expectVerified(Self.size(tuples, "T", #"{"value":"1"}"#))
        RT.expectVerified(Self.size(tuples, "T", coding: "separate", #"{"values":["1","1"]}"#))
    }

    /// Conversely, equal packed bits at different levels are different functions: the
    /// level-1 sign function with bits "4" is (+1, -1) on the halves, the level-2 one is
    /// (+1, -1, +1, +1) on the quarters. K = {both} has 2 elements.
    @Test func equalBitsAtDifferentLevelsAreDifferentFunctions() {
        let base = RuleCertificate()
            .object("a", RT.signFunction(level: 1, hex: "4")).object("b", RT.signFunction(level: 2, hex: "4"))
            .object("K", RT.finiteClass(["a", "b"]))
            .object("T", RT.finiteTupleClass([["a", "a"], ["b", "a"]]))
        RT.expectVerified(Self.size(base, "K", #"{"value":"2"}"#))
        RT.expectFailed(Self.size(base, "K", #"{"value":"1"}"#), at: "/claims/0/statement/value", reason: ["enumeration gives 2"])
        RT.expectVerified(Self.size(base, "T", #"{"value":"2"}"#))
        RT.expectVerified(Self.size(base, "T", coding: "separate", #"{"values":["2","1"]}"#))
        // They are 2 apart (on [1/2, 3/4)), so N(1/2, K) = 2 as well.
        RT.expectVerified(Self.covering(base, "K", eps: "1/2", #"{"value":"2"}"#))
    }

    /// Established quantities: description-bits = sum of ceil(log2 .); size for joint.
    @Test func establishedQuantities() {
        var base = RuleCertificate()
        for c in 0..<5 { base = base.object("c\(c)", RT.constant(String(c))) }
        base = base.object("K", RT.finiteClass((0..<5).map { "c\($0)" }))
            .claim("e", "enumerate", inputs: #"{"class":"K","quantity":"size","coding":"joint"}"#, statement: #"{"value":"5"}"#)
        func bits(_ quantity: String, _ relation: String, _ bound: String) -> FileVerdict {
            base.claim(
                "b", "bits", uses: ["e"], inputs: "{\"terms\":[{\"claim\":\"e\",\"quantity\":\"\(quantity)\",\"coefficient\":\"1\"}]}",
                statement: "{\"relation\":\"\(relation)\",\"bound\":\"\(bound)\"}"
            ).verify()
        }
        RT.expectVerified(bits("description-bits", "=", "3"))
        RT.expectFailed(bits("description-bits", "=", "2"), claim: 1, at: "/claims/1/statement/bound")
        RT.expectVerified(bits("size", "=", "5"))
        RT.expectFailed(
            bits("covering-number", "=", "5"), claim: 1, at: "/claims/1/inputs/terms/0/quantity",
            reason: ["establishes no quantity \"covering-number\""])
        RT.expectVerified(bits("size-bits", "=", "3"))
        // A covering number establishes its description-bits, but not size-bits.
        let covering = base.claim(
            "n", "enumerate", inputs: #"{"class":"K","quantity":"covering-number","coding":"joint","eps":"1/2"}"#,
            statement: #"{"value":"3"}"#)
        func coveringBits(_ quantity: String, _ bound: String) -> FileVerdict {
            covering.claim(
                "b", "bits", uses: ["n"], inputs: "{\"terms\":[{\"claim\":\"n\",\"quantity\":\"\(quantity)\",\"coefficient\":\"1\"}]}",
                statement: "{\"relation\":\"=\",\"bound\":\"\(bound)\"}"
            ).verify()
        }
        RT.expectVerified(coveringBits("description-bits", "2"))
        RT.expectVerified(coveringBits("covering-number", "3"))
        RT.expectFailed(coveringBits("size-bits", "2"), claim: 2, at: "/claims/2/inputs/terms/0/quantity")
    }

    @Test func enumerationLimit() {
        // J = 5: 2^31 sign trees, beyond the default enumeration limit 2^20.
        let base = RuleCertificate().object("K", RT.readoutClass(levels: 5, [16]))
        let v = Self.size(base, "K", #"{"value":"65536"}"#)
        #expect(v.status == .limitExceeded)
        #expect(v.error?.pointer.description == "/claims/0/inputs/class")
    }

    /// The exact covering-number search stops past 16 distinct elements under the default
    /// `--max-enumeration`, past 24 under any setting. From 17 to 24 elements the message
    /// says, in the flag's units, what setting the search needs; past 24 it says that no
    /// setting helps, by default too.
    @Test func cliqueSearchLimitSaysWhetherTheFlagHelps() {
        func verdict(elements: Int, _ limits: VerificationLimits) -> FileVerdict {
            var base = RuleCertificate()
            for c in 0..<elements { base = base.object("c\(c)", RT.constant(String(c))) }
            let text = base.object("K", RT.finiteClass((0..<elements).map { "c\($0)" }))
                .claim(
                    "e", "enumerate", inputs: #"{"class":"K","quantity":"covering-number","coding":"joint","eps":"100"}"#,
                    statement: #"{"value":"13"}"#
                ).text
            return Verifier(limits: limits).verify(bytes: Array(text.utf8), path: "test")
        }
        var limits = VerificationLimits()
        // ceil(3^24 / 64) = 4412961508 and ceil(3^17 / 64) = 2017816 (Python: -(-3**n // 64)).
        let helped = verdict(elements: 24, limits)
        #expect(helped.status == .limitExceeded && helped.error?.raisable == true)
        #expect(
            helped.error?.description.hasSuffix(
                "enumeration size 4412961508 for an exact covering number over 24 distinct elements (3^24 subset pairs, 64 to a unit) "
                    + "exceeds the limit 1048576 (raise it with --max-enumeration)") == true, "\(String(describing: helped.error))")
        limits.maximumEnumeration = 2_017_815
        #expect(verdict(elements: 17, limits).error?.description.contains("enumeration size 2017816 for") == true)
        let byDefault = verdict(elements: 25, VerificationLimits())
        #expect(byDefault.status == .limitExceeded && byDefault.error?.raisable == false)
        let refused =
            "enumeration size of an exact covering number over 25 distinct elements exceeds the limit of 24 elements, whatever --max-enumeration is"
        #expect(byDefault.error?.description.hasSuffix(refused) == true, "\(String(describing: byDefault.error))")
        limits.maximumEnumeration = 1 << 40
        let raised = verdict(elements: 25, limits)
        #expect(raised.status == .limitExceeded && raised.error?.raisable == false)
        #expect(raised.error?.description.hasSuffix(refused) == true)
    }

    /// The setting the message names is the least that admits the search: against the
    /// search's own bound at that setting and one below, for every n up to 24, and against
    /// values computed in Python.
    @Test func leastSettingOfACliqueSearch() {
        var limits = VerificationLimits()
        for n in 1...EnumerateRule.largestCliqueSearch {
            let least = EnumerateRule.leastSetting(cliqueSearchOf: n)
            limits.maximumEnumeration = least
            #expect(EnumerateRule.maximumCliqueSearch(limits) >= n, "n = \(n)")
            limits.maximumEnumeration = least - 1
            #expect(EnumerateRule.maximumCliqueSearch(limits) < n, "n = \(n)")
        }
        #expect(
            [1, 4, 16, 17, 24].map(EnumerateRule.leastSetting(cliqueSearchOf:)) == [1, 2, 672_606, 2_017_816, 4_412_961_508])
    }

    @Test func malformedInputs() {
        let base = RuleCertificate().object("K", RT.readoutClass(levels: 2, [1]))
        // eps belongs to covering numbers only.
        RT.expectMalformed(
            base.claim(
                "e", "enumerate", inputs: #"{"class":"K","quantity":"size","coding":"joint","eps":"1/2"}"#, statement: #"{"value":"2"}"#
            ).verify(),
            at: "/claims/0/inputs/eps")
        RT.expectMalformed(
            base.claim(
                "e", "enumerate", inputs: #"{"class":"K","quantity":"covering-number","coding":"joint"}"#, statement: #"{"value":"2"}"#
            ).verify(),
            at: "/claims/0/inputs/eps")
        RT.expectMalformed(
            base.claim("e", "enumerate", inputs: #"{"class":"K","quantity":"volume","coding":"joint"}"#, statement: #"{"value":"2"}"#)
                .verify(),
            at: "/claims/0/inputs/quantity")
    }
}
