import Testing
@testable import ExactArithmetic
import TestSupport

/// Rational beyond the generic field laws of NumberLawsTests: rounding, reciprocals,
/// construction, scaling by powers of two and tree sums.
@Suite("Rational field laws")
struct RationalLawsTests {
    @Test("divided(by:), negate() and isInteger")
    func divisionNegationAndIntegers() throws {
        var rng = SplitMix64(seed: 0x0_0002)
        for _ in 0..<200 {
            let a = rng.rational(), b = rng.rational()
            if !b.isZero { #expect(try a.divided(by: b) == a / b) }
            var x = a
            x.negate()
            #expect(x == -a)
            expectCanonical(x)
            #expect(a.signum == a.numerator.signum)
            #expect(a.isInteger == (a.denominator == 1))
        }
        #expect(throws: ArithmeticError.divisionByZero) { try Rational(3).divided(by: 0) }
    }

    @Test("floor <= x < floor + 1 and ceiling - 1 < x <= ceiling")
    func floorAndCeiling() {
        var rng = SplitMix64(seed: 0x0_0004)
        var values = (0..<300).map { _ in rng.rational() }
        values += [
            try! Rational(-1, 2), try! Rational(1, 2), try! Rational(-7, 2), try! Rational(Int.min, 3), try! Rational(Int.max, 2), 0, -5,
        ]
        for x in values {
            let f = Rational(x.floor), c = Rational(x.ceiling)
            #expect(f <= x && x < f + 1, "floor of \(x)")
            #expect(c - 1 < x && x <= c, "ceiling of \(x)")
            #expect((x.floor == x.ceiling) == x.isInteger)
            #expect(x.ceiling == -((-x).floor))
        }
    }

    @Test("reciprocal and division by zero")
    func reciprocal() throws {
        var rng = SplitMix64(seed: 0x0_0005)
        for _ in 0..<200 {
            let a = rng.nonzeroRational()
            let r = try a.reciprocal()
            expectCanonical(r)
            #expect(a * r == .one)
            #expect(r.signum == a.signum)
            #expect(try r.reciprocal() == a)
        }
        #expect(throws: ArithmeticError.divisionByZero) { try Rational.zero.reciprocal() }
        #expect(throws: ArithmeticError.divisionByZero) { try Rational(3).divided(by: .zero) }
        #expect(throws: ArithmeticError.divisionByZero) { try Rational.zero.divided(by: .zero) }
        #expect(try Rational(Int.min).reciprocal() == Rational(numerator: -1, denominator: -BigInt(Int.min)))
    }

    @Test("Rational(numerator:denominator:) reduces, normalises the sign, throws on zero")
    func construction() throws {
        var rng = SplitMix64(seed: 0x0_0006)
        for _ in 0..<300 {
            let n = rng.sizedBigInt(maxBits: 600), d = rng.nonzeroBigInt(maxBits: 600)
            let r = try Rational(numerator: n, denominator: d)
            expectCanonical(r)
            #expect(r.numerator * d == n * r.denominator, "\(n)/\(d)")
            let k = rng.nonzeroBigInt(maxBits: 300)
            #expect(try Rational(numerator: n * k, denominator: d * k) == r)
            #expect(try Rational(numerator: -n, denominator: -d) == r)
            #expect(throws: ArithmeticError.divisionByZero) { try Rational(numerator: n, denominator: 0) }
        }
        #expect(throws: ArithmeticError.divisionByZero) { try Rational(1, 0) }
        #expect(throws: ArithmeticError.divisionByZero) { try Rational(0, 0) }
        #expect(try Rational(2, 4).description == "1/2")
        #expect(try Rational(3, -6).description == "-1/2")
        #expect(try Rational(0, -6) == .zero)
        #expect(try Rational(0, -6).denominator == 1)
        #expect(try Rational(Int.min, Int.min) == .one)
        #expect(try Rational(Int.min, -1).numerator == -BigInt(Int.min))
        #expect(try Rational(1, Int.min).denominator == -BigInt(Int.min))
        #expect(try Rational(1, Int.min).numerator == -1)
    }

    @Test("timesPowerOfTwo(k) equals multiplication by 2^k")
    func timesPowerOfTwo() throws {
        var rng = SplitMix64(seed: 0x0_0007)
        for _ in 0..<200 {
            let a = rng.rational()
            for k in [0, 1, -1, 5, -5, 63, -63, 64, -64, rng.int(in: -700...700)] {
                let r = a.timesPowerOfTwo(k)
                expectCanonical(r)
                #expect(r == a * rationalPowerOfTwo(k), "\(a) * 2^\(k)")
            }
        }
        #expect(try Rational(3, 8).timesPowerOfTwo(3) == 3)
        #expect(try Rational(3, 8).timesPowerOfTwo(5) == 12)
        #expect(try Rational(12, 1).timesPowerOfTwo(-3) == Rational(3, 2))
    }

    @Test("Rational.sum (tree) equals a left fold", arguments: [0, 1, 2, 3, 4, 5, 7, 8, 9, 16, 31, 33, 100, 257])
    func treeSum(count: Int) {
        var rng = SplitMix64(seed: 0x0_0008 &+ UInt64(count))
        let terms = (0..<count).map { _ in rng.rational(maxBits: 200) }
        var fold = Rational.zero
        for t in terms { fold = fold + t }
        let sum = Rational.sum(terms)
        #expect(sum == fold)
        expectCanonical(sum)
        // Any sequence, and the terms are not consumed.
        #expect(Rational.sum(terms.reversed()) == fold)
        #expect(Rational.sum(terms.lazy.map { -$0 }) == -fold)
    }

    @Test("Rational.sum with cancellation and shared storage")
    func treeSumCancellation() {
        var rng = SplitMix64(seed: 0x0_0009)
        let terms = (0..<50).map { _ in rng.rational(maxBits: 800) }
        let snapshot = terms.map(\.description)
        #expect(Rational.sum(terms + terms.map { -$0 }) == .zero)
        #expect(Rational.sum(Array(repeating: terms[0], count: 13)) == terms[0] * 13)
        #expect(terms.map(\.description) == snapshot, "sum changed its input")
    }
}
