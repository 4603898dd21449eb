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
        #if DYADCERT_INVARIANTS
            /// The steps done so far, as ``SweepStructure/sweepWork(groupCosts:)`` counts them.
            var steps = 0
        #endif

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
        let firstCount = s.firstCount
        for u in 0..<s.layer.count {
            let v: N = u < firstCount ? (firstLayerActive(u) ? 1 : 0) : (s.linear[u] ? state.pre[u] : (state.pre[u] >= .zero ? 1 : 0))
            state.value[u] = v
            if v != .zero {
                for e in s.edgeStarts[u]..<s.edgeStarts[u + 1] { state.pre[Int(s.edgeTargets[e])] += edgeWeights[e] * v }
            }
            for g in s.groupStarts[u]..<s.groupStarts[u + 1] {
                let gv = groups[g].value(at: v)
                state.groupValue[g] = gv
                state.pre[s.groupConsumers[g]] += gv
            }
            #if DYADCERT_INVARIANTS
                state.steps += 1 + pushSteps(u)
            #endif
        }
        return state
    }

    /// Queues unit c for recomputation in its layer's pass.
    @inline(__always)
    func markDirty(_ c: Int, _ state: State) {
        guard !state.dirty[c] else { return }
        state.dirty[c] = true
        let l = Int(structure.layer[c])
        state.queue[structure.layerStarts[l] + state.queued[l]] = c
        state.queued[l] += 1
    }

    #if DYADCERT_INVARIANTS
        /// The steps of one push of unit u: its edges and a search of each group it feeds.
        func pushSteps(_ u: Int) -> Int {
            let s = structure
            return (s.groupStarts[u]..<s.groupStarts[u + 1]).reduce(s.edgeStarts[u + 1] - s.edgeStarts[u]) {
                $0 + SweepStructure.searchCost(terms: groups[$1].rising.count + groups[$1].falling.count)
            }
        }
    #endif

    /// Sets unit u to `new` and pushes the change to its consumers.
    @inline(__always)
    func push(_ u: Int, _ new: N, _ state: State) {
        let s = structure
        #if DYADCERT_INVARIANTS
            state.steps += pushSteps(u)
        #endif
        let delta = new - state.value[u]
        state.value[u] = new
        for e in s.edgeStarts[u]..<s.edgeStarts[u + 1] {
            let c = Int(s.edgeTargets[e])
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
        #if DYADCERT_INVARIANTS
            state.steps += s.layerCount + 1
        #endif
        for i in s.flipStarts[p]..<s.flipStarts[p + 1] {
            let u = Int(s.flipUnits[i])
            push(u, state.value[u] == .zero ? 1 : 0, state)
        }
        for l in 1..<s.layerCount where state.queued[l] > 0 {
            var i = 0
            while i < state.queued[l] {
                let u = state.queue[s.layerStarts[l] + i]
                i += 1
                state.dirty[u] = false
                #if DYADCERT_INVARIANTS
                    state.steps += 1
                #endif
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
        let state = start { k in rising[k] ? Int(flip[k]) <= first : first < Int(flip[k]) }
        #if DYADCERT_INVARIANTS
            defer { precondition(state.steps <= structure.work, "sweep: \(state.steps) steps, above its bound \(structure.work)") }
        #endif
        for p in pieces {
            if p > first { advance(state, to: p) }
            if !visit(p, state) { return }
        }
    }

    /// Splits the pieces into chunks, sweeps them on all cores, results in piece order.
    /// Two chunks per processor: each chunk starts with a full forward pass and its own
    /// state (a few buffers as long as the network), so more chunks cost more than they
    /// balance (at J = 22, sixteen chunks spent a sixth of the time zeroing fresh pages).
    func inChunks<T: Sendable>(_ body: @escaping @Sendable (Range<Int>) -> T) -> [T] {
        let pieces = structure.cuts.count - 1
        let chunks = min(2 * Parallel.processorCount, SweepStructure.maxChunks(pieces: pieces))
        return Parallel.map(count: chunks, work: structure.work) { k in body((k * pieces / chunks)..<((k + 1) * pieces / chunks)) }
    }

    // MARK: What callers read off the sweep

    func outputs(_ state: State) -> [Rational] {
        structure.outputs.enumerated().map { d, u in state.value[u].rational(scale: outputScales[d]) }
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
        // Packed targets: each piece [a, b) covers the cells floor(a 2^J) ..< ceil(b 2^J),
        // per level; the words of each distinct target and the cell bounds in flat arrays
        // (no copies per piece, nor per output naming a target: one target named by many
        // outputs was copied for each).
        var cellStart: [Int: Int] = [:]
        var floors: [Int] = [], ceilings: [Int] = []
        var words: [UInt64] = []
        var wordStart: [PackedSignFunction: Int] = [:]
        var packedAt = [(cells: Int, words: Int)?](repeating: nil, count: targets.count)
        /// Where the cell bounds of `level` start in `floors` and `ceilings`, appended on first
        /// use. Cuts lie in [0, 1] and levels below 63, so every bound is an Int; were one not,
        /// the target would stay unpacked and every output naming it fail, never pass.
        func cellOffset(_ level: Int) -> Int? {
            if let offset = cellStart[level] { return offset }
            let offset = floors.count
            for c in first...pieces.upperBound {
                let x = cuts[c].timesPowerOfTwo(level)
                guard let lower = x.floor.intValue, let upper = x.ceiling.intValue else {
                    assertionFailure("a cut outside [0, 1] at level \(level)")
                    floors.removeSubrange(offset...)
                    ceilings.removeSubrange(offset...)
                    return nil
                }
                floors.append(lower)
                ceilings.append(upper)
            }
            cellStart[level] = offset
            return offset
        }
        for (d, t) in targets.enumerated() {
            guard case .packed(let f) = t, let cells = cellOffset(f.level) else { continue }
            let offset: Int
            if let known = wordStart[f] {
                offset = known
            } else {
                offset = words.count
                wordStart[f] = offset
                words += f.words
            }
            packedAt[d] = (cells, offset)
        }
        // Step targets: the target piece containing the start of the current piece, and
        // its value as a number of the sweep, scaled when the sweep enters the piece (not
        // every target piece up front: a target of K pieces named by D outputs took D x K
        // scalings and numbers before the sweep, which its work does not bound).
        var index = targets.map { if case .step(let f) = $0 { f.pieceIndex(containing: cuts[first]) } else { 0 } }
        let steps: [StepFunction?] = targets.map { if case .step(let f) = $0 { f } else { nil } }
        var value: [N?] = steps.indices.map { d in steps[d].flatMap { scaleTarget($0.values[index[d]], d) } }
        var found: (Int, Int, Rational)? = nil
        floors.withUnsafeBufferPointer { floors in
            ceilings.withUnsafeBufferPointer { ceilings in
                words.withUnsafeBufferPointer { words in
                    sweep(pieces: pieces) { p, state in
                        for (d, u) in outputs.enumerated() {
                            let v = state.value[u]
                            let same: Bool
                            if let at = packedAt[d], let one = outputOnes[d], v == one || v == -one {
                                // A +-1 output equal to every cell of the target on the piece.
                                let negative: UInt64 = v != one ? 1 : 0
                                let start = floors[at.cells + p - first], end = ceilings[at.cells + p + 1 - first]
                                same = Self.allCells(words, from: at.words, start..<max(start + 1, end), equal: negative)
                            } else if let f = steps[d] {
                                if f.breakpoints[index[d] + 1] <= cuts[p] {
                                    repeat { index[d] += 1 } while f.breakpoints[index[d] + 1] <= cuts[p]
                                    value[d] = scaleTarget(f.values[index[d]], d)
                                }
                                same = value[d] == v && f.breakpoints[index[d] + 1] >= cuts[p + 1]
                            } else {
                                same = false
                            }
                            if !same {
                                found = (p, d, v.rational(scale: outputScales[d]))
                                return false
                            }
                        }
                        return true
                    }
                }
            }
        }
        return found
    }
}

extension SweepPlan {
    /// Whether the bits of `cells` (cell c is bit c & 63 of word c >> 6 after `base`) all
    /// equal `bit` (0 or 1): a word at a time, so a piece costs its words, not its cells.
    @inline(__always)
    static func allCells(_ words: UnsafeBufferPointer<UInt64>, from base: Int, _ cells: Range<Int>, equal bit: UInt64) -> Bool {
        let want: UInt64 = bit == 0 ? 0 : ~0
        let first = cells.lowerBound >> 6, last = (cells.upperBound - 1) >> 6
        for w in first...last {
            var mask: UInt64 = ~0
            if w == first { mask &= ~0 << UInt64(cells.lowerBound & 63) }
            if w == last { mask &= ~0 >> UInt64(63 - ((cells.upperBound - 1) & 63)) }
            if (words[base + w] ^ want) & mask != 0 { return false }
        }
        return true
    }
}

extension SweepPlan where N == Rational {
    /// The exact plan: scale 0 everywhere.
    init(exact numbers: SweepNumbers, _ structure: SweepStructure) {
        self.structure = structure
        bias = structure.layer.indices.map(numbers.bias)
        edgeWeights = numbers.edgeWeights.indices.map(numbers.edgeWeight)
        groups = numbers.groups.map { terms in
            let all = terms.map { (threshold: numbers.threshold($0), weight: numbers.weight($0), rising: numbers.rising($0)) }
            let up = all.filter(\.rising).sorted { $0.threshold < $1.threshold }
            let down = all.filter { !$0.rising }.sorted { $0.threshold < $1.threshold }
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

    /// The exponent e of the parameter at index i of `values` when it is a dyadic m / 2^e
    /// in lowest terms, or nil.
    static func exponent(_ values: CompactRationals, _ i: Int) -> Int? {
        values.dyadic(i)?.exponent ?? values[i].dyadicExponent
    }

    /// The parameter at index i of `values` times 2^e (as `scaled`), from its compact form.
    static func scaled(_ values: CompactRationals, _ i: Int, _ e: Int) -> Int? {
        guard let (m, x) = values.dyadic(i) else { return scaled(values[i], e) }
        if m == 0 { return 0 }
        // m is odd when x > 0 (lowest terms), so m 2^(e - x) is an integer only for e >= x.
        let shift = e - x
        guard shift >= 0, shift < 61, m.magnitude < UInt(bound) >> shift else { return nil }
        return m << shift
    }

    /// ceil (rising) or floor (falling) of theta 2^e for the threshold theta = -b/w of the
    /// group term t (``SweepNumbers/threshold(_:)``), clamped to [-2^62, 2^62] (sources stay
    /// below 2^60, so comparisons with them are unchanged); without rationals when w = 1.
    /// For a unit of a sum class (`viaSum`), w = 1.
    static func scaledThreshold(_ numbers: SweepNumbers, _ term: SweepNumbers.Term, _ e: Int, rising: Bool) -> Int {
        let network = numbers.network, unit = Int(term.unit), limit = 1 << 62
        if term.viaSum || network.weightValues.dyadic(network.inputStarts[unit]).map({ $0 == (1, 0) }) == true,
            let (m, x) = network.biasValues.dyadic(unit), m != Int.min, m != 0
        {
            let t = -m // theta = t / 2^x
            if e >= x {
                let shift = e - x
                guard shift < 62, t.magnitude < UInt(limit) >> shift else { return t > 0 ? limit : -limit }
                return t << shift
            }
            // t / 2^(x - e): floor is the arithmetic shift, ceil = -floor(-t / 2^(x - e)).
            let k = min(x - e, 63)
            return rising ? -((-t) >> k) : t >> k
        }
        let scaled = numbers.threshold(term).timesPowerOfTwo(e)
        let n = rising ? scaled.ceiling : scaled.floor
        guard let v = n.intValue else { return n.signum > 0 ? limit : -limit }
        return min(max(v, -limit), limit)
    }

    /// The Int plan, or nil when a weight or bias beyond the first layer is not dyadic or
    /// some scaled value could reach 2^60.
    init?(scaling numbers: SweepNumbers, _ structure: SweepStructure) {
        let s = structure
        let count = s.layer.count
        let firstCount = s.firstCount
        let weights = numbers.network.weightValues, biases = numbers.network.biasValues
        typealias P = SweepPlan<Int>
        // Scales: each bias's exponent, then pushed forward from each unit to its consumers
        // (sources come first). First-layer and sum units have no bias here.
        func hasBias(_ u: Int) -> Bool { u >= firstCount && !numbers.isSum[u] }
        guard var scale = (0..<count).mapAll({ u in hasBias(u) ? P.exponent(biases, numbers.unitOf[u]) : 0 }) else { return nil }
        for g in numbers.groups.indices {
            let c = s.groupConsumers[g]
            for t in numbers.groups[g] {
                guard let e = P.exponent(weights, Int(t.weight)) else { return nil }
                scale[c] = max(scale[c], e)
            }
        }
        var valueScale = [Int](repeating: 0, count: count)
        for u in 0..<count {
            guard scale[u] <= 62 else { return nil }
            if u >= firstCount && s.linear[u] { valueScale[u] = scale[u] }
            for e in s.edgeStarts[u]..<s.edgeStarts[u + 1] {
                guard let x = P.exponent(weights, Int(numbers.edgeWeights[e])) else { return nil }
                let c = Int(s.edgeTargets[e])
                scale[c] = max(scale[c], x + valueScale[u])
            }
        }
        // Scaled numbers and bounds (each |pre-activation| <= bound[u] < 2^60).
        guard let bias = (0..<count).mapAll({ u in hasBias(u) ? P.scaled(biases, numbers.unitOf[u], scale[u]) : 0 }) else { return nil }
        var bound = bias.map { Int($0.magnitude) }
        var groups: [ThresholdGroup<Int>] = []
        groups.reserveCapacity(numbers.groups.count)
        for (g, terms) in numbers.groups.enumerated() {
            let c = s.groupConsumers[g], e = valueScale[numbers.groupSources[g]]
            var up: [(Int, Int)] = [], down: [(Int, Int)] = []
            for t in terms {
                guard let w = P.scaled(weights, Int(t.weight), scale[c]) else { return nil }
                let (sum, overflow) = bound[c].addingReportingOverflow(Int(w.magnitude))
                guard !overflow, sum < P.bound else { return nil }
                bound[c] = sum
                let rising = numbers.rising(t)
                let theta = P.scaledThreshold(numbers, t, e, rising: rising)
                if rising { up.append((theta, w)) } else { down.append((theta, w)) }
            }
            // Sorted by the scaled thresholds: ties are equal for the sweep's comparisons.
            up.sort { $0.0 < $1.0 }
            down.sort { $0.0 < $1.0 }
            groups.append(ThresholdGroup(rising: up, falling: down))
        }
        var scaledWeights = [Int](repeating: 0, count: s.edgeTargets.count)
        for u in 0..<count {
            let valueBound = u < firstCount || !s.linear[u] ? 1 : bound[u]
            for e in s.edgeStarts[u]..<s.edgeStarts[u + 1] {
                let c = Int(s.edgeTargets[e])
                guard let w = P.scaled(weights, Int(numbers.edgeWeights[e]), scale[c] - valueScale[u]) else { return nil }
                scaledWeights[e] = w
                let (term, o1) = Int(w.magnitude).multipliedReportingOverflow(by: valueBound)
                let (sum, o2) = bound[c].addingReportingOverflow(term)
                guard !o1, !o2, sum < P.bound else { return nil }
                bound[c] = sum
            }
        }
        self.structure = structure
        self.bias = bias
        edgeWeights = scaledWeights
        self.groups = groups
        let outputScales = s.outputs.map { valueScale[$0] }
        self.outputScales = outputScales
        outputOnes = outputScales.map { $0 < 60 ? 1 << $0 : nil }
        scaleTarget = { v, d in SweepPlan<Int>.scaled(v, outputScales[d]) }
    }
}
