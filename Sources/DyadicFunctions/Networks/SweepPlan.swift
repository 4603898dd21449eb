import ExactArithmetic

/// The numbers of a network sweep in one number type N, and the sweep itself.
///
/// For N = Int every materialised unit u has a scale E_u: its pre-activation t (and, for
/// a linear unit, its value) is kept as the integer t 2^E_u. E_u is the largest exponent
/// of 2 in the denominators of u's bias and weights times its inputs' scales, so every
/// scaled weight is an integer; a static bound (|bias| + sum |weight| * bound of input)
/// below 2^60 rules out overflow in every sum and difference the sweep forms. Group
/// thresholds are compared with the integer N_s = s 2^E_s: theta <= s exactly when
/// ceil(theta 2^E_s) <= N_s, and s <= theta when N_s <= floor(theta 2^E_s).
struct SweepPlan<N: SweepScalar>: Sendable {
    let structure: SweepStructure
    let bias: [N]
    let edgeWeights: [N]
    let groups: [ThresholdGroup<N>]
    /// The scale of each output's value, and the number standing for 1 at that scale.
    let outputScales: [Int]
    let outputOnes: [N?]
    /// Maps an exact target value of output d to N, or nil when no value of N equals it.
    let scaleTarget: @Sendable (Rational, Int) -> N?

    /// The mutable state of a sweep in buffers of fixed size: pre-activations, values,
    /// current group values, and the units waiting to be recomputed (a queue segment
    /// per layer, at the layer's ids, so a unit is queued at most once).
    final class State {
        let pre: UnsafeMutableBufferPointer<N>
        let value: UnsafeMutableBufferPointer<N>
        let groupValue: UnsafeMutableBufferPointer<N>
        let dirty: UnsafeMutableBufferPointer<Bool>
        let queue: UnsafeMutableBufferPointer<Int>
        let queued: UnsafeMutableBufferPointer<Int>

        init(bias: [N], groups: Int, layers: Int) {
            pre = .allocate(capacity: bias.count)
            _ = pre.initialize(from: bias)
            value = .allocate(capacity: bias.count)
            value.initialize(repeating: .zero)
            groupValue = .allocate(capacity: groups)
            groupValue.initialize(repeating: .zero)
            dirty = .allocate(capacity: bias.count)
            dirty.initialize(repeating: false)
            queue = .allocate(capacity: bias.count)
            queue.initialize(repeating: 0)
            queued = .allocate(capacity: layers)
            queued.initialize(repeating: 0)
        }

        deinit {
            for buffer in [pre, value, groupValue] { buffer.deinitialize().deallocate() }
            dirty.deallocate()
            queue.deallocate()
            queued.deallocate()
        }
    }

    // MARK: The sweep

    /// The full forward pass with the first layer's values given.
    func start(_ firstLayerActive: (Int) -> Bool) -> State {
        let s = structure
        let state = State(bias: bias, groups: groups.count, layers: s.layerCount)
        let firstCount = s.thresholds.count
        for u in 0..<s.layer.count {
            let v: N = u < firstCount ? (firstLayerActive(u) ? 1 : 0) : (s.linear[u] ? state.pre[u] : (state.pre[u] >= .zero ? 1 : 0))
            state.value[u] = v
            if v != .zero {
                for e in s.edgeStarts[u]..<s.edgeStarts[u + 1] { state.pre[s.edgeTargets[e]] += edgeWeights[e] * v }
            }
            for g in s.groupStarts[u]..<s.groupStarts[u + 1] {
                let gv = groups[g].value(at: v)
                state.groupValue[g] = gv
                state.pre[s.groupConsumers[g]] += gv
            }
        }
        return state
    }

    /// Queues unit c for recomputation in its layer's pass.
    @inline(__always)
    func markDirty(_ c: Int, _ state: State) {
        guard !state.dirty[c] else { return }
        state.dirty[c] = true
        let l = structure.layer[c]
        state.queue[structure.layerStarts[l] + state.queued[l]] = c
        state.queued[l] += 1
    }

    /// Sets unit u to `new` and pushes the change to its consumers.
    @inline(__always)
    func push(_ u: Int, _ new: N, _ state: State) {
        let s = structure
        let delta = new - state.value[u]
        state.value[u] = new
        for e in s.edgeStarts[u]..<s.edgeStarts[u + 1] {
            let c = s.edgeTargets[e]
            state.pre[c] += edgeWeights[e] * delta
            markDirty(c, state)
        }
        for g in s.groupStarts[u]..<s.groupStarts[u + 1] {
            let gv = groups[g].value(at: new)
            let c = s.groupConsumers[g]
            state.pre[c] += gv - state.groupValue[g]
            state.groupValue[g] = gv
            markDirty(c, state)
        }
    }

    /// From piece p - 1 to piece p: flip the first-layer units whose threshold is cuts[p],
    /// then recompute the units whose pre-activation changed, layer by layer.
    func advance(_ state: State, to p: Int) {
        let s = structure
        for i in s.flipStarts[p]..<s.flipStarts[p + 1] {
            let u = s.flipUnits[i]
            push(u, state.value[u] == .zero ? 1 : 0, state)
        }
        for l in 1..<s.layerCount where state.queued[l] > 0 {
            var i = 0
            while i < state.queued[l] {
                let u = state.queue[s.layerStarts[l] + i]
                i += 1
                state.dirty[u] = false
                let new: N = s.linear[u] ? state.pre[u] : (state.pre[u] >= .zero ? 1 : 0)
                if new != state.value[u] { push(u, new, state) }
            }
            state.queued[l] = 0
        }
    }

    /// Visits the pieces in `pieces` in order with the state there; stops when `visit`
    /// returns false.
    func sweep(pieces: Range<Int>, _ visit: (Int, State) -> Bool) {
        guard let first = pieces.first else { return }
        let flip = structure.flipPiece, rising = structure.rising
        let state = start { k in rising[k] ? flip[k] <= first : first < flip[k] }
        for p in pieces {
            if p > first { advance(state, to: p) }
            if !visit(p, state) { return }
        }
    }

    /// Splits the pieces into chunks, sweeps them on all cores, results in piece order.
    func inChunks<T: Sendable>(_ body: @escaping @Sendable (Range<Int>) -> T) -> [T] {
        let pieces = structure.cuts.count - 1
        let chunks = max(1, min(16, pieces / 4096))
        let work = pieces * max(structure.costPerPiece, 1)
        return Parallel.map(count: chunks, work: work) { k in body((k * pieces / chunks)..<((k + 1) * pieces / chunks)) }
    }

    // MARK: What callers read off the sweep

    func outputs(_ state: State) -> [Rational] {
        structure.outputs.enumerated().map { d, u in state.value[u].rational(scale: outputScales[d]) }
    }

    func rows(pieces: Range<Int>) -> [[Rational]] {
        var rows: [[Rational]] = []
        sweep(pieces: pieces) { _, state in rows.append(outputs(state)); return true }
        return rows
    }

    /// Per output, the pieces in `pieces` where its value changes (the first always), and the value.
    func runs(pieces: Range<Int>) -> [[(piece: Int, value: Rational)]] {
        let outputs = structure.outputs
        var runs = [[(piece: Int, value: Rational)]](repeating: [], count: outputs.count)
        var last = [N](repeating: .zero, count: outputs.count)
        sweep(pieces: pieces) { p, state in
            for (d, u) in outputs.enumerated() where p == pieces.lowerBound || state.value[u] != last[d] {
                last[d] = state.value[u]
                runs[d].append((p, state.value[u].rational(scale: outputScales[d])))
            }
            return true
        }
        return runs
    }

    /// The first piece in `pieces` and output there that differs from its target.
    func firstMismatch(pieces: Range<Int>, _ targets: [NetworkEvaluator.Target]) -> (piece: Int, output: Int, value: Rational)? {
        let cuts = structure.cuts, outputs = structure.outputs
        guard let first = pieces.first else { return nil }
        // Packed targets: each piece [a, b) covers the cells floor(a 2^J) ..< ceil(b 2^J), per level.
        var byLevel: [Int: (floor: [Int], ceiling: [Int])] = [:]
        for case .packed(let f) in targets where byLevel[f.level] == nil {
            let scaled = (first...pieces.upperBound).map { cuts[$0].timesPowerOfTwo(f.level) }
            byLevel[f.level] = (scaled.map { $0.floor.intValue ?? 0 }, scaled.map { $0.ceiling.intValue ?? 0 })
        }
        let cells = targets.map { t -> (floor: [Int], ceiling: [Int])? in if case .packed(let f) = t { byLevel[f.level] } else { nil } }
        // Step targets: the target piece containing the start of the current piece, and
        // the target values as numbers of the sweep.
        var index = targets.map { if case .step(let f) = $0 { f.pieceIndex(containing: cuts[first]) } else { 0 } }
        let values: [[N?]] = targets.enumerated().map { d, t in
            if case .step(let f) = t { f.values.map { scaleTarget($0, d) } } else { [] }
        }
        var found: (Int, Int, Rational)? = nil
        sweep(pieces: pieces) { p, state in
            for (d, u) in outputs.enumerated() {
                let v = state.value[u]
                let same: Bool
                switch targets[d] {
                case .packed(let f):
                    guard let one = outputOnes[d], v == one || v == -one, let range = cells[d] else { same = false; break }
                    let negative = v != one
                    let start = range.floor[p - first], end = range.ceiling[p + 1 - first]
                    same = (start..<max(start + 1, end)).allSatisfy { f.isNegative(cell: $0) == negative }
                case .step(let f):
                    while f.breakpoints[index[d] + 1] <= cuts[p] { index[d] += 1 }
                    same = values[d][index[d]] == v && f.breakpoints[index[d] + 1] >= cuts[p + 1]
                }
                if !same { found = (p, d, v.rational(scale: outputScales[d])); return false }
            }
            return true
        }
        return found
    }
}

extension SweepPlan where N == Rational {
    /// The exact plan: scale 0 everywhere.
    init(exact numbers: SweepNumbers, _ structure: SweepStructure) {
        self.structure = structure
        bias = numbers.bias
        edgeWeights = numbers.edgeWeights
        groups = numbers.groups.map { terms in
            let up = terms.filter(\.rising).sorted { $0.threshold < $1.threshold }
            let down = terms.filter { !$0.rising }.sorted { $0.threshold < $1.threshold }
            return ThresholdGroup(rising: up.map { ($0.threshold, $0.weight) }, falling: down.map { ($0.threshold, $0.weight) })
        }
        outputScales = Array(repeating: 0, count: structure.outputs.count)
        outputOnes = Array(repeating: 1, count: structure.outputs.count)
        scaleTarget = { v, _ in v }
    }
}

extension SweepPlan where N == Int {
    /// The largest magnitude a scaled value may have on the fast path.
    static var bound: Int { 1 << 60 }

    /// q 2^e when that is an integer below 2^60 in magnitude.
    @Sendable static func scaled(_ q: Rational, _ e: Int) -> Int? {
        let t = q.timesPowerOfTwo(e)
        guard t.isInteger, let v = t.numerator.intValue, v.magnitude < UInt(bound) else { return nil }
        return v
    }

    /// The exponent e of a dyadic q = m / 2^e in lowest terms, or nil.
    static func exponent(_ q: Rational) -> Int? {
        let d = q.denominator
        guard d.isPowerOfTwo else { return nil }
        return d.trailingZeroBitCount
    }

    /// n clamped to [-2^62, 2^62] (sources stay below 2^60, so comparisons with them
    /// are unchanged).
    static func clamped(_ n: BigInt) -> Int {
        let limit = 1 << 62
        guard let v = n.intValue else { return n.signum > 0 ? limit : -limit }
        return min(max(v, -limit), limit)
    }

    /// The Int plan, or nil when a weight or bias beyond the first layer is not dyadic or
    /// some scaled value could reach 2^60.
    init?(scaling numbers: SweepNumbers, _ structure: SweepStructure) {
        let s = structure
        let count = s.layer.count
        let firstCount = s.thresholds.count
        let exponent = SweepPlan<Int>.exponent
        let scaled = SweepPlan<Int>.scaled
        // Scales: pushed forward from each unit to its consumers (sources come first).
        var scale = [Int](repeating: 0, count: count)
        for u in firstCount..<count {
            guard let e = exponent(numbers.bias[u]) else { return nil }
            scale[u] = max(scale[u], e)
        }
        for g in numbers.groups.indices {
            let c = s.groupConsumers[g]
            for t in numbers.groups[g] {
                guard let e = exponent(t.weight) else { return nil }
                scale[c] = max(scale[c], e)
            }
        }
        var valueScale = [Int](repeating: 0, count: count)
        for u in 0..<count {
            guard scale[u] <= 62 else { return nil }
            if u >= firstCount && s.linear[u] { valueScale[u] = scale[u] }
            for e in s.edgeStarts[u]..<s.edgeStarts[u + 1] {
                guard let x = exponent(numbers.edgeWeights[e]) else { return nil }
                scale[s.edgeTargets[e]] = max(scale[s.edgeTargets[e]], x + valueScale[u])
            }
        }
        // Scaled numbers and bounds (each |pre-activation| <= bound[u] < 2^60).
        var bound = [Int](repeating: 0, count: count)
        var bias = [Int](repeating: 0, count: count)
        for u in firstCount..<count {
            guard let b = scaled(numbers.bias[u], scale[u]) else { return nil }
            bias[u] = b
            bound[u] = b.magnitude > 0 ? Int(b.magnitude) : 0
        }
        var groups: [ThresholdGroup<Int>] = []
        for (g, terms) in numbers.groups.enumerated() {
            let c = s.groupConsumers[g], e = valueScale[numbers.groupSources[g]]
            var up: [(Int, Int)] = [], down: [(Int, Int)] = []
            for t in terms.sorted(by: { $0.threshold < $1.threshold }) {
                guard let w = scaled(t.weight, scale[c]) else { return nil }
                let (sum, overflow) = bound[c].addingReportingOverflow(Int(w.magnitude))
                guard !overflow, sum < SweepPlan<Int>.bound else { return nil }
                bound[c] = sum
                if t.rising {
                    up.append((SweepPlan<Int>.clamped(t.threshold.timesPowerOfTwo(e).ceiling), w))
                } else {
                    down.append((SweepPlan<Int>.clamped(t.threshold.timesPowerOfTwo(e).floor), w))
                }
            }
            groups.append(ThresholdGroup(rising: up, falling: down))
        }
        var weights = [Int](repeating: 0, count: s.edgeTargets.count)
        for u in 0..<count {
            let valueBound = u < firstCount || !s.linear[u] ? 1 : bound[u]
            for e in s.edgeStarts[u]..<s.edgeStarts[u + 1] {
                let c = s.edgeTargets[e]
                guard let w = scaled(numbers.edgeWeights[e], scale[c] - valueScale[u]) else { return nil }
                weights[e] = w
                let (term, o1) = Int(w.magnitude).multipliedReportingOverflow(by: valueBound)
                let (sum, o2) = bound[c].addingReportingOverflow(term)
                guard !o1, !o2, sum < SweepPlan<Int>.bound else { return nil }
                bound[c] = sum
            }
        }
        self.structure = structure
        self.bias = bias
        edgeWeights = weights
        self.groups = groups
        let outputScales = s.outputs.map { valueScale[$0] }
        self.outputScales = outputScales
        outputOnes = outputScales.map { $0 < 60 ? 1 << $0 : nil }
        scaleTarget = { v, d in SweepPlan<Int>.scaled(v, outputScales[d]) }
    }
}
