import ExactArithmetic

/// The network constructions of MATH.md sec. 8 (used by the generator and by the
/// kernel to rebuild recipe networks; the kernel always re-evaluates what they build).
public enum NetworkBuilder {
    /// One hidden layer realising step functions f_1..f_D on a shared first layer: one
    /// unit H(x - t) per breakpoint t of any f_d (f_d = v_0 + sum_i (v_i - v_{i-1}) H(x - t_i)).
    public static func oneLayer(realising functions: [StepFunction]) throws(DyadicFunctionError) -> HeavisideNetwork {
        guard !functions.isEmpty else { throw .invalidParameter("at least one function is required") }
        // The breakpoints of each distinct function once (one function may be named by many outputs).
        let thresholds = Array(Set(Set(functions).flatMap(\.interiorBreakpoints))).sorted()
        guard !thresholds.isEmpty else {
            throw .invalidParameter("constant functions need no first layer; a network needs at least one first-layer unit")
        }
        let first = thresholds.map { HeavisideNetwork.Unit(activation: .heaviside, inputs: [0], weights: [1], bias: -$0) }
        // The first-layer unit of threshold t: its place among the sorted thresholds.
        func unit(_ t: Rational) -> Int { partitioningIndex(0, thresholds.count) { thresholds[$0] >= t } }
        var outputOf: [StepFunction: HeavisideNetwork.Unit] = [:]
        let outputs = functions.map { f in
            if let known = outputOf[f] { return known }
            let output = HeavisideNetwork.Unit(
                activation: .linear, inputs: f.interiorBreakpoints.map(unit),
                weights: (1..<f.values.count).map { f.values[$0] - f.values[$0 - 1] }, bias: f.values[0])
            outputOf[f] = output
            return output
        }
        return try HeavisideNetwork(layers: [first, outputs])
    }

    /// The units H(y - i/2^(n+1)), i = 1..2^(n+1)-1, whose alternating sum
    /// sum_i (-1)^(i+1) H(y - i/2^(n+1)) is the digit b_n(y) = floor(2^(n+1) y) mod 2
    /// for y in [0, 1). `source` is the index of y in the previous layer.
    package static func digitUnitSequence(digit n: Int, source: Int) -> LazyMapSequence<Range<Int>, HeavisideNetwork.Unit> {
        (1..<(1 << (n + 1))).lazy.map { i in
            HeavisideNetwork.Unit(
                activation: .heaviside, inputs: [source], weights: [1],
                bias: -Dyadic(mantissa: BigInt(i), exponent: n + 1).rational)
        }
    }

    /// The units H(c_1 + ... + c_k - t), t = 1..k, reading the k inputs `sources`;
    /// their alternating sum sum_t (-1)^(t-1) H(...) is c_1 xor ... xor c_k for bits c.
    public static func parityUnits(sources: [Int]) -> [HeavisideNetwork.Unit] {
        (1...max(sources.count, 1)).map { t in
            HeavisideNetwork.Unit(
                activation: .heaviside, inputs: sources, weights: Array(repeating: 1, count: sources.count), bias: Rational(-t))
        }
    }

    /// The joint network for F_sigma = (w_{m_1} o u_sigma, ..., w_{m_D} o u_sigma), with
    /// balanced amplitudes (MATH.md sec. 8):
    /// 1. a trunk of 2^J - 1 units H(x - i/2^J);
    /// 2. one linear unit u = u_sigma: bias u_sigma(0), weights the jumps of u_sigma;
    /// 3.-6. the readout head of `ReadoutHead` (digits of u, parities, outputs).
    ///
    /// Every parameter's code is fixed by (J, readouts): only u's weights and bias
    /// depend on sigma (dyadic codes); all others are `derived`.
    public static func joint(signs: SignTree, readouts: [WalshReadout]) throws(DyadicFunctionError) -> CodedHeavisideNetwork {
        let J = signs.levels
        try ReadoutHead.checkReadouts(readouts, levels: J)
        let cells = 1 << J
        let indices = RademacherHaarFeature.balanced(signs: signs).midpointIndices()
        func u(_ c: Int) -> Rational { Dyadic(mantissa: BigInt(2 * indices[c] + 1), exponent: J + 1).rational }

        var layers = CodedLayers()
        layers.addTrunk(levels: J, weights: .derived(recipe: "trunk-weight"), bias: .derived(recipe: "trunk-threshold"))
        // u = u_sigma(0) + sum_i (u(i) - u(i-1)) H(x - i/2^J).
        let jumps = (1..<cells).map { u($0) - u($0 - 1) }
        layers.add(
            [HeavisideNetwork.Unit(activation: .linear, inputs: Array(0..<(cells - 1)), weights: jumps, bias: u(0))],
            weights: .dyadic(mantissaBits: J, maximumExponent: J),
            bias: .dyadic(mantissaBits: J + 1, maximumExponent: J + 1))
        ReadoutHead.add(to: &layers, levels: J, readouts: readouts)
        return try layers.network()
    }
}
