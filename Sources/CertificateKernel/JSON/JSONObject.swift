/// The members of a JSON object, in source order, with constant-time lookup by key.
///
/// Keys are unique (the parser rejects a repeated key). Two objects are equal when
/// they have the same keys in the same order with equal values: canonical files are
/// compared byte for byte, so member order matters.
///
/// Keys compare code point by code point (`JSONKey`, RFC 8259 sec. 8.3): two keys that differ only in
/// normalisation are different keys.
///
/// The kernel only reads objects; building and editing them (`updateValue`,
/// `removeValue`, the subscript's setter, the members as a sequence) is in CanonicalJSON.
///
/// ```swift
/// let value = try JSONParser.parse(Array(#"{"id": "c1", "bound": "3/8"}"#.utf8))
/// if case .object(let object) = value {
///     object.keys      // ["id", "bound"]
///     object["bound"]  // .string("3/8")
/// }
/// ```
public struct JSONObject: Equatable, Sendable {
    /// The keys, in member order.
    public package(set) var keys: [String] = []
    /// The values, in member order (`values[i]` belongs to `keys[i]`).
    public package(set) var values: [JSONValue] = []
    /// Position of each key in `keys` (so equal keys give equal positions, and the
    /// synthesised `==` compares keys and values).
    package var positions: [JSONKey: Int] = [:]

    /// The empty object.
    public init() {}

    /// An object from parallel arrays of unique keys and values, with their index.
    /// The parser builds all three as it reads.
    internal init(uniqueKeys keys: [String], values: [JSONValue], positions: [JSONKey: Int]) {
        self.keys = keys
        self.values = values
        self.positions = positions
    }

    /// The value of the member named `key`, or nil.
    public subscript(key: String) -> JSONValue? {
        guard let position = positions[JSONKey(key)] else { return nil }
        return values[position]
    }
}
