/// Why and where a document is not acceptable JSON.
///
/// The place is given three ways: the 0-based byte ``offset``, the 1-based ``line``
/// and ``column`` (lines end at LF; the column counts bytes from the start of the
/// line), and the ``pointer`` of the value being read when the error was found.
/// The offset equals the document's length when the input ended too early.
///
/// ```swift
/// do {
///     _ = try JSONParser.parse(bytes)
/// } catch {
///     print(error)  // line 12, column 5 (at /claims/3): duplicate key "id"
///     exit(error.isLimit ? 3 : 2)
/// }
/// ```
public struct JSONSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong.
    public let kind: Kind
    /// The 0-based byte offset of the problem in the document.
    public let offset: Int
    /// The 1-based line of ``offset``.
    public let line: Int
    /// The 1-based column of ``offset``, in bytes from the start of its line.
    public let column: Int
    /// The location of the value being read: the member or element whose value is
    /// malformed, the object holding a malformed key or separator, or the member
    /// whose key is repeated.
    public let pointer: JSONPointer

    /// Whether a resource limit was exceeded (document or string too large), as
    /// opposed to malformed input. Nesting too deep counts as malformed.
    public var isLimit: Bool {
        switch kind {
        case .tooLarge, .stringTooLong: true
        default: false
        }
    }

    /// `line L, column C (at POINTER): MESSAGE`.
    public var description: String {
        "line \(line), column \(column) (at \(pointer.display)): \(kind)"
    }

    /// The kinds of syntax error.
    public enum Kind: Equatable, Sendable, CustomStringConvertible {
        /// The input ended where more was needed.
        case unexpectedEnd(expected: Expectation)
        /// A character that cannot stand here.
        case unexpectedCharacter(Unicode.Scalar, expected: Expectation)
        /// Bytes that are not well-formed UTF-8 (overlong, surrogate, out of range or
        /// truncated sequences, stray continuation bytes); the offset is the sequence's
        /// first byte.
        case invalidUTF8
        /// A backslash not followed by one of `" \ / b f n r t` or by `u` and four hex
        /// digits; the offset is the backslash.
        case invalidEscape
        /// A `\u` escape of a UTF-16 surrogate that is not part of a high-low pair;
        /// the offset is the backslash.
        case invalidSurrogate
        /// A numeral that breaks the JSON number grammar.
        case invalidNumber(NumberProblem)
        /// A raw control character (below U+0020) inside a string.
        case controlCharacterInString(UInt8)
        /// A key that already occurs in the same object; the offset is its opening
        /// quote.
        case duplicateKey(String)
        /// Arrays and objects nested deeper than the limit; the offset is the bracket
        /// that opens one level too many.
        case tooDeep(limit: Int)
        /// The document is larger than the limit (checked before parsing).
        case tooLarge(limit: Int)
        /// A string longer than the limit; the offset is its opening quote.
        case stringTooLong(limit: Int)
        /// Something other than whitespace after the document's value.
        case trailingContent
        /// The document starts with a UTF-8 byte order mark.
        case byteOrderMark

        public var description: String {
            switch self {
            case .unexpectedEnd(let expected):
                "unexpected end of input, expected \(expected)"
            case .unexpectedCharacter(let scalar, let expected):
                "unexpected character \(Self.show(scalar)), expected \(expected)"
            case .invalidUTF8:
                "invalid UTF-8 byte sequence; the file must be UTF-8"
            case .invalidEscape:
                #"invalid escape sequence; allowed are \" \\ \/ \b \f \n \r \t and \u followed by four hex digits"#
            case .invalidSurrogate:
                #"\u escape of an unpaired UTF-16 surrogate; a high surrogate \uD800-\uDBFF must be followed by a low one \uDC00-\uDFFF"#
            case .invalidNumber(let problem):
                "invalid number: \(problem)"
            case .controlCharacterInString(let byte):
                "raw control character \(Self.show(Unicode.Scalar(byte))) in a string; write it as an escape"
            case .duplicateKey(let key):
                "duplicate key \(Self.quote(key))"
            case .tooDeep(let limit):
                "arrays and objects nested more than \(limit) levels deep"
            case .tooLarge(let limit):
                "document larger than the limit of \(limit) bytes"
            case .stringTooLong(let limit):
                "string longer than the limit of \(limit) bytes"
            case .trailingContent:
                "unexpected content after the JSON value; a document holds exactly one value"
            case .byteOrderMark:
                "the file starts with a UTF-8 byte order mark (BOM); save it as UTF-8 without BOM"
            }
        }

        /// `'x'` for printable ASCII, otherwise `U+XXXX`.
        static func show(_ scalar: Unicode.Scalar) -> String {
            if scalar.value >= 0x21 && scalar.value <= 0x7E {
                return "'\(Character(scalar))'"
            }
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }

        /// The key in double quotes, with control characters, quotes and backslashes
        /// escaped so the message stays on one line.
        static func quote(_ key: String) -> String {
            var text = "\""
            for scalar in key.unicodeScalars {
                switch scalar {
                case "\"": text += "\\\""
                case "\\": text += "\\\\"
                case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                    text += "\\u{" + String(scalar.value, radix: 16) + "}"
                default: text.unicodeScalars.append(scalar)
                }
            }
            return text + "\""
        }
    }

    /// What the parser expected where it found something else.
    public enum Expectation: Equatable, Sendable, CustomStringConvertible {
        /// A JSON value.
        case value
        /// A value or `]` (just after `[`).
        case valueOrArrayEnd
        /// A string key (after `,` in an object).
        case key
        /// A string key or `}` (just after `{`).
        case keyOrObjectEnd
        /// `:` after a key.
        case colon
        /// `,` or `}` after a member.
        case commaOrObjectEnd
        /// `,` or `]` after an element.
        case commaOrArrayEnd
        /// The rest of this literal (`true`, `false` or `null`).
        case literal(String)
        /// The closing `"` of a string.
        case closingQuote
        /// The rest of an escape sequence.
        case escapeSequence

        public var description: String {
            switch self {
            case .value: "a value"
            case .valueOrArrayEnd: "a value or ']'"
            case .key: "a string key"
            case .keyOrObjectEnd: "a string key or '}'"
            case .colon: "':'"
            case .commaOrObjectEnd: "',' or '}'"
            case .commaOrArrayEnd: "',' or ']'"
            case .literal(let word): "'\(word)'"
            case .closingQuote: "'\"' to close the string"
            case .escapeSequence: "the rest of an escape sequence"
            }
        }
    }

    /// How a numeral breaks the grammar `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
    /// Its raw value is its message.
    public enum NumberProblem: String, Equatable, Sendable, CustomStringConvertible {
        /// No digit after `-`; the offset is where the digit should be.
        case missingIntegerDigits = "expected a digit after '-'"
        /// A digit after a leading `0`; the offset is that digit.
        case leadingZero = "leading zeros are not allowed"
        /// No digit after `.`; the offset is where the digit should be.
        case missingFractionDigits = "expected a digit after '.'"
        /// No digit in the exponent; the offset is where the digit should be.
        case missingExponentDigits = "expected a digit in the exponent"

        public var description: String { rawValue }
    }
}
