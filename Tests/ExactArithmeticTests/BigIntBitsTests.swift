import Testing
@testable import ExactArithmetic
import TestSupport

/// Shifts, powers of two and bit counts of BigInt.
@Suite("BigInt shifts and bits")
struct BigIntBitsTests {
    static let shiftCounts = [0, 1, 2, 31, 32, 33, 62, 63, 64, 65, 127, 128, 129, 200, 1000, 4097]

    @Test("<< multiplies and >> floor-divides by 2^k, also for negatives")
    func shifts() {
        var rng = SplitMix64(seed: 0xB175_0001)
        for _ in 0..<150 {
            let a = rng.sizedBigInt()
            for k in Self.shiftCounts + [rng.int(in: 0...300)] {
                let p = BigInt.powerOfTwo(k)
                #expect(a << k == a * p, "\(a) << \(k)")
                #expect((a << k) >> k == a)
                let floorQuotient = a.flooredQuotientAndModulus(dividingBy: p).quotient
                #expect(a >> k == floorQuotient, "\(a) >> \(k)")
                var x = a
                x <<= k
                #expect(x == a << k)
                x = a
                x >>= k
                #expect(x == a >> k)
            }
        }
        // Arithmetic shift of negatives rounds toward -infinity.
        #expect(BigInt(-1) >> 1 == -1)
        #expect(BigInt(-1) >> 100 == -1)
        #expect(BigInt(-3) >> 1 == -2)
        #expect(BigInt(Int.min) >> 63 == -1)
        #expect(BigInt(Int.min) >> 64 == -1)
        #expect((-BigInt.powerOfTwo(200) - 1) >> 200 == -2)
        #expect((-BigInt.powerOfTwo(200)) >> 200 == -1)
        #expect(BigInt(0) << 10_000 == 0)
        #expect((BigInt(1) << 62).intValue == 1 << 62)
        #expect((BigInt(-1) << 63).intValue == Int.min)
        #expect((BigInt(1) << 63).intValue == nil)
    }

    @Test("powerOfTwo(k) is 2 multiplied k times")
    func powersOfTwo() {
        var expected: BigInt = 1
        for k in 0...300 {
            #expect(BigInt.powerOfTwo(k) == expected, "2^\(k)")
            expected *= 2
        }
    }

    @Test("bitLength: 2^(L-1) <= |x| < 2^L")
    func bitLength() {
        var rng = SplitMix64(seed: 0xB175_0002)
        #expect(BigInt.zero.bitLength == 0)
        for _ in 0..<400 {
            let a = rng.sizedBigInt()
            guard !a.isZero else { continue }
            let length = a.bitLength
            #expect(BigInt.powerOfTwo(length - 1) <= a.magnitude)
            #expect(a.magnitude < BigInt.powerOfTwo(length))
            #expect((-a).bitLength == length)
        }
        for bits in [1, 2, 63, 64, 65, 128, 129, 4000] {
            #expect(rng.bigInt(bits: bits).bitLength == bits)
        }
        #expect(BigInt(Int.min).bitLength == 64)
        #expect(BigInt(Int.max).bitLength == 63)
    }

    @Test("trailingZeroBitCount is the exponent of 2")
    func trailingZeros() {
        var rng = SplitMix64(seed: 0xB175_0003)
        #expect(BigInt.zero.trailingZeroBitCount == 0)
        for _ in 0..<300 {
            let odd = rng.sizedBigInt(maxBits: 1000) * 2 + 1
            let k = rng.int(in: 0...300)
            let a = odd << k
            #expect(a.trailingZeroBitCount == k, "\(a)")
            #expect((-a).trailingZeroBitCount == k)
            #expect(a.isMultiple(of: BigInt.powerOfTwo(k)))
            #expect(!a.isMultiple(of: BigInt.powerOfTwo(k + 1)))
        }
        #expect(BigInt(Int.min).trailingZeroBitCount == 63)
    }

    @Test("magnitudeNonzeroBitCount counts one bits of |x|")
    func populationCount() {
        var rng = SplitMix64(seed: 0xB175_0004)
        for _ in 0..<200 {
            let a = rng.sizedBigInt()
            // Reference: the one bits of 62-bit chunks, extracted by division.
            var rest = a.magnitude, expected = 0
            let chunk = BigInt.powerOfTwo(62)
            while !rest.isZero {
                let (q, r) = rest.quotientAndRemainder(dividingBy: chunk)
                expected += r.intValue!.nonzeroBitCount
                rest = q
            }
            #expect(a.magnitudeNonzeroBitCount == expected, "\(a)")
        }
        for k in [0, 1, 63, 64, 65, 1000] {
            #expect(BigInt.powerOfTwo(k).magnitudeNonzeroBitCount == 1)
            #expect((BigInt.powerOfTwo(k) - 1).magnitudeNonzeroBitCount == k)
            #expect((-BigInt.powerOfTwo(k)).magnitudeNonzeroBitCount == 1)
        }
        #expect(BigInt(Int.min).magnitudeNonzeroBitCount == 1)
    }

    @Test("isPowerOfTwo")
    func isPowerOfTwo() {
        var rng = SplitMix64(seed: 0xB175_0005)
        for k in [0, 1, 2, 62, 63, 64, 65, 500, 4000] {
            let p = BigInt.powerOfTwo(k)
            #expect(p.isPowerOfTwo)
            #expect(!(-p).isPowerOfTwo)
            if k >= 2 {
                #expect(!(p + 1).isPowerOfTwo)
                #expect(!(p - 1).isPowerOfTwo)
            }
            #expect(!(p * 3).isPowerOfTwo)
        }
        #expect(!BigInt.zero.isPowerOfTwo)
        #expect(!BigInt(Int.min).isPowerOfTwo)
        for _ in 0..<300 {
            let a = rng.sizedBigInt()
            let expected = a.signum > 0 && a == BigInt.powerOfTwo(a.bitLength - 1)
            #expect(a.isPowerOfTwo == expected)
        }
    }

    @Test("isOdd")
    func parity() {
        var rng = SplitMix64(seed: 0xB175_0006)
        for _ in 0..<300 {
            let a = rng.sizedBigInt()
            #expect(a.isOdd == !(a % 2).isZero)
            #expect((a * 2).isOdd == false)
            #expect((a * 2 + 1).isOdd)
        }
    }
}
