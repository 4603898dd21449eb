import Testing
import ExactArithmetic
@testable import DyadicFunctions
import TestSupport

/// Lemma H1, the Haar packing corollary and Lemma H2 (MATH.md sec. 7) by brute force
/// over all sign trees of depth J <= 3, with several amplitude vectors (random,
/// non-monotone, increasing, equal, balanced).
@Suite("Lemmas H1, H2 and Haar packing by brute force")
struct LemmaHaarCoveringTests {
    /// Named amplitude vectors for depth J.
    static func amplitudeSets(_ J: Int) -> [(name: String, a: [Rational])] {
        var sets: [(String, [Rational])] = [("balanced", LemmaRef.balanced(J))]
        for seed in [UInt64(11), 12, 13] {
            var g = SplitMix64(seed: seed * 1000 + UInt64(J))
            sets.append(("random seed \(seed)", (0..<J).map { _ in LemmaRef.randomPositive(using: &g) }))
        }
        sets.append(("non-monotone", Array([LemmaRef.q(1, 10), Rational(5), LemmaRef.q(1, 3)].prefix(J))))
        sets.append(("increasing", Array([Rational(1), Rational(2), LemmaRef.q(7, 2)].prefix(J))))
        sets.append(("equal", Array(repeating: LemmaRef.q(3, 7), count: J)))
        return sets
    }

    static let cases: [(Int, Int)] = (1...3).flatMap { J in amplitudeSets(J).indices.map { (J, $0) } }

    /// The first level at which two trees differ (nil when equal), computed here.
    static func firstDifference(_ s: [[Int]], _ t: [[Int]]) -> Int? {
        (0..<s.count).first { j in s[j] != t[j] }
    }

    /// The leftmost start of a common-refinement piece attaining the maximum of |f - g|
    /// for two level-J cell arrays (canonical pieces: runs with equal value pairs).
    static func witness(_ f: [Rational], _ g: [Rational], maximum: Rational) -> Rational {
        guard let first = f.indices.first(where: { (f[$0] - g[$0]).magnitude == maximum }) else { return -1 }
        var c = first
        while c > 0 && f[c - 1] == f[c] && g[c - 1] == g[c] { c -= 1 }
        return LemmaRef.q(c, f.count)
    }

    @Test("Lemma H1 for all pairs of trees, J <= 3", arguments: cases)
    func lemmaH1(J: Int, set: Int) throws {
        let (name, a) = Self.amplitudeSets(J)[set]
        let total = 1 << ((1 << J) - 1)
        let sigmas = (0..<total).map { LemmaRef.signs(levels: J, number: $0) }
        let h = sigmas.map { LemmaRef.hByCells($0, amplitudes: a) }
        var features: [StepFunction] = []
        for n in 0..<total {
            let feature = try RademacherHaarFeature(signs: try SignTree(levels: J, number: n), amplitudes: a)
            #expect(feature.cellValues() == h[n], "\(name) J=\(J) n=\(n)")
            #expect(LemmaRef.matches(feature.stepFunction, cellValues: h[n]), "\(name) J=\(J) n=\(n)")
            features.append(feature.stepFunction)
        }
        #expect(Set(h).count == total, "\(name) J=\(J): h_sigma not all distinct")
        var failures = LemmaRef.Failures()
        for s in 0..<total {
            for t in (s + 1)..<total {
                guard let jStar = Self.firstDifference(sigmas[s], sigmas[t]) else {
                    failures.check(false, "distinct numbers \(s), \(t) give equal trees")
                    continue
                }
                let distance = zip(h[s], h[t]).map { ($0 - $1).magnitude }.max() ?? 0
                let lower = 2 * a[jStar]
                let upper = 2 * Rational.sum(a[jStar...])
                failures.check(
                    lower <= distance && distance <= upper,
                    "\(name) J=\(J) trees \(s),\(t), j*=\(jStar): \(lower) <= \(distance) <= \(upper) fails")
                let library = features[s].supDistance(to: features[t])
                failures.check(library.value == distance, "\(name) J=\(J) \(s),\(t): supDistance \(library.value) != \(distance)")
                failures.check(
                    library.witness == Self.witness(h[s], h[t], maximum: distance),
                    "\(name) J=\(J) \(s),\(t): witness \(library.witness)")
            }
        }
        #expect(failures.count == 0)
    }

    /// Packing: the trees that are +1 at every level >= L are pairwise more than 2 eps
    /// apart for every eps < min_{j<L} a_j; `packingApplies` matches the side condition
    /// evaluated here.
    @Test("Haar packing corollary, J <= 3", arguments: cases)
    func haarPacking(J: Int, set: Int) throws {
        let (name, a) = Self.amplitudeSets(J)[set]
        let total = 1 << ((1 << J) - 1)
        for L in 1...J {
            let members = (0..<total).map { LemmaRef.signs(levels: J, number: $0) }
                .filter { sigma in (L..<J).allSatisfy { j in sigma[j].allSatisfy { $0 == 1 } } }
            #expect(members.count == 1 << ((1 << L) - 1), "\(name) J=\(J) L=\(L)")
            let h = members.map { LemmaRef.hByCells($0, amplitudes: a) }
            let minA = a[0..<L].min() ?? 0
            let eps = minA * LemmaRef.q(999, 1000)
            var closest: Rational? = nil
            for s in 0..<h.count {
                for t in (s + 1)..<h.count {
                    let d = zip(h[s], h[t]).map { ($0 - $1).magnitude }.max() ?? 0
                    closest = closest.map { min($0, d) } ?? d
                    #expect(d > 2 * eps, "\(name) J=\(J) L=\(L): pair \(s),\(t) at distance \(d) <= 2 eps")
                }
            }
            if let closest { #expect(closest >= 2 * minA, "\(name) J=\(J) L=\(L): closest pair \(closest)") }
            #expect(HaarCoveringBounds.bits(truncationLevel: L) == BigInt((1 << L) - 1))
        }
        // The side condition: 1 <= L <= J, eps > 0, eps < a_j for all j < L.
        for L in -1...(J + 1) {
            for eps in Self.epsGrid(a) {
                let expected = L >= 1 && L <= J && eps.signum > 0 && (0..<L).allSatisfy { eps < a[$0] }
                #expect(
                    HaarCoveringBounds.packingApplies(amplitudes: a, eps: eps, truncationLevel: L) == expected,
                    "\(name) L=\(L) eps=\(eps)")
            }
        }
        for eps in Self.epsGrid(a) {
            let best = (1...J).filter { L in eps.signum > 0 && (0..<L).allSatisfy { eps < a[$0] } }.max()
            #expect(HaarCoveringBounds.bestPackingLevel(amplitudes: a, eps: eps) == best, "\(name) eps=\(eps)")
        }
    }

    /// Values of eps around every amplitude and every tail sum.
    static func epsGrid(_ a: [Rational]) -> [Rational] {
        let tiny = LemmaRef.q(1, 1_000_000)
        var grid: [Rational] = [0, -tiny, tiny, 1, 100]
        for v in a + (0...a.count).map({ Rational.sum(a[$0...]) }) where v.signum > 0 {
            grid += [v, v - tiny, v + tiny, v / 2, 2 * v]
        }
        return grid
    }

    /// Lemma H2: truncating to levels < L moves every h_sigma by exactly sum_{j>=L} a_j
    /// in sup norm (the all-(+1) pattern of the tail occurs on some cell by Lemma R's
    /// bijection), the 2^(2^L - 1) truncations are the centres, and `coverApplies`
    /// matches the side condition evaluated here.
    @Test("Lemma H2 (truncation cover), J <= 3", arguments: cases)
    func lemmaH2(J: Int, set: Int) throws {
        let (name, a) = Self.amplitudeSets(J)[set]
        let total = 1 << ((1 << J) - 1)
        var failures = LemmaRef.Failures()
        for L in 0...J {
            let tail = Rational.sum(a[L...])
            var centres = Set<[Rational]>()
            for n in 0..<total {
                let sigma = LemmaRef.signs(levels: J, number: n)
                var truncatedAmplitudes = a
                for j in L..<J { truncatedAmplitudes[j] = 0 }
                let h = LemmaRef.hByCells(sigma, amplitudes: a)
                let truncated = LemmaRef.hByCells(sigma, amplitudes: truncatedAmplitudes)
                centres.insert(truncated)
                let distance = zip(h, truncated).map { ($0 - $1).magnitude }.max() ?? 0
                failures.check(distance == tail, "\(name) J=\(J) L=\(L) n=\(n): truncation moves h by \(distance), tail \(tail)")
                let feature = try RademacherHaarFeature(signs: try SignTree(levels: J, number: n), amplitudes: a)
                let library = try HaarCoveringBounds.truncation(of: feature, below: L)
                failures.check(LemmaRef.matches(library, cellValues: truncated), "\(name) J=\(J) L=\(L) n=\(n): truncation")
                failures.check(feature.stepFunction.supDistance(to: library).value == tail, "\(name) J=\(J) L=\(L) n=\(n)")
            }
            #expect(centres.count == 1 << ((1 << L) - 1), "\(name) J=\(J) L=\(L): \(centres.count) centres")
            for eps in Self.epsGrid(a) {
                let expected = eps.signum > 0 && eps >= tail
                #expect(
                    HaarCoveringBounds.coverApplies(amplitudes: a, eps: eps, truncationLevel: L) == expected,
                    "\(name) L=\(L) eps=\(eps)")
            }
        }
        #expect(failures.count == 0)
        for eps in Self.epsGrid(a) {
            #expect(HaarCoveringBounds.coverApplies(amplitudes: a, eps: eps, truncationLevel: -1) == false)
            #expect(HaarCoveringBounds.coverApplies(amplitudes: a, eps: eps, truncationLevel: J + 1) == false)
            let best = (0...J).first { L in eps.signum > 0 && eps >= Rational.sum(a[L...]) }
            #expect(HaarCoveringBounds.bestCoverLevel(amplitudes: a, eps: eps) == best, "\(name) eps=\(eps)")
        }
        let feature = try RademacherHaarFeature(signs: try SignTree(levels: J, number: 0), amplitudes: a)
        #expect(throws: DyadicFunctionError.self) { try HaarCoveringBounds.truncation(of: feature, below: J + 1) }
        #expect(throws: DyadicFunctionError.self) { try HaarCoveringBounds.truncation(of: feature, below: -1) }
    }

    /// The covering lemmas' side conditions never both hold in a contradictory way:
    /// if packing applies at L and cover at L', then 2^L - 1 <= 2^L' - 1 (a sanity check
    /// of the lemmas against each other over the eps grid).
    @Test("packing and cover bounds are consistent", arguments: cases)
    func consistency(J: Int, set: Int) {
        let (name, a) = Self.amplitudeSets(J)[set]
        for eps in Self.epsGrid(a) {
            if let lower = HaarCoveringBounds.bestPackingLevel(amplitudes: a, eps: eps),
                let upper = HaarCoveringBounds.bestCoverLevel(amplitudes: a, eps: eps)
            {
                #expect(lower <= upper, "\(name) eps=\(eps): packing level \(lower) > cover level \(upper)")
            }
        }
    }

    /// Amplitudes must be positive and one per level.
    @Test("feature rejects non-positive or miscounted amplitudes")
    func amplitudeValidation() throws {
        let tree = try SignTree(levels: 2, number: 3)
        #expect(throws: DyadicFunctionError.self) { try RademacherHaarFeature(signs: tree, amplitudes: [1, 0]) }
        #expect(throws: DyadicFunctionError.self) { try RademacherHaarFeature(signs: tree, amplitudes: [1, -1]) }
        #expect(throws: DyadicFunctionError.self) { try RademacherHaarFeature(signs: tree, amplitudes: [1]) }
    }
}
