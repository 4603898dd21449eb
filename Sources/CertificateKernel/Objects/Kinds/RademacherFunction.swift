import DyadicFunctions

extension ObjectStore {
    /// A `rademacher-function` r_n, packed at level n + 1.
    func buildRademacherFunction(_ f: Fields, _ kind: ObjectKind, _ context: ReadingContext) throws(KernelError) -> KernelObject {
        let p = f.pointer
        let n = try f.integer("index", in: 0...PackedSignFunction.maximumLevel - 1, limit: .level)
        try context.chargeCells(level: n + 1, at: p.appending("index"))
        do { return .function(.packed(try RademacherFunction(index: n).packed)) } catch {
            throw ObjectStore.invalid(error, at: p, what: "a Rademacher function")
        }
    }
}
