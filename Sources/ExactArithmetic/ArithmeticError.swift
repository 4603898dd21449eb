/// An arithmetic operation that has no exact result, or whose result is too large.
public enum ArithmeticError: Error, Equatable, Sendable {
    /// Division (or a reciprocal) with a zero divisor.
    case divisionByZero
    /// A rational whose denominator is not a power of two, where a dyadic number is required.
    case notDyadic
    /// A result would exceed ``BigInt/maximumBitWidth`` bits.
    case resultTooLarge
}
