import ExactArithmetic
import DyadicFunctions

// Constructions the generator, the benchmarks and the tests use and the kernel never
// does: seeded sign trees, the best truncation levels of the Haar lemmas, separate
// per-task networks. Written on the public API of DyadicFunctions.

extension SignTree {
    /// The tree with sigma(j, k) = `sign(j, k)`, which must return +1 or -1.
    public init(levels: Int, sign: (_ level: Int, _ index: Int) -> Int) throws(DyadicFunctionError) {
        guard (1...SignTree.maximumLevels).contains(levels) else {
            throw .levelOutOfRange(level: levels, range: 1...SignTree.maximumLevels)
        }
        var negative: [Bool] = []
        negative.reserveCapacity((1 << levels) - 1)
        for j in 0..<levels {
            for k in 0..<(1 << j) {
                let s = sign(j, k)
                guard s == 1 || s == -1 else { throw .notSignValued(index: negative.count, value: Rational(s)) }
                negative.append(s == -1)
            }
        }
        try self.init(levels: levels, hex: HexBitString.encode(count: negative.count) { negative[$0] })
    }

    /// A tree drawn as in the perf kit's W2: for j = 0..J-1, k = 0..2^j-1 (j-major),
    /// draw x and set sigma(j, k) = +1 if the top bit of x is 0, else -1.
    public static func random(levels: Int, using generator: inout SplitMix64) throws(DyadicFunctionError) -> SignTree {
        try SignTree(levels: levels) { _, _ in generator.next() >> 63 != 0 ? -1 : 1 }
    }

    /// A tree drawn from `SplitMix64(seed: seed)` (see ``random(levels:using:)``).
    public static func random(levels: Int, seed: UInt64) throws(DyadicFunctionError) -> SignTree {
        var generator = SplitMix64(seed: seed)
        return try random(levels: levels, using: &generator)
    }

    /// sigma(j, k) as +1 or -1.
    public func sign(level j: Int, index k: Int) -> Int {
        precondition(j >= 0 && j < levels && k >= 0 && k < 1 << j, "SignTree node out of range")
        return isNegative(level: j, index: k) ? -1 : 1
    }
}

extension GreedyPartition {
    /// The non-strict greedy partition (stop where the oscillation would exceed t).
    public static func nonStrict(_ g: PiecewiseLinear, threshold t: Rational) throws(DyadicFunctionError) -> GreedyPartition {
        try sweep(g, threshold: t, strict: false)
    }

    /// The step function with value centres[i] on [a_i, a_{i+1}) (canonical form):
    /// within t/2 of g for the non-strict partition (achievability).
    public var stepFunction: StepFunction {
        do { return try StepFunction(breakpoints: [0] + ends, values: centres) } catch {
            preconditionFailure("greedy ends increase strictly to 1: \(error)")
        }
    }
}

extension WalshFunction {
    /// |m|, the number of Rademacher factors.
    public var weight: Int { index.nonzeroBitCount }
}

extension HaarCoveringBounds {
    /// Haar packing (corollary of Lemma H1): for 1 <= L <= J, if eps < min_{j<L} a_j
    /// then log2 N(eps, H_J(a)) >= 2^L - 1. Returns whether the side condition holds.
    public static func packingApplies(amplitudes: [Rational], eps: Rational, truncationLevel L: Int) -> Bool {
        guard L >= 1 && L <= amplitudes.count, eps.signum > 0 else { return false }
        return amplitudes.prefix(L).allSatisfy { eps < $0 }
    }

    /// Lemma H2: for 0 <= L <= J, if eps >= sum_{L <= j < J} a_j then
    /// log2 N(eps, H_J(a)) <= 2^L - 1. Returns whether the side condition holds.
    public static func coverApplies(amplitudes: [Rational], eps: Rational, truncationLevel L: Int) -> Bool {
        guard L >= 0 && L <= amplitudes.count, eps.signum > 0 else { return false }
        return eps >= Rational.sum(amplitudes.dropFirst(L))
    }

    /// The largest L for which the packing bound applies (the best lower bound), or nil.
    public static func bestPackingLevel(amplitudes: [Rational], eps: Rational) -> Int? {
        (1...max(amplitudes.count, 1)).last { packingApplies(amplitudes: amplitudes, eps: eps, truncationLevel: $0) }
    }

    /// The smallest L for which the cover bound applies (the best upper bound).
    public static func bestCoverLevel(amplitudes: [Rational], eps: Rational) -> Int? {
        (0...amplitudes.count).first { coverApplies(amplitudes: amplitudes, eps: eps, truncationLevel: $0) }
    }

    /// The truncation of h_sigma to the levels < L (the centre of Lemma H2's cover).
    public static func truncation(of feature: RademacherHaarFeature, below L: Int) throws(DyadicFunctionError) -> StepFunction {
        guard L >= 0 && L <= feature.levels else { throw .levelOutOfRange(level: L, range: 0...feature.levels) }
        let values = (0..<(1 << feature.levels)).map { c in
            Rational.sum((0..<L).map { j in feature.s(level: j, cell: c) == 1 ? feature.amplitudes[j] : -feature.amplitudes[j] })
        }
        return try StepFunction(cellValues: values)
    }
}

extension ReadoutCount {
    /// sum_d log2 |K_{m_d}|: the bits of separate coding at any accuracy 0 < eps < 1
    /// (Lemma B makes N(eps, K_m) = |K_m|).
    public static func separateLog2(readouts: [Int]) throws(DyadicFunctionError) -> BigInt {
        var total = BigInt.zero
        for m in readouts { total += try separateLog2(readout: m) }
        return total
    }
}

extension NetworkBuilder {
    /// Separate per-task networks: one one-layer network per function.
    public static func separate(realising functions: [StepFunction]) throws(DyadicFunctionError) -> [HeavisideNetwork] {
        var networks: [HeavisideNetwork] = []
        for f in functions { networks.append(try oneLayer(realising: [f])) }
        return networks
    }
}
