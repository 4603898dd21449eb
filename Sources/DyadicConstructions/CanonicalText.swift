import ExactArithmetic

/// A number type with one canonical text form, parsed strictly by
/// `init(parsing:digitLimit:)` and written by `description` (`-12`, `3/8`): the
/// `LosslessStringConvertible` and `Codable` conformances of ``BigInt``, ``Dyadic`` and
/// ``Rational`` are written once here, on that pair.
public protocol CanonicalText: LosslessStringConvertible, Codable {
    /// Parses the canonical form, rejecting every other spelling with its position.
    init(parsing text: some StringProtocol, digitLimit: Int) throws(NumberSyntaxError)
}

extension CanonicalText {
    /// Parses the canonical form with the default digit limit; nil on any deviation.
    public init?(_ description: String) {
        guard let value = try? Self(parsing: description, digitLimit: BigInt.defaultDigitLimit) else { return nil }
        self = value
    }

    /// Decodes the canonical string (never a JSON number).
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        self = try Self(parsing: text, digitLimit: BigInt.defaultDigitLimit)
    }

    /// Encodes the canonical string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

// Outside the trusted base: the kernel reads numbers with `init(parsing:digitLimit:)`
// only, never through `Codable` or `LosslessStringConvertible`.
extension BigInt: CanonicalText {}
extension Rational: CanonicalText {}
extension Dyadic: CanonicalText {}
