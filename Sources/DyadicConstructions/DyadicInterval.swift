import ExactArithmetic
import DyadicFunctions

/// The dyadic interval I(j, k) = [k/2^j, (k+1)/2^j), 0 <= k < 2^j (MATH.md sec. 2).
///
/// Intervals are half-open. Its children are I(j+1, 2k) (left) and I(j+1, 2k+1)
/// (right); the level-J cells are I(J, k), k = 0..2^J-1.
public struct DyadicInterval: Hashable, Sendable, CustomStringConvertible {
    /// The largest supported level (indices are machine words).
    public static let maximumLevel = 62

    /// The level j.
    public let level: Int
    /// The index k, 0 <= k < 2^j.
    public let index: Int

    /// I(level, index).
    public init(level: Int, index: Int) throws(DyadicFunctionError) {
        guard (0...DyadicInterval.maximumLevel).contains(level) else {
            throw .levelOutOfRange(level: level, range: 0...DyadicInterval.maximumLevel)
        }
        guard index >= 0 && index < 1 << level else {
            throw .indexOutOfRange(what: "interval index", index: index, range: 0..<(1 << level))
        }
        self.level = level
        self.index = index
    }

    init(uncheckedLevel level: Int, index: Int) {
        self.level = level
        self.index = index
    }

    /// The left endpoint k / 2^j.
    public var lowerBound: Dyadic { Dyadic(mantissa: BigInt(index), exponent: level) }
    /// The right endpoint (k+1) / 2^j (not in the interval).
    public var upperBound: Dyadic { Dyadic(mantissa: BigInt(index + 1), exponent: level) }
    /// The midpoint (2k+1) / 2^(j+1).
    public var midpoint: Dyadic { Dyadic(mantissa: BigInt(2 * index + 1), exponent: level + 1) }

    public var description: String { "I(\(level),\(index))" }
}

extension DyadicInterval {
    /// The whole domain [0, 1) = I(0, 0).
    public static let unit = DyadicInterval(uncheckedLevel: 0, index: 0)

    /// The length 2^-j.
    public var length: Dyadic { Dyadic.inversePowerOfTwo(level) }

    /// I(j+1, 2k).
    public var leftChild: DyadicInterval {
        precondition(level < DyadicInterval.maximumLevel)
        return DyadicInterval(uncheckedLevel: level + 1, index: 2 * index)
    }

    /// I(j+1, 2k+1).
    public var rightChild: DyadicInterval {
        precondition(level < DyadicInterval.maximumLevel)
        return DyadicInterval(uncheckedLevel: level + 1, index: 2 * index + 1)
    }

    /// I(j-1, floor(k/2)), or nil for [0, 1).
    public var parent: DyadicInterval? {
        level == 0 ? nil : DyadicInterval(uncheckedLevel: level - 1, index: index >> 1)
    }

    /// The ancestor at a level `j <= level`: I(j, floor(k / 2^(level - j))).
    public func ancestor(atLevel j: Int) -> DyadicInterval {
        precondition(j >= 0 && j <= level)
        return DyadicInterval(uncheckedLevel: j, index: index >> (level - j))
    }

    /// Whether x lies in [k/2^j, (k+1)/2^j).
    public func contains(_ x: Rational) -> Bool {
        let scaled = x.timesPowerOfTwo(level) // 2^j x
        return scaled >= Rational(index) && scaled < Rational(index + 1)
    }

    /// Whether `other` is contained in this interval (equal intervals included).
    public func contains(_ other: DyadicInterval) -> Bool {
        other.level >= level && other.index >> (other.level - level) == index
    }

    /// The level-j interval that contains x in [0, 1): index anc_j(x) = floor(2^j x).
    public static func containing(_ x: Rational, atLevel j: Int) throws(DyadicFunctionError) -> DyadicInterval {
        guard x.signum >= 0 && x < Rational.one else { throw .pointOutsideDomain(x) }
        guard (0...maximumLevel).contains(j) else { throw .levelOutOfRange(level: j, range: 0...maximumLevel) }
        return DyadicInterval(uncheckedLevel: j, index: x.timesPowerOfTwo(j).floor.intValue ?? 0)
    }
}

extension HaarFunction {
    /// The support I(j, k).
    public var support: DyadicInterval { DyadicInterval(uncheckedLevel: level, index: index) }
}
