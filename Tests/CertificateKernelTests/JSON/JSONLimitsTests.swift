import Testing
@testable import CertificateKernel

/// Depth, document size and string length limits.
@Suite("JSON parser: limits")
struct JSONLimitsTests {
    /// `depth` nested arrays around `inner`.
    static func nestedArrays(_ depth: Int, inner: String = "") -> [UInt8] {
        Array((String(repeating: "[", count: depth) + inner + String(repeating: "]", count: depth)).utf8)
    }

    /// The nesting depth of a value (0 for scalars).
    static func depth(_ value: JSONValue) -> Int {
        switch value {
        case .array(let elements): 1 + (elements.map(depth).max() ?? 0)
        case .object(let object): 1 + (object.values.map(depth).max() ?? 0)
        default: 0
        }
    }

    @Test("the defaults are 64 levels, 256 MiB documents, 64 MiB strings")
    func defaults() {
        let limits = JSONLimits()
        #expect(limits.maximumDepth == 64)
        #expect(limits.maximumBytes == 268_435_456)
        #expect(limits.maximumStringBytes == 67_108_864)
        #expect(JSONLimits.default == limits)
    }

    @Test("64 nested arrays are accepted, 65 are too deep")
    func depthLimit() throws {
        let accepted = try JSONParser.parse(Self.nestedArrays(64, inner: "1"))
        #expect(Self.depth(accepted) == 64)

        let error = jsonSyntaxError(Self.nestedArrays(65))
        #expect(error?.kind == .tooDeep(limit: 64))
        #expect(error?.offset == 64)
        #expect(error?.line == 1)
        #expect(error?.column == 65)
        #expect(error?.pointer.description == String(repeating: "/0", count: 64))
        #expect(error?.isLimit == false)
    }

    @Test("objects count toward the depth like arrays")
    func mixedDepth() throws {
        // 32 objects {"k": [ ... ]} alternate with 32 arrays: depth 64.
        let open = String(repeating: #"{"k":["#, count: 32)
        let close = String(repeating: "]}", count: 32)
        let value = try parseJSON(open + "null" + close)
        #expect(Self.depth(value) == 64)
        let error = jsonSyntaxError(open + "{}" + close)
        #expect(error?.kind == .tooDeep(limit: 64))
        #expect(error?.offset == 32 * 6)
        #expect(error?.pointer.tokens.count == 64)
        #expect(error?.pointer.description.hasPrefix("/k/0/k/0/") == true)
    }

    @Test("100,000 nested brackets are rejected at the 65th without deep recursion")
    func hostileDepth() {
        let bytes = [UInt8](repeating: UInt8(ascii: "["), count: 100_000)
        let error = jsonSyntaxError(bytes)
        #expect(error?.kind == .tooDeep(limit: 64))
        #expect(error?.offset == 64)
        let objects = Array(String(repeating: #"{"a":"#, count: 100_000).utf8)
        #expect(jsonSyntaxError(objects)?.kind == .tooDeep(limit: 64))
    }

    @Test("custom depth limits, including 0 (scalars only) and a raised one")
    func customDepth() throws {
        let flat = JSONLimits(maximumDepth: 0)
        #expect(try parseJSON("1", limits: flat) == .number("1"))
        let error = jsonSyntaxError("[]", limits: flat)
        #expect(error?.kind == .tooDeep(limit: 0))
        #expect(error?.offset == 0)
        #expect(error?.pointer == .root)
        #expect(jsonSyntaxError(" {}", limits: JSONLimits(maximumDepth: -5))?.kind == .tooDeep(limit: 0))

        let deep = try JSONParser.parse(Self.nestedArrays(1000), limits: JSONLimits(maximumDepth: 1000))
        #expect(Self.depth(deep) == 1000)
        #expect(jsonSyntaxError(Self.nestedArrays(1001), limits: JSONLimits(maximumDepth: 1000))?.kind == .tooDeep(limit: 1000))
    }

    @Test("a document over maximumBytes is rejected before parsing")
    func documentSize() throws {
        let limits = JSONLimits(maximumBytes: 10)
        // Exactly at the limit: accepted.
        #expect(try parseJSON(#"["abcdef"]"#, limits: limits) == .array([.string("abcdef")]))
        // One byte over: rejected as too large even though it is otherwise valid...
        let valid = jsonSyntaxError(#"["abcdefg"]"#, limits: limits)
        #expect(valid == JSONSyntaxError(kind: .tooLarge(limit: 10), offset: 0, line: 1, column: 1, pointer: .root))
        #expect(valid?.isLimit == true)
        // ...and before any byte is read: garbage is reported as too large, not malformed.
        let garbage: [UInt8] = [0xEF, 0xBB, 0xBF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]
        #expect(jsonSyntaxError(garbage, limits: limits)?.kind == .tooLarge(limit: 10))
        do {
            _ = try JSONParser.parse(garbage.lazy.map { $0 }, limits: limits)
            Issue.record("accepted")
        } catch {
            #expect(error.kind == .tooLarge(limit: 10))
        }
    }

    @Test("strings at the length limit are accepted, one byte longer rejected at the opening quote")
    func stringLength() throws {
        let limits = JSONLimits(maximumStringBytes: 4)
        #expect(try parseJSON(#"["abcd", ""]"#, limits: limits) == .array([.string("abcd"), .string("")]))
        let error = jsonSyntaxError(#"["ok", "abcde"]"#, limits: limits)
        #expect(
            error == JSONSyntaxError(kind: .stringTooLong(limit: 4), offset: 7, line: 1, column: 8, pointer: JSONPointer(tokens: ["1"])))
        #expect(error?.isLimit == true)
        // Keys are strings too.
        let key = jsonSyntaxError(#"{"abcde": 1}"#, limits: limits)
        #expect(key?.kind == .stringTooLong(limit: 4))
        #expect(key?.offset == 1)
        #expect(key?.pointer == .root)
        // Length is in bytes as written: escapes count with their backslash, and a
        // multi-byte character that crosses the limit is caught.
        #expect(try parseJSON(#""ab\n""#, limits: limits) == .string("ab\n"))
        #expect(jsonSyntaxError(#""abc\n""#, limits: limits)?.kind == .stringTooLong(limit: 4))
        #expect(jsonSyntaxError(#""\u0041""#, limits: limits)?.kind == .stringTooLong(limit: 4))
        #expect(try parseJSON("\"a\u{20AC}\"", limits: limits) == .string("a\u{20AC}"))
        #expect(jsonSyntaxError("\"ab\u{20AC}\"", limits: limits)?.kind == .stringTooLong(limit: 4))
        #expect(jsonSyntaxError("\"abc\u{1F600}\"", limits: limits)?.kind == .stringTooLong(limit: 4))
        #expect(jsonSyntaxError("\"aaaa\u{1F600}\"", limits: limits)?.kind == .stringTooLong(limit: 4))
        // A long unterminated string is too long before it is unterminated.
        #expect(jsonSyntaxError(#""abcdefgh"#, limits: limits)?.kind == .stringTooLong(limit: 4))
        #expect(jsonSyntaxError(#""abcd"#, limits: limits)?.kind == .unexpectedEnd(expected: .closingQuote))
        // Limit 0 allows only the empty string.
        #expect(try parseJSON(#""""#, limits: JSONLimits(maximumStringBytes: 0)) == .string(""))
        #expect(jsonSyntaxError(#""a""#, limits: JSONLimits(maximumStringBytes: 0))?.kind == .stringTooLong(limit: 0))
    }

    @Test("a 100 MB string is rejected with the default limit, without building it")
    func hugeString() {
        let length = 100_000_000
        var bytes = [UInt8](repeating: UInt8(ascii: "7"), count: length + 4)
        bytes[0] = UInt8(ascii: "[")
        bytes[1] = UInt8(ascii: "\"")
        bytes[length + 2] = UInt8(ascii: "\"")
        bytes[length + 3] = UInt8(ascii: "]")
        let clock = ContinuousClock()
        let start = clock.now
        let error = jsonSyntaxError(bytes)
        let elapsed = clock.now - start
        #expect(
            error
                == JSONSyntaxError(
                    kind: .stringTooLong(limit: 64 * 1024 * 1024), offset: 1, line: 1, column: 2, pointer: JSONPointer(tokens: ["0"])))
        // Generous: a linear scan of 64 MiB takes well under this even in debug builds.
        #expect(elapsed < .seconds(30))
    }

    @Test("a string longer than the default limit is accepted under a raised limit")
    func raisedStringLimit() throws {
        let length = 64 * 1024 * 1024 + 3
        var bytes = [UInt8](repeating: UInt8(ascii: "f"), count: length + 2)
        bytes[0] = UInt8(ascii: "\"")
        bytes[length + 1] = UInt8(ascii: "\"")
        bytes[1000] = 0xC3 // é in the middle
        bytes[1001] = 0xA9
        #expect(jsonSyntaxError(bytes)?.kind == .stringTooLong(limit: 64 * 1024 * 1024))
        let value = try JSONParser.parse(bytes, limits: JSONLimits(maximumStringBytes: 128 * 1024 * 1024))
        guard case .string(let text) = value else {
            Issue.record("not a string")
            return
        }
        #expect(text.utf8.count == length)
        #expect(text.unicodeScalars.count == length - 1)
        #expect(text.hasPrefix("fff"))
        #expect(text.unicodeScalars.dropFirst(999).first == "\u{E9}")
    }
}
