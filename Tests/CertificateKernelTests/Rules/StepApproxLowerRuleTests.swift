import Testing
@testable import CertificateKernel

/// `step-approx-lower`: every step function with <= P breakpoints is >= t/2 from a
/// continuous piecewise-linear g when the strict greedy count n_<(t) > P + 1 (Lemma T).
@Suite("Rule step-approx-lower")
struct StepApproxLowerRuleTests {
    static func claim(_ g: String, P: String, t: String, distance: String, object: String? = nil) -> FileVerdict {
        RuleCertificate().object("g", object ?? g)
            .claim(
                "l", "step-approx-lower", inputs: "{\"function\":\"g\",\"max-breakpoints\":\"\(P)\",\"threshold\":\"\(t)\"}",
                statement: "{\"distance-at-least\":\"\(distance)\"}"
            ).verify()
    }

    static func triangle(_ n: Int) -> String { "{\"kind\":\"triangle-wave\",\"order\":\"\(n)\"}" }

    /// T^(n) runs 2^n times monotonically through [0, 1]; for t = 1/k the strict greedy cuts
    /// each run into k intervals, the last ending on the knot: n_< = k 2^n. So
    /// P = k 2^n - 2 is accepted and P = k 2^n - 1 (n_< = P + 1 exactly) is rejected.
    @Test func triangleWavesAtThresholdOneOverK() {
        for n in 1...3 {
            for k in 1...3 {
                let count = k << n
                let t = Q(1, k), half = Q(1, 2 * k)
                RT.expectVerified(Self.claim(Self.triangle(n), P: String(count - 2), t: t.description, distance: half.description))
                RT.expectVerified(Self.claim(Self.triangle(n), P: "0", t: t.description, distance: "0"))
                let f = RT.expectFailed(
                    Self.claim(Self.triangle(n), P: String(count - 1), t: t.description, distance: half.description),
                    at: "/claims/0/inputs/max-breakpoints",
                    reason: ["n_<(t) = \(count) intervals, not more than P + 1 = \(count)"])
                #expect(f?.computed == "n_<(\(t)) = \(count)")
                #expect(f?.expected == "n_<(\(t)) > \(count)")
            }
        }
    }

    /// The tent (knots 0, 1/2, 1 written out) with t = 1/2: cuts at 1/4, 1/2, 3/4, 1, so
    /// n_< = 4: P = 2 gives 1/4, P = 3 is rejected.
    @Test func tentByHand() {
        let tent = #"{"kind":"piecewise-linear","knots":["0","1/2","1"],"values":["0","1","0"]}"#
        RT.expectVerified(Self.claim(tent, P: "2", t: "1/2", distance: "1/4"))
        RT.expectFailed(Self.claim(tent, P: "3", t: "1/2", distance: "1/4"), at: "/claims/0/inputs/max-breakpoints", reason: ["n_<(t) = 4"])
        // t = 3/5: cuts at 3/10 (value 3/5), at 4/5 (down to 2/5 from the peak 1), then the
        // oscillation on [4/5, 1] is only 2/5: n_< = 3. So P = 1 holds and P = 2 is rejected,
        // and indeed three pieces reach error 1/4 < 3/10 (pieces [0,1/4), [1/4,3/4), [3/4,1)).
        RT.expectVerified(Self.claim(tent, P: "1", t: "3/5", distance: "3/10"))
        RT.expectFailed(
            Self.claim(tent, P: "2", t: "3/5", distance: "3/10"), at: "/claims/0/inputs/max-breakpoints", reason: ["n_<(t) = 3"])
        let s = RuleCertificate().object("T", tent).object("s", RT.step(["0", "1/4", "3/4", "1"], ["1/4", "3/4", "1/4"]))
            .claim("d", "sup-distance", inputs: #"{"f":"T","g":"s"}"#, statement: #"{"relation":"<","bound":"3/10"}"#).verify()
        RT.expectVerified(s)
    }

    @Test func statedDistanceAboveHalfTheThresholdRejected() {
        let f = RT.expectFailed(
            Self.claim(Self.triangle(3), P: "14", t: "1/2", distance: "251/1000"), at: "/claims/0/statement/distance-at-least",
            reason: ["t/2 = 1/4"])
        #expect(f?.computed == "t/2 = 1/4")
        RT.expectFailed(Self.claim(Self.triangle(3), P: "6", t: "1", distance: "1"), at: "/claims/0/statement/distance-at-least")
        RT.expectVerified(Self.claim(Self.triangle(3), P: "6", t: "1", distance: "1/2"))
        RT.expectVerified(Self.claim(Self.triangle(3), P: "6", t: "1", distance: "-3"))
    }

    /// Lemma T needs a continuous g (its proof uses that g oscillates by less than t on
    /// the closure of each piece). The sawtooth S_1 is discontinuous at 1/2, and a
    /// piece-by-piece function with a jump is too: both are refused.
    @Test func discontinuousFunctionsRejected() {
        let f = RT.expectFailed(
            Self.claim("", P: "0", t: "1/2", distance: "1/4", object: #"{"kind":"sawtooth","order":"1"}"#),
            at: "/claims/0/inputs/function", reason: ["needs a continuous g"])
        #expect(f != nil)
        RT.expectFailed(
            Self.claim("", P: "0", t: "1/100", distance: "1/200", object: #"{"kind":"sawtooth","order":"3"}"#),
            at: "/claims/0/inputs/function", reason: ["continuous"])
        // A jump written piece by piece: 0 -> 1/2 on [0, 1/2), then 1 -> 1/2 on [1/2, 1).
        let jump = #"{"kind":"piecewise-linear","knots":["0","1/2","1"],"start-values":["0","1"],"end-values":["1/2","1/2"]}"#
        RT.expectFailed(
            Self.claim("", P: "0", t: "1/2", distance: "1/4", object: jump), at: "/claims/0/inputs/function", reason: ["continuous"])
        // The same data without the jump is accepted.
        let joined = #"{"kind":"piecewise-linear","knots":["0","1/2","1"],"start-values":["0","1/2"],"end-values":["1/2","1"]}"#
        RT.expectVerified(Self.claim("", P: "0", t: "1/2", distance: "1/4", object: joined))
        RT.expectFailed(Self.claim("", P: "1", t: "1/2", distance: "1/4", object: joined), at: "/claims/0/inputs/max-breakpoints")
    }

    @Test func malformedInputs() {
        RT.expectMalformed(Self.claim(Self.triangle(1), P: "-1", t: "1/2", distance: "1/4"), at: "/claims/0/inputs/max-breakpoints")
        RT.expectMalformed(Self.claim(Self.triangle(1), P: "1", t: "0", distance: "0"), at: "/claims/0/inputs/threshold")
        RT.expectMalformed(Self.claim(Self.triangle(1), P: "1", t: "-1/2", distance: "0"), at: "/claims/0/inputs/threshold")
        let step = RuleCertificate().object("g", RT.constant("0"))
            .claim(
                "l", "step-approx-lower", inputs: #"{"function":"g","max-breakpoints":"0","threshold":"1"}"#,
                statement: #"{"distance-at-least":"0"}"#
            ).verify()
        RT.expectMalformed(step, at: "/claims/0/inputs/function")
    }

    /// Established: distance >= stated (and the greedy count exactly).
    @Test func establishedQuantities() {
        let base = RuleCertificate().object("T", Self.triangle(2))
            .claim(
                "l", "step-approx-lower", inputs: #"{"function":"T","max-breakpoints":"6","threshold":"1/2"}"#,
                statement: #"{"distance-at-least":"1/4"}"#)
        func bits(_ quantity: String, _ relation: String, _ bound: String) -> FileVerdict {
            base.claim(
                "b", "bits", uses: ["l"], inputs: "{\"terms\":[{\"claim\":\"l\",\"quantity\":\"\(quantity)\",\"coefficient\":\"1\"}]}",
                statement: "{\"relation\":\"\(relation)\",\"bound\":\"\(bound)\"}"
            ).verify()
        }
        RT.expectVerified(bits("distance", ">=", "1/4"))
        RT.expectFailed(bits("distance", ">", "1/4"), claim: 1, at: "/claims/1/statement/bound")
        RT.expectFailed(bits("distance", "<=", "1"), claim: 1, at: "/claims/1/statement/bound")
        RT.expectVerified(bits("greedy-intervals", "=", "8"))
        RT.expectFailed(bits("greedy-intervals", "=", "9"), claim: 1, at: "/claims/1/statement/bound")
    }
}

/// `step-approx-lower` against an independent strict greedy (MATH.md sec. 9) on random
/// continuous piecewise-linear functions.
@Suite("Rule step-approx-lower, random functions")
struct StepApproxLowerRandomTests {
    /// n_<(t): from a, the least b with max g - min g on [a, b] equal to t, else 1.
    /// Knot by knot: the oscillation is continuous and nondecreasing in b; inside a
    /// linear piece it reaches t where g(b) = min + t (rising) or max - t (falling).
    static func strictGreedyCount(knots: [Q], values: [Q], t: Q) -> Int {
        var count = 0
        var a = Q(0), ga = values[0]
        var i = 0 // a lies in [knots[i], knots[i+1])
        while true {
            var high = ga, low = ga
            var found: (Q, Q, Int)? = nil
            var j = i
            var left = a, gLeft = ga
            while j < knots.count - 1 {
                let right = knots[j + 1], gRight = values[j + 1]
                if Q(0) < gRight - gLeft, !(gRight - low < t) {
                    let level = low + t
                    found = (left + (level - gLeft) * (right - left) * Q(1) * inverse(gRight - gLeft), level, j)
                    break
                }
                if gRight - gLeft < Q(0), !(high - gRight < t) {
                    let level = high - t
                    found = (left + (level - gLeft) * (right - left) * inverse(gRight - gLeft), level, j)
                    break
                }
                high = max(high, gRight)
                low = min(low, gRight)
                left = right
                gLeft = gRight
                j += 1
            }
            count += 1
            guard let (b, gb, piece) = found else { return count }
            if b == Q(1) { return count }
            a = b
            ga = gb
            i = piece
            if b == knots[piece + 1] { i = piece + 1 }
        }
    }

    static func inverse(_ x: Q) -> Q { Q(x.q, x.p) }

    @Test func randomFunctionsAgainstIndependentGreedy() {
        var rng = RTRandom(state: 99)
        var checked = 0
        for _ in 0..<80 {
            let pieces = rng.int(1...6)
            var knots = Set<Int>()
            while knots.count < pieces - 1 { knots.insert(rng.int(1...15)) }
            let xs = [Q(0)] + knots.sorted().map { Q($0, 16) } + [Q(1)]
            let ys = xs.map { _ in Q(rng.int(0...6), 4) }
            let t = [Q(1, 4), Q(1, 3), Q(1, 2), Q(3, 4), Q(1), Q(5, 4)][rng.int(0...5)]
            let n = Self.strictGreedyCount(knots: xs, values: ys, t: t)
            let g = "{\"kind\":\"piecewise-linear\",\"knots\":\(RT.a(xs.map(\.description))),\"values\":\(RT.a(ys.map(\.description)))}"
            func claim(_ P: Int) -> FileVerdict {
                StepApproxLowerRuleTests.claim("", P: String(P), t: t.description, distance: (t * Q(1, 2)).description, object: g)
            }
            if n >= 2 {
                RT.expectVerified(claim(n - 2))
                checked += 1
            }
            RT.expectFailed(claim(n - 1), at: "/claims/0/inputs/max-breakpoints", reason: ["n_<(t) = \(n) intervals"])
        }
        #expect(checked > 20)
    }
}
