import Testing
import ExactArithmetic
@testable import DyadicFunctions
import TestSupport

/// The dense forms: bit-packed +-1 functions, dyadic functions over a common exponent,
/// and the Gram matrix paths, all against brute-force sums over cells.
@Suite struct FoundationDenseFormTests {
    // MARK: Helpers

    /// Random bits for 2^L cells (true = -1), sometimes in runs so pieces are longer.
    static func randomSigns(_ rng: inout SplitMix64, level L: Int) -> [Bool] {
        let runs = FDN.chance(&rng, 50)
        var bits: [Bool] = []
        var current = FDN.chance(&rng, 50)
        for _ in 0..<(1 << L) {
            if !runs || FDN.chance(&rng, 10) { current = runs ? !current : FDN.chance(&rng, 50) }
            bits.append(current)
        }
        return bits
    }

    /// The canonical step function of cell signs, built by hand (no library merging).
    static func signStep(_ bits: [Bool], level L: Int) throws -> StepFunction {
        var t: [Rational] = [0], v: [Rational] = [bits[0] ? -1 : 1]
        for c in 1..<bits.count where bits[c] != bits[c - 1] {
            t.append(FDN.dy(c, L))
            v.append(bits[c] ? -1 : 1)
        }
        t.append(1)
        return try StepFunction(breakpoints: t, values: v)
    }

    /// My own packing of cell bits into words: bit c%64 of word c/64.
    static func pack(_ bits: [Bool]) -> [UInt64] {
        var words = [UInt64](repeating: 0, count: (bits.count + 63) / 64)
        for (c, b) in bits.enumerated() where b { words[c / 64] |= UInt64(1) << UInt64(c % 64) }
        return words
    }

    /// My own hex form: 4 cells per digit, first cell in the most significant bit.
    static func hex(_ bits: [Bool]) -> String {
        let digits = Array("0123456789abcdef")
        var out = ""
        var i = 0
        while i < bits.count {
            var nibble = 0
            for o in 0..<4 { nibble = nibble * 2 + ((i + o < bits.count && bits[i + o]) ? 1 : 0) }
            out.append(digits[nibble])
            i += 4
        }
        return out
    }

    // MARK: PackedSignFunction

    @Test func packedFromClosureAndFromStepFunctionAgreeWithCells() throws {
        var rng = SplitMix64(seed: 0xF2_01)
        for round in 0..<120 {
            let L = round < 20 ? round % 10 : FDN.int(&rng, 0...9)
            let bits = Self.randomSigns(&rng, level: L)
            let p = PackedSignFunction(level: L) { bits[$0] }
            #expect(p.level == L && p.cellCount == 1 << L)
            #expect(p.words == Self.pack(bits))
            for c in 0..<(1 << L) {
                #expect(p.isNegative(cell: c) == bits[c])
                #expect(p.value(cell: c) == (bits[c] ? -1 : 1))
            }
            // From a step function of its own level and of any coarser level.
            let f = try Self.signStep(bits, level: L)
            #expect(try PackedSignFunction(f, level: L) == p)
            let finer = L + FDN.int(&rng, 1...3)
            let pf = try PackedSignFunction(f, level: finer)
            for c in 0..<(1 << finer) { #expect(pf.isNegative(cell: c) == bits[c >> (finer - L)]) }
            // Words with the same bits are accepted.
            #expect(try PackedSignFunction(level: L, words: Self.pack(bits)) == p)
            // The step function and breakpoint count.
            let changes = (1..<max(bits.count, 1)).filter { bits[$0] != bits[$0 - 1] }.count
            #expect(p.breakpointCount == changes)
            #expect(p.stepFunction == f)
            #expect(p.stepFunction.breakpointCount == changes)
            #expect(pf.stepFunction == f)
            for c in 0..<(1 << L) { #expect(try p.stepFunction.value(at: FDN.dy(c, L)) == (bits[c] ? -1 : 1)) }
        }
    }

    @Test func packedHexRoundTrip() throws {
        var rng = SplitMix64(seed: 0xF2_02)
        for L in 0...10 {
            for _ in 0..<6 {
                let bits = Self.randomSigns(&rng, level: L)
                let p = PackedSignFunction(level: L) { bits[$0] }
                let text = Self.hex(bits)
                #expect(p.hex == text)
                #expect(try PackedSignFunction(level: L, hex: text) == p)
                let decoded = try HexBitString.decode(text, count: 1 << L)
                #expect(decoded == Self.pack(bits))
            }
        }
        // Level 0: one cell, one hex digit with three padding bits.
        #expect(try PackedSignFunction(level: 0, hex: "8") == PackedSignFunction(level: 0) { _ in true })
        #expect(try PackedSignFunction(level: 0, hex: "0").value(cell: 0) == 1)
        #expect(FDN.error { () throws(DyadicFunctionError) in try PackedSignFunction(level: 0, hex: "4") } != nil)
        #expect(FDN.error { () throws(DyadicFunctionError) in try PackedSignFunction(level: 2, hex: "f0") } != nil)
        #expect(
            FDN.error { () throws(DyadicFunctionError) in try PackedSignFunction(level: 33, hex: "") }
                == .levelOutOfRange(level: 33, range: 0...32))
        #expect(
            FDN.error { () throws(DyadicFunctionError) in try PackedSignFunction(level: -1, hex: "") }
                == .levelOutOfRange(level: -1, range: 0...32))
    }

    @Test func packedWordsAreCheckedForLengthAndTail() throws {
        func err(_ level: Int, _ words: [UInt64]) -> DyadicFunctionError? {
            FDN.error { () throws(DyadicFunctionError) in try PackedSignFunction(level: level, words: words) }
        }
        for L in 0...5 {
            let cells = 1 << L
            let full: UInt64 = (UInt64(1) << UInt64(cells)) - 1
            #expect(err(L, [full]) == nil, "level \(L)")
            guard case .malformedBitString? = err(L, [UInt64(1) << UInt64(cells)]) else {
                Issue.record("level \(L): a bit past the last cell must be rejected")
                continue
            }
            guard case .malformedBitString? = err(L, [UInt64(1) << 63]) else {
                Issue.record("level \(L): bit 63 must be rejected")
                continue
            }
        }
        #expect(err(6, [UInt64.max]) == nil)
        #expect(err(7, [UInt64.max, UInt64.max]) == nil)
        #expect(err(6, []) == .countMismatch(what: "words of a packed level-6 function", expected: 1, found: 0))
        guard case .countMismatch(_, 2, 1)? = err(7, [0]) else {
            Issue.record("level 7 needs 2 words")
            return
        }
        guard case .countMismatch(_, 1, 2)? = err(3, [0, 0]) else {
            Issue.record("level 3 needs 1 word")
            return
        }
        #expect(err(33, []) == .levelOutOfRange(level: 33, range: 0...32))
        #expect(err(-1, [0]) == .levelOutOfRange(level: -1, range: 0...32))
    }

    @Test func packedFromStepFunctionErrors() throws {
        func err(_ f: StepFunction, _ level: Int) -> DyadicFunctionError? {
            FDN.error { () throws(DyadicFunctionError) in try PackedSignFunction(f, level: level) }
        }
        let psi = try StepFunction(breakpoints: [0, FDN.q(1, 2), 1], values: [1, -1])
        #expect(err(psi, 0) == .notDyadicOfLevel(level: 0))
        #expect(err(psi, 1) == nil)
        #expect(err(psi, 33) == .levelOutOfRange(level: 33, range: 0...32))
        #expect(err(psi, -1) == .levelOutOfRange(level: -1, range: 0...32))
        let notSign = try StepFunction(breakpoints: [0, FDN.q(1, 4), FDN.q(1, 2), 1], values: [1, -1, 0])
        #expect(err(notSign, 3) == .notSignValued(index: 2, value: 0))
        let third = try StepFunction(breakpoints: [0, FDN.q(1, 3), 1], values: [1, -1])
        #expect(err(third, 10) == .notDyadicOfLevel(level: 10))
    }

    @Test func packedCellSumAndInnerProductMatchBruteForce() {
        var rng = SplitMix64(seed: 0xF2_03)
        for round in 0..<150 {
            let L = round < 24 ? round % 12 : FDN.int(&rng, 0...11)
            let a = Self.randomSigns(&rng, level: L), b = Self.randomSigns(&rng, level: L)
            let p = PackedSignFunction(level: L) { a[$0] }, q = PackedSignFunction(level: L) { b[$0] }
            var sum = 0
            for c in 0..<(1 << L) { sum += (a[c] ? -1 : 1) * (b[c] ? -1 : 1) }
            #expect(p.cellSum(with: q) == sum)
            #expect(p.innerProduct(with: q) == FDN.q(sum, 1 << L))
            #expect(p.cellSum(with: p) == 1 << L)
            #expect(p.innerProduct(with: p) == 1)
        }
    }

    // MARK: DenseDyadicFunction

    static func randomDyadic(_ rng: inout SplitMix64) -> Rational {
        FDN.dy(FDN.int(&rng, -1000...1000), FDN.int(&rng, 0...12))
    }

    @Test func denseFromCellValuesUsesTheLeastCommonExponent() throws {
        var rng = SplitMix64(seed: 0xF2_04)
        for round in 0..<200 {
            let L = FDN.int(&rng, 0...6)
            var cells: [Rational] = (0..<(1 << L)).map { _ in Self.randomDyadic(&rng) }
            if round % 5 == 0 { cells = cells.map { $0.floor.isZero ? Rational(3) : Rational($0.floor) } } // integers only
            let dense = try DenseDyadicFunction(cellValues: cells.map { try Dyadic(exactly: $0) })
            let e = cells.compactMap(FDN.dyadicExponent).max() ?? 0
            #expect(dense.level == L)
            #expect(dense.exponent == e, "\(cells)")
            #expect(dense.mantissas.count == 1 << L)
            for c in 0..<(1 << L) {
                #expect(Rational(dense.mantissas[c]) == cells[c] * Rational(FDN.pow2(e)))
                #expect(dense.value(cell: c).rational == cells[c])
            }
            #expect(dense.stepFunction == (try StepFunction(cellValues: cells)))
            for c in 0..<(1 << L) { #expect(try dense.stepFunction.value(at: FDN.dy(c, L)) == cells[c]) }
        }
        for n in [0, 3, 6] {
            let error = FDN.error { () throws(DyadicFunctionError) in
                try DenseDyadicFunction(cellValues: Array(repeating: Dyadic(1), count: n))
            }
            guard case .invalidParameter? = error else {
                Issue.record("count \(n): \(String(describing: error))")
                continue
            }
        }
    }

    @Test func denseFromStepFunctionAndErrors() throws {
        var rng = SplitMix64(seed: 0xF2_05)
        for _ in 0..<150 {
            let own = FDN.int(&rng, 0...5)
            let raw = FDN.randomRaw(&rng, maxPieces: 8, level: own, repeatPercent: 20, value: Self.randomDyadic)
            let f = try raw.make()
            let L = own + FDN.int(&rng, 0...2)
            let dense = try DenseDyadicFunction(f, level: L)
            #expect(dense.level == L)
            for c in 0..<(1 << L) {
                let x = FDN.dy(c, L)
                #expect(dense.value(cell: c).rational == raw.eval(x))
            }
            #expect(dense.stepFunction == f)
        }
        func err(_ f: StepFunction, _ level: Int) -> DyadicFunctionError? {
            FDN.error { () throws(DyadicFunctionError) in try DenseDyadicFunction(f, level: level) }
        }
        let thirdValue = try StepFunction(breakpoints: [0, FDN.q(1, 2), FDN.q(3, 4), 1], values: [1, FDN.q(1, 3), 2])
        #expect(err(thirdValue, 4) == .notDyadic(index: 1, value: FDN.q(1, 3)))
        let thirdBreak = try StepFunction(breakpoints: [0, FDN.q(1, 3), 1], values: [1, 2])
        #expect(err(thirdBreak, 4) == .notDyadicOfLevel(level: 4))
        let fine = try StepFunction(breakpoints: [0, FDN.q(1, 8), 1], values: [1, 2])
        #expect(err(fine, 2) == .notDyadicOfLevel(level: 2))
        #expect(err(fine, 31) == .levelOutOfRange(level: 31, range: 0...30))
    }

    @Test func denseInnerProductMatchesStepFunctionsAndBruteForce() throws {
        var rng = SplitMix64(seed: 0xF2_06)
        for _ in 0..<150 {
            let L = FDN.int(&rng, 0...7)
            let a = FDN.randomRaw(&rng, maxPieces: 10, level: min(L, 5), value: Self.randomDyadic)
            let b = FDN.randomRaw(&rng, maxPieces: 10, level: L, value: Self.randomDyadic)
            let f = try a.make(), g = try b.make()
            let df = try DenseDyadicFunction(f, level: L), dg = try DenseDyadicFunction(g, level: L)
            var sum = Rational.zero
            for c in 0..<(1 << L) { sum += a.eval(FDN.dy(c, L)) * b.eval(FDN.dy(c, L)) }
            let expected = sum / Rational(1 << L)
            #expect(df.innerProduct(with: dg) == expected)
            #expect(f.innerProduct(with: g) == expected)
            #expect(df.wordMantissas != nil)
        }
    }

    /// Mantissas near +-2^62 (and at Int.min) overflow the 128-bit sum; the result must
    /// still be exact (BigInt fallback).
    @Test func denseOverflowFallbackIsExact() throws {
        var rng = SplitMix64(seed: 0xF2_07)
        let e = 70
        func dense(_ m: [BigInt]) throws -> DenseDyadicFunction {
            // Cell values m_c / 2^70; one odd mantissa keeps the common exponent at 70.
            try DenseDyadicFunction(cellValues: m.map { try Dyadic(exactly: FDN.q($0, FDN.pow2(e))) })
        }
        func brute(_ a: [BigInt], _ b: [BigInt]) -> Rational {
            var s = BigInt.zero
            for i in 0..<a.count { s = s + a[i] * b[i] }
            return FDN.q(s, FDN.pow2(2 * e + a.count.trailingZeroBitCount))
        }
        let near: BigInt = FDN.pow2(62)
        for round in 0..<40 {
            let L = 6 + round % 3 // 64..256 cells of products near 2^124: overflows after 8
            var a: [BigInt] = [], b: [BigInt] = []
            for c in 0..<(1 << L) {
                let sa: BigInt = round % 2 == 0 || c < (1 << (L - 1)) ? 1 : -1 // partial sums overflow, total may not
                a.append(sa * (near + BigInt(FDN.int(&rng, -1000...1000) | 1)))
                b.append(near - BigInt(FDN.int(&rng, 0...1000) | 1))
            }
            let da = try dense(a), db = try dense(b)
            #expect(da.exponent == e && db.exponent == e)
            #expect(da.wordMantissas != nil && db.wordMantissas != nil)
            #expect(da.innerProduct(with: db) == brute(a, b))
            #expect(da.mantissaProductSum(with: db) == a.indices.reduce(BigInt.zero) { $0 + a[$1] * b[$1] })
            #expect(da.innerProduct(with: da) == brute(a, a))
        }
        // Int.min mantissas: Int.min^2 = 2^126, two of them reach 2^127 (one past Int128.max).
        let m: [BigInt] = [BigInt(Int.min), BigInt(Int.min), BigInt(Int.min), 1]
        let d = try dense(m)
        #expect(d.mantissas == m)
        #expect(d.innerProduct(with: d) == brute(m, m))
        // Exactly at the edge without overflow: 2^126 + 2^126 - 1 ... stays representable.
        let m2: [BigInt] = [BigInt(Int.min), BigInt(Int.max), 1, 1]
        #expect(try dense(m2).innerProduct(with: dense(m2)) == brute(m2, m2))
        // Mantissas beyond a word take the BigInt path from the start.
        let m3: [BigInt] = [FDN.pow2(63) + 1, -FDN.pow2(80) - 1, 3, 1]
        let d3 = try dense(m3)
        #expect(d3.wordMantissas == nil)
        #expect(d3.innerProduct(with: d) == brute(m3, m))
        #expect(d.innerProduct(with: d3) == brute(m, m3))
    }

    // MARK: Gram matrices

    static func bruteGram(_ cells: [[Rational]]) -> [[Rational]] {
        let n = cells.first?.count ?? 1
        return cells.map { a in
            cells.map { b in
                var s = Rational.zero
                for c in 0..<n { s += a[c] * b[c] }
                return s / Rational(n)
            }
        }
    }

    @Test func gramPathsAgreeOnSignFunctions() throws {
        var rng = SplitMix64(seed: 0xF2_08)
        for round in 0..<6 {
            let L = 3 + round
            let D = FDN.int(&rng, 2...8)
            let bits = (0..<D).map { _ in Self.randomSigns(&rng, level: L) }
            let packed = bits.map { b in PackedSignFunction(level: L) { b[$0] } }
            let steps = try bits.map { try Self.signStep($0, level: L) }
            let dense = try steps.map { try DenseDyadicFunction($0, level: L) }
            let expected = Self.bruteGram(bits.map { $0.map { $0 ? Rational(-1) : Rational(1) } })
            #expect(GramMatrix.general(steps) == expected)
            #expect(GramMatrix.of(packed) == expected)
            #expect(GramMatrix.of(dense) == expected)
            #expect(GramMatrix.of(steps) == expected)
        }
        #expect(GramMatrix.of([StepFunction]()) == [])
        #expect(GramMatrix.of([PackedSignFunction]()) == [])
    }

    @Test func gramPathsAgreeOnDyadicAndGeneralFunctions() throws {
        var rng = SplitMix64(seed: 0xF2_09)
        for round in 0..<8 {
            let L = 2 + round % 5
            let D = FDN.int(&rng, 1...7)
            let raws = (0..<D).map { _ in FDN.randomRaw(&rng, maxPieces: 1 << L, level: L, value: Self.randomDyadic) }
            let steps = try raws.map { try $0.make() }
            let dense = try steps.map { try DenseDyadicFunction($0, level: L) }
            let expected = Self.bruteGram(raws.map { r in (0..<(1 << L)).map { r.eval(FDN.dy($0, L)) } })
            #expect(GramMatrix.general(steps) == expected)
            #expect(GramMatrix.of(dense) == expected)
            #expect(GramMatrix.of(steps) == expected)
        }
        // Non-dyadic breakpoints and values: the automatic choice falls back to the merge.
        for _ in 0..<5 {
            let raws = (0..<4).map { _ in FDN.randomRaw(&rng, maxPieces: 6, level: nil) }
            let steps = try raws.map { try $0.make() }
            let expected: [[Rational]] = raws.map { a in
                raws.map { b in
                    let u = FDN.union(a.breakpoints, b.breakpoints)
                    var s = Rational.zero
                    for k in 0..<(u.count - 1) { s += (u[k + 1] - u[k]) * a.eval(u[k]) * b.eval(u[k]) }
                    return s
                }
            }
            #expect(GramMatrix.of(steps) == expected)
            #expect(GramMatrix.general(steps) == expected)
        }
        // Few pieces at a deep level (sparse): the automatic choice must still be exact.
        let sparse = try [
            StepFunction(breakpoints: [0, FDN.dy(1, 20), 1], values: [1, -1]),
            StepFunction(breakpoints: [0, FDN.dy(3, 20), FDN.q(1, 2), 1], values: [FDN.q(1, 2), 2, -1]),
        ]
        let ip01 =
            FDN.dy(1, 20) * FDN.q(1, 2) + (FDN.dy(3, 20) - FDN.dy(1, 20)) * FDN.q(-1, 2)
            + (FDN.q(1, 2) - FDN.dy(3, 20)) * -2 + FDN.q(1, 2)
        let ip11 = FDN.dy(3, 20) * FDN.q(1, 4) + (FDN.q(1, 2) - FDN.dy(3, 20)) * 4 + FDN.q(1, 2)
        #expect(GramMatrix.of(sparse) == [[1, ip01], [ip01, ip11]])
    }

    /// Work >= 2^22 takes the parallel path; rows must land in order.
    @Test func gramParallelPathAgreesWithBruteForce() throws {
        var rng = SplitMix64(seed: 0xF2_0A)
        // Dense: 2^12 cells, 32 functions: 2^12 * 32^2 = 2^22.
        let L = 12, D = 32
        let mantissas: [[Int]] = (0..<D).map { _ in (0..<(1 << L)).map { _ in FDN.int(&rng, -7...7) } }
        let dense = try mantissas.map { m in try DenseDyadicFunction(cellValues: m.map { Dyadic(mantissa: BigInt($0), exponent: 3) }) }
        var expected = [[Rational]](repeating: [Rational](repeating: 0, count: D), count: D)
        for i in 0..<D {
            for j in i..<D {
                var s = 0
                for c in 0..<(1 << L) { s += mantissas[i][c] * mantissas[j][c] }
                expected[i][j] = FDN.q(BigInt(s), FDN.pow2(6 + L))
                expected[j][i] = expected[i][j]
            }
        }
        #expect(GramMatrix.of(dense) == expected)

        // Packed: 2^12 cells = 64 words, 256 functions: 64 * 256^2 = 2^22.
        let P = 256
        let bits = (0..<P).map { _ in Self.randomSigns(&rng, level: L) }
        let packed = bits.map { b in PackedSignFunction(level: L) { b[$0] } }
        let gram = GramMatrix.of(packed)
        #expect(gram.count == P && gram.allSatisfy { $0.count == P })
        // Every entry by my own word-level popcount; a sample of entries cell by cell.
        let words = bits.map(Self.pack)
        var mismatches = 0
        for i in 0..<P {
            for j in 0..<P {
                var differing = 0
                for w in 0..<words[i].count { differing += (words[i][w] ^ words[j][w]).nonzeroBitCount }
                if gram[i][j] != FDN.q((1 << L) - 2 * differing, 1 << L) { mismatches += 1 }
            }
        }
        #expect(mismatches == 0)
        for _ in 0..<40 {
            let i = FDN.int(&rng, 0...(P - 1)), j = FDN.int(&rng, 0...(P - 1))
            var s = 0
            for c in 0..<(1 << L) { s += bits[i][c] == bits[j][c] ? 1 : -1 }
            #expect(gram[i][j] == FDN.q(s, 1 << L))
        }
        // The same through the automatic choice on step functions (sign path, parallel).
        let steps = try bits.map { try Self.signStep($0, level: L) }
        #expect(GramMatrix.of(steps) == gram)
    }

    /// Dyadic breakpoints but values in thirds: the dense conversion fails and the
    /// automatic choice falls back to the general merge, here with work >= 2^22.
    @Test func gramGeneralParallelPathAgreesWithBruteForce() throws {
        var rng = SplitMix64(seed: 0xF2_0D)
        let L = 12, D = 32
        let raws = (0..<D).map { _ in
            let t = [Rational.zero] + FDN.interiorPoints(&rng, count: 640, level: L) + [Rational.one]
            return FDN.RawStep(breakpoints: t, values: t.dropLast().map { _ in FDN.q(FDN.int(&rng, -6...6), 3) })
        }
        let steps = try raws.map { try $0.make() }
        let average = steps.reduce(0) { $0 + $1.pieceCount } / D
        #expect(D * D * 8 * average >= 1 << 22, "the general path must run in parallel")
        let auto = GramMatrix.of(steps)
        #expect(auto.count == D && auto.allSatisfy { $0.count == D })
        for i in 0..<D { for j in 0..<D { #expect(auto[i][j] == auto[j][i]) } }
        // A sample of entries cell by cell (thirds over 2^L cells).
        var cells: [[Int]] = [] // 3 * value on each level-L cell, filled piece by piece
        for r in raws {
            var row: [Int] = []
            for i in 0..<r.values.count {
                let start = (r.breakpoints[i] * Rational(1 << L)).numerator.intValue!
                let end = (r.breakpoints[i + 1] * Rational(1 << L)).numerator.intValue!
                row += Array(repeating: (r.values[i] * 3).numerator.intValue!, count: end - start)
            }
            cells.append(row)
        }
        for _ in 0..<40 {
            let i = FDN.int(&rng, 0...(D - 1)), j = FDN.int(&rng, 0...(D - 1))
            var s = 0
            for c in 0..<(1 << L) { s += cells[i][c] * cells[j][c] }
            #expect(auto[i][j] == FDN.q(BigInt(s), BigInt(9) * FDN.pow2(L)))
        }
    }

    @Test func parallelMapKeepsOrderOnBothPaths() {
        for work in [0, (1 << 22) - 1, 1 << 22] {
            let rows = Parallel.map(count: 97, work: work) { i in [Rational(i), Rational(i * i)] }
            #expect(rows == (0..<97).map { [Rational($0), Rational($0 * $0)] })
        }
        #expect(Parallel.map(count: 1, work: 1 << 30) { _ in 7 } == [7])
        #expect(Parallel.map(count: 0, work: 1 << 30) { _ in 7 } == [])
    }

    /// The general path skips pairs with disjoint supports; zero functions included.
    @Test func gramGeneralPathWithDisjointSupportsAndZeros() throws {
        var rng = SplitMix64(seed: 0xF2_0B)
        var raws: [FDN.RawStep] = []
        // Haar-like bumps on disjoint or nested intervals, the zero function, and random
        // functions that vanish on parts of [0, 1).
        for (j, k) in [(1, 0), (1, 1), (2, 1), (3, 6), (3, 7), (0, 0)] {
            let a = FDN.dy(k, j), m = FDN.dy(2 * k + 1, j + 1), b = FDN.dy(k + 1, j)
            let t = FDN.union([0, 1], [a, m, b])
            raws.append(FDN.RawStep(breakpoints: t, values: t.dropLast().map { x in x < a || x >= b ? 0 : (x < m ? 1 : -1) }))
        }
        raws.append(FDN.RawStep(breakpoints: [0, 1], values: [0]))
        for _ in 0..<6 {
            raws.append(
                FDN.randomRaw(&rng, maxPieces: 6, level: FDN.chance(&rng, 50) ? 3 : nil) { r in
                    FDN.chance(&r, 50) ? 0 : FDN.smallRational(&r)
                })
        }
        let steps = try raws.map { try $0.make() }
        let expected: [[Rational]] = raws.map { a in
            raws.map { b in
                let u = FDN.union(a.breakpoints, b.breakpoints)
                var s = Rational.zero
                for k in 0..<(u.count - 1) { s += (u[k + 1] - u[k]) * a.eval(u[k]) * b.eval(u[k]) }
                return s
            }
        }
        #expect(GramMatrix.general(steps) == expected)
        #expect(GramMatrix.of(steps) == expected)
        #expect(expected[0][1] == 0 && expected[2][0] == 0 && expected[3][4] == 0) // the test has disjoint pairs
    }

    /// firstMismatch reports the first differing entry in row-major order, or nil.
    @Test func gramFirstMismatch() throws {
        var rng = SplitMix64(seed: 0xF2_0C)
        let L = 5
        let bits = (0..<6).map { _ in Self.randomSigns(&rng, level: L) }
        let packed = bits.map { b in PackedSignFunction(level: L) { b[$0] } }
        let steps = try bits.map { try Self.signStep($0, level: L) }
        let truth = Self.bruteGram(bits.map { $0.map { $0 ? Rational(-1) : Rational(1) } })
        #expect(GramMatrix.firstMismatch(steps) { truth[$0][$1] } == nil)
        #expect(GramMatrix.firstMismatch(packed) { truth[$0][$1] } == nil)
        for (r, c) in [(0, 0), (2, 5), (5, 1)] {
            let wrong: @Sendable (Int, Int) -> Rational = { i, j in
                (i == r && j == c) || (i == 5 && j == 5) ? truth[i][j] + 1 : truth[i][j]
            }
            let m1 = GramMatrix.firstMismatch(steps, expected: wrong)
            let m2 = GramMatrix.firstMismatch(packed, expected: wrong)
            #expect(m1?.row == r && m1?.column == c && m1?.value == truth[r][c])
            #expect(m2?.row == r && m2?.column == c && m2?.value == truth[r][c])
        }
        // Non-dyadic functions (general path).
        let raws = (0..<4).map { _ in FDN.randomRaw(&rng, maxPieces: 5, level: nil) }
        let general = try raws.map { try $0.make() }
        let g = GramMatrix.general(general)
        let shifted: @Sendable (Int, Int) -> Rational = { i, j in i == 3 && j == 0 ? g[i][j] - 1 : g[i][j] }
        let m = GramMatrix.firstMismatch(general, expected: shifted)
        #expect(m?.row == 3 && m?.column == 0 && m?.value == g[3][0])
    }
}
