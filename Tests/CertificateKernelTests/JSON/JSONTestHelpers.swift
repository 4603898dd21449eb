import Testing
@testable import CertificateKernel

// Helpers only the tests use, kept out of the kernel: the JSON type names and the
// numeral check of the JSON grammar (through the parser's own number scanner).

extension JSONValue {
    /// The JSON name of this value's type: "object", "array", "string", "number",
    /// "boolean" or "null".
    var typeName: String {
        switch self {
        case .object: "object"
        case .array: "array"
        case .string: "string"
        case .number: "number"
        case .bool: "boolean"
        case .null: "null"
        }
    }

    /// Whether `text` is a numeral of the JSON grammar
    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, as `.number` requires.
    ///
    /// The canonical writer writes a `.number` payload verbatim; build numbers from
    /// text that passes this check.
    static func isValidNumber(_ text: String) -> Bool {
        let utf8 = Array(text.utf8)
        return utf8.withUnsafeBufferPointer { bytes in
            guard case .success(let end) = _JSONNumberScanner.scan(bytes, from: 0) else {
                return false
            }
            return end == bytes.count
        }
    }
}
