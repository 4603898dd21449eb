import DyadicFunctions

extension ObjectStore {
    /// A `step-function`: explicit breakpoints and values (MATH.md sec. 2).
    func buildStepFunction(_ f: Fields, _ kind: ObjectKind, _ context: ReadingContext) throws(KernelError) -> KernelObject {
        let breakpoints = try f.rationals("breakpoints"), values = try f.rationals("values")
        do { return .function(.step(try StepFunction(breakpoints: breakpoints, values: values))) } catch {
            throw ObjectStore.invalid(error, at: f.pointer, what: "a valid step function")
        }
    }
}
