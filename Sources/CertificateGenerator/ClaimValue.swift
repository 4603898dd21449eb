import CertificateKernel
import ExactArithmetic

/// A value the generator states in a claim, in the form the format writes it: numbers in
/// canonical text, object and claim names as strings, words of the format by their raw
/// values, lists as arrays.
public protocol ClaimValue {
    var json: JSONValue { get }
}

extension Rational: ClaimValue {
    public var json: JSONValue { .string(description) }
}

extension BigInt: ClaimValue {
    public var json: JSONValue { .string(description) }
}

extension Int: ClaimValue {
    public var json: JSONValue { .string(String(self)) }
}

/// An object or claim name.
extension String: ClaimValue {
    public var json: JSONValue { .string(self) }
}

/// The format's words "yes" and "no".
extension Bool: ClaimValue {
    public var json: JSONValue { .string(self ? "yes" : "no") }
}

extension Array: ClaimValue where Element: ClaimValue {
    public var json: JSONValue { .array(map(\.json)) }
}

extension Relation: ClaimValue {
    public var json: JSONValue { .string(rawValue) }
}

extension Coding: ClaimValue {
    public var json: JSONValue { .string(rawValue) }
}

/// An object whose keys come from a declaration: `values[i]` is the value of `keys[i]`, and
/// a nil value leaves its key out. The one place the generator pairs keys with values.
func declared(_ keys: [String], _ values: [(any ClaimValue)?], _ what: String) -> JSONObject {
    precondition(keys.count == values.count, "generator: \(what) declares \(keys.count) keys, given \(values.count) values")
    return JSONObject(zip(keys, values).compactMap { key, value in value.map { (key: key, value: $0.json) } })
}

extension JSONValue: ClaimValue {
    public var json: JSONValue { self }
}
