import DyadicFunctions

extension ObjectStore {
    /// A `haar-function` psi(j, k) (MATH.md sec. 4).
    func buildHaarFunction(_ f: Fields, _ kind: ObjectKind, _ context: ReadingContext) throws(KernelError) -> KernelObject {
        let p = f.pointer
        let level = try f.integer("level", in: 0...62, limit: .level)
        try context.checkLevel(level + 1, at: p.appending("level"))
        let index = try f.integer("index", in: 0...(1 << level) - 1)
        do { return .function(.step(try HaarFunction(level: level, index: index).stepFunction)) } catch {
            throw ObjectStore.invalid(error, at: p, what: "a Haar function")
        }
    }
}
