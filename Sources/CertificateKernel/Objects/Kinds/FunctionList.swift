import DyadicFunctions
import ExactArithmetic

extension ObjectStore {
    /// A `function-list` of named functions (lists spliced in).
    func buildFunctionList(_ f: Fields, _ kind: ObjectKind, _ context: ReadingContext) throws(KernelError) -> KernelObject {
        let p = f.pointer
        try f.allowOnly(kind.keys)
        let list = try functions(try f.array("items", what: "an array of function names"), at: p.appending("items"))
        try context.chargeCells(count: list.count, at: p.appending("items"))
        return .functionList(list)
    }
}
