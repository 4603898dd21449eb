import DyadicFunctions

extension ObjectStore {
    /// A `sign-tree` of depth J from hex ((2^J - 1) signs).
    func buildSignTree(_ f: Fields, _ kind: ObjectKind, _ context: ReadingContext) throws(KernelError) -> KernelObject {
        let p = f.pointer
        let J = try f.integer("levels", in: 1...SignTree.maximumLevels, limit: .level)
        try context.chargeCells(level: J, at: p.appending("levels"))
        let bits = try f.string("bits")
        do { return .signTree(try SignTree(levels: J, hex: bits)) } catch {
            throw ObjectStore.invalid(
                error, at: p.appending("bits"), what: "\((1 << J) - 1) sign bits as \(((1 << J) + 2) / 4) lowercase hex digits")
        }
    }
}
