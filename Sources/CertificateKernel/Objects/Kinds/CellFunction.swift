import DyadicFunctions

extension ObjectStore {
    /// A `cell-function`: one value per cell of level J (2^J cells charged).
    func buildCellFunction(_ f: Fields, _ kind: ObjectKind, _ context: ReadingContext) throws(KernelError) -> KernelObject {
        let p = f.pointer
        let level = try f.integer("level", in: 0...62, limit: .level)
        try context.chargeCells(level: level, at: p.appending("level"))
        let values = try f.rationals("values")
        guard values.count == 1 << level else {
            throw .malformed(
                pointer: p.appending("values"), expected: "\(1 << level) values (one per cell of level \(level))",
                found: "\(values.count) values")
        }
        do { return .function(.step(try StepFunction(cellValues: values))) } catch {
            throw ObjectStore.invalid(error, at: p, what: "a valid dyadic step function")
        }
    }
}
