import Testing
@testable import ExactArithmetic
import TestSupport

/// DyadicAccumulator, Dyadic.sum and Dyadic.dotProduct against an exact Rational
/// tree sum of the same terms, on every path: 128-bit buckets, bucket overflow,
/// large mantissas (the remainder) and exponents beyond the buckets.
@Suite("DyadicAccumulator, Dyadic.sum and Dyadic.dotProduct")
struct DyadicAccumulatorTests {
    /// The exact value of sum a[i] * b[i], computed with Rational only.
    static func referenceDot(_ a: [Dyadic], _ b: [Dyadic]) -> Rational {
        Rational.sum(zip(a, b).map { referenceRational($0) * referenceRational($1) })
    }

    /// An odd mantissa within 2^20 of ±2^62.
    static func nearTwoToThe62(_ rng: inout SplitMix64, negative: Bool) -> BigInt {
        let m = (1 << 62) - 2 * rng.int(in: 0...(1 << 19)) - 1
        return BigInt(negative ? -m : m)
    }

    @Test("random sums and dot products of mixed sizes and exponents")
    func randomDotProducts() {
        var rng = SplitMix64(seed: 0xACC_0001)
        for length in [0, 1, 2, 3, 10, 50, 200] {
            for _ in 0..<4 {
                let a = (0..<length).map { _ in rng.dyadic(maxBits: 300) }
                let b = (0..<length).map { _ in rng.dyadic(maxBits: 300) }
                let dot = Dyadic.dotProduct(a, b)
                expectCanonical(dot)
                #expect(referenceRational(dot) == Self.referenceDot(a, b))
                let sum = Dyadic.sum(a)
                expectCanonical(sum)
                #expect(referenceRational(sum) == Rational.sum(a.map(referenceRational)))
            }
        }
    }

    @Test("interleaved add and addProduct, reading total in between")
    func interleaved() {
        var rng = SplitMix64(seed: 0xACC_0002)
        var accumulator = DyadicAccumulator()
        var reference = Rational.zero
        #expect(accumulator.total == .zero)
        for i in 0..<600 {
            let x = rng.dyadic(maxBits: 200), y = rng.dyadic(maxBits: 200)
            if rng.chance(1, in: 2) {
                accumulator.add(x)
                reference += referenceRational(x)
            } else {
                accumulator.addProduct(x, y)
                reference += referenceRational(x) * referenceRational(y)
            }
            if i % 50 == 0 {
                let total = accumulator.total
                expectCanonical(total)
                #expect(referenceRational(total) == reference)
            }
        }
        #expect(referenceRational(accumulator.total) == reference)
    }

    @Test("forced 128-bit bucket overflow: products near ±2^124 at one exponent")
    func bucketOverflow() {
        var rng = SplitMix64(seed: 0xACC_0003)
        // Mostly positive: the bucket (|value| < 2^127) overflows every ~8 terms.
        for (count, negativeOneIn) in [(1000, 0), (1000, 10), (777, 2)] {
            var a: [Dyadic] = [], b: [Dyadic] = []
            for _ in 0..<count {
                let negative = negativeOneIn > 0 && rng.chance(1, in: negativeOneIn)
                a.append(Dyadic(mantissa: Self.nearTwoToThe62(&rng, negative: negative), exponent: 3))
                b.append(Dyadic(mantissa: Self.nearTwoToThe62(&rng, negative: false), exponent: 4))
            }
            var accumulator = DyadicAccumulator()
            for (x, y) in zip(a, b) { accumulator.addProduct(x, y) }
            if negativeOneIn == 0 {
                #expect(!accumulator.remainder.isZero, "the overflow path was not exercised")
            }
            #expect(referenceRational(accumulator.total) == Self.referenceDot(a, b), "count \(count), negatives 1/\(negativeOneIn)")
            #expect(referenceRational(Dyadic.dotProduct(a, b)) == Self.referenceDot(a, b))
            // The same terms in reverse order overflow at different places.
            #expect(Dyadic.dotProduct(a.reversed(), b.reversed()) == Dyadic.dotProduct(a, b))
        }
    }

    @Test("bucket overflow in the negative direction and with Int.min mantissas")
    func extremeProducts() {
        let minInt = Dyadic(Int.min), maxInt = Dyadic(Int.max)
        let cases: [[(Dyadic, Dyadic)]] = [
            Array(repeating: (minInt, minInt), count: 9),                 // +2^126 each
            Array(repeating: (minInt, maxInt), count: 9),                 // about -2^126 each
            [(minInt, minInt), (minInt, minInt), (minInt, maxInt), (minInt, maxInt), (minInt, minInt)],
            (0..<40).map { i in i % 3 == 2 ? (minInt, maxInt) : (maxInt, maxInt) },
        ]
        for terms in cases {
            let a = terms.map(\.0), b = terms.map(\.1)
            let dot = Dyadic.dotProduct(a, b)
            expectCanonical(dot)
            #expect(referenceRational(dot) == Self.referenceDot(a, b))
        }
        var accumulator = DyadicAccumulator()
        accumulator.addProduct(minInt, minInt)
        accumulator.addProduct(minInt, minInt)
        #expect(!accumulator.remainder.isZero, "2^127 must spill")
        #expect(accumulator.total == Dyadic(BigInt.powerOfTwo(127)))
    }

    @Test("large mantissas go to the remainder")
    func largeMantissas() {
        var rng = SplitMix64(seed: 0xACC_0004)
        var a: [Dyadic] = [], b: [Dyadic] = []
        for _ in 0..<100 {
            a.append(Dyadic(mantissa: rng.bigInt(bits: rng.int(in: 1...600)), exponent: rng.int(in: 0...100)))
            b.append(Dyadic(mantissa: rng.bigInt(bits: rng.int(in: 1...600)), exponent: rng.int(in: 0...100)))
        }
        #expect(referenceRational(Dyadic.dotProduct(a, b)) == Self.referenceDot(a, b))
        #expect(referenceRational(Dyadic.sum(a + b)) == Rational.sum((a + b).map(referenceRational)))
    }

    @Test("exponents at and beyond the bucket count (512)")
    func largeExponents() {
        var rng = SplitMix64(seed: 0xACC_0005)
        for _ in 0..<20 {
            var a: [Dyadic] = [], b: [Dyadic] = []
            for _ in 0..<30 {
                let e1 = rng.element(of: [0, 1, 255, 256, 300, 511, 512, 513, 1000])
                let e2 = rng.element(of: [0, 1, 255, 256, 300, 511, 512, 513])
                a.append(Dyadic(mantissa: rng.bigInt(bits: rng.int(in: 1...62)) * 2 + 1, exponent: e1))
                b.append(Dyadic(mantissa: rng.bigInt(bits: rng.int(in: 1...62)) * 2 + 1, exponent: e2))
            }
            let dot = Dyadic.dotProduct(a, b)
            expectCanonical(dot)
            #expect(referenceRational(dot) == Self.referenceDot(a, b))
            let sum = Dyadic.sum(a)
            expectCanonical(sum)
            #expect(referenceRational(sum) == Rational.sum(a.map(referenceRational)))
        }
        #expect(Dyadic.sum([.inversePowerOfTwo(511), .inversePowerOfTwo(511)]) == .inversePowerOfTwo(510))
        #expect(Dyadic.sum([.inversePowerOfTwo(512), .inversePowerOfTwo(512)]) == .inversePowerOfTwo(511))
        #expect(Dyadic.sum([.inversePowerOfTwo(600), 1]).exponent == 600)
    }

    @Test("mixed signs cancelling to zero give the canonical zero")
    func cancellation() {
        var rng = SplitMix64(seed: 0xACC_0006)
        for _ in 0..<20 {
            let x = (0..<60).map { _ in rng.dyadic(maxBits: 200) }
            let y = (0..<60).map { _ in rng.dyadic(maxBits: 200) }
            // sum x + sum(-x), in shuffled order.
            var terms = x + x.map { -$0 }
            terms.shuffle(using: &rng)
            let sum = Dyadic.sum(terms)
            #expect(sum == .zero)
            #expect(sum.exponent == 0 && sum.mantissa == 0)
            // x·y + (-x)·y.
            let dot = Dyadic.dotProduct(x + x.map { -$0 }, y + y)
            #expect(dot == .zero)
            #expect(dot.exponent == 0)
        }
        // Cancellation within one bucket leaving an even mantissa at a high exponent.
        let s = Dyadic.sum([Dyadic(mantissa: 3, exponent: 10), Dyadic(mantissa: 1, exponent: 10), Dyadic(mantissa: 1, exponent: 1)])
        #expect(s == Dyadic(mantissa: 129, exponent: 8))
        expectCanonical(s)
    }
}
