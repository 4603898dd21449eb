import ExactArithmetic

/// Layers with a declared code for every parameter, assembled one unit at a time (no
/// array per unit is kept: the constructions have millions of units). Within a layer all
/// weights share one code and all biases another.
struct CodedLayers {
    /// The network so far (``HeavisideNetwork/Builder/reserveCapacity(units:weights:)``
    /// makes room for units known in advance).
    var builder = HeavisideNetwork.Builder()
    private var codes = ParameterCodeTable<ParameterCode>()

    /// Appends a layer of `units`; every weight has the code `weights`, every bias `bias`.
    mutating func add<S: Sequence<HeavisideNetwork.Unit>>(_ units: S, weights: ParameterCode, bias: ParameterCode) {
        builder.beginLayer()
        let w = codes.slot(weights), b = codes.slot(bias)
        for unit in units {
            builder.append(unit)
            codes.appendUnit(weights: w, count: unit.weights.count, bias: b)
        }
    }

    /// Appends the trunk: 2^J - 1 first-layer units H(x - i/2^J), i = 1..2^J - 1.
    mutating func addTrunk(levels J: Int, weights: ParameterCode, bias: ParameterCode) {
        builder.beginLayer()
        let w = codes.slot(weights), b = codes.slot(bias)
        for i in 1..<(1 << J) {
            builder.append(
                activation: .heaviside, inputs: CollectionOfOne(0), weights: CollectionOfOne(Rational(1)),
                bias: -Rational(i).timesPowerOfTwo(-J))
            codes.appendUnit(weights: w, count: 1, bias: b)
        }
    }

    /// The coded network (after the conventions of MATH.md sec. 8 are checked).
    func network() throws(DyadicFunctionError) -> CodedHeavisideNetwork {
        try CodedHeavisideNetwork(network: try builder.network(), codes: codes)
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
            try DyadicFunctionError.checkIndex("readout index", r.index, in: 1..<(1 << J)) // r.index >= 1
            guard seen.insert(r.index).inserted else { throw .duplicateReadout(index: d, value: r.index) }
        }
    }

    /// The digits n some readout uses (bit n of its index set), ascending.
    static func digits(levels J: Int, readouts: [WalshReadout]) -> [Int] {
        Array(Set(readouts.flatMap { r in (0..<J).filter { r.index >> $0 & 1 == 1 } })).sorted()
    }

    /// The units and weights ``add(to:levels:readouts:)`` appends: per used digit n,
    /// 2^(n+1) - 1 digit units (one weight each) and their sum (as many weights); per
    /// readout with k digits, k parity units of k weights and an output of k weights.
    static func size(levels J: Int, readouts: [WalshReadout]) -> (units: Int, weights: Int) {
        let used = digits(levels: J, readouts: readouts)
        let digitUnits = used.reduce(0) { $0 + (1 << ($1 + 1)) - 1 }
        let k = readouts.map { r in (0..<J).filter { r.index >> $0 & 1 == 1 }.count }
        return (
            digitUnits + used.count + k.reduce(0, +) + readouts.count,
            2 * digitUnits + k.reduce(0) { $0 + $1 * $1 + $1 }
        )
    }

    /// Appends the head's four layers; the previous layer's unit 0 must compute u.
    static func add(to layers: inout CodedLayers, levels J: Int, readouts: [WalshReadout]) {
        // Digit units for the digits in use, all reading u.
        let digits = digits(levels: J, readouts: readouts)
        var digitRanges: [Range<Int>] = []
        for n in digits {
            let start = digitRanges.last?.upperBound ?? 0
            digitRanges.append(start..<(start + (1 << (n + 1)) - 1))
        }
        layers.add(
            digits.lazy.flatMap { n in NetworkBuilder.digitUnitSequence(digit: n, source: 0) }, weights: .derived(recipe: "digit-weight"),
            bias: .derived(recipe: "digit-threshold"))
        // c_n as linear units.
        layers.add(
            digitRanges.map { alternatingSum($0, 1, bias: 0) }, weights: .derived(recipe: "digit-sum-weight"),
            bias: .derived(recipe: "digit-sum-bias"))
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
        layers.add(parityLayer, weights: .derived(recipe: "parity-weight"), bias: .derived(recipe: "parity-threshold"))
        // Outputs 1 - 2 sum_t (-1)^(t-1) P_t.
        layers.add(
            parityRanges.map { alternatingSum($0, -2, bias: 1) }, weights: .derived(recipe: "output-weight"),
            bias: .derived(recipe: "output-bias"))
    }

    /// The linear unit bias + c z_a - c z_(a+1) + c z_(a+2) - ... over the inputs a..<b of `range`.
    static func alternatingSum(_ range: Range<Int>, _ c: Rational, bias: Rational) -> HeavisideNetwork.Unit {
        HeavisideNetwork.Unit(
            activation: .linear, inputs: Array(range), weights: range.map { ($0 - range.lowerBound) % 2 == 0 ? c : -c }, bias: bias)
    }
}
