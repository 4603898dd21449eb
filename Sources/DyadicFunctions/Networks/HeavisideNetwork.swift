import ExactArithmetic

/// A feed-forward network of Heaviside and linear units on x in [0, 1) (MATH.md sec. 8).
///
/// Each unit computes act(sum_k w_k z_k + b), where z is the previous layer's output
/// (x itself for the first layer) and act is H(t) = [t >= 0] (so H(0) = 1) or the
/// identity. Conventions, checked by the initializer: the first layer consists of
/// Heaviside units that each read x with a nonzero weight; linear units appear from
/// the second layer on; the last layer is linear, one unit per output. Connections are
/// sparse: a unit lists the previous-layer units it reads and their weights.
public struct HeavisideNetwork: Hashable, Sendable {
    /// The activation of a unit.
    public enum Activation: String, Hashable, Sendable, CaseIterable {
        /// H(t) = 1 if t >= 0, else 0.
        case heaviside
        /// The identity.
        case linear
    }

    /// One unit: act(sum_k weights[k] * z[inputs[k]] + bias).
    public struct Unit: Hashable, Sendable {
        public var activation: Activation
        /// Indices into the previous layer (into [x] for the first layer), increasing.
        public var inputs: [Int]
        /// One weight per input.
        public var weights: [Rational]
        public var bias: Rational

        public init(activation: Activation, inputs: [Int], weights: [Rational], bias: Rational) {
            self.activation = activation
            self.inputs = inputs
            self.weights = weights
            self.bias = bias
        }

        /// A first-layer unit H(w x + b).
        public static func threshold(weight: Rational, bias: Rational) -> Unit {
            Unit(activation: .heaviside, inputs: [0], weights: [weight], bias: bias)
        }
    }

    /// The layers; `layers[0]` reads x, the last layer is the output layer.
    public let layers: [[Unit]]

    /// A network after checking the conventions of MATH.md sec. 8.
    public init(layers: [[Unit]]) throws(DyadicFunctionError) {
        guard layers.count >= 2 else {
            throw .malformedNetwork("a network needs a first hidden layer of Heaviside units and an output layer (found \(layers.count) layers)")
        }
        for (l, layer) in layers.enumerated() {
            guard !layer.isEmpty else { throw .malformedNetwork("layer \(l) has no units") }
            let width = l == 0 ? 1 : layers[l - 1].count
            for (u, unit) in layer.enumerated() {
                guard unit.inputs.count == unit.weights.count else {
                    throw .malformedNetwork("layer \(l) unit \(u): \(unit.inputs.count) inputs but \(unit.weights.count) weights")
                }
                for (k, i) in unit.inputs.enumerated() {
                    guard i >= 0 && i < width else {
                        throw .malformedNetwork("layer \(l) unit \(u): input \(i) is outside 0..<\(width)")
                    }
                    if k > 0 && unit.inputs[k - 1] >= i {
                        throw .malformedNetwork("layer \(l) unit \(u): inputs must be strictly increasing")
                    }
                }
                if l == 0 {
                    guard unit.activation == .heaviside else {
                        throw .malformedNetwork("layer 0 unit \(u): the first layer must consist of Heaviside units")
                    }
                    guard unit.inputs == [0], !unit.weights[0].isZero else {
                        throw .malformedNetwork("layer 0 unit \(u): a first-layer unit reads x with one nonzero weight")
                    }
                }
                if l == layers.count - 1 && unit.activation != .linear {
                    throw .malformedNetwork("layer \(l) unit \(u): output units must be linear")
                }
            }
        }
        self.layers = layers
    }

    /// The number of outputs (units of the last layer).
    public var outputCount: Int { layers[layers.count - 1].count }
    /// The number of layers, the output layer included.
    public var layerCount: Int { layers.count }
    /// The number of units, outputs included.
    public var unitCount: Int { layers.reduce(0) { $0 + $1.count } }
    /// The number of hidden units (all layers but the output layer).
    public var hiddenUnitCount: Int { unitCount - outputCount }
    /// The number of first-layer Heaviside units P.
    public var firstLayerWidth: Int { layers[0].count }
    /// The number of parameters: every listed weight and every bias.
    public var parameterCount: Int { layers.reduce(0) { $0 + $1.reduce(0) { $0 + $1.weights.count + 1 } } }

    /// The threshold -b/w of each first-layer unit, in unit order.
    public var firstLayerThresholds: [Rational] {
        layers[0].map { -$0.bias / $0.weights[0] }
    }
}
