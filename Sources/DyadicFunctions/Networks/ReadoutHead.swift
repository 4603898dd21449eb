import ExactArithmetic

/// Layers with a declared code for every parameter, assembled one layer at a time.
struct CodedLayers {
    private(set) var layers: [[HeavisideNetwork.Unit]] = []
    private var weightCodes: [[[ParameterCode]]] = []
    private var biasCodes: [[ParameterCode]] = []

    /// Appends a layer; `weights(u, k)` and `bias(u)` give the codes of unit u.
    mutating func add(_ units: [HeavisideNetwork.Unit], weights: (Int, Int) -> ParameterCode, bias: (Int) -> ParameterCode) {
        layers.append(units)
        weightCodes.append(units.enumerated().map { u, unit in unit.weights.indices.map { weights(u, $0) } })
        biasCodes.append(units.indices.map(bias))
    }

    /// The coded network (after the conventions of MATH.md sec. 8 are checked).
    func network() throws(DyadicFunctionError) -> CodedHeavisideNetwork {
        try CodedHeavisideNetwork(network: try HeavisideNetwork(layers: layers), weightCodes: weightCodes, biasCodes: biasCodes)
    }
}

/// The readout head shared by the joint constructions of MATH.md sec. 8: from a layer
/// whose last unit computes u in [0, 1), the digit units of c_n(u) for every digit n some
/// readout uses, one linear unit per used digit (c_n = sum_i (-1)^(i+1) H(u - i/2^(n+1))),
/// per task the |bits(m_d)| parity units over its digits, and per task the output
/// 1 - 2 parity = w_{m_d}(u). Every parameter is `derived` from J and the readouts.
enum ReadoutHead {
    /// Readouts must be distinct indices in 1..<2^J (at least one).
    static func checkReadouts(_ readouts: [WalshReadout], levels J: Int) throws(DyadicFunctionError) {
        guard !readouts.isEmpty else { throw .invalidParameter("at least one readout is required") }
        var seen = Set<Int>()
        for (d, r) in readouts.enumerated() {
            guard r.index < 1 << J else { throw .indexOutOfRange(what: "readout index", index: r.index, range: 1..<(1 << J)) }
            guard seen.insert(r.index).inserted else { throw .duplicateReadout(index: d, value: r.index) }
        }
    }

    /// Appends the head's four layers; the previous layer's unit 0 must compute u.
    static func add(to layers: inout CodedLayers, levels J: Int, readouts: [WalshReadout]) {
        // Digit units for the digits in use, all reading u.
        let digits = Array(Set(readouts.flatMap { r in (0..<J).filter { r.index >> $0 & 1 == 1 } })).sorted()
        var digitLayer: [HeavisideNetwork.Unit] = []
        var digitRanges: [Range<Int>] = []
        for n in digits {
            let start = digitLayer.count
            digitLayer += NetworkBuilder.digitUnits(digit: n, source: 0)
            digitRanges.append(start..<digitLayer.count)
        }
        layers.add(digitLayer, weights: { _, _ in .derived(recipe: "digit-weight") }, bias: { _ in .derived(recipe: "digit-threshold") })
        // c_n as linear units.
        let digitValues = digitRanges.map { range in
            HeavisideNetwork.Unit(activation: .linear, inputs: Array(range),
                                  weights: range.map { ($0 - range.lowerBound) % 2 == 0 ? 1 : -1 }, bias: 0)
        }
        layers.add(digitValues, weights: { _, _ in .derived(recipe: "digit-sum-weight") }, bias: { _ in .derived(recipe: "digit-sum-bias") })
        // Parity units per task, over the slots of its digits.
        let digitSlot = Dictionary(uniqueKeysWithValues: digits.enumerated().map { ($1, $0) })
        var parityLayer: [HeavisideNetwork.Unit] = []
        var parityRanges: [Range<Int>] = []
        for r in readouts {
            let sources = (0..<J).filter { r.index >> $0 & 1 == 1 }.compactMap { digitSlot[$0] }
            let start = parityLayer.count
            parityLayer += NetworkBuilder.parityUnits(sources: sources)
            parityRanges.append(start..<parityLayer.count)
        }
        layers.add(parityLayer, weights: { _, _ in .derived(recipe: "parity-weight") }, bias: { _ in .derived(recipe: "parity-threshold") })
        // Outputs 1 - 2 sum_t (-1)^(t-1) P_t.
        let outputs = parityRanges.map { range in
            HeavisideNetwork.Unit(activation: .linear, inputs: Array(range),
                                  weights: range.map { ($0 - range.lowerBound) % 2 == 0 ? -2 : 2 }, bias: 1)
        }
        layers.add(outputs, weights: { _, _ in .derived(recipe: "output-weight") }, bias: { _ in .derived(recipe: "output-bias") })
    }
}
