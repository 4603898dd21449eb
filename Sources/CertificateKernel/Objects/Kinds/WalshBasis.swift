import DyadicFunctions
import ExactArithmetic

extension ObjectStore {
    /// A `walsh-basis`: the 2^J Walsh functions of level J (4^J cells charged).
    func buildWalshBasis(_ f: Fields, _ kind: ObjectKind, _ context: ReadingContext) throws(KernelError) -> KernelObject {
        let p = f.pointer
        try f.allowOnly(kind.keys)
        let J = try f.integer("levels", in: 0...62, limit: .level)
        try context.checkLevel(J, at: p.appending("levels"))
        try context.chargeCells(count: 1 << (2 * min(J, 31)), at: p.appending("levels"))
        do {
            var list: [KernelFunction] = []
            for m in 0..<(1 << J) { list.append(.packed(try WalshFunction(index: m).packed(level: J))) }
            return .functionList(list)
        } catch { throw ObjectStore.invalid(error, at: p, what: "the Walsh basis") }
    }
}
