import Testing
import ExactArithmetic
@testable import DyadicFunctions
import TestSupport

/// ||f - g||_inf for step functions (MATH.md sec. 2) against a brute force over the
/// union of the canonical breakpoints, on both internal paths (128-bit fractions for
/// word-sized parts, Rational otherwise) and on mixtures of the two.
@Suite struct FoundationSupDistanceTests {
    typealias Raw = FDN.RawStep

    /// The reference: value, witness (left end of the first maximal piece) and piece
    /// count over the union of the breakpoints of the canonical forms (merged here).
    static func bruteForce(_ a: Raw, _ b: Raw) -> SupDistance {
        let u = FDN.union(a.canonical.breakpoints, b.canonical.breakpoints)
        var best = Rational.zero, witness = Rational.zero
        for k in 0..<(u.count - 1) {
            let d = (a.eval(u[k]) - b.eval(u[k])).magnitude
            if k == 0 || d > best {
                best = d
                witness = u[k]
            }
        }
        return SupDistance(value: best, witness: witness, refinedPieceCount: u.count - 1)
    }

    static func check(_ a: Raw, _ b: Raw, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let expected = bruteForce(a, b)
        let f = try a.make(), g = try b.make()
        let d = f.supDistance(to: g)
        #expect(d == expected, "\(a) vs \(b)", sourceLocation: sourceLocation)
        #expect(g.supDistance(to: f) == expected, "symmetric: \(a) vs \(b)", sourceLocation: sourceLocation)
    }

    // MARK: Value generators for the two paths

    /// Parts far beyond a word: about 200-bit numerators over 100-bit denominators.
    static func hugeRational(_ rng: inout SplitMix64) -> Rational {
        let n = FDN.magnitude(&rng, bits: FDN.int(&rng, 190...210))
        let d = FDN.magnitude(&rng, bits: FDN.int(&rng, 1...100))
        return FDN.q(FDN.chance(&rng, 50) ? -n : n, d)
    }

    /// Parts at the edge of Int: numerators and denominators near +-2^63.
    static func edgeRational(_ rng: inout SplitMix64) -> Rational {
        let numerators = [Int.max, Int.min, Int.max - 1, Int.min + 1, 1 << 62, -(1 << 62), 1, -1, 0]
        let denominators = [1, Int.max, Int.max - 1, 1 << 62, 3, (1 << 61) - 1]
        let n = FDN.chance(&rng, 70) ? numerators[FDN.int(&rng, 0...(numerators.count - 1))] : Int(bitPattern: UInt(rng.next()))
        let d = FDN.chance(&rng, 70) ? denominators[FDN.int(&rng, 0...(denominators.count - 1))] : Int(rng.next() >> 1) | 1
        return FDN.q(n, d)
    }

    // MARK: Tests

    @Test func smallPartsMatchBruteForce() throws {
        var rng = SplitMix64(seed: 0xF1_01)
        for round in 0..<300 {
            let level: Int? = round % 2 == 0 ? 5 : nil
            let a = FDN.randomRaw(&rng, maxPieces: 10, level: level, repeatPercent: 20)
            let b = FDN.randomRaw(&rng, maxPieces: 10, level: round % 3 == 0 ? nil : 4, repeatPercent: 20)
            try Self.check(a, b)
        }
    }

    @Test func partsAtTheEdgeOfIntMatchBruteForce() throws {
        var rng = SplitMix64(seed: 0xF1_02)
        for _ in 0..<300 {
            let a = FDN.randomRaw(&rng, maxPieces: 6, level: nil, value: Self.edgeRational)
            let b = FDN.randomRaw(&rng, maxPieces: 6, level: nil, value: Self.edgeRational)
            try Self.check(a, b)
        }
        // The extreme cross products: |Int.min * Int.max - Int.max * 1| over Int.max * Int.max.
        let lo = FDN.q(Int.min, Int.max), hi = FDN.q(Int.max, 1)
        let f = StepFunction(constant: lo), g = StepFunction(constant: hi)
        let d = f.supDistance(to: g)
        #expect(d.value == hi - lo)
        #expect(d.value == FDN.q(BigInt(Int.max) * BigInt(Int.max) - BigInt(Int.min), BigInt(Int.max)))
    }

    @Test func hugePartsMatchBruteForce() throws {
        var rng = SplitMix64(seed: 0xF1_03)
        for _ in 0..<120 {
            let a = FDN.randomRaw(&rng, maxPieces: 6, level: nil, value: Self.hugeRational)
            let b = FDN.randomRaw(&rng, maxPieces: 6, level: 3, value: Self.hugeRational)
            try Self.check(a, b)
        }
    }

    @Test func mixedPartsMatchBruteForce() throws {
        var rng = SplitMix64(seed: 0xF1_04)
        let mixed: (inout SplitMix64) -> Rational = { r in
            switch FDN.int(&r, 0...3) {
            case 0: return Self.hugeRational(&r)
            case 1: return Self.edgeRational(&r)
            case 2: return FDN.q(FDN.int(&r, -3...3), 4) // many ties
            default: return FDN.smallRational(&r)
            }
        }
        for _ in 0..<300 {
            let a = FDN.randomRaw(&rng, maxPieces: 8, level: nil, value: mixed)
            let b = FDN.randomRaw(&rng, maxPieces: 8, level: 4, value: mixed)
            try Self.check(a, b)
        }
    }

    /// Values a with huge parts whose difference from b is a given small rational:
    /// a = H + s, b = H with H = (2^201 + 1)/3 (not an integer, parts beyond Int).
    static let h = FDN.q(FDN.pow2(201) + 1, BigInt(3))

    @Test func maximumSwitchesBetweenRepresentations() throws {
        let h = Self.h
        #expect(h.numerator.intValue == nil)
        let eighth = FDN.q(1, 8)
        let t: [Rational] = (0...6).map { eighth * Rational($0) } + [1] // 7 pieces: 0, 1/8, ..., 6/8
        // Differences per piece; "W" pieces have word-sized parts, "B" pieces big ones.
        // W 1/3 -> B 1/2 -> W 2/3 -> B 2/3 (tie, keep W) -> W 2/3 (tie) -> B 3/4 -> W 1/5.
        let diffs: [(Rational, Bool)] = [
            (FDN.q(1, 3), false), (FDN.q(1, 2), true), (FDN.q(2, 3), false), (FDN.q(2, 3), true),
            (FDN.q(-2, 3), false), (FDN.q(3, 4), true), (FDN.q(1, 5), false),
        ]
        let fv = diffs.map { $0.1 ? h + $0.0 : $0.0 }
        let gv = diffs.map { $0.1 ? h : Rational.zero }
        let f = try StepFunction(breakpoints: t, values: fv), g = try StepFunction(breakpoints: t, values: gv)
        let d = f.supDistance(to: g)
        #expect(d.value == FDN.q(3, 4))
        #expect(d.witness == FDN.q(5, 8))
        #expect(d.refinedPieceCount == 7)

        // Big maximum first, then a word-sized tie (the big piece must stay the witness),
        // then a larger word-sized piece that must win on the exact path.
        let f2 = try StepFunction(breakpoints: [0, FDN.q(1, 4), FDN.q(1, 2), 1], values: [h + FDN.q(1, 2), FDN.q(-1, 2), 1])
        let g2 = try StepFunction(breakpoints: [0, FDN.q(1, 4), FDN.q(1, 2), 1], values: [h, 0, 0])
        #expect(f2.supDistance(to: g2) == SupDistance(value: 1, witness: FDN.q(1, 2), refinedPieceCount: 3))
        let f3 = try StepFunction(breakpoints: [0, FDN.q(1, 4), FDN.q(1, 2), 1], values: [h + FDN.q(1, 2), FDN.q(-1, 2), FDN.q(1, 3)])
        #expect(f3.supDistance(to: g2) == SupDistance(value: FDN.q(1, 2), witness: 0, refinedPieceCount: 3))

        // Word-sized maximum, then a huge difference: the exact path takes over.
        let big = FDN.q(FDN.pow2(200) + 7, BigInt(5))
        let f4 = try StepFunction(breakpoints: [0, FDN.q(1, 3), FDN.q(2, 3), 1], values: [5, big, 6])
        let g4 = try StepFunction(breakpoints: [0, FDN.q(1, 3), FDN.q(2, 3), 1], values: [0, 0, 0])
        #expect(f4.supDistance(to: g4) == SupDistance(value: big, witness: FDN.q(1, 3), refinedPieceCount: 3))
        // A word-sized maximum after a huge-parts piece with a smaller difference.
        let f5 = try StepFunction(breakpoints: [0, FDN.q(1, 3), FDN.q(2, 3), 1], values: [1, h + FDN.dy(1, 70), -3])
        let g5 = try StepFunction(breakpoints: [0, FDN.q(1, 3), FDN.q(2, 3), 1], values: [0, h, 0])
        #expect(f5.supDistance(to: g5) == SupDistance(value: 3, witness: FDN.q(2, 3), refinedPieceCount: 3))
    }

    /// Pieces alternate at random between word-sized values and values with huge parts
    /// whose differences are small, so the maximum moves between the representations.
    @Test func randomMixturesWithComparableDifferences() throws {
        var rng = SplitMix64(seed: 0xF1_08)
        let h = Self.h
        var switches = 0
        for _ in 0..<300 {
            let t = [Rational.zero] + FDN.interiorPoints(&rng, count: FDN.int(&rng, 1...7), level: 4) + [Rational.one]
            var fv: [Rational] = [], gv: [Rational] = []
            var kinds: [Bool] = []
            for _ in 0..<(t.count - 1) {
                let big = FDN.chance(&rng, 50)
                let base = big ? h : Rational.zero
                fv.append(base + FDN.q(FDN.int(&rng, -4...4), 4))
                gv.append(base + FDN.q(FDN.int(&rng, -4...4), 4))
                kinds.append(big)
            }
            let a = FDN.RawStep(breakpoints: t, values: fv), b = FDN.RawStep(breakpoints: t, values: gv)
            try Self.check(a, b)
            // Count rounds where the first maximum is on a word piece after a big piece or vice versa.
            let best = (0..<fv.count).map { (fv[$0] - gv[$0]).magnitude }.max()!
            let first = (0..<fv.count).first { (fv[$0] - gv[$0]).magnitude == best }!
            if kinds[..<first].contains(!kinds[first]) { switches += 1 }
        }
        #expect(switches > 50)
        // A word-sized maximum followed only by smaller big-part pieces.
        let f = try StepFunction(breakpoints: [0, FDN.q(1, 2), 1], values: [5, h + FDN.dy(1, 70)])
        let g = try StepFunction(breakpoints: [0, FDN.q(1, 2), 1], values: [0, h])
        #expect(f.supDistance(to: g) == SupDistance(value: 5, witness: 0, refinedPieceCount: 2))
    }

    @Test func tiesKeepTheFirstPiece() throws {
        // |f - g| reaches 2 on two pieces, with both signs of f - g; the first wins.
        let t: [Rational] = [0, FDN.q(1, 5), FDN.q(2, 5), FDN.q(3, 5), FDN.q(4, 5), 1]
        let f = try StepFunction(breakpoints: t, values: [0, 1, FDN.q(1, 2), -1, 3])
        let g = try StepFunction(breakpoints: [0, FDN.q(1, 2), 1], values: [0, 1])
        // Refinement: [0,1/5) 0, [1/5,2/5) 1, [2/5,1/2) 1/2, [1/2,3/5) 1/2, [3/5,4/5) 2, [4/5,1) 2.
        let d = f.supDistance(to: g)
        #expect(d == SupDistance(value: 2, witness: FDN.q(3, 5), refinedPieceCount: 6))
        // A tie with the very first piece.
        let f2 = try StepFunction(breakpoints: t, values: [3, 1, -1, FDN.q(1, 2), 3])
        #expect(f2.supDistance(to: StepFunction(constant: 1)) == SupDistance(value: 2, witness: 0, refinedPieceCount: 5))
        // All but the first piece tie.
        let d3 = try StepFunction(breakpoints: t, values: [1, 0, 2, 0, 2]).supDistance(to: StepFunction(constant: 1))
        #expect(d3 == SupDistance(value: 1, witness: FDN.q(1, 5), refinedPieceCount: 5))
        // The same ties with huge parts (exact path only).
        let h = Self.h
        let f3 = try StepFunction(breakpoints: t, values: [h, h + 1, h, h - 1, h + 1])
        #expect(f3.supDistance(to: StepFunction(constant: h)) == SupDistance(value: 1, witness: FDN.q(1, 5), refinedPieceCount: 5))
    }

    @Test func identicalFunctionsAreAtDistanceZeroWithWitnessZero() throws {
        var rng = SplitMix64(seed: 0xF1_05)
        for round in 0..<100 {
            let a = FDN.randomRaw(&rng, maxPieces: 8, level: nil, value: round % 2 == 0 ? FDN.smallRational : Self.hugeRational)
            let f = try a.make()
            // The same function with extra redundant breakpoints.
            let extra = FDN.interiorPoints(&rng, count: 3, level: 5)
            let t = FDN.union(a.breakpoints, extra)
            let g = try StepFunction(breakpoints: t, values: t.dropLast().map { a.eval($0) })
            let d = f.supDistance(to: g)
            #expect(d.value == 0 && d.witness == 0)
            #expect(d.refinedPieceCount == f.pieceCount)
        }
        let c = StepFunction(constant: 0)
        #expect(c.supDistance(to: c) == SupDistance(value: 0, witness: 0, refinedPieceCount: 1))
    }

    @Test func refinedPieceCountIsTheUnionSizeMinusOne() throws {
        var rng = SplitMix64(seed: 0xF1_06)
        for _ in 0..<200 {
            let a = FDN.randomRaw(&rng, maxPieces: 12, level: 4, repeatPercent: 30)
            let b = FDN.randomRaw(&rng, maxPieces: 12, level: nil, repeatPercent: 30)
            let f = try a.make(), g = try b.make()
            let u = Set(f.breakpoints).union(g.breakpoints)
            #expect(f.supDistance(to: g).refinedPieceCount == u.count - 1)
            var visited = 0
            var previousEnd = Rational.zero
            StepFunction.forEachRefinedPiece(f.breakpoints, g.breakpoints) { start, end, i, j in
                visited += 1
                #expect(start == previousEnd && start < end)
                #expect(f.values[i] == a.eval(start) && g.values[j] == b.eval(start))
                previousEnd = end
            }
            #expect(visited == u.count - 1 && previousEnd == 1)
        }
    }

    /// The 256-bit comparison and 128-bit reduction helpers against BigInt arithmetic.
    @Test func wideComparisonAndReductionAgreeWithBigInt() {
        var rng = SplitMix64(seed: 0xF1_07)
        func wide(_ r: inout SplitMix64) -> UInt128 {
            switch FDN.int(&r, 0...4) {
            case 0: return UInt128.max - UInt128(r.next() >> 60)
            case 1: return UInt128(r.next() >> FDN.int(&r, 0...63)) + 1
            default: return (UInt128(r.next()) << 64 | UInt128(r.next())) >> FDN.int(&r, 0...127) | 1
            }
        }
        func big(_ v: UInt128) -> BigInt { (BigInt(UInt64(v >> 64)) << 64) + BigInt(UInt64(truncatingIfNeeded: v)) }
        for _ in 0..<2000 {
            let n1 = wide(&rng), d1 = wide(&rng), n2 = wide(&rng), d2 = wide(&rng)
            #expect(RunningMaximum.isGreater(n1, d1, than: n2, d2) == (big(n1) * big(d2) > big(n2) * big(d1)))
            #expect(RunningMaximum.isGreater(n1, d1, than: n1, d1) == false)
            #expect(RunningMaximum.reduce(n1, d1) == FDN.q(big(n1), big(d1)))
        }
        #expect(RunningMaximum.reduce(0, 5) == 0)
        #expect(RunningMaximum.reduce(UInt128.max, UInt128.max) == 1)
    }
}
