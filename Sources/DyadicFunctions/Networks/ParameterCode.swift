import ExactArithmetic

/// A declared code for one network parameter (MATH.md sec. 8): the value must fit the
/// code, and the network's description length is the sum of the codes' lengths.
public enum ParameterCode: Hashable, Sendable, CustomStringConvertible {
    /// +1 or -1: 1 bit.
    case sign
    /// An integer in [lowerBound, upperBound]: ceil(log2(upper - lower + 1)) bits.
    case integer(lowerBound: BigInt, upperBound: BigInt)
    /// p / 2^e with |p| < 2^mantissaBits and 0 <= e <= maximumExponent:
    /// 1 + mantissaBits + ceil(log2(maximumExponent + 1)) bits.
    case dyadic(mantissaBits: Int, maximumExponent: Int)
    /// 0 bits: a value the checker recomputes from declared family parameters by the
    /// named recipe (never stated, never trusted).
    case derived(recipe: String)

    /// The code's length in bits; nil when the code itself is invalid (an empty
    /// integer range or negative sizes).
    public var bitLength: BigInt? {
        switch self {
        case .sign: return 1
        case .integer(let lower, let upper):
            guard upper >= lower else { return nil }
            return BigInt((upper - lower + 1).ceilLog2)
        case .dyadic(let bits, let exponent):
            guard bits >= 0, exponent >= 0 else { return nil }
            return BigInt(1) + BigInt(bits) + BigInt(BigInt(exponent + 1).ceilLog2)
        case .derived: return 0
        }
    }

    /// Whether `value` fits the code (for `derived`, the caller compares with the
    /// recomputed value instead).
    public func admits(_ value: Rational) -> Bool {
        switch self {
        case .sign: return value == 1 || value == -1
        case .integer(let lower, let upper):
            return value.isInteger && value.numerator >= lower && value.numerator <= upper
        case .dyadic(let bits, let exponent):
            // The canonical form p0/2^e0 has the least e; any other has a larger |p|.
            guard value.denominator.isPowerOfTwo else { return false }
            let e0 = value.denominator.bitLength - 1
            guard e0 <= exponent else { return false }
            return value.numerator.magnitude.bitLength <= bits
        case .derived: return true
        }
    }

    public var description: String {
        switch self {
        case .sign: return "sign"
        case .integer(let lower, let upper): return "int[\(lower),\(upper)]"
        case .dyadic(let bits, let exponent): return "dyadic(B=\(bits),E=\(exponent))"
        case .derived(let recipe): return "derived(\(recipe))"
        }
    }
}

/// A network with a declared code for every parameter.
public struct CodedHeavisideNetwork: Hashable, Sendable {
    /// The network.
    public let network: HeavisideNetwork
    /// weightCodes[l][u][k] is the code of layers[l][u].weights[k].
    public let weightCodes: [[[ParameterCode]]]
    /// biasCodes[l][u] is the code of layers[l][u].bias.
    public let biasCodes: [[ParameterCode]]

    public init(network: HeavisideNetwork, weightCodes: [[[ParameterCode]]], biasCodes: [[ParameterCode]]) throws(DyadicFunctionError) {
        guard weightCodes.count == network.layers.count, biasCodes.count == network.layers.count else {
            throw .malformedNetwork("one list of codes per layer is required")
        }
        for (l, layer) in network.layers.enumerated() {
            guard weightCodes[l].count == layer.count, biasCodes[l].count == layer.count else {
                throw .malformedNetwork("layer \(l): one code list per unit is required")
            }
            for (u, unit) in layer.enumerated() where weightCodes[l][u].count != unit.weights.count {
                throw .malformedNetwork("layer \(l) unit \(u): one code per weight is required")
            }
        }
        self.network = network
        self.weightCodes = weightCodes
        self.biasCodes = biasCodes
    }
}
