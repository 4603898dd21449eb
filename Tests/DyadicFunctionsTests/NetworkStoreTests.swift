@testable import DyadicFunctions
import ExactArithmetic
import TestSupport
import Testing

/// The compact network store (``HeavisideNetwork``'s flat units, ``CompactRationals``,
/// ``ParameterCodeTable``) gives back exactly what was put in, and the sweep's shared
/// sums (multi-input Heaviside units with equal inputs and weights) compute what the
/// forward pass computes.
@Suite("Compact network store and shared sums")
struct NetworkStoreTests {
    typealias Unit = HeavisideNetwork.Unit

    /// Values at the edges of the compact form: |m| around 2^31, exponents around 254,
    /// non-dyadic, large and zero.
    static let edgeValues: [Rational] = {
        let big = BigInt(1) << 100
        return [
            0, 1, -1, Rational(Int(Int32.max)), Rational(Int(Int32.min)), Rational(Int(Int32.max) + 1),
            Rational(Int(Int32.min) - 1), Rational(Int.max), Rational(Int.min),
            Rational(1).timesPowerOfTwo(-254), Rational(1).timesPowerOfTwo(-255), Rational(1).timesPowerOfTwo(-300),
            Rational(-3).timesPowerOfTwo(-200),
            LemmaRef.q(1, 3), LemmaRef.q(-7, 12), Rational(big), Rational(big) + LemmaRef.q(1, 2),
        ]
    }()

    @Test("CompactRationals returns every value appended, dyadic forms in lowest terms")
    func compactRoundTrip() {
        var g = SplitMix64(seed: 0xC0_4A_C7)
        var values = Self.edgeValues
        for _ in 0..<500 {
            let m = Int(truncatingIfNeeded: g.next()) >> Int(g.next() % 64)
            values.append(Rational(m).timesPowerOfTwo(-Int(g.next() % 300)))
        }
        var store = CompactRationals()
        for v in values { store.append(v) }
        #expect(store.count == values.count)
        for (i, v) in values.enumerated() {
            #expect(store[i] == v, "value \(i): \(v)")
            #expect(store.signum(i) == v.signum)
            if let (m, e) = store.dyadic(i) {
                // m / 2^e, in lowest terms, equals the value.
                #expect(Rational(m).timesPowerOfTwo(-e) == v)
                #expect(e == 0 || m % 2 != 0)
            } else {
                #expect(
                    !(v.denominator.isPowerOfTwo && v.numerator.intValue.map { Int32(exactly: $0) != nil } == true
                        && v.denominator.trailingZeroBitCount < 255), "\(v) should be compact")
            }
        }
    }

    @Test("layers in == layers out, with edge values and random networks", arguments: 0..<20)
    func networkRoundTrip(seed: Int) throws {
        var layers = NetworkConstructionTests.randomLayers(seed: seed)
        var g = SplitMix64(seed: 0x57_0E + UInt64(seed))
        let values = Self.edgeValues
        // Edge values as weights and biases of an extra unit reading every previous unit.
        let last = layers.count - 1
        let width = layers[last - 1].count
        let inputs = Array(0..<width)
        layers[last].append(
            Unit(
                activation: .linear, inputs: inputs,
                weights: inputs.map { _ in values[Int(g.next() % UInt64(values.count))] },
                bias: values[Int(g.next() % UInt64(values.count))]))
        let network = try HeavisideNetwork(layers: layers)
        #expect(network.layers == layers)
        #expect(network.layerCount == layers.count)
        #expect(network.unitCount == layers.reduce(0) { $0 + $1.count })
        #expect(network.parameterCount == layers.reduce(0) { $0 + $1.reduce(0) { $0 + $1.weights.count + 1 } })
        #expect(network.firstLayerThresholds == layers[0].map { -$0.bias / $0.weights[0] })
        var i = 0
        for (l, layer) in layers.enumerated() {
            for unit in layer {
                #expect(network.layer(ofUnit: i) == l)
                #expect(network.unit(i) == unit)
                i += 1
            }
        }
        // Equal networks compare equal, and one changed parameter makes them differ.
        #expect(try HeavisideNetwork(layers: layers) == network)
        var changed = layers
        changed[last][0].bias += LemmaRef.inversePow2(60)
        #expect(try HeavisideNetwork(layers: changed) != network)
    }

    @Test("code tables return every code, in runs, and compare by codes")
    func codeTable() {
        var g = SplitMix64(seed: 0xC0DE)
        let codes: [ParameterCode?] = [
            nil, .sign, .integer(lowerBound: 0, upperBound: 3), .dyadic(mantissaBits: 2, maximumExponent: 2), .derived(recipe: "x"),
        ]
        var a = ParameterCodeTable<ParameterCode?>(), b = ParameterCodeTable<ParameterCode?>()
        var weights: [ParameterCode?] = [], biases: [ParameterCode?] = []
        for _ in 0..<300 {
            let n = Int(g.next() % 4)
            // Long runs of one code and isolated changes.
            let w: [ParameterCode?] = (0..<n).map { _ in g.next() % 5 == 0 ? codes[Int(g.next() % 5)] : codes[1] }
            let bias = codes[Int(g.next() % 5)]
            a.appendUnit(weights: w, bias: bias)
            weights += w
            biases.append(bias)
        }
        // b: the same codes with the palette in another order.
        for c in codes.reversed() { _ = b.slot(c) }
        for k in 0..<weights.count { #expect(a.weightCode(k) == weights[k]) }
        for i in 0..<biases.count { #expect(a.biasCode(ofUnit: i) == biases[i]) }
        #expect(a.weightSlots.count == weights.count && a.biasSlots.count == biases.count)
        #expect(a.weightSlots.slots.count <= weights.count)
        // The same sequence through the other palette, one code per unit (weights as one unit).
        b.appendUnit(weights: weights, bias: biases[0])
        for bias in biases.dropFirst() { b.appendUnit(weights: [], bias: bias) }
        #expect(a == b)
        var c = b
        c.appendUnit(weights: [.sign], bias: .sign)
        #expect(a != c)
    }

    /// A network whose hidden layer holds classes of multi-input Heaviside units with the
    /// same inputs and weights and different biases (as the parity units of the readout
    /// head), a class member read by a single-input unit (so it cannot share), and units
    /// that equal a class's inputs but not its weights.
    static func sharedSumNetwork(seed: Int, weightScale: Rational) throws -> HeavisideNetwork {
        var g = SplitMix64(seed: 0x5_0A_0000 + UInt64(seed))
        let P = 10 + Int(g.next() % 10)
        let first = (0..<P).map { _ in Unit.threshold(weight: 1, bias: -LemmaRef.q(Int(g.next() % 32), 32)) }
        var hidden: [Unit] = []
        for k in 0..<4 {
            let inputs = (0..<P).filter { _ in g.next() % 2 == 0 }.prefix(6)
            let chosen = inputs.count >= 2 ? Array(inputs) : [0, 1]
            let weights = chosen.map { _ in Rational(Int(g.next() % 5) - 2) * weightScale }
            for t in 0...(1 + k) {
                hidden.append(
                    Unit(
                        activation: .heaviside, inputs: chosen, weights: weights,
                        bias: Rational(-t) * weightScale + LemmaRef.q(Int(g.next() % 3), 4)))
            }
            // Same inputs, other weights: its own sum.
            hidden.append(Unit(activation: .heaviside, inputs: chosen, weights: weights.map { $0 + 1 }, bias: Rational(-k)))
        }
        // The next layer: a single-input unit reading hidden unit 0 (which must stay its own
        // unit), a linear unit and outputs reading everything with varied weights.
        let H = hidden.count
        var second: [Unit] = [
            Unit(activation: .heaviside, inputs: [0], weights: [1], bias: LemmaRef.q(-1, 2)),
            Unit(activation: .linear, inputs: Array(0..<H), weights: (0..<H).map { Rational($0 % 3 - 1) }, bias: 0),
        ]
        second += (0..<2).map { d in
            Unit(
                activation: .heaviside, inputs: Array(0..<H).filter { ($0 + d) % 2 == 0 },
                weights: Array(0..<H).filter { ($0 + d) % 2 == 0 }.map { Rational($0 % 4) - 1 },
                bias: LemmaRef.q(-d, 2))
        }
        let outputs = (0..<3).map { d in
            Unit(
                activation: .linear, inputs: Array(0..<second.count), weights: (0..<second.count).map { Rational(($0 + d) % 3) - 1 },
                bias: Rational(d))
        }
        // Outputs of the layer after the hidden one read the hidden units directly too (a
        // three-layer network: the classes' consumers are in the next layer).
        return try HeavisideNetwork(layers: [first, hidden, second, outputs])
    }

    @Test("shared sums: sweep == forward pass at every midpoint, both number paths", arguments: 0..<25)
    func sharedSums(seed: Int) throws {
        for scale in [Rational(1), LemmaRef.q(1, 3)] {
            let network = try Self.sharedSumNetwork(seed: seed, weightScale: scale)
            let (_, mids) = NetworkSweepTests.midpoints(network)
            let expected = mids.map { LemmaRef.forward(network.layers, at: $0) }
            for fast in [true, false] {
                let evaluator = NetworkEvaluator(network, allowFastPath: fast)
                #expect(evaluator.outputsOnPieces() == expected, "seed \(seed) scale \(scale) fast \(fast)")
                #expect(evaluator.firstMismatch(with: evaluator.realisedFunctions().map { .step($0) }) == nil)
                for x in NetworkConstructionTests.evaluationPoints(network, seed: seed) {
                    #expect(evaluator.outputs(at: x) == LemmaRef.forward(network.layers, at: x), "seed \(seed) x=\(x)")
                }
            }
            // Some units do share a sum.
            let (_, numbers) = SweepStructure.build(network)
            #expect(numbers.isSum.contains(true))
        }
    }

    /// The sign-coded member reserves its store from counts written down in advance
    /// (trunk, Haar layer, u, ``ReadoutHead/size(levels:readouts:)``); here they are
    /// compared with what the construction appended, so the reservation is exact.
    @Test(
        "sign-coded member: reserved sizes equal the built network's",
        arguments: [(1, [1]), (3, [4, 5, 7]), (6, [32, 33, 63, 1]), (8, [128, 129, 200])])
    func reservedSizes(J: Int, indices: [Int]) throws {
        let readouts = try indices.map { try WalshReadout(index: $0) }
        let network = try SignCodedNetworkFamily(levels: J, readouts: readouts).member(
            signs: try SignTree(levels: J) { _, k in k % 3 == 0 ? -1 : 1 }
        ).network
        let head = ReadoutHead.size(levels: J, readouts: readouts), cells = 1 << J
        #expect(network.unitCount == 2 * (cells - 1) + 1 + head.units)
        #expect(network.weightCount == 5 * (cells - 1) - 2 * J + head.weights)
    }
}
