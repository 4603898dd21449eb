import Testing
@testable import ExactArithmetic
import TestSupport

/// Hashable: equal values reached by different computations hash alike, so a Set
/// keeps exactly one of them.
@Suite("Hashable")
struct HashingTests {
    @Test("a Set of BigInts computed different ways deduplicates")
    func bigIntSet() {
        var rng = SplitMix64(seed: 0x4A_0001)
        let base = (0..<40).map { _ in rng.sizedBigInt(maxBits: 1000) } + Boundary.int128Values.map(BigInt.init)
        let p = BigInt.powerOfTwo(300)
        var set = Set<BigInt>()
        for x in base {
            set.insert(x)
            set.insert((x + p) - p)
            set.insert((x * 3).exactlyDivided(by: 3))
            set.insert((x << 70) >> 70)
            set.insert(-(-x))
            set.insert(try! BigInt(parsing: x.description))
            set.insert(try! BigInt(hex: x.hexString))
            var y = x
            y.addProduct(p, p)
            y.subtractProduct(p, p)
            set.insert(y)
        }
        #expect(set.count == Set(base.map(\.description)).count)
        for x in base { #expect(set.contains((x - p) + p)) }
    }

    @Test("a Set of Rationals computed different ways deduplicates")
    func rationalSet() throws {
        var rng = SplitMix64(seed: 0x4A_0002)
        let base = (0..<60).map { _ in rng.rational(maxBits: 500) }
        let p = Rational(BigInt.powerOfTwo(200))
        var set = Set<Rational>()
        for x in base {
            set.insert(x)
            set.insert((x + p) - p)
            set.insert((x * p) / p)
            set.insert(try Rational(numerator: x.numerator * 6, denominator: x.denominator * 6))
            set.insert(try Rational(numerator: -x.numerator, denominator: -x.denominator))
            set.insert(x.timesPowerOfTwo(65).timesPowerOfTwo(-65))
            set.insert(Rational.sum([x, p, -p]))
        }
        #expect(set.count == Set(base.map(\.description)).count)
        // Small rationals from different constructors.
        let halves: Set<Rational> = [
            try Rational(1, 2), try Rational(2, 4), try Rational(-3, -6),
            try Rational(numerator: BigInt.powerOfTwo(99), denominator: BigInt.powerOfTwo(100)),
            Rational.one / 2, Dyadic.inversePowerOfTwo(1).rational,
        ]
        #expect(halves.count == 1)
    }

    @Test("a Set of Dyadics computed different ways deduplicates")
    func dyadicSet() {
        var rng = SplitMix64(seed: 0x4A_0003)
        let base = (0..<60).map { _ in rng.dyadic(maxBits: 500) }
        var set = Set<Dyadic>()
        for x in base {
            set.insert(x)
            set.insert(Dyadic(mantissa: x.mantissa << 40, exponent: x.exponent + 40))
            set.insert(x.timesPowerOfTwo(600).timesPowerOfTwo(-600))
            set.insert((x + 1) - 1)
            set.insert(x + .inversePowerOfTwo(700) - Dyadic.inversePowerOfTwo(700))
            set.insert(try! Dyadic(exactly: x.rational))
        }
        #expect(set.count == Set(base.map(\.description)).count)
    }
}
