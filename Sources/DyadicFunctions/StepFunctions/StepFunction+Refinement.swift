import ExactArithmetic

// Binary operations by a linear-time merge of breakpoints (the common refinement).

extension StepFunction {
    /// Calls `body(start, end, i, j)` for each piece [start, end) of the common
    /// refinement of `f` and `g`, where f = f.values[i] and g = g.values[j] on it.
    @inlinable
    public static func forEachRefinedPiece(
        _ f: StepFunction, _ g: StepFunction,
        _ body: (_ start: Rational, _ end: Rational, _ i: Int, _ j: Int) throws -> Void
    ) rethrows {
        var i = 0, j = 0
        var start = Rational.zero
        while true {
            let nextF = f.breakpoints[i + 1], nextG = g.breakpoints[j + 1]
            let order = Rational.compare(nextF, nextG)
            let end = order <= 0 ? nextF : nextG
            try body(start, end, i, j)
            if end == Rational.one { return }
            if order <= 0 { i += 1 }
            if order >= 0 { j += 1 }
            start = end
        }
    }

    /// The pointwise combination op(f, g) over the common refinement.
    public static func combine(_ f: StepFunction, _ g: StepFunction, _ op: (Rational, Rational) -> Rational) -> StepFunction {
        var breakpoints: [Rational] = [0]
        var values: [Rational] = []
        breakpoints.reserveCapacity(f.values.count + g.values.count + 1)
        values.reserveCapacity(f.values.count + g.values.count)
        forEachRefinedPiece(f, g) { _, end, i, j in
            breakpoints.append(end)
            values.append(op(f.values[i], g.values[j]))
        }
        return StepFunction(mergingValidBreakpoints: breakpoints, values: values)
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
        StepFunction(canonicalBreakpoints: f.breakpoints, values: f.values.map { -$0 })
    }

    /// The inner product <f, g> = integral of f g over [0, 1), exactly.
    public func innerProduct(with g: StepFunction) -> Rational {
        var terms: [Rational] = []
        terms.reserveCapacity(values.count + g.values.count)
        StepFunction.forEachRefinedPiece(self, g) { start, end, i, j in
            let product = values[i] * g.values[j]
            if !product.isZero { terms.append((end - start) * product) }
        }
        return Rational.sum(terms)
    }
}
