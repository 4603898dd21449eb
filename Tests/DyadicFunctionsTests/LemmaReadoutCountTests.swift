import Testing
import ExactArithmetic
@testable import DyadicFunctions
import TestSupport

/// Lemmas S and J and the separation theorem (MATH.md sec. 7): the number of distinct
/// output tuples over ALL sign trees, counted here by brute force, against
/// `ReadoutCount`.
@Suite("Lemmas S and J by enumeration of all sign trees")
struct LemmaReadoutCountTests {
    /// |K_M| by brute force: distinct tuples (f_{m_1}, ..., f_{m_D}) over all trees of depth J.
    static func count(levels J: Int, readouts: [Int]) -> Int {
        var seen = LemmaTupleCounter(capacityLog2: (1 << J) + 1)
        for patterns in LemmaRef.outputPatternTables[J] { seen.insert(LemmaTupleKey(patterns, readouts: readouts)) }
        return seen.count
    }

    /// Every nonempty readout set for J <= 3 (all subsets of 1..<2^J).
    @Test("Lemma J: every readout set, J <= 3", arguments: 1...3)
    func everySet(J: Int) throws {
        for subset in 1..<(1 << ((1 << J) - 1)) {
            let readouts = (1..<(1 << J)).filter { (subset >> ($0 - 1)) & 1 == 1 }
            let n = Self.count(levels: J, readouts: readouts)
            let log2 = LemmaRef.exactLog2(n)
            #expect(log2 != nil, "J=\(J) \(readouts): count \(n) is not a power of two")
            #expect(try ReadoutCount.jointLog2(readouts: readouts, levels: J) == BigInt(log2 ?? -1), "J=\(J) \(readouts): |K_M| = \(n)")
            // Order of the readouts does not matter.
            #expect(try ReadoutCount.jointLog2(readouts: readouts.reversed(), levels: J) == BigInt(log2 ?? -1))
            // Joint never exceeds separate (N(K) <= prod N(K_d)).
            #expect(try ReadoutCount.jointLog2(readouts: readouts, levels: J) <= ReadoutCount.separateLog2(readouts: readouts))
        }
    }

    /// Lemma S: |K_m| = 2^(2^top(m)) for every m < 2^J, J <= 4, by enumeration.
    @Test("Lemma S: single readouts, J <= 4", arguments: 1...4)
    func separate(J: Int) throws {
        for m in 1..<(1 << J) {
            let n = Self.count(levels: J, readouts: [m])
            #expect(n == 1 << (1 << LemmaRef.top(m)), "J=\(J) m=\(m): |K_m| = \(n)")
            #expect(try ReadoutCount.separateLog2(readout: m) == BigInt(LemmaRef.exactLog2(n) ?? -1), "J=\(J) m=\(m)")
            #expect(try ReadoutCount.jointLog2(readouts: [m], levels: J) == BigInt(LemmaRef.exactLog2(n) ?? -1))
        }
    }

    /// J = 4: all pairs and many random readout sets.
    @Test("Lemma J: all pairs and random readout sets, J = 4", arguments: 0..<4)
    func depthFour(part: Int) throws {
        var sets: [[Int]] = []
        if part == 0 {
            for m in 1..<16 { for m2 in (m + 1)..<16 { sets.append([m, m2]) } }
        } else {
            var g = SplitMix64(seed: 0x4_0000 + UInt64(part))
            for _ in 0..<30 {
                let size = LemmaRef.randomInt(3...15, using: &g)
                sets.append(LemmaRef.randomSubset(of: Array(1..<16), size: size, using: &g))
            }
        }
        for readouts in sets {
            let n = Self.count(levels: 4, readouts: readouts)
            let log2 = LemmaRef.exactLog2(n)
            #expect(log2 != nil, "\(readouts): count \(n)")
            #expect(try ReadoutCount.jointLog2(readouts: readouts, levels: 4) == BigInt(log2 ?? -1), "\(readouts): |K_M| = \(n)")
        }
    }

    /// The J = 3 table of MATH.md sec. 7 (values stated there, and recounted here).
    @Test(
        "MATH.md J = 3 table",
        arguments: [
            ([4, 5], 5, 8), ([4, 5, 6, 7], 7, 16), ([5, 6], 6, 8),
            ([3, 5, 6], 6, 10), ([1, 2, 4], 7, 7),
        ])
    func table(readouts: [Int], joint: Int, separate: Int) throws {
        #expect(try ReadoutCount.jointLog2(readouts: readouts, levels: 3) == BigInt(joint))
        #expect(try ReadoutCount.separateLog2(readouts: readouts) == BigInt(separate))
        #expect(Self.count(levels: 3, readouts: readouts) == 1 << joint)
        let separateByEnumeration = readouts.reduce(0) { $0 + (LemmaRef.exactLog2(Self.count(levels: 3, readouts: [$1])) ?? -100) }
        #expect(separateByEnumeration == separate)
    }

    /// The separation theorem's shape: readouts with top(m) = J-1 give separate bits
    /// D 2^(J-1) and joint bits <= 2^J - 1, with equality for D = 2^(J-1). Every subset
    /// by the library for J = 2..5.
    @Test("separation theorem by the library, J = 2..5", arguments: 2...5)
    func separationLibrary(J: Int) throws {
        let pool = Array((1 << (J - 1))..<(1 << J))
        for subset in 1..<(1 << pool.count) {
            let readouts = pool.indices.filter { (subset >> $0) & 1 == 1 }.map { pool[$0] }
            let D = readouts.count
            let joint = try ReadoutCount.jointLog2(readouts: readouts, levels: J)
            #expect(try ReadoutCount.separateLog2(readouts: readouts) == BigInt(D << (J - 1)))
            #expect(joint <= BigInt((1 << J) - 1), "J=\(J) \(readouts)")
            if D == pool.count { #expect(joint == BigInt((1 << J) - 1), "J=\(J): full set") }
            // Gap factor D 2^(J-1) / (2^J - 1) > D/2, i.e. D 2^J > D (2^J - 1).
            #expect(D * (1 << J) > D * ((1 << J) - 1))
        }
    }

    /// The same shape by enumeration, J <= 4 (every subset for J <= 3; for J = 4 the full
    /// set and random subsets of {8..15}).
    @Test("separation theorem by enumeration, J = 2..4", arguments: 2...4)
    func separationEnumeration(J: Int) throws {
        let pool = Array((1 << (J - 1))..<(1 << J))
        var sets: [[Int]] = []
        if J <= 3 {
            for subset in 1..<(1 << pool.count) { sets.append(pool.indices.filter { (subset >> $0) & 1 == 1 }.map { pool[$0] }) }
        } else {
            sets.append(pool)
            var g = SplitMix64(seed: 0x5E9A)
            for size in 1..<pool.count { sets.append(LemmaRef.randomSubset(of: pool, size: size, using: &g)) }
        }
        for readouts in sets {
            let n = Self.count(levels: J, readouts: readouts)
            #expect(n <= 1 << ((1 << J) - 1), "J=\(J) \(readouts): \(n)")
            if readouts.count == pool.count { #expect(n == 1 << ((1 << J) - 1), "J=\(J): full set gives \(n)") }
            #expect(try ReadoutCount.jointLog2(readouts: readouts, levels: J) == BigInt(LemmaRef.exactLog2(n) ?? -1))
        }
    }

    /// Invalid readout sets are rejected, never trapped.
    @Test("jointLog2 rejects bad readouts")
    func rejects() {
        #expect(throws: DyadicFunctionError.self) { try ReadoutCount.jointLog2(readouts: [8], levels: 3) }
        #expect(throws: DyadicFunctionError.self) { try ReadoutCount.jointLog2(readouts: [0], levels: 3) }
        #expect(throws: DyadicFunctionError.self) { try ReadoutCount.jointLog2(readouts: [3, 3], levels: 3) }
        #expect(throws: DyadicFunctionError.self) { try ReadoutCount.jointLog2(readouts: [1], levels: 0) }
        #expect(throws: DyadicFunctionError.self) { try ReadoutCount.separateLog2(readout: 0) }
    }
}
