import Testing
import ExactArithmetic
@testable import DyadicFunctions
import TestSupport

/// Piecewise-linear functions (MATH.md sec. 3): construction, evaluation, the tent map
/// and its iterates, sawtooth maps, compositions, and the exact sup distance to a step
/// function.
@Suite struct FoundationPiecewiseLinearTests {
    // MARK: References

    /// Piece-by-piece data evaluated by the definition (right end of the last piece as a limit).
    struct RawPL {
        var knots: [Rational]
        var starts: [Rational]
        var ends: [Rational]

        func piece(_ x: Rational) -> Int {
            var i = 0
            while !(knots[i] <= x && x < knots[i + 1]) { i += 1 }
            return i
        }

        /// The linear function of piece i at any x (used for limits at the right end).
        func line(_ i: Int, _ x: Rational) -> Rational {
            starts[i] + (ends[i] - starts[i]) * (x - knots[i]) / (knots[i + 1] - knots[i])
        }

        func eval(_ x: Rational) -> Rational {
            x == 1 ? ends[ends.count - 1] : line(piece(x), x)
        }

        func make() throws -> PiecewiseLinear {
            try PiecewiseLinear(knots: knots, startValues: starts, endValues: ends)
        }
    }

    /// Random continuous data: dyadic knots of level <= 4, values from `value`.
    static func randomContinuous(_ rng: inout SplitMix64, maxPieces: Int = 6, value: (inout SplitMix64) -> Rational) -> RawPL {
        let inner = FDN.interiorPoints(&rng, count: FDN.int(&rng, 0...(maxPieces - 1)), level: 4)
        let knots = [Rational.zero] + inner + [Rational.one]
        let values = knots.map { _ in value(&rng) }
        return RawPL(knots: knots, starts: Array(values.dropLast()), ends: Array(values.dropFirst()))
    }

    /// A value in [0, 1] with denominator 8.
    static func unitValue(_ rng: inout SplitMix64) -> Rational { FDN.q(FDN.int(&rng, 0...8), 8) }

    /// T(y) = 1 - |2y - 1|.
    static func tent(_ y: Rational) -> Rational { 1 - (2 * y - 1).magnitude }

    /// frac(y).
    static func frac(_ y: Rational) -> Rational { y - Rational(FDN.floor(y)) }

    static let samples: [Rational] =
        (0...256).map { FDN.dy($0, 8) } + [FDN.q(1, 3), FDN.q(2, 3), FDN.q(1, 7), FDN.q(100, 101), FDN.q(1, 1001)]

    // MARK: Construction and evaluation

    @Test func constructionErrors() {
        func err(_ k: [Rational], _ s: [Rational], _ e: [Rational]) -> DyadicFunctionError? {
            FDN.error { () throws(DyadicFunctionError) in try PiecewiseLinear(knots: k, startValues: s, endValues: e) }
        }
        let h = FDN.q(1, 2)
        #expect(err([], [], []) == .tooFewBreakpoints(count: 0))
        #expect(err([0], [], []) == .tooFewBreakpoints(count: 1))
        #expect(err([h, 1], [0], [0]) == .firstBreakpointNotZero(h))
        #expect(err([0, h], [0], [0]) == .lastBreakpointNotOne(h))
        #expect(err([0, h, h, 1], [0, 0, 0], [0, 0, 0]) == .breakpointsNotIncreasing(index: 2))
        #expect(err([0, FDN.q(3, 4), h, 1], [0, 0, 0], [0, 0, 0]) == .breakpointsNotIncreasing(index: 2))
        #expect(err([0, h, 1], [0], [0, 0]) == .countMismatch(what: "piece start values", expected: 2, found: 1))
        #expect(err([0, h, 1], [0, 0], [0, 0, 0]) == .countMismatch(what: "piece end values", expected: 2, found: 3))
        #expect(err([0, h, 1], [0, 0], [0, 0]) == nil)
        let continuous = FDN.error { () throws(DyadicFunctionError) in try PiecewiseLinear(knots: [0, h, 1], values: [0, 1]) }
        #expect(
            continuous == .countMismatch(what: "values of a continuous piecewise-linear function (one per knot)", expected: 3, found: 2))
        #expect(FDN.error { () throws(DyadicFunctionError) in try PiecewiseLinear(knots: [], values: []) } == .tooFewBreakpoints(count: 0))
        #expect(FDN.error { () throws(DyadicFunctionError) in try PiecewiseLinear(knots: [0, h, 1], values: [0, 1, 0]) } == nil)
    }

    @Test func valueAtInterpolatesLinearlyWithTheLimitAtOne() throws {
        var rng = SplitMix64(seed: 0xF6_01)
        for round in 0..<150 {
            var raw = Self.randomContinuous(&rng, value: FDN.smallRational)
            if round % 2 == 1 { // discontinuous: independent start and end values
                raw.starts = raw.starts.map { _ in FDN.smallRational(&rng) }
                raw.ends = raw.ends.map { _ in FDN.smallRational(&rng) }
            }
            let g = try raw.make()
            #expect(g.pieceCount == raw.starts.count)
            for x in Self.samples { #expect(try g.value(at: x) == raw.eval(x), "\(x)") }
            for i in 0..<raw.starts.count { #expect(try g.value(at: raw.knots[i]) == raw.starts[i]) }
            #expect(try g.value(at: 1) == raw.ends[raw.ends.count - 1])
            // Continuity and the first discontinuity.
            let firstJump = (1..<raw.starts.count).first { raw.ends[$0 - 1] != raw.starts[$0] }
            #expect(g.discontinuity == firstJump.map { raw.knots[$0] })
            #expect(g.isContinuous == (firstJump == nil))
            for x in [FDN.q(-1, 2), FDN.q(3, 2), FDN.q(-1, 1000), 1 + FDN.dy(1, 80)] {
                #expect(FDN.error { () throws(DyadicFunctionError) in try g.value(at: x) } == .pointOutsideDomain(x))
            }
        }
    }

    // MARK: Tent, triangle waves, sawtooth

    @Test func tentMapMatchesItsFormula() throws {
        for y in Self.samples + [1] { #expect(try PiecewiseLinear.tent.value(at: y) == Self.tent(y)) }
        #expect(PiecewiseLinear.tent.isContinuous)
    }

    @Test func triangleWaveIsTheIteratedTentMap() throws {
        var composed = PiecewiseLinear.tent
        for n in 1...5 {
            if n > 1 { composed = try composed.composed(into: PiecewiseLinear.tent) }
            let wave = try PiecewiseLinear.triangleWave(n)
            // Two continuous piecewise-linear functions agree everywhere when they agree
            // at every knot of either.
            let points = FDN.union(wave.knots, composed.knots)
            for x in points { #expect(try wave.value(at: x) == composed.value(at: x), "n=\(n) x=\(x)") }
            #expect(wave.isContinuous && composed.isContinuous)
            // And both match T applied n times by the formula.
            for x in Self.samples {
                var y = x
                for _ in 0..<n { y = Self.tent(y) }
                #expect(try wave.value(at: x) == y)
                #expect(try composed.value(at: x) == y)
            }
            // Shape: knots i/2^n, values alternating 0, 1; 2^(n-1) teeth; slopes +-2^n.
            #expect(wave.knots == (0...(1 << n)).map { FDN.dy($0, n) })
            let peaks = try wave.knots.filter { try wave.value(at: $0) == 1 }
            #expect(peaks.count == 1 << (n - 1))
            #expect(peaks == (0..<(1 << (n - 1))).map { FDN.dy(2 * $0 + 1, n) })
            for i in 0..<wave.pieceCount {
                let slope = (wave.endValues[i] - wave.startValues[i]) / (wave.knots[i + 1] - wave.knots[i])
                #expect(slope == Rational(i % 2 == 0 ? 1 << n : -(1 << n)))
            }
        }
        for n in [0, -1, 25] {
            guard case .invalidParameter? = FDN.error({ () throws(DyadicFunctionError) in try PiecewiseLinear.triangleWave(n) }) else {
                Issue.record("triangleWave(\(n)) must throw invalidParameter")
                continue
            }
        }
    }

    @Test func sawtoothIsTheFractionalPartOfADoubling() throws {
        for n in 0...6 {
            let s = try PiecewiseLinear.sawtooth(n)
            for x in Self.samples where x < 1 { #expect(try s.value(at: x) == Self.frac(x * Rational(1 << n)), "S_\(n)(\(x))") }
            #expect(try s.value(at: 1) == 1) // the limit of the last piece
            #expect(s.pieceCount == 1 << n)
            #expect(s.isContinuous == (n == 0))
            if n > 0 { #expect(s.discontinuity == FDN.dy(1, n)) }
        }
        for n in [-1, 25] {
            guard case .invalidParameter? = FDN.error({ () throws(DyadicFunctionError) in try PiecewiseLinear.sawtooth(n) }) else {
                Issue.record("sawtooth(\(n)) must throw invalidParameter")
                continue
            }
        }
    }

    // MARK: Compositions

    @Test func composedIntoIsOuterAfterInner() throws {
        var rng = SplitMix64(seed: 0xF6_02)
        for _ in 0..<100 {
            let inner = Self.randomContinuous(&rng, value: Self.unitValue)
            let outer = Self.randomContinuous(&rng, value: FDN.smallRational)
            let h = try inner.make().composed(into: outer.make())
            #expect(h.isContinuous)
            for x in Self.samples + [1] { #expect(try h.value(at: x) == outer.eval(inner.eval(x))) }
            // Linear between its knots: the midpoint of each piece is the mean of the ends.
            for i in 0..<h.pieceCount {
                let mid = (h.knots[i] + h.knots[i + 1]) / 2
                #expect(outer.eval(inner.eval(mid)) == (outer.eval(inner.eval(h.knots[i])) + outer.eval(inner.eval(h.knots[i + 1]))) / 2)
            }
        }
        // A discontinuous inner function is fine: T o S_2 (x) = T(frac(4x)), with limits.
        let tentAfterSaw = try PiecewiseLinear.sawtooth(2).composed(into: PiecewiseLinear.tent)
        for x in Self.samples where x < 1 { #expect(try tentAfterSaw.value(at: x) == Self.tent(Self.frac(4 * x))) }
        #expect(tentAfterSaw.discontinuity == nil) // T(0) = T(1) = 0 glues the teeth
        #expect(try tentAfterSaw.value(at: 1) == 0)
        // A discontinuous outer function would lose its one-sided limits: rejected.
        // (S_1 o id must rise from 0 to 1 on [0, 1/2); evaluating S_1 at the knot 1/2
        // gives the right-hand value 0 instead of the limit 1.)
        let identity = try PiecewiseLinear(knots: [0, 1], values: [0, 1])
        #expect(
            FDN.error { () throws(DyadicFunctionError) in try identity.composed(into: PiecewiseLinear.sawtooth(1)) }
                == .notContinuous(at: FDN.q(1, 2)))
        let outside = try PiecewiseLinear(knots: [0, FDN.q(1, 2), 1], values: [0, FDN.q(3, 2), 1])
        #expect(
            FDN.error { () throws(DyadicFunctionError) in try outside.composed(into: PiecewiseLinear.tent) }
                == .compositionOutsideDomain(FDN.q(3, 2)))
        let negative = try PiecewiseLinear(knots: [0, 1], values: [FDN.q(-1, 4), 1])
        #expect(
            FDN.error { () throws(DyadicFunctionError) in try negative.composed(into: PiecewiseLinear.tent) }
                == .compositionOutsideDomain(FDN.q(-1, 4)))
    }

    static let psi = try! StepFunction(breakpoints: [0, FDN.q(1, 2), 1], values: [1, -1])

    /// r_n from its cells: +1 on even level-(n+1) cells, -1 on odd ones.
    static func rademacher(_ n: Int) throws -> StepFunction {
        let cells = 1 << (n + 1)
        return try StepFunction(breakpoints: (0...cells).map { FDN.dy($0, n + 1) }, values: (0..<cells).map { $0 % 2 == 0 ? 1 : -1 })
    }

    /// w_m on level-J cells: (-1)^(number of n in bits(m) with digit n of c = 1).
    static func walsh(_ m: Int, level J: Int) throws -> StepFunction {
        let t = (0...(1 << J)).map { FDN.dy($0, J) }
        let v: [Rational] = (0..<(1 << J)).map { c in
            var sign = 1
            for n in 0..<J where (m >> n) & 1 == 1 && (c >> (J - 1 - n)) & 1 == 1 { sign = -sign }
            return Rational(sign)
        }
        return try StepFunction(breakpoints: t, values: v)
    }

    @Test func haarAfterSawtoothGivesRademacherAndWalsh() throws {
        var psiS: [StepFunction] = []
        for n in 0...6 {
            let composed = try Self.psi.composed(after: PiecewiseLinear.sawtooth(n))
            #expect(composed == (try Self.rademacher(n)), "psi o S_\(n)")
            psiS.append(composed)
        }
        for J in [1, 3, 6] {
            for m in 0..<(1 << J) {
                var product = StepFunction(constant: 1)
                for n in 0..<J where (m >> n) & 1 == 1 { product = product * psiS[n] }
                #expect(product == (try Self.walsh(m, level: J)), "w_\(m) at level \(J)")
                #expect(try product == WalshFunction(index: m).packed(level: J).stepFunction)
            }
        }
    }

    @Test func stepAfterPiecewiseLinearMatchesPointwiseComposition() throws {
        var rng = SplitMix64(seed: 0xF6_03)
        for round in 0..<80 {
            let fRaw = FDN.randomRaw(&rng, maxPieces: 8, level: round % 2 == 0 ? 4 : nil)
            let f = try fRaw.make()
            let g: RawPL
            if round % 3 == 0 {
                let n = FDN.int(&rng, 1...4)
                let wave = try PiecewiseLinear.triangleWave(n)
                g = RawPL(knots: wave.knots, starts: wave.startValues, ends: wave.endValues)
            } else {
                g = Self.randomContinuous(&rng, value: Self.unitValue)
            }
            let h = try f.composed(after: g.make())
            // Points where g hits a breakpoint of f are a null set (unless g is flat there,
            // where f o g = f(c) anyway); skip them.
            var checked = 0
            for x in Self.samples + (1...60).map({ FDN.q($0, 61) }) where x < 1 {
                let y = g.eval(x)
                let onBreak = fRaw.canonical.breakpoints.contains(y)
                let flat = g.starts[g.piece(x)] == g.ends[g.piece(x)]
                if y == 1 || (onBreak && !flat) { continue }
                #expect(try h.value(at: x) == fRaw.eval(y), "round \(round) x=\(x)")
                checked += 1
            }
            #expect(checked > 100)
        }
        let up = try PiecewiseLinear(knots: [0, 1], values: [0, 2])
        #expect(FDN.error { () throws(DyadicFunctionError) in try Self.psi.composed(after: up) } == .compositionOutsideDomain(2))
        let down = try PiecewiseLinear(knots: [0, FDN.q(1, 2), 1], values: [FDN.q(1, 2), FDN.q(-1, 2), 0])
        #expect(
            FDN.error { () throws(DyadicFunctionError) in try Self.psi.composed(after: down) } == .compositionOutsideDomain(FDN.q(-1, 2)))
    }

    // MARK: Sup distance to a step function

    static func referenceSup(_ g: RawPL, _ s: FDN.RawStep) -> SupDistance {
        let u = FDN.union(g.knots, s.canonical.breakpoints)
        var best = Rational.zero, witness = Rational.zero
        for k in 0..<(u.count - 1) {
            let i = g.piece(u[k]), c = s.eval(u[k])
            let candidate = max((g.line(i, u[k]) - c).magnitude, (g.line(i, u[k + 1]) - c).magnitude)
            if k == 0 || candidate > best {
                best = candidate
                witness = u[k]
            }
        }
        return SupDistance(value: best, witness: witness, refinedPieceCount: u.count - 1)
    }

    @Test func supDistanceToStepFunctionsMatchesPieceEndsAndBoundsSamples() throws {
        var rng = SplitMix64(seed: 0xF6_04)
        for round in 0..<150 {
            var g = Self.randomContinuous(&rng, value: FDN.smallDyadic)
            if round % 3 == 2 { g.ends = g.ends.map { _ in FDN.smallDyadic(&rng) } } // discontinuous
            let s = FDN.randomRaw(&rng, maxPieces: 8, level: round % 2 == 0 ? 5 : nil, repeatPercent: 20, value: FDN.smallDyadic)
            let d = try g.make().supDistance(to: s.make())
            #expect(d == Self.referenceSup(g, s), "round \(round)")
            // Never below any sampled |g - s|.
            for x in (0..<512).map({ FDN.dy($0, 9) }) + [FDN.q(1, 3), FDN.q(998, 999)] {
                #expect((g.eval(x) - s.eval(x)).magnitude <= d.value)
            }
        }
        // The sup of a sawtooth against 0 is the limit 1, attained nowhere.
        let d = try PiecewiseLinear.sawtooth(1).supDistance(to: StepFunction(constant: 0))
        #expect(d == SupDistance(value: 1, witness: 0, refinedPieceCount: 2))
        // A triangle wave against its best constant 1/2 is at distance exactly 1/2.
        let t3 = try PiecewiseLinear.triangleWave(3)
        #expect(
            t3.supDistance(to: StepFunction(constant: FDN.q(1, 2))) == SupDistance(value: FDN.q(1, 2), witness: 0, refinedPieceCount: 8))
        // A step function with a breakpoint inside a linear piece: the inner end counts.
        let line = try PiecewiseLinear(knots: [0, 1], values: [0, 1])
        let step = try StepFunction(breakpoints: [0, FDN.q(1, 3), 1], values: [0, 1])
        #expect(line.supDistance(to: step) == SupDistance(value: FDN.q(2, 3), witness: FDN.q(1, 3), refinedPieceCount: 2))
    }
}
