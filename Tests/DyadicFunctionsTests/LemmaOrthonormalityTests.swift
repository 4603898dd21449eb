import Testing
import ExactArithmetic
@testable import DyadicFunctions
import TestSupport

/// Theorem O and the closed form (MATH.md sec. 6): <f_m, f_m'> = [m = m'] for every sign
/// tree, and byDefinition == byClosedForm == packed, all equal to f_m recomputed here.
@Suite("Theorem O (orthonormality for every sign tree) by brute force")
struct LemmaOrthonormalityTests {
    static func identity(_ n: Int) -> [[Rational]] {
        (0..<n).map { i in (0..<n).map { i == $0 ? Rational(1) : Rational(0) } }
    }

    /// Tree numbers: all of them for J <= 3; for J = 4 a fixed sample (the general path
    /// costs ~40 us per inner product in a debug build, 2^15 * 120 of them would take
    /// minutes). The exhaustive J = 4 check is `everyTreeBitLevel` below.
    static func treeNumbers(_ J: Int) -> [Int] {
        let total = 1 << ((1 << J) - 1)
        if J <= 3 { return Array(0..<total) }
        var g = SplitMix64(seed: 0x0_4711)
        var sample = Set([0, total - 1, 0x5555 & (total - 1), 0x2AAA & (total - 1), 1, total / 2])
        while sample.count < 192 { sample.insert(Int(g.next() % UInt64(total))) }
        return sample.sorted()
    }

    // MARK: The theorem itself, by the reference, on every tree up to J = 4

    /// Pure brute force on the reference outputs (no library values): for every tree
    /// J <= 4, sum_c f_m(c) f_m'(c) = 2^J [m = m']; and the library's packed outputs and
    /// their integer cell sums agree on every tree.
    @Test("every tree J <= 4: reference Gram is the identity; packed outputs agree", arguments: 1...4)
    func everyTreeBitLevel(J: Int) throws {
        let table = LemmaRef.outputPatternTables[J]
        let readouts = try (1..<(1 << J)).map { try WalshReadout(index: $0) }
        let cells = 1 << J
        let mask: UInt64 = cells == 64 ? ~0 : (1 << UInt64(cells)) - 1
        var failures = LemmaRef.Failures()
        for (n, patterns) in table.enumerated() {
            for m in 1..<cells {
                for m2 in m..<cells {
                    let sum = cells - 2 * ((patterns[m] ^ patterns[m2]) & mask).nonzeroBitCount
                    failures.check(sum == (m == m2 ? cells : 0), "J=\(J) n=\(n) m=\(m) m'=\(m2): cell sum \(sum)")
                }
            }
            let packed = try TaskOutput.packedOutputs(signs: try SignTree(levels: J, number: n), readouts: readouts)
            for (d, p) in packed.enumerated() {
                failures.check(p.level == J && p.words == [patterns[d + 1]], "J=\(J) n=\(n) m=\(d + 1): packed words")
                for (e, p2) in packed.enumerated() where e >= d {
                    failures.check(p.cellSum(with: p2) == (d == e ? cells : 0), "J=\(J) n=\(n): packed cell sum")
                }
            }
        }
        #expect(failures.count == 0)
    }

    /// The pattern table itself against the all-Rational definition (Haar series, then
    /// w_m by floors) on every tree J <= 3.
    @Test("reference patterns == Rational definition (every tree J <= 3)")
    func patternsAreDefinition() {
        for J in 1...3 {
            for (n, patterns) in LemmaRef.outputPatternTables[J].enumerated() {
                let sigma = LemmaRef.signs(levels: J, number: n)
                for m in 1..<(1 << J) {
                    let bySeries = LemmaRef.outputSignsBySeries(sigma, readout: m)
                    let fromBits = (0..<(1 << J)).map { patterns[m] >> UInt64($0) & 1 == 1 ? -1 : 1 }
                    #expect(bySeries == fromBits, "J=\(J) n=\(n) m=\(m)")
                }
            }
        }
    }

    // MARK: The general step-function path

    /// <f_m, f_m'> by the general merge of byDefinition outputs, all pairs of readouts.
    @Test(
        "general inner products of byDefinition outputs = [m = m'] (all trees J <= 3, sample J = 4)",
        arguments: 1...4)
    func generalPath(J: Int) throws {
        let readouts = try (1..<(1 << J)).map { try WalshReadout(index: $0) }
        let identity = Self.identity(readouts.count)
        for n in Self.treeNumbers(J) {
            let feature = RademacherHaarFeature.balanced(signs: try SignTree(levels: J, number: n))
            let outputs = try readouts.map { try TaskOutput.byDefinition(feature: feature, readout: $0) }
            let patterns = LemmaRef.outputPatternTables[J][n]
            for (d, f) in outputs.enumerated() {
                let expected = (0..<(1 << J)).map { patterns[d + 1] >> UInt64($0) & 1 == 1 ? -1 : 1 }
                #expect(LemmaRef.matches(f, signs: expected), "J=\(J) n=\(n) m=\(d + 1)")
            }
            #expect(GramMatrix.general(outputs) == identity, "J=\(J) n=\(n)")
        }
    }

    /// Random trees up to J = 12 with random readout sets: the packed Gram matrix; for
    /// J <= 8 also the general path and the automatic choice `GramMatrix.of`.
    @Test("random trees J = 5..12, random readout sets: Gram = identity", arguments: 5...12)
    func randomTrees(J: Int) throws {
        var g = SplitMix64(seed: 0x6EA_0000 + UInt64(J))
        for round in 0..<(J <= 8 ? 3 : 2) {
            let sigma = LemmaRef.randomSigns(levels: J, using: &g)
            let tree = try LemmaRef.tree(sigma)
            let D = LemmaRef.randomInt(1...min(12, (1 << J) - 1), using: &g)
            var ms = LemmaRef.randomSubset(of: Array(1..<(1 << J)), size: D, using: &g)
            if round == 0 { ms[0] = (1 << J) - 1 } // always include top readouts sometimes
            ms = Array(Set(ms))
            let readouts = try ms.map { try WalshReadout(index: $0) }
            let identity = Self.identity(readouts.count)
            let packed = try TaskOutput.packedOutputs(signs: tree, readouts: readouts)
            #expect(GramMatrix.of(packed) == identity, "J=\(J) readouts \(ms)")
            let indices = LemmaRef.midpointIndices(sigma)
            for (d, m) in ms.enumerated() {
                let expected = indices.map { LemmaRef.walshOfMidpoint(m, index: $0, level: J) }
                #expect((0..<(1 << J)).allSatisfy { packed[d].value(cell: $0) == expected[$0] }, "J=\(J) m=\(m): packed")
                // The theorem on the reference values.
                for (e, m2) in ms.enumerated() where e >= d {
                    let other = indices.map { LemmaRef.walshOfMidpoint(m2, index: $0, level: J) }
                    let sum = zip(expected, other).reduce(0) { $0 + $1.0 * $1.1 }
                    #expect(sum == (d == e ? 1 << J : 0))
                }
            }
            if J <= 8 {
                let feature = RademacherHaarFeature.balanced(signs: tree)
                let outputs = try readouts.map { try TaskOutput.byDefinition(feature: feature, readout: $0) }
                #expect(GramMatrix.general(outputs) == identity, "J=\(J) readouts \(ms)")
                #expect(GramMatrix.of(outputs) == identity, "J=\(J) readouts \(ms)")
            }
        }
    }

    // MARK: Closed form

    /// byClosedForm == byDefinition == packed(...).stepFunction == reference, every m.
    @Test("closed form == definition == packed (all trees J <= 3, sample J = 4)", arguments: 1...4)
    func closedFormSmall(J: Int) throws {
        let readouts = try (1..<(1 << J)).map { try WalshReadout(index: $0) }
        let numbers = J <= 3 ? Self.treeNumbers(J) : Array(Self.treeNumbers(J).prefix(128))
        for n in numbers {
            let tree = try SignTree(levels: J, number: n)
            let feature = RademacherHaarFeature.balanced(signs: tree)
            let indices = feature.midpointIndices()
            let patterns = LemmaRef.outputPatternTables[J][n]
            for r in readouts {
                let expected = (0..<(1 << J)).map { patterns[r.index] >> UInt64($0) & 1 == 1 ? -1 : 1 }
                let closed = try TaskOutput.byClosedForm(signs: tree, readout: r)
                let definition = try TaskOutput.byDefinition(feature: feature, readout: r)
                let packed = try TaskOutput.packed(midpointIndices: indices, level: J, readout: r).stepFunction
                #expect(closed == definition && definition == packed, "J=\(J) n=\(n) m=\(r.index)")
                #expect(LemmaRef.matches(closed, signs: expected), "J=\(J) n=\(n) m=\(r.index)")
            }
        }
    }

    /// The closed form as a formula, evaluated here on every cell of random trees up to
    /// J = 10: f(x) = (-1)^|m| w_m(x) prod_{j in bits(m)} sigma(j, anc_j(x)), compared with
    /// the reference f = w_m o u (so the formula itself is tested), and the library's
    /// three paths compared with both.
    @Test("random trees J = 5..10: closed form == definition == packed == reference", arguments: 5...10)
    func closedFormRandom(J: Int) throws {
        var g = SplitMix64(seed: 0xC105_ED00 + UInt64(J))
        let sigma = LemmaRef.randomSigns(levels: J, using: &g)
        let tree = try LemmaRef.tree(sigma)
        let feature = RademacherHaarFeature.balanced(signs: tree)
        let indices = feature.midpointIndices()
        var ms = LemmaRef.randomSubset(of: Array(1..<(1 << J)), size: J <= 8 ? 6 : 3, using: &g)
        ms.append((1 << J) - 1)
        for m in Set(ms).sorted() {
            let reference = LemmaRef.outputSigns(sigma, readout: m)
            let formula = (0..<(1 << J)).map { c -> Int in
                let x = LemmaRef.cellMidpoint(c, level: J)
                var sign = m.nonzeroBitCount & 1 == 1 ? -1 : 1
                sign *= LemmaRef.walsh(m, at: x)
                for j in LemmaRef.bits(m) { sign *= sigma[j][c >> (J - j)] }
                return sign
            }
            #expect(formula == reference, "J=\(J) m=\(m): closed-form formula")
            let r = try WalshReadout(index: m)
            let closed = try TaskOutput.byClosedForm(signs: tree, readout: r)
            let definition = try TaskOutput.byDefinition(feature: feature, readout: r)
            let packed = try TaskOutput.packed(midpointIndices: indices, level: J, readout: r).stepFunction
            #expect(LemmaRef.matches(closed, signs: reference), "J=\(J) m=\(m): closed")
            #expect(definition == closed && packed == closed, "J=\(J) m=\(m)")
        }
    }

    /// Readouts out of range for the closed form and packed paths are rejected.
    @Test("closed form and packed reject m >= 2^J")
    func outOfRange() throws {
        let tree = try SignTree(levels: 3, number: 5)
        let r = try WalshReadout(index: 8)
        #expect(throws: DyadicFunctionError.self) { try TaskOutput.byClosedForm(signs: tree, readout: r) }
        #expect(throws: DyadicFunctionError.self) {
            try TaskOutput.packed(midpointIndices: Array(0..<8), level: 3, readout: r)
        }
    }
}
