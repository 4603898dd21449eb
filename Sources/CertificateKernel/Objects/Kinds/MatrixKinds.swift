import ExactArithmetic

extension ObjectStore {
    /// A `matrix`: rational entries or the dyadic encoding (FORMAT.md sec. 4.7).
    func buildMatrix(_ f: Fields, _ kind: ObjectKind, _ context: ReadingContext) throws(KernelError) -> KernelObject {
        try f.allowOnly(kind.keys)
        return .matrix(try MatrixObjectReader.matrix(f, context: context))
    }

    /// A `relu-network`: W, b, V, c by the names of earlier matrices.
    func buildReLUNetwork(_ f: Fields, _ kind: ObjectKind, _ context: ReadingContext) throws(KernelError) -> KernelObject {
        try f.allowOnly(kind.keys)
        return .reluNetwork(try MatrixObjectReader.network(f, objects: self))
    }

    /// A `relu-data`: X and Y by the names of earlier matrices.
    func buildReLUData(_ f: Fields, _ kind: ObjectKind, _ context: ReadingContext) throws(KernelError) -> KernelObject {
        try f.allowOnly(kind.keys)
        return .reluData(try MatrixObjectReader.data(f, objects: self))
    }
}
