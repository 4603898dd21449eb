/// An arithmetic operation that has no exact result.
public enum ArithmeticError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Division (or a reciprocal) with a zero divisor.
    case divisionByZero

    public var description: String {
        switch self {
        case .divisionByZero: return "division by zero"
        }
    }
}
