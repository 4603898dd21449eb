import DyadicFunctions

extension ObjectStore {
    /// A `task-output` or `task-outputs`: w_m o u_sigma for readouts m (MATH.md sec. 6).
    func buildTaskOutputs(_ f: Fields, _ kind: ObjectKind, _ context: ReadingContext) throws(KernelError) -> KernelObject {
        let p = f.pointer
        let signs = try signTree(try f.value("signs"), at: p.appending("signs"))
        let J = signs.levels
        let readouts =
            kind == .taskOutput
            ? [try f.integer("readout", in: 1...(1 << J) - 1)]
            : try f.integers("readouts", in: 1...(1 << J) - 1)
        if kind == .taskOutputs {
            try ObjectStore.checkDistinct(readouts, at: p.appending("readouts"))
        }
        for _ in readouts { try context.chargeCells(level: J, at: p) }
        do {
            let outputs = try TaskOutput.packedOutputs(
                signs: signs, readouts: readouts.map { m throws(DyadicFunctionError) in try WalshReadout(index: m) })
            return kind == .taskOutput ? .function(.packed(outputs[0])) : .functionList(outputs.map { .packed($0) })
        } catch { throw ObjectStore.invalid(error, at: p, what: "task outputs") }
    }
}
