import ExactArithmetic

/// A piecewise-linear function on [0, 1] with rational knots (MATH.md sec. 3).
///
/// On the piece [s_i, s_{i+1}) it is linear, starting at `startValues[i]` and tending
/// to `endValues[i]` at the right end (the right end counts as a limit). It is
/// continuous when every piece ends where the next one starts; the tent map and the
/// triangle waves T^(n) are continuous, the sawtooth maps S_n are not.
public struct PiecewiseLinear: Hashable, Sendable {
    /// The knots 0 = s_0 < ... < s_m = 1.
    public let knots: [Rational]
    /// The value at the left end of each piece.
    public let startValues: [Rational]
    /// The limit at the right end of each piece.
    public let endValues: [Rational]

    /// A continuous function with the given values at the knots (one more value than
    /// pieces).
    public init(knots: [Rational], values: [Rational]) throws(DyadicFunctionError) {
        try DyadicFunctionError.checkCount(
            "values of a continuous piecewise-linear function (one per knot)", expected: knots.count, found: values.count)
        try self.init(knots: knots, startValues: Array(values.dropLast()), endValues: Array(values.dropFirst()))
    }

    /// A possibly discontinuous function, piece by piece.
    public init(knots: [Rational], startValues: [Rational], endValues: [Rational]) throws(DyadicFunctionError) {
        try StepFunction.checkPartition(knots)
        try DyadicFunctionError.checkCount("piece start values", expected: knots.count - 1, found: startValues.count)
        try DyadicFunctionError.checkCount("piece end values", expected: knots.count - 1, found: endValues.count)
        self.init(uncheckedKnots: knots, startValues: startValues, endValues: endValues)
    }

    internal init(uncheckedKnots knots: [Rational], startValues: [Rational], endValues: [Rational]) {
        self.knots = knots
        self.startValues = startValues
        self.endValues = endValues
    }

    /// The number of linear pieces.
    public var pieceCount: Int { startValues.count }

    /// The first knot where a piece does not end at the next piece's start value.
    public var discontinuity: Rational? {
        for i in 1..<pieceCount where endValues[i - 1] != startValues[i] { return knots[i] }
        return nil
    }

    /// The value at x on the line of piece i (linear interpolation between its ends).
    public func value(onPiece i: Int, at x: Rational) -> Rational {
        let a = knots[i], b = knots[i + 1]
        return startValues[i] + (endValues[i] - startValues[i]) * (x - a) / (b - a)
    }

    /// ||g - s||_inf over [0, 1) exactly (MATH.md sec. 3): on each piece of the common
    /// refinement g is linear and s constant c, so the sup of |g - c| is attained at an
    /// end (the right end as a limit).
    public func supDistance(to s: StepFunction) -> SupDistance {
        var maximum = RunningMaximum()
        StepFunction.forEachRefinedPiece(knots, s.breakpoints) { start, end, i, j in
            let c = s.values[j]
            let atEnd = end == knots[i + 1] ? endValues[i] : value(onPiece: i, at: end)
            let candidate = max((value(onPiece: i, at: start) - c).magnitude, (atEnd - c).magnitude)
            maximum.offerExact(candidate, at: start)
        }
        return maximum.distance
    }

    /// The triangle wave T^(n) (n >= 1): the n-fold composition of the tent map, with
    /// knots i/2^n, values alternating 0, 1, 0, ...: 2^(n-1) teeth, slopes +-2^n.
    public static func triangleWave(_ n: Int) throws(DyadicFunctionError) -> PiecewiseLinear {
        guard (1...24).contains(n) else { throw .invalidParameter("triangle wave order \(n) is outside 1...24") }
        let pieces = 1 << n
        return PiecewiseLinear(
            uncheckedKnots: (0...pieces).map { Dyadic(mantissa: BigInt($0), exponent: n).rational },
            startValues: (0..<pieces).map { $0 & 1 == 0 ? 0 : 1 }, endValues: (0..<pieces).map { $0 & 1 == 0 ? 1 : 0 })
    }

    /// The sawtooth S_n(y) = frac(2^n y) (n >= 0): linear from 0 to (the limit) 1 on each
    /// I(n, k); discontinuous at the knots k/2^n for n >= 1.
    public static func sawtooth(_ n: Int) throws(DyadicFunctionError) -> PiecewiseLinear {
        guard (0...24).contains(n) else { throw .invalidParameter("sawtooth order \(n) is outside 0...24") }
        let pieces = 1 << n
        let knots = (0...pieces).map { Dyadic(mantissa: BigInt($0), exponent: n).rational }
        return PiecewiseLinear(
            uncheckedKnots: knots, startValues: Array(repeating: 0, count: pieces), endValues: Array(repeating: 1, count: pieces))
    }
}
