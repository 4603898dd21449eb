import DyadicFunctions

extension ObjectStore {
    /// A `haar-basis`: 1 and the Haar functions of levels below J.
    func buildHaarBasis(_ f: Fields, _ kind: ObjectKind, _ context: ReadingContext) throws(KernelError) -> KernelObject {
        let p = f.pointer
        let J = try f.integer("levels", in: 0...62, limit: .level)
        try context.checkLevel(J, at: p.appending("levels"))
        try context.chargeCells(count: 4 << min(J, 60), at: p.appending("levels"))
        do {
            var list: [KernelFunction] = [.step(StepFunction(constant: 1))]
            for j in 0..<J { for k in 0..<(1 << j) { list.append(.step(try HaarFunction(level: j, index: k).stepFunction)) } }
            return .functionList(list)
        } catch { throw ObjectStore.invalid(error, at: p, what: "the Haar basis") }
    }
}
