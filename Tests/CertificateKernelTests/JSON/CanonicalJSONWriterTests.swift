@testable import CanonicalJSON
import Testing
@testable import CertificateKernel

/// The canonical layout on hand-written examples.
@Suite("Canonical JSON writer")
struct CanonicalJSONWriterTests {
    @Test("nested objects and arrays take the canonical layout")
    func layout() throws {
        let value: JSONValue = .object(
            JSONObject([
                (key: "id", value: .string("c1")),
                (key: "numbers", value: .array([.string("1/2"), .string("-3"), .number("7"), .bool(true), .null])),
                (key: "empty object", value: .object(JSONObject())),
                (key: "empty array", value: .array([])),
                (
                    key: "nested",
                    value: .object(
                        JSONObject([
                            (
                                key: "rows",
                                value: .array([
                                    .array([.string("a")]),
                                    .object(JSONObject([(key: "k", value: .bool(false))])),
                                    .array([]),
                                    .object(JSONObject()),
                                ])
                            )
                        ]))
                ),
            ]))
        let expected = """
            {
              "id": "c1",
              "numbers": ["1/2", "-3", 7, true, null],
              "empty object": {},
              "empty array": [],
              "nested": {
                "rows": [
                  ["a"],
                  {
                    "k": false
                  },
                  [],
                  {}
                ]
              }
            }

            """
        #expect(CanonicalJSONWriter.write(value) == expected)
        #expect(CanonicalJSONWriter.writeUTF8(value) == Array(expected.utf8))
        #expect(try parseJSON(expected) == value)
    }

    @Test("top-level scalars and empty containers end with one newline")
    func scalars() {
        #expect(CanonicalJSONWriter.write(.string("x")) == "\"x\"\n")
        #expect(CanonicalJSONWriter.write(.number("-1.5e3")) == "-1.5e3\n")
        #expect(CanonicalJSONWriter.write(.bool(true)) == "true\n")
        #expect(CanonicalJSONWriter.write(.bool(false)) == "false\n")
        #expect(CanonicalJSONWriter.write(.null) == "null\n")
        #expect(CanonicalJSONWriter.write(.array([])) == "[]\n")
        #expect(CanonicalJSONWriter.write(.object(JSONObject())) == "{}\n")
    }

    @Test("arrays with a container inside are written one element per line")
    func arraysOfContainers() {
        let value: JSONValue = .array([.array([.number("1"), .number("2")]), .array([.number("3")])])
        #expect(CanonicalJSONWriter.write(value) == "[\n  [1, 2],\n  [3]\n]\n")
        let mixed: JSONValue = .array([.number("1"), .object(JSONObject([(key: "a", value: .array([]))])), .string("z")])
        #expect(CanonicalJSONWriter.write(mixed) == "[\n  1,\n  {\n    \"a\": []\n  },\n  \"z\"\n]\n")
        let deep: JSONValue = .array([.array([.array([.null])])])
        #expect(CanonicalJSONWriter.write(deep) == "[\n  [\n    [null]\n  ]\n]\n")
    }

    @Test("member order is kept as given")
    func memberOrder() {
        let value: JSONValue = ["b": "1", "a": "2", "c": ["z": true, "y": false]]
        let expected = """
            {
              "b": "1",
              "a": "2",
              "c": {
                "z": true,
                "y": false
              }
            }

            """
        #expect(CanonicalJSONWriter.write(value) == expected)
    }

    @Test("strings escape quote, backslash and control characters only, minimally")
    func escaping() {
        let text = "\"\\/\u{08}\u{0C}\n\r\t\u{00}\u{01}\u{1F}\u{7F}\u{E9}\u{20AC}\u{1F600}\u{2028}\u{FEFF}"
        let expected = #""\"\\/\b\f\n\r\t\u0000\u0001\u001f"# + "\u{7F}\u{E9}\u{20AC}\u{1F600}\u{2028}\u{FEFF}\"\n"
        #expect(CanonicalJSONWriter.write(.string(text)) == expected)
        // Keys are escaped the same way.
        let object: JSONValue = .object(JSONObject([(key: "a\"b\\c\u{0B}", value: .number("1"))]))
        #expect(CanonicalJSONWriter.write(object) == "{\n  \"a\\\"b\\\\c\\u000b\": 1\n}\n")
    }

    @Test("every control character below U+0020 has its fixed escape")
    func controlEscapes() {
        let named: [UInt32: String] = [0x08: #"\b"#, 0x09: #"\t"#, 0x0A: #"\n"#, 0x0C: #"\f"#, 0x0D: #"\r"#]
        let hex = Array("0123456789abcdef")
        for code in UInt32(0)..<0x20 {
            let scalar = Unicode.Scalar(code)!
            let escape = named[code] ?? "\\u00\(hex[Int(code >> 4)])\(hex[Int(code & 0xF)])"
            #expect(CanonicalJSONWriter.write(.string(String(Character(scalar)))) == "\"\(escape)\"\n", "U+\(code)")
        }
    }

    @Test("canonical equivalents keep their own scalars")
    func scalarsKept() {
        let composed = CanonicalJSONWriter.writeUTF8(.string("\u{E9}"))
        let decomposed = CanonicalJSONWriter.writeUTF8(.string("e\u{301}"))
        #expect(composed == [0x22, 0xC3, 0xA9, 0x22, 0x0A])
        #expect(decomposed == [0x22, 0x65, 0xCC, 0x81, 0x22, 0x0A])
    }

    @Test("a parsed certificate-like document is rewritten in canonical form")
    func reformat() throws {
        let input = #"{"format":"dyadcert/1","claims":[{"id":"c1","values":["1/2","3/8"],"uses":[]}],"note":"a\/b\u00e9"}"#
        let expected = """
            {
              "format": "dyadcert/1",
              "claims": [
                {
                  "id": "c1",
                  "values": ["1/2", "3/8"],
                  "uses": []
                }
              ],
              "note": "a/b\u{E9}"
            }

            """
        let value = try parseJSON(input)
        #expect(CanonicalJSONWriter.write(value) == expected)
    }

    /// The merge behind the canonical key order, on lists small enough to order by hand.
    @Test("the merged key order keeps every list's order and breaks ties by first appearance")
    func mergedKeyOrder() {
        #expect(CanonicalCertificate.mergedOrder([["a", "b"], ["b", "c"]]) == ["a", "b", "c"])
        // x and a are both free at the start: x appears first.
        #expect(CanonicalCertificate.mergedOrder([["x", "c"], ["a", "c"]]) == ["x", "a", "c"])
        // c must wait for b although it appears before it.
        #expect(CanonicalCertificate.mergedOrder([["c", "d"], ["a", "b", "c"]]) == ["a", "b", "c", "d"])
        #expect(CanonicalCertificate.mergedOrder([["k"], [], ["k", "j"]]) == ["k", "j"])
        #expect(CanonicalCertificate.mergedOrder([]) == [])
    }
}
