import Testing
import ExactArithmetic
@testable import DyadicFunctions
import TestSupport

/// StepFunction (MATH.md sec. 2): validation, canonical form, evaluation, exact
/// integral / inner product / pointwise algebra against reference computations on the
/// raw data, composition with a value map, dense cell values.
@Suite struct FoundationStepFunctionTests {
    typealias Raw = FDN.RawStep

    // MARK: Construction errors

    @Test func rejectsMalformedBreakpointsWithTheRightError() {
        let h = FDN.q(1, 2), third = FDN.q(1, 3), quarter = FDN.q(1, 4)
        func err(_ t: [Rational], _ v: [Rational]) -> DyadicFunctionError? {
            FDN.error { () throws(DyadicFunctionError) in try StepFunction(breakpoints: t, values: v) }
        }
        #expect(err([], []) == .tooFewBreakpoints(count: 0))
        #expect(err([0], []) == .tooFewBreakpoints(count: 1))
        #expect(err([1], [1]) == .tooFewBreakpoints(count: 1))
        #expect(err([quarter, 1], [1]) == .firstBreakpointNotZero(quarter))
        #expect(err([-1, 1], [1]) == .firstBreakpointNotZero(-1))
        #expect(err([0, FDN.q(3, 4)], [1]) == .lastBreakpointNotOne(FDN.q(3, 4)))
        #expect(err([0, 2], [1]) == .lastBreakpointNotOne(2))
        #expect(err([0, 0, 1], [1, 2]) == .breakpointsNotIncreasing(index: 1))
        #expect(err([0, h, h, 1], [1, 2, 3]) == .breakpointsNotIncreasing(index: 2))
        #expect(err([0, h, third, 1], [1, 2, 3]) == .breakpointsNotIncreasing(index: 2))
        #expect(err([0, 1, 1], [1, 2]) == .breakpointsNotIncreasing(index: 2))
        #expect(err([0, quarter, third, h, FDN.q(2, 3), FDN.q(2, 3), 1], [1, 2, 3, 4, 5, 6]) == .breakpointsNotIncreasing(index: 5))
        // The first offending index is reported, not a later one.
        #expect(err([0, h, quarter, FDN.q(1, 8), 1], [1, 2, 3, 4]) == .breakpointsNotIncreasing(index: 2))
        // Value count: one per piece.
        #expect(err([0, h, 1], [1]) == .countMismatch(what: "step function values (one per piece)", expected: 2, found: 1))
        guard case .countMismatch(_, let expected, let found)? = err([0, h, 1], [1, 2, 3]) else {
            Issue.record("expected a count mismatch")
            return
        }
        #expect(expected == 2 && found == 3)
        guard case .countMismatch(_, 1, 0)? = err([0, 1], []) else {
            Issue.record("expected a count mismatch for no values")
            return
        }
        // Valid data does not throw.
        #expect(err([0, 1], [7]) == nil)
        #expect(err([0, third, 1], [7, 7]) == nil)
    }

    /// The documented checks, in the documented order, recomputed on random junk.
    @Test func randomMalformedDataThrowsTheFirstViolatedRule() {
        var rng = SplitMix64(seed: 0xF0_01)
        let pool: [Rational] = [-1, 0, FDN.q(1, 4), FDN.q(1, 3), FDN.q(1, 2), FDN.q(2, 3), 1, FDN.q(3, 2)]
        var thrownKinds = Set<String>()
        for _ in 0..<3000 {
            let n = FDN.int(&rng, 0...6)
            var t: [Rational] = (0..<n).map { _ in pool[FDN.int(&rng, 0...(pool.count - 1))] }
            if n >= 2 && FDN.chance(&rng, 50) { t[0] = 0 }
            if n >= 2 && FDN.chance(&rng, 50) { t[n - 1] = 1 }
            let valueCount = max(0, n - 1 + (FDN.chance(&rng, 70) ? 0 : FDN.int(&rng, -1...1)))
            let v: [Rational] = (0..<valueCount).map { _ in FDN.smallRational(&rng) }
            var expected: DyadicFunctionError? = nil
            if n < 2 {
                expected = .tooFewBreakpoints(count: n)
            } else if t[0] != 0 {
                expected = .firstBreakpointNotZero(t[0])
            } else if t[n - 1] != 1 {
                expected = .lastBreakpointNotOne(t[n - 1])
            } else if let i = (1..<n).first(where: { !(t[$0 - 1] < t[$0]) }) {
                expected = .breakpointsNotIncreasing(index: i)
            } else if v.count != n - 1 {
                expected = .countMismatch(what: "step function values (one per piece)", expected: n - 1, found: v.count)
            }
            let got = FDN.error { () throws(DyadicFunctionError) in try StepFunction(breakpoints: t, values: v) }
            #expect(got == expected, "t=\(t) v=\(v)")
            if let got { thrownKinds.insert(String(describing: got).prefix(12).description) }
        }
        #expect(thrownKinds.count >= 5, "the random data should reach every rule: \(thrownKinds)")
    }

    // MARK: Canonical form

    @Test func canonicalFormMergesAdjacentEqualValues() throws {
        var rng = SplitMix64(seed: 0xF0_02)
        for round in 0..<300 {
            let raw = FDN.randomRaw(&rng, maxPieces: 12, level: round % 2 == 0 ? 5 : nil, repeatPercent: 40)
            let f = try raw.make()
            let c = raw.canonical
            #expect(f.breakpoints == c.breakpoints, "\(raw)")
            #expect(f.values == c.values, "\(raw)")
            #expect(f.breakpointCount == c.values.count - 1)
            #expect(f.pieceCount == c.values.count)
            #expect(Array(f.interiorBreakpoints) == Array(c.breakpoints.dropFirst().dropLast()))
            for i in 1..<f.values.count { #expect(f.values[i - 1] != f.values[i]) }
            // Building from the canonical data gives the same value.
            #expect(try c.make() == f)
        }
    }

    @Test func equalFunctionsWithDifferentRedundantBreakpointsAreEqual() throws {
        var rng = SplitMix64(seed: 0xF0_03)
        for _ in 0..<200 {
            let raw = FDN.randomRaw(&rng, maxPieces: 8, level: nil)
            // Split pieces at extra points, repeating the piece's value.
            let extra = FDN.interiorPoints(&rng, count: FDN.int(&rng, 1...6), level: 6)
            let t = FDN.union(raw.breakpoints, extra)
            let v = t.dropLast().map { raw.eval($0) }
            let f = try raw.make(), g = try StepFunction(breakpoints: t, values: v)
            #expect(f == g, "\(raw) vs \(t) \(v)")
            #expect(f.hashValue == g.hashValue)
            #expect(g.breakpointCount == raw.canonical.values.count - 1)
            // Changing one value on a nonempty piece gives a different function.
            let k = FDN.int(&rng, 0...(v.count - 1))
            var w = v
            w[k] = w[k] + 1
            #expect(try StepFunction(breakpoints: t, values: w) != f)
        }
        // A constant given with many breakpoints has no breakpoints at all.
        let c = try StepFunction(breakpoints: [0, FDN.q(1, 5), FDN.q(1, 2), FDN.q(7, 8), 1], values: [3, 3, 3, 3])
        #expect(c == StepFunction(constant: 3))
        #expect(c.breakpointCount == 0 && c.breakpoints == [0, 1] && c.values == [3])
    }

    // MARK: Evaluation

    @Test func valueAtIsRightContinuousAndMatchesTheDefinition() throws {
        var rng = SplitMix64(seed: 0xF0_04)
        for round in 0..<200 {
            let raw = FDN.randomRaw(&rng, maxPieces: 10, level: round % 3 == 0 ? 4 : nil, repeatPercent: 20)
            let f = try raw.make()
            // f(t_i) = v_i at every given breakpoint (right-continuity).
            for i in 0..<raw.values.count { #expect(try f.value(at: raw.breakpoints[i]) == raw.values[i]) }
            // Just left of a breakpoint the previous value holds.
            for i in 1..<raw.values.count {
                let left = raw.breakpoints[i] - (raw.breakpoints[i] - raw.breakpoints[i - 1]) / 1000
                #expect(try f.value(at: left) == raw.values[i - 1])
            }
            for x in FDN.samplePoints(raw.breakpoints) { #expect(try f.value(at: x) == raw.eval(x)) }
            // Outside [0, 1) is an error, never a trap.
            for x in [Rational.one, FDN.q(-1, 3), FDN.q(5, 4), FDN.q(-1, 1_000_000), FDN.q(1_000_001, 1_000_000)] {
                #expect(FDN.error { () throws(DyadicFunctionError) in try f.value(at: x) } == .pointOutsideDomain(x))
            }
        }
        // Points with huge denominators just below 1 and just above 0.
        let f = try StepFunction(breakpoints: [0, FDN.dy(1, 200), FDN.q(1, 2), 1], values: [5, 6, 7])
        #expect(try f.value(at: 1 - FDN.q(BigInt(1), FDN.pow2(300))) == 7)
        #expect(try f.value(at: FDN.q(BigInt(1), FDN.pow2(201))) == 5)
        #expect(try f.value(at: FDN.dy(1, 200)) == 6)
    }

    // MARK: Integral and inner product

    @Test func integralMatchesRawSumsAndDyadicGridSums() throws {
        var rng = SplitMix64(seed: 0xF0_05)
        for _ in 0..<150 {
            // General rationals: the definition on the raw (redundant) data.
            let raw = FDN.randomRaw(&rng, maxPieces: 10, level: nil, repeatPercent: 30)
            var expected = Rational.zero
            for i in 0..<raw.values.count { expected += (raw.breakpoints[i + 1] - raw.breakpoints[i]) * raw.values[i] }
            #expect(try raw.make().integral == expected)
            // Dyadic level-L data: the mean of the 2^L cell values.
            let L = FDN.int(&rng, 0...6)
            let dyadicRaw = FDN.randomRaw(&rng, maxPieces: 10, level: L)
            var cellSum = Rational.zero
            for c in 0..<(1 << L) { cellSum += dyadicRaw.eval(FDN.dy(c, L)) }
            #expect(try dyadicRaw.make().integral == cellSum / Rational(1 << L))
        }
        #expect(StepFunction(constant: FDN.q(-7, 3)).integral == FDN.q(-7, 3))
        #expect(try StepFunction(breakpoints: [0, FDN.q(1, 3), 1], values: [3, 0]).integral == 1)
    }

    /// <f, g> by a brute-force sum over the cells of a common dyadic grid.
    @Test func innerProductMatchesBruteForceOverADyadicGrid() throws {
        var rng = SplitMix64(seed: 0xF0_06)
        for _ in 0..<150 {
            let L1 = FDN.int(&rng, 0...6), L2 = FDN.int(&rng, 0...6)
            let a = FDN.randomRaw(&rng, maxPieces: 12, level: L1, repeatPercent: 20)
            let b = FDN.randomRaw(&rng, maxPieces: 12, level: L2, repeatPercent: 20)
            let L = max(L1, L2)
            var sum = Rational.zero
            for c in 0..<(1 << L) {
                let x = FDN.dy(c, L)
                sum += a.eval(x) * b.eval(x)
            }
            let expected = sum / Rational(1 << L)
            let f = try a.make(), g = try b.make()
            #expect(f.innerProduct(with: g) == expected, "\(a) \(b)")
            #expect(g.innerProduct(with: f) == expected)
        }
    }

    /// <f, g> for general rationals over the union of the raw breakpoints.
    @Test func innerProductOfGeneralRationalFunctions() throws {
        var rng = SplitMix64(seed: 0xF0_07)
        for _ in 0..<150 {
            let a = FDN.randomRaw(&rng, maxPieces: 8, level: nil, repeatPercent: 20)
            let b = FDN.randomRaw(&rng, maxPieces: 8, level: nil, repeatPercent: 20)
            let u = FDN.union(a.breakpoints, b.breakpoints)
            var expected = Rational.zero
            for k in 0..<(u.count - 1) { expected += (u[k + 1] - u[k]) * a.eval(u[k]) * b.eval(u[k]) }
            #expect(try a.make().innerProduct(with: b.make()) == expected)
        }
    }

    @Test func innerProductIsBilinearSymmetricAndPositive() throws {
        var rng = SplitMix64(seed: 0xF0_08)
        for _ in 0..<100 {
            let f = try FDN.randomRaw(&rng, maxPieces: 8, level: nil).make()
            let g = try FDN.randomRaw(&rng, maxPieces: 8, level: 5).make()
            let h = try FDN.randomRaw(&rng, maxPieces: 8, level: nil).make()
            let a = FDN.smallRational(&rng), b = FDN.smallRational(&rng)
            let combo = f.scaled(by: a) + g.scaled(by: b)
            #expect(combo.innerProduct(with: h) == a * f.innerProduct(with: h) + b * g.innerProduct(with: h))
            #expect(h.innerProduct(with: combo) == a * h.innerProduct(with: f) + b * h.innerProduct(with: g))
            #expect(f.innerProduct(with: g) == g.innerProduct(with: f))
            let ff = f.innerProduct(with: f)
            #expect(ff >= Rational.zero)
            #expect(ff.isZero == f.values.allSatisfy(\.isZero))
            // Cauchy-Schwarz: <f,g>^2 <= <f,f><g,g>.
            let fg = f.innerProduct(with: g)
            #expect(fg * fg <= ff * g.innerProduct(with: g))
            // <f, 1> is the integral.
            #expect(f.innerProduct(with: StepFunction(constant: 1)) == f.integral)
        }
        let zero = StepFunction(constant: 0)
        #expect(zero.innerProduct(with: zero) == 0)
    }

    // MARK: Pointwise algebra

    @Test func pointwiseOperationsMatchEvaluationAndAreCanonical() throws {
        var rng = SplitMix64(seed: 0xF0_09)
        for round in 0..<150 {
            let level: Int? = round % 2 == 0 ? 4 : nil
            let a = FDN.randomRaw(&rng, maxPieces: 9, level: level, repeatPercent: 25) { r in
                Rational(FDN.int(&r, -2...2)) // few distinct values, so results often merge
            }
            let b = FDN.randomRaw(&rng, maxPieces: 9, level: level, repeatPercent: 25) { r in
                Rational(FDN.int(&r, -2...2))
            }
            let f = try a.make(), g = try b.make()
            let c = FDN.smallRational(&rng)
            let u = FDN.union(a.breakpoints, b.breakpoints)
            let cases: [(String, StepFunction, (Rational) -> Rational)] = [
                ("+", f + g, { a.eval($0) + b.eval($0) }),
                ("-", f - g, { a.eval($0) - b.eval($0) }),
                ("*", f * g, { a.eval($0) * b.eval($0) }),
                ("scaled", f.scaled(by: c), { a.eval($0) * c }),
                ("neg", -f, { -a.eval($0) }),
            ]
            for (name, h, reference) in cases {
                for x in FDN.samplePoints(u) { #expect(try h.value(at: x) == reference(x), "\(name) at \(x): \(a) \(b)") }
                // The canonical breakpoints are exactly the union points where the value changes.
                var expectedBreaks: [Rational] = [0]
                for k in 1..<(u.count - 1) where reference(u[k]) != reference(u[k - 1]) { expectedBreaks.append(u[k]) }
                expectedBreaks.append(1)
                #expect(h.breakpoints == expectedBreaks, "\(name): \(a) \(b)")
            }
            #expect(f - f == StepFunction(constant: 0))
            #expect(f + (-f) == StepFunction(constant: 0))
            #expect(f * StepFunction(constant: 1) == f)
            #expect(f.scaled(by: 0) == StepFunction(constant: 0))
            #expect(f + g == g + f && f * g == g * f)
            #expect(-(-f) == f)
        }
    }

    // MARK: Composition g o f

    @Test func mapValuesIsCompositionWithTheSameBreakpoints() throws {
        var rng = SplitMix64(seed: 0xF0_0A)
        for _ in 0..<150 {
            let a = FDN.randomRaw(&rng, maxPieces: 10, level: nil, repeatPercent: 10)
            let f = try a.make()
            let square: (Rational) -> Rational = { $0 * $0 - 1 }
            let h = f.mapValues(square)
            for x in FDN.samplePoints(a.breakpoints) { #expect(try h.value(at: x) == square(a.eval(x))) }
            // The breakpoints are those of f where g(v) changes (canonical merge).
            let c = a.canonical
            var expected: [Rational] = [0]
            for i in 1..<c.values.count where square(c.values[i]) != square(c.values[i - 1]) { expected.append(c.breakpoints[i]) }
            expected.append(1)
            #expect(h.breakpoints == expected)
        }
        // |.| of a sign function is the constant 1.
        let psi = try StepFunction(breakpoints: [0, FDN.q(1, 2), 1], values: [1, -1])
        #expect(psi.mapValues { $0.magnitude } == StepFunction(constant: 1))
        // Errors of g propagate with their own type.
        struct Refused: Error, Equatable { let value: Rational }
        #expect(throws: Refused(value: -1)) {
            try psi.mapValues { (v: Rational) throws(Refused) -> Rational in
                if v.signum < 0 { throw Refused(value: v) }
                return v
            }
        }
    }

    // MARK: Dense cell values

    @Test func cellValuesRoundTripAndDyadicLevel() throws {
        var rng = SplitMix64(seed: 0xF0_0B)
        for round in 0..<200 {
            let L = FDN.int(&rng, 0...7)
            let distinct = round % 3 == 0 ? 2 : 5
            var cells: [Rational] = (0..<(1 << L)).map { _ in Rational(FDN.int(&rng, 1...distinct)) }
            if round % 4 == 0 { // constant on aligned blocks, so the level is lower
                let block = 1 << FDN.int(&rng, 0...L)
                cells = (0..<(1 << L)).map { cells[$0 / block * block] }
            }
            let f = try StepFunction(cellValues: cells)
            for c in 0..<(1 << L) { #expect(try f.value(at: FDN.dy(c, L)) == cells[c]) }
            #expect(try f.cellValues(level: L) == cells)
            let finer = try f.cellValues(level: L + 2)
            #expect(finer == cells.flatMap { Array(repeating: $0, count: 4) })
            // The least J such that the cells are constant on aligned blocks of 2^(L-J).
            var expectedLevel = L
            while expectedLevel > 0 {
                let block = 1 << (L - expectedLevel + 1)
                let constant = (0..<(1 << L)).allSatisfy { cells[$0] == cells[$0 / block * block] }
                if !constant { break }
                expectedLevel -= 1
            }
            #expect(f.dyadicLevel == expectedLevel, "\(cells)")
            if expectedLevel > 0 {
                #expect(
                    FDN.error { () throws(DyadicFunctionError) in try f.cellValues(level: expectedLevel - 1) }
                        == .notDyadicOfLevel(level: expectedLevel - 1))
            }
            // At its own level the cells are the coarsened array.
            let coarse = try f.cellValues(level: expectedLevel)
            #expect(coarse == (0..<(1 << expectedLevel)).map { cells[$0 << (L - expectedLevel)] })
        }
    }

    @Test func dyadicLevelAndCellValueErrors() throws {
        #expect(StepFunction(constant: 4).dyadicLevel == 0)
        #expect(try StepFunction(breakpoints: [0, FDN.q(1, 2), 1], values: [1, 2]).dyadicLevel == 1)
        #expect(try StepFunction(breakpoints: [0, FDN.q(3, 8), FDN.q(1, 2), 1], values: [1, 2, 3]).dyadicLevel == 3)
        #expect(try StepFunction(breakpoints: [0, FDN.q(1, 3), 1], values: [1, 2]).dyadicLevel == nil)
        // A merged-away non-dyadic breakpoint does not count.
        #expect(try StepFunction(breakpoints: [0, FDN.q(1, 3), FDN.q(1, 2), 1], values: [1, 1, 2]).dyadicLevel == 1)
        #expect(try StepFunction(breakpoints: [0, FDN.dy(1, 40), 1], values: [1, 2]).dyadicLevel == 40)
        let third = try StepFunction(breakpoints: [0, FDN.q(1, 3), 1], values: [1, 2])
        #expect(FDN.error { () throws(DyadicFunctionError) in try third.cellValues(level: 5) } == .notDyadicOfLevel(level: 5))
        let deep = try StepFunction(breakpoints: [0, FDN.dy(1, 3), 1], values: [1, 2])
        #expect(
            FDN.error { () throws(DyadicFunctionError) in try deep.cellValues(level: 31) } == .levelOutOfRange(level: 31, range: 0...30))
        #expect(FDN.error { () throws(DyadicFunctionError) in try deep.cellValues(level: 2) } == .notDyadicOfLevel(level: 2))
        #expect(FDN.error { () throws(DyadicFunctionError) in try deep.cellValues(level: -1) } == .notDyadicOfLevel(level: -1))
        for n in [0, 3, 5, 6, 12] {
            let error = FDN.error { () throws(DyadicFunctionError) in try StepFunction(cellValues: Array(repeating: 1, count: n)) }
            guard case .invalidParameter? = error else {
                Issue.record("count \(n): expected invalidParameter, got \(String(describing: error))")
                continue
            }
        }
        #expect(try StepFunction(cellValues: [5]) == StepFunction(constant: 5))
    }
}
