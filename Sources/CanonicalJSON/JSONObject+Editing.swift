import CertificateKernel

// Building, editing and walking JSON values, for the canonical writer, the generator, the
// tools and the tests. The kernel only reads objects by key (`keys`, `values`, the
// subscript), so these live outside the trusted base.

extension JSONObject {
    /// The members in order, as `(key, value)` pairs.
    public var members: [(key: String, value: JSONValue)] { Array(self) }

    /// The number of members.
    public var count: Int { keys.count }

    /// Whether the object has no members.
    public var isEmpty: Bool { keys.isEmpty }

    /// Sets the value of the member named `key`: in place if the key is present,
    /// otherwise as a new last member. Returns the replaced value, if any.
    @discardableResult
    public mutating func updateValue(_ value: JSONValue, forKey key: String) -> JSONValue? {
        if let position = positions[JSONKey(key)] {
            let old = values[position]
            values[position] = value
            return old
        }
        positions[JSONKey(key)] = keys.count
        keys.append(key)
        values.append(value)
        return nil
    }

    /// Removes the member named `key` (linear time) and returns its value, if any.
    @discardableResult
    public mutating func removeValue(forKey key: String) -> JSONValue? {
        guard let position = positions.removeValue(forKey: JSONKey(key)) else { return nil }
        keys.remove(at: position)
        let old = values.remove(at: position)
        for index in position..<keys.count {
            positions[JSONKey(keys[index])] = index
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

extension JSONValue {
    /// Whether this value is a string, number, boolean or null (not a container).
    public var isScalar: Bool {
        switch self {
        case .object, .array: false
        case .string, .number, .bool, .null: true
        }
    }
}
