import CanonicalJSON
import CertificateKernel
import Foundation
import ExactArithmetic
import Testing
@testable import CertificateGenerator
import TestSupport
import MatrixKernel

/// Generated certificates, over random small parameters, all verify with the kernel,
/// are byte-for-byte deterministic, and are in canonical form.
@Suite("Generator round trips")
struct GeneratorRoundTripTests {
    /// Verifies generated text with the kernel and returns the verdict.
    static func verify(_ text: String) -> FileVerdict {
        Verifier(limits: VerificationLimits(), jobs: 2, extensions: [.matrices]).verify(bytes: Array(text.utf8), path: "generated")
    }

    static func expectVerified(_ builder: CertificateBuilder, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let text = builder.text
        let verdict = verify(text)
        #expect(
            verdict.status == .verified,
            "\(what): \(verdict.error.map { "\($0)" } ?? "") \(verdict.claims.filter { !$0.passed }.map { "\($0.id): \($0.outcome)" })",
            sourceLocation: sourceLocation)
        #expect(!verdict.claims.isEmpty, sourceLocation: sourceLocation)
        // Canonical: re-reading and re-writing gives the same bytes.
        if let value = try? JSONParser.parse(Array(text.utf8)) {
            #expect(CanonicalCertificate.text(value) == text, "\(what) is not canonical", sourceLocation: sourceLocation)
        } else {
            Issue.record("\(what): the generated text is not JSON", sourceLocation: sourceLocation)
        }
    }

    @Test("separation: random depths, readout sets and seeds")
    func separation() throws {
        var rng = SplitMix64(seed: 2026)
        for _ in 0..<24 {
            let J = Int(rng.next() % 6) + 1
            let seed = rng.next() % 1000
            let readouts: [Int]
            if rng.next() % 2 == 0 {
                let D = Int(rng.next() % UInt64(1 << (J - 1))) + 1
                readouts = SeparationScenario.defaultReadouts(levels: J, tasks: D)
            } else {
                // Any distinct readouts below 2^J, not only the top level.
                var set = Set<Int>()
                let want = Int(rng.next() % UInt64(min(5, (1 << J) - 1))) + 1
                while set.count < want { set.insert(Int(rng.next() % UInt64((1 << J) - 1)) + 1) }
                readouts = set.sorted()
            }
            let scenario = try SeparationScenario(levels: J, readouts: readouts, seed: seed)
            Self.expectVerified(try scenario.certificate(), "separation J=\(J) readouts=\(readouts) seed=\(seed)")
        }
    }

    @Test("separation is deterministic and states the issue's numbers for J = 10, D = 32, seed 3")
    func separationNumbers() throws {
        let scenario = try SeparationScenario(levels: 10, readouts: SeparationScenario.defaultReadouts(levels: 10, tasks: 32), seed: 3)
        let a = try scenario.certificate().text, b = try scenario.certificate().text
        #expect(a == b)
        // The values of the acceptance criterion: separate = 32 * 2^9 = 16384, joint = 543.
        #expect(a.contains("\"log2-size\": \"543\""))
        #expect(a.contains("\"total\": \"16384\""))
        // The family: 2^10 - 1 = 1023 sign bits; separate networks need 32 * 2^9 units at eps = 1/2.
        #expect(a.contains("\"rule\": \"network-realises-for-all-signs\""))
        #expect(a.contains("\"bits\": \"1023\""))
        #expect(a.contains("\"first-layer-units-at-least\": \"16384\""))
        #expect(a.contains("\"bound\": \"15361\"")) // 16384 - 1023
        // ... at every eps in (0, 1): the width claims state eps-below 1, and the verdict says so.
        #expect(a.contains("\"eps-below\": \"1\""))
        let verdict = Self.verify(a)
        #expect(
            verdict.claims.contains {
                $0.id == "separate-width" && $0.passed && $0.summary.contains("within every eps < 1 of") && $0.summary.contains(">= 16384")
            })
        #expect(verdict.claims.contains { $0.id == "network-width-gap" && $0.passed && $0.summary.contains("within every eps < 1 of K") })
        #expect(Self.verify(a).status == .verified)
        // J = 6, D = 8: the family costs 63 bits against 256.
        let small = try SeparationScenario(levels: 6, readouts: SeparationScenario.defaultReadouts(levels: 6, tasks: 8), seed: 1)
            .certificate().text
        #expect(small.contains("\"bits\": \"63\"") && small.contains("\"total\": \"256\"") && small.contains("\"bound\": \"193\""))
        // Readouts below the top level: the width is sum_d 2^top(m_d) = 4 + 2 + 1, never 0.
        let low = try SeparationScenario(levels: 4, readouts: [4, 3, 1], seed: 2).certificate().text
        #expect(low.contains("\"first-layer-units-at-least\": \"7\""))
        #expect(Self.verify(low).status == .verified)
    }

    /// The rates certificate over small ranges: it verifies, is deterministic, and states
    /// per row the values computed here another way: separate bits D_J 2^(J-1) (Lemma S
    /// as a formula), joint bits by brute force over all sign trees for J <= 3, family
    /// bits 2^J - 1, and the Haar brackets 2^L - 1 with L found by comparing exact
    /// amplitude sums here.
    @Test("rates: small ranges verify and state independently computed values")
    func rates() throws {
        let scenario = try RatesScenario(levels: 2...4, tasks: 3, haarLevels: 8, epsExponents: 1...6)
        let a = try scenario.certificate().text, b = try scenario.certificate().text
        #expect(a == b)
        Self.expectVerified(try scenario.certificate(), "rates 2..4, D = 3")
        let rows = try scenario.rows()
        #expect(rows.map(\.levels) == [2, 3, 4])
        for row in rows {
            let D = min(3, 1 << (row.levels - 1))
            #expect(row.tasks == D)
            #expect(row.separateBits == BigInt(D << (row.levels - 1)))
            #expect(row.familyBits == BigInt((1 << row.levels) - 1))
            #expect(a.contains("\"id\": \"separate-width-J\(row.levels)\""))
        }
        // Joint bits by brute force for J = 2, 3: distinct output tuples over all sign trees.
        for row in rows where row.levels <= 3 {
            let J = row.levels
            let readouts = SeparationScenario.defaultReadouts(levels: J, tasks: row.tasks)
            var tuples = Set<[Int]>()
            for tree in 0..<(1 << ((1 << J) - 1)) { tuples.insert(readouts.map { GeneratedValuesTests.output(m: $0, J: J, tree: tree) }) }
            #expect(row.jointBits == BigInt(BigInt(tuples.count).ceilLog2), "J = \(J)")
        }
        // Haar brackets for rho = 1/2: eps = 2^-k < a_(L-1) = 2^-L iff L <= k - 1, and the
        // tail sum_{L<=j<8} 2^-(j+1) = 2^-L - 2^-8 <= 2^-k iff L >= k (k < 8).
        for h in try scenario.haarRows(ratio: try Rational(1, 2)) {
            let k = h.exponent
            #expect(h.packingLevel == (k >= 2 ? k - 1 : nil), "k = \(k)")
            #expect(h.coverLevel == k, "k = \(k)")
            #expect(h.upper == BigInt((1 << k) - 1))
        }
        // rho = 1/3, by exact comparison here: L_pack = the largest L <= 8 with 2^-k < 3^-L.
        for h in try scenario.haarRows(ratio: try Rational(1, 3)) {
            let k = h.exponent
            let packing = (1...8).last { L in BigInt.powerOfTwo(k) > BigInt(Int(pow(3.0, Double(L)).rounded())) }
            #expect(h.packingLevel == packing, "k = \(k)")
        }
        // The growth claims exist and say what the issue asks.
        #expect(a.contains("\"id\": \"separate-growth-J4\""))
        #expect(a.contains("\"id\": \"doubling-1-2-k1\""))
        // The readouts saturate at D_J = 2^(J-1) for small J: J = 2 has 2 readouts, J = 3 has 3.
        #expect(a.contains("grow by 2 D_(J+1)/D_J = 3"))
    }

    @Test("haar-entropy for several depths and ratios")
    func haarEntropy() throws {
        for J in [2, 3, 5, 8] {
            for ratio in [try Rational(1, 2), try Rational(1, 3), try Rational(2, 3), try Rational(1, 4)] {
                Self.expectVerified(try HaarEntropyScenario(levels: J, ratio: ratio).certificate(), "haar-entropy J=\(J) rho=\(ratio)")
            }
        }
    }

    @Test("triangle for several tooth counts and unit budgets")
    func triangle() throws {
        for teeth in [1, 2, 4, 8] {
            for units in [0, 1, 3, 7, 8, 15, 16, 17, 40] {
                Self.expectVerified(
                    try TriangleScenario(teeth: teeth, units: units).certificate(), "triangle teeth=\(teeth) units=\(units)")
            }
        }
    }

    @Test("walsh-basis for small levels")
    func walshBasis() throws {
        for J in 0...5 {
            Self.expectVerified(try WalshBasisScenario(levels: J).certificate(), "walsh-basis J=\(J)")
        }
    }

    @Test("invalid options are refused with a message, not a trap")
    func invalidOptions() {
        #expect(throws: GeneratorError.self) { try SeparationScenario(levels: 0, readouts: [1], seed: 1) }
        #expect(throws: GeneratorError.self) { try SeparationScenario(levels: 3, readouts: [8], seed: 1) }
        #expect(throws: GeneratorError.self) { try SeparationScenario(levels: 3, readouts: [4, 4], seed: 1) }
        #expect(throws: GeneratorError.self) { try SeparationScenario(levels: 3, readouts: [], seed: 1) }
        #expect(throws: GeneratorError.self) { try HaarEntropyScenario(levels: 4, ratio: 1) }
        #expect(throws: GeneratorError.self) { try TriangleScenario(teeth: 3, units: 4) }
        #expect(throws: GeneratorError.self) { try WalshBasisScenario(levels: 15) }
    }
}
