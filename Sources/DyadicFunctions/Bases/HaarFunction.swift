import ExactArithmetic

/// The sup-normalised Haar function psi(j, k)(x) = psi(2^j x - k) (MATH.md sec. 4):
/// +1 on the left half of I(j, k) = [k/2^j, (k+1)/2^j), -1 on its right half, 0
/// elsewhere. <psi(j,k), psi(j,k)> = 2^-j, and distinct Haar functions are orthogonal.
public struct HaarFunction: Hashable, Sendable {
    /// The level j of the support I(j, k).
    public let level: Int
    /// The index k of the support I(j, k), 0 <= k < 2^j.
    public let index: Int

    /// psi(level, index), for 0 <= level <= 61 and 0 <= index < 2^level.
    public init(level: Int, index: Int) throws(DyadicFunctionError) {
        guard (0...61).contains(level) else { throw .levelOutOfRange(level: level, range: 0...61) }
        guard index >= 0 && index < 1 << level else {
            throw .indexOutOfRange(what: "interval index", index: index, range: 0..<(1 << level))
        }
        self.level = level
        self.index = index
    }

    /// The Haar function as a step function (a dyadic step function of level j+1).
    public var stepFunction: StepFunction {
        let left = Dyadic(mantissa: BigInt(2 * index), exponent: level + 1).rational
        let middle = Dyadic(mantissa: BigInt(2 * index + 1), exponent: level + 1).rational
        let right = Dyadic(mantissa: BigInt(2 * index + 2), exponent: level + 1).rational
        var breakpoints: [Rational] = [0], values: [Rational] = []
        if left.signum > 0 {
            breakpoints.append(left)
            values.append(0)
        }
        breakpoints.append(middle)
        values.append(1)
        breakpoints.append(right)
        values.append(-1)
        if right < Rational.one {
            breakpoints.append(1)
            values.append(0)
        }
        return StepFunction(canonicalBreakpoints: breakpoints, values: values)
    }
}
