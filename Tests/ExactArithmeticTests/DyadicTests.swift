import Testing
@testable import ExactArithmetic
import TestSupport

/// Dyadic numbers: ring laws, agreement with Rational, canonical form.
@Suite("Dyadic arithmetic")
struct DyadicTests {
    @Test("+, -, * agree with Rational and stay canonical")
    func agreementWithRational() {
        var rng = SplitMix64(seed: 0xD7_0001)
        for _ in 0..<400 {
            let x = rng.dyadic(), y = rng.dyadic()
            let rx = referenceRational(x), ry = referenceRational(y)
            let sum = x + y, difference = x - y, product = x * y
            for z in [sum, difference, product, -x] { expectCanonical(z) }
            #expect(referenceRational(sum) == rx + ry, "\(x) + \(y)")
            #expect(referenceRational(difference) == rx - ry, "\(x) - \(y)")
            #expect(referenceRational(product) == rx * ry, "\(x) * \(y)")
            #expect(referenceRational(-x) == -rx)
            #expect(x.rational == rx)
            #expect(Rational(x) == rx)
            #expect(Dyadic.compare(x, y) == Rational.compare(rx, ry))
            #expect((x < y) == (rx < ry))
            #expect((x == y) == (rx == ry))
        }
    }

    @Test("init(mantissa:exponent:) strips factors of two; a negative exponent multiplies")
    func canonicalConstruction() {
        var rng = SplitMix64(seed: 0xD7_0003)
        for _ in 0..<300 {
            let m = rng.sizedBigInt(maxBits: 500)
            let e = rng.int(in: -100...700)
            let x = Dyadic(mantissa: m, exponent: e)
            expectCanonical(x)
            #expect(referenceRational(x) == Rational(m) * rationalPowerOfTwo(-e), "\(m) / 2^\(e)")
            // Extra factors of two in the mantissa give the same canonical value.
            let k = rng.int(in: 0...100)
            let y = Dyadic(mantissa: m << k, exponent: e + k)
            #expect(y == x)
            #expect(y.mantissa == x.mantissa && y.exponent == x.exponent)
            #expect(y.hashValue == x.hashValue)
        }
        #expect(Dyadic(mantissa: 0, exponent: 50).exponent == 0)
        #expect(Dyadic(mantissa: 12, exponent: 3).mantissa == 3)
        #expect(Dyadic(mantissa: 12, exponent: 3).exponent == 1)
        #expect(Dyadic(mantissa: 12, exponent: 1).exponent == 0)
        #expect(Dyadic(mantissa: 12, exponent: 1).mantissa == 6)
        #expect(Dyadic(mantissa: 3, exponent: -2).mantissa == 12)
        #expect(Dyadic(mantissa: 3, exponent: -2).exponent == 0)
        #expect(Dyadic.inversePowerOfTwo(600).rational == rationalPowerOfTwo(-600))
    }

    @Test("Dyadic(exactly:) accepts exactly the rationals with a power-of-two denominator")
    func fromRational() throws {
        var rng = SplitMix64(seed: 0xD7_0004)
        for _ in 0..<300 {
            let x = rng.rational(maxBits: 300)
            let dyadic = x.denominator == BigInt.powerOfTwo(x.denominator.bitLength - 1)
            if dyadic {
                let d = try Dyadic(exactly: x)
                expectCanonical(d)
                #expect(d.rational == x)
            } else {
                #expect(throws: ArithmeticError.notDyadic) { try Dyadic(exactly: x) }
            }
        }
        for k in [0, 1, 63, 64, 600] {
            let x = try Rational(numerator: 5, denominator: BigInt.powerOfTwo(k))
            let d = try Dyadic(exactly: x)
            #expect(d.mantissa == 5 && d.exponent == k)
            #expect(throws: ArithmeticError.notDyadic) { try Dyadic(exactly: x / 3) }
        }
        #expect(try Dyadic(exactly: .zero) == .zero)
    }

    @Test("timesPowerOfTwo and mantissa(atExponent:)")
    func scaling() {
        var rng = SplitMix64(seed: 0xD7_0005)
        for _ in 0..<200 {
            let x = rng.dyadic()
            let k = rng.int(in: -600...600)
            let y = x.timesPowerOfTwo(k)
            expectCanonical(y)
            #expect(referenceRational(y) == referenceRational(x) * rationalPowerOfTwo(k))
            let e = x.exponent + rng.int(in: 0...200)
            let m = x.mantissa(atExponent: e)
            #expect(Rational(m) * rationalPowerOfTwo(-e) == referenceRational(x))
        }
    }

    @Test("description is the canonical rational form")
    func description() {
        var rng = SplitMix64(seed: 0xD7_0006)
        for _ in 0..<200 {
            let x = rng.dyadic()
            #expect(x.description == referenceRational(x).description)
        }
        #expect(Dyadic(mantissa: -3, exponent: 3).description == "-3/8")
        #expect(Dyadic(mantissa: 5, exponent: 0).description == "5")
        #expect(Dyadic.zero.description == "0")
    }
}
