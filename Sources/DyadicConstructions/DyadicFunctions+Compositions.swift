import ExactArithmetic
import DyadicFunctions

// Operations on step functions and piecewise-linear functions that the generator and
// the tests use and the kernel never does: the pointwise algebra of step functions and
// compositions (MATH.md secs. 2-3).

/// Builds a value from data known to be valid; a failure is a bug in this file.
@inline(__always)
private func valid<T>(_ make: () throws -> T) -> T {
    do { return try make() } catch { preconditionFailure("valid by construction: \(error)") }
}

extension StepFunction {
    /// The pointwise combination op(f, g) over the common refinement.
    public static func combine(_ f: StepFunction, _ g: StepFunction, _ op: (Rational, Rational) -> Rational) -> StepFunction {
        var breakpoints: [Rational] = [0]
        var values: [Rational] = []
        forEachRefinedPiece(f.breakpoints, g.breakpoints) { _, end, i, j in
            breakpoints.append(end)
            values.append(op(f.values[i], g.values[j]))
        }
        return valid { try StepFunction(breakpoints: breakpoints, values: values) }
    }

    public static func + (f: StepFunction, g: StepFunction) -> StepFunction { combine(f, g, +) }
    public static func - (f: StepFunction, g: StepFunction) -> StepFunction { combine(f, g, -) }
    /// The pointwise product.
    public static func * (f: StepFunction, g: StepFunction) -> StepFunction { combine(f, g, *) }

    /// The scalar multiple c f.
    public func scaled(by c: Rational) -> StepFunction {
        mapValues { $0 * c }
    }

    /// -f.
    public static prefix func - (f: StepFunction) -> StepFunction {
        f.mapValues { -$0 }
    }

    /// The integral over [0, 1): sum_i (t_{i+1} - t_i) v_i.
    public var integral: Rational {
        Rational.sum((0..<values.count).lazy.map { (self.breakpoints[$0 + 1] - self.breakpoints[$0]) * self.values[$0] })
    }

    /// The essential supremum of |f| (every piece has positive length).
    public var supNorm: Rational {
        values.lazy.map(\.magnitude).max() ?? 0
    }

    /// The composition f o g of this step function with a piecewise-linear g whose
    /// values on [0, 1) lie in [0, 1] (almost everywhere: single points never matter).
    ///
    /// On each linear piece of g, the preimages of f's breakpoints cut it into pieces on
    /// which f o g is constant; its value is f at g's value at the sub-piece's midpoint.
    public func composed(after g: PiecewiseLinear) throws(DyadicFunctionError) -> StepFunction {
        var breakpoints: [Rational] = [0], values: [Rational] = []
        for i in 0..<g.pieceCount {
            try g.checkValuesInUnitInterval(onPiece: i)
            var left = g.knots[i]
            for point in g.crossings(onPiece: i, of: self.breakpoints) + [g.knots[i + 1]] {
                let middle = g.value(onPiece: i, at: (left + point).timesPowerOfTwo(-1))
                values.append(self.values[pieceIndex(containing: middle)])
                breakpoints.append(point)
                left = point
            }
        }
        return try StepFunction(breakpoints: breakpoints, values: values)
    }
}

extension PiecewiseLinear {
    /// The tent map T(y) = 1 - |2y - 1|.
    public static let tent = valid { try PiecewiseLinear(knots: [0, Rational.one.timesPowerOfTwo(-1), 1], values: [0, 1, 0]) }

    /// Whether the function is continuous on [0, 1].
    public var isContinuous: Bool { discontinuity == nil }

    /// g(x) for x in [0, 1]; at x = 1 the last piece's end value (its limit).
    public func value(at x: Rational) throws(DyadicFunctionError) -> Rational {
        guard x.signum >= 0 && x <= Rational.one else { throw .pointOutsideDomain(x) }
        if x == Rational.one { return endValues[pieceCount - 1] }
        return value(onPiece: StepFunction.pieceIndex(of: x, in: knots), at: x)
    }

    /// The points of the open piece (s_i, s_{i+1}) where the function takes one of the
    /// `levels` (sorted ascending), in increasing order: on a linear piece from alpha to
    /// beta, level t is crossed at s_i + (t - alpha)(s_{i+1} - s_i)/(beta - alpha).
    public func crossings(onPiece i: Int, of levels: [Rational]) -> [Rational] {
        let a = knots[i], b = knots[i + 1], alpha = startValues[i], beta = endValues[i]
        guard alpha != beta else { return [] }
        let low = min(alpha, beta), high = max(alpha, beta)
        var points = levels.filter { $0 > low && $0 < high }.map { a + ($0 - alpha) * (b - a) / (beta - alpha) }
        if alpha > beta { points.reverse() }
        return points
    }

    /// Throws when piece i takes a value outside [0, 1] (the domain of an outer function).
    func checkValuesInUnitInterval(onPiece i: Int) throws(DyadicFunctionError) {
        for v in [startValues[i], endValues[i]] where v.signum < 0 || v > Rational.one { throw .compositionOutsideDomain(v) }
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
            try checkValuesInUnitInterval(onPiece: i)
            var left = self.knots[i]
            let right = self.knots[i + 1]
            for point in crossings(onPiece: i, of: outer.knots) + [right] {
                let inner0 = value(onPiece: i, at: left)
                let inner1 = point == right ? endValues[i] : value(onPiece: i, at: point)
                starts.append(try outer.value(at: inner0))
                ends.append(try outer.value(at: inner1))
                knots.append(point)
                left = point
            }
        }
        return try PiecewiseLinear(knots: knots, startValues: starts, endValues: ends)
    }
}
