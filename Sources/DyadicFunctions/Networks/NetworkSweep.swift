import ExactArithmetic

/// The numbers a sweep runs on: exact rationals, or integers N standing for N / 2^E with
/// a fixed scale E per unit (the fast path).
protocol SweepScalar: SignedNumeric, Comparable, Sendable {
    /// The value this number stands for at scale E.
    func rational(scale: Int) -> Rational
    /// (first, step) when the ascending `values` are first, first + step, ..., with
    /// step > 0 and at least three of them, so that counting those below a number is a
    /// division (``ThresholdGroup/value(at:)``); nil otherwise, or when a division is
    /// not cheaper than a binary search.
    static func grid(_ values: [Self]) -> (first: Self, step: Self)?
    /// The number of the grid points first + k step (0 <= k < count) that are < self
    /// (`strict`) or <= self.
    func gridCount(first: Self, step: Self, count: Int, strict: Bool) -> Int
}

extension Int: SweepScalar {
    func rational(scale: Int) -> Rational { Rational(self).timesPowerOfTwo(-scale) }

    /// Thresholds of the Int plan lie in [-2^62, 2^62] (clamped). The difference of the
    /// two ends, 2^63, does not fit in an Int, so the differences are computed with overflow
    /// checks (two clamped thresholds -2^62 and 2^62 are no grid).
    static func grid(_ values: [Int]) -> (first: Int, step: Int)? {
        guard values.count >= 3, values[0] >= -(1 << 62), values[values.count - 1] <= 1 << 62 else { return nil }
        let (step, overflow) = values[1].subtractingReportingOverflow(values[0])
        guard !overflow, step > 0 else { return nil }
        for k in 2..<values.count where values[k].subtractingReportingOverflow(values[k - 1]) != (step, false) { return nil }
        return (values[0], step)
    }

    /// With d = self - first (|self| < 2^60 for sources of the plan, |first| <= 2^62, so
    /// no overflow): first + k step <= self iff k <= floor(d / step), and < self iff
    /// k <= floor((d - 1) / step), for k >= 0.
    @inline(__always)
    func gridCount(first: Int, step: Int, count: Int, strict: Bool) -> Int {
        let d = strict ? self - first - 1 : self - first
        return d < 0 ? 0 : Swift.min(count, d / step + 1)
    }
}

extension Rational: SweepScalar {
    func rational(scale: Int) -> Rational { self }
    static func grid(_ values: [Rational]) -> (first: Rational, step: Rational)? { nil }
    func gridCount(first: Rational, step: Rational, count: Int, strict: Bool) -> Int {
        preconditionFailure("rational threshold groups are searched, never gridded")
    }
}

/// The shape of a network as the sweep walks it. Units that are evaluated individually
/// ("materialised") are numbered in layer order; the first layer's units come first.
struct SweepStructure: Sendable {
    /// The piece boundaries of Lemma N1.
    let cuts: [Rational]
    /// The number of first-layer units, and whether each has w > 0 (in unit order).
    let firstCount: Int
    let rising: [Bool]
    /// The layer of each materialised unit, and whether it is linear.
    let layer: [Int32]
    let linear: [Bool]
    let layerCount: Int
    /// The first materialised id of each layer (ids are in layer order), and the count.
    let layerStarts: [Int]
    /// Out-edges of materialised unit u: edgeStarts[u]..<edgeStarts[u+1] into edgeTargets.
    let edgeStarts: [Int]
    let edgeTargets: [Int32]
    /// Threshold groups read from materialised unit u: groupStarts[u]..<groupStarts[u+1];
    /// group g adds its value to groupConsumers[g].
    let groupStarts: [Int]
    let groupConsumers: [Int]
    /// First-layer units flipping when the sweep enters piece p:
    /// flipUnits[flipStarts[p]..<flipStarts[p+1]].
    let flipStarts: [Int]
    let flipUnits: [Int32]
    /// The first piece where each first-layer unit is on (rising) or off (falling).
    let flipPiece: [Int32]
    /// The materialised ids of the outputs.
    let outputs: Range<Int>
    /// A bound on the elementary steps of one sweep over all pieces, in all chunks
    /// (``SweepStructure/sweepWork(groupCosts:)``).
    var work: Int

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

    /// The structure and, in the same order, where its exact numbers are in the network:
    /// biases, edge weights and the terms (threshold, weight, rising) of each group.
    static func build(_ network: HeavisideNetwork) -> (SweepStructure, SweepNumbers) {
        let L = network.layerCount
        let n = network.unitCount
        let layerStart = network.layerStarts
        /// The network unit read by flat input k of a unit in layer l >= 1.
        @inline(__always) func source(_ l: Int, _ k: Int) -> Int { layerStart[l - 1] + network.input(k) }
        // Grouped units: single-input Heaviside units in layers 1...L-2 that no other
        // single-input unit reads (decided from the back); and multi-input Heaviside units
        // of such a layer, read by no single-input unit, with the same inputs and weights
        // as another one (the parity units of the readout head): they share one sum
        // s = sum_k w_k z_k, evaluated once as a linear unit (a "sum unit"), and each is
        // H(s + b), grouped on s (sumOf: the class's first unit, which stands for s).
        var grouped = [Bool](repeating: false, count: n)
        var mustMaterialise = grouped
        var sumOf = [Int32](repeating: -1, count: n)
        for l in stride(from: L - 2, through: 1, by: -1) {
            var classes: [SumKey: Int] = [:]
            for i in network.layerRange(l) where !mustMaterialise[i] && network.activations[i] == .heaviside {
                let r = network.weightRange(ofUnit: i)
                if r.count == 1 {
                    guard network.weightValues.signum(r.lowerBound) != 0 else { continue }
                    grouped[i] = true
                    mustMaterialise[source(l, r.lowerBound)] = true
                } else if r.count >= 2 {
                    let key = SumKey(inputs: Array(network.inputIndices[r]), weights: r.map(network.weight))
                    if let first = classes[key] {
                        sumOf[first] = Int32(first)
                        sumOf[i] = Int32(first)
                    } else {
                        classes[key] = i
                    }
                }
            }
            for i in network.layerRange(l) where sumOf[i] >= 0 { grouped[i] = true }
        }
        mustMaterialise = []
        var id = [Int32](repeating: -1, count: n)
        var layerOf: [Int32] = [], linear: [Bool] = [], unitOf: [Int] = [], isSum: [Bool] = []
        for l in 0..<L {
            for i in network.layerRange(l) where !grouped[i] || sumOf[i] == Int32(i) {
                // A sum unit takes the id of its class's first unit (itself grouped).
                id[i] = Int32(layerOf.count)
                layerOf.append(Int32(l))
                linear.append(grouped[i] || network.activations[i] == .linear)
                unitOf.append(i)
                isSum.append(grouped[i])
            }
        }
        let count = layerOf.count
        var edgeSources: [Int32] = [], edgeTargets: [Int32] = [], edgeWeights: [Int32] = []
        var groupTerms: [(source: Int, consumer: Int, terms: [SweepNumbers.Term])] = []
        for c in network.firstLayerWidth..<count {
            let l = Int(layerOf[c]), i = unitOf[c]
            var terms: [Int: [SweepNumbers.Term]] = [:]
            for k in network.weightRange(ofUnit: i) {
                let input = source(l, k)
                if grouped[input] {
                    // Read through its class's sum unit, or through its own source.
                    let viaSum = sumOf[input] >= 0
                    let g = Int(viaSum ? id[Int(sumOf[input])] : id[source(l - 1, network.inputStarts[input])])
                    terms[g, default: []].append(SweepNumbers.Term(unit: Int32(input), weight: Int32(k), viaSum: viaSum))
                } else {
                    edgeSources.append(id[input])
                    edgeTargets.append(Int32(c))
                    edgeWeights.append(Int32(k))
                }
            }
            for (s, list) in terms.sorted(by: { $0.key < $1.key }) { groupTerms.append((s, c, list)) }
        }
        sumOf = []
        id = []
        // CSR by source (counting sort keeps the order within a source), sources < buckets.
        func starts<S: Collection>(_ sources: S, buckets: Int) -> [Int] where S.Element: BinaryInteger {
            var s = [Int](repeating: 0, count: buckets + 1)
            for v in sources { s[Int(v) + 1] += 1 }
            for i in 0..<buckets { s[i + 1] += s[i] }
            return s
        }
        func bySource<S: Collection>(_ sources: S, _ starts: [Int]) -> [Int32] where S.Element: BinaryInteger {
            var next = starts, order = [Int32](repeating: 0, count: sources.count)
            for (i, v) in sources.enumerated() {
                order[next[Int(v)]] = Int32(i)
                next[Int(v)] += 1
            }
            return order
        }
        let edgeStarts = starts(edgeSources, buckets: count)
        let edgeOrder = bySource(edgeSources, edgeStarts)
        edgeSources = []
        let groupStarts = starts(groupTerms.lazy.map(\.source), buckets: count)
        let groupOrder = bySource(groupTerms.lazy.map(\.source), groupStarts)
        // The first layer: each unit's piece of change.
        let thresholds = network.firstLayerThresholds
        let rising = (0..<network.firstLayerWidth).map { network.weightValues.signum(network.inputStarts[$0]) > 0 }
        let (cuts, flipPiece) = cuts(thresholds)
        let pieces = cuts.count - 1
        let flipStarts = starts(flipPiece, buckets: pieces + 1)
        let flipUnits = bySource(flipPiece, flipStarts)

        let outputStart = count - network.outputCount
        // The first id of each layer, in one pass over the ids (they are in layer order; a
        // search from the start per layer took L x count steps: 35 s at 40,000 layers).
        var layerStarts: [Int] = []
        layerStarts.reserveCapacity(L + 1)
        var next = 0
        for l in 0...L {
            while next < count && Int(layerOf[next]) < l { next += 1 }
            layerStarts.append(next)
        }
        var structure = SweepStructure(
            cuts: cuts, firstCount: thresholds.count, rising: rising, layer: layerOf.withUnsafeBufferPointer { Array($0) },
            linear: linear.withUnsafeBufferPointer { Array($0) }, layerCount: L, layerStarts: layerStarts,
            // (exact-size copies: appending leaves up to half of a buffer unused)
            edgeStarts: edgeStarts, edgeTargets: edgeOrder.map { edgeTargets[Int($0)] },
            groupStarts: groupStarts, groupConsumers: groupOrder.map { groupTerms[Int($0)].consumer },
            flipStarts: flipStarts, flipUnits: flipUnits, flipPiece: flipPiece.map { Int32($0) },
            outputs: outputStart..<count, work: 0)
        structure.work = structure.sweepWork(groupCosts: groupOrder.map { searchCost(terms: groupTerms[Int($0)].terms.count) })
        let numbers = SweepNumbers(
            network: network, unitOf: unitOf, isSum: isSum, edgeWeights: edgeOrder.map { edgeWeights[Int($0)] },
            groupSources: groupOrder.map { groupTerms[Int($0)].source },
            groups: groupOrder.map { groupTerms[Int($0)].terms })
        return (structure, numbers)
    }

    /// The most chunks a sweep over `pieces` pieces is split into (``SweepPlan/inChunks(_:)``
    /// uses fewer on a machine with fewer than 8 processors): one per 4,096 pieces, at least
    /// 1 and at most 16, so that the work charged for a sweep is the same on every machine.
    static func maxChunks(pieces: Int) -> Int { min(16, max(1, pieces / 4096)) }

    /// The steps of one ``ThresholdGroup/value(at:)`` on a group of `terms` units: a
    /// binary search.
    static func searchCost(terms: Int) -> Int { 2 + Int.bitWidth - terms.leadingZeroBitCount }

    /// A bound on the elementary steps of one sweep over all pieces, in all its chunks,
    /// from the network's shape alone (MATH.md sec. 10, rule `network-realises`, "The work
    /// of a sweep"). Between pieces the sweep touches only what changed. A first-layer unit changes at one
    /// piece. A later unit is recomputed only at a piece where one of its inputs changed
    /// (an edge or a group it reads), so at most min(pieces, the sum of its inputs'
    /// changes) times, and it changes at most as often as it is recomputed. Each change
    /// of a unit pushes along its edges and re-reads its groups (`groupCosts[g]` steps for
    /// group g). Every piece also walks the layers once, and every chunk starts with a
    /// full forward pass. The bound is linear in the pieces when fan-in is bounded, and
    /// quadratic only for networks whose sweep is.
    func sweepWork(groupCosts: [Int]) -> Int {
        let pieces = cuts.count - 1
        var recomputed = [Int](repeating: 0, count: layer.count)
        var changeWork = 0, fullPass = 0
        for u in 0..<layer.count {
            let changes = u < firstCount ? 1 : recomputed[u]
            var push = edgeStarts[u + 1] - edgeStarts[u]
            for e in edgeStarts[u]..<edgeStarts[u + 1] {
                let c = Int(edgeTargets[e])
                recomputed[c] = min(pieces, recomputed[c] + changes)
            }
            for g in groupStarts[u]..<groupStarts[u + 1] {
                push += groupCosts[g]
                recomputed[groupConsumers[g]] = min(pieces, recomputed[groupConsumers[g]] + changes)
            }
            changeWork = .saturatingSum(changeWork, .saturatingSum(.saturatingProduct([changes, push]), recomputed[u]))
            fullPass = .saturatingSum(fullPass, 1 + push)
        }
        let chunks = Self.maxChunks(pieces: pieces)
        let perPiece = Int.saturatingProduct([pieces, layerCount + 1])
        return .saturatingSum(changeWork, .saturatingSum(perPiece, .saturatingProduct([chunks, fullPass])))
    }
}

/// Where the exact numbers of a sweep are in the network, in the order of its
/// ``SweepStructure`` (the network stores them compactly; they are not copied).
struct SweepNumbers {
    /// One unit of a group (`unit`, a network unit), read with the weight at flat index
    /// `weight`: a single-input unit H(w s + b), threshold -b/w, on for s >= threshold
    /// (rising, w > 0) or s <= threshold; or (`viaSum`) a unit H(s + b) of a sum class,
    /// threshold -b, rising.
    struct Term {
        let unit, weight: Int32
        let viaSum: Bool
    }
    let network: HeavisideNetwork
    /// The network unit of each materialised unit (for a sum unit, its class's first unit).
    let unitOf: [Int]
    /// Whether each materialised unit is a sum unit (linear, bias 0, its class's inputs and weights).
    let isSum: [Bool]
    /// The flat index in the network of each edge's weight.
    let edgeWeights: [Int32]
    let groupSources: [Int]
    let groups: [[Term]]

    /// The bias of materialised unit u (0 for the first layer, whose thresholds the sweep uses).
    func bias(_ u: Int) -> Rational {
        network.layerStarts[1] <= unitOf[u] && !isSum[u] ? network.bias(ofUnit: unitOf[u]) : 0
    }
    func edgeWeight(_ e: Int) -> Rational { network.weight(Int(edgeWeights[e])) }
    func threshold(_ t: Term) -> Rational {
        let i = Int(t.unit)
        return t.viaSum ? -network.bias(ofUnit: i) : -network.bias(ofUnit: i) / network.weight(network.inputStarts[i])
    }
    func weight(_ t: Term) -> Rational { network.weight(Int(t.weight)) }
    func rising(_ t: Term) -> Bool { t.viaSum || network.weightValues.signum(network.inputStarts[Int(t.unit)]) > 0 }
}

/// The inputs and weights of a multi-input unit (units with equal keys share a sum).
struct SumKey: Hashable {
    let inputs: [Int32]
    let weights: [Rational]
}

/// sum_i c_i H(w_i s + b_i) over the single-input units of one source, as numbers of
/// the sweep: on-thresholds of rising units (ascending) with prefix sums of their
/// weights, and of falling units (ascending) with suffix sums. Thresholds on an
/// arithmetic grid (the digit and parity units of a readout head) are counted by one
/// division instead of a binary search.
struct ThresholdGroup<N: SweepScalar>: Sendable {
    let rising: [N]
    let risingPrefix: [N]
    let falling: [N]
    let fallingSuffix: [N]
    let risingGrid: (first: N, step: N)?
    let fallingGrid: (first: N, step: N)?

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
        risingGrid = N.grid(rising)
        fallingGrid = N.grid(falling)
    }

    /// G(s): rising units with threshold <= s plus falling units with threshold >= s.
    @inline(__always)
    func value(at s: N) -> N {
        let r: Int // the first rising threshold > s
        if let grid = risingGrid {
            r = s.gridCount(first: grid.first, step: grid.step, count: rising.count, strict: false)
        } else {
            r = partitioningIndex(0, rising.count) { rising[$0] > s }
        }
        var total = risingPrefix[r]
        guard !falling.isEmpty else { return total }
        let f: Int // the first falling threshold >= s
        if let grid = fallingGrid {
            f = s.gridCount(first: grid.first, step: grid.step, count: falling.count, strict: true)
        } else {
            f = partitioningIndex(0, falling.count) { falling[$0] >= s }
        }
        total += fallingSuffix[f]
        return total
    }
}
