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
        guard values.count == knots.count else {
            throw .countMismatch(what: "values of a continuous piecewise-linear function (one per knot)", expected: knots.count, found: values.count)
        }
        try self.init(knots: knots, startValues: Array(values.dropLast()), endValues: Array(values.dropFirst()))
    }

    /// A possibly discontinuous function, piece by piece.
    public init(knots: [Rational], startValues: [Rational], endValues: [Rational]) throws(DyadicFunctionError) {
        guard knots.count >= 2 else { throw .tooFewBreakpoints(count: knots.count) }
        guard knots[0].isZero else { throw .firstBreakpointNotZero(knots[0]) }
        guard knots[knots.count - 1] == Rational.one else { throw .lastBreakpointNotOne(knots[knots.count - 1]) }
        for i in 1..<knots.count where !(knots[i - 1] < knots[i]) { throw .breakpointsNotIncreasing(index: i) }
        guard startValues.count == knots.count - 1 else {
            throw .countMismatch(what: "piece start values", expected: knots.count - 1, found: startValues.count)
        }
        guard endValues.count == knots.count - 1 else {
            throw .countMismatch(what: "piece end values", expected: knots.count - 1, found: endValues.count)
        }
        self.knots = knots
        self.startValues = startValues
        self.endValues = endValues
    }

    internal init(uncheckedKnots knots: [Rational], startValues: [Rational], endValues: [Rational]) {
        self.knots = knots
        self.startValues = startValues
        self.endValues = endValues
    }

    /// The number of linear pieces.
    public var pieceCount: Int { startValues.count }

    /// Whether the function is continuous on [0, 1].
    public var isContinuous: Bool { discontinuity == nil }

    /// The first knot where a piece does not end at the next piece's start value.
    public var discontinuity: Rational? {
        for i in 1..<pieceCount where endValues[i - 1] != startValues[i] { return knots[i] }
        return nil
    }

    /// The value at a knot-relative position on piece i: linear interpolation.
    internal func value(onPiece i: Int, at x: Rational) -> Rational {
        let a = knots[i], b = knots[i + 1]
        return startValues[i] + (endValues[i] - startValues[i]) * (x - a) / (b - a)
    }

    /// g(x) for x in [0, 1]; at x = 1 the last piece's end value (its limit).
    public func value(at x: Rational) throws(DyadicFunctionError) -> Rational {
        guard x.signum >= 0 && x <= Rational.one else { throw .pointOutsideDomain(x) }
        if x == Rational.one { return endValues[pieceCount - 1] }
        var low = 0, high = pieceCount - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if knots[mid] <= x { low = mid } else { high = mid - 1 }
        }
        return value(onPiece: low, at: x)
    }

    /// ||g - s||_inf over [0, 1) exactly (MATH.md sec. 3): on each piece of the common
    /// refinement g is linear and s constant c, so the sup of |g - c| is attained at an
    /// end (the right end as a limit).
    public func supDistance(to s: StepFunction) -> SupDistance {
        var best = Rational.zero
        var witness = Rational.zero
        var started = false
        var pieces = 0
        var i = 0, j = 0
        var start = Rational.zero
        while true {
            let nextG = knots[i + 1], nextS = s.breakpoints[j + 1]
            let order = Rational.compare(nextG, nextS)
            let end = order <= 0 ? nextG : nextS
            let c = s.values[j]
            let atStart = (value(onPiece: i, at: start) - c).magnitude
            let atEnd = ((end == nextG ? endValues[i] : value(onPiece: i, at: end)) - c).magnitude
            let candidate = max(atStart, atEnd)
            pieces += 1
            if !started || candidate > best {
                best = candidate
                witness = start
                started = true
            }
            if end == Rational.one { break }
            if order <= 0 { i += 1 }
            if order >= 0 { j += 1 }
            start = end
        }
        return SupDistance(value: best, witness: witness, refinedPieceCount: pieces)
    }

    /// The points of the open piece (s_i, s_{i+1}) where the function takes one of the
    /// `levels` (sorted ascending), in increasing order: on a linear piece from alpha to
    /// beta, level t is crossed at s_i + (t - alpha)(s_{i+1} - s_i)/(beta - alpha).
    internal func crossings(onPiece i: Int, of levels: [Rational]) -> [Rational] {
        let a = knots[i], b = knots[i + 1], alpha = startValues[i], beta = endValues[i]
        guard alpha != beta else { return [] }
        let low = min(alpha, beta), high = max(alpha, beta)
        var points = levels.filter { $0 > low && $0 < high }.map { a + ($0 - alpha) * (b - a) / (beta - alpha) }
        if alpha > beta { points.reverse() }
        return points
    }

    /// The composition outer o self, for a continuous `outer` and values of `self`
    /// inside [0, 1] (new knots where self crosses outer's knots).
    ///
    /// - Throws: ``DyadicFunctionError/notContinuous(at:)`` when `outer` is not
    ///   continuous (its one-sided limits at a jump would be lost), and
    ///   ``DyadicFunctionError/compositionOutsideDomain(_:)`` for values outside [0, 1].
    public func composed(into outer: PiecewiseLinear) throws(DyadicFunctionError) -> PiecewiseLinear {
        if let x = outer.discontinuity { throw .notContinuous(at: x) }
        var knots: [Rational] = [0], starts: [Rational] = [], ends: [Rational] = []
        for i in 0..<pieceCount {
            let a = self.knots[i], b = self.knots[i + 1]
            let alpha = startValues[i], beta = endValues[i]
            for v in [alpha, beta] where v.signum < 0 || v > Rational.one { throw .compositionOutsideDomain(v) }
            // Points of (a, b) where self crosses a knot of outer.
            let cuts = crossings(onPiece: i, of: outer.knots)
            var left = a
            for point in cuts + [b] {
                let inner0 = value(onPiece: i, at: left)
                let inner1 = point == b ? beta : value(onPiece: i, at: point)
                starts.append(try outer.value(at: inner0))
                ends.append(try outer.value(at: inner1))
                knots.append(point)
                left = point
            }
        }
        return PiecewiseLinear(uncheckedKnots: knots, startValues: starts, endValues: ends)
    }

    /// The tent map T(y) = 1 - |2y - 1|.
    public static let tent = PiecewiseLinear(uncheckedKnots: [0, Rational.one.timesPowerOfTwo(-1), 1], startValues: [0, 1], endValues: [1, 0])

    /// The triangle wave T^(n) (n >= 1): the n-fold composition of the tent map, with
    /// knots i/2^n, values alternating 0, 1, 0, ...: 2^(n-1) teeth, slopes +-2^n.
    public static func triangleWave(_ n: Int) throws(DyadicFunctionError) -> PiecewiseLinear {
        guard (1...24).contains(n) else { throw .invalidParameter("triangle wave order \(n) is outside 1...24") }
        let pieces = 1 << n
        var knots: [Rational] = [], starts: [Rational] = [], ends: [Rational] = []
        for i in 0...pieces { knots.append(Dyadic(mantissa: BigInt(i), exponent: n).rational) }
        for i in 0..<pieces {
            starts.append(i & 1 == 0 ? 0 : 1)
            ends.append(i & 1 == 0 ? 1 : 0)
        }
        return PiecewiseLinear(uncheckedKnots: knots, startValues: starts, endValues: ends)
    }

    /// The sawtooth S_n(y) = frac(2^n y) (n >= 0): linear from 0 to (the limit) 1 on each
    /// I(n, k); discontinuous at the knots k/2^n for n >= 1.
    public static func sawtooth(_ n: Int) throws(DyadicFunctionError) -> PiecewiseLinear {
        guard (0...24).contains(n) else { throw .invalidParameter("sawtooth order \(n) is outside 0...24") }
        let pieces = 1 << n
        let knots = (0...pieces).map { Dyadic(mantissa: BigInt($0), exponent: n).rational }
        return PiecewiseLinear(uncheckedKnots: knots, startValues: Array(repeating: 0, count: pieces), endValues: Array(repeating: 1, count: pieces))
    }
}

extension StepFunction {
    /// The composition f o g of this step function with a piecewise-linear g whose
    /// values on [0, 1) lie in [0, 1] (almost everywhere: single points never matter).
    ///
    /// On each linear piece of g, the preimages of f's breakpoints cut it into pieces on
    /// which f o g is constant; its value is f at g's value at the sub-piece's midpoint.
    public func composed(after g: PiecewiseLinear) throws(DyadicFunctionError) -> StepFunction {
        var breakpoints: [Rational] = [0], values: [Rational] = []
        for i in 0..<g.pieceCount {
            let a = g.knots[i], b = g.knots[i + 1]
            let alpha = g.startValues[i], beta = g.endValues[i]
            for v in [alpha, beta] where v.signum < 0 || v > Rational.one { throw .compositionOutsideDomain(v) }
            let cuts = g.crossings(onPiece: i, of: self.breakpoints)
            var left = a
            for point in cuts + [b] {
                let middle = g.value(onPiece: i, at: (left + point).timesPowerOfTwo(-1))
                values.append(self.values[pieceIndex(containing: middle)])
                breakpoints.append(point)
                left = point
            }
        }
        return StepFunction(mergingValidBreakpoints: breakpoints, values: values)
    }
}
