import Testing
@testable import CertificateKernel

/// The ordered object type.
@Suite("JSON object")
struct JSONObjectTests {
    @Test("members keep insertion order; updating keeps the position")
    func order() {
        var object = JSONObject()
        #expect(object.isEmpty)
        object.updateValue("1", forKey: "z")
        object.updateValue("2", forKey: "a")
        #expect(object.updateValue("3", forKey: "z") == .string("1"))
        #expect(object.keys == ["z", "a"])
        #expect(object.values == [.string("3"), .string("2")])
        #expect(object["z"] == .string("3"))
        #expect(object.count == 2)
        object["m"] = .null
        #expect(object.keys == ["z", "a", "m"])
    }

    @Test("removing a member keeps the others' order and lookups")
    func removal() {
        var object: JSONObject = ["a": "1", "b": "2", "c": "3", "d": "4"]
        #expect(object.removeValue(forKey: "b") == .string("2"))
        #expect(object.removeValue(forKey: "missing") == nil)
        object["d"] = nil
        #expect(object.keys == ["a", "c"])
        #expect(object["a"] == .string("1"))
        #expect(object["c"] == .string("3"))
        #expect(object["b"] == nil)
        #expect(object["d"] == nil)
        object["b"] = "5"
        #expect(object.keys == ["a", "c", "b"])
        #expect(object["b"] == .string("5"))
    }

    @Test("equality is order-sensitive; a repeated key in a literal takes the later value")
    func equality() {
        let ab: JSONObject = ["a": "1", "b": "2"]
        let ba: JSONObject = ["b": "2", "a": "1"]
        #expect(ab != ba)
        #expect(ab == JSONObject([(key: "a", value: "1"), (key: "b", value: "2")]))
        let repeated = JSONObject([(key: "a", value: "1"), (key: "b", value: "2"), (key: "a", value: "3")])
        #expect(repeated.keys == ["a", "b"])
        #expect(repeated["a"] == .string("3"))
        #expect(Array(repeated.map(\.key)) == ["a", "b"])
        #expect(repeated.members.map(\.value) == [.string("3"), .string("2")])
    }

    @Test("literals build the values they spell")
    func literals() {
        let value: JSONValue = ["n": 7, "neg": -12, "t": true, "a": ["x", false], "o": [:]]
        let expected = JSONValue.object(
            JSONObject([
                (key: "n", value: .number("7")),
                (key: "neg", value: .number("-12")),
                (key: "t", value: .bool(true)),
                (key: "a", value: .array([.string("x"), .bool(false)])),
                (key: "o", value: .object(JSONObject())),
            ]))
        #expect(value == expected)
    }
}
