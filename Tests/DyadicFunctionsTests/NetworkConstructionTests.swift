import Testing
import ExactArithmetic
@testable import DyadicFunctions
import TestSupport

/// The Heaviside-network constructions of MATH.md sec. 8 (digit units, parity units,
/// the joint network for F_sigma, one-layer networks), Lemma N1's evaluation
/// (fast evaluator == naive forward pass, H(0) = 1) and Corollary N2.
@Suite("Networks (MATH.md sec. 8) by brute force")
struct NetworkConstructionTests {
    // MARK: Digit and parity units

    /// sum_i (-1)^(i+1) H(y - i/2^(n+1)) = floor(2^(n+1) y) mod 2 on the grid k/2^(n+3)
    /// (which hits every threshold exactly, so H(0) = 1 matters) and random rationals.
    @Test("digit units compute floor(2^(n+1) y) mod 2", arguments: 0...5)
    func digitUnits(n: Int) {
        var g = SplitMix64(seed: 0xD161 + UInt64(n))
        var points = (0..<(1 << (n + 3))).map { LemmaRef.q($0, 1 << (n + 3)) }
        for _ in 0..<200 { points.append(LemmaRef.randomUnitRational(using: &g)) }
        let source = 3
        let units = NetworkBuilder.digitUnits(digit: n, source: source)
        #expect(units.count == (1 << (n + 1)) - 1)
        #expect(units.allSatisfy { $0.activation == .heaviside && $0.inputs == [source] })
        for y in points {
            var z = [Rational](repeating: 7, count: 5) // junk everywhere except the source
            z[source] = y
            var sum = Rational(0)
            for (i, unit) in units.enumerated() { sum += (i % 2 == 0 ? 1 : -1) * LemmaRef.apply(unit, to: z) }
            let expected = (y * Rational(1 << (n + 1))).floor.isOdd ? Rational(1) : Rational(0)
            #expect(sum == expected, "n=\(n) y=\(y)")
        }
    }

    /// sum_t (-1)^(t-1) H(c_1 + ... + c_k - t) = c_1 xor ... xor c_k for every bit vector,
    /// k <= 8, reading scattered sources among junk inputs.
    @Test("parity units compute xor on every bit vector", arguments: 1...8)
    func parityUnits(k: Int) {
        var g = SplitMix64(seed: 0xA117 + UInt64(k))
        let width = k + 4
        let sources = LemmaRef.randomSubset(of: Array(0..<width), size: k, using: &g).sorted()
        let units = NetworkBuilder.parityUnits(sources: sources)
        #expect(units.count == k)
        #expect(units.allSatisfy { $0.activation == .heaviside && $0.inputs == sources })
        for bits in 0..<(1 << k) {
            var z = (0..<width).map { _ in Rational(Int(g.next() % 5) - 2) } // junk
            for (t, s) in sources.enumerated() { z[s] = Rational((bits >> t) & 1) }
            var sum = Rational(0)
            for (t, unit) in units.enumerated() { sum += (t % 2 == 0 ? 1 : -1) * LemmaRef.apply(unit, to: z) }
            #expect(sum == Rational(bits.nonzeroBitCount & 1), "k=\(k) bits=\(bits)")
        }
    }

    // MARK: The joint network

    static let jointCases: [(J: Int, seed: UInt64)] = [(1, 1), (2, 2), (3, 3), (3, 4), (4, 5), (5, 6), (6, 7), (7, 8), (8, 9)]

    /// The joint network realises F_sigma exactly, has the unit counts of sec. 8, and
    /// every parameter fits its declared code.
    @Test("joint network realises F_sigma with the structure of sec. 8", arguments: jointCases)
    func jointNetwork(J: Int, seed: UInt64) throws {
        var g = SplitMix64(seed: 0x701_0000 + seed)
        let sigma = LemmaRef.randomSigns(levels: J, using: &g)
        let tree = try LemmaRef.tree(sigma)
        let D = LemmaRef.randomInt(1...min(6, (1 << J) - 1), using: &g)
        let ms = LemmaRef.randomSubset(of: Array(1..<(1 << J)), size: D, using: &g)
        let readouts = try ms.map { try WalshReadout(index: $0) }
        let coded = try NetworkBuilder.joint(signs: tree, readouts: readouts)
        let network = coded.network

        // Realised functions: the library's definition and the reference values.
        let realised = network.realisedFunctions()
        let feature = RademacherHaarFeature.balanced(signs: tree)
        #expect(realised.count == D)
        for (d, m) in ms.enumerated() {
            #expect(realised[d] == (try TaskOutput.byDefinition(feature: feature, readout: readouts[d])), "J=\(J) m=\(m)")
            #expect(LemmaRef.matches(realised[d], signs: LemmaRef.outputSigns(sigma, readout: m)), "J=\(J) m=\(m)")
        }

        // Structure: trunk, u, digit units, digit sums, parity units, outputs.
        let usedDigits = Set(ms.flatMap { LemmaRef.bits($0) })
        let layers = network.layers
        #expect(layers.count == 6)
        #expect(layers[0].count == (1 << J) - 1)
        #expect(network.firstLayerThresholds.sorted() == (1..<(1 << J)).map { LemmaRef.q($0, 1 << J) })
        #expect(layers[1].count == 1 && layers[1][0].activation == .linear)
        #expect(layers[2].count == usedDigits.reduce(0) { $0 + (1 << ($1 + 1)) - 1 })
        #expect(layers[2].allSatisfy { $0.activation == .heaviside })
        #expect(layers[3].count == usedDigits.count && layers[3].allSatisfy { $0.activation == .linear })
        #expect(layers[4].count == ms.reduce(0) { $0 + $1.nonzeroBitCount })
        #expect(layers[4].allSatisfy { $0.activation == .heaviside })
        #expect(layers[5].count == D && network.outputCount == D)
        #expect(network.firstLayerWidth == (1 << J) - 1)
        #expect(network.hiddenUnitCount == (1 << J) - 1 + 1 + layers[2].count + usedDigits.count + layers[4].count)

        // u's bias and weights: u_sigma(0) and the jumps of u_sigma (from the reference).
        let u = LemmaRef.midpointIndices(sigma).map { LemmaRef.q(2 * $0 + 1, 1 << (J + 1)) }
        #expect(layers[1][0].bias == u[0])
        #expect(layers[1][0].weights == (1..<(1 << J)).map { u[$0] - u[$0 - 1] })

        // Every parameter fits its code; only u's parameters carry bits.
        for (l, layer) in layers.enumerated() {
            for (k, unit) in layer.enumerated() {
                #expect(coded.biasCodes[l][k].admits(unit.bias), "layer \(l) unit \(k) bias")
                for (i, w) in unit.weights.enumerated() {
                    #expect(coded.weightCodes[l][k][i].admits(w), "layer \(l) unit \(k) weight \(i)")
                    if l != 1 { #expect(coded.weightCodes[l][k][i].bitLength == 0) }
                }
            }
        }
    }

    /// The fast evaluator equals the naive forward pass (and a forward pass written here)
    /// at the piece midpoints, at every first-layer threshold (H(0) = 1), at random
    /// rationals and at points outside [0, 1).
    @Test("NetworkEvaluator == evaluate(at:) on joint networks", arguments: jointCases)
    func evaluatorOnJoint(J: Int, seed: UInt64) throws {
        var g = SplitMix64(seed: 0xE7A1_0000 + seed)
        let sigma = LemmaRef.randomSigns(levels: J, using: &g)
        let D = LemmaRef.randomInt(1...min(4, (1 << J) - 1), using: &g)
        let ms = LemmaRef.randomSubset(of: Array(1..<(1 << J)), size: D, using: &g)
        let network = try NetworkBuilder.joint(signs: try LemmaRef.tree(sigma), readouts: ms.map { try WalshReadout(index: $0) }).network
        let evaluator = NetworkEvaluator(network)
        let cells = 1 << J
        var points: [Rational] = []
        for c in 0..<cells {
            points.append(LemmaRef.q(c, cells)) // thresholds (and 0)
            points.append(LemmaRef.q(2 * c + 1, 2 * cells)) // piece midpoints
        }
        for _ in 0..<(J <= 6 ? 40 : 10) { points.append(LemmaRef.randomUnitRational(using: &g)) }
        points += [Rational(-1), Rational(1), LemmaRef.q(3, 2)]
        let outputSigns = ms.map { LemmaRef.outputSigns(sigma, readout: $0) }
        for x in points {
            let fast = evaluator.outputs(at: x)
            let naive = network.evaluate(at: x)
            #expect(fast == naive, "J=\(J) x=\(x)")
            if J <= 6 { #expect(naive == LemmaRef.forward(network.layers, at: x), "J=\(J) x=\(x)") }
            if x.signum >= 0 && x < 1 {
                // Right-continuity: at a threshold the network gives the value of the cell
                // that starts there.
                let c = (x * Rational(cells)).floor.intValue ?? 0
                #expect(fast == outputSigns.map { Rational($0[c]) }, "J=\(J) x=\(x)")
            }
        }
    }

    /// Random layered networks with every kind of unit (single-input Heaviside units with
    /// positive, negative and zero weights, multi-input Heaviside units, linear hidden
    /// units, units without inputs), thresholds on a grid that the hidden values hit
    /// exactly, so H(0) = 1 is exercised in every layer (see `randomNetworksHitTies`).
    static func randomLayers(seed: Int) -> [[HeavisideNetwork.Unit]] {
        var g = SplitMix64(seed: 0xBEEF_0000 + UInt64(seed))
        let nonzero: [Rational] = [1, -1, 2, -2, LemmaRef.q(1, 2), LemmaRef.q(-1, 2), 3, LemmaRef.q(-3, 4)]
        let grid: [Rational] = [0, 1, -1, 2, LemmaRef.q(1, 2), LemmaRef.q(1, 4), LemmaRef.q(3, 4), 3]
        func pick<T>(_ a: [T]) -> T { a[Int(g.next() % UInt64(a.count))] }
        var layers: [[HeavisideNetwork.Unit]] = []
        // First layer: thresholds on k/8, some outside [0, 1), both signs of weight.
        let first = (0..<LemmaRef.randomInt(2...10, using: &g)).map { _ -> HeavisideNetwork.Unit in
            let w = pick(nonzero), t = LemmaRef.q(LemmaRef.randomInt(-2...10, using: &g), 8)
            return .threshold(weight: w, bias: -w * t)
        }
        layers.append(first)
        let hidden = LemmaRef.randomInt(1...4, using: &g)
        for _ in 0..<hidden {
            let width = layers[layers.count - 1].count
            let units = (0..<LemmaRef.randomInt(1...8, using: &g)).map { _ -> HeavisideNetwork.Unit in
                switch g.next() % 6 {
                case 0, 1: // single-input Heaviside, threshold on the grid (weight 0 now and then)
                    let w = g.next() % 8 == 0 ? Rational(0) : pick(nonzero)
                    return HeavisideNetwork.Unit(
                        activation: .heaviside, inputs: [Int(g.next() % UInt64(width))],
                        weights: [w], bias: -(w.isZero ? pick(grid) : w * pick(grid)))
                case 2: // multi-input Heaviside
                    let size = LemmaRef.randomInt(1...min(3, width), using: &g)
                    let inputs = LemmaRef.randomSubset(of: Array(0..<width), size: size, using: &g).sorted()
                    return HeavisideNetwork.Unit(
                        activation: .heaviside, inputs: inputs, weights: inputs.map { _ in pick(nonzero) }, bias: -pick(grid))
                case 3, 4: // linear
                    let size = LemmaRef.randomInt(1...min(3, width), using: &g)
                    let inputs = LemmaRef.randomSubset(of: Array(0..<width), size: size, using: &g).sorted()
                    return HeavisideNetwork.Unit(
                        activation: .linear, inputs: inputs, weights: inputs.map { _ in pick(nonzero) }, bias: pick(grid))
                default: // no inputs at all: a constant
                    return HeavisideNetwork.Unit(
                        activation: g.next() & 1 == 0 ? .heaviside : .linear, inputs: [], weights: [], bias: -pick(grid))
                }
            }
            layers.append(units)
        }
        let width = layers[layers.count - 1].count
        layers.append(
            (0..<LemmaRef.randomInt(1...3, using: &g)).map { _ in
                let size = LemmaRef.randomInt(1...width, using: &g)
                let inputs = LemmaRef.randomSubset(of: Array(0..<width), size: size, using: &g).sorted()
                return HeavisideNetwork.Unit(
                    activation: .linear, inputs: inputs, weights: inputs.map { _ in pick(nonzero) }, bias: pick(grid))
            })
        return layers
    }

    /// First-layer thresholds, piece boundaries and midpoints, a grid, random rationals.
    static func evaluationPoints(_ network: HeavisideNetwork, seed: Int) -> [Rational] {
        var g = SplitMix64(seed: 0xF00D_0000 + UInt64(seed))
        var points = network.firstLayerThresholds + network.pieceBoundaries
        let cuts = network.pieceBoundaries
        for p in 0..<(cuts.count - 1) { points.append((cuts[p] + cuts[p + 1]) / 2) }
        for k in -4...12 {
            points.append(LemmaRef.q(k, 8))
            points.append(LemmaRef.q(2 * k + 1, 16))
        }
        for _ in 0..<30 { points.append(LemmaRef.randomUnitRational(using: &g, maxDenominator: 64)) }
        return points
    }

    static let randomSeeds = Array(0..<16)

    @Test("NetworkEvaluator == evaluate(at:) on random networks", arguments: randomSeeds)
    func evaluatorOnRandom(seed: Int) throws {
        let layers = Self.randomLayers(seed: seed)
        let network = try HeavisideNetwork(layers: layers)
        let evaluator = NetworkEvaluator(network)
        for x in Self.evaluationPoints(network, seed: seed) {
            let mine = LemmaRef.forward(layers, at: x)
            #expect(network.evaluate(at: x) == mine, "seed \(seed) x=\(x)")
            #expect(evaluator.outputs(at: x) == mine, "seed \(seed) x=\(x)")
        }
        // Lemma N1: the realised functions agree with the forward pass at piece midpoints.
        let cuts = network.pieceBoundaries
        let realised = network.realisedFunctions()
        #expect(realised.count == network.outputCount)
        for p in 0..<(cuts.count - 1) {
            let x = (cuts[p] + cuts[p + 1]) / 2
            let mine = LemmaRef.forward(layers, at: x)
            for d in 0..<network.outputCount { #expect(LemmaRef.value(of: realised[d], at: x) == mine[d]) }
        }
    }

    /// The random networks above do hit H(0) beyond the first layer, both for single-input
    /// units (the evaluator's threshold-sum path, with either sign of weight) and others,
    /// so `evaluatorOnRandom` can detect a wrong convention there.
    @Test("random networks hit exact ties H(0) in deeper layers")
    func randomNetworksHitTies() throws {
        var rising = 0, falling = 0, other = 0
        for seed in Self.randomSeeds {
            let layers = Self.randomLayers(seed: seed)
            let network = try HeavisideNetwork(layers: layers)
            for x in Self.evaluationPoints(network, seed: seed) {
                var z = [x]
                for (l, layer) in layers.enumerated() {
                    for unit in layer where l > 0 && unit.activation == .heaviside {
                        var t = unit.bias
                        for (k, i) in unit.inputs.enumerated() { t += unit.weights[k] * z[i] }
                        guard t.isZero else { continue }
                        if unit.inputs.count == 1 && unit.weights[0].signum > 0 {
                            rising += 1
                        } else if unit.inputs.count == 1 && unit.weights[0].signum < 0 {
                            falling += 1
                        } else {
                            other += 1
                        }
                    }
                    z = layer.map { LemmaRef.apply($0, to: z) }
                }
            }
        }
        #expect(rising > 0 && falling > 0 && other > 0, "ties: rising \(rising), falling \(falling), other \(other)")
    }

    /// A hand-built network with ties in the second layer: a wrong H(0) in either the
    /// rising (w > 0) or the falling (w < 0) threshold sums changes the output.
    @Test("hand-built ties in the second layer")
    func handBuiltTies() throws {
        // Layer 0: H(x - 1/2), H(-x + 1/4). Layer 1: H(z0 - 1), H(-2 z1 + 2). Output y0 + 10 y1.
        let layers: [[HeavisideNetwork.Unit]] = [
            [.threshold(weight: 1, bias: LemmaRef.q(-1, 2)), .threshold(weight: -1, bias: LemmaRef.q(1, 4))],
            [
                HeavisideNetwork.Unit(activation: .heaviside, inputs: [0], weights: [1], bias: -1),
                HeavisideNetwork.Unit(activation: .heaviside, inputs: [1], weights: [-2], bias: 2),
            ],
            [HeavisideNetwork.Unit(activation: .linear, inputs: [0, 1], weights: [1, 10], bias: 0)],
        ]
        let network = try HeavisideNetwork(layers: layers)
        let evaluator = NetworkEvaluator(network)
        // x = 1/2: z = (1, 0), y = (H(0), H(2)) = (1, 1). x = 1/4: z = (0, 1), y = (H(-1), H(0)) = (0, 1).
        // x = 3/10: z = (0, 0), y = (0, 1). x = 3/4: z = (1, 0), y = (1, 1). x = 0: z = (0, 1), y = (0, 1).
        let expected: [(Rational, Rational)] = [
            (LemmaRef.q(1, 2), 11), (LemmaRef.q(1, 4), 10), (LemmaRef.q(3, 10), 10),
            (LemmaRef.q(3, 4), 11), (0, 10),
        ]
        for (x, value) in expected {
            #expect(network.evaluate(at: x) == [value], "x=\(x)")
            #expect(evaluator.outputs(at: x) == [value], "x=\(x)")
        }
    }

    // MARK: One-layer networks

    /// Random step functions (rational breakpoints, repeated values so canonical merging
    /// happens) are realised exactly, alone and several at once on a shared first layer.
    @Test("oneLayer realises random step functions exactly", arguments: 0..<10)
    func oneLayer(seed: Int) throws {
        var g = SplitMix64(seed: 0x0E1A_0000 + UInt64(seed))
        let D = LemmaRef.randomInt(1...4, using: &g)
        var functions: [StepFunction] = []
        for _ in 0..<D {
            var cuts = Set<Rational>()
            for _ in 0..<LemmaRef.randomInt(1...12, using: &g) {
                let t = LemmaRef.randomUnitRational(using: &g, maxDenominator: 24)
                if t.signum > 0 { cuts.insert(t) }
            }
            if cuts.isEmpty { cuts.insert(LemmaRef.q(1, 3)) }
            let breakpoints = [Rational(0)] + cuts.sorted() + [Rational(1)]
            let values = (0..<(breakpoints.count - 1)).map { _ in
                LemmaRef.q(LemmaRef.randomInt(-3...3, using: &g), LemmaRef.randomInt(1...3, using: &g))
            }
            functions.append(try StepFunction(breakpoints: breakpoints, values: values))
        }
        guard functions.contains(where: { $0.breakpointCount > 0 }) else { return }
        let network = try NetworkBuilder.oneLayer(realising: functions)
        #expect(network.layerCount == 2)
        let allCuts = Set(functions.flatMap { Array($0.interiorBreakpoints) })
        #expect(network.firstLayerWidth == allCuts.count)
        #expect(network.realisedFunctions() == functions)
        // Point values, including exactly at the breakpoints (right-continuity, H(0) = 1).
        for x in Array(allCuts) + [0, LemmaRef.q(1, 7)] {
            #expect(network.evaluate(at: x) == functions.map { LemmaRef.value(of: $0, at: x) }, "x=\(x)")
        }
        for f in functions where f.breakpointCount > 0 {
            let single = try NetworkBuilder.oneLayer(realising: [f])
            #expect(single.realisedFunctions() == [f])
            #expect(single.firstLayerWidth == f.breakpointCount)
        }
    }

    @Test("oneLayer rejects empty and constant inputs")
    func oneLayerRejects() {
        #expect(throws: DyadicFunctionError.self) { try NetworkBuilder.oneLayer(realising: []) }
        #expect(throws: DyadicFunctionError.self) { try NetworkBuilder.oneLayer(realising: [StepFunction(constant: 3)]) }
    }

    // MARK: Corollary N2

    /// For top(m) = J-1 every f changes sign inside every level-(J-1) cell: at least
    /// 2^(J-1) breakpoints. Every tree J <= 4 (reference patterns, and the library's packed
    /// breakpoint count), random trees to J = 10 (library step functions).
    @Test("Corollary N2: every tree J <= 4", arguments: 1...4)
    func widthLowerBoundAllTrees(J: Int) throws {
        let cells = 1 << J
        let readouts = try ((1 << (J - 1))..<cells).map { try WalshReadout(index: $0) }
        var failures = LemmaRef.Failures()
        // Bit-level: bit c of (p ^ (p >> 1)) is a sign change between cells c and c+1.
        let inside = (0..<(cells / 2)).reduce(UInt64(0)) { $0 | 1 << UInt64(2 * $1) } // c = 2k
        let adjacent: UInt64 = (1 << UInt64(cells - 1)) - 1 // c < cells-1
        for (n, patterns) in LemmaRef.outputPatternTables[J].enumerated() {
            let packed = try TaskOutput.packedOutputs(signs: try SignTree(levels: J, number: n), readouts: readouts)
            for (d, r) in readouts.enumerated() {
                let p = patterns[r.index]
                let change = (p ^ (p >> 1)) & adjacent
                // A sign change in the middle of every level-(J-1) cell.
                failures.check(change & inside == inside, "J=\(J) n=\(n) m=\(r.index)")
                let changes = change.nonzeroBitCount
                failures.check(changes >= cells / 2, "J=\(J) n=\(n) m=\(r.index): \(changes) breakpoints")
                failures.check(packed[d].breakpointCount == changes, "J=\(J) n=\(n) m=\(r.index): packed count")
            }
        }
        #expect(failures.count == 0)
    }

    @Test("Corollary N2: random trees J = 5..10", arguments: 5...10)
    func widthLowerBoundRandom(J: Int) throws {
        var g = SplitMix64(seed: 0x2_0000 + UInt64(J))
        let sigma = LemmaRef.randomSigns(levels: J, using: &g)
        let tree = try LemmaRef.tree(sigma)
        let feature = RademacherHaarFeature.balanced(signs: tree)
        let ms = LemmaRef.randomSubset(of: Array((1 << (J - 1))..<(1 << J)), size: 3, using: &g)
        for m in ms {
            let v = LemmaRef.outputSigns(sigma, readout: m)
            let changes = LemmaRef.changeCount(v)
            #expect(changes >= 1 << (J - 1), "J=\(J) m=\(m)")
            let f = try TaskOutput.byDefinition(feature: feature, readout: try WalshReadout(index: m))
            #expect(f.breakpointCount == changes)
            // The separate one-layer network for f uses exactly that many first-layer units.
            if J <= 7 { #expect(try NetworkBuilder.oneLayer(realising: [f]).firstLayerWidth == changes) }
        }
    }
}
