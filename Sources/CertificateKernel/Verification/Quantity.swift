import ExactArithmetic

/// What a verified claim establishes about one named quantity: an exact value or a
/// bound, as a closed interval [lower, upper] with rational ends (nil = unbounded).
///
/// The `bits` rule combines quantities by interval arithmetic, which is sound: if each
/// quantity lies in its interval, every linear combination lies in the combined one.
public struct Quantity: Sendable, Equatable, CustomStringConvertible {
    public var lower: Rational?
    public var upper: Rational?

    package init(lower: Rational?, upper: Rational?) {
        self.lower = lower
        self.upper = upper
    }

    public static func exact(_ value: Rational) -> Quantity { Quantity(lower: value, upper: value) }
    public static func exact(_ value: BigInt) -> Quantity { exact(Rational(value)) }
    public static func exact(_ value: Int) -> Quantity { exact(Rational(value)) }
    public static func atLeast(_ value: Rational) -> Quantity { Quantity(lower: value, upper: nil) }
    public static func atMost(_ value: Rational) -> Quantity { Quantity(lower: nil, upper: value) }

    /// Whether the interval is one exact value.
    public var isExact: Bool { lower != nil && lower == upper }

    /// c * [lower, upper] (ends swap for negative c).
    package func scaled(by c: Rational) -> Quantity {
        if c.isZero { return .exact(Rational.zero) }
        let a = lower.map { $0 * c }, b = upper.map { $0 * c }
        return c.signum > 0 ? Quantity(lower: a, upper: b) : Quantity(lower: b, upper: a)
    }

    /// The sum of `terms`: [a_1, b_1] + ... + [a_n, b_n] = [a_1 + ... + a_n, b_1 + ... + b_n],
    /// an end unbounded when a term's is. Each end is a balanced sum (`Rational.sum`): n terms
    /// with unrelated denominators form an n-fold longer sum, which a left-to-right sum
    /// reaches through n ever longer additions (minutes for a `bits` claim of 16,000 terms).
    package static func sum(_ terms: [Quantity]) -> Quantity {
        let lowers = terms.compactMap(\.lower), uppers = terms.compactMap(\.upper)
        return Quantity(
            lower: lowers.count == terms.count ? Rational.sum(lowers) : nil,
            upper: uppers.count == terms.count ? Rational.sum(uppers) : nil)
    }

    public var description: String {
        if let lower, let upper, lower == upper { return "= \(lower)" }
        return "in [\(lower?.description ?? "-inf"), \(upper?.description ?? "+inf")]"
    }
}

/// The comparison a statement makes.
public enum Relation: String, FormatWord {
    case lessOrEqual = "<="
    case less = "<"
    case greaterOrEqual = ">="
    case greater = ">"
    case equal = "="

    /// Whether every value in the interval stands in this relation to `bound`.
    package func holds(for q: Quantity, _ bound: Rational) -> Bool {
        switch self {
        case .lessOrEqual: return q.upper.map { $0 <= bound } ?? false
        case .less: return q.upper.map { $0 < bound } ?? false
        case .greaterOrEqual: return q.lower.map { $0 >= bound } ?? false
        case .greater: return q.lower.map { $0 > bound } ?? false
        case .equal: return q.lower == bound && q.upper == bound
        }
    }

    /// What a true statement `x relation bound` tells about x (nonNegative: x >= 0).
    package func quantity(bound: Rational, nonNegative: Bool) -> Quantity {
        let floor: Rational? = nonNegative ? Rational.zero : nil
        switch self {
        case .equal: return .exact(bound)
        case .lessOrEqual, .less: return Quantity(lower: floor, upper: bound)
        case .greaterOrEqual, .greater: return Quantity(lower: bound, upper: nil)
        }
    }
}
