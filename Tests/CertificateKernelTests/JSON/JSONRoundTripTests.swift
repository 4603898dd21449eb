import CanonicalJSON
import ExactArithmetic
import Testing
@testable import CertificateKernel
import TestSupport

/// Seeded random JSON values and the laws the parser and writer must satisfy.
@Suite("JSON round trips")
struct JSONRoundTripTests {
    /// Scalars strings are drawn from: ASCII, the characters JSON escapes, `/`,
    /// non-ASCII of every UTF-8 length, a combining mark, U+2028 and U+FEFF.
    static let alphabet: [Unicode.Scalar] = [
        "a", "b", "z", "0", "9", " ", "/", "~", "-", "\"", "\\", "\u{0}", "\u{1}", "\u{8}", "\u{9}", "\u{A}",
        "\u{C}", "\u{D}", "\u{1F}", "\u{7F}", "\u{80}", "\u{E9}", "\u{301}", "\u{7FF}", "\u{800}",
        "\u{20AC}", "\u{2028}", "\u{D7FF}", "\u{E000}", "\u{FEFF}", "\u{FFFD}", "\u{FFFF}",
        "\u{10000}", "\u{1F600}", "\u{10FFFF}",
    ]

    static func randomString(_ rng: inout SplitMix64) -> String {
        var text = String.UnicodeScalarView()
        for _ in 0..<Int(rng.next() % 12) {
            text.append(alphabet[Int(rng.next() % UInt64(alphabet.count))])
        }
        return String(text)
    }

    /// A numeral of the JSON grammar, built part by part.
    static func randomNumber(_ rng: inout SplitMix64) -> String {
        var text = rng.next() % 2 == 0 ? "" : "-"
        if rng.next() % 4 == 0 {
            text += "0"
        } else {
            text += String(1 + rng.next() % 9)
            for _ in 0..<Int(rng.next() % 25) {
                text += String(rng.next() % 10)
            }
        }
        if rng.next() % 3 == 0 {
            text += "."
            for _ in 0...Int(rng.next() % 5) {
                text += String(rng.next() % 10)
            }
        }
        if rng.next() % 4 == 0 {
            text += ["e", "E"][Int(rng.next() % 2)] + ["", "+", "-"][Int(rng.next() % 3)]
            for _ in 0...Int(rng.next() % 3) {
                text += String(rng.next() % 10)
            }
        }
        return text
    }

    static func randomValue(_ rng: inout SplitMix64, depth: Int) -> JSONValue {
        let choice = rng.next() % (depth >= 6 ? 5 : 8)
        switch choice {
        case 0: return .null
        case 1: return .bool(rng.next() % 2 == 0)
        case 2: return .number(randomNumber(&rng))
        case 3, 4: return .string(randomString(&rng))
        case 5, 6:
            var elements: [JSONValue] = []
            for _ in 0..<Int(rng.next() % 6) {
                elements.append(randomValue(&rng, depth: depth + 1))
            }
            return .array(elements)
        default:
            var object = JSONObject()
            for _ in 0..<Int(rng.next() % 6) {
                object.updateValue(randomValue(&rng, depth: depth + 1), forKey: randomString(&rng))
            }
            return .object(object)
        }
    }

    // MARK: An independent, deliberately non-canonical serializer

    static func randomWhitespace(_ rng: inout SplitMix64) -> String {
        let pieces = ["", "", " ", "\n", "\t", "\r\n", "  "]
        return pieces[Int(rng.next() % UInt64(pieces.count))]
    }

    static func hex4(_ unit: UInt32, uppercase: Bool) -> String {
        let digits = String(unit, radix: 16, uppercase: uppercase)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }

    /// Writes a string with a random choice of spelling for every scalar: raw where
    /// RFC 8259 allows it, a short escape, or `\u` (surrogate pairs above U+FFFF).
    static func serializeString(_ text: String, _ rng: inout SplitMix64) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            let mustEscape = scalar == "\"" || scalar == "\\" || scalar.value < 0x20
            let form = rng.next() % 3
            if !mustEscape && form != 0 {
                out.unicodeScalars.append(scalar)
                continue
            }
            let short: [Unicode.Scalar: String] = [
                "\"": #"\""#, "\\": #"\\"#, "/": #"\/"#, "\u{8}": #"\b"#, "\u{C}": #"\f"#,
                "\n": #"\n"#, "\r": #"\r"#, "\t": #"\t"#,
            ]
            if let escape = short[scalar], form == 1 {
                out += escape
            } else if scalar.value < 0x10000 {
                out += #"\u"# + hex4(scalar.value, uppercase: rng.next() % 2 == 0)
            } else {
                let offset = scalar.value - 0x10000
                out += #"\u"# + hex4(0xD800 + (offset >> 10), uppercase: rng.next() % 2 == 0)
                out += #"\u"# + hex4(0xDC00 + (offset & 0x3FF), uppercase: rng.next() % 2 == 0)
            }
        }
        return out + "\""
    }

    static func serialize(_ value: JSONValue, _ rng: inout SplitMix64) -> String {
        let ws = { (rng: inout SplitMix64) in randomWhitespace(&rng) }
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let text): return text
        case .string(let text): return serializeString(text, &rng)
        case .array(let elements):
            var out = "[" + ws(&rng)
            for (index, element) in elements.enumerated() {
                if index > 0 { out += "," + ws(&rng) }
                out += serialize(element, &rng) + ws(&rng)
            }
            return out + "]"
        case .object(let object):
            var out = "{" + ws(&rng)
            for (index, member) in object.enumerated() {
                if index > 0 { out += "," + ws(&rng) }
                out += serializeString(member.key, &rng) + ws(&rng) + ":" + ws(&rng)
                out += serialize(member.value, &rng) + ws(&rng)
            }
            return out + "}"
        }
    }

    /// Value equality that also requires identical scalars in every string and key
    /// (Swift's `==` on strings is canonical equivalence).
    static func identical(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.string(let a), .string(let b)), (.number(let a), .number(let b)):
            return Array(a.unicodeScalars) == Array(b.unicodeScalars)
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { identical($0, $1) }
        case (.object(let a), .object(let b)):
            return a.count == b.count
                && zip(a, b).allSatisfy {
                    Array($0.key.unicodeScalars) == Array($1.key.unicodeScalars) && identical($0.value, $1.value)
                }
        default:
            return lhs == rhs
        }
    }

    @Test("parse(write(v)) == v and write is idempotent, on 3,000 random values")
    func canonicalRoundTrip() throws {
        var rng = SplitMix64(seed: 0x15_0A_0001)
        for iteration in 0..<3000 {
            let value = Self.randomValue(&rng, depth: 0)
            let written = CanonicalJSONWriter.writeUTF8(value)
            let reparsed = try JSONParser.parse(written)
            #expect(Self.identical(reparsed, value), "iteration \(iteration)")
            #expect(CanonicalJSONWriter.writeUTF8(reparsed) == written, "iteration \(iteration)")
            #expect(written.last == 0x0A && written.dropLast().last != 0x0A)
        }
    }

    @Test("any valid spelling of v parses to v, on 3,000 random values")
    func randomSpellings() throws {
        var rng = SplitMix64(seed: 0x15_0A_0002)
        for iteration in 0..<3000 {
            let value = Self.randomValue(&rng, depth: 0)
            let text = Self.randomWhitespace(&rng) + Self.serialize(value, &rng) + Self.randomWhitespace(&rng)
            let parsed = try JSONParser.parse(Array(text.utf8))
            #expect(Self.identical(parsed, value), "iteration \(iteration): \(text.debugDescription)")
            // Every spelling has the same canonical form.
            #expect(CanonicalJSONWriter.writeUTF8(parsed) == CanonicalJSONWriter.writeUTF8(value))
        }
    }

    @Test("a repeated key is rejected wherever it is, with its member's pointer")
    func randomDuplicates() throws {
        var rng = SplitMix64(seed: 0x15_0A_0003)
        var checked = 0
        for _ in 0..<2000 {
            guard case .object(let object) = Self.randomValue(&rng, depth: 5), object.count >= 2 else { continue }
            let key = object.keys[Int(rng.next() % UInt64(object.count))]
            // Append the key again, as a new last member.
            let body = object.map { Self.serializeString($0.key, &rng) + ":" + Self.serialize($0.value, &rng) }
            let repeated = Self.serializeString(key, &rng)
            let text = "[0,{" + body.joined(separator: ",") + "," + repeated + ":null}]"
            let error = jsonSyntaxError(text)
            #expect(error?.kind == .duplicateKey(key))
            #expect(error?.pointer == JSONPointer(tokens: ["1", key]))
            let expectedOffset = ("[0,{" + body.joined(separator: ",") + ",").utf8.count
            #expect(error?.offset == expectedOffset)
            checked += 1
        }
        #expect(checked > 100)
    }
}
