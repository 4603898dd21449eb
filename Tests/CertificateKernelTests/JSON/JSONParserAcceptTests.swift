import Testing
@testable import CertificateKernel

/// Documents the parser must accept, with the values they denote written by hand
/// from RFC 8259.
@Suite("JSON parser: accepted documents")
struct JSONParserAcceptTests {
    struct AcceptCase: Sendable, CustomTestStringConvertible {
        let text: String
        let expected: JSONValue
        var testDescription: String { text.debugDescription }

        init(_ text: String, _ expected: JSONValue) {
            self.text = text
            self.expected = expected
        }
    }

    static let cases: [AcceptCase] = [
        // Literals.
        AcceptCase("null", .null),
        AcceptCase("true", .bool(true)),
        AcceptCase("false", .bool(false)),
        // Numbers keep their text.
        AcceptCase("0", .number("0")),
        AcceptCase("-0", .number("-0")),
        AcceptCase("7", .number("7")),
        AcceptCase("-12", .number("-12")),
        AcceptCase("0.5", .number("0.5")),
        AcceptCase("-0.000", .number("-0.000")),
        AcceptCase("12.5e+3", .number("12.5e+3")),
        AcceptCase("-1.0E-10", .number("-1.0E-10")),
        AcceptCase("1E5", .number("1E5")),
        AcceptCase("0e0", .number("0e0")),
        AcceptCase("123456789012345678901234567890", .number("123456789012345678901234567890")),
        // Strings and every escape.
        AcceptCase(#""""#, .string("")),
        AcceptCase(#""abc""#, .string("abc")),
        AcceptCase(#""1/2""#, .string("1/2")),
        AcceptCase(#""\" \\ \/ \b \f \n \r \t""#, .string("\" \\ / \u{08} \u{0C} \n \r \t")),
        AcceptCase(#""\u0041\u00e9\u20AC\u00E9""#, .string("A\u{E9}\u{20AC}\u{E9}")),
        AcceptCase(#""\u0000""#, .string("\u{0}")),
        AcceptCase(#""\u001f\u007F""#, .string("\u{1F}\u{7F}")),
        AcceptCase(#""\ud83d\ude00""#, .string("\u{1F600}")),
        AcceptCase(#""\uD834\uDD1E""#, .string("\u{1D11E}")),
        AcceptCase(#""\udbff\udfff""#, .string("\u{10FFFF}")),
        AcceptCase(#""\ud800\udc00""#, .string("\u{10000}")),
        AcceptCase(#""\uFFFF\uFEFF""#, .string("\u{FFFF}\u{FEFF}")),
        AcceptCase("\"\u{E9}\u{20AC}\u{1F600}\u{10FFFF}\u{7F}\u{FEFF}\"", .string("\u{E9}\u{20AC}\u{1F600}\u{10FFFF}\u{7F}\u{FEFF}")),
        AcceptCase(#""a\u005Cb""#, .string("a\\b")),
        // Whitespace of all four kinds around and between tokens.
        AcceptCase(" \t\r\n 0 \n", .number("0")),
        AcceptCase("[\n\t1\r\n,\t2 ]", .array([.number("1"), .number("2")])),
        AcceptCase(
            "{ \"a\" \t:\n1 , \"b\"\r:2 }", .object(JSONObject([(key: "a", value: .number("1")), (key: "b", value: .number("2"))]))),
        // Containers.
        AcceptCase("[]", .array([])),
        AcceptCase("[ ]", .array([])),
        AcceptCase("{}", .object(JSONObject())),
        AcceptCase("{ \n}", .object(JSONObject())),
        AcceptCase(
            #"[1,"a",true,false,null,[],{}]"#,
            .array([
                .number("1"), .string("a"), .bool(true), .bool(false), .null, .array([]), .object(JSONObject()),
            ])),
        AcceptCase(
            #"{"a":{"b":[1,{"c":null}]}}"#,
            .object(
                JSONObject([
                    (
                        key: "a",
                        value: .object(
                            JSONObject([
                                (key: "b", value: .array([.number("1"), .object(JSONObject([(key: "c", value: .null)]))]))
                            ]))
                    )
                ]))),
        AcceptCase(#"[[[]],[[1]]]"#, .array([.array([.array([])]), .array([.array([.number("1")])])])),
        AcceptCase(
            #"{"":"","a b":"\u00e9"}"#, .object(JSONObject([(key: "", value: .string("")), (key: "a b", value: .string("\u{E9}"))]))),
        AcceptCase(#"["1/2","-3/8","0"]"#, .array([.string("1/2"), .string("-3/8"), .string("0")])),
        AcceptCase(#"{"a":"x","A":"y"}"#, .object(JSONObject([(key: "a", value: .string("x")), (key: "A", value: .string("y"))]))),
    ]

    @Test("accept table", arguments: cases)
    func accepts(_ testCase: AcceptCase) throws {
        let value = try parseJSON(testCase.text)
        #expect(value == testCase.expected)
    }

    @Test("escapes decode to the right scalars, not just canonically equal text")
    func exactScalars() throws {
        let cases: [(String, [UInt32])] = [
            (#""\ud83d\ude00""#, [0x1F600]),
            (#""\uD834\uDD1E x""#, [0x1D11E, 0x20, 0x78]),
            (#""e\u0301""#, [0x65, 0x301]),
            (#""\u00e9""#, [0xE9]),
            (#""\u0000\u0001""#, [0x0, 0x1]),
            ("\"e\u{301}\"", [0x65, 0x301]),
        ]
        for (text, scalars) in cases {
            guard case .string(let decoded) = try parseJSON(text) else {
                Issue.record("\(text) is not a string")
                continue
            }
            #expect(decoded.unicodeScalars.map(\.value) == scalars, "\(text)")
        }
    }

    @Test("object members keep source order, lookup by key works")
    func memberOrder() throws {
        let value = try parseJSON(#"{"zeta":1,"alpha":2,"mid":[3]}"#)
        guard case .object(let object) = value else {
            Issue.record("not an object")
            return
        }
        #expect(object.keys == ["zeta", "alpha", "mid"])
        #expect(object.count == 3)
        #expect(object["alpha"] == .number("2"))
        #expect(object["mid"] == .array([.number("3")]))
        #expect(object["missing"] == nil)
        #expect(object.members.map(\.key) == ["zeta", "alpha", "mid"])
        // Equality is order-sensitive.
        #expect(value != (try parseJSON(#"{"alpha":2,"zeta":1,"mid":[3]}"#)))
    }

    @Test("every input collection kind gives the same value and the same errors")
    func inputKinds() throws {
        let text = #"{"a": ["1/2", true], "é": null}"#
        let expected = try parseJSON(text)
        let bytes = Array(text.utf8)
        #expect(try JSONParser.parse(text) == expected)
        #expect(try JSONParser.parse(text.utf8) == expected)
        #expect(try JSONParser.parse(([0x20] + bytes + [0x20])[1...bytes.count]) == expected)
        // A collection without contiguous storage.
        #expect(try JSONParser.parse(bytes.lazy.map { $0 }) == expected)
        #expect(try JSONParser.parse(ContiguousArray(bytes)) == expected)

        let bad = Array(#"{"a": [1,]}"#.utf8)
        let error = jsonSyntaxError(bad)
        #expect(error?.offset == 9)
        do {
            _ = try JSONParser.parse(bad.lazy.map { $0 })
            Issue.record("accepted")
        } catch {
            #expect(error == jsonSyntaxError(bad))
        }
    }

    @Test("long strings around every 8-byte boundary, with an escape or a non-ASCII character anywhere")
    func stringBoundaries() throws {
        let specials: [(raw: String, decoded: String)] = [
            (#"\""#, "\""), (#"\\"#, "\\"), (#"\n"#, "\n"), (#"\u00e9"#, "\u{E9}"),
            ("\u{E9}", "\u{E9}"), ("\u{20AC}", "\u{20AC}"), ("\u{1F600}", "\u{1F600}"),
            (#"\ud83d\ude00"#, "\u{1F600}"), ("~", "~"), ("\u{7F}", "\u{7F}"),
        ]
        for before in 0..<20 {
            for after in [0, 1, 7, 8, 9, 17] {
                for special in specials {
                    let prefix = String(repeating: "a", count: before)
                    let suffix = String(repeating: "b", count: after)
                    let document = "[\"" + prefix + special.raw + suffix + "\"]"
                    #expect(
                        try parseJSON(document) == .array([.string(prefix + special.decoded + suffix)]),
                        "\(document)"
                    )
                }
            }
        }
    }

    @Test("isValidNumber follows the JSON number grammar")
    func numberGrammar() {
        for valid in ["0", "-0", "1", "-1", "10", "1.5", "0.0", "1e5", "1E+5", "1e-5", "-1.25E-10", "99999999999999999999"] {
            #expect(JSONValue.isValidNumber(valid), "\(valid)")
        }
        for invalid in [
            "", "-", "+1", "01", "-01", "1.", ".5", "1e", "1e+", "1.e5", "0x10", "1 ", " 1", "NaN", "Infinity", "1/2", "1,5", "١",
        ] {
            #expect(!JSONValue.isValidNumber(invalid), "\(invalid)")
        }
    }

    @Test("typeName names the JSON types")
    func typeNames() {
        #expect(JSONValue.object(JSONObject()).typeName == "object")
        #expect(JSONValue.array([]).typeName == "array")
        #expect(JSONValue.string("x").typeName == "string")
        #expect(JSONValue.number("1").typeName == "number")
        #expect(JSONValue.bool(false).typeName == "boolean")
        #expect(JSONValue.null.typeName == "null")
    }
}
