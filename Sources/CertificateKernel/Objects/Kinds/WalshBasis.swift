import DyadicFunctions

extension ObjectStore {
    /// A `walsh-basis`: the 2^J Walsh functions of level J (4^J cells charged).
    func buildWalshBasis(_ f: Fields, _ kind: ObjectKind, _ context: ReadingContext) throws(KernelError) -> KernelObject {
        let p = f.pointer
        let J = try f.integer("levels", in: 0...PackedSignFunction.maximumLevel, limit: .level)
        try context.checkLevel(J, at: p.appending("levels"))
        try context.chargeCells(count: 1 << (2 * min(J, 31)), at: p.appending("levels"))
        do {
            return .functionList(
                try (0..<(1 << J)).map { m throws(DyadicFunctionError) in .packed(try WalshFunction(index: m).packed(level: J)) })
        } catch { throw ObjectStore.invalid(error, at: p, what: "the Walsh basis") }
    }
}
