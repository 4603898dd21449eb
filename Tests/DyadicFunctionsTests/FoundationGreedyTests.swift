import Testing
import ExactArithmetic
@testable import DyadicFunctions
import TestSupport

/// The greedy partitions of MATH.md sec. 9 against brute force on a fine grid.
///
/// Most g here are continuous piecewise linear with dyadic knots of level <= 4 and
/// slopes whose reciprocals are dyadic, with t a multiple of 1/8, so every crossing
/// g = level lies on the level-10 dyadic grid; triangle waves with t in thirds and
/// fifths use the grid i/240 instead. Each grid contains all knots, so the oscillation
/// of g on [grid a, grid b] is exactly max - min of the grid values there. Each
/// reference below checks that its own cut points are genuine crossings (so a grid
/// that is too coarse makes the test fail instead of passing silently).
@Suite struct FoundationGreedyTests {
    static let gridLevel = 10

    /// A continuous g given by knots and values, and a threshold.
    struct Case: CustomStringConvertible {
        var name: String
        var knots: [Rational]
        var values: [Rational]
        var t: Rational

        func g() throws -> PiecewiseLinear { try PiecewiseLinear(knots: knots, values: values) }
        func eval(_ x: Rational) -> Rational { FDN.interpolate(knots: knots, values: values, at: x) }
        var description: String { "\(name) t=\(t) knots=\(knots) values=\(values)" }
    }

    /// g on the grid i/N (N = `cells`) scaled to integers by a common denominator.
    struct Grid {
        let cells: Int
        let v: [Int] // scale * g(i / N)
        let t: Int // scale * t
        let scale: Rational
        var n: Int { v.count - 1 }

        init(_ c: Case, cells: Int) {
            self.cells = cells
            let points = (0...cells).map { FDN.q($0, cells) }
            for k in c.knots { precondition((k * Rational(cells)).isInteger, "knot off the grid") }
            let values = points.map(c.eval)
            var lcm = BigInt(1)
            for x in values + [c.t] { lcm = lcm / BigInt.gcd(lcm, x.denominator) * x.denominator }
            let s = Rational(lcm)
            scale = s
            let ints = values.compactMap { ($0 * s).numerator.intValue }
            guard ints.count == values.count, let ti = (c.t * s).numerator.intValue else {
                preconditionFailure("scaled grid values must be words")
            }
            v = ints
            t = ti
        }

        func point(_ i: Int) -> Rational { FDN.q(i, cells) }
        func unscaled(_ x: Int) -> Rational { Rational(x) / scale }

        /// (max, min) of g on [a, b] (grid indices).
        func range(_ a: Int, _ b: Int) -> (Int, Int) {
            var hi = v[a], lo = v[a]
            for i in a...b {
                hi = max(hi, v[i])
                lo = min(lo, v[i])
            }
            return (hi, lo)
        }

        /// The strict greedy: least grid b with oscillation >= t. Each cut must have
        /// oscillation exactly t (else the true crossing lies between grid points).
        func strict() -> (ends: [Int], centres: [Int], exact: Bool) {
            var a = 0, ends: [Int] = [], centres: [Int] = [], exact = true
            while true {
                var hi = v[a], lo = v[a], cut: Int? = nil
                for b in (a + 1)...n {
                    hi = max(hi, v[b])
                    lo = min(lo, v[b])
                    if hi - lo >= t {
                        cut = b
                        break
                    }
                }
                ends.append(cut ?? n)
                centres.append(hi + lo) // twice the centre
                if let b = cut {
                    if hi - lo != t { exact = false }
                    if b == n { break }
                    a = b
                } else {
                    break
                }
            }
            return (ends, centres, exact)
        }

        /// The non-strict greedy: largest grid b with oscillation <= t. A cut before 1
        /// must have oscillation t with g(b) at the edge of the band (else the true
        /// largest b lies between grid points).
        func nonStrict() -> (ends: [Int], centres: [Int], exact: Bool) {
            var a = 0, ends: [Int] = [], centres: [Int] = [], exact = true
            while true {
                var hi = v[a], lo = v[a], last = a
                var bandHi = hi, bandLo = lo
                for b in (a + 1)...n {
                    let h2 = max(hi, v[b]), l2 = min(lo, v[b])
                    if h2 - l2 > t { break }
                    hi = h2
                    lo = l2
                    last = b
                    bandHi = hi
                    bandLo = lo
                }
                ends.append(last)
                centres.append(bandHi + bandLo)
                if last == n { break }
                if bandHi - bandLo != t || (v[last] != bandHi && v[last] != bandLo) { exact = false }
                a = last
            }
            return (ends, centres, exact)
        }

        /// The least number of closed intervals with grid ends, each of oscillation <= t,
        /// covering [0, 1]: a DP over all grid partitions.
        func minimumIntervals() -> Int {
            var best = [Int](repeating: Int.max, count: n + 1)
            best[0] = 0
            for b in 1...n {
                var hi = v[b], lo = v[b]
                var a = b - 1
                while a >= 0 {
                    hi = max(hi, v[a])
                    lo = min(lo, v[a])
                    if hi - lo > t { break }
                    if best[a] != Int.max { best[b] = min(best[b], best[a] + 1) }
                    a -= 1
                }
            }
            return best[n]
        }
    }

    // MARK: Cases

    static func triangle(_ n: Int) -> (knots: [Rational], values: [Rational]) {
        ((0...(1 << n)).map { FDN.dy($0, n) }, (0...(1 << n)).map { $0 % 2 == 0 ? 0 : 1 })
    }

    /// Reaches exactly t = 1/2 and turns back, twice.
    static let turnBack = Case(
        name: "turnBack", knots: [0, FDN.q(1, 4), FDN.q(1, 2), FDN.q(3, 4), 1],
        values: [0, FDN.q(1, 2), 0, FDN.q(1, 2), 0], t: FDN.q(1, 2))
    /// Flat pieces at the crossing levels.
    static let flats = Case(
        name: "flats", knots: [0, FDN.q(1, 8), FDN.q(3, 8), FDN.q(1, 2), FDN.q(5, 8), FDN.q(3, 4), 1],
        values: [0, FDN.q(1, 2), FDN.q(1, 2), 1, 1, FDN.q(1, 2), FDN.q(1, 2)], t: FDN.q(1, 2))

    /// Random continuous g: dyadic knots of level <= 4, value steps 0 or +-2^-k (k <= 3).
    static func randomCase(_ rng: inout SplitMix64, index: Int) -> Case {
        let inner = FDN.interiorPoints(&rng, count: FDN.int(&rng, 1...7), level: 4)
        let knots = [Rational.zero] + inner + [Rational.one]
        var values = [FDN.q(FDN.int(&rng, -4...4), 8)]
        for _ in 1..<knots.count {
            let step: Rational = FDN.chance(&rng, 20) ? 0 : FDN.dy(FDN.chance(&rng, 50) ? 1 : -1, FDN.int(&rng, 0...3))
            values.append(values[values.count - 1] + step)
        }
        return Case(name: "random\(index)", knots: knots, values: values, t: FDN.q(FDN.int(&rng, 1...8), 8))
    }

    static func allCases() -> [Case] {
        var cases: [Case] = []
        for n in 1...4 {
            let (k, v) = triangle(n)
            for t in [FDN.q(1, 8), FDN.q(1, 4), FDN.q(3, 8), FDN.q(1, 2), FDN.q(3, 4), FDN.q(7, 8), 1, FDN.q(3, 2)] {
                cases.append(Case(name: "T^(\(n))", knots: k, values: v, t: t))
            }
        }
        cases.append(turnBack)
        cases.append(flats)
        cases.append(Case(name: "constant", knots: [0, 1], values: [FDN.q(3, 8), FDN.q(3, 8)], t: FDN.q(1, 8)))
        cases.append(Case(name: "line", knots: [0, 1], values: [0, 1], t: FDN.q(1, 4)))
        var rng = SplitMix64(seed: 0xF7_01)
        for i in 0..<30 { cases.append(randomCase(&rng, index: i)) }
        return cases
    }

    /// Thresholds in thirds and fifths: the crossings are multiples of 1/(15 * 2^n).
    static func nonDyadicCases() -> [Case] {
        var cases: [Case] = []
        for n in 1...3 {
            let (k, v) = triangle(n)
            for t in [FDN.q(1, 3), FDN.q(2, 3), FDN.q(1, 5), FDN.q(3, 5), FDN.q(4, 3)] {
                cases.append(Case(name: "T^(\(n))", knots: k, values: v, t: t))
            }
        }
        return cases
    }

    /// Grids for both sets of cases: level 10 for dyadic data, i/240 for the others.
    static func casesWithGrids() -> [(Case, Grid)] {
        allCases().map { ($0, Grid($0, cells: 1 << gridLevel)) } + nonDyadicCases().map { ($0, Grid($0, cells: 240)) }
    }

    // MARK: Greedy against the grid brute force

    @Test func strictGreedyMatchesGridBruteForce() throws {
        for (c, grid) in Self.casesWithGrids() {
            let reference = grid.strict()
            #expect(reference.exact, "grid too coarse for \(c)")
            let p = try GreedyPartition.strict(c.g(), threshold: c.t)
            #expect(p.ends == reference.ends.map(grid.point), "\(c)")
            #expect(p.centres == reference.centres.map { grid.unscaled($0) / 2 }, "\(c)")
            #expect(p.intervalCount == reference.ends.count)
            // Oscillation exactly t on every interval that ended early, < t before its end.
            var a = 0
            for (i, b) in reference.ends.enumerated() {
                let (hi, lo) = grid.range(a, b)
                if i < reference.ends.count - 1 { #expect(hi - lo == grid.t, "\(c)") } else { #expect(hi - lo <= grid.t) }
                if b - 1 > a {
                    let (hi2, lo2) = grid.range(a, b - 1)
                    #expect(hi2 - lo2 < grid.t)
                }
                a = b
            }
        }
    }

    @Test func nonStrictGreedyMatchesGridBruteForceAndIsMinimal() throws {
        for (c, grid) in Self.casesWithGrids() {
            let reference = grid.nonStrict()
            #expect(reference.exact, "grid too coarse for \(c)")
            let g = try c.g()
            let p = try GreedyPartition.nonStrict(g, threshold: c.t)
            #expect(p.ends == reference.ends.map(grid.point), "\(c)")
            #expect(p.centres == reference.centres.map { grid.unscaled($0) / 2 }, "\(c)")
            // Within t/2: by the library's exact sup distance and on every grid point.
            let s = p.stepFunction
            #expect(g.supDistance(to: s).value <= c.t / 2, "\(c)")
            for i in 0..<grid.n {
                #expect((grid.unscaled(grid.v[i]) - (try s.value(at: grid.point(i)))).magnitude <= c.t / 2)
            }
            // Minimal: no grid partition with fewer intervals of oscillation <= t.
            #expect(grid.minimumIntervals() == p.intervalCount, "\(c)")
            // The strict greedy never needs fewer intervals than the non-strict one.
            let strict = try GreedyPartition.strict(g, threshold: c.t)
            #expect(strict.intervalCount >= p.intervalCount)
        }
    }

    @Test func handComputedPartitions() throws {
        func ends(_ c: Case, strict: Bool) throws -> [Rational] {
            try (strict ? GreedyPartition.strict(c.g(), threshold: c.t) : GreedyPartition.nonStrict(c.g(), threshold: c.t)).ends
        }
        func q(_ p: Int, _ d: Int) -> Rational { FDN.q(p, d) }
        // Reaches t and turns back: strict cuts at every extremum, non-strict never cuts.
        #expect(try ends(Self.turnBack, strict: true) == [q(1, 4), q(1, 2), q(3, 4), 1])
        #expect(try ends(Self.turnBack, strict: false) == [1])
        #expect(try GreedyPartition.nonStrict(Self.turnBack.g(), threshold: q(1, 2)).centres == [q(1, 4)])
        // Flat pieces: strict stops where the level is first reached, non-strict at the
        // end of the flat piece.
        #expect(try ends(Self.flats, strict: true) == [q(1, 8), q(1, 2), q(3, 4), 1])
        #expect(try ends(Self.flats, strict: false) == [q(3, 8), 1])
        #expect(try GreedyPartition.nonStrict(Self.flats.g(), threshold: q(1, 2)).centres == [q(1, 4), q(3, 4)])
        // The tent map with t = 1/2 and t = 3/4.
        let (k1, v1) = Self.triangle(1)
        let tent = Case(name: "T", knots: k1, values: v1, t: q(1, 2))
        #expect(try ends(tent, strict: true) == [q(1, 4), q(1, 2), q(3, 4), 1])
        #expect(try ends(tent, strict: false) == [q(1, 4), q(3, 4), 1])
        let tent34 = Case(name: "T", knots: k1, values: v1, t: q(3, 4))
        #expect(try ends(tent34, strict: true) == [q(3, 8), q(7, 8), 1])
        #expect(try ends(tent34, strict: false) == [q(3, 8), q(7, 8), 1])
        // T^(3) with t = 1: strict cuts at every extremum (8 intervals), non-strict never.
        let (k3, v3) = Self.triangle(3)
        #expect(try ends(Case(name: "T3", knots: k3, values: v3, t: 1), strict: true) == (1...8).map { q($0, 8) })
        #expect(try ends(Case(name: "T3", knots: k3, values: v3, t: 1), strict: false) == [1])
        // A constant: one interval, centred on the constant.
        let constant = Case(name: "c", knots: [0, 1], values: [q(3, 8), q(3, 8)], t: q(1, 8))
        #expect(try GreedyPartition.strict(constant.g(), threshold: constant.t) == GreedyPartition(ends: [1], centres: [q(3, 8)]))
        #expect(try GreedyPartition.nonStrict(constant.g(), threshold: constant.t) == GreedyPartition(ends: [1], centres: [q(3, 8)]))
        // The step function of a partition: centre i on [a_i, a_{i+1}).
        let p = try GreedyPartition.nonStrict(tent.g(), threshold: q(1, 2))
        #expect(p.centres == [q(1, 4), q(3, 4), q(1, 4)])
        #expect(p.stepFunction == (try StepFunction(breakpoints: [0, q(1, 4), q(3, 4), 1], values: [q(1, 4), q(3, 4), q(1, 4)])))
    }

    // MARK: Lemma T on small cases

    /// If the strict count N exceeds P + 1, no step function with at most P breakpoints
    /// on the coarse grid is closer than t/2. For fixed breakpoints the best values are
    /// (max + min)/2 of g on each closed piece, with error max osc/2, so a search over
    /// all breakpoint sets of size <= P = N - 2 covers every such step function.
    @Test func lemmaTHoldsByExhaustiveSearch() throws {
        var cases: [(Case, Int)] = [] // (case, coarse grid level)
        let (k1, v1) = Self.triangle(1), (k2, v2) = Self.triangle(2), (k3, v3) = Self.triangle(3)
        cases.append((Case(name: "T1", knots: k1, values: v1, t: FDN.q(1, 2)), 6))
        cases.append((Case(name: "T1", knots: k1, values: v1, t: FDN.q(3, 4)), 6))
        cases.append((Case(name: "T1", knots: k1, values: v1, t: FDN.q(5, 8)), 6))
        cases.append((Case(name: "T2", knots: k2, values: v2, t: FDN.q(3, 4)), 5))
        cases.append((Case(name: "T2", knots: k2, values: v2, t: FDN.q(1, 2)), 4))
        cases.append((Case(name: "T3", knots: k3, values: v3, t: 1), 4))
        cases.append((Self.turnBack, 6))
        cases.append((Self.flats, 6))
        var rng = SplitMix64(seed: 0xF7_02)
        var randomUsed = 0
        while randomUsed < 6 {
            let c = Self.randomCase(&rng, index: 100 + randomUsed)
            let n = try GreedyPartition.strict(c.g(), threshold: c.t).intervalCount
            if n >= 3 && n <= 5 {
                cases.append((c, 5))
                randomUsed += 1
            }
        }
        var sampledSupChecks = 0
        for (c, coarse) in cases {
            let g = try c.g()
            let strictCount = try GreedyPartition.strict(g, threshold: c.t).intervalCount
            let P = strictCount - 2
            #expect(P >= 0 && P <= 6, "\(c): strict count \(strictCount)")
            guard P >= 0 && P <= 6 else { continue }
            let grid = Grid(c, cells: 1 << Self.gridLevel)
            let m = 1 << coarse, stride = 1 << (Self.gridLevel - coarse)
            // osc[a][b], max/min on [a/2^C, b/2^C] from the fine grid.
            var osc = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: m + 1)
            var mid = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: m + 1)
            for a in 0...m {
                var hi = grid.v[a * stride], lo = hi
                for b in a...m {
                    if b > a {
                        for i in ((b - 1) * stride)...(b * stride) {
                            hi = max(hi, grid.v[i])
                            lo = min(lo, grid.v[i])
                        }
                    }
                    osc[a][b] = hi - lo
                    mid[a][b] = hi + lo
                }
            }
            var bestError = Int.max // in units of scale, times 2 (osc)
            var visited = 0
            var cuts: [Int] = []
            func visit() throws {
                visited += 1
                var worst = 0, a = 0
                for b in cuts + [m] {
                    worst = max(worst, osc[a][b])
                    a = b
                }
                bestError = min(bestError, worst)
                if visited % 97 == 1 {
                    // The library's exact sup distance agrees with max osc / 2.
                    var t: [Rational] = [0], v: [Rational] = []
                    a = 0
                    for b in cuts + [m] {
                        if b < m { t.append(FDN.dy(b, coarse)) }
                        v.append(grid.unscaled(mid[a][b]) / 2)
                        a = b
                    }
                    t.append(1)
                    let s = try StepFunction(breakpoints: t, values: v)
                    #expect(g.supDistance(to: s).value == grid.unscaled(worst) / 2)
                    sampledSupChecks += 1
                }
                guard cuts.count < P else { return }
                for next in ((cuts.last ?? 0) + 1)..<m {
                    cuts.append(next)
                    try visit()
                    cuts.removeLast()
                }
            }
            try visit()
            // Every step function with <= P breakpoints has error >= t/2, i.e. osc >= t.
            #expect(bestError >= grid.t, "\(c): found error \(grid.unscaled(bestError) / 2) with \(P) breakpoints")
            // With the non-strict count, the greedy achieves <= t/2 (so the bound is not vacuous).
            let achieved = try GreedyPartition.nonStrict(g, threshold: c.t)
            #expect(g.supDistance(to: achieved.stepFunction).value <= c.t / 2)
        }
        #expect(sampledSupChecks > 50)
    }

    // MARK: Errors

    @Test func errorsForNonPositiveThresholdAndDiscontinuousFunctions() throws {
        let tent = PiecewiseLinear.tent
        for t in [Rational.zero, -1, FDN.q(-1, 8)] {
            for strict in [true, false] {
                let e = FDN.error { () throws(DyadicFunctionError) in
                    if strict { return try GreedyPartition.strict(tent, threshold: t) }
                    return try GreedyPartition.nonStrict(tent, threshold: t)
                }
                guard case .invalidParameter? = e else {
                    Issue.record("t = \(t) must be rejected, got \(String(describing: e))")
                    continue
                }
            }
        }
        let saw = try PiecewiseLinear.sawtooth(1)
        #expect(
            FDN.error { () throws(DyadicFunctionError) in try GreedyPartition.strict(saw, threshold: FDN.q(1, 4)) }
                == .notContinuous(at: FDN.q(1, 2)))
        #expect(
            FDN.error { () throws(DyadicFunctionError) in try GreedyPartition.nonStrict(saw, threshold: FDN.q(1, 4)) }
                == .notContinuous(at: FDN.q(1, 2)))
        let jump = try PiecewiseLinear(knots: [0, FDN.q(1, 4), FDN.q(3, 4), 1], startValues: [0, 0, 1], endValues: [0, 0, 1])
        #expect(
            FDN.error { () throws(DyadicFunctionError) in try GreedyPartition.strict(jump, threshold: 1) }
                == .notContinuous(at: FDN.q(3, 4)))
    }
}
