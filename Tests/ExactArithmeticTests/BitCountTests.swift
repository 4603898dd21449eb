import Testing
@testable import ExactArithmetic
import TestSupport

/// ceilLog2, isAtLeastPowerOfTwo and compareLog2 against brute force (MATH.md sec. 1).
@Suite("Bit counts")
struct BitCountTests {
    @Test("ceilLog2 is the least k with 2^k >= N, for N in 1...5000")
    func ceilLog2Small() {
        for n in 1...5000 {
            var k = 0
            while (1 << k) < n { k += 1 }
            #expect(BigInt(n).ceilLog2 == k, "N = \(n)")
        }
    }

    @Test("ceilLog2 of large N: 2^(k-1) < N <= 2^k")
    func ceilLog2Large() {
        var rng = SplitMix64(seed: 0xB17_0001)
        for _ in 0..<300 {
            let n = rng.magnitude(bits: rng.int(in: 1...5000))
            let k = n.ceilLog2
            #expect(n <= BigInt.powerOfTwo(k))
            if k > 0 { #expect(BigInt.powerOfTwo(k - 1) < n, "N = \(n)") }
        }
        for k in [0, 1, 62, 63, 64, 65, 127, 128, 1000, 4999] {
            let p = BigInt.powerOfTwo(k)
            #expect(p.ceilLog2 == k)
            #expect((p + 1).ceilLog2 == k + 1)
            if k > 1 { #expect((p - 1).ceilLog2 == k) }
        }
    }

    @Test("isAtLeastPowerOfTwo(b) for negative, zero and positive b")
    func atLeastPowerOfTwo() {
        var rng = SplitMix64(seed: 0xB17_0002)
        var values: [BigInt] = (0...70).map { BigInt($0) }
        values += [BigInt(Int.max), BigInt(Int.max) + 1, BigInt.powerOfTwo(64) - 1, BigInt.powerOfTwo(64)]
        values += (0..<40).map { _ in rng.magnitude(bits: rng.int(in: 1...300)) }
        for n in values {
            for b in [-1000, -64, -2, -1, 0, 1, 2, 3, 5, 6, 7, 62, 63, 64, 65, 100, 299, 300, 301, Int.max] {
                // N >= 2^b, decided with exact rationals.
                let expected: Bool
                if b == Int.max {
                    expected = false
                } else if b >= 0 {
                    expected = n >= BigInt.powerOfTwo(b)
                } else {
                    expected = n * BigInt.powerOfTwo(-b) >= 1
                }
                #expect(n.isAtLeastPowerOfTwo(b) == expected, "\(n) >= 2^\(b)")
            }
        }
    }

    /// N^q by repeated multiplication.
    static func power(_ n: BigInt, _ q: Int) -> BigInt {
        var result: BigInt = 1
        for _ in 0..<q { result *= n }
        return result
    }

    /// The sign of N^q - 2^p, for any integer p.
    static func referenceCompare(_ n: BigInt, _ p: Int, _ q: Int) -> Int {
        if p < 0 { return 1 } // N^q >= 1 > 2^p
        return BigInt.compare(power(n, q), BigInt.powerOfTwo(p))
    }

    @Test("compareLog2 against N^q vs 2^p for small N, p, q")
    func compareLog2Small() throws {
        for n in 1...40 {
            for q in 1...6 {
                for p in -10...40 {
                    let expected = Self.referenceCompare(BigInt(n), p, q)
                    #expect(
                        try BigInt(n).compareLog2(toNumerator: BigInt(p), denominator: BigInt(q)) == expected,
                        "log2 \(n) vs \(p)/\(q)")
                    // Through a (reduced) Rational bound.
                    #expect(try BigInt(n).compareLog2(to: try Rational(p, q)) == expected, "log2 \(n) vs \(p)/\(q)")
                }
            }
        }
    }

    @Test("compareLog2 equality cases: N = 2^k, N = 1, N^q = 2^p")
    func compareLog2Equality() throws {
        #expect(try BigInt(1).compareLog2(toNumerator: 0, denominator: 1) == 0)
        #expect(try BigInt(1).compareLog2(toNumerator: 0, denominator: 7) == 0)
        #expect(try BigInt(1).compareLog2(toNumerator: 1, denominator: 7) == -1)
        #expect(try BigInt(1).compareLog2(toNumerator: -1, denominator: 7) == 1)
        for k in [1, 2, 10, 62, 63, 64, 65, 200, 3000] {
            let n = BigInt.powerOfTwo(k)
            for q in [1, 2, 3, 7] {
                let p = BigInt(k * q)
                #expect(try n.compareLog2(toNumerator: p, denominator: BigInt(q)) == 0, "2^\(k) vs \(p)/\(q)")
                #expect(try n.compareLog2(toNumerator: p + 1, denominator: BigInt(q)) == -1)
                #expect(try n.compareLog2(toNumerator: p - 1, denominator: BigInt(q)) == 1)
            }
            #expect(try n.compareLog2(to: Rational(BigInt(k))) == 0)
        }
        // 8^(1/3)... log2 8 = 3 = 9/3: Rational reduces 9/3 to 3.
        #expect(try BigInt(8).compareLog2(to: try Rational(9, 3)) == 0)
        #expect(try BigInt(8).compareLog2(toNumerator: 9, denominator: 3) == 0)
    }

    @Test("compareLog2 for large N near the bound")
    func compareLog2Large() throws {
        var rng = SplitMix64(seed: 0xB17_0003)
        for _ in 0..<150 {
            let n = rng.magnitude(bits: rng.int(in: 2...400))
            let q = rng.int(in: 1...6)
            // p close to q * log2 N, where the bit lengths cannot decide.
            let p = q * (n.bitLength - 1) + rng.int(in: -2...(q + 2))
            let expected = Self.referenceCompare(n, p, q)
            #expect(try n.compareLog2(toNumerator: BigInt(p), denominator: BigInt(q)) == expected, "log2 \(n) vs \(p)/\(q)")
        }
        // Bounds far beyond Int, decided by bit lengths alone.
        let huge = BigInt.powerOfTwo(100)
        let n = rng.magnitude(bits: 500)
        #expect(try n.compareLog2(toNumerator: huge, denominator: 1) == -1)
        #expect(try n.compareLog2(toNumerator: -huge, denominator: 1) == 1)
        #expect(try n.compareLog2(toNumerator: 1, denominator: huge) == 1)
        #expect(try BigInt(3).compareLog2(toNumerator: huge, denominator: huge) == 1)
        #expect(try BigInt(3).compareLog2(toNumerator: huge * 2, denominator: huge) == -1)
    }
}

@Suite("Bit counts: size guard")
struct BitCountGuardTests {
    @Test("compareLog2 throws instead of computing an oversized power")
    func oversized() {
        // 3^q against 2^p with p/q between log2 3's bounds, so N^q would be computed.
        let q = BigInt.powerOfTwo(70)
        #expect(throws: ArithmeticError.resultTooLarge) {
            try BigInt(3).compareLog2(toNumerator: q + q / 2 + 1, denominator: q)
        }
        #expect(throws: ArithmeticError.resultTooLarge) {
            try BigInt(3).compareLog2(toNumerator: 1_000_001, denominator: 1_000_000, maximumBits: 1_000)
        }
        // Within the bound the same question is answered exactly.
        #expect((try? BigInt(3).compareLog2(toNumerator: 3, denominator: 2, maximumBits: 1_000)) == 1)
    }
}
