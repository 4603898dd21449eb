import CertificateKernel
import ExactArithmetic

extension KernelMatrix: ExtensionObject {
    package var kindName: String { "a matrix" }
}

extension KernelReLUNetwork: ExtensionObject {
    package var kindName: String { "a ReLU network" }
}

extension KernelReLUData: ExtensionObject {
    package var kindName: String { "ReLU data" }
}

extension ObjectStore {
    /// A `matrix`: rational entries or the dyadic encoding (FORMAT.md sec. 4.7).
    static func buildMatrix(_ store: ObjectStore, _ f: Fields, _ context: ReadingContext) throws(KernelError) -> KernelObject {
        try f.allowOnly(ObjectKind.matrix.keys)
        return .extended(try MatrixObjectReader.matrix(f, context: context))
    }

    /// A `relu-network`: W, b, V, c by the names of earlier matrices.
    static func buildReLUNetwork(_ store: ObjectStore, _ f: Fields, _ context: ReadingContext) throws(KernelError) -> KernelObject {
        try f.allowOnly(ObjectKind.reluNetwork.keys)
        return .extended(try MatrixObjectReader.network(f, objects: store))
    }

    /// A `relu-data`: X and Y by the names of earlier matrices.
    static func buildReLUData(_ store: ObjectStore, _ f: Fields, _ context: ReadingContext) throws(KernelError) -> KernelObject {
        try f.allowOnly(ObjectKind.reluData.keys)
        return .extended(try MatrixObjectReader.data(f, objects: store))
    }

    func matrix(_ value: JSONValue, at pointer: JSONPointer) throws(KernelError) -> KernelMatrix {
        try typed(value, at: pointer, "a matrix") { if case .extended(let m as KernelMatrix) = $0 { return m } else { return nil } }
    }

    func reluNetwork(_ value: JSONValue, at pointer: JSONPointer) throws(KernelError) -> KernelReLUNetwork {
        try typed(value, at: pointer, "a ReLU network") {
            if case .extended(let n as KernelReLUNetwork) = $0 { return n } else { return nil }
        }
    }

    func reluData(_ value: JSONValue, at pointer: JSONPointer) throws(KernelError) -> KernelReLUData {
        try typed(value, at: pointer, "ReLU data") { if case .extended(let d as KernelReLUData) = $0 { return d } else { return nil } }
    }
}
