import DyadicFunctions

extension ObjectStore {
    /// A `feature-shift` u = (h + 1)/2 of a feature.
    func buildFeatureShift(_ f: Fields, _ kind: ObjectKind, _ context: ReadingContext) throws(KernelError) -> KernelObject {
        let p = f.pointer
        let reference = try f.value("feature")
        let h = try feature(reference, at: p.appending("feature"))
        try context.chargeCells(level: h.levels, at: p.appending("feature"))
        // h as a step function was computed, and charged, once when the feature was built.
        let hFunction = try function(reference, at: p.appending("feature")).stepFunction
        return .function(.step(hFunction.mapValues { ($0 + 1).timesPowerOfTwo(-1) }))
    }
}
