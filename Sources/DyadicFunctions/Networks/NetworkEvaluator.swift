import ExactArithmetic

/// Exact evaluation of a ``HeavisideNetwork`` on the pieces of Lemma N1, fast enough
/// for networks with hundreds of thousands of units.
///
/// The evaluator computes exactly what ``HeavisideNetwork/evaluate(at:)`` computes. It
/// avoids evaluating *single-input* Heaviside units one by one: such a unit
/// H(w s + b), w != 0, is 1 exactly when s >= -b/w (w > 0) or s <= -b/w (w < 0), so a
/// consumer z's total input from all single-input units that read the same source s,
/// G(s) = sum_i c_i H(w_i s + b_i), is a step function of s. It is precomputed as
/// sorted thresholds with prefix sums and evaluated by binary search, with the
/// H(0) = 1 convention at the thresholds themselves. A single-input unit is evaluated
/// individually ("materialised") only when another single-input unit reads it or it is
/// an output.
public struct NetworkEvaluator: Sendable {
    /// sum_i c_i H(w_i s + b_i) over the single-input units of one source s.
    struct ThresholdSum: Sendable {
        /// Materialised slot of the source in the layer before the grouped units, or -1
        /// for the input x.
        let sourceSlot: Int
        /// Thresholds of units with w > 0 (ascending) and prefix sums of their weights.
        let rising: [Rational]
        let risingPrefix: [Rational]
        /// Thresholds of units with w < 0 (ascending) and suffix sums of their weights.
        let falling: [Rational]
        let fallingSuffix: [Rational]

        init(sourceSlot: Int, terms: [(threshold: Rational, weight: Rational, rising: Bool)]) {
            self.sourceSlot = sourceSlot
            let up = terms.filter(\.rising).sorted { $0.threshold < $1.threshold }
            let down = terms.filter { !$0.rising }.sorted { $0.threshold < $1.threshold }
            rising = up.map(\.threshold)
            var prefix = [Rational.zero]
            for t in up { prefix.append(prefix[prefix.count - 1] + t.weight) }
            risingPrefix = prefix
            falling = down.map(\.threshold)
            var suffix = [Rational](repeating: .zero, count: down.count + 1)
            for i in stride(from: down.count - 1, through: 0, by: -1) { suffix[i] = suffix[i + 1] + down[i].weight }
            fallingSuffix = suffix
        }

        /// G(s): units with w > 0 and threshold <= s, plus units with w < 0 and threshold >= s.
        func value(at s: Rational) -> Rational {
            var low = 0, high = rising.count          // first index with threshold > s
            while low < high {
                let mid = (low + high) / 2
                if rising[mid] <= s { low = mid + 1 } else { high = mid }
            }
            var total = risingPrefix[low]
            low = 0; high = falling.count             // first index with threshold >= s
            while low < high {
                let mid = (low + high) / 2
                if falling[mid] < s { low = mid + 1 } else { high = mid }
            }
            if !falling.isEmpty { total += fallingSuffix[low] }
            return total
        }
    }

    /// A unit whose value is computed individually.
    struct MaterialisedUnit: Sendable {
        let activation: HeavisideNetwork.Activation
        let bias: Rational
        /// (slot in the previous layer's materialised values, weight); for layer 0 the
        /// only input is x, slot -1.
        let direct: [(slot: Int, weight: Rational)]
        let groups: [ThresholdSum]
    }

    /// Materialised units per layer, in unit order.
    let layers: [[MaterialisedUnit]]

    /// The elementary steps of one call of ``outputs(at:)``, roughly: one per direct
    /// input, a binary search per threshold group, one per unit.
    public var costPerPoint: Int {
        layers.reduce(0) { total, layer in
            total + layer.reduce(0) { sum, unit in
                sum + 1 + unit.direct.count + unit.groups.reduce(0) { $0 + 2 + Int.bitWidth - ($1.rising.count + $1.falling.count).leadingZeroBitCount }
            }
        }
    }

    public init(_ network: HeavisideNetwork) {
        let layerCount = network.layers.count
        func singleInputSource(_ unit: HeavisideNetwork.Unit) -> Int? {
            guard unit.activation == .heaviside, unit.inputs.count == 1, !unit.weights[0].isZero else { return nil }
            return unit.inputs[0]
        }
        // Decide from the output layer back which units are grouped.
        var grouped = network.layers.map { [Bool](repeating: false, count: $0.count) }
        var mustMaterialise = network.layers.map { [Bool](repeating: false, count: $0.count) }
        for l in stride(from: layerCount - 2, through: 0, by: -1) {
            for (u, unit) in network.layers[l].enumerated() {
                guard !mustMaterialise[l][u], let source = singleInputSource(unit) else { continue }
                grouped[l][u] = true
                if l > 0 { mustMaterialise[l - 1][source] = true }
            }
        }
        // Slots of materialised units.
        var slots = network.layers.map { [Int](repeating: -1, count: $0.count) }
        for l in 0..<layerCount {
            var next = 0
            for u in 0..<network.layers[l].count where !grouped[l][u] { slots[l][u] = next; next += 1 }
        }
        var built: [[MaterialisedUnit]] = []
        for l in 0..<layerCount {
            var units: [MaterialisedUnit] = []
            for (u, unit) in network.layers[l].enumerated() where !grouped[l][u] {
                var direct: [(Int, Rational)] = []
                var terms: [Int: [(threshold: Rational, weight: Rational, rising: Bool)]] = [:]
                for (k, input) in unit.inputs.enumerated() {
                    let weight = unit.weights[k]
                    if l == 0 {
                        direct.append((-1, weight))
                    } else if grouped[l - 1][input] {
                        let g = network.layers[l - 1][input]
                        let w = g.weights[0]
                        let source = l - 1 == 0 ? -1 : slots[l - 2][g.inputs[0]]
                        terms[source, default: []].append((threshold: -g.bias / w, weight: weight, rising: w.signum > 0))
                    } else {
                        direct.append((slots[l - 1][input], weight))
                    }
                }
                let groups = terms.keys.sorted().map { ThresholdSum(sourceSlot: $0, terms: terms[$0] ?? []) }
                units.append(MaterialisedUnit(activation: unit.activation, bias: unit.bias, direct: direct, groups: groups))
            }
            built.append(units)
        }
        layers = built
    }

    /// The network's outputs at x, exactly as ``HeavisideNetwork/evaluate(at:)``.
    public func outputs(at x: Rational) -> [Rational] {
        var before: [Rational] = []     // materialised values two layers back
        var previous: [Rational] = []   // materialised values one layer back
        for layer in layers {
            var current: [Rational] = []
            current.reserveCapacity(layer.count)
            for unit in layer {
                var t = unit.bias
                for (slot, weight) in unit.direct {
                    let z = slot < 0 ? x : previous[slot]
                    if z.isZero { continue }
                    if z == Rational.one { t += weight } else { t += weight * z }
                }
                for group in unit.groups {
                    t += group.value(at: group.sourceSlot < 0 ? x : before[group.sourceSlot])
                }
                switch unit.activation {
                case .linear: current.append(t)
                case .heaviside: current.append(t.signum >= 0 ? Rational.one : Rational.zero)
                }
            }
            before = previous
            previous = current
        }
        return previous
    }
}

extension HeavisideNetwork {
    /// The piece boundaries of Lemma N1: 0, the first-layer thresholds inside (0, 1)
    /// in increasing order without repeats, and 1.
    public var pieceBoundaries: [Rational] {
        let inside = Set(firstLayerThresholds.filter { $0.signum > 0 && $0 < Rational.one })
        return [0] + inside.sorted() + [1]
    }

    /// The outputs on every piece of Lemma N1 (evaluated at the piece midpoints), in
    /// piece order; pieces are split across cores when there are many.
    public func outputsOnPieces(boundaries: [Rational]? = nil, evaluator: NetworkEvaluator? = nil) -> [[Rational]] {
        let cuts = boundaries ?? pieceBoundaries
        let evaluator = evaluator ?? NetworkEvaluator(self)
        let pieceCount = cuts.count - 1
        let chunkSize = 512
        let chunks = (pieceCount + chunkSize - 1) / chunkSize
        let work = pieceCount * max(unitCount, 1)
        return Parallel.map(count: chunks, work: work) { chunk in
            let range = (chunk * chunkSize)..<min(pieceCount, (chunk + 1) * chunkSize)
            return range.map { p in evaluator.outputs(at: (cuts[p] + cuts[p + 1]).timesPowerOfTwo(-1)) }
        }.flatMap { $0 }
    }

    /// The step functions the network computes (Lemma N1): each output evaluated exactly
    /// at one interior point of every piece between consecutive first-layer thresholds.
    /// An evaluator already built for this network may be passed in.
    public func realisedFunctions(evaluator: NetworkEvaluator? = nil) -> [StepFunction] {
        let cuts = pieceBoundaries
        let values = outputsOnPieces(boundaries: cuts, evaluator: evaluator)
        return (0..<outputCount).map { d in
            StepFunction(mergingValidBreakpoints: cuts, values: values.map { $0[d] })
        }
    }
}
