import Testing
@testable import ExactArithmetic
import TestSupport

/// BigInt's fused and repeated operations on random values from 0 to about 4000 bits
/// (the ring and order laws are in NumberLawsTests, generic over the number type).
@Suite("BigInt ring laws")
struct BigIntLawsTests {
    @Test("negate() equals prefix -")
    func negateInPlace() {
        var rng = SplitMix64(seed: 0xB16_0002)
        for _ in 0..<200 {
            let a = rng.sizedBigInt()
            var n = a
            n.negate()
            #expect(n == -a && n + a == 0)
        }
    }

    @Test("addProduct and subtractProduct equal += a*b and -= a*b")
    func fusedMultiplyAdd() {
        var rng = SplitMix64(seed: 0xB16_0005)
        for _ in 0..<400 {
            let s = rng.sizedBigInt(), a = rng.sizedBigInt(), b = rng.sizedBigInt()
            var x = s
            x.addProduct(a, b)
            var y = s
            y += a * b
            #expect(x == y)
            x = s
            x.subtractProduct(a, b)
            y = s
            y -= a * b
            #expect(x == y)
            // Self as an operand.
            x = s
            x.addProduct(x, b)
            #expect(x == s + s * b)
            x = s
            x.subtractProduct(x, x)
            #expect(x == s - s * s)
        }
        // Overflow of the product and of the sum on the Int fast path.
        let edge: [BigInt] = [BigInt(Int.max), BigInt(Int.min), BigInt(Int.max - 1), BigInt(1 << 32), BigInt(-(1 << 32)), 1, -1, 0]
        for s in edge {
            for a in edge {
                for b in edge {
                    var x = s
                    x.addProduct(a, b)
                    #expect(x == s + a * b)
                    var y = s
                    y.subtractProduct(a, b)
                    #expect(y == s - a * b)
                }
            }
        }
    }

    @Test("power equals repeated multiplication")
    func power() {
        var rng = SplitMix64(seed: 0xB16_0006)
        for _ in 0..<60 {
            let base = rng.sizedBigInt(maxBits: 300)
            var expected: BigInt = 1
            for k in 0...20 {
                #expect(base.power(k) == expected, "(\(base))^\(k)")
                expected *= base
            }
        }
        #expect(BigInt(0).power(0) == 1)
        #expect(BigInt(0).power(5) == 0)
        #expect(BigInt(-1).power(1001) == -1)
        #expect(BigInt(-1).power(1000) == 1)
        #expect(BigInt(2).power(100) == BigInt.powerOfTwo(100))
        #expect(BigInt(-2).power(63) == BigInt(Int.min))
        #expect(BigInt(-2).power(63).intValue == Int.min)
    }
}
