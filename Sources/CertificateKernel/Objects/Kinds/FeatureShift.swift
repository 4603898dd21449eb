import DyadicFunctions

extension ObjectStore {
    /// A `feature-shift` u = (h + 1)/2 of a feature.
    func buildFeatureShift(_ f: Fields, _ kind: ObjectKind, _ context: ReadingContext) throws(KernelError) -> KernelObject {
        let p = f.pointer
        let h = try feature(try f.value("feature"), at: p.appending("feature"))
        try context.chargeCells(level: h.levels, at: p.appending("feature"))
        return .function(.step(h.shiftedStepFunction))
    }
}
