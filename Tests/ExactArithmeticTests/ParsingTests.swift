import Foundation
import Testing
@testable import ExactArithmetic
import TestSupport

/// The strict canonical syntax: what `BigInt(parsing:)`, `Rational(parsing:)`,
/// `Dyadic(parsing:)` and `BigInt(hex:)` accept, and for everything else the exact
/// reason and 1-based position.
///
/// Positions count Unicode scalars (equivalently, for text whose earlier characters
/// are all ASCII, UTF-8 bytes): a combining mark after a digit is reported at its own
/// position, one past the digit it attaches to, although Swift's `Character` view
/// counts the two as one character.
@Suite("Parsing")
struct ParsingTests {
    typealias Reason = NumberSyntaxError.Reason

    enum Outcome: Sendable {
        /// Accepted, with value numerator / denominator (Swift's own Int128 parsing is
        /// not involved: the parts are literals).
        case value(Int128, Int128 = 1)
        /// Rejected with this reason at this 1-based position.
        case error(Reason, Int)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let input: String
        let integer: Outcome
        let rational: Outcome
        let dyadic: Outcome

        init(_ input: String, _ all: Outcome) {
            self.init(input, integer: all, rational: all, dyadic: all)
        }

        init(_ input: String, integer: Outcome, rational: Outcome, dyadic: Outcome? = nil) {
            self.input = input
            self.integer = integer
            self.rational = rational
            self.dyadic = dyadic ?? rational
        }

        var testDescription: String {
            input.unicodeScalars.count > 60 ? "\(input.prefix(20))... (\(input.utf8.count) bytes)" : input.debugDescription
        }
    }

    static func unexpected(_ scalar: Unicode.Scalar, at position: Int) -> Outcome {
        .error(.unexpectedCharacter(scalar), position)
    }

    static let cases: [Case] = [
        // Accepted integers.
        Case("0", .value(0)),
        Case("7", .value(7)),
        Case("-1", .value(-1)),
        Case("10", .value(10)),
        Case("9223372036854775807", .value(9_223_372_036_854_775_807)),
        Case("-9223372036854775808", .value(-9_223_372_036_854_775_808)),
        Case("9223372036854775808", .value(9_223_372_036_854_775_808)),
        Case("-9223372036854775809", .value(-9_223_372_036_854_775_809)),
        Case("18446744073709551616", .value(18_446_744_073_709_551_616)),
        Case("-170141183460469231731687303715884105728", .value(Int128.min)),
        // Accepted fractions.
        Case("-1/2", integer: .error(.notAnInteger, 3), rational: .value(-1, 2)),
        Case("3/8", integer: .error(.notAnInteger, 2), rational: .value(3, 8)),
        Case("1/3", integer: .error(.notAnInteger, 2), rational: .value(1, 3), dyadic: .error(.notDyadic, 3)),
        Case("-5/12", integer: .error(.notAnInteger, 3), rational: .value(-5, 12), dyadic: .error(.notDyadic, 4)),
        Case("10/9", integer: .error(.notAnInteger, 3), rational: .value(10, 9), dyadic: .error(.notDyadic, 4)),
        Case("1/9223372036854775808", integer: .error(.notAnInteger, 2), rational: .value(1, 9_223_372_036_854_775_808)),
        Case(
            "9223372036854775807/9223372036854775806", integer: .error(.notAnInteger, 20),
            rational: .value(9_223_372_036_854_775_807, 9_223_372_036_854_775_806), dyadic: .error(.notDyadic, 21)),
        // Empty, whitespace, signs.
        Case("", .error(.empty, 1)),
        Case(" 1", unexpected(" ", at: 1)),
        Case("1 ", unexpected(" ", at: 2)),
        Case("\t1", unexpected("\t", at: 1)),
        Case("1\n", unexpected("\n", at: 2)),
        Case("1\r\n", unexpected("\r", at: 2)),
        Case("+1", .error(.plusSign, 1)),
        Case("+0", .error(.plusSign, 1)),
        Case("-0", .error(.negativeZero, 1)),
        Case("-", .error(.missingDigits, 2)),
        Case("--", unexpected("-", at: 2)),
        Case("-----", unexpected("-", at: 2)),
        Case("--1", unexpected("-", at: 2)),
        Case("-+1", unexpected("+", at: 2)),
        Case("1-", unexpected("-", at: 2)),
        // Leading zeros.
        Case("007", .error(.leadingZero, 1)),
        Case("00", .error(.leadingZero, 1)),
        Case("01", .error(.leadingZero, 1)),
        Case("-007", .error(.leadingZero, 2)),
        Case("-00", .error(.leadingZero, 2)),
        // Other notations.
        Case("0.5", unexpected(".", at: 2)),
        Case(".5", unexpected(".", at: 1)),
        Case("1.", unexpected(".", at: 2)),
        Case("1e5", unexpected("e", at: 2)),
        Case("1E5", unexpected("E", at: 2)),
        Case("0x10", unexpected("x", at: 2)),
        Case("1_000", unexpected("_", at: 2)),
        Case("1,000", unexpected(",", at: 2)),
        Case("Infinity", unexpected("I", at: 1)),
        Case("NaN", unexpected("N", at: 1)),
        Case("12a", unexpected("a", at: 3)),
        // Fractions that are not canonical.
        Case("1//2", integer: .error(.notAnInteger, 2), rational: unexpected("/", at: 3)),
        Case("1/2/3", integer: .error(.notAnInteger, 2), rational: unexpected("/", at: 4)),
        Case("/2", unexpected("/", at: 1)),
        Case("/", unexpected("/", at: 1)),
        Case("1/", integer: .error(.notAnInteger, 2), rational: .error(.missingDigits, 3)),
        Case("-/2", unexpected("/", at: 2)),
        Case("2/4", integer: .error(.notAnInteger, 2), rational: .error(.notInLowestTerms(canonical: "1/2"), 2)),
        Case("-2/4", integer: .error(.notAnInteger, 3), rational: .error(.notInLowestTerms(canonical: "-1/2"), 3)),
        Case("6/4", integer: .error(.notAnInteger, 2), rational: .error(.notInLowestTerms(canonical: "3/2"), 2)),
        Case("4/2", integer: .error(.notAnInteger, 2), rational: .error(.notInLowestTerms(canonical: "2"), 2)),
        Case("-12/18", integer: .error(.notAnInteger, 4), rational: .error(.notInLowestTerms(canonical: "-2/3"), 4)),
        Case("1/0", integer: .error(.notAnInteger, 2), rational: .error(.zeroDenominator, 3)),
        Case("0/0", integer: .error(.notAnInteger, 2), rational: .error(.zeroDenominator, 3)),
        Case("3/1", integer: .error(.notAnInteger, 2), rational: .error(.unitDenominator, 3)),
        Case("0/5", integer: .error(.notAnInteger, 2), rational: .error(.zeroNumerator, 1)),
        Case("-0/5", .error(.negativeZero, 1)),
        Case("1/-2", integer: .error(.notAnInteger, 2), rational: unexpected("-", at: 3)),
        Case("1/+2", integer: .error(.notAnInteger, 2), rational: unexpected("+", at: 3)),
        Case("1/02", integer: .error(.notAnInteger, 2), rational: .error(.leadingZero, 3)),
        Case("1/00", integer: .error(.notAnInteger, 2), rational: .error(.leadingZero, 3)),
        Case("1/ 2", integer: .error(.notAnInteger, 2), rational: unexpected(" ", at: 3)),
        Case("1 /2", unexpected(" ", at: 2)),
        Case("1/2 ", integer: .error(.notAnInteger, 2), rational: unexpected(" ", at: 4)),
        Case("1/2.0", integer: .error(.notAnInteger, 2), rational: unexpected(".", at: 4)),
        // Unicode: digits of other scripts, emoji, control and format characters.
        Case("\u{FF11}", unexpected("\u{FF11}", at: 1)), // fullwidth 1
        Case("1\u{FF10}", unexpected("\u{FF10}", at: 2)), // 1 + fullwidth 0
        Case("\u{0661}\u{0662}", unexpected("\u{0661}", at: 1)), // Arabic-Indic 12
        Case("\u{0967}", unexpected("\u{0967}", at: 1)), // Devanagari 1
        Case("\u{2212}1", unexpected("\u{2212}", at: 1)), // minus sign
        Case("\u{1F600}", unexpected("\u{1F600}", at: 1)), // emoji
        Case("1\u{1F600}", unexpected("\u{1F600}", at: 2)),
        Case("\u{1F44D}\u{1F3FD}", unexpected("\u{1F44D}", at: 1)), // emoji + skin tone
        Case("1\u{FE0F}\u{20E3}", unexpected("\u{FE0F}", at: 2)), // keycap 1
        Case("1\u{0}", unexpected("\u{0}", at: 2)), // NUL byte
        Case("\u{0}", unexpected("\u{0}", at: 1)),
        Case("1\u{0}2", unexpected("\u{0}", at: 2)),
        Case("1\u{301}", unexpected("\u{301}", at: 2)), // combining acute
        Case("\u{301}1", unexpected("\u{301}", at: 1)),
        Case("12\u{336}3", unexpected("\u{336}", at: 3)), // combining stroke
        Case("1\u{200F}", unexpected("\u{200F}", at: 2)), // right-to-left mark
        Case("\u{200F}1", unexpected("\u{200F}", at: 1)),
        Case("\u{202E}12", unexpected("\u{202E}", at: 1)), // RTL override
        Case("1\u{200D}", unexpected("\u{200D}", at: 2)), // zero-width joiner
        Case("\u{FEFF}1", unexpected("\u{FEFF}", at: 1)), // byte order mark
        Case("1\u{A0}000", unexpected("\u{A0}", at: 2)), // no-break space
        Case("1/\u{FF12}", integer: .error(.notAnInteger, 2), rational: unexpected("\u{FF12}", at: 3)),
        Case("1/2\u{200F}", integer: .error(.notAnInteger, 2), rational: unexpected("\u{200F}", at: 4)),
    ]

    static func expect(
        _ outcome: Outcome, input: String, kind: String, decimal: Bool = true,
        parse: (String) throws(NumberSyntaxError) -> Rational,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        do {
            let value = try parse(input)
            switch outcome {
            case .value(let n, let d):
                let expected = try! Rational(numerator: BigInt(n), denominator: BigInt(d))
                #expect(value == expected, "\(kind) of \(input.debugDescription)", sourceLocation: sourceLocation)
                if decimal { #expect(value.description == input, "accepted text is canonical", sourceLocation: sourceLocation) }
            case .error(let reason, let position):
                Issue.record(
                    "\(kind) accepted \(input.debugDescription) as \(value); expected \(reason) at \(position)",
                    sourceLocation: sourceLocation)
            }
        } catch {
            switch outcome {
            case .value:
                Issue.record("\(kind) rejected \(input.debugDescription): \(error)", sourceLocation: sourceLocation)
            case .error(let reason, let position):
                #expect(error.reason == reason, "\(kind) of \(input.debugDescription): \(error)", sourceLocation: sourceLocation)
                #expect(error.position == position, "\(kind) of \(input.debugDescription): \(error)", sourceLocation: sourceLocation)
                #expect(!error.description.isEmpty)
            }
        }
    }

    @Test("accept/reject table", arguments: cases)
    func table(_ c: Case) {
        Self.expect(c.integer, input: c.input, kind: "BigInt") { text throws(NumberSyntaxError) in Rational(try BigInt(parsing: text)) }
        Self.expect(c.rational, input: c.input, kind: "Rational") { text throws(NumberSyntaxError) in try Rational(parsing: text) }
        Self.expect(c.dyadic, input: c.input, kind: "Dyadic") { text throws(NumberSyntaxError) in try Dyadic(parsing: text).rational }
        // The LosslessStringConvertible initialisers agree.
        if case .value = c.integer { #expect(BigInt(c.input) != nil) } else { #expect(BigInt(c.input) == nil) }
        if case .value = c.rational { #expect(Rational(c.input) != nil) } else { #expect(Rational(c.input) == nil) }
        if case .value = c.dyadic { #expect(Dyadic(c.input) != nil) } else { #expect(Dyadic(c.input) == nil) }
    }

    struct HexCase: Sendable, CustomTestStringConvertible {
        let input: String
        let outcome: Outcome
        init(_ input: String, _ outcome: Outcome) {
            self.input = input
            self.outcome = outcome
        }
        var testDescription: String { input.debugDescription }
    }

    static let hexCases: [HexCase] = [
        HexCase("0", .value(0)),
        HexCase("f", .value(15)),
        HexCase("ff", .value(255)),
        HexCase("-1a", .value(-26)),
        HexCase("abcdef", .value(0xABCDEF)),
        HexCase("7fffffffffffffff", .value(Int128(Int.max))),
        HexCase("-8000000000000000", .value(Int128(Int.min))),
        HexCase("8000000000000000", .value(Int128(Int.max) + 1)),
        HexCase("ffffffffffffffff", .value(Int128(UInt64.max))),
        HexCase("10000000000000000", .value(Int128(UInt64.max) + 1)),
        HexCase("-80000000000000000000000000000000", .value(Int128.min)),
        HexCase("", .error(.empty, 1)),
        HexCase("FF", unexpected("F", at: 1)),
        HexCase("fF", unexpected("F", at: 2)),
        HexCase("0x10", unexpected("x", at: 2)),
        HexCase("g", unexpected("g", at: 1)),
        HexCase("00", .error(.leadingZero, 1)),
        HexCase("0f", .error(.leadingZero, 1)),
        HexCase("-0", .error(.negativeZero, 1)),
        HexCase("+f", .error(.plusSign, 1)),
        HexCase("-", .error(.missingDigits, 2)),
        HexCase(" f", unexpected(" ", at: 1)),
        HexCase("f ", unexpected(" ", at: 2)),
        HexCase("f/2", unexpected("/", at: 2)),
        HexCase("\u{FF46}", unexpected("\u{FF46}", at: 1)), // fullwidth f
        HexCase("a\u{0}", unexpected("\u{0}", at: 2)),
    ]

    @Test("BigInt(hex:) accept/reject table", arguments: hexCases)
    func hexTable(_ c: HexCase) {
        Self.expect(c.outcome, input: c.input, kind: "BigInt(hex:)", decimal: false) { text throws(NumberSyntaxError) in
            let value = try BigInt(hex: text)
            #expect(value.hexString == text, "hexString is the canonical hexadecimal form")
            return Rational(value)
        }
    }

    // MARK: Long inputs and the digit limit

    /// A random numeral with `count` digits and a nonzero first digit.
    static func randomDigits(_ count: Int, seed: UInt64) -> String {
        var rng = SplitMix64(seed: seed)
        var bytes = [UInt8](repeating: 0, count: count)
        for i in 0..<count { bytes[i] = UInt8(ascii: "0") + UInt8(rng.int(in: 0...9)) }
        bytes[0] = UInt8(ascii: "1") + UInt8(rng.int(in: 0...8))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The value of a decimal numeral by Horner's rule on 18-digit chunks, with Swift's
    /// `Int` parsing for the chunks: independent of the parser and of mpz_set_str.
    static func hornerValue(_ digits: String) -> BigInt {
        let bytes = Array(digits.utf8)
        var value = BigInt.zero
        var i = 0
        while i < bytes.count {
            let end = min(i + 18, bytes.count)
            let chunk = Int(String(decoding: bytes[i..<end], as: UTF8.self))!
            value = value * BigInt(10).power(end - i) + BigInt(chunk)
            i = end
        }
        return value
    }

    @Test("the digit limit: 10,000 digits pass, 10,001 fail at the first excess digit")
    func digitLimitEdge() throws {
        let exactly = Self.randomDigits(10_000, seed: 1)
        #expect(try BigInt(parsing: exactly).description == exactly)
        #expect(try BigInt(parsing: "-" + exactly).description == "-" + exactly)
        let over = exactly + "7"
        #expect(throws: NumberSyntaxError(.tooManyDigits(limit: 10_000), position: 10_001, in: over)) { try BigInt(parsing: over) }
        #expect(throws: NumberSyntaxError(.tooManyDigits(limit: 10_000), position: 10_002, in: "-" + over)) {
            try BigInt(parsing: "-" + over)
        }
        // The limit counts numerator and denominator digits together.
        let half = Self.randomDigits(5_000, seed: 2)
        let fraction = half + "/" + half
        let error = #expect(throws: NumberSyntaxError.self) { try Rational(parsing: fraction + "1") }
        #expect(error?.reason == .tooManyDigits(limit: 10_000))
        #expect(error?.position == 10_002)
        // A custom limit.
        #expect(throws: NumberSyntaxError(.tooManyDigits(limit: 3), position: 4, in: "1234")) { try BigInt(parsing: "1234", digitLimit: 3) }
        #expect(try BigInt(parsing: "123", digitLimit: 3) == 123)
        #expect(throws: NumberSyntaxError(.tooManyDigits(limit: 3), position: 4, in: "abcd")) { try BigInt(hex: "abcd", digitLimit: 3) }
    }

    @Test("a 200,000-digit number: rejected quickly by default, exact with a higher limit")
    func twoHundredThousandDigits() throws {
        let digits = Self.randomDigits(200_000, seed: 3)
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            let error = #expect(throws: NumberSyntaxError.self) { try BigInt(parsing: digits) }
            #expect(error?.reason == .tooManyDigits(limit: 10_000))
            #expect(error?.position == 10_001)
            #expect(throws: NumberSyntaxError.self) { try Rational(parsing: digits) }
            #expect(throws: NumberSyntaxError.self) { try Dyadic(parsing: "-" + digits) }
        }
        #expect(elapsed < .seconds(1), "rejection took \(elapsed)")

        let parsed = try BigInt(parsing: digits, digitLimit: 300_000)
        #expect(parsed == Self.hornerValue(digits))
        #expect(parsed.description == digits)
        let negative = try BigInt(parsing: "-" + digits, digitLimit: 300_000)
        #expect(negative == -parsed)

        let power = "1" + String(repeating: "0", count: 199_999)
        #expect(try BigInt(parsing: power, digitLimit: 300_000) == BigInt(10).power(199_999))
        #expect(try Rational(parsing: "1/" + power, digitLimit: 300_000) == Rational.one / Rational(BigInt(10).power(199_999)))
        #expect(throws: NumberSyntaxError.self) { try Dyadic(parsing: "1/" + power, digitLimit: 300_000) }
    }

    @Test("a 10 MB string is rejected fast")
    func tenMegabytes() {
        let digits = String(repeating: "1234567890", count: 1_000_000)
        let zeros = String(repeating: "0", count: 10_000_000)
        let dashes = String(repeating: "-", count: 10_000_000)
        var errors: [NumberSyntaxError?] = []
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            errors.append(#expect(throws: NumberSyntaxError.self) { try BigInt(parsing: digits) })
            errors.append(#expect(throws: NumberSyntaxError.self) { try Rational(parsing: digits) })
            errors.append(#expect(throws: NumberSyntaxError.self) { try Dyadic(parsing: digits) })
            errors.append(#expect(throws: NumberSyntaxError.self) { try BigInt(hex: digits) })
            errors.append(#expect(throws: NumberSyntaxError.self) { try BigInt(parsing: zeros) })
            errors.append(#expect(throws: NumberSyntaxError.self) { try Rational(parsing: dashes) })
        }
        #expect(elapsed < .seconds(2), "rejection took \(elapsed)")
        let expected: [(Reason, Int)] = [
            (.tooManyDigits(limit: 10_000), 10_001), (.tooManyDigits(limit: 10_000), 10_001), (.tooManyDigits(limit: 10_000), 10_001),
            (.tooManyDigits(limit: 10_000), 10_001), (.leadingZero, 1), (.unexpectedCharacter("-"), 2),
        ]
        for (error, (reason, position)) in zip(errors, expected) {
            #expect(error?.reason == reason)
            #expect(error?.position == position)
        }
    }

    @Test("errors keep a short excerpt of the text")
    func excerpt() {
        let long = String(repeating: "9", count: 50) + "x"
        let error = #expect(throws: NumberSyntaxError.self) { try BigInt(parsing: long) }
        #expect(error?.excerpt == String(repeating: "9", count: 37) + "...")
        #expect(error?.position == 51)
        #expect(error?.description.contains("character 51") == true)
        let short = #expect(throws: NumberSyntaxError.self) { try BigInt(parsing: "1x") }
        #expect(short?.excerpt == "1x")
    }

    @Test("substrings parse with positions relative to the substring")
    func substrings() throws {
        let text = "value=-12/35;"
        let start = text.index(text.startIndex, offsetBy: 6)
        let slice = text[start..<text.index(before: text.endIndex)]
        #expect(try Rational(parsing: slice) == Rational(-12, 35))
        let bad = text[start...]
        #expect(throws: NumberSyntaxError(.unexpectedCharacter(";"), position: 7, in: bad)) { try Rational(parsing: bad) }
        #expect(try BigInt(parsing: "x42y".dropFirst().dropLast()) == 42)
    }

    @Test("random strings never crash; accepted ones are canonical, positions in range")
    func fuzz() {
        var rng = SplitMix64(seed: 0xF022)
        let alphabet: [String] = [
            "0", "1", "2", "5", "9", "0", "1", "3", "-", "/", "+", " ", ".", "e", "x", "a", "\u{0}",
            "\u{301}", "\u{200F}", "\u{FF11}", "\u{1F600}", "\u{0661}",
        ]
        for _ in 0..<5000 {
            let length = rng.int(in: 0...12)
            let text = (0..<length).map { _ in rng.element(of: alphabet) }.joined()
            let scalars = text.unicodeScalars.count
            func check<T: CustomStringConvertible>(_ parse: () throws(NumberSyntaxError) -> T) {
                do {
                    let value = try parse()
                    #expect(value.description == text, "accepted non-canonical \(text.debugDescription)")
                } catch {
                    #expect((1...(scalars + 1)).contains(error.position), "\(text.debugDescription): \(error)")
                    _ = error.description
                }
            }
            check { () throws(NumberSyntaxError) in try BigInt(parsing: text) }
            check { () throws(NumberSyntaxError) in try Rational(parsing: text) }
            check { () throws(NumberSyntaxError) in try Dyadic(parsing: text) }
            check { () throws(NumberSyntaxError) in try BigInt(hex: text).hexString }
        }
    }
}
