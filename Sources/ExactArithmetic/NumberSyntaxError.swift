/// Why a string is not a number in DyadCert's one canonical text form, and where.
///
/// The canonical forms are: an integer `-12` (optional `-`, no `+`, no leading zeros,
/// no `-0`) and a fraction `3/8` (integer numerator, denominator at least 2, in lowest
/// terms). Nothing else is accepted: no spaces, decimals, exponents or signs on the
/// denominator.
public struct NumberSyntaxError: Error, Equatable, Sendable {
    /// What is wrong with the text.
    public enum Reason: Equatable, Sendable {
        /// The text is empty.
        case empty
        /// A character that cannot appear at this position.
        case unexpectedCharacter(Unicode.Scalar)
        /// A leading `+`: positive numbers are written without a sign.
        case plusSign
        /// A digit run that starts with 0 and has more digits (`007`).
        case leadingZero
        /// `-0`: zero has no sign.
        case negativeZero
        /// The text ends where digits are required (`-`, `3/`).
        case missingDigits
        /// More digits than the limit; checked before any digit is converted.
        case tooManyDigits(limit: Int)
        /// A zero denominator (`1/0`).
        case zeroDenominator
        /// Denominator 1 (`3/1`): an integer is written without a denominator.
        case unitDenominator
        /// A zero numerator over a denominator (`0/5`): zero is written `0`.
        case zeroNumerator
        /// Numerator and denominator share a factor; `canonical` is the reduced form.
        case notInLowestTerms(canonical: String)
        /// A fraction whose denominator is not a power of two where a dyadic number is required.
        case notDyadic
        /// An integer was required but a fraction was given.
        case notAnInteger
    }

    /// What is wrong.
    public let reason: Reason
    /// The 1-based position of the problem, counted in Unicode scalars (1 for the text
    /// as a whole). Every accepted character is ASCII, so up to the problem this is the
    /// character position; a combining mark counts as its own position.
    public let position: Int
    /// The offending text, shortened to at most 40 characters for messages.
    public let excerpt: String

    public init(_ reason: Reason, position: Int, in text: some StringProtocol) {
        self.reason = reason
        self.position = position
        self.excerpt = text.count <= 40 ? String(text) : String(text.prefix(37)) + "..."
    }

    /// The reason in words, with the fix when there is one.
    public var explanation: String {
        switch reason {
        case .empty: return "empty string; write an integer such as -12 or a fraction such as 3/8"
        case .unexpectedCharacter(let c):
            let shown =
                c.isASCII && c.value >= 0x20 && c.value < 0x7F ? "'\(Character(c))'" : "U+\(String(c.value, radix: 16, uppercase: true))"
            return
                "unexpected character \(shown); numbers are integers such as -12 or fractions such as 3/8 (no spaces, decimals or exponents)"
        case .plusSign: return "a leading '+' is not allowed; write positive numbers without a sign"
        case .leadingZero: return "leading zeros are not allowed"
        case .negativeZero: return "'-0' is not allowed; write 0"
        case .missingDigits: return "digits expected"
        case .tooManyDigits(let limit): return "more than \(limit) digits (raise the digit limit to accept longer numbers)"
        case .zeroDenominator: return "the denominator is zero"
        case .unitDenominator: return "denominator 1 is not canonical; write the integer alone"
        case .zeroNumerator: return "a zero fraction is not canonical; write 0"
        case .notInLowestTerms(let canonical): return "not in lowest terms; write \(canonical)"
        case .notDyadic: return "the denominator is not a power of two, so this is not a dyadic number"
        case .notAnInteger: return "an integer is required here, not a fraction"
        }
    }
}
