import CertificateKernel

// Conveniences for building JSON values in Swift source: the generator, the tools and
// the tests write certificates with literals; the kernel only reads JSON, so these
// live outside the trusted base.

extension JSONValue: ExpressibleByStringLiteral {
    /// A `.string` value.
    public init(stringLiteral value: String) {
        self = .string(value)
    }
}

extension JSONValue: ExpressibleByIntegerLiteral {
    /// A `.number` value with the integer's decimal numeral.
    public init(integerLiteral value: Int) {
        self = .number(String(value))
    }
}

extension JSONValue: ExpressibleByBooleanLiteral {
    /// A `.bool` value.
    public init(booleanLiteral value: Bool) {
        self = .bool(value)
    }
}

extension JSONValue: ExpressibleByArrayLiteral {
    /// An `.array` value.
    public init(arrayLiteral elements: JSONValue...) {
        self = .array(elements)
    }
}

extension JSONValue: ExpressibleByDictionaryLiteral {
    /// An `.object` value with the members in literal order (a repeated key keeps its
    /// first position and takes the later value).
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        var object = JSONObject()
        for (key, value) in elements {
            object.updateValue(value, forKey: key)
        }
        self = .object(object)
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    /// An object with the members in literal order (a repeated key keeps its first
    /// position and takes the later value).
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init()
        for (key, value) in elements {
            updateValue(value, forKey: key)
        }
    }
}

extension JSONObject {
    /// An object with these members in this order; a repeated key keeps its first
    /// position and takes the later value.
    public init(_ members: [(key: String, value: JSONValue)]) {
        self.init()
        for member in members {
            updateValue(member.value, forKey: member.key)
        }
    }
}
