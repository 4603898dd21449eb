import CGMP

// The canonical decimal text form, strict parsing, and lowercase hexadecimal text.

extension BigInt {
    /// The default limit on the number of digits a parsed number may have.
    ///
    /// It is checked while scanning, before any digit reaches GMP, so that hostile
    /// input cannot make the parser allocate or convert without bound.
    public static let defaultDigitLimit = 10_000

    /// Parses the canonical decimal form of an integer: `0`, `42` or `-12`.
    ///
    /// Rejects everything else with the position of the first problem: `+1`, `-0`,
    /// `007`, spaces, an empty string, fractions, and more than `digitLimit` digits.
    public init(parsing text: some StringProtocol, digitLimit: Int = BigInt.defaultDigitLimit) throws(NumberSyntaxError) {
        var scanner = NumeralScanner(text, digitLimit: digitLimit)
        self = try scanner.scanSignedInteger()
        if scanner.peek == UInt8(ascii: "/") { throw scanner.error(.notAnInteger) }
        if !scanner.atEnd { throw scanner.unexpected() }
    }

    /// The value in base 10 or 16 (lowercase), with a leading `-` when negative.
    public func text(radix: Int32) -> String {
        precondition(radix == 10 || radix == 16, "BigInt.text: radix 10 or 16")
        if let v = intValue { return String(v, radix: Int(radix), uppercase: false) }
        return withMPZ { z in
            var buffer = [CChar](repeating: 0, count: __gmpz_sizeinbase(z, radix) + 2) // digits, sign and NUL
            return buffer.withUnsafeMutableBufferPointer { String(cString: __gmpz_get_str($0.baseAddress, radix, z)) }
        }
    }
}

extension BigInt: CustomStringConvertible {
    /// The canonical decimal form.
    public var description: String { text(radix: 10) }
}

/// A strict left-to-right scanner for canonical numerals, over UTF-8 bytes.
///
/// Positions are 1-based Unicode scalars. Because every accepted character is ASCII,
/// the byte offset of the first offending byte equals its scalar offset.
internal struct NumeralScanner<Text: StringProtocol> {
    let text: Text
    let bytes: Text.UTF8View
    var index: Text.Index
    var offset = 0
    var digitsSeen = 0
    let digitLimit: Int

    init(_ text: Text, digitLimit: Int) {
        self.text = text
        self.bytes = text.utf8
        self.index = bytes.startIndex
        self.digitLimit = digitLimit
    }

    var atEnd: Bool { index == bytes.endIndex }
    var peek: UInt8? { atEnd ? nil : bytes[index] }
    var position: Int { offset + 1 }

    mutating func advance() {
        bytes.formIndex(after: &index)
        offset += 1
    }

    func error(_ reason: NumberSyntaxError.Reason, at position: Int? = nil) -> NumberSyntaxError {
        NumberSyntaxError(reason, position: position ?? self.position, in: text)
    }

    /// The error for the character at the current position. All earlier bytes were
    /// ASCII, so the current byte starts a scalar.
    func unexpected() -> NumberSyntaxError {
        atEnd ? error(.missingDigits) : error(.unexpectedCharacter(text.unicodeScalars[index]))
    }

    /// Scans `0 | -?[1-9][0-9]*`.
    mutating func scanSignedInteger() throws(NumberSyntaxError) -> BigInt {
        guard let first = peek else { throw error(.empty) }
        if first == UInt8(ascii: "+") { throw error(.plusSign) }
        let start = index
        if first == UInt8(ascii: "-") { advance() }
        let value = try scanDigits(from: start)
        if first == UInt8(ascii: "-") && value.isZero { throw error(.negativeZero, at: 1) }
        return value
    }

    /// Scans `0 | [1-9][0-9]*`, checking the digit limit first, and converts the
    /// numeral from `start` (its sign) or from its first digit.
    mutating func scanDigits(from start: Text.Index? = nil) throws(NumberSyntaxError) -> BigInt {
        let digitsStart = index, startPosition = position
        while let byte = peek, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
            if index != digitsStart && bytes[digitsStart] == UInt8(ascii: "0") { throw error(.leadingZero, at: startPosition) }
            digitsSeen += 1
            if digitsSeen > digitLimit { throw error(.tooManyDigits(limit: digitLimit)) }
            advance()
        }
        if index == digitsStart { throw unexpected() }
        let numeral = text[(start ?? digitsStart)..<index]
        if let small = Int(numeral) { return BigInt(small) }
        // Long numeral: hand the (already length-checked) digits to GMP.
        let storage = BigIntStorage()
        let status = String(numeral).withCString { __gmpz_set_str(storage.mpz, $0, 10) }
        precondition(status == 0, "digits were validated before mpz_set_str")
        return BigInt(normalizing: storage)
    }
}
