import Testing
@testable import ExactArithmetic
import TestSupport

/// BigInt and Rational against Swift's Int128 on values around the Int boundary,
/// where the inline representation is promoted to GMP and demoted back.
///
/// Results are compared through their decimal text: `String(Int128)` is Swift's own
/// formatting, and `BigInt.description` goes through GMP for large values, so the
/// comparison does not depend on BigInt's Int128 conversions (which are checked
/// separately).
@Suite("Agreement with Int and Int128 across the promotion boundary")
struct BoundaryTests {
    static let values = Boundary.withRandomInts(count: 24, seed: 0xB0_0001)

    /// Asserts that `result` equals `expected` and is inline exactly when it fits Int.
    static func check(
        _ result: BigInt, _ expected: Int128, _ what: @autoclosure () -> String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(result.description == String(expected), "\(what())", sourceLocation: sourceLocation)
        #expect(result.intValue == Int(exactly: expected), "canonical form of \(what())", sourceLocation: sourceLocation)
        #expect(result.int128Value == expected, "int128Value of \(what())", sourceLocation: sourceLocation)
    }

    @Test("the test values themselves convert exactly")
    func conversions() {
        for v in Self.values {
            Self.check(BigInt(v), v, "BigInt(\(v))")
        }
        #expect(BigInt(UInt64.max).description == "18446744073709551615")
        #expect(BigInt(UInt128.max).description == String(UInt128.max))
        #expect(BigInt(Int128.min).description == String(Int128.min))
        #expect(BigInt(Int128.max).description == String(Int128.max))
        #expect(BigInt(Int128.min).int128Value == Int128.min)
        #expect(BigInt(Int128.max).int128Value == Int128.max)
        #expect((BigInt(Int128.min) - 1).int128Value == nil)
        #expect((BigInt(Int128.max) + 1).int128Value == nil)
        #expect(BigInt(Int8.min).intValue == -128)
        #expect(BigInt(UInt(Int.max) + 1).intValue == nil)
        #expect(BigInt(exactly: UInt64.max) == BigInt(UInt64.max))
        #expect(Int(exactly: BigInt(Int.max)) == Int.max)
        #expect(Int(exactly: BigInt(Int.max) + 1) == nil)
    }

    @Test("+, -, * and the compound forms agree with Int128")
    func addSubtractMultiply() {
        for x in Self.values {
            for y in Self.values {
                let a = BigInt(x), b = BigInt(y)
                Self.check(a + b, x + y, "\(x) + \(y)")
                Self.check(a - b, x - y, "\(x) - \(y)")
                Self.check(a * b, x * y, "\(x) * \(y)")
                var c = a
                c += b
                Self.check(c, x + y, "\(x) += \(y)")
                c = a
                c -= b
                Self.check(c, x - y, "\(x) -= \(y)")
                c = a
                c *= b
                Self.check(c, x * y, "\(x) *= \(y)")
            }
        }
    }

    @Test("addProduct and subtractProduct agree with Int128")
    func fused() {
        let small: [Int128] = [0, 1, -1, 2, -3, Int128(Int.max), Int128(Int.min), 1 << 32, -(1 << 32) - 1]
        for s in Self.values {
            for x in small {
                for y in small {
                    var c = BigInt(s)
                    c.addProduct(BigInt(x), BigInt(y))
                    Self.check(c, s + x * y, "\(s) + \(x) * \(y)")
                    c = BigInt(s)
                    c.subtractProduct(BigInt(x), BigInt(y))
                    Self.check(c, s - x * y, "\(s) - \(x) * \(y)")
                }
            }
        }
    }

    @Test("both divisions agree with Int128")
    func divisions() {
        for x in Self.values {
            for y in Self.values where y != 0 {
                let a = BigInt(x), b = BigInt(y)
                let (q, r) = a.quotientAndRemainder(dividingBy: b)
                Self.check(q, x / y, "\(x) / \(y)")
                Self.check(r, x % y, "\(x) % \(y)")
                Self.check(a / b, x / y, "\(x) / \(y)")
                Self.check(a % b, x % y, "\(x) % \(y)")
                let (fq, fm) = a.flooredQuotientAndModulus(dividingBy: b)
                let (eq, em) = referenceFlooredDivision(x, y)
                Self.check(fq, eq, "\(x) floordiv \(y)")
                Self.check(fm, em, "\(x) floormod \(y)")
                #expect(a.isMultiple(of: b) == (x % y == 0))
                if x % y == 0 { Self.check(a.exactlyDivided(by: b), x / y, "\(x) exactly/ \(y)") }
            }
        }
    }

    @Test("negation, magnitude, signum and comparisons agree with Int128")
    func unaryAndComparisons() {
        for x in Self.values {
            let a = BigInt(x)
            Self.check(-a, -x, "-\(x)")
            var n = a
            n.negate()
            Self.check(n, -x, "negate \(x)")
            Self.check(a.magnitude, Int128(x.magnitude), "|\(x)|")
            #expect(a.signum == Int(x.signum()))
            #expect(a.isOdd == (x & 1 != 0))
            #expect(a.bitLength == Int128.bitWidth - x.magnitude.leadingZeroBitCount)
            #expect(a.trailingZeroBitCount == (x == 0 ? 0 : x.trailingZeroBitCount))
            #expect(a.magnitudeNonzeroBitCount == x.magnitude.nonzeroBitCount)
            for y in Self.values {
                let b = BigInt(y)
                #expect((a == b) == (x == y))
                #expect((a != b) == (x != y))
                #expect((a < b) == (x < y), "\(x) < \(y)")
                #expect((a <= b) == (x <= y))
                #expect((a > b) == (x > y))
                #expect((a >= b) == (x >= y))
                #expect(BigInt.compare(a, b) == (x < y ? -1 : (x == y ? 0 : 1)))
            }
        }
    }

    @Test("shifts agree with Int128")
    func shifts() {
        for x in Self.values {
            let a = BigInt(x)
            for k in [0, 1, 2, 31, 32, 33, 61, 62] {
                Self.check(a << k, x << k, "\(x) << \(k)")
            }
            for k in [0, 1, 2, 31, 32, 62, 63, 64, 65, 100, 127, 128, 300] {
                Self.check(a >> k, x >> k, "\(x) >> \(k)")
            }
        }
    }

    @Test("gcd agrees with Euclid on Int128")
    func gcd() {
        for x in Self.values {
            for y in Self.values {
                let g = BigInt.gcd(BigInt(x), BigInt(y))
                #expect(g.description == String(referenceGCD(x, y)), "gcd(\(x), \(y))")
                #expect(g.intValue == Int(exactly: referenceGCD(x, y)))
            }
        }
    }

    @Test("equal values built different ways are == and hash alike")
    func canonicalRepresentation() {
        let big = BigInt.powerOfTwo(200)
        for v in Self.values {
            let direct = BigInt(v)
            let viaLarge = (direct + big) - big
            let viaShift = (direct << 100) >> 100
            let viaProduct = (direct * big).exactlyDivided(by: big)
            let viaText = try! BigInt(parsing: String(v))
            let viaNegation = -(-direct)
            for other in [viaLarge, viaShift, viaProduct, viaText, viaNegation] {
                #expect(other == direct)
                #expect(other.hashValue == direct.hashValue)
                #expect(other.intValue == Int(exactly: v), "demoted after a GMP operation")
            }
        }
    }

    // MARK: Rational fast paths against the GMP path

    /// Rationals with word-sized parts at the edges of Int.
    static let rationals: [Rational] = {
        var result: [Rational] = []
        let numerators: [Int] = [0, 1, -1, 2, -3, Int.max, Int.min, Int.min + 1, 1 << 32, -(1 << 62), 3_037_000_499]
        let denominators: [Int] = [1, 2, 3, 6, Int.max, Int.max - 1, 1 << 32, 1 << 62, 3_037_000_500]
        for n in numerators {
            for d in denominators {
                result.append(try! Rational(n, d))
            }
        }
        return result
    }()

    @Test("Rational +, -, *, / and compare: word-sized fast path equals the GMP path")
    func rationalFastPaths() {
        let p = Rational(BigInt.powerOfTwo(300))
        for x in Self.rationals {
            for y in Self.rationals {
                let sum = x + y
                #expect(sum == (x + (y + p)) - p, "\(x) + \(y)")
                expectCanonical(sum)
                // The exact value, checked with BigInt cross-multiplication.
                #expect(
                    sum.numerator * x.denominator * y.denominator
                        == (x.numerator * y.denominator + y.numerator * x.denominator) * sum.denominator)

                let difference = x - y
                #expect(difference == (x - (y + p)) + p, "\(x) - \(y)")
                expectCanonical(difference)

                let product = x * y
                #expect(product == (x * (y * p)) / p, "\(x) * \(y)")
                expectCanonical(product)
                #expect(product.numerator * x.denominator * y.denominator == x.numerator * y.numerator * product.denominator)

                if !y.isZero {
                    let quotient = x / y
                    #expect(quotient == (x * p) / (y * p), "\(x) / \(y)")
                    expectCanonical(quotient)
                    #expect(quotient * y == x)
                }

                #expect(Rational.compare(x, y) == Rational.compare(x + p, y + p), "compare \(x), \(y)")
                #expect((x < y) == ((x - y).signum < 0))

                var c = x
                c += y
                #expect(c == sum)
                c = x
                c -= y
                #expect(c == difference)
                c = x
                c *= y
                #expect(c == product)
            }
        }
    }

    @Test("Rational(numerator:denominator:) on the 128-bit and GMP paths")
    func rationalConstruction() throws {
        let parts: [BigInt] =
            Boundary.int128Values.map(BigInt.init)
            + [
                BigInt.powerOfTwo(126) - 1, BigInt.powerOfTwo(126), -BigInt.powerOfTwo(126), BigInt.powerOfTwo(127),
                BigInt.powerOfTwo(130) * 3,
            ]
        for n in parts {
            for d in parts where !d.isZero {
                let r = try Rational(numerator: n, denominator: d)
                expectCanonical(r)
                #expect(r.numerator * d == n * r.denominator, "\(n)/\(d)")
                // Scaling by a common factor (forcing the GMP path) gives the same value.
                let k = BigInt.powerOfTwo(70) * 3
                #expect(try Rational(numerator: n * k, denominator: d * k) == r)
                #expect(try Rational(numerator: -n, denominator: -d) == r)
                #expect(try Rational(numerator: n, denominator: d).hashValue == r.hashValue)
            }
        }
    }
}
