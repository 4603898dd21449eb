extension ObjectStore {
    /// A `heaviside-network` given layer by layer (NetworkReader).
    func buildHeavisideNetwork(_ f: Fields, _ kind: ObjectKind, _ context: ReadingContext) throws(KernelError) -> KernelObject {
        return .network(try NetworkReader.read(f, context: context))
    }
}
