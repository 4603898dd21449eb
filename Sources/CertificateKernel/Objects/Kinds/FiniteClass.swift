extension ObjectStore {
    /// A `finite-class`: listed functions or tuples of functions.
    func buildFiniteClass(_ f: Fields, _ kind: ObjectKind, _ context: ReadingContext) throws(KernelError) -> KernelObject {
        let p = f.pointer
        let items = try f.array("elements", what: "an array of elements (function names, or arrays of function names for tuples)")
        guard !items.isEmpty else {
            throw .malformed(pointer: p.appending("elements"), expected: "at least one element", found: "an empty array")
        }
        var elements: [[KernelFunction]] = []
        for (i, item) in items.enumerated() {
            let at = p.appending("elements").appending(i)
            let tuple = try self.tuple(item, at: at)
            if let first = elements.first, first.count != tuple.count {
                throw .malformed(
                    pointer: at, expected: "a tuple of \(first.count) functions like the first element", found: "\(tuple.count) functions")
            }
            elements.append(tuple)
        }
        return .functionClass(.finite(elements: elements))
    }
}
