import DyadicFunctions

extension ObjectStore {
    /// A `triangle-wave` T^(n) or `sawtooth` of order n (MATH.md sec. 9).
    func buildTriangleWaveAndSawtooth(_ f: Fields, _ kind: ObjectKind, _ context: ReadingContext) throws(KernelError) -> KernelObject {
        let p = f.pointer
        let n = try f.integer("order", in: (kind == .sawtooth ? 0 : 1)...62, limit: .level)
        try context.chargeCells(level: n, at: p.appending("order"))
        do {
            return .piecewiseLinear(kind == .sawtooth ? try PiecewiseLinear.sawtooth(n) : try PiecewiseLinear.triangleWave(n))
        } catch { throw ObjectStore.invalid(error, at: p, what: "a supported order") }
    }
}
