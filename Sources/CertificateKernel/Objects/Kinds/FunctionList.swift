extension ObjectStore {
    /// A `function-list` of named functions (lists spliced in).
    func buildFunctionList(_ f: Fields, _ kind: ObjectKind, _ context: ReadingContext) throws(KernelError) -> KernelObject {
        let p = f.pointer
        let list = try functions(try f.value("items"), at: p.appending("items"))
        try context.chargeCells(count: list.count, at: p.appending("items"))
        return .functionList(list)
    }
}
