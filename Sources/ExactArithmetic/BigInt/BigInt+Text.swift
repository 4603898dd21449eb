import CGMP

// The canonical decimal text form, strict parsing, and lowercase hexadecimal.

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
        let value = try scanner.scanSignedInteger()
        if !scanner.atEnd {
            if scanner.peek == UInt8(ascii: "/") {
                throw NumberSyntaxError(.notAnInteger, position: scanner.position, in: text)
            }
            throw scanner.unexpected()
        }
        self = value
    }

    /// Parses lowercase hexadecimal: `0`, `ff`, `-1a` (no prefix, no leading zeros).
    public init(hex text: some StringProtocol, digitLimit: Int = BigInt.defaultDigitLimit) throws(NumberSyntaxError) {
        var scanner = NumeralScanner(text, digitLimit: digitLimit)
        self = try scanner.scanSignedInteger(hexadecimal: true)
        if !scanner.atEnd { throw scanner.unexpected() }
    }

    /// The value in base 10 or 16 (lowercase), with a leading `-` when negative.
    public func text(radix: Int32) -> String {
        precondition(radix == 10 || radix == 16, "BigInt.text: radix 10 or 16")
        switch representation {
        case .small(let v):
            return String(v, radix: Int(radix), uppercase: false)
        case .large(let s):
            let capacity = Int(__gmpz_sizeinbase(s.mpz, radix)) + 2
            var buffer = [CChar](repeating: 0, count: capacity)
            return buffer.withUnsafeMutableBufferPointer { out in
                _ = __gmpz_get_str(out.baseAddress, radix, s.mpz)
                return String(cString: out.baseAddress!)
            }
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
    var index: Text.UTF8View.Index
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

    /// The error for the character at the current position.
    func unexpected() -> NumberSyntaxError {
        guard !atEnd else { return error(.missingDigits) }
        let byte = bytes[index]
        if byte < 0x80 { return error(.unexpectedCharacter(Unicode.Scalar(byte))) }
        // All earlier bytes were ASCII, so this byte starts a scalar: decode it.
        var iterator = bytes[index...].makeIterator()
        var decoder = Unicode.UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return error(.unexpectedCharacter(scalar)) }
        return error(.unexpectedCharacter("\u{FFFD}"))
    }

    static func digitValue(_ byte: UInt8, hexadecimal: Bool) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where hexadecimal: return Int(byte - UInt8(ascii: "a")) + 10
        default: return nil
        }
    }

    /// Scans `0 | -?[1-9][0-9]*` (or the hexadecimal analogue).
    mutating func scanSignedInteger(hexadecimal: Bool = false) throws(NumberSyntaxError) -> BigInt {
        guard let first = peek else { throw error(.empty) }
        if first == UInt8(ascii: "+") { throw error(.plusSign) }
        var negative = false
        if first == UInt8(ascii: "-") {
            negative = true
            advance()
        }
        let value = try scanDigits(negative: negative, hexadecimal: hexadecimal)
        if negative && value.isZero { throw error(.negativeZero, at: 1) }
        return value
    }

    /// Scans `0 | [1-9][0-9]*` and converts it, checking the digit limit first.
    mutating func scanDigits(negative: Bool = false, hexadecimal: Bool = false) throws(NumberSyntaxError) -> BigInt {
        let start = index
        let startPosition = position
        var count = 0
        var small = 0
        var smallValid = true
        while let byte = peek, let digit = NumeralScanner.digitValue(byte, hexadecimal: hexadecimal) {
            if count == 1 && small == 0 { throw error(.leadingZero, at: startPosition) }
            count += 1
            digitsSeen += 1
            if digitsSeen > digitLimit { throw error(.tooManyDigits(limit: digitLimit)) }
            if smallValid {
                let (m, o1) = small.multipliedReportingOverflow(by: hexadecimal ? 16 : 10)
                let (s, o2) = m.addingReportingOverflow(digit)
                if o1 || o2 { smallValid = false } else { small = s }
            }
            advance()
        }
        if count == 0 {
            if atEnd { throw error(.missingDigits) }
            throw unexpected()
        }
        if smallValid { return BigInt(negative ? -small : small) }
        // Long numeral: hand the (already length-checked) digits to GMP.
        var digits = [CChar]()
        digits.reserveCapacity(count + 2)
        if negative { digits.append(CChar(UInt8(ascii: "-"))) }
        var i = start
        while i != index {
            digits.append(CChar(bitPattern: bytes[i]))
            bytes.formIndex(after: &i)
        }
        digits.append(0)
        let storage = BigIntStorage()
        let status = __gmpz_set_str(storage.mpz, digits, hexadecimal ? 16 : 10)
        precondition(status == 0, "digits were validated before mpz_set_str")
        return BigInt(normalizing: storage)
    }
}
