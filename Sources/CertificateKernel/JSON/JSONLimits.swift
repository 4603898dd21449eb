/// Resource limits the JSON parser enforces, each checked before the work it bounds.
///
/// A document larger than ``maximumBytes`` is rejected before any byte is parsed; a
/// string longer than ``maximumStringBytes`` is rejected as soon as the parser has
/// read that many bytes of it, before any `String` is built; containers nested more
/// than ``maximumDepth`` deep are rejected when the first one too many opens.
/// Negative values act as zero.
///
/// The parser itself is iterative and never recurses, whatever the depth. Values
/// are freed, compared and written recursively, so keep ``maximumDepth`` within a
/// few thousand levels.
///
/// ```swift
/// let limits = JSONLimits(maximumBytes: 1 << 20)
/// let value = try JSONParser.parse(bytes, limits: limits)
/// ```
public struct JSONLimits: Equatable, Sendable {
    /// The deepest nesting of arrays and objects allowed; a scalar document has
    /// depth 0, `[]` depth 1, `[[]]` depth 2. Default 64.
    public var maximumDepth: Int
    /// The largest document, in bytes. Default 256 MiB.
    public var maximumBytes: Int
    /// The longest string (value or key), in bytes of its text between the quotes
    /// as written in the document (escapes counted as written). Default 64 MiB.
    public var maximumStringBytes: Int

    /// Limits with these values; each defaults to the documented default.
    public init(
        maximumDepth: Int = 64,
        maximumBytes: Int = 256 * 1024 * 1024,
        maximumStringBytes: Int = 64 * 1024 * 1024
    ) {
        self.maximumDepth = maximumDepth
        self.maximumBytes = maximumBytes
        self.maximumStringBytes = maximumStringBytes
    }
}
