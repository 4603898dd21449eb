import ExactArithmetic

/// The numbers a sweep runs on: exact rationals, or integers N standing for N / 2^E with
/// a fixed scale E per unit (the fast path).
protocol SweepScalar: SignedNumeric, Comparable, Sendable {
    /// The value this number stands for at scale E.
    func rational(scale: Int) -> Rational
}

extension Int: SweepScalar {
    func rational(scale: Int) -> Rational { Rational(self).timesPowerOfTwo(-scale) }
}

extension Rational: SweepScalar {
    func rational(scale: Int) -> Rational { self }
}

/// The shape of a network as the sweep walks it. Units that are evaluated individually
/// ("materialised") are numbered in layer order; the first layer's units come first.
struct SweepStructure: Sendable {
    /// The piece boundaries of Lemma N1.
    let cuts: [Rational]
    /// First-layer thresholds -b/w and whether w > 0, in unit order.
    let thresholds: [Rational]
    let rising: [Bool]
    /// The layer of each materialised unit, and whether it is linear.
    let layer: [Int]
    let linear: [Bool]
    let layerCount: Int
    /// The first materialised id of each layer (ids are in layer order), and the count.
    let layerStarts: [Int]
    /// Out-edges of materialised unit u: edgeStarts[u]..<edgeStarts[u+1] into edgeTargets.
    let edgeStarts: [Int]
    let edgeTargets: [Int]
    /// Threshold groups read from materialised unit u: groupStarts[u]..<groupStarts[u+1];
    /// group g adds its value to groupConsumers[g].
    let groupStarts: [Int]
    let groupConsumers: [Int]
    /// First-layer units flipping when the sweep enters piece p:
    /// flipUnits[flipStarts[p]..<flipStarts[p+1]].
    let flipStarts: [Int]
    let flipUnits: [Int]
    /// The first piece where each first-layer unit is on (rising) or off (falling).
    let flipPiece: [Int]
    /// The materialised ids of the outputs.
    let outputs: Range<Int>
    let costPerPiece: Int

    /// The cuts 0 < (thresholds in (0, 1), sorted, without repeats) < 1, and for each
    /// threshold the index of the first cut >= it (0 below 0, the last index above 1).
    static func cuts(_ thresholds: [Rational]) -> (cuts: [Rational], firstCutAtLeast: [Int]) {
        var order = Array(thresholds.indices)
        if !zip(thresholds, thresholds.dropFirst()).allSatisfy({ $0 <= $1 }) {
            order.sort { thresholds[$0] < thresholds[$1] }
        }
        var cuts: [Rational] = [0]
        var firstCut = [Int](repeating: 0, count: thresholds.count)
        for k in order {
            let t = thresholds[k]
            if t.signum > 0 && t < 1 && t != cuts[cuts.count - 1] { cuts.append(t) }
            firstCut[k] = t.signum <= 0 ? 0 : (t < 1 ? cuts.count - 1 : -1)
        }
        cuts.append(1)
        for k in firstCut.indices where firstCut[k] < 0 { firstCut[k] = cuts.count - 1 }
        return (cuts, firstCut)
    }

    /// The structure and, in the same order, the exact numbers: biases, edge weights and
    /// the terms (threshold, weight, rising) of each group.
    static func build(_ network: HeavisideNetwork) -> (SweepStructure, SweepNumbers) {
        let layers = network.layers
        let L = layers.count
        // Grouped units: single-input Heaviside units in layers 1...L-2 that no other
        // single-input unit reads (decided from the back).
        var grouped = layers.map { [Bool](repeating: false, count: $0.count) }
        var mustMaterialise = grouped
        for l in stride(from: L - 2, through: 1, by: -1) {
            for (u, unit) in layers[l].enumerated() where !mustMaterialise[l][u] {
                guard unit.activation == .heaviside, unit.inputs.count == 1, !unit.weights[0].isZero else { continue }
                grouped[l][u] = true
                mustMaterialise[l - 1][unit.inputs[0]] = true
            }
        }
        var id = layers.map { [Int](repeating: -1, count: $0.count) }
        var layerOf: [Int] = [], linear: [Bool] = [], bias: [Rational] = []
        for l in 0..<L {
            for (u, unit) in layers[l].enumerated() where !grouped[l][u] {
                id[l][u] = layerOf.count
                layerOf.append(l)
                linear.append(unit.activation == .linear)
                bias.append(l == 0 ? 0 : unit.bias)
            }
        }
        let count = layerOf.count
        var edges: [(source: Int, target: Int, weight: Rational)] = []
        var groupTerms: [(source: Int, consumer: Int, terms: [SweepNumbers.Term])] = []
        var cost = 0
        for l in 1..<L {
            for (u, unit) in layers[l].enumerated() where !grouped[l][u] {
                let c = id[l][u]
                var terms: [Int: [SweepNumbers.Term]] = [:]
                for (k, input) in unit.inputs.enumerated() {
                    if grouped[l - 1][input] {
                        let g = layers[l - 1][input]
                        terms[id[l - 2][g.inputs[0]], default: []].append(
                            SweepNumbers.Term(threshold: -g.bias / g.weights[0], weight: unit.weights[k], rising: g.weights[0].signum > 0))
                    } else {
                        edges.append((id[l - 1][input], c, unit.weights[k]))
                        if l > 1 { cost += 1 }
                    }
                }
                for s in terms.keys.sorted() {
                    groupTerms.append((s, c, terms[s] ?? []))
                    cost += 2 + Int.bitWidth - (terms[s]?.count ?? 0).leadingZeroBitCount
                }
                cost += 1
            }
        }
        // CSR by source (counting sort keeps the order within a source).
        func starts(_ sources: [Int]) -> [Int] {
            var s = [Int](repeating: 0, count: count + 1)
            for v in sources { s[v + 1] += 1 }
            for i in 0..<count { s[i + 1] += s[i] }
            return s
        }
        func bySource(_ sources: [Int], _ starts: [Int]) -> [Int] {
            var next = starts, order = [Int](repeating: 0, count: sources.count)
            for (i, v) in sources.enumerated() { order[next[v]] = i; next[v] += 1 }
            return order
        }
        let edgeStarts = starts(edges.map(\.source))
        let edgeOrder = bySource(edges.map(\.source), edgeStarts)
        let groupStarts = starts(groupTerms.map(\.source))
        let groupOrder = bySource(groupTerms.map(\.source), groupStarts)
        // The first layer: each unit's piece of change.
        let thresholds = network.firstLayerThresholds
        let rising = layers[0].map { $0.weights[0].signum > 0 }
        let (cuts, flipPiece) = cuts(thresholds)
        let pieces = cuts.count - 1
        var flipStarts = [Int](repeating: 0, count: pieces + 2)
        for p in flipPiece { flipStarts[p + 1] += 1 }
        for p in 0...pieces { flipStarts[p + 1] += flipStarts[p] }
        var next = flipStarts, flipUnits = [Int](repeating: 0, count: thresholds.count)
        for (k, p) in flipPiece.enumerated() { flipUnits[next[p]] = k; next[p] += 1 }
        let firstLayerEdges = edgeStarts[layers[0].count]
        cost += (firstLayerEdges + pieces - 1) / max(pieces, 1) + 1

        let outputStart = count - layers[L - 1].count
        let structure = SweepStructure(
            cuts: cuts, thresholds: thresholds, rising: rising, layer: layerOf, linear: linear, layerCount: L,
            layerStarts: (0...L).map { l in layerOf.firstIndex { $0 >= l } ?? count },
            edgeStarts: edgeStarts, edgeTargets: edgeOrder.map { edges[$0].target },
            groupStarts: groupStarts, groupConsumers: groupOrder.map { groupTerms[$0].consumer },
            flipStarts: flipStarts, flipUnits: flipUnits, flipPiece: flipPiece,
            outputs: outputStart..<count, costPerPiece: cost)
        let numbers = SweepNumbers(bias: bias, edgeWeights: edgeOrder.map { edges[$0].weight },
                                   groupSources: groupOrder.map { groupTerms[$0].source },
                                   groups: groupOrder.map { groupTerms[$0].terms })
        return (structure, numbers)
    }
}

/// The exact numbers of a sweep, in the order of its ``SweepStructure``.
struct SweepNumbers {
    /// One single-input unit H(w s + b) of a group, read with weight `weight`:
    /// threshold -b/w, on for s >= threshold (rising, w > 0) or s <= threshold.
    struct Term {
        let threshold: Rational
        let weight: Rational
        let rising: Bool
    }
    let bias: [Rational]
    let edgeWeights: [Rational]
    let groupSources: [Int]
    let groups: [[Term]]
}

/// sum_i c_i H(w_i s + b_i) over the single-input units of one source, as numbers of
/// the sweep: on-thresholds of rising units (ascending) with prefix sums of their
/// weights, and of falling units (ascending) with suffix sums.
struct ThresholdGroup<N: SweepScalar>: Sendable {
    let rising: [N]
    let risingPrefix: [N]
    let falling: [N]
    let fallingSuffix: [N]

    /// Thresholds already mapped to N and in ascending order, with their weights.
    init(rising up: [(N, N)], falling down: [(N, N)]) {
        rising = up.map(\.0)
        var prefix = [N.zero]
        for t in up { prefix.append(prefix[prefix.count - 1] + t.1) }
        risingPrefix = prefix
        falling = down.map(\.0)
        var suffix = [N](repeating: .zero, count: down.count + 1)
        for i in stride(from: down.count - 1, through: 0, by: -1) { suffix[i] = suffix[i + 1] + down[i].1 }
        fallingSuffix = suffix
    }

    /// G(s): rising units with threshold <= s plus falling units with threshold >= s.
    @inline(__always)
    func value(at s: N) -> N {
        var low = 0, high = rising.count            // first index with threshold > s
        while low < high {
            let mid = (low &+ high) >> 1
            if rising[mid] <= s { low = mid + 1 } else { high = mid }
        }
        var total = risingPrefix[low]
        guard !falling.isEmpty else { return total }
        low = 0; high = falling.count               // first index with threshold >= s
        while low < high {
            let mid = (low &+ high) >> 1
            if falling[mid] < s { low = mid + 1 } else { high = mid }
        }
        total += fallingSuffix[low]
        return total
    }
}
