import Foundation
import Testing
@testable import ExactArithmetic
import TestSupport

/// JSON encoding: every number is a JSON string in the canonical text form.
@Suite("Codable")
struct CodableTests {
    static func json<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(json.utf8))
    }

    @Test("round trips through JSON strings")
    func roundTrips() throws {
        var rng = SplitMix64(seed: 0xC0DE_0001)
        let integers = (0..<50).map { _ in rng.sizedBigInt() }
        let rationals = (0..<50).map { _ in rng.rational() }
        let dyadics = (0..<50).map { _ in rng.dyadic() }
        #expect(try Self.decode([BigInt].self, Self.json(integers)) == integers)
        #expect(try Self.decode([Rational].self, Self.json(rationals)) == rationals)
        #expect(try Self.decode([Dyadic].self, Self.json(dyadics)) == dyadics)
        // Each value is one JSON string holding the canonical text (JSONEncoder may
        // escape '/' as '\/', so read the string back rather than compare bytes).
        for x in integers {
            #expect(try Self.decode(String.self, Self.json(x)) == x.description)
        }
        for x in rationals {
            #expect(try Self.decode(String.self, Self.json(x)) == x.description)
        }
        for x in dyadics {
            #expect(try Self.decode(String.self, Self.json(x)) == x.description)
        }
    }

    @Test("values encode as JSON strings")
    func encoding() throws {
        #expect(try Self.json(BigInt(-12)) == "\"-12\"")
        #expect(try Self.decode(String.self, Self.json(Rational(3, 8))) == "3/8")
        #expect(try Self.decode(String.self, Self.json(Dyadic(mantissa: -3, exponent: 2))) == "-3/4")
        #expect(try Self.json(BigInt.powerOfTwo(100)) == "\"1267650600228229401496703205376\"")
        struct Record: Codable, Equatable {
            var weight: Rational
            var count: BigInt
            var step: Dyadic
        }
        let record = Record(weight: try Rational(-1, 3), count: BigInt.powerOfTwo(70), step: .inversePowerOfTwo(600))
        #expect(try Self.decode(Record.self, Self.json(record)) == record)
    }

    @Test("decoding rejects non-canonical strings and JSON numbers")
    func rejection() throws {
        #expect(try Self.decode(Rational.self, "\"1/2\"") == Rational(1, 2))
        #expect(throws: NumberSyntaxError(.notInLowestTerms(canonical: "1/2"), position: 2, in: "2/4")) {
            try Self.decode(Rational.self, "\"2/4\"")
        }
        #expect(throws: DecodingError.self) { try Self.decode(BigInt.self, "5") }
        #expect(throws: DecodingError.self) { try Self.decode(Rational.self, "0.5") }
        #expect(throws: DecodingError.self) { try Self.decode(Dyadic.self, "1") }
        #expect(throws: DecodingError.self) { try Self.decode(BigInt.self, "null") }
        #expect(throws: NumberSyntaxError.self) { try Self.decode(BigInt.self, "\"1/2\"") }
        #expect(throws: NumberSyntaxError.self) { try Self.decode(BigInt.self, "\"+5\"") }
        #expect(throws: NumberSyntaxError.self) { try Self.decode(BigInt.self, "\" 5\"") }
        #expect(throws: NumberSyntaxError(.notDyadic, position: 3, in: "1/3")) { try Self.decode(Dyadic.self, "\"1/3\"") }
        #expect(throws: NumberSyntaxError.self) { try Self.decode([Rational].self, "[\"1/3\", \"3/1\"]") }
        // The default digit limit applies to decoded numbers.
        let long = "\"" + String(repeating: "9", count: 10_001) + "\""
        #expect(throws: NumberSyntaxError.self) { try Self.decode(BigInt.self, long) }
    }
}
