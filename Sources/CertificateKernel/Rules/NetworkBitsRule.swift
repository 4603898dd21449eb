import DyadicFunctions
import ExactArithmetic

/// `network-bits`: the description length of a network under its declared codes
/// (MATH.md sec. 8), with its sizes.
///
/// Inputs: `network`. Statement: `bits` and, optionally, `units`, `hidden-units`,
/// `parameters`, `first-layer-units`, `layers`. Every parameter must carry a code and
/// fit it; `derived` codes are allowed only for networks the kernel built from a
/// recipe (it computed those parameters itself). Establishes each stated number.
enum NetworkBitsRule: TypedRule {
    static let declaration = RuleDeclaration(
        name: .networkBits, lemma: "MATH.md sec. 8 (codes and description length)",
        inputs: ["network"], statement: ["bits", "units", "hidden-units", "parameters", "first-layer-units", "layers"])
    /// The counts a statement may add: their names, measures, and values.
    static let counts: [(name: QuantityName, measure: Measure, of: @Sendable (HeavisideNetwork) -> Int)] = [
        (.units, .units, { $0.unitCount }), (.hiddenUnits, .hiddenUnits, { $0.hiddenUnitCount }),
        (.parameters, .parameters, { $0.parameterCount }),
        (.firstLayerUnits, .firstLayerUnits, { $0.firstLayerWidth }), (.layers, .layers, { $0.layerCount }),
    ]

    struct Claim {
        let network: Located<KernelNetwork>
        let name: String
        let bits: Located<BigInt>
        /// The stated counts, in the order of `counts`: the index of each in `counts`, and
        /// its value or the error of reading it (the check meets them after the bits, so a
        /// false bits statement is reported before a malformed count, as it always was).
        let counts: [(index: Int, value: Result<BigInt, KernelError>, pointer: JSONPointer)]
    }

    static func decode(_ claim: CertificateDocument.ClaimEntry, _ context: CheckContext) throws(KernelError) -> Claim {
        let net = try claim.inputs.located("network", context.objects.network)
        let stated = try claim.statement.located("bits", claim.statement.bigInteger)
        var statedCounts: [(index: Int, value: Result<BigInt, KernelError>, pointer: JSONPointer)] = []
        for (i, count) in counts.enumerated() where claim.statement.has(count.name.rawValue) {
            let key = count.name.rawValue
            statedCounts.append(
                (i, Result { () throws(KernelError) in try claim.statement.bigInteger(key) }, claim.statement.pointer.appending(key)))
        }
        return Claim(network: net, name: try claim.inputs.identifier("network"), bits: stated, counts: statedCounts)
    }

    static func check(_ claim: Claim, _ context: CheckContext) throws(KernelError) -> RuleResult {
        let (net, name, stated) = (claim.network.value, claim.name, claim.bits.value)
        let network = net.network
        let summary = "the network (\(network.unitCount) units, \(network.parameterCount) parameters) is described in \(stated) bits"
        guard let total = codeBits(net) else { return firstFailure(net, summary, at: claim.network.pointer) }
        guard stated == total else {
            return .fails(
                summary, "the declared codes add up to \(total) bits", expected: "bits = \(stated)", computed: "bits = \(total)",
                at: claim.bits.pointer)
        }
        var facts = [Fact(.bits, Meaning(measure: .codeBits, subject: [name]), .exact(total))]
        for (i, read, pointer) in claim.counts {
            let count = counts[i], key = counts[i].name.rawValue
            let value = try read.get()
            let computed = BigInt(count.of(network))
            guard value == computed else {
                return .fails(
                    summary, "the network has \(computed) \(key)", expected: "\(key) = \(value)", computed: "\(key) = \(computed)",
                    at: pointer)
            }
            facts.append(Fact(count.name, Meaning(measure: count.measure, subject: [name]), .exact(computed)))
        }
        return .holds(summary, facts)
    }

    /// The network's description length under its declared codes, or nil when some
    /// parameter has no code, a derived code outside a recipe network, or a value not
    /// fitting its code. Per distinct code: its length and how often it is used. The
    /// pass goes over runs of equal codes (a run of derived codes of a recipe network
    /// needs no look at its values); `firstFailure` then names the first failing
    /// parameter in unit order (millions of parameters at J = 20).
    static func codeBits(_ net: KernelNetwork) -> BigInt? {
        var uses = [Int](repeating: 0, count: net.codes.palette.count)
        let fits = net.allRuns { slot, range, value in
            guard let code = net.codes.palette[slot] else { return false }
            if case .derived = code { return net.recipe != nil } // 0 bits; the kernel computed the values itself
            guard code.bitLength != nil, range.allSatisfy({ code.admits(value($0)) }) else { return false }
            uses[slot] += range.count
            return true
        }
        guard fits else { return nil }
        var total = BigInt.zero
        for (slot, n) in uses.enumerated() where n > 0 {
            if let bits = net.codes.palette[slot]?.bitLength { total += bits * BigInt(n) }
        }
        return total
    }

    /// The first parameter, in unit order (weights, then the bias), without a code, with a
    /// derived code outside a recipe network, or not fitting its code.
    static func firstFailure(_ net: KernelNetwork, _ summary: String, at networkPointer: JSONPointer) -> RuleResult {
        let found = net.firstParameter { code, value in
            guard let code else { return true }
            if case .derived = code { return net.recipe == nil }
            return !code.admits(value) || code.bitLength == nil
        }
        guard let (code, value, layer, unit, weight) = found else {
            return .fails(summary, "a parameter does not fit its code", at: networkPointer)
        }
        let place = "layer \(layer) unit \(unit) " + (weight.map { "weight \($0)" } ?? "bias")
        guard let code else { return .fails(summary, "the parameter at \(place) has no code", at: networkPointer) }
        if case .derived = code {
            return .fails(
                summary, "the parameter at \(place) claims a derived code, but only recipe networks have derived parameters",
                at: networkPointer)
        }
        return .fails(
            summary, "the parameter at \(place) is \(value), which does not fit its code \(code)",
            expected: "a value fitting \(code)", computed: value.description, at: networkPointer)
    }
}

extension KernelNetwork {
    /// Whether `visit` accepts every run of equal codes (weights first, then biases): it
    /// gets the code's palette slot, the run's parameter numbers and the parameters' values.
    func allRuns(_ visit: (_ slot: Int, _ range: Range<Int>, _ value: (Int) -> Rational) -> Bool) -> Bool {
        let (weights, biases) = (codes.weightSlots, codes.biasSlots)
        return weights.slots.indices.allSatisfy { visit(Int(weights.slots[$0]), weights.run($0), network.weight) }
            && biases.slots.indices.allSatisfy { visit(Int(biases.slots[$0]), biases.run($0), network.bias(ofUnit:)) }
    }

    /// The first parameter, in unit order (each unit's weights, then its bias), whose code
    /// and value `fails` rejects: its code, its value, its layer, its unit's index in the
    /// layer, and for a weight its index among the unit's weights (nil: the bias).
    func firstParameter(where fails: (ParameterCode?, Rational) -> Bool) -> (
        code: ParameterCode?, value: Rational, layer: Int, unit: Int, weight: Int?
    )? {
        for i in 0..<network.unitCount {
            let weights = network.weightRange(ofUnit: i)
            for j in weights.lowerBound...weights.upperBound {
                let k: Int? = j < weights.upperBound ? j : nil // nil: the bias
                let code = k.map(codes.weightCode) ?? codes.biasCode(ofUnit: i)
                let value = k.map(network.weight) ?? network.bias(ofUnit: i)
                guard fails(code, value) else { continue }
                let l = network.layer(ofUnit: i)
                return (code, value, l, i - network.layerRange(l).lowerBound, k.map { $0 - weights.lowerBound })
            }
        }
        return nil
    }
}
