import DyadicFunctions

extension ObjectStore {
    /// A `feature` h_sigma from a sign tree and amplitudes (MATH.md sec. 5).
    func buildFeature(_ f: Fields, _ kind: ObjectKind, _ context: ReadingContext) throws(KernelError) -> KernelObject {
        let p = f.pointer
        let signs = try signTree(try f.value("signs"), at: p.appending("signs"))
        try context.chargeCells(level: signs.levels, at: p.appending("signs"))
        if case .string = try f.value("amplitudes") {
            _ = try f.word("amplitudes", AmplitudesWord.self)
            return .feature(RademacherHaarFeature.balanced(signs: signs))
        }
        let amplitudes = try f.rationals("amplitudes")
        // Every cell value sums all amplitudes: charge its size and its work.
        try ClassElements.chargeFeature(levels: signs.levels, amplitudes: amplitudes, context, at: p.appending("amplitudes"))
        do { return .feature(try RademacherHaarFeature(signs: signs, amplitudes: amplitudes)) } catch {
            throw ObjectStore.invalid(error, at: p.appending("amplitudes"), what: "one positive amplitude per level")
        }
    }
}
