import Testing
import ExactArithmetic
@testable import DyadicFunctions
import TestSupport

/// Lemma R (MATH.md sec. 5): with balanced amplitudes, u_sigma = (h_sigma + 1)/2 maps the
/// level-J cells bijectively onto the midpoints (2i+1)/2^(J+1); and the library's
/// `cellValues`, `stepFunction`, `shiftedStepFunction` and `midpointIndices` agree with
/// h and u recomputed here from the definition.
@Suite("Lemma R (rearrangement) by brute force")
struct LemmaRearrangementTests {
    // MARK: The reference itself

    /// The tree numbering used to enumerate is the documented one (bit 2^j - 1 + k of the
    /// number is node (j,k), 1 = -1), so "every tree" really is every tree.
    @Test("SignTree(levels:number:) enumerates every tree once, in node order", arguments: 1...4)
    func numbering(J: Int) throws {
        var seen = Set<SignTree>()
        var failures = LemmaRef.Failures()
        for n in 0..<(1 << ((1 << J) - 1)) {
            let tree = try SignTree(levels: J, number: n)
            let sigma = LemmaRef.signs(levels: J, number: n)
            for j in 0..<J {
                for k in 0..<(1 << j) {
                    failures.check(tree.sign(level: j, index: k) == sigma[j][k], "J=\(J) n=\(n) node (\(j),\(k))")
                }
            }
            failures.check(tree == (try LemmaRef.tree(sigma)), "J=\(J) n=\(n): numbered tree != tree from signs")
            seen.insert(tree)
        }
        #expect(failures.count == 0)
        #expect(seen.count == 1 << ((1 << J) - 1))
        // One past the last number is rejected.
        #expect(throws: DyadicFunctionError.self) { try SignTree(levels: J, number: 1 << ((1 << J) - 1)) }
    }

    /// The documented certificate-form examples of `SignTree`.
    @Test("SignTree hex examples of the documentation")
    func hexExamples() throws {
        let one = try SignTree(levels: 1, hex: "8")
        #expect(one.sign(level: 0, index: 0) == -1)
        let two = try SignTree(levels: 2, hex: "4")
        #expect([two.sign(level: 0, index: 0), two.sign(level: 1, index: 0), two.sign(level: 1, index: 1)] == [1, -1, 1])
        #expect(two.hex == "4")
    }

    /// My cell formula is the Haar series of the definition (any amplitudes).
    @Test("cell formula == Haar series (reference self-check)")
    func cellFormulaIsSeries() throws {
        var g = SplitMix64(seed: 0x5EED_0001)
        for J in 1...3 {
            let a = (0..<J).map { _ in LemmaRef.randomPositive(using: &g) }
            for n in 0..<(1 << ((1 << J) - 1)) {
                let sigma = LemmaRef.signs(levels: J, number: n)
                #expect(LemmaRef.hBySeries(sigma, amplitudes: a) == LemmaRef.hByCells(sigma, amplitudes: a), "J=\(J) n=\(n)")
            }
        }
        for J in 4...6 {
            let sigma = LemmaRef.randomSigns(levels: J, using: &g)
            let a = (0..<J).map { _ in LemmaRef.randomPositive(using: &g) }
            #expect(LemmaRef.hBySeries(sigma, amplitudes: a) == LemmaRef.hByCells(sigma, amplitudes: a), "J=\(J)")
            let balanced = LemmaRef.balanced(J)
            let scaled = LemmaRef.scaledBalancedH(sigma).map { Rational($0) / Rational(1 << J) }
            #expect(LemmaRef.hByCells(sigma, amplitudes: balanced) == scaled)
        }
    }

    /// Digit n of the midpoint (2i+1)/2^(J+1) is bit J-1-n of i, so the parity shortcut of
    /// the reference is the Walsh function of the definition.
    @Test("Walsh of a midpoint: parity shortcut == definition (reference self-check)")
    func walshShortcut() {
        for J in 1...6 {
            for i in 0..<(1 << J) {
                let y = LemmaRef.q(2 * i + 1, 1 << (J + 1))
                for m in 0..<(1 << J) {
                    #expect(LemmaRef.walsh(m, at: y) == LemmaRef.walshOfMidpoint(m, index: i, level: J), "J=\(J) i=\(i) m=\(m)")
                }
            }
        }
    }

    // MARK: Every tree up to J = 4

    /// All trees of depth J <= 3 with Rational arithmetic all the way: u = (h+1)/2 from the
    /// Haar series takes every midpoint exactly once.
    @Test("every tree J <= 3: u_sigma (Haar series, Rational) hits each midpoint once", arguments: 1...3)
    func everyTreeRational(J: Int) throws {
        let midpoints = Set((0..<(1 << J)).map { LemmaRef.q(2 * $0 + 1, 1 << (J + 1)) })
        for n in 0..<(1 << ((1 << J) - 1)) {
            let sigma = LemmaRef.signs(levels: J, number: n)
            let h = LemmaRef.hBySeries(sigma, amplitudes: LemmaRef.balanced(J))
            let u = h.map { ($0 + 1) / Rational(2) }
            #expect(Set(u) == midpoints && Set(u).count == u.count, "J=\(J) n=\(n): u = \(u)")
            let feature = RademacherHaarFeature.balanced(signs: try SignTree(levels: J, number: n))
            #expect(feature.cellValues() == h)
            #expect(LemmaRef.matches(feature.stepFunction, cellValues: h))
            #expect(LemmaRef.matches(feature.shiftedStepFunction, cellValues: u))
            let i = u.map { (($0 * Rational(1 << (J + 1)) - 1) / Rational(2)).floor.intValue ?? -1 }
            #expect(feature.midpointIndices() == i)
        }
    }

    /// Every tree of depth J = 1..4 (J = 4 split into chunks so it runs in parallel):
    /// the integer form 2^J h, the midpoint indices, and the library's four views.
    @Test(
        "every tree J <= 4: bijection onto midpoints; library agrees",
        arguments: [(1, 0), (2, 0), (3, 0), (4, 0), (4, 1), (4, 2), (4, 3)])
    func everyTree(J: Int, chunk: Int) throws {
        let total = 1 << ((1 << J) - 1)
        let chunks = J == 4 ? 4 : 1
        let range = (total * chunk / chunks)..<(total * (chunk + 1) / chunks)
        let scale = Rational(1 << J)
        var failures = LemmaRef.Failures()
        for n in range {
            let sigma = LemmaRef.signs(levels: J, number: n)
            let indices = LemmaRef.midpointIndices(sigma)
            failures.check(indices.sorted() == Array(0..<(1 << J)), "J=\(J) n=\(n): not a bijection \(indices)")
            let feature = RademacherHaarFeature.balanced(signs: try SignTree(levels: J, number: n))
            failures.check(feature.midpointIndices() == indices, "J=\(J) n=\(n): midpointIndices")
            let h = LemmaRef.scaledBalancedH(sigma).map { Rational($0) / scale }
            failures.check(feature.cellValues() == h, "J=\(J) n=\(n): cellValues")
            // The step function (built from the same cell values) on every 4th tree at J = 4.
            if J < 4 || n % 4 == chunk {
                failures.check(LemmaRef.matches(feature.stepFunction, cellValues: h), "J=\(J) n=\(n): stepFunction")
            }
        }
        #expect(failures.count == 0)
    }

    // MARK: Random trees up to J = 12

    @Test("random trees J = 5..12: bijection (Rational definition); library agrees", arguments: 5...12)
    func randomTrees(J: Int) throws {
        var g = SplitMix64(seed: 0xA11CE + UInt64(J))
        let midpoints = (0..<(1 << J)).map { LemmaRef.q(2 * $0 + 1, 1 << (J + 1)) }
        for _ in 0..<(J <= 9 ? 3 : 1) {
            let sigma = LemmaRef.randomSigns(levels: J, using: &g)
            let tree = try LemmaRef.tree(sigma)
            let h = LemmaRef.hByCells(sigma, amplitudes: LemmaRef.balanced(J))
            let u = h.map { ($0 + 1) / Rational(2) }
            #expect(u.sorted() == midpoints, "J=\(J): u is not a bijection onto the midpoints")
            let feature = RademacherHaarFeature.balanced(signs: tree)
            #expect(feature.isBalanced)
            #expect(feature.cellValues() == h)
            #expect(LemmaRef.matches(feature.stepFunction, cellValues: h))
            #expect(LemmaRef.matches(feature.shiftedStepFunction, cellValues: u))
            let expectedIndices = u.map { (($0 * Rational(1 << (J + 1)) - 1) / Rational(2)).floor.intValue ?? -1 }
            #expect(feature.midpointIndices() == expectedIndices)
            #expect(LemmaRef.midpointIndices(sigma) == expectedIndices)
            // r_j(u) = -s_j (the note after the proof): digit j of u is 1 exactly when s_j = +1.
            for c in stride(from: 0, to: 1 << J, by: max(1, (1 << J) / 64)) {
                for j in 0..<J {
                    let s = sigma[j][c >> (J - j)] * ((c >> (J - 1 - j)) & 1 == 1 ? -1 : 1)
                    let digit = (u[c] * Rational(1 << (j + 1))).floor.isOdd ? 1 : 0
                    #expect(digit == (s == 1 ? 1 : 0), "J=\(J) c=\(c) j=\(j)")
                }
            }
        }
    }

    // MARK: The perf kit's check value

    /// ../shared/perf/README.md (W2): the tree of seed 42, J = 3, and its midpoint indices.
    @Test("W2 check value: SignTree.random(levels: 3, seed: 42)")
    func w2CheckValue() throws {
        let tree = try SignTree.random(levels: 3, seed: 42)
        let sigma = (0..<3).map { j in (0..<(1 << j)).map { tree.sign(level: j, index: $0) } }
        #expect(sigma == [[-1], [1, 1], [1, 1, -1, 1]])
        // The draw rule itself: j-major, sign -1 when the top bit of the next output is set.
        var g = SplitMix64(seed: 42)
        let drawn = (0..<3).map { j in (0..<(1 << j)).map { _ in g.next() >> 63 == 1 ? -1 : 1 } }
        #expect(drawn == sigma)
        #expect(RademacherHaarFeature.balanced(signs: tree).midpointIndices() == [3, 2, 1, 0, 6, 7, 5, 4])
        #expect(LemmaRef.midpointIndices([[-1], [1, 1], [1, 1, -1, 1]]) == [3, 2, 1, 0, 6, 7, 5, 4])
    }
}
