/// The members of a JSON object, in source order, with constant-time lookup by key.
///
/// Keys are unique (the parser rejects a repeated key). Two objects are equal when
/// they have the same keys in the same order with equal values: canonical files are
/// compared byte for byte, so member order matters.
///
/// Keys compare as Swift strings, that is up to Unicode canonical equivalence: two
/// keys that differ only in normalisation count as the same key.
///
/// ```swift
/// var object = JSONObject()
/// object.updateValue("c1", forKey: "id")
/// object.updateValue("3/8", forKey: "bound")
/// object.keys         // ["id", "bound"]
/// object["bound"]     // .string("3/8")
/// ```
public struct JSONObject: Equatable, Sendable {
    /// The keys, in member order.
    public private(set) var keys: [String] = []
    /// The values, in member order (`values[i]` belongs to `keys[i]`).
    public private(set) var values: [JSONValue] = []
    /// Position of each key in `keys` (so equal keys give equal positions, and the
    /// synthesised `==` compares keys and values).
    internal var positions: [String: Int] = [:]

    /// The empty object.
    public init() {}

    /// An object from parallel arrays of unique keys and values, with their index.
    /// The parser builds all three as it reads.
    internal init(uniqueKeys keys: [String], values: [JSONValue], positions: [String: Int]) {
        self.keys = keys
        self.values = values
        self.positions = positions
    }

    /// The members in order, as `(key, value)` pairs.
    public var members: [(key: String, value: JSONValue)] { Array(self) }

    /// The number of members.
    public var count: Int { keys.count }

    /// Whether the object has no members.
    public var isEmpty: Bool { keys.isEmpty }

    /// The value of the member named `key`, or nil.
    ///
    /// Setting a value replaces the member in place or appends a new member at the
    /// end; setting nil removes the member.
    public subscript(key: String) -> JSONValue? {
        get {
            guard let position = positions[key] else { return nil }
            return values[position]
        }
        set {
            if let newValue {
                updateValue(newValue, forKey: key)
            } else {
                removeValue(forKey: key)
            }
        }
    }

    /// Sets the value of the member named `key`: in place if the key is present,
    /// otherwise as a new last member. Returns the replaced value, if any.
    @discardableResult
    public mutating func updateValue(_ value: JSONValue, forKey key: String) -> JSONValue? {
        if let position = positions[key] {
            let old = values[position]
            values[position] = value
            return old
        }
        positions[key] = keys.count
        keys.append(key)
        values.append(value)
        return nil
    }

    /// Removes the member named `key` (linear time) and returns its value, if any.
    @discardableResult
    public mutating func removeValue(forKey key: String) -> JSONValue? {
        guard let position = positions.removeValue(forKey: key) else { return nil }
        keys.remove(at: position)
        let old = values.remove(at: position)
        for index in position..<keys.count {
            positions[keys[index]] = index
        }
        return old
    }
}

extension JSONObject: Sequence {
    /// The members in order, as `(key, value)` pairs.
    public func makeIterator() -> some IteratorProtocol<(key: String, value: JSONValue)> {
        zip(keys, values).lazy.map { (key: $0, value: $1) }.makeIterator()
    }
}
