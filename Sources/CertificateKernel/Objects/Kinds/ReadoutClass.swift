extension ObjectStore {
    /// A `readout-class` K_M at depth J (MATH.md sec. 7).
    func buildReadoutClass(_ f: Fields, _ kind: ObjectKind, _ context: ReadingContext) throws(KernelError) -> KernelObject {
        let p = f.pointer
        let J = try f.integer("levels", in: 1...62, limit: .level)
        try context.checkLevel(J, at: p.appending("levels"))
        let readouts = try f.integers("readouts", in: 1...(1 << J) - 1)
        guard !readouts.isEmpty else {
            throw .malformed(pointer: p.appending("readouts"), expected: "at least one readout", found: "an empty array")
        }
        try ObjectStore.checkDistinct(readouts, at: p.appending("readouts"))
        return .functionClass(.readout(levels: J, readouts: readouts))
    }
}
