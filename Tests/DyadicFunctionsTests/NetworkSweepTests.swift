@testable import DyadicFunctions
import ExactArithmetic
import TestSupport
import Testing

/// The sweep evaluator (``NetworkEvaluator``) against the forward pass at every piece's
/// midpoint (`LemmaRef.forward`, written in the tests), on both number paths, and its
/// comparison with targets against a comparison written here.
@Suite("Network sweep == forward pass per piece")
struct NetworkSweepTests {
    typealias Unit = HeavisideNetwork.Unit

    /// Random networks with more pieces than `NetworkConstructionTests.randomLayers`: a
    /// first layer with repeated thresholds, thresholds outside [0, 1) and both signs
    /// of weight; hidden layers with single-input Heaviside units (grouped), multi-input
    /// Heaviside units, linear units read by later units, and constants. `weightScale`
    /// multiplies every weight beyond the first layer (1/3 forces exact rationals).
    static func randomNetwork(seed: Int, weightScale: Rational = 1) throws -> HeavisideNetwork {
        var g = SplitMix64(seed: 0x5EE9_0000 + UInt64(seed))
        var layers = NetworkConstructionTests.randomLayers(seed: seed)
        let extra = (0..<LemmaRef.randomInt(0...12, using: &g)).map { _ -> Unit in
            let w = Rational(LemmaRef.randomInt(1...3, using: &g)) * (g.next() & 1 == 0 ? 1 : -1)
            let t =
                g.next() % 3 == 0
                ? LemmaRef.randomUnitRational(using: &g, maxDenominator: 12) : LemmaRef.q(LemmaRef.randomInt(-3...19, using: &g), 16)
            return .threshold(weight: w, bias: -w * t)
        }
        // Repeat some thresholds exactly (equal cuts) and add the extra units.
        layers[0] += extra + layers[0].prefix(2)
        let width = layers[0].count
        // Three units reading many first-layer units (one linear), carried to the
        // outputs through a linear unit per later layer.
        layers[1] += (0..<3).map { k -> Unit in
            let inputs = Array(0..<width).filter { ($0 + k) % 2 == 0 }
            return Unit(
                activation: k == 0 ? .linear : .heaviside, inputs: inputs,
                weights: inputs.map { Rational(($0 % 5) - 2) / 2 }, bias: LemmaRef.q(-k, 2))
        }
        for l in 2..<layers.count {
            let previous = layers[l - 1].count
            let carried = l == 2 ? Array((previous - 3)..<previous) : [previous - 1]
            let weights = carried.map { Rational($0 % 3 + 1) / 4 }
            if l < layers.count - 1 {
                layers[l].append(Unit(activation: .linear, inputs: carried, weights: weights, bias: LemmaRef.q(1, 8)))
            } else {
                layers[l] = layers[l].map { u in
                    Unit(activation: u.activation, inputs: u.inputs + carried, weights: u.weights + weights, bias: u.bias)
                }
            }
        }
        for l in 1..<layers.count {
            layers[l] = layers[l].map { u in
                Unit(activation: u.activation, inputs: u.inputs, weights: u.weights.map { $0 * weightScale }, bias: u.bias * weightScale)
            }
        }
        return try HeavisideNetwork(layers: layers)
    }

    /// Midpoints of the pieces of Lemma N1, cuts computed here.
    static func midpoints(_ network: HeavisideNetwork) -> (cuts: [Rational], midpoints: [Rational]) {
        let inside = Set(network.firstLayerThresholds.filter { $0.signum > 0 && $0 < 1 }).sorted()
        let cuts = [Rational(0)] + inside + [Rational(1)]
        return (cuts, (0..<(cuts.count - 1)).map { (cuts[$0] + cuts[$0 + 1]) / 2 })
    }

    @Test("sweep == forward pass at every midpoint, both number paths", arguments: 0..<40)
    func sweepEqualsForward(seed: Int) throws {
        for scale in [Rational(1), LemmaRef.q(1, 3)] {
            let network = try Self.randomNetwork(seed: seed, weightScale: scale)
            let (cuts, mids) = Self.midpoints(network)
            let expected = mids.map { LemmaRef.forward(network.layers, at: $0) }
            for fast in [true, false] {
                let evaluator = NetworkEvaluator(network, allowFastPath: fast)
                #expect(evaluator.usesFastPath == (fast && scale == 1), "seed \(seed)")
                #expect(evaluator.pieceBoundaries == cuts)
                #expect(evaluator.outputsOnPieces() == expected, "seed \(seed) scale \(scale) fast \(fast)")
                let realised = evaluator.realisedFunctions()
                for (p, x) in mids.enumerated() {
                    #expect(realised.map { LemmaRef.value(of: $0, at: x) } == expected[p])
                }
                #expect(evaluator.firstMismatch(with: realised.map { .step($0) }) == nil)
                // Point evaluation anywhere, thresholds included (H(0) = 1).
                for x in NetworkConstructionTests.evaluationPoints(network, seed: seed) {
                    #expect(evaluator.outputs(at: x) == LemmaRef.forward(network.layers, at: x), "seed \(seed) x=\(x)")
                }
            }
        }
    }

    /// Each way a target can differ, at the smallest step: a value off by 2^-60 on one
    /// piece, a breakpoint moved by 2^-60 into a piece, one output of several. The
    /// mismatch reported is the first piece, then the first output there.
    @Test("firstMismatch finds the smallest differences", arguments: 0..<12)
    func mismatches(seed: Int) throws {
        var g = SplitMix64(seed: 0x111_0000 + UInt64(seed))
        let network = try Self.randomNetwork(seed: seed)
        let (cuts, mids) = Self.midpoints(network)
        let rows = mids.map { LemmaRef.forward(network.layers, at: $0) }
        let tiny = LemmaRef.inversePow2(60)
        for fast in [true, false] {
            let evaluator = NetworkEvaluator(network, allowFastPath: fast)
            let D = network.outputCount
            func target(_ d: Int, _ values: [Rational], _ breakpoints: [Rational]) throws -> StepFunction {
                try StepFunction(breakpoints: breakpoints, values: values)
            }
            let exact = try (0..<D).map { d in try target(d, rows.map { $0[d] }, cuts) }
            #expect(evaluator.firstMismatch(with: exact.map { .step($0) }) == nil)
            // A value off by 2^-60 on one piece.
            let p = LemmaRef.randomInt(0...(mids.count - 1), using: &g), d = LemmaRef.randomInt(0...(D - 1), using: &g)
            var values = rows.map { $0[d] }
            values[p] += tiny
            var targets = exact.map { NetworkEvaluator.Target.step($0) }
            targets[d] = .step(try target(d, values, cuts))
            let m = evaluator.firstMismatch(with: targets)
            #expect(
                m == NetworkEvaluator.Mismatch(piece: p, output: d, start: cuts[p], end: cuts[p + 1], value: rows[p][d]), "seed \(seed)")
            // A target breakpoint moved by 2^-60 into piece p (the target takes the next
            // piece's value, or a new value on the last piece, slightly early).
            if p + 1 < mids.count && rows[p][d] != rows[p + 1][d] {
                var b = cuts
                b[p + 1] -= tiny
                targets = exact.map { .step($0) }
                targets[d] = .step(try target(d, rows.map { $0[d] }, b))
                #expect(evaluator.firstMismatch(with: targets)?.piece == p)
                #expect(evaluator.firstMismatch(with: targets)?.output == d)
            }
            // Two outputs wrong on the same piece: the first is reported.
            if D >= 2 {
                targets = exact.map { .step($0) }
                for e in [D - 1, 0] {
                    var v = rows.map { $0[e] }
                    v[p] -= tiny
                    targets[e] = .step(try target(e, v, cuts))
                }
                #expect(evaluator.firstMismatch(with: targets)?.output == 0)
            }
        }
    }

    /// The joint network of Lemma N1 for J <= 8 against F_sigma computed in the tests
    /// (`LemmaRef.outputSigns`): every cell, as packed and as step targets; one flipped
    /// cell is found.
    @Test("joint network J <= 8 realises F_sigma; one flipped cell is found", arguments: 1...8)
    func jointNetwork(J: Int) throws {
        var g = SplitMix64(seed: 0x7011_0000 + UInt64(J))
        let sigma = LemmaRef.randomSigns(levels: J, using: &g)
        let D = LemmaRef.randomInt(1...min(6, (1 << J) - 1), using: &g)
        let ms = LemmaRef.randomSubset(of: Array(1..<(1 << J)), size: D, using: &g)
        let network = try NetworkBuilder.joint(signs: try LemmaRef.tree(sigma), readouts: ms.map { try WalshReadout(index: $0) }).network
        let signs = ms.map { LemmaRef.outputSigns(sigma, readout: $0) }
        let evaluator = NetworkEvaluator(network)
        #expect(evaluator.usesFastPath)
        #expect(evaluator.pieceBoundaries == (0...(1 << J)).map { LemmaRef.q($0, 1 << J) })
        #expect(evaluator.outputsOnPieces() == (0..<(1 << J)).map { c in signs.map { Rational($0[c]) } })
        let packed = signs.map { s in PackedSignFunction(level: J, isNegative: { s[$0] < 0 }) }
        #expect(evaluator.firstMismatch(with: packed.map { .packed($0) }) == nil)
        let c = LemmaRef.randomInt(0...((1 << J) - 1), using: &g), d = LemmaRef.randomInt(0...(D - 1), using: &g)
        var targets = packed.map { NetworkEvaluator.Target.packed($0) }
        targets[d] = .packed(PackedSignFunction(level: J, isNegative: { ($0 == c) != (signs[d][$0] < 0) }))
        #expect(
            evaluator.firstMismatch(with: targets)
                == NetworkEvaluator.Mismatch(
                    piece: c, output: d, start: LemmaRef.q(c, 1 << J), end: LemmaRef.q(c + 1, 1 << J), value: Rational(signs[d][c])))
        // A finer packed target (level J + 1) differing on one half cell.
        targets = packed.map { .packed($0) }
        targets[d] = .packed(PackedSignFunction(level: J + 1, isNegative: { ($0 == 2 * c + 1) != (signs[d][$0 / 2] < 0) }))
        #expect(evaluator.firstMismatch(with: targets)?.piece == c)
        // Exact rationals give the same answers.
        let exact = NetworkEvaluator(network, allowFastPath: false)
        #expect(exact.firstMismatch(with: targets)?.piece == c)
        #expect(exact.realisedFunctions() == evaluator.realisedFunctions())
    }

    /// The work charged for a sweep, known before it runs (``NetworkEvaluator/sweepWork(readingPerPiece:)``).
    /// Debug builds check in every sweep of these tests that the steps done stay within
    /// it; here, its size on networks whose sweeps are known by hand.
    @Test("the work bound: at least n^2 for a wide sum read by n units, and linear in the pieces for the joint network")
    func workBound() throws {
        // n thresholds, a linear sum of all n first-layer units, n linear units reading the
        // sum. The sum changes at each of the n pieces after the first, and each change
        // touches all n readers: the sweep takes at least n^2 steps.
        for n in [1, 7, 100, 1000] {
            let first = (1...n).map { Unit.threshold(weight: 1, bias: -LemmaRef.q($0, n + 1)) }
            let sum = Unit(activation: .linear, inputs: Array(0..<n), weights: Array(repeating: 1, count: n), bias: 0)
            let reader = Unit(activation: .linear, inputs: [0], weights: [1], bias: 0)
            let network = try HeavisideNetwork(layers: [first, [sum], Array(repeating: reader, count: n), [reader]])
            let work = NetworkEvaluator(network).sweepWork(readingPerPiece: 1)
            #expect(work >= n * n, "n = \(n): \(work)")
            #expect(work <= 2 * n * n + 40 * n + 40, "n = \(n): \(work)")
        }
        // The joint network of J levels has 2^J pieces and about 24 2^J units; its bound grows
        // like J 2^J (a change re-reads groups by binary search), where a full forward pass
        // per piece would grow like 4^J (16-fold per two levels).
        var g = SplitMix64(seed: 0x3013)
        var previous: Int? = nil
        for J in stride(from: 6, through: 12, by: 2) {
            let sigma = LemmaRef.randomSigns(levels: J, using: &g)
            let readouts = try [1, 3, (1 << J) - 1].map { try WalshReadout(index: $0) }
            let network = try NetworkBuilder.joint(signs: try LemmaRef.tree(sigma), readouts: readouts).network
            let work = NetworkEvaluator(network).sweepWork(readingPerPiece: 3)
            if let previous { #expect(work <= 6 * previous, "J = \(J): \(work) after \(previous)") }
            #expect(work < 20 * J << J, "J = \(J): \(work)")
            previous = work
        }
    }

    /// A chain of 100,000 one-unit layers: the first id of each layer and the function.
    /// Building the sweep is linear in the layers; the first id of each layer used to be
    /// searched from the start once per layer (L x units steps), so a 3 MB certificate of
    /// 40,000 layers took 35 s and one of 3 million layers, within the default file and
    /// network-size limits, days. No time is asserted (speed is measured by benchmarks);
    /// a quadratic build would make this test take minutes.
    @Test("a deep chain network: the first id of each layer, and its function")
    func deepChain() throws {
        let L = 100_000
        var builder = HeavisideNetwork.Builder()
        builder.beginLayer()
        builder.append(activation: .heaviside, inputs: [0], weights: [Rational(1)], bias: LemmaRef.q(-1, 2))
        for _ in 1..<L {
            builder.beginLayer()
            builder.append(activation: .linear, inputs: [0], weights: [Rational(1)], bias: 0)
        }
        let network = try builder.network()
        let evaluator = NetworkEvaluator(network)
        #expect(evaluator.structure.layerStarts == Array(0...L))
        #expect(evaluator.realisedFunctions() == [try StepFunction(breakpoints: [0, LemmaRef.q(1, 2), 1], values: [0, 1])])
    }

    /// Packed targets need +-1 outputs: an output of 1 + 2^-60 on one piece is a mismatch.
    @Test("packed targets reject an output of 1 + 2^-60")
    func packedNeedsSigns() throws {
        let tiny = LemmaRef.inversePow2(60)
        let layers: [[Unit]] = [
            [.threshold(weight: 1, bias: LemmaRef.q(-1, 2))],
            [Unit(activation: .linear, inputs: [0], weights: [tiny], bias: 1)],
        ]
        let network = try HeavisideNetwork(layers: layers)
        let ones = PackedSignFunction(level: 1, isNegative: { _ in false })
        for fast in [true, false] {
            let m = NetworkEvaluator(network, allowFastPath: fast).firstMismatch(with: [.packed(ones)])
            #expect(m == NetworkEvaluator.Mismatch(piece: 1, output: 0, start: LemmaRef.q(1, 2), end: 1, value: 1 + tiny))
        }
    }

    /// Values near 2^60 leave the fast path; the exact path gives the forward pass.
    @Test("large weights fall back to exact rationals")
    func largeWeights() throws {
        let big = Rational(BigInt(1) << 59)
        for (weight, fast) in [(big / 4, true), (big, false), (big * big, false), (Rational(1).timesPowerOfTwo(-70), false)] {
            let layers: [[Unit]] = [
                [.threshold(weight: 1, bias: LemmaRef.q(-1, 3)), .threshold(weight: -1, bias: LemmaRef.q(2, 3))],
                [
                    Unit(activation: .linear, inputs: [0, 1], weights: [weight, weight], bias: 0),
                    Unit(activation: .heaviside, inputs: [0, 1], weights: [weight, -weight], bias: 0),
                ],
                [Unit(activation: .linear, inputs: [0, 1], weights: [1, weight], bias: weight)],
            ]
            let network = try HeavisideNetwork(layers: layers)
            let evaluator = NetworkEvaluator(network)
            #expect(evaluator.usesFastPath == fast, "weight \(weight)")
            let (_, mids) = Self.midpoints(network)
            #expect(evaluator.outputsOnPieces() == mids.map { LemmaRef.forward(layers, at: $0) })
        }
    }

    /// The piece boundaries: sorted, without repeats, only thresholds inside (0, 1),
    /// whether or not the first layer lists them in order.
    @Test("pieceBoundaries, in and out of order", arguments: 0..<10)
    func boundaries(seed: Int) throws {
        var g = SplitMix64(seed: 0xB0B0_0000 + UInt64(seed))
        let thresholds = (0..<LemmaRef.randomInt(1...20, using: &g)).map { _ in LemmaRef.q(LemmaRef.randomInt(-4...20, using: &g), 16) }
        for list in [thresholds, thresholds.sorted()] {
            let network = try HeavisideNetwork(layers: [
                list.map { .threshold(weight: 1, bias: -$0) }, [Unit(activation: .linear, inputs: [0], weights: [1], bias: 0)],
            ])
            #expect(network.pieceBoundaries == Self.midpoints(network).cuts)
        }
    }
}

extension NetworkEvaluator {
    /// Whether the `Int` fast path is in use (test-only: no verdict depends on it).
    var usesFastPath: Bool {
        if case .scaled = plan { return true }
        return false
    }
}
