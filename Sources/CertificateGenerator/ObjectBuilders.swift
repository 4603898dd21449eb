import CertificateKernel
import DyadicFunctions
import ExactArithmetic
import Foundation

/// One builder per object kind the generator defines. The parameters follow the kind's
/// declaration (``ObjectKind/keys``) key by key, in its order and named after its keys; nil
/// leaves an optional key out. The declaration is the only spelling of the keys.
extension CertificateBuilder {
    public mutating func signTree(_ name: String, levels: Int, bits hex: String) {
        object(name, .signTree, [levels, hex])
    }

    public mutating func taskOutputs(_ name: String, signs: String, readouts: [Int]) {
        object(name, .taskOutputs, [signs, readouts])
    }

    public mutating func readoutClass(_ name: String, levels: Int, readouts: [Int]) {
        object(name, .readoutClass, [levels, readouts])
    }

    public mutating func signCodedNetwork(_ name: String, signs: String, readouts: [Int]) {
        object(name, .signCodedNetwork, [signs, readouts])
    }

    public mutating func haarClass(_ name: String, levels: Int, amplitudes: Amplitudes) {
        object(name, .haarClass, [levels, amplitudes])
    }

    public mutating func walshBasis(_ name: String, levels: Int) {
        object(name, .walshBasis, [levels])
    }

    public mutating func haarBasis(_ name: String, levels: Int) {
        object(name, .haarBasis, [levels])
    }

    public mutating func triangleWave(_ name: String, order: Int) {
        object(name, .triangleWave, [order])
    }

    public mutating func stepFunction(_ name: String, breakpoints: [Rational], values: [Rational]) {
        object(name, .stepFunction, [breakpoints, values])
    }

    public mutating func heavisideNetwork(_ name: String, layers: [NetworkLayerForm]) {
        object(name, .heavisideNetwork, [layers])
    }

    public mutating func networkOutput(_ name: String, network: String, output: Int) {
        object(name, .networkOutput, [network, output])
    }

    /// A `matrix` with rational `entries` (one list per row) or in the `dyadic` encoding.
    public mutating func matrix(
        _ name: String, rows: Int, columns: Int, entries: [[Rational]]? = nil, dyadic: DyadicMatrixForm? = nil, source: String? = nil
    ) {
        object(name, .matrix, [rows, columns, entries, dyadic, nil, source])
    }

    public mutating func reluNetwork(_ name: String, inputWeights: String, biases: String, outputWeights: String, outputBias: String) {
        object(name, .reluNetwork, [inputWeights, biases, outputWeights, outputBias])
    }

    public mutating func reluData(_ name: String, inputs: String, targets: String) {
        object(name, .reluData, [inputs, targets])
    }
}

/// The amplitudes of a `haar-class`: the word `balanced` (a_j = 2^-(j+1)) or a list.
public enum Amplitudes: ClaimValue {
    case balanced
    case values([Rational])

    public var json: JSONValue {
        switch self {
        case .balanced: .string("balanced")
        case .values(let a): a.json
        }
    }
}

/// The dyadic encoding of a `matrix` (FORMAT.md sec. 4): entry (i, j) is its mantissa times
/// 2^-(row exponent + column exponent), the mantissas as little-endian int64 words in base64
/// or, when one does not fit, as wide numbers row by row.
public struct DyadicMatrixForm: ClaimValue {
    /// One exponent for every row (`Int`) or one per row (`[Int]`).
    public let rowExponents: any ClaimValue
    public let columnExponents: any ClaimValue
    public let mantissas: [Int64]?
    public let wideMantissas: [[BigInt]]?

    public init(rowExponents: any ClaimValue, columnExponents: any ClaimValue, mantissas: [Int64]) {
        self.rowExponents = rowExponents
        self.columnExponents = columnExponents
        self.mantissas = mantissas
        self.wideMantissas = nil
    }

    public init(rowExponents: any ClaimValue, columnExponents: any ClaimValue, wideMantissas: [[BigInt]]) {
        self.rowExponents = rowExponents
        self.columnExponents = columnExponents
        self.mantissas = nil
        self.wideMantissas = wideMantissas
    }

    public var json: JSONValue {
        let base64 = mantissas.map { words -> String in
            var bytes = [UInt8]()
            bytes.reserveCapacity(8 * words.count)
            for m in words {
                let word = UInt64(bitPattern: m)
                for k in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: word >> (8 * UInt64(k)))) }
            }
            return Data(bytes).base64EncodedString()
        }
        let values: [(any ClaimValue)?] = [rowExponents, columnExponents, base64, wideMantissas]
        return .object(declared(FormatStructure.dyadicMatrix.keys, values, "dyadic-matrix"))
    }
}

/// One layer of a `heaviside-network`: its units and, when its parameters are coded, the
/// codes of its weights and biases (MATH.md sec. 8).
public struct NetworkLayerForm: ClaimValue {
    public let units: [HeavisideNetwork.Unit]
    public let weightCode: String?
    public let biasCode: String?

    public init(units: [HeavisideNetwork.Unit], weightCode: String? = nil, biasCode: String? = nil) {
        self.units = units
        self.weightCode = weightCode
        self.biasCode = biasCode
    }

    public var json: JSONValue { .object(declared(FormatStructure.layer.keys, [units, weightCode, biasCode], "layer")) }
}

/// One unit of a `heaviside-network` layer, written with the keys of FORMAT.md sec. 4
/// (without per-weight codes: a layer's codes stand for all its units).
extension HeavisideNetwork.Unit: ClaimValue {
    public var json: JSONValue {
        .object(declared(FormatStructure.unit.keys, [activation.rawValue, inputs, weights, bias, nil, nil], "unit"))
    }
}
