import Testing
import ExactArithmetic
import TestSupport
@testable import DyadicFunctions

/// Against a diagonal statement, `GramMatrix.firstMismatch` computes only the entries that
/// can be nonzero (signed Walsh characters of one frequency, multiples of one Haar
/// function, overlapping supports). These tests check the recognisers by brute force and
/// the first mismatch against every entry computed cell by cell.
@Suite struct GramStructureTests {
    static let tiny = Rational(1).timesPowerOfTwo(-60)

    /// sum over cells of f(c) g(c), by the definition (no popcount, no structure).
    static func cellSum(_ f: PackedSignFunction, _ g: PackedSignFunction) -> Int {
        (0..<f.cellCount).reduce(0) { $0 + f.value(cell: $1) * g.value(cell: $1) }
    }

    /// The first (row-major) entry differing from the diagonal statement, every entry
    /// computed from its definition.
    static func bruteFirstMismatch(_ entry: (Int, Int) -> Rational, count: Int, diagonal: [Rational]) -> (Int, Int, Rational)? {
        for i in 0..<count {
            for j in 0..<count {
                let value = entry(i, j)
                if value != (i == j ? diagonal[i] : .zero) { return (i, j, value) }
            }
        }
        return nil
    }

    @Test("walshCharacter: every +-1 function of level <= 4 is recognised iff it is a signed character")
    func charactersByEnumeration() throws {
        for J in 0...4 {
            let cells = 1 << J
            var characters: [UInt64: WalshCharacter] = [:]
            for k in 0..<cells {
                for negated in [false, true] {
                    var word: UInt64 = 0
                    for c in 0..<cells where ((k & c).nonzeroBitCount % 2 == 1) != negated { word |= 1 << UInt64(c) }
                    characters[word] = WalshCharacter(frequency: k, isNegated: negated)
                }
            }
            #expect(characters.count == 2 * cells)
            for word in 0..<(UInt64(1) << UInt64(cells)) {
                let f = try PackedSignFunction(level: J, words: [word])
                #expect(f.walshCharacter == characters[word], "J = \(J), word \(word)")
            }
        }
    }

    @Test("walshCharacter: the Walsh basis of level 9 (several words); one flipped cell is not a character")
    func walshBasisLevel9() throws {
        let J = 9
        var rng = SplitMix64(seed: 9)
        var seen = Set<Int>()
        for m in 0..<(1 << J) {
            let f = try WalshFunction(index: m).packed(level: J)
            let character = try #require(f.walshCharacter)
            for c in 0..<f.cellCount { // f = +-chi_k on every cell
                let chi = (character.frequency & c).nonzeroBitCount % 2 == 1 ? -1 : 1
                #expect(f.value(cell: c) == (character.isNegated ? -chi : chi))
            }
            seen.insert(character.frequency)
            var words = f.words
            let c = Int.random(in: 0..<f.cellCount, using: &rng)
            words[c >> 6] ^= 1 << UInt64(c & 63)
            #expect(try PackedSignFunction(level: J, words: words).walshCharacter == nil, "m = \(m), cell \(c)")
        }
        #expect(seen.count == 1 << J)
    }

    @Test("haarIndex: multiples of every Haar function of level < 5; near misses are none")
    func haarIndices() throws {
        #expect(StepFunction(constant: -3).haarIndex == .constant)
        #expect(StepFunction(constant: 0).haarIndex == nil)
        for j in 0..<5 {
            for k in 0..<(1 << j) {
                let h = try HaarFunction(level: j, index: k).stepFunction
                let length = Rational(1).timesPowerOfTwo(-j)
                for c in [Rational(1), Rational(-3) / 7, Self.tiny] {
                    let f = try StepFunction(breakpoints: h.breakpoints, values: h.values.map { $0 * c })
                    #expect(f.haarIndex == .wavelet(start: length * Rational(k), length: length))
                }
                // Unequal magnitudes by 2^-60.
                let v = h.values.map { $0 == -1 ? Rational(-1) + Self.tiny : $0 }
                #expect(try StepFunction(breakpoints: h.breakpoints, values: v).haarIndex == nil)
            }
        }
        let q = Rational(1).timesPowerOfTwo(-2)
        // [1/4, 3/4): length 1/2 but not dyadic (1/4 is not a multiple of 1/2).
        #expect(try StepFunction(breakpoints: [0, q, 2 * q, 3 * q, 1], values: [0, 1, -1, 0]).haarIndex == nil)
        // Halves of unequal length; three nonzero pieces; a third-length interval.
        #expect(try StepFunction(breakpoints: [0, q, 1], values: [1, -1]).haarIndex == nil)
        #expect(try StepFunction(breakpoints: [0, q, 2 * q, 1], values: [1, -1, 1]).haarIndex == nil)
        let third = Rational(1) / 3
        #expect(try StepFunction(breakpoints: [0, third / 2, third, 1], values: [1, -1, 0]).haarIndex == nil)
    }

    /// Random lists mixing signed characters (some repeated, some negated) and arbitrary
    /// +-1 functions; diagonals true, or off by 2^-60 in one place.
    @Test("packed: first mismatch against a diagonal equals the brute-force one", arguments: 0..<40)
    func packedDifferential(seed: UInt64) throws {
        var rng = SplitMix64(seed: 1000 + seed)
        let J = Int.random(in: 0...7, using: &rng)
        let count = Int.random(in: 1...12, using: &rng)
        let functions = try (0..<count).map { _ -> PackedSignFunction in
            if Int.random(in: 0..<4, using: &rng) == 0 {
                return PackedSignFunction(level: J) { _ in Bool.random(using: &rng) }
            }
            let k = Int.random(in: 0..<(1 << J), using: &rng) & (Bool.random(using: &rng) ? 3 : ~0)
            let negated = Bool.random(using: &rng)
            let f = PackedSignFunction(level: J) { c in ((k & c).nonzeroBitCount % 2 == 1) != negated }
            #expect(f.walshCharacter == WalshCharacter(frequency: k & ((1 << J) - 1), isNegated: negated))
            return f
        }
        var diagonal = [Rational](repeating: 1, count: count)
        if Bool.random(using: &rng) { diagonal[Int.random(in: 0..<count, using: &rng)] += Self.tiny }
        let truth = Self.bruteFirstMismatch(
            { Rational(Self.cellSum(functions[$0], functions[$1])).timesPowerOfTwo(-J) }, count: count, diagonal: diagonal)
        let found = GramMatrix.firstMismatch(functions, stated: .diagonal(diagonal))
        #expect(found?.row == truth?.0 && found?.column == truth?.1 && found?.value == truth?.2)
    }

    /// Random lists mixing multiples of Haar functions (some repeated) with other step
    /// functions (then supports decide), diagonals true or off by 2^-60.
    @Test("general: first mismatch against a diagonal equals the brute-force one", arguments: 0..<40)
    func generalDifferential(seed: UInt64) throws {
        var rng = SplitMix64(seed: 2000 + seed)
        let count = Int.random(in: 1...10, using: &rng)
        let onlyHaar = seed % 2 == 0
        let functions = try (0..<count).map { _ -> StepFunction in
            let c = Rational(Int.random(in: 1...5, using: &rng)) * (Bool.random(using: &rng) ? 1 : -1)
            switch Int.random(in: 0..<(onlyHaar ? 3 : 4), using: &rng) {
            case 0: return StepFunction(constant: c)
            case 1, 2:
                let j = Int.random(in: 0..<3, using: &rng)
                let h = try HaarFunction(level: j, index: Int.random(in: 0..<(1 << j), using: &rng)).stepFunction
                return try StepFunction(breakpoints: h.breakpoints, values: h.values.map { $0 * c })
            default: // c on [a/8, b/8), 0 elsewhere
                let a = Int.random(in: 0..<8, using: &rng)
                let b = Int.random(in: (a + 1)...8, using: &rng)
                let cuts = [0, a, b, 8].reduce(into: [Int]()) { if $0.last != $1 { $0.append($1) } }
                return try StepFunction(
                    breakpoints: cuts.map { Rational($0) / 8 },
                    values: (0..<(cuts.count - 1)).map { cuts[$0] == a ? c : 0 })
            }
        }
        var diagonal = (0..<count).map { functions[$0].innerProduct(with: functions[$0]) }
        if Bool.random(using: &rng) { diagonal[Int.random(in: 0..<count, using: &rng)] -= Self.tiny }
        let truth = Self.bruteFirstMismatch({ functions[$0].innerProduct(with: functions[$1]) }, count: count, diagonal: diagonal)
        // The general path (Haar indices or supports), forced; then whatever path the
        // public entry point picks for these sizes (dense, at these levels).
        let general = GramMatrix.firstMismatch(
            .general(functions, supports: Supports(functions)), count: count, stated: .diagonal(diagonal))
        #expect(general?.row == truth?.0 && general?.column == truth?.1 && general?.value == truth?.2)
        let found = GramMatrix.firstMismatch(functions, stated: .diagonal(diagonal))
        #expect(found?.row == truth?.0 && found?.column == truth?.1 && found?.value == truth?.2)
    }
}
