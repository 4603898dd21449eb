import Testing
@testable import ExactArithmetic

/// The mixed comparisons of RationalConvertible (BigInt vs Rational vs Dyadic) agree
/// with comparing the values as rationals.
@Suite("Cross-type comparisons")
struct CrossTypeComparisonTests {
    /// A value of one of the three types, with its rational value built independently.
    enum Value {
        case integer(BigInt)
        case rational(Rational)
        case dyadic(Dyadic)

        var reference: Rational {
            switch self {
            case .integer(let x): return try! Rational(numerator: x, denominator: 1)
            case .rational(let x): return x
            case .dyadic(let x): return referenceRational(x)
            }
        }
    }

    /// Values chosen so that many are equal across types.
    static func values() -> [Value] {
        var rng = SplitMix64(seed: 0xC7_0001)
        var result: [Value] = []
        for _ in 0..<14 {
            let n = rng.sizedBigInt(maxBits: 200)
            result.append(.integer(n))
            result.append(.rational(Rational(n)))
            result.append(.dyadic(Dyadic(n)))
            let d = rng.dyadic(maxBits: 200)
            result.append(.dyadic(d))
            result.append(.rational(d.rational))
            result.append(.rational(rng.rational(maxBits: 200)))
            result.append(.rational(d.rational + (try! Rational(1, 3))))
        }
        return result
    }

    static func checkAll<A: RationalConvertible, B: RationalConvertible>(_ a: A, _ b: B, _ ra: Rational, _ rb: Rational,
                                                                        sourceLocation: SourceLocation = #_sourceLocation) {
        let c = Rational.compare(ra, rb)
        #expect((a == b) == (c == 0), "\(a) == \(b)", sourceLocation: sourceLocation)
        #expect((a != b) == (c != 0), "\(a) != \(b)", sourceLocation: sourceLocation)
        #expect((a < b) == (c < 0), "\(a) < \(b)", sourceLocation: sourceLocation)
        #expect((a <= b) == (c <= 0), "\(a) <= \(b)", sourceLocation: sourceLocation)
        #expect((a > b) == (c > 0), "\(a) > \(b)", sourceLocation: sourceLocation)
        #expect((a >= b) == (c >= 0), "\(a) >= \(b)", sourceLocation: sourceLocation)
    }

    static func check<B: RationalConvertible>(_ a: Value, _ b: B, _ rb: Rational) {
        switch a {
        case .integer(let x): checkAll(x, b, a.reference, rb)
        case .rational(let x): checkAll(x, b, a.reference, rb)
        case .dyadic(let x): checkAll(x, b, a.reference, rb)
        }
    }

    @Test("==, !=, <, <=, >, >= across BigInt, Rational and Dyadic")
    func allPairs() {
        let values = Self.values()
        for a in values {
            for b in values {
                switch b {
                case .integer(let y): Self.check(a, y, b.reference)
                case .rational(let y): Self.check(a, y, b.reference)
                case .dyadic(let y): Self.check(a, y, b.reference)
                }
            }
        }
    }

    @Test("rationalValue is the exact value")
    func rationalValue() {
        for v in Self.values() {
            switch v {
            case .integer(let x): #expect(x.rationalValue == v.reference)
            case .rational(let x): #expect(x.rationalValue == v.reference)
            case .dyadic(let x): #expect(x.rationalValue == v.reference)
            }
        }
    }

    @Test("examples")
    func examples() throws {
        #expect(try BigInt(3) < Rational(7, 2))
        #expect(try Rational(7, 2) > BigInt(3))
        #expect(try BigInt(4) > Rational(7, 2))
        #expect(try Dyadic(mantissa: 7, exponent: 1) == Rational(7, 2))
        #expect(Dyadic(mantissa: 7, exponent: 1) != BigInt(3))
        #expect(BigInt(2) == Dyadic(2))
        #expect(BigInt(2) <= Dyadic(2) && BigInt(2) >= Dyadic(2))
        #expect(Dyadic.inversePowerOfTwo(600) > BigInt(0))
        #expect(try Dyadic.inversePowerOfTwo(600) < Rational(1, Int.max))
        #expect(BigInt.powerOfTwo(200) > Dyadic(mantissa: BigInt.powerOfTwo(200) - 1, exponent: 0))
    }
}
