import ExactArithmetic

/// The sup-normalised Haar function psi(j, k)(x) = psi(2^j x - k) (MATH.md sec. 4):
/// +1 on the left child of I(j, k), -1 on its right child, 0 elsewhere.
/// <psi(j,k), psi(j,k)> = 2^-j, and distinct Haar functions are orthogonal.
public struct HaarFunction: Hashable, Sendable {
    /// The support I(j, k).
    public let support: DyadicInterval

    /// psi(level, index).
    public init(level: Int, index: Int) throws(DyadicFunctionError) {
        guard level < DyadicInterval.maximumLevel else { throw .levelOutOfRange(level: level, range: 0...(DyadicInterval.maximumLevel - 1)) }
        support = try DyadicInterval(level: level, index: index)
    }

    /// The Haar function as a step function (a dyadic step function of level j+1).
    public var stepFunction: StepFunction {
        let left = support.lowerBound.rational, middle = support.midpoint.rational, right = support.upperBound.rational
        var breakpoints: [Rational] = [0], values: [Rational] = []
        if left.signum > 0 { breakpoints.append(left); values.append(0) }
        breakpoints.append(middle); values.append(1)
        breakpoints.append(right); values.append(-1)
        if right < Rational.one { breakpoints.append(1); values.append(0) }
        return StepFunction(canonicalBreakpoints: breakpoints, values: values)
    }

    /// The value on cell c of level J (J > j): +1, -1 or 0.
    public func value(cell c: Int, level J: Int) -> Int {
        precondition(J > support.level)
        let shift = J - support.level
        guard c >> shift == support.index else { return 0 }
        return (c >> (shift - 1)) & 1 == 0 ? 1 : -1
    }
}
