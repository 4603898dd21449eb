import ExactArithmetic

/// Exact evaluation of a ``HeavisideNetwork`` on the pieces of Lemma N1 by a left-to-right
/// sweep: linear in the number of pieces, with a small constant.
///
/// Between consecutive pieces only the first-layer units whose threshold is the cut
/// between them change (rising units H(w x + b), w > 0, switch on, falling ones switch
/// off). The sweep pushes each change forward: a consumer's pre-activation changes by
/// weight * (new value - old value), and only units whose pre-activation changed are
/// recomputed, layer by layer. The result is exactly the forward pass at each piece's
/// midpoint (tests compare the two on random networks).
///
/// Single-input Heaviside units beyond the first layer are not evaluated one by one: a
/// consumer z's total input from all such units reading the same source s,
/// G(s) = sum_i c_i H(w_i s + b_i), is a step function of s, kept as sorted thresholds
/// with prefix sums and evaluated by binary search (H(0) = 1 at the thresholds). Such a
/// unit is evaluated individually only when another single-input unit reads it.
///
/// Fast path (`SweepPlan`): when every weight and bias beyond the first layer is dyadic
/// and a static bound shows that every pre-activation, scaled by a fixed power of two per
/// unit, is an integer below 2^60 in magnitude, the sweep runs on `Int`; otherwise on
/// `Rational`. Both run the same generic code.
public struct NetworkEvaluator: Sendable {
    enum Plan: Sendable {
        case scaled(SweepPlan<Int>)
        case exact(SweepPlan<Rational>)
    }

    let network: HeavisideNetwork
    let structure: SweepStructure
    let plan: Plan

    /// Builds the sweep for `network`; `allowFastPath: false` forces exact rationals
    /// throughout (tests compare both paths).
    public init(_ network: HeavisideNetwork, allowFastPath: Bool = true) {
        let (structure, numbers) = SweepStructure.build(network)
        self.network = network
        self.structure = structure
        if allowFastPath, let scaled = SweepPlan<Int>(scaling: numbers, structure) {
            plan = .scaled(scaled)
        } else {
            plan = .exact(SweepPlan<Rational>(exact: numbers, structure))
        }
    }

    /// Whether the sweep runs on scaled `Int`s (the fast path): its numbers then never
    /// grow past 2^60; on `Rational`s they may grow with the network's sums.
    public var runsOnIntegers: Bool {
        if case .scaled = plan { return true }
        return false
    }

    /// The piece boundaries of Lemma N1: 0, the distinct first-layer thresholds in (0, 1)
    /// in increasing order, and 1.
    public var pieceBoundaries: [Rational] { structure.cuts }

    /// The work of comparing outputs with `targets` (``firstMismatch(with:)``) beyond the
    /// sweep's: an output compared with a packed target reads all its 2^J / 64 words
    /// (hashed to share one copy, then a word at a time along the pieces), whatever the
    /// number of pieces (one sign function of 2^20 cells named by 100,000 outputs of a
    /// network of two pieces is 1.6 x 10^9 words).
    public static func comparisonWork(_ targets: [Target]) -> Int {
        targets.reduce(0) { total, t in
            if case .packed(let f) = t { return .saturatingSum(total, 2 * f.words.count) }
            return total
        }
    }

    /// A bound, known before the sweep, on its elementary steps over all pieces when it
    /// reads `outputsPerPiece` outputs at every piece: the steps of the sweep itself
    /// (`SweepStructure.sweepWork(groupCosts:)`, which counts changes rather than full
    /// forward passes) plus one per output read per piece.
    public func sweepWork(readingPerPiece outputsPerPiece: Int) -> Int {
        .saturatingSum(structure.work, .saturatingProduct([structure.cuts.count - 1, outputsPerPiece]))
    }

    /// The network's outputs at any rational x (H(0) = 1), by one forward pass; the tests
    /// compare it with a plain layer-by-layer evaluation (TestSupport's `evaluate(at:)`).
    public func outputs(at x: Rational) -> [Rational] {
        let thresholds = network.firstLayerThresholds
        let active = thresholds.indices.map { k in structure.rising[k] ? thresholds[k] <= x : x <= thresholds[k] }
        switch plan {
        case .scaled(let p): return p.outputs(p.start { active[$0] })
        case .exact(let p): return p.outputs(p.start { active[$0] })
        }
    }

    /// The step functions the network computes (Lemma N1), one per output.
    public func realisedFunctions() -> [StepFunction] {
        let runs: [[[(piece: Int, value: Rational)]]]
        switch plan {
        case .scaled(let p): runs = p.inChunks { p.runs(pieces: $0) }
        case .exact(let p): runs = p.inChunks { p.runs(pieces: $0) }
        }
        let cuts = structure.cuts
        return (0..<structure.outputs.count).map { d in
            let all = runs.flatMap { $0[d] }
            return StepFunction(mergingValidBreakpoints: all.map { cuts[$0.piece] } + [cuts[cuts.count - 1]], values: all.map(\.value))
        }
    }

    /// A function an output is compared with: +-1 valued and bit-packed, or a step function.
    public enum Target: Sendable {
        case packed(PackedSignFunction)
        case step(StepFunction)
    }

    /// Where an output differs from its target: on piece `piece` = [start, end) of
    /// Lemma N1, output `output` has the value `value`.
    public struct Mismatch: Sendable, Equatable {
        public let piece: Int
        public let output: Int
        public let start: Rational
        public let end: Rational
        public let value: Rational
    }

    /// The first piece, and on it the first output, where the network's output differs
    /// from its target anywhere on the piece (Lemma N1: the outputs are constant on
    /// each piece, so this decides equality almost everywhere). Targets beyond the
    /// network's outputs, or missing ones, count as differing on piece 0.
    public func firstMismatch(with targets: [Target]) -> Mismatch? {
        let found: (piece: Int, output: Int, value: Rational)?
        if targets.count != structure.outputs.count {
            let d = min(targets.count, structure.outputs.count - 1)
            found = (0, d, outputs(at: structure.cuts[0] + (structure.cuts[1] - structure.cuts[0]).timesPowerOfTwo(-1))[d])
        } else {
            switch plan {
            case .scaled(let p): found = p.inChunks { p.firstMismatch(pieces: $0, targets) }.lazy.compactMap { $0 }.first
            case .exact(let p): found = p.inChunks { p.firstMismatch(pieces: $0, targets) }.lazy.compactMap { $0 }.first
            }
        }
        guard let found else { return nil }
        return Mismatch(
            piece: found.piece, output: found.output, start: structure.cuts[found.piece],
            end: structure.cuts[found.piece + 1], value: found.value)
    }
}

extension HeavisideNetwork {
    /// The step functions the network computes (Lemma N1): each output evaluated exactly
    /// on every piece between consecutive first-layer thresholds. An evaluator already
    /// built for this network may be passed in.
    public func realisedFunctions(evaluator: NetworkEvaluator? = nil) -> [StepFunction] {
        (evaluator ?? NetworkEvaluator(self)).realisedFunctions()
    }
}
