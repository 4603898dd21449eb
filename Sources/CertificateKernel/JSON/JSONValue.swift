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
}
