import Testing
@testable import CertificateKernel

/// Documents the parser must reject, each with the exact kind, place and pointer
/// of the error, counted by hand.
@Suite("JSON parser: rejected documents")
struct JSONParserRejectTests {
    struct RejectCase: Sendable, CustomTestStringConvertible {
        let name: String
        let bytes: [UInt8]
        let kind: JSONSyntaxError.Kind
        let offset: Int
        let line: Int
        let column: Int
        let pointer: String
        var testDescription: String { name }

        init(
            _ name: String, _ text: String, _ kind: JSONSyntaxError.Kind,
            offset: Int, line: Int = 1, column: Int, pointer: String = ""
        ) {
            self.init(name, bytes: Array(text.utf8), kind, offset: offset, line: line, column: column, pointer: pointer)
        }

        init(
            _ name: String, bytes: [UInt8], _ kind: JSONSyntaxError.Kind,
            offset: Int, line: Int = 1, column: Int, pointer: String = ""
        ) {
            self.name = name
            self.bytes = bytes
            self.kind = kind
            self.offset = offset
            self.line = line
            self.column = column
            self.pointer = pointer
        }
    }

    static let quote = UInt8(ascii: "\"")

    static let cases: [RejectCase] = [
        // Structure.
        RejectCase("empty document", "", .unexpectedEnd(expected: .value), offset: 0, column: 1),
        RejectCase("whitespace only", "  \n ", .unexpectedEnd(expected: .value), offset: 4, line: 2, column: 2),
        RejectCase("trailing comma in object", #"{"a":1,}"#, .unexpectedCharacter("}", expected: .key), offset: 7, column: 8),
        RejectCase("trailing comma in array", "[1,]", .unexpectedCharacter("]", expected: .value), offset: 3, column: 4, pointer: "/1"),
        RejectCase("double comma", "[1,,2]", .unexpectedCharacter(",", expected: .value), offset: 3, column: 4, pointer: "/1"),
        RejectCase("missing colon", #"{"a" 1}"#, .unexpectedCharacter("1", expected: .colon), offset: 5, column: 6),
        RejectCase("key without value", #"{"a":1,"b"}"#, .unexpectedCharacter("}", expected: .colon), offset: 10, column: 11),
        RejectCase("missing value", #"{"a":}"#, .unexpectedCharacter("}", expected: .value), offset: 5, column: 6, pointer: "/a"),
        RejectCase("unquoted key", "{a:1}", .unexpectedCharacter("a", expected: .keyOrObjectEnd), offset: 1, column: 2),
        RejectCase("comma first in object", "{,}", .unexpectedCharacter(",", expected: .keyOrObjectEnd), offset: 1, column: 2),
        RejectCase("number key", #"{"a":1,2:3}"#, .unexpectedCharacter("2", expected: .key), offset: 7, column: 8),
        RejectCase("missing comma", "[1 2]", .unexpectedCharacter("2", expected: .commaOrArrayEnd), offset: 3, column: 4),
        RejectCase(
            "missing comma between literals", "[true false]", .unexpectedCharacter("f", expected: .commaOrArrayEnd), offset: 6, column: 7),
        RejectCase(
            "missing comma in object", #"{"a":1 "b":2}"#, .unexpectedCharacter("\"", expected: .commaOrObjectEnd), offset: 7, column: 8),
        RejectCase("mismatched bracket", "[}", .unexpectedCharacter("}", expected: .valueOrArrayEnd), offset: 1, column: 2, pointer: "/0"),
        RejectCase("mismatched brace", #"{"a":1]"#, .unexpectedCharacter("]", expected: .commaOrObjectEnd), offset: 6, column: 7),
        RejectCase("two documents", "{} {}", .trailingContent, offset: 3, column: 4),
        RejectCase("extra closing brace", #"{"a":1}}"#, .trailingContent, offset: 7, column: 8),
        RejectCase("literal with trailing letters", "truex", .trailingContent, offset: 4, column: 5),
        RejectCase("unclosed array", "[1,2", .unexpectedEnd(expected: .commaOrArrayEnd), offset: 4, column: 5),
        RejectCase("unclosed object", #"{"a":1"#, .unexpectedEnd(expected: .commaOrObjectEnd), offset: 6, column: 7),
        RejectCase("unclosed string", #""abc"#, .unexpectedEnd(expected: .closingQuote), offset: 4, column: 5),
        RejectCase("line comment", "// c\n1", .unexpectedCharacter("/", expected: .value), offset: 0, column: 1),
        RejectCase("comment after value", "[1] // c", .trailingContent, offset: 4, column: 5),
        RejectCase("block comment", "[1 /* c */]", .unexpectedCharacter("/", expected: .commaOrArrayEnd), offset: 3, column: 4),
        RejectCase("single quotes", "'x'", .unexpectedCharacter("'", expected: .value), offset: 0, column: 1),
        RejectCase(
            "pointer escaping", #"{"a/b":{"m~n":[x]}}"#, .unexpectedCharacter("x", expected: .valueOrArrayEnd), offset: 15, column: 16,
            pointer: "/a~1b/m~0n/0"),
        RejectCase(
            "error on a later line", "{\n  \"a\": [\n    1,\n    tru\n  ]\n}", .unexpectedCharacter("\n", expected: .literal("true")),
            offset: 25, line: 4, column: 8, pointer: "/a/1"),
        // Literals.
        RejectCase("truncated true", "tru", .unexpectedEnd(expected: .literal("true")), offset: 3, column: 4),
        RejectCase("truncated null", "nul", .unexpectedEnd(expected: .literal("null")), offset: 3, column: 4),
        RejectCase("misspelt false", "[fals]", .unexpectedCharacter("]", expected: .literal("false")), offset: 5, column: 6, pointer: "/0"),
        RejectCase("capitalised True", "True", .unexpectedCharacter("T", expected: .value), offset: 0, column: 1),
        RejectCase("NaN", "NaN", .unexpectedCharacter("N", expected: .value), offset: 0, column: 1),
        RejectCase("Infinity", "[Infinity]", .unexpectedCharacter("I", expected: .valueOrArrayEnd), offset: 1, column: 2, pointer: "/0"),
        RejectCase("-Infinity", "-Infinity", .invalidNumber(.missingIntegerDigits), offset: 1, column: 2),
        // Numbers.
        RejectCase("leading zero", "01", .invalidNumber(.leadingZero), offset: 1, column: 2),
        RejectCase("negative leading zero", "-01", .invalidNumber(.leadingZero), offset: 2, column: 3),
        RejectCase("leading zero in array", "[01]", .invalidNumber(.leadingZero), offset: 2, column: 3, pointer: "/0"),
        RejectCase("no fraction digits", "1.", .invalidNumber(.missingFractionDigits), offset: 2, column: 3),
        RejectCase("no fraction digits before exponent", "1.e5", .invalidNumber(.missingFractionDigits), offset: 2, column: 3),
        RejectCase("no integer digits", ".5", .unexpectedCharacter(".", expected: .value), offset: 0, column: 1),
        RejectCase("plus sign", "+1", .unexpectedCharacter("+", expected: .value), offset: 0, column: 1),
        RejectCase("no exponent digits", "1e", .invalidNumber(.missingExponentDigits), offset: 2, column: 3),
        RejectCase("signed exponent without digits", "[1E+]", .invalidNumber(.missingExponentDigits), offset: 4, column: 5, pointer: "/0"),
        RejectCase("lone minus", "-", .invalidNumber(.missingIntegerDigits), offset: 1, column: 2),
        RejectCase("minus space", "- 1", .invalidNumber(.missingIntegerDigits), offset: 1, column: 2),
        RejectCase("hex number", "0x10", .trailingContent, offset: 1, column: 2),
        RejectCase("two dots", "1.5.3", .trailingContent, offset: 3, column: 4),
        RejectCase("number member", #"{"n":-}"#, .invalidNumber(.missingIntegerDigits), offset: 6, column: 7, pointer: "/n"),
        // Strings.
        RejectCase("unknown escape", #""\x""#, .invalidEscape, offset: 1, column: 2),
        RejectCase("escaped single quote", #""\'""#, .invalidEscape, offset: 1, column: 2),
        RejectCase("short unicode escape", #""\u12""#, .invalidEscape, offset: 1, column: 2),
        RejectCase("non-hex unicode escape", #""ab\uZZZZ""#, .invalidEscape, offset: 3, column: 4),
        RejectCase("braced unicode escape", #""\u{41}""#, .invalidEscape, offset: 1, column: 2),
        RejectCase("lone high surrogate", #""\ud800""#, .invalidSurrogate, offset: 1, column: 2),
        RejectCase("lone low surrogate", #""\udc00""#, .invalidSurrogate, offset: 1, column: 2),
        RejectCase("high surrogate then letter", #""\ud800\u0041""#, .invalidSurrogate, offset: 1, column: 2),
        RejectCase("high surrogate then other escape", #""\uD800\n""#, .invalidSurrogate, offset: 1, column: 2),
        RejectCase("two high surrogates", #""x\ud83d\ud83d""#, .invalidSurrogate, offset: 2, column: 3),
        RejectCase("reversed pair", #""\ude00\ud83d""#, .invalidSurrogate, offset: 1, column: 2),
        RejectCase("high surrogate then bad hex", #""\ud83d\uzzzz""#, .invalidEscape, offset: 7, column: 8),
        RejectCase("truncated escape", #""\"#, .unexpectedEnd(expected: .escapeSequence), offset: 2, column: 3),
        RejectCase("truncated unicode escape", #""\u00"#, .unexpectedEnd(expected: .escapeSequence), offset: 5, column: 6),
        RejectCase("truncated surrogate pair", #""\ud83d\u"#, .unexpectedEnd(expected: .escapeSequence), offset: 9, column: 10),
        RejectCase("raw newline in string", "[\"a\nb\"]", .controlCharacterInString(0x0A), offset: 3, column: 4, pointer: "/0"),
        RejectCase("raw tab in string", "\"a\tb\"", .controlCharacterInString(0x09), offset: 2, column: 3),
        RejectCase("raw NUL in string", bytes: [quote, 0x00, quote], .controlCharacterInString(0x00), offset: 1, column: 2),
        RejectCase(
            "raw U+001F in key", bytes: Array("{\"".utf8) + [0x1F] + Array("\":1}".utf8), .controlCharacterInString(0x1F), offset: 2,
            column: 3),
        // Encoding.
        RejectCase("byte order mark", bytes: [0xEF, 0xBB, 0xBF] + Array("{}".utf8), .byteOrderMark, offset: 0, column: 1),
        RejectCase("byte order mark alone", bytes: [0xEF, 0xBB, 0xBF], .byteOrderMark, offset: 0, column: 1),
        RejectCase(
            "U+FEFF between tokens", bytes: Array("[1,".utf8) + [0xEF, 0xBB, 0xBF] + Array("2]".utf8),
            .unexpectedCharacter("\u{FEFF}", expected: .value), offset: 3, column: 4, pointer: "/1"),
        RejectCase("0xff alone", bytes: [0xFF], .invalidUTF8, offset: 0, column: 1),
        RejectCase("0xff in string", bytes: [quote, 0x61, 0xFF, quote], .invalidUTF8, offset: 2, column: 3),
        RejectCase("overlong NUL", bytes: [quote, 0xC0, 0x80, quote], .invalidUTF8, offset: 1, column: 2),
        RejectCase("overlong slash", bytes: [quote, 0xC1, 0xAF, quote], .invalidUTF8, offset: 1, column: 2),
        RejectCase("overlong 3-byte", bytes: [quote, 0xE0, 0x80, 0xAF, quote], .invalidUTF8, offset: 1, column: 2),
        RejectCase("overlong 4-byte", bytes: [quote, 0xF0, 0x80, 0x80, 0xAF, quote], .invalidUTF8, offset: 1, column: 2),
        RejectCase("UTF-8 encoded surrogate", bytes: [quote, 0xED, 0xA0, 0x80, quote], .invalidUTF8, offset: 1, column: 2),
        RejectCase("above U+10FFFF", bytes: [quote, 0xF4, 0x90, 0x80, 0x80, quote], .invalidUTF8, offset: 1, column: 2),
        RejectCase("lead byte 0xF5", bytes: [quote, 0xF5, 0x80, 0x80, 0x80, quote], .invalidUTF8, offset: 1, column: 2),
        RejectCase("truncated 3-byte sequence", bytes: [quote, 0xE2, 0x82, quote], .invalidUTF8, offset: 1, column: 2),
        RejectCase("truncated at end of input", bytes: [quote, 0xE2, 0x82], .invalidUTF8, offset: 1, column: 2),
        RejectCase("stray continuation byte", bytes: [quote, 0x61, 0x80, quote], .invalidUTF8, offset: 2, column: 3),
        RejectCase(
            "invalid UTF-8 outside strings", bytes: [UInt8(ascii: "["), 0xC3, 0x28], .invalidUTF8, offset: 1, column: 2, pointer: "/0"),
        RejectCase(
            "non-ASCII letter outside strings", "[\u{E9}]", .unexpectedCharacter("\u{E9}", expected: .valueOrArrayEnd), offset: 1,
            column: 2, pointer: "/0"),
        RejectCase(
            "no-break space as whitespace", "[\u{A0}1]", .unexpectedCharacter("\u{A0}", expected: .valueOrArrayEnd), offset: 1, column: 2,
            pointer: "/0"),
        RejectCase("form feed as whitespace", "\u{0C}1", .unexpectedCharacter("\u{0C}", expected: .value), offset: 0, column: 1),
        RejectCase("NUL outside strings", bytes: [0x00], .unexpectedCharacter("\u{0}", expected: .value), offset: 0, column: 1),
        RejectCase("NUL after value", bytes: [UInt8(ascii: "1"), 0x00], .trailingContent, offset: 1, column: 2),
        // Duplicate keys, reported at the repeated key with its member's pointer.
        RejectCase("duplicate key", #"{"a":1,"a":2}"#, .duplicateKey("a"), offset: 7, column: 8, pointer: "/a"),
        RejectCase("nested duplicate key", #"{"a":[0,{"b":1,"b":2}]}"#, .duplicateKey("b"), offset: 15, column: 16, pointer: "/a/1/b"),
        RejectCase(
            "duplicate key on a later line", "{\n  \"a\": 1,\n  \"a\": 2\n}", .duplicateKey("a"), offset: 14, line: 3, column: 3,
            pointer: "/a"),
        RejectCase(
            "duplicate key written with an escape", #"{"ab":1,"a\u0062":2}"#, .duplicateKey("ab"), offset: 8, column: 9, pointer: "/ab"),
        RejectCase("duplicate empty key", #"{"":1,"":2}"#, .duplicateKey(""), offset: 6, column: 7, pointer: "/"),
    ]

    @Test("reject table: exact kind, offset, line, column and pointer", arguments: cases)
    func rejects(_ testCase: RejectCase) {
        guard let error = jsonSyntaxError(testCase.bytes) else {
            Issue.record("\(testCase.name) was accepted")
            return
        }
        #expect(error.kind == testCase.kind)
        #expect(error.offset == testCase.offset)
        #expect(error.line == testCase.line)
        #expect(error.column == testCase.column)
        #expect(error.pointer.description == testCase.pointer)
        #expect(!error.isLimit)
    }

    /// A small document with every kind of value, escapes and multi-byte text.
    static let sample = #"{"a": [1, -2.5e+3, "x\u00e9\n\ud83d\ude00", true, false, null], "b": {"c": [], "d": {}}, "é": "€😀"}"#

    @Test("every truncation of a valid document is rejected at or before its end")
    func truncations() throws {
        let bytes = Array(Self.sample.utf8)
        _ = try JSONParser.parse(bytes)
        for length in 0..<bytes.count {
            let prefix = Array(bytes[..<length])
            guard let error = jsonSyntaxError(prefix) else {
                Issue.record("prefix of \(length) bytes accepted")
                continue
            }
            switch error.kind {
            case .unexpectedEnd:
                #expect(error.offset == length, "prefix of \(length) bytes: \(error)")
            case .invalidNumber:
                #expect(error.offset == length, "prefix of \(length) bytes: \(error)")
            case .invalidUTF8:
                // A multi-byte character cut short: its lead byte is within 3 bytes of the end.
                #expect(error.offset < length && error.offset >= length - 3, "prefix of \(length) bytes: \(error)")
            default:
                Issue.record("prefix of \(length) bytes: unexpected \(error)")
            }
        }
    }

    @Test("a raw control character or bad UTF-8 byte is caught at every position of a long string")
    func badBytesEverywhere() {
        let bad: [(bytes: [UInt8], kind: JSONSyntaxError.Kind)] = [
            ([0x00], .controlCharacterInString(0x00)),
            ([0x01], .controlCharacterInString(0x01)),
            ([0x0A], .controlCharacterInString(0x0A)),
            ([0x1F], .controlCharacterInString(0x1F)),
            ([0x80], .invalidUTF8),
            ([0xFF], .invalidUTF8),
            ([0xC0, 0xAF], .invalidUTF8),
            ([0xED, 0xBF, 0xBF], .invalidUTF8),
        ]
        for before in 0..<24 {
            for after in [0, 1, 8, 15] {
                for (badBytes, kind) in bad {
                    // ["aaa...<bad>bbb..."]
                    let bytes =
                        Array("[\"".utf8) + [UInt8](repeating: 0x61, count: before) + badBytes
                        + [UInt8](repeating: 0x62, count: after) + Array("\"]".utf8)
                    let error = jsonSyntaxError(bytes)
                    #expect(error?.kind == kind, "\(bytes)")
                    #expect(error?.offset == 2 + before, "\(bytes)")
                    #expect(error?.pointer.description == "/0")
                }
            }
        }
    }

    @Test("messages name the place, the pointer and the problem")
    func messages() {
        #expect(jsonSyntaxError("{\n  \"a\": 1,\n  \"a\": 2\n}")?.description == #"line 3, column 3 (at /a): duplicate key "a""#)
        #expect(jsonSyntaxError("")?.description == "line 1, column 1 (at /): unexpected end of input, expected a value")
        #expect(jsonSyntaxError("[1,]")?.description == "line 1, column 4 (at /1): unexpected character ']', expected a value")
        #expect(jsonSyntaxError("[\"a\nb\"]")?.description.hasPrefix("line 1, column 4 (at /0): raw control character U+000A") == true)
        let bom = jsonSyntaxError([0xEF, 0xBB, 0xBF, UInt8(ascii: "1")])
        #expect(bom?.description.contains("without BOM") == true)
        #expect(jsonSyntaxError("01")?.description == "line 1, column 2 (at /): invalid number: leading zeros are not allowed")
    }

    @Test("only oversize documents and strings count as limits")
    func limitClassification() {
        #expect(jsonSyntaxError("[1,]")?.isLimit == false)
        #expect(jsonSyntaxError(String(repeating: "[", count: 100))?.isLimit == false)
        #expect(jsonSyntaxError("[1]", limits: JSONLimits(maximumBytes: 2))?.isLimit == true)
        #expect(jsonSyntaxError(#"["abc"]"#, limits: JSONLimits(maximumStringBytes: 2))?.isLimit == true)
    }
}
