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
        try DyadicFunctionError.checkLevel(level, in: 0...61)
        try DyadicFunctionError.checkIndex("interval index", index, in: 0..<(1 << level))
        self.level = level
        self.index = index
    }

    /// The Haar function as a step function (a dyadic step function of level j+1).
    public var stepFunction: StepFunction {
        // The ends and midpoint of I(j, k), with a zero piece before and after where I does
        // not reach 0 or 1.
        let ends = (2 * index...2 * index + 2).map { Dyadic(mantissa: BigInt($0), exponent: level + 1).rational }
        let zeroBefore = ends[0].signum > 0, zeroAfter = ends[2] < Rational.one
        let breakpoints = (zeroBefore ? [0] : []) + ends + (zeroAfter ? [1] : [])
        let values: [Rational] = (zeroBefore ? [0] : []) + [1, -1] + (zeroAfter ? [0] : [])
        return StepFunction(canonicalBreakpoints: breakpoints, values: values)
    }
}
