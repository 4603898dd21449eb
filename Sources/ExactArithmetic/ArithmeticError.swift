/// An arithmetic operation that has no exact result, or whose result is too large.
public enum ArithmeticError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Division (or a reciprocal) with a zero divisor.
    case divisionByZero
    /// A rational whose denominator is not a power of two, where a dyadic number is required.
    case notDyadic
    /// A result would exceed ``BigInt/maximumBitWidth`` bits.
    case resultTooLarge

    public var description: String {
        switch self {
        case .divisionByZero: return "division by zero"
        case .notDyadic: return "not a dyadic rational (the denominator is not a power of two)"
        case .resultTooLarge: return "the exact result would be too large"
        }
    }
}
