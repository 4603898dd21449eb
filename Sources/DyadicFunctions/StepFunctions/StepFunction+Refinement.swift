import ExactArithmetic

// The common refinement of two partitions of [0, 1), swept in linear time: the one
// merge loop behind inner products and sup distances of step functions and of
// piecewise-linear against step functions.

extension StepFunction {
    /// Calls `body(start, end, i, j)` for each piece [start, end) of the common
    /// refinement of the partitions `f` and `g` of [0, 1) (each 0 = t_0 < ... < t_n = 1),
    /// where [start, end) lies in [f[i], f[i+1]) and in [g[j], g[j+1]).
    @inlinable
    public static func forEachRefinedPiece(
        _ f: [Rational], _ g: [Rational],
        _ body: (_ start: Rational, _ end: Rational, _ i: Int, _ j: Int) throws -> Void
    ) rethrows {
        var i = 0, j = 0
        var start = Rational.zero
        while true {
            let nextF = f[i + 1], nextG = g[j + 1]
            let order = Rational.compare(nextF, nextG)
            let end = order <= 0 ? nextF : nextG
            try body(start, end, i, j)
            if end == Rational.one { return }
            if order <= 0 { i += 1 }
            if order >= 0 { j += 1 }
            start = end
        }
    }

    /// The inner product <f, g> = integral of f g over [0, 1), exactly.
    public func innerProduct(with g: StepFunction) -> Rational {
        var terms: [Rational] = []
        terms.reserveCapacity(values.count + g.values.count)
        StepFunction.forEachRefinedPiece(breakpoints, g.breakpoints) { start, end, i, j in
            let product = values[i] * g.values[j]
            if !product.isZero { terms.append((end - start) * product) }
        }
        return Rational.sum(terms)
    }
}
