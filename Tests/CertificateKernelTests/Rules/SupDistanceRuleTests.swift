import Testing
@testable import CertificateKernel

/// `sup-distance`: ||f - g||_inf compared with a rational bound (MATH.md sec. 2, 3).
@Suite("Rule sup-distance")
struct SupDistanceRuleTests {
    /// f = 1/2 on [0,1/3), -1/4 on [1/3,1); g = 3/4 on [0,1/2), -1/2 on [1/2,1).
    /// |f - g| = 1/4, 1, 1/4 on [0,1/3), [1/3,1/2), [1/2,1): the distance is 1, at 1/3.
    static let fg = RuleCertificate()
        .object("f", RT.step(["0", "1/3", "1"], ["1/2", "-1/4"]))
        .object("g", RT.step(["0", "1/2", "1"], ["3/4", "-1/2"]))

    static func claim(_ base: RuleCertificate, f: String = "f", g: String = "g", _ relation: String, _ bound: String) -> FileVerdict {
        base.claim(
            "d", "sup-distance", inputs: "{\"f\":\"\(f)\",\"g\":\"\(g)\"}",
            statement: "{\"relation\":\"\(relation)\",\"bound\":\"\(bound)\"}"
        ).verify()
    }

    @Test func trueRelationsAccepted() {
        for (relation, bound) in [("=", "1"), ("<=", "1"), ("<", "1001/1000"), (">=", "1"), (">", "999/1000"), ("<=", "2"), (">=", "0")] {
            RT.expectVerified(Self.claim(Self.fg, relation, bound))
            RT.expectVerified(Self.claim(Self.fg, f: "g", g: "f", relation, bound))
        }
    }

    @Test func boundOffBySmallestStepRejected() {
        for (relation, bound) in [
            ("<", "1"), ("<=", "999/1000"), ("=", "1001/1000"), ("=", "999/1000"), (">", "1"), (">=", "1001/1000"), ("=", "-1"),
        ] {
            let f = RT.expectFailed(
                Self.claim(Self.fg, relation, bound), at: "/claims/0/statement/bound",
                reason: ["the sup distance is 1", "piece starting at 1/3"])
            #expect(f?.computed == "||f - g||_inf = 1")
            #expect(f?.expected == "||f - g||_inf \(relation) \(bound)")
        }
    }

    /// The feature h_sigma against its cell values worked by hand (sec. 5): J = 2,
    /// sigma = (-1; +1, -1) (hex "a"), h = (-1/4, -3/4, 1/4, 3/4). Flipping sigma(1,1)
    /// (hex "8") changes h on cells 2, 3 to 3/4, 1/4: distance 1/2.
    @Test func featureAgainstHandValuesAndFlippedSign() {
        let expected = Brute.feature(0b101, levels: 2, amplitudes: Brute.balanced(2)).map(\.description)
        #expect(expected == ["-1/4", "-3/4", "1/4", "3/4"])
        let base = RuleCertificate()
            .object("sigma", RT.signTree(levels: 2, hex: "a"))
            .object("tau", RT.signTree(levels: 2, hex: "8"))
            .object("h", #"{"kind":"feature","signs":"sigma","amplitudes":"balanced"}"#)
            .object("k", #"{"kind":"feature","signs":"tau","amplitudes":"balanced"}"#)
            .object("hand", RT.cells(level: 2, expected))
        RT.expectVerified(Self.claim(base, f: "h", g: "hand", "=", "0"))
        let f = RT.expectFailed(
            Self.claim(base, f: "k", g: "hand", "=", "0"), at: "/claims/0/statement/bound", reason: ["is 1/2", "piece starting at 1/2"])
        #expect(f?.computed == "||f - g||_inf = 1/2")
        RT.expectVerified(Self.claim(base, f: "k", g: "hand", "=", "1/2"))
    }

    /// The kernel's task outputs and u_sigma against the definitions (sec. 5, 6), for
    /// every sign tree up to J = 3 and every readout: each output equals the brute-force
    /// cell function; u_sigma = (h_sigma + 1)/2 equals U/2^(J+1). One certificate per J,
    /// one claim per (tree, readout), plus claims against the wrong readout that must fail.
    @Test func taskOutputsAndShiftAgainstTheDefinitions() {
        for J in 1...3 {
            var cert = RuleCertificate()
            var failing: [Int] = []
            var claims = 0
            for tree in 0..<(1 << ((1 << J) - 1)) {
                cert = cert.object("s\(tree)", RT.signTree(levels: J, number: tree))
                    .object("h\(tree)", "{\"kind\":\"feature\",\"signs\":\"s\(tree)\",\"amplitudes\":\"balanced\"}")
                    .object("u\(tree)", "{\"kind\":\"feature-shift\",\"feature\":\"h\(tree)\"}")
                    .object("U\(tree)", RT.cells(level: J, Brute.scaledU(tree, levels: J).map { Q($0, 1 << (J + 1)).description }))
                    .claim(
                        "c\(claims)", "sup-distance", inputs: "{\"f\":\"u\(tree)\",\"g\":\"U\(tree)\"}",
                        statement: #"{"relation":"=","bound":"0"}"#)
                claims += 1
                for m in 1..<(1 << J) {
                    cert = cert.object("f\(tree).\(m)", "{\"kind\":\"task-output\",\"signs\":\"s\(tree)\",\"readout\":\"\(m)\"}")
                        .object("b\(tree).\(m)", RT.cells(level: J, Brute.output(tree, levels: J, readout: m).map(String.init)))
                        .claim(
                            "c\(claims)", "sup-distance", inputs: "{\"f\":\"f\(tree).\(m)\",\"g\":\"b\(tree).\(m)\"}",
                            statement: #"{"relation":"=","bound":"0"}"#)
                    claims += 1
                    if m > 1 {
                        // Against the previous readout's brute-force output: distance 2 (they differ).
                        cert = cert.claim(
                            "c\(claims)", "sup-distance", inputs: "{\"f\":\"f\(tree).\(m)\",\"g\":\"b\(tree).\(m - 1)\"}",
                            statement: #"{"relation":"=","bound":"0"}"#)
                        #expect(Brute.output(tree, levels: J, readout: m) != Brute.output(tree, levels: J, readout: m - 1))
                        failing.append(claims)
                        claims += 1
                    }
                }
            }
            let v = cert.verify()
            #expect(v.error == nil)
            #expect(v.claims.count == claims)
            for i in 0..<claims {
                if failing.contains(i) {
                    RT.expectFailed(v, claim: i, at: "/claims/\(i)/statement/bound", reason: ["the sup distance is 2"])
                } else {
                    RT.expectPassed(v, claim: i)
                }
            }
        }
    }

    /// Non-balanced amplitudes a = (1/3, 1/5): the feature at every tree against the
    /// brute-force cell values; the same feature shifted by 1/1000 on one cell is 1/1000 away.
    @Test func featuresWithArbitraryAmplitudes() {
        let amplitudes = [Q(1, 3), Q(1, 5)]
        for tree in 0..<8 {
            let values = Brute.feature(tree, levels: 2, amplitudes: amplitudes)
            var moved = values
            moved[tree % 4] = moved[tree % 4] + Q(1, 1000)
            let base = RuleCertificate()
                .object("sigma", RT.signTree(levels: 2, number: tree))
                .object("h", #"{"kind":"feature","signs":"sigma","amplitudes":["1/3","1/5"]}"#)
                .object("hand", RT.cells(level: 2, values.map(\.description)))
                .object("moved", RT.cells(level: 2, moved.map(\.description)))
            RT.expectVerified(Self.claim(base, f: "h", g: "hand", "=", "0"))
            RT.expectVerified(Self.claim(base, f: "h", g: "moved", "=", "1/1000"))
            RT.expectFailed(Self.claim(base, f: "h", g: "moved", "<", "1/1000"), at: "/claims/0/statement/bound")
        }
    }

    /// Brute force: random level-3 cell functions with values k/7; the distance is the
    /// largest cell difference.
    @Test func randomCellFunctionsAgainstBruteForce() {
        var rng = RTRandom(state: 11)
        for _ in 0..<12 {
            let a = (0..<8).map { _ in Q(rng.int(-9...9), 7) }
            let b = (0..<8).map { _ in Q(rng.int(-9...9), 7) }
            let d = zip(a, b).map { ($0 - $1).magnitude }.max()!
            let base = RuleCertificate()
                .object("f", RT.cells(level: 3, a.map(\.description)))
                .object("g", RT.cells(level: 3, b.map(\.description)))
            RT.expectVerified(Self.claim(base, "=", d.description))
            RT.expectVerified(Self.claim(base, "<=", d.description))
            RT.expectFailed(Self.claim(base, "<", d.description), at: "/claims/0/statement/bound")
            RT.expectFailed(Self.claim(base, "=", (d + Q(1, 1_000_000)).description), at: "/claims/0/statement/bound")
            RT.expectFailed(Self.claim(base, ">=", (d + Q(1, 1_000_000)).description), at: "/claims/0/statement/bound")
        }
    }

    /// Values beyond 64 bits: the distance stays exact, also when the sweep meets small
    /// and large differences in either order.
    @Test func largeValues() {
        let big = "1000000000000000000000000000000"
        let base = RuleCertificate()
            .object("a", RT.constant(big)).object("b", RT.constant("1000000000000000000000000000001"))
            .object("p", RT.step(["0", "1/2", "1"], ["1/3", big]))
            .object("q", RT.step(["0", "1/2", "1"], ["0", "6999999999999999999999999999999/7"]))
            .object("r", RT.step(["0", "1/2", "1"], [big, "1/3"]))
            .object("s", RT.step(["0", "1/2", "1"], ["6999999999999999999999999999999/7", "0"]))
        // |1/3 - 0| = 1/3 on the left; |10^30 - (10^30 - 1/7)| = 1/7 on the right.
        RT.expectVerified(Self.claim(base, f: "a", g: "b", "=", "1"))
        RT.expectFailed(Self.claim(base, f: "a", g: "b", "<", "1"), at: "/claims/0/statement/bound")
        RT.expectVerified(Self.claim(base, f: "p", g: "q", "=", "1/3"))
        RT.expectVerified(Self.claim(base, f: "r", g: "s", "=", "1/3"))
        RT.expectFailed(Self.claim(base, f: "r", g: "s", "=", "1/7"), at: "/claims/0/statement/bound", reason: ["piece starting at 1/2"])
    }

    /// Piecewise-linear against step (sec. 3): the tent T against s = 1/4, 3/4, 1/4 on
    /// [0,1/4), [1/4,3/4), [3/4,1) is 1/4 away; raising the middle to 19/25 makes it
    /// max(|1/2 - 19/25|, |1 - 19/25|) = 13/50.
    @Test func tentAgainstStepFunctions() {
        let base = RuleCertificate()
            .object("T", #"{"kind":"triangle-wave","order":"1"}"#)
            .object("tent", #"{"kind":"piecewise-linear","knots":["0","1/2","1"],"values":["0","1","0"]}"#)
            .object("s", RT.step(["0", "1/4", "3/4", "1"], ["1/4", "3/4", "1/4"]))
            .object("s2", RT.step(["0", "1/4", "3/4", "1"], ["1/4", "19/25", "1/4"]))
        for g in ["T", "tent"] {
            RT.expectVerified(Self.claim(base, f: g, g: "s", "=", "1/4"))
            RT.expectVerified(Self.claim(base, f: "s", g: g, "=", "1/4"))
            RT.expectVerified(Self.claim(base, f: g, g: "s2", "=", "13/50"))
            RT.expectFailed(Self.claim(base, f: g, g: "s2", "<=", "1/4"), at: "/claims/0/statement/bound", reason: ["13/50"])
            RT.expectFailed(Self.claim(base, f: "s2", g: g, "<", "13/50"), at: "/claims/0/statement/bound", reason: ["13/50"])
        }
    }

    /// The right end of a linear piece counts as a limit (sec. 3): the tent tends to 0 at
    /// x -> 1, so against 1/2 on [3/4,1) the supremum 1/2 is not attained but is the
    /// essential supremum; "< 1/2" must fail.
    @Test func rightEndIsALimit() {
        let base = RuleCertificate()
            .object("T", #"{"kind":"triangle-wave","order":"1"}"#)
            .object("s3", RT.step(["0", "1/4", "3/4", "1"], ["1/4", "3/4", "1/2"]))
        RT.expectVerified(Self.claim(base, f: "T", g: "s3", "=", "1/2"))
        RT.expectFailed(
            Self.claim(base, f: "T", g: "s3", "<", "1/2"), at: "/claims/0/statement/bound", reason: ["1/2", "piece starting at 3/4"])
    }

    /// The sawtooth S_1 (discontinuous) against 1/2 is 1/2 away (each tooth runs from 0 up
    /// to the limit 1); against the step 1/4, 3/4 on the halves it is 3/4 away.
    @Test func sawtoothDistances() {
        let base = RuleCertificate()
            .object("S", #"{"kind":"sawtooth","order":"1"}"#)
            .object("half", RT.constant("1/2"))
            .object("q", RT.step(["0", "1/2", "1"], ["1/4", "3/4"]))
        RT.expectVerified(Self.claim(base, f: "S", g: "half", "=", "1/2"))
        RT.expectVerified(Self.claim(base, f: "S", g: "q", "=", "3/4"))
        RT.expectFailed(Self.claim(base, f: "S", g: "q", "<=", "1/2"), at: "/claims/0/statement/bound")
    }

    @Test func twoPiecewiseLinearFunctionsAreMalformed() {
        let base = RuleCertificate()
            .object("T", #"{"kind":"triangle-wave","order":"1"}"#)
            .object("U", #"{"kind":"triangle-wave","order":"2"}"#)
        RT.expectMalformed(Self.claim(base, f: "T", g: "U", "<=", "1"), at: "/claims/0/inputs/g")
        RT.expectMalformed(Self.claim(Self.fg, f: "f", g: "nothing", "<=", "1"), at: "/claims/0/inputs/g")
        RT.expectMalformed(Self.claim(Self.fg, f: "f", g: "g", "~", "1"), at: "/claims/0/statement/relation")
        RT.expectMalformed(Self.claim(Self.fg, f: "f", g: "g", "<=", "0.5"), at: "/claims/0/statement/bound")
    }
}
