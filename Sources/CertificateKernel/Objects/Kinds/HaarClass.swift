import DyadicFunctions
import ExactArithmetic

extension ObjectStore {
    /// A `haar-class` H_J(a) (MATH.md sec. 7).
    func buildHaarClass(_ f: Fields, _ kind: ObjectKind, _ context: ReadingContext) throws(KernelError) -> KernelObject {
        let p = f.pointer
        let J = try f.integer("levels", in: 1...62, limit: .level)
        try context.checkLevel(J, at: p.appending("levels"))
        if case .string = try f.value("amplitudes") {
            _ = try f.word("amplitudes", AmplitudesWord.self)
            return .functionClass(.haar(levels: J, amplitudes: RademacherHaarFeature.balancedAmplitudes(levels: J)))
        }
        let amplitudes = try f.rationals("amplitudes")
        guard amplitudes.count == J else {
            throw .malformed(pointer: p.appending("amplitudes"), expected: "\(J) amplitudes (one per level)", found: "\(amplitudes.count)")
        }
        for (j, a) in amplitudes.enumerated() where a.signum <= 0 {
            throw .malformed(pointer: p.appending("amplitudes").appending(j), expected: "a positive amplitude", found: a.description)
        }
        return .functionClass(.haar(levels: J, amplitudes: amplitudes))
    }
}
