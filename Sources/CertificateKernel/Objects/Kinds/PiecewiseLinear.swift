import DyadicFunctions

extension ObjectStore {
    /// A `piecewise-linear` function: knots with values, or start and end values per piece (MATH.md sec. 3).
    func buildPiecewiseLinear(_ f: Fields, _ kind: ObjectKind, _ context: ReadingContext) throws(KernelError) -> KernelObject {
        let knots = try f.rationals("knots")
        if f.has("values") {
            try f.allowOnly(["kind", "knots", "values"])
            let values = try f.rationals("values")
            do { return .piecewiseLinear(try PiecewiseLinear(knots: knots, values: values)) } catch {
                throw ObjectStore.invalid(error, at: f.pointer, what: "a valid piecewise-linear function")
            }
        }
        try f.allowOnly(["kind", "knots", "start-values", "end-values"])
        let starts = try f.rationals("start-values"), ends = try f.rationals("end-values")
        do {
            return .piecewiseLinear(try PiecewiseLinear(knots: knots, startValues: starts, endValues: ends))
        } catch { throw ObjectStore.invalid(error, at: f.pointer, what: "a valid piecewise-linear function") }
    }
}
