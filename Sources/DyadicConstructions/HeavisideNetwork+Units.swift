import DyadicFunctions
import ExactArithmetic

// The units of a network and their codes as nested arrays, for the generator and the
// tests (one array per unit: for small networks). The kernel reads networks through the
// flat accessors of ``HeavisideNetwork`` and ``ParameterCodeTable`` instead, so these are
// written on them, outside the trusted base.

extension HeavisideNetwork.Unit {
    /// A first-layer unit H(w x + b).
    public static func threshold(weight: Rational, bias: Rational) -> HeavisideNetwork.Unit {
        HeavisideNetwork.Unit(activation: .heaviside, inputs: [0], weights: [weight], bias: bias)
    }
}

extension HeavisideNetwork {
    /// The layers; `layers[0]` reads x, the last layer is the output layer.
    public var layers: [[Unit]] {
        (0..<layerCount).map { l in layerRange(l).map(unit) }
    }

    /// Unit i (units numbered layer by layer).
    public func unit(_ i: Int) -> Unit {
        let k = weightRange(ofUnit: i)
        return Unit(activation: activation(ofUnit: i), inputs: k.map(input), weights: k.map(weight), bias: bias(ofUnit: i))
    }
}

extension CodedHeavisideNetwork {
    /// weightCodes[l][u][k] is the code of layers[l][u].weights[k].
    public var weightCodes: [[[ParameterCode]]] {
        (0..<network.layerCount).map { l in network.layerRange(l).map { i in network.weightRange(ofUnit: i).map(codes.weightCode) } }
    }
    /// biasCodes[l][u] is the code of layers[l][u].bias.
    public var biasCodes: [[ParameterCode]] {
        (0..<network.layerCount).map { l in network.layerRange(l).map(codes.biasCode) }
    }
}
