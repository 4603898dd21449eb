import CanonicalJSON
import ExactArithmetic
import Testing
@testable import CertificateKernel
import TestSupport

/// Seeded mutation and random-bytes fuzzing: the parser must answer every input
/// with a value or a well-placed syntax error, and never crash or hang.
@Suite("JSON parser: fuzzing")
struct JSONFuzzTests {
    /// Valid documents the mutations start from.
    static let seeds: [String] = [
        #"{"format": "dyadcert/1", "claims": [{"id": "c1", "rule": "gram", "values": ["1/2", "-3/8", "0"], "uses": []}]}"#,
        #"[1, -0.5e+10, 0, "x\u00e9\n\ud83d\ude00\"\\\/", true, false, null, [], {}, [[{"a": {"b": []}}]]]"#,
        "{\n  \"bits\": \"00ff10ab\",\n  \"length\": \"32\",\n  \"é€😀\": [\"\\t\", \"\\u0000\"]\n}\n",
        #""\uD834\uDD1E""#,
        "-12.5E-3",
    ]

    /// Bytes that tend to matter to a JSON parser.
    static let interesting: [UInt8] =
        Array(#"{}[],:"\/0123456789-+.eEtfnulraxbu "#.utf8)
        + [0x00, 0x09, 0x0A, 0x0D, 0x1F, 0x7F, 0x80, 0xBF, 0xC0, 0xC3, 0xE2, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF]

    static func mutate(_ input: [UInt8], _ rng: inout SplitMix64) -> [UInt8] {
        var bytes = input
        for _ in 0...Int(rng.next() % 3) {
            let position = bytes.isEmpty ? 0 : Int(rng.next() % UInt64(bytes.count))
            let byte =
                rng.next() % 2 == 0
                ? interesting[Int(rng.next() % UInt64(interesting.count))]
                : UInt8(truncatingIfNeeded: rng.next())
            switch rng.next() % 6 {
            case 0 where !bytes.isEmpty:
                bytes.remove(at: position)
            case 1:
                bytes.insert(byte, at: position)
            case 2 where !bytes.isEmpty:
                bytes[position] = byte
            case 3 where !bytes.isEmpty:
                let end = min(bytes.count, position + 1 + Int(rng.next() % 8))
                bytes.insert(contentsOf: bytes[position..<end], at: position)
            case 4:
                bytes.removeSubrange(position...)
            default:
                let end = min(bytes.count, position + Int(rng.next() % 6))
                bytes.removeSubrange(position..<end)
            }
        }
        return bytes
    }

    /// Checks the outcome of parsing `bytes`: a value whose canonical form round-trips,
    /// or an error placed inside the input with line and column agreeing with it.
    /// Returns whether the input was accepted.
    @discardableResult
    static func check(_ bytes: [UInt8], limits: JSONLimits = JSONLimits()) -> Bool {
        do {
            let value = try JSONParser.parse(bytes, limits: limits)
            let written = CanonicalJSONWriter.writeUTF8(value)
            #expect((try? JSONParser.parse(written)) == value, "\(bytes)")
            return true
        } catch {
            #expect(error.offset >= 0 && error.offset <= bytes.count, "\(bytes): \(error)")
            let before = bytes.prefix(max(0, error.offset))
            let line = 1 + before.filter { $0 == 0x0A }.count
            let lineStart = (before.lastIndex(of: 0x0A).map { $0 + 1 }) ?? 0
            #expect(error.line == line, "\(bytes): \(error)")
            #expect(error.column == error.offset - lineStart + 1, "\(bytes): \(error)")
            #expect(!error.description.isEmpty)
            return false
        }
    }

    @Test("4,000 mutations of valid documents end in a value or a placed error")
    func mutations() {
        var rng = SplitMix64(seed: 0xF0_22_0001)
        var accepted = 0
        for iteration in 0..<4000 {
            let seed = Array(Self.seeds[iteration % Self.seeds.count].utf8)
            let input = Self.mutate(seed, &rng)
            if Self.check(input) {
                accepted += 1
            }
        }
        // Both outcomes must occur, or the loop tests little.
        #expect(accepted > 50)
        #expect(accepted < 3900)
    }

    @Test("mutations under tight limits end in a value or a placed error")
    func mutationsUnderLimits() {
        var rng = SplitMix64(seed: 0xF0_22_0002)
        let limits = JSONLimits(maximumDepth: 3, maximumBytes: 120, maximumStringBytes: 6)
        for iteration in 0..<1500 {
            let seed = Array(Self.seeds[iteration % Self.seeds.count].utf8)
            Self.check(Self.mutate(seed, &rng), limits: limits)
        }
    }

    @Test("2,000 random byte strings end in a value or a placed error")
    func randomBytes() {
        var rng = SplitMix64(seed: 0xF0_22_0003)
        for _ in 0..<2000 {
            let length = Int(rng.next() % 40)
            var bytes: [UInt8] = []
            for _ in 0..<length {
                bytes.append(
                    rng.next() % 3 == 0
                        ? UInt8(truncatingIfNeeded: rng.next())
                        : Self.interesting[Int(rng.next() % UInt64(Self.interesting.count))]
                )
            }
            Self.check(bytes)
        }
    }

    @Test("every single-byte replacement in a small document is handled")
    func exhaustiveSingleBytes() {
        let seed = Array(#"{"a":["1/2",-1.5e3,true,null,"\u00e9"]}"#.utf8)
        for position in seed.indices {
            for byte in UInt8.min...UInt8.max {
                var bytes = seed
                bytes[position] = byte
                Self.check(bytes)
            }
        }
    }
}
