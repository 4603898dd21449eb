import Testing
@testable import ExactArithmetic
import TestSupport

/// parse(description) == value for random values, and description(parse(s)) == s for
/// random canonical strings.
@Suite("Text round trips")
struct TextRoundTripTests {
    @Test("BigInt: decimal and hexadecimal round trips")
    func bigInt() throws {
        var rng = SplitMix64(seed: 0x7E_0001)
        for _ in 0..<400 {
            let a = rng.sizedBigInt()
            #expect(try BigInt(parsing: a.description) == a)
            #expect(BigInt(a.description) == a)
            #expect(try BigInt(hex: a.hexString) == a)
            #expect(a.text(radix: 10) == a.description)
            #expect(a.text(radix: 16) == a.hexString)
            #expect(a.hexString.hasPrefix("-") == (a.signum < 0))
        }
    }

    @Test("BigInt: hexString digits are the base-16 expansion")
    func hexDigits() {
        var rng = SplitMix64(seed: 0x7E_0002)
        let digits = Array("0123456789abcdef")
        for _ in 0..<100 {
            let a = rng.sizedBigInt(maxBits: 1000)
            // Reference: repeated division by 16.
            var rest = a.magnitude, expected = ""
            repeat {
                let (q, r) = rest.quotientAndRemainder(dividingBy: 16)
                expected.insert(digits[r.intValue!], at: expected.startIndex)
                rest = q
            } while !rest.isZero
            if a.signum < 0 { expected = "-" + expected }
            #expect(a.hexString == expected)
        }
    }

    /// A random canonical integer numeral: 0, or `-?[1-9][0-9]*`.
    static func canonicalInteger(_ rng: inout SplitMix64, maxDigits: Int) -> String {
        if rng.chance(1, in: 20) { return "0" }
        let count = rng.int(in: 1...maxDigits)
        var text = rng.chance(1, in: 2) ? "-" : ""
        text.append(Character(String(rng.int(in: 1...9))))
        for _ in 1..<count { text.append(Character(String(rng.int(in: 0...9)))) }
        return text
    }

    @Test("every canonical integer numeral is accepted and printed back unchanged")
    func integerStrings() throws {
        var rng = SplitMix64(seed: 0x7E_0003)
        for _ in 0..<500 {
            let text = Self.canonicalInteger(&rng, maxDigits: rng.element(of: [3, 19, 20, 40, 1200]))
            #expect(try BigInt(parsing: text).description == text)
            #expect(try Rational(parsing: text).description == text)
            #expect(try Dyadic(parsing: text).description == text)
        }
    }

    @Test("n/d is accepted exactly when it is in lowest terms with d >= 2")
    func fractionStrings() throws {
        var rng = SplitMix64(seed: 0x7E_0004)
        for _ in 0..<500 {
            let n = Self.canonicalInteger(&rng, maxDigits: rng.element(of: [1, 2, 19, 40, 300]))
            var d = Self.canonicalInteger(&rng, maxDigits: rng.element(of: [1, 2, 19, 40, 300]))
            if d.hasPrefix("-") { d.removeFirst() }
            let text = n + "/" + d
            let numerator = try BigInt(parsing: n), denominator = try BigInt(parsing: d)
            let canonical = !numerator.isZero && denominator > 1 && BigInt.gcd(numerator, denominator) == 1
            if canonical {
                let value = try Rational(parsing: text)
                #expect(value.description == text)
                #expect(value.numerator == numerator && value.denominator == denominator)
            } else {
                #expect(throws: NumberSyntaxError.self) { try Rational(parsing: text) }
            }
        }
    }

    @Test("Rational and Dyadic: parse(description) == value")
    func rationalAndDyadic() throws {
        var rng = SplitMix64(seed: 0x7E_0005)
        for _ in 0..<400 {
            let x = rng.rational()
            #expect(try Rational(parsing: x.description) == x)
            #expect(Rational(x.description) == x)
            let d = rng.dyadic()
            #expect(try Dyadic(parsing: d.description) == d)
            #expect(Dyadic(d.description) == d)
            #expect(try Rational(parsing: d.description) == d.rational)
        }
    }

    @Test("decimalText rounds half away from zero")
    func decimalText() throws {
        // Reference values worked out by hand.
        let cases: [(Int, Int, Int, String)] = [
            (1, 3, 3, "0.333"), (2, 3, 3, "0.667"), (-2, 3, 3, "-0.667"), (1, 2, 0, "1"), (-1, 2, 0, "-1"),
            (3, 2, 0, "2"), (5, 2, 0, "3"), (1, 8, 2, "0.13"), (-1, 8, 2, "-0.13"), (1, 16, 3, "0.063"),
            (-1, 3000, 3, "0.000"), (1, 1, 5, "1.00000"), (0, 1, 2, "0.00"), (123, 1, 0, "123"), (-7, 1, 1, "-7.0"),
            (999, 1000, 2, "1.00"), (-999, 1000, 2, "-1.00"), (1, 7, 10, "0.1428571429"),
        ]
        for (n, d, k, expected) in cases {
            #expect(try Rational(n, d).decimalText(fractionDigits: k) == expected, "\(n)/\(d) to \(k) digits")
        }
    }

    @Test("hexDigestText")
    func hexDigest() throws {
        #expect(Rational.zero.hexDigestText == "0/1")
        #expect(try Rational(-255, 16).hexDigestText == "-ff/10")
        #expect(Rational(BigInt.powerOfTwo(64)).hexDigestText == "10000000000000000/1")
    }
}
