/// A JSON value as it appears in a certificate file.
///
/// Numbers keep their raw numeral text (`"-12.5e3"`), validated against the JSON
/// grammar by the parser; certificates carry every number as a string, so the schema
/// layer rejects `.number` where a value is expected, with its location.
/// Object members stay in source order (see ``JSONObject``).
///
/// Strings compare with Swift's `String` equality, that is up to Unicode canonical
/// equivalence; the canonical writer writes their scalars exactly as stored.
///
/// ```swift
/// let value = try JSONParser.parse(Array(#"{"id": "c1", "bound": "3/8"}"#.utf8))
/// if case .object(let object) = value, case .string(let bound)? = object["bound"] {
///     print(bound)  // 3/8
/// }
/// ```
public enum JSONValue: Equatable, Sendable {
    /// An object, members in source order.
    case object(JSONObject)
    /// An array.
    case array([JSONValue])
    /// A string, escapes decoded.
    case string(String)
    /// A number, as its raw numeral text (`-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`).
    case number(String)
    /// `true` or `false`.
    case bool(Bool)
    /// `null`.
    case null

    /// The JSON name of this value's type, for error messages:
    /// "object", "array", "string", "number", "boolean" or "null".
    public var typeName: String {
        switch self {
        case .object: "object"
        case .array: "array"
        case .string: "string"
        case .number: "number"
        case .bool: "boolean"
        case .null: "null"
        }
    }

    /// Whether this value is a string, number, boolean or null (not a container).
    public var isScalar: Bool {
        switch self {
        case .object, .array: false
        case .string, .number, .bool, .null: true
        }
    }

    /// Whether `text` is a numeral of the JSON grammar
    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, as `.number` requires.
    ///
    /// The canonical writer writes a `.number` payload verbatim; build numbers from
    /// text that passes this check.
    public static func isValidNumber(_ text: String) -> Bool {
        let utf8 = Array(text.utf8)
        return utf8.withUnsafeBufferPointer { bytes in
            guard case .success(let end) = _JSONNumberScanner.scan(bytes, from: 0) else {
                return false
            }
            return end == bytes.count
        }
    }
}

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
