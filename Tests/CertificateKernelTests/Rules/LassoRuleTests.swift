// Soundness tests of the multi-task and per-task lasso rules (MATH.md sec. 11-12,
// Lemmas PD, GS, LD, LS, GL) and of supports. The stated values come from the hand-
// written certificates, whose every figure the independent Fraction reference
// Tests/CertificateKernelTests/Reference/seed004_reference.py computes; the Lemma GL
// counterexample is worked in MATH.md sec. 12.
import Foundation
import Testing
import ExactArithmetic
@testable import CertificateKernel

enum Handwritten {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Certificates/handwritten")

    static func text(_ name: String) -> String {
        (try? String(contentsOf: directory.appendingPathComponent("\(name).dyadcert.json"), encoding: .utf8)) ?? ""
    }

    /// The certificate's JSON with `old` replaced by `new` exactly once.
    static func replacing(_ name: String, _ old: String, _ new: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let t = text(name)
        #expect(t.components(separatedBy: old).count == 2, "\(old) must occur once in \(name)", sourceLocation: sourceLocation)
        return t.replacingOccurrences(of: old, with: new)
    }

    static func claimIndex(_ verdict: FileVerdict, _ id: String) -> Int {
        verdict.claims.firstIndex { $0.id == id } ?? -1
    }
}

@Suite("Rules of MATH.md sec. 11-12: lasso gaps, screening, supports")
struct LassoRuleTests {
    @Test func handwrittenCertificatesVerify() {
        for name in ["relu-two-units", "sparse-heads-small"] {
            let text = Handwritten.text(name)
            #expect(!text.isEmpty)
            RT.expectVerified(RT.verify(text))
        }
    }

    /// The penalised gap of relu-two-units (reference: Gp = 1031438086289/73673482082000).
    @Test func penalisedGapOneStepTooSmallAndScreeningAnActiveUnit() {
        let gp = try! Rational(numerator: BigInt(1031438086289), denominator: BigInt(73673482082000))
        let low = Handwritten.replacing("relu-two-units", "\"delta\": \"\(gp)\"", "\"delta\": \"\(MX.minusTiny(gp))\"")
        let v = RT.verify(low)
        RT.expectFailed(v, claim: Handwritten.claimIndex(v, "pd"), at: "/claims/5/statement/delta")
        // Unit 0 is active in the optimum (v*_0 = (1, 1)(1 - 4 / (5 sqrt 2)) != 0): screening it must fail.
        let active = Handwritten.replacing("relu-two-units", "\"units\": [\"1\"],", "\"units\": [\"0\"],")
        let w = RT.verify(active)
        RT.expectFailed(w, claim: Handwritten.claimIndex(w, "screen"), at: "/claims/6/inputs/units/0", reason: ["unit 0"])
        // A screen that does not list its gap claim in "uses" proves nothing.
        let unused = Handwritten.replacing("relu-two-units", "\"uses\": [\"pd\"],", "")
        let u = RT.verify(unused)
        RT.expectFailed(u, claim: Handwritten.claimIndex(u, "screen"), at: "/claims/6/inputs/gap")
    }

    /// Theta of relu-two-units scaled by (1 + 2^-60) leaves the feasible set if some
    /// ||Theta phi_k|| = lambda; otherwise the gap changes. Either way the claim fails.
    @Test func penalisedDualInfeasible() {
        let base = TwoUnits().base
            .object("Vp", MX.matrix([["43/100", "0"], ["43/100", "0"]]))
            .object("T", MX.matrix([["4", "0", "0"], ["0", "0", "0"]])) // ||T phi_1|| = 4 = lambda: feasible at the boundary
            .object("T2", MX.matrix([[MX.plusTiny(Rational(4)), "0", "0"], ["0", "0", "0"]]))
        func claim(_ dual: String) -> FileVerdict {
            base.claim(
                "pd", "penalised-mtl-gap",
                inputs:
                    "{\"network\":\"net\",\"data\":\"data\",\"weights\":\"Vp\",\"dual\":\"\(dual)\",\"unit-bounds\":[\"61/100\",\"0\"],\"lambda\":\"4\"}",
                statement: "{\"delta\":\"1000\"}"
            ).verify()
        }
        RT.expectVerified(claim("T"))
        RT.expectFailed(claim("T2"), at: "/claims/0/inputs/dual", reason: ["unit 1", "||Lambda phi_k||^2"])
    }

    /// Task 0 of sparse-heads-small (reference gap 98801/13520000).
    @Test func lassoGapOneStepTooSmallAndDualInfeasible() {
        let g = try! Rational(numerator: BigInt(98801), denominator: BigInt(13520000))
        let low = Handwritten.replacing("sparse-heads-small", "\"delta\": \"\(g)\"", "\"delta\": \"\(MX.minusTiny(g))\"")
        let v = RT.verify(low)
        RT.expectFailed(v, claim: Handwritten.claimIndex(v, "gap0"), at: "/claims/0/statement/delta")
        // The MATH.md sec. 12 example: x = (-2, -2, -1), y = (-2, 1, -2), lambda = 5/4,
        // w = 1/4, theta = (-1/2, 1/2, -7/12): x . theta = 7/12 <= 5/4, G = 1/6.
        let ex = RuleCertificate().object("X", MX.column(["-2", "-2", "-1"])).object("Y", MX.column(["-2", "1", "-2"]))
            .object("w", MX.matrix([["1/4"]])).object("theta", MX.column(["-1/2", "1/2", "-7/12"]))
            .object("far", MX.column(["-2", "2", "-7/3"])) // 4 theta: |x . far| = 7/3 > 5/4
        func gap(_ dual: String, _ delta: String) -> RuleCertificate {
            ex.claim(
                "g", "lasso-gap",
                inputs: "{\"features\":\"X\",\"targets\":\"Y\",\"heads\":\"w\",\"task\":\"0\",\"dual\":\"\(dual)\",\"lambda\":\"5/4\"}",
                statement: "{\"delta\":\"\(delta)\"}")
        }
        RT.expectVerified(gap("theta", "1/6").verify())
        RT.expectFailed(gap("theta", MX.minusTiny(try! Rational(1, 6))).verify(), at: "/claims/0/statement/delta")
        RT.expectFailed(gap("far", "100").verify(), at: "/claims/0/inputs/dual", reason: ["feature 0"])
        // Lemma LS: 7/12 + 3 sqrt(1/9) = 19/12 >= 5/4, so feature 0 cannot be screened
        // (the minimiser is w* = 1/36 != 0).
        RT.expectFailed(
            gap("theta", "1/6").claim(
                "s", "lasso-screen", uses: ["g"], inputs: "{\"gap\":\"g\",\"features\":[\"0\"]}",
                statement: "{\"screened\":\"1\"}"
            ).verify(), claim: 1, at: "/claims/1/inputs/features/0")
        // The same through the group-lasso form (T = p = 1): the gap is 1/6 in group units,
        // and Lemma GS with the scaling of Lemma GL must refuse the screen too.
        let group = ex.object("Th", MX.matrix([["-1/2", "1/2", "-7/12"]]))
            .claim(
                "pg", "penalised-mtl-gap",
                inputs:
                    "{\"features\":\"X\",\"targets\":\"Y\",\"heads\":\"w\",\"dual\":\"Th\",\"unit-bounds\":[\"1/4\"],\"lambda\":\"5/4\"}",
                statement: "{\"delta\":\"1/6\"}")
        RT.expectVerified(group.verify())
        RT.expectFailed(
            group.claim("s", "mtl-screen", uses: ["pg"], inputs: "{\"gap\":\"pg\",\"units\":[\"0\"]}", statement: "{\"screened\":\"1\"}")
                .verify(),
            claim: 1, at: "/claims/1/inputs/units/0")
        let tooSmall = ex.object("Th", MX.matrix([["-1/2", "1/2", "-7/12"]]))
            .claim(
                "pg", "penalised-mtl-gap",
                inputs:
                    "{\"features\":\"X\",\"targets\":\"Y\",\"heads\":\"w\",\"dual\":\"Th\",\"unit-bounds\":[\"1/4\"],\"lambda\":\"5/4\"}",
                statement: "{\"delta\":\"\(MX.minusTiny(try! Rational(1, 6)))\"}")
        RT.expectFailed(tooSmall.verify(), at: "/claims/0/statement/delta")
    }

    /// A `bits` term may state the meaning of a lasso fact, lambda and task included (it
    /// could not state either, so such a term always failed). The MATH.md sec. 12 example:
    /// G = 1/6 at lambda = 5/4 for task 0. A lambda off by 2^-60, another task, or a
    /// meaning without them fails naming both meanings and what differs.
    @Test func bitsTermsStateTheLambdaAndTaskOfLassoFacts() {
        let ex = RuleCertificate().object("X", MX.column(["-2", "-2", "-1"])).object("Y", MX.column(["-2", "1", "-2"]))
            .object("w", MX.matrix([["1/4"]])).object("theta", MX.column(["-1/2", "1/2", "-7/12"]))
            .claim(
                "g", "lasso-gap",
                inputs: "{\"features\":\"X\",\"targets\":\"Y\",\"heads\":\"w\",\"task\":\"0\",\"dual\":\"theta\",\"lambda\":\"5/4\"}",
                statement: "{\"delta\":\"1/6\"}")
        func bits(_ parameters: String) -> FileVerdict {
            let meaning = "{\"measure\":\"lasso-gap\",\"subject\":[\"X\",\"Y\",\"w\",\"theta\"]\(parameters)}"
            return ex.claim(
                "b", "bits", uses: ["g"],
                inputs: "{\"terms\":[{\"claim\":\"g\",\"quantity\":\"lasso-gap\",\"coefficient\":\"1\",\"meaning\":\(meaning)}]}",
                statement: "{\"relation\":\"<=\",\"bound\":\"1/6\"}"
            ).verify()
        }
        let exact = bits(",\"lambda\":\"5/4\",\"task\":\"0\"")
        RT.expectVerified(exact)
        #expect(exact.claims.last?.summary == "lasso-gap(X, Y, w, theta, task 0, lambda = 5/4) <= 1/6")
        for (parameters, differ) in [
            (
                ",\"lambda\":\"\(MX.plusTiny(try! Rational(5, 4)))\",\"task\":\"0\"",
                "lambda: \(MX.plusTiny(try! Rational(5, 4))) stated, 5/4 established"
            ),
            (",\"lambda\":\"5/4\",\"task\":\"1\"", "task: 1 stated, 0 established"),
            ("", "lambda: none stated, 5/4 established; task: none stated, 0 established"),
        ] {
            RT.expectFailed(
                bits(parameters), claim: 1, at: "/claims/1/inputs/terms/0/meaning",
                reason: ["but g.lasso-gap is lasso-gap(X, Y, w, theta, task 0, lambda = 5/4)", "(they differ in \(differ))"])
        }
        RT.expectMalformed(bits(",\"lambda\":\"5/4\",\"task\":\"-1\""), at: "/claims/1/inputs/terms/0/meaning/task")
        RT.expectMalformed(bits(",\"lambda\":\"0.5\",\"task\":\"0\""), at: "/claims/1/inputs/terms/0/meaning/lambda")
    }

    @Test func lassoScreenOfAnActiveFeatureFails() {
        // Feature 0 is active in the optimum of task 0 (w*_0 = 3/4).
        let t = Handwritten.replacing(
            "sparse-heads-small", "\"features\": [\"3\"],\n        \"gap\": \"gap0\"", "\"features\": [\"0\"],\n        \"gap\": \"gap0\"")
        let v = RT.verify(t)
        RT.expectFailed(v, claim: Handwritten.claimIndex(v, "screen0"), at: "/claims/3/inputs/features/0", reason: ["feature 0"])
    }

    static func supports(_ heads: [[String]], _ statement: String) -> FileVerdict {
        RuleCertificate().object("H", MX.matrix(heads)).claim("s", "support", inputs: "{\"heads\":\"H\"}", statement: statement).verify()
    }

    static let heads = [["3/4", "3/4", "0", "0"], ["0", "3/4", "3/4", "0"], ["3/4", "0", "3/4", "0"]]

    @Test func supportsOffByOneFeature() {
        RT.expectVerified(
            Self.supports(Self.heads, "{\"sizes\":[\"2\",\"2\",\"2\"],\"union\":\"3\",\"fractions\":[\"1/2\",\"1/2\",\"1/2\"]}"))
        RT.expectFailed(Self.supports(Self.heads, "{\"sizes\":[\"1\",\"2\",\"2\"],\"union\":\"3\"}"), at: "/claims/0/statement/sizes/0")
        RT.expectFailed(Self.supports(Self.heads, "{\"sizes\":[\"2\",\"2\",\"2\"],\"union\":\"4\"}"), at: "/claims/0/statement/union")
        var h = Self.heads
        h[1][3] = MX.tiny // one more feature, by 2^-60
        RT.expectFailed(Self.supports(h, "{\"sizes\":[\"2\",\"2\",\"2\"],\"union\":\"3\"}"), at: "/claims/0/statement/sizes/1")
        RT.expectFailed(
            Self.supports(Self.heads, "{\"sizes\":[\"2\",\"2\",\"2\"],\"union\":\"3\",\"fractions\":[\"1/2\",\"1/2\",\"1/4\"]}"),
            at: "/claims/0/statement/fractions/2")
        // Optimal-upper needs the screening claims: one per task screens feature 3.
        let t = Handwritten.replacing("sparse-heads-small", "\"optimal-upper\": [\"3\",", "\"optimal-upper\": [\"2\",")
        let v = RT.verify(t)
        RT.expectFailed(v, claim: Handwritten.claimIndex(v, "supports"), at: "/claims/6/statement/optimal-upper/0")
    }

    /// The verdict lines say what was checked: a screen names its problem (features and
    /// targets, not only the task and lambda), and a support claim with screens states its
    /// bound on the optimal heads (the line showed only the sizes and the union).
    @Test func verdictLinesNameTheProblemAndTheOptimalBound() {
        let v = RT.verify(Handwritten.text("sparse-heads-small"))
        RT.expectVerified(v)
        let screen = v.claims.first { $0.id == "screen0" }?.summary ?? ""
        #expect(screen.contains("(X, Y, lambda = 1/4)"), "\(screen)")
        let supports = v.claims.first { $0.id == "supports" }?.summary ?? ""
        #expect(supports.contains("every optimal head of the lasso (X, Y, lambda = 1/4) uses at most 3,3,3 features"), "\(supports)")
    }

    /// A screen bounds the optimal heads of the problem its gap claim is about. W =
    /// [[9/2, 9/2]] is an exactly optimal head (gap 0) of the lasso X = [[1, 1]], y = [10],
    /// lambda = 1, and uses both features; the lasso X' = [[1, 0]], y = [10], lambda = 1
    /// (heads W' = [[9, 0]], gap 0) screens feature 1. A support claim about W that counted
    /// that screen stated "every optimal head of task 0 uses at most 1 feature", and passed.
    @Test func screenOfAnotherProblemRejected() {
        let base = RuleCertificate().object("X", MX.matrix([["1", "1"]])).object("Y", MX.matrix([["10"]]))
            .object("W", MX.matrix([["9/2", "9/2"]])).object("theta", MX.matrix([["1"]]))
            .object("X2", MX.matrix([["1", "0"]])).object("W2", MX.matrix([["9", "0"]]))
        func gap(_ id: String, _ x: String, _ w: String) -> (RuleCertificate) -> RuleCertificate {
            {
                $0.claim(
                    id, "lasso-gap",
                    inputs:
                        "{\"features\":\"\(x)\",\"targets\":\"Y\",\"heads\":\"\(w)\",\"task\":\"0\",\"dual\":\"theta\",\"lambda\":\"1\"}",
                    statement: "{\"delta\":\"0\"}")
            }
        }
        func screen(_ id: String, _ g: String) -> (RuleCertificate) -> RuleCertificate {
            {
                $0.claim(
                    id, "lasso-screen", uses: [g], inputs: "{\"gap\":\"\(g)\",\"features\":[\"1\"]}", statement: "{\"screened\":\"1\"}")
            }
        }
        func support(_ s: String) -> (RuleCertificate) -> RuleCertificate {
            {
                $0.claim(
                    "supportW", "support", uses: [s], inputs: "{\"heads\":\"W\",\"screens\":[\"\(s)\"]}",
                    statement: "{\"sizes\":[\"2\"],\"union\":\"2\",\"optimal-upper\":[\"1\"]}")
            }
        }
        let other = support("screenOther")(screen("screenOther", "gapOther")(gap("gapOther", "X2", "W2")(gap("gapW", "X", "W")(base))))
        let v = other.verify()
        RT.expectFailed(v, claim: 3, at: "/claims/3/inputs/screens/0", reason: ["heads W2, not of W"])
        // W's own problem screens nothing: feature 1 has |x_1 . theta| = 1 = lambda.
        let own = support("screenW")(screen("screenW", "gapW")(gap("gapW", "X", "W")(base))).verify()
        RT.expectFailed(own, claim: 1, at: "/claims/1/inputs/features/0", reason: ["feature 1 cannot be screened"])
    }

    /// Optimal heads are optimal for a problem (X, Y, lambda), not for heads: W's row 0 is
    /// named by a loose gap of the lasso X' = [[1, 0]], y = [10], lambda = 1 (P = 193/8, D =
    /// 19/2 at theta = 1, gap 117/8), whose screen drops feature 1 (x'_1 = 0). "Every optimal
    /// head uses at most 1 feature" is true of that lasso and false of X = [[1, 1]]'s (where
    /// W = [[9/2, 9/2]] is optimal), so the statement names the lasso; with screens of two
    /// lassos it names each task's.
    @Test func theOptimalBoundNamesTheLassoOfItsScreens() {
        let base = RuleCertificate().object("X", MX.matrix([["1", "1"]])).object("Y", MX.matrix([["10", "10"]]))
            .object("W", MX.matrix([["9/2", "9/2"], ["9", "0"]])).object("theta", MX.matrix([["1"]]))
            .object("X2", MX.matrix([["1", "0"]]))
        func gap(_ id: String, _ x: String, task: Int, _ delta: String) -> (RuleCertificate) -> RuleCertificate {
            {
                $0.claim(
                    id, "lasso-gap",
                    inputs:
                        "{\"features\":\"\(x)\",\"targets\":\"Y\",\"heads\":\"W\",\"task\":\"\(task)\",\"dual\":\"theta\",\"lambda\":\"1\"}",
                    statement: "{\"delta\":\"\(delta)\"}")
            }
        }
        func screen(_ id: String, _ g: String, _ features: [String]) -> (RuleCertificate) -> RuleCertificate {
            {
                $0.claim(
                    id, "lasso-screen", uses: [g], inputs: "{\"gap\":\"\(g)\",\"features\":\(RT.a(features))}",
                    statement: "{\"screened\":\"\(features.count)\"}")
            }
        }
        func support(_ screens: [String], _ upper: [String]) -> (RuleCertificate) -> RuleCertificate {
            {
                $0.claim(
                    "supportW", "support", uses: screens, inputs: "{\"heads\":\"W\",\"screens\":\(RT.a(screens))}",
                    statement: "{\"sizes\":[\"2\",\"1\"],\"union\":\"2\",\"optimal-upper\":\(RT.a(upper))}")
            }
        }
        // Task 0 screened on X' (loose gap): one lasso, named.
        let one = support(["s0"], ["1", "2"])(screen("s0", "g0", ["1"])(gap("g0", "X2", task: 0, "117/8")(base))).verify()
        RT.expectVerified(one)
        let line = one.claims.last?.summary ?? ""
        #expect(line.hasSuffix("every optimal head of the lasso (X2, Y, lambda = 1) uses at most 1,2 features"), "\(line)")
        // The gap one step too small (117/8 - 2^-60) fails, and so does everything resting on it.
        let low = support(["s0"], ["1", "2"])(
            screen("s0", "g0", ["1"])(gap("g0", "X2", task: 0, MX.minusTiny(try! Rational(117, 8)))(base))
        ).verify()
        RT.expectFailed(low, claim: 0, at: "/claims/0/statement/delta")
        #expect(low.claims.map { $0.passed } == [false, false, false])
        // Task 0 on X (nothing screened: |x_j . theta| = 1 = lambda), task 1 on X' (exact, gap 0).
        let two = support(["s0", "s1"], ["2", "1"])(
            screen("s1", "g1", ["1"])(screen("s0", "g0", [])(gap("g1", "X2", task: 1, "0")(gap("g0", "X", task: 0, "0")(base))))
        ).verify()
        RT.expectVerified(two)
        let perTask = two.claims.last?.summary ?? ""
        #expect(
            perTask.hasSuffix(
                "every optimal head (task 0: lasso (X, Y, lambda = 1); task 1: lasso (X2, Y, lambda = 1)) uses at most 2,1 features"),
            "\(perTask)")
    }

    /// A certificate may state the lasso its screens must be about: the renamed-heads case
    /// fails then, naming both lassos; the right lasso passes; each member off fails; the
    /// three keys come together and with screens, or the claim is malformed.
    @Test func aStatedLassoMustBeTheLassoOfEveryScreen() {
        let base = RuleCertificate().object("X", MX.matrix([["1", "1"]])).object("Y", MX.matrix([["10"]]))
            .object("W", MX.matrix([["9/2", "9/2"]])).object("theta", MX.matrix([["1"]])).object("X2", MX.matrix([["1", "0"]]))
            .claim(
                "gapOther", "lasso-gap",
                inputs: #"{"features":"X2","targets":"Y","heads":"W","task":"0","dual":"theta","lambda":"1"}"#,
                statement: #"{"delta":"117/8"}"#
            )
            .claim(
                "screenOther", "lasso-screen", uses: ["gapOther"], inputs: #"{"gap":"gapOther","features":["1"]}"#,
                statement: #"{"screened":"1"}"#)
        func support(_ pin: String, screens: Bool = true) -> FileVerdict {
            base.claim(
                "supportW", "support", uses: ["screenOther"],
                inputs: "{\"heads\":\"W\"\(screens ? ",\"screens\":[\"screenOther\"]" : "")\(pin)}",
                statement: screens ? #"{"sizes":["2"],"union":"2","optimal-upper":["1"]}"# : #"{"sizes":["2"],"union":"2"}"#
            ).verify()
        }
        RT.expectVerified(support(#","features":"X2","targets":"Y","lambda":"1""#))
        let other = support(#","features":"X","targets":"Y","lambda":"1""#)
        RT.expectFailed(
            other, claim: 2, at: "/claims/2/inputs/screens/0",
            reason: ["screens the lasso (X2, Y, lambda = 1), not the stated lasso (X, Y, lambda = 1)"])
        // The statement is about the stated lasso, and its line says so.
        #expect(other.claims.last?.summary.hasSuffix("every optimal head of the lasso (X, Y, lambda = 1) uses at most 1 features") == true)
        RT.expectFailed(support(#","features":"X2","targets":"X2","lambda":"1""#), claim: 2, at: "/claims/2/inputs/screens/0")
        RT.expectFailed(
            support(",\"features\":\"X2\",\"targets\":\"Y\",\"lambda\":\"\(MX.plusTiny(Rational(1)))\""), claim: 2,
            at: "/claims/2/inputs/screens/0")
        RT.expectMalformed(support(#","features":"X2","targets":"Y""#), at: "/claims/2/inputs/features")
        RT.expectMalformed(support(#","lambda":"1""#), at: "/claims/2/inputs/lambda")
        RT.expectMalformed(support(#","features":"X2","targets":"Y","lambda":"1""#, screens: false), at: "/claims/2/inputs/features")
        RT.expectMalformed(support(#","features":"X3","targets":"Y","lambda":"1""#), at: "/claims/2/inputs/features")
        RT.expectMalformed(support(#","features":"X2","targets":"Y","lambda":"0""#), at: "/claims/2/inputs/lambda")
    }

    /// At most one screen per task, whatever the order: a screen of no feature listed before
    /// a second screen of its task was let through (the count 0 stood for "no screen yet").
    @Test func aSecondScreenOfATaskIsMalformedInEitherOrder() {
        let base = RuleCertificate().object("X", MX.matrix([["1", "0"]])).object("Y", MX.matrix([["10"]]))
            .object("W", MX.matrix([["9", "0"]])).object("theta", MX.matrix([["1"]]))
            .claim(
                "g", "lasso-gap",
                inputs: #"{"features":"X","targets":"Y","heads":"W","task":"0","dual":"theta","lambda":"1"}"#, statement: #"{"delta":"0"}"#
            )
            .claim("none", "lasso-screen", uses: ["g"], inputs: #"{"gap":"g","features":[]}"#, statement: #"{"screened":"0"}"#)
            .claim("one", "lasso-screen", uses: ["g"], inputs: #"{"gap":"g","features":["1"]}"#, statement: #"{"screened":"1"}"#)
        for order in [["none", "one"], ["one", "none"]] {
            let v = base.claim(
                "supportW", "support", uses: order, inputs: "{\"heads\":\"W\",\"screens\":\(RT.a(order))}",
                statement: #"{"sizes":["1"],"union":"1","optimal-upper":["1"]}"#
            ).verify()
            RT.expectMalformed(v, at: "/claims/3/inputs/screens/1")
        }
    }

    static func variability(_ heads: [[String]]) -> FileVerdict {
        RuleCertificate().object("H", MX.matrix(heads)).claim(
            "v", "support-variability", inputs: "{\"heads\":\"H\"}", statement: "{\"holds\":\"yes\"}"
        ).verify()
    }

    /// Supports {0,1}, {1,2}, {0,2}: each feature is singled out. Adding feature 1 to head 2
    /// ({0,1,2}) makes the supports containing 0 share feature 1.
    @Test func supportVariabilityViolatedInOneFeature() {
        RT.expectVerified(Self.variability(Self.heads))
        var h = Self.heads
        h[2][1] = MX.tiny
        RT.expectFailed(Self.variability(h), at: "/claims/0/inputs/heads", reason: ["feature 0"])
    }
}
