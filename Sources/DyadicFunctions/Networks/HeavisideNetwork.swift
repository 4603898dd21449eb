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
    }

    // Compact storage (MATH.md sec. 8 fixes the semantics, this only the layout): units
    // are numbered layer by layer; unit i reads inputIndices[inputStarts[i]..<inputStarts[i+1]]
    // with the weights of the same flat indices, and has bias biases[i].
    let layerStarts: [Int]
    package let activations: [Activation]
    let inputStarts: [Int]
    let inputIndices: [Int32]
    let weightValues: CompactRationals
    let biasValues: CompactRationals

    /// A network after checking the conventions of MATH.md sec. 8.
    public init(layers: [[Unit]]) throws(DyadicFunctionError) {
        var builder = Builder()
        for layer in layers {
            builder.beginLayer()
            for unit in layer { builder.append(unit) }
        }
        self = try builder.network()
    }

    /// The builder's arrays copied to buffers of exactly their size (appending leaves up
    /// to half of a buffer unused: tens of megabytes at J = 20).
    fileprivate init(_ b: Builder) {
        layerStarts = b.layerStarts + [b.activations.count]
        activations = b.activations.trimmed()
        inputStarts = b.inputStarts.trimmed()
        inputIndices = b.inputIndices.trimmed()
        weightValues = b.weights.compacted()
        biasValues = b.biases.compacted()
    }

    /// Assembles a network unit by unit, without an array per unit (the constructions
    /// have millions of units). The conventions are checked by ``network()``, with the
    /// same messages, in the same order, as ``HeavisideNetwork/init(layers:)`` documents.
    public struct Builder {
        fileprivate var layerStarts: [Int] = []
        fileprivate var activations: [Activation] = []
        fileprivate var inputStarts: [Int] = [0]
        fileprivate var inputIndices: [Int32] = []
        fileprivate var weights = CompactRationals()
        fileprivate var biases = CompactRationals()
        /// The first violation found while appending units, with its layer and unit.
        private var firstError: (layer: Int, unit: Int, error: DyadicFunctionError)? = nil

        /// Starts the next layer.
        public mutating func beginLayer() { layerStarts.append(activations.count) }

        /// Room for `units` more units with `count` more weights in all (the
        /// constructions know their sizes: no regrowth, and no copy at the end).
        public mutating func reserveCapacity(units: Int, weights count: Int) {
            activations.reserveCapacity(activations.count + units)
            inputStarts.reserveCapacity(inputStarts.count + units)
            biases.reserveCapacity(biases.count + units)
            inputIndices.reserveCapacity(inputIndices.count + count)
            weights.reserveCapacity(weights.count + count)
        }

        public mutating func append(_ unit: Unit) {
            append(activation: unit.activation, inputs: unit.inputs, weights: unit.weights, bias: unit.bias)
        }

        /// Appends act(sum_k weights[k] z[inputs[k]] + bias) to the current layer.
        public mutating func append<I: Collection<Int>, W: Collection<Rational>>(
            activation: Activation, inputs: I, weights: W, bias: Rational
        ) {
            let l = layerStarts.count - 1
            let u = activations.count - layerStarts[l]
            if firstError == nil,
                let error = Self.violation(
                    l, u, activation, inputs, weights,
                    width: l == 0 ? 1 : layerStarts[l] - layerStarts[l - 1])
            {
                firstError = (l, u, error)
            }
            activations.append(activation)
            for (i, w) in zip(inputs, weights) {
                inputIndices.append(Int32(clamping: i))
                self.weights.append(w)
            }
            inputStarts.append(inputIndices.count)
            biases.append(bias)
        }

        /// The conventions of one unit that do not depend on later layers.
        private static func violation<I: Collection<Int>, W: Collection<Rational>>(
            _ l: Int, _ u: Int, _ activation: Activation, _ inputs: I, _ weights: W, width: Int
        ) -> DyadicFunctionError? {
            guard inputs.count == weights.count else {
                return .malformedNetwork("layer \(l) unit \(u): \(inputs.count) inputs but \(weights.count) weights")
            }
            var previous: Int? = nil
            for i in inputs {
                guard i >= 0 && i < width else {
                    return .malformedNetwork("layer \(l) unit \(u): input \(i) is outside 0..<\(width)")
                }
                if let p = previous, p >= i {
                    return .malformedNetwork("layer \(l) unit \(u): inputs must be strictly increasing")
                }
                previous = i
            }
            if l == 0 {
                guard activation == .heaviside else {
                    return .malformedNetwork("layer 0 unit \(u): the first layer must consist of Heaviside units")
                }
                guard inputs.count == 1, inputs.first == 0, let w = weights.first, !w.isZero else {
                    return .malformedNetwork("layer 0 unit \(u): a first-layer unit reads x with one nonzero weight")
                }
            }
            return nil
        }

        /// The network, or the first violation of the conventions (layer by layer, unit by unit).
        public func network() throws(DyadicFunctionError) -> HeavisideNetwork {
            let L = layerStarts.count
            guard L >= 2 else {
                throw .malformedNetwork("a network needs a first hidden layer of Heaviside units and an output layer (found \(L) layers)")
            }
            let ends = layerStarts.dropFirst() + [activations.count]
            for (l, (start, end)) in zip(layerStarts, ends).enumerated() {
                guard end > start else { throw .malformedNetwork("layer \(l) has no units") }
                let errorUnit = firstError.flatMap { $0.layer == l ? $0.unit : nil }
                if l == L - 1, let u = (start..<end).first(where: { activations[$0] != .linear }).map({ $0 - start }),
                    u < (errorUnit ?? Int.max)
                {
                    throw .malformedNetwork("layer \(l) unit \(u): output units must be linear")
                }
                if errorUnit != nil, let error = firstError?.error { throw error }
            }
            return HeavisideNetwork(self)
        }
    }

    // MARK: Reading the network

    /// The units of layer l, numbered layer by layer.
    public func layerRange(_ l: Int) -> Range<Int> { layerStarts[l]..<layerStarts[l + 1] }
    /// The layer of unit i.
    public func layer(ofUnit i: Int) -> Int {
        var l = 0
        while layerStarts[l + 1] <= i { l += 1 }
        return l
    }
    /// The flat indices k of unit i's inputs and weights (``input(_:)``, ``weight(_:)``).
    public func weightRange(ofUnit i: Int) -> Range<Int> { inputStarts[i]..<inputStarts[i + 1] }
    /// The input (a unit index within the previous layer) at flat index k.
    public func input(_ k: Int) -> Int { Int(inputIndices[k]) }
    /// The weight at flat index k.
    public func weight(_ k: Int) -> Rational { weightValues[k] }
    /// The bias of unit i.
    public func bias(ofUnit i: Int) -> Rational { biasValues[i] }
    /// The number of weights.
    public var weightCount: Int { inputIndices.count }

    /// The number of outputs (units of the last layer).
    public var outputCount: Int { layerRange(layerCount - 1).count }
    /// The number of layers, the output layer included.
    public var layerCount: Int { layerStarts.count - 1 }
    /// The number of units, outputs included.
    public var unitCount: Int { activations.count }
    /// The number of hidden units (all layers but the output layer).
    public var hiddenUnitCount: Int { unitCount - outputCount }
    /// The number of first-layer Heaviside units P.
    public var firstLayerWidth: Int { layerStarts[1] }
    /// The number of parameters: every listed weight and every bias.
    public var parameterCount: Int { weightCount + unitCount }

    /// The threshold -b/w of each first-layer unit, in unit order.
    public var firstLayerThresholds: [Rational] {
        (0..<firstLayerWidth).map { -biasValues[$0] / weightValues[inputStarts[$0]] }
    }
}
