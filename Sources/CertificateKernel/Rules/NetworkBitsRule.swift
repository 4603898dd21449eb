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
        let networkPointer = claim.inputs.pointer.appending("network")
        let net = try context.objects.network(try claim.inputs.value("network"), at: networkPointer)
        let stated = try claim.statement.bigInteger("bits")
        var statedCounts: [(index: Int, value: Result<BigInt, KernelError>, pointer: JSONPointer)] = []
        for (i, count) in counts.enumerated() where claim.statement.has(count.name.rawValue) {
            let key = count.name.rawValue
            statedCounts.append(
                (i, Result { () throws(KernelError) in try claim.statement.bigInteger(key) }, claim.statement.pointer.appending(key)))
        }
        return Claim(
            network: Located(value: net, pointer: networkPointer), name: try claim.inputs.identifier("network"),
            bits: Located(value: stated, pointer: claim.statement.pointer.appending("bits")), counts: statedCounts)
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
        let network = net.network, codes = net.codes
        var uses = [Int](repeating: 0, count: codes.palette.count)
        func scan(_ runs: SlotRuns, _ value: (Int) -> Rational) -> Bool {
            for r in runs.slots.indices {
                let slot = Int(runs.slots[r]), range = runs.run(r)
                guard let code = codes.palette[slot] else { return false }
                if case .derived = code {
                    guard net.recipe != nil else { return false }
                    continue // 0 bits; the kernel computed the values itself
                }
                guard code.bitLength != nil else { return false }
                for k in range where !code.admits(value(k)) { return false }
                uses[slot] += range.count
            }
            return true
        }
        guard scan(codes.weightSlots, network.weight), scan(codes.biasSlots, network.bias(ofUnit:)) else { return nil }
        var total = BigInt.zero
        for (slot, n) in uses.enumerated() where n > 0 {
            if let bits = codes.palette[slot]?.bitLength { total += bits * BigInt(n) }
        }
        return total
    }

    /// The first parameter, in unit order (weights, then the bias), without a code, with a
    /// derived code outside a recipe network, or not fitting its code.
    static func firstFailure(_ net: KernelNetwork, _ summary: String, at networkPointer: JSONPointer) -> RuleResult {
        let network = net.network, codes = net.codes
        func place(_ i: Int, weight k: Int?) -> String {
            let l = network.layer(ofUnit: i), u = i - network.layerRange(l).lowerBound
            return k.map { "layer \(l) unit \(u) weight \($0 - network.weightRange(ofUnit: i).lowerBound)" } ?? "layer \(l) unit \(u) bias"
        }
        for i in 0..<network.unitCount {
            let weights = network.weightRange(ofUnit: i)
            for j in weights.lowerBound...weights.upperBound {
                let k: Int? = j < weights.upperBound ? j : nil // nil: the bias
                guard let code = k.map(codes.weightCode) ?? codes.biasCode(ofUnit: i) else {
                    return .fails(summary, "the parameter at \(place(i, weight: k)) has no code", at: networkPointer)
                }
                if case .derived = code {
                    guard net.recipe != nil else {
                        return .fails(
                            summary,
                            "the parameter at \(place(i, weight: k)) claims a derived code, but only recipe networks have derived parameters",
                            at: networkPointer)
                    }
                    continue
                }
                let value = k.map(network.weight) ?? network.bias(ofUnit: i)
                guard code.admits(value), code.bitLength != nil else {
                    return .fails(
                        summary, "the parameter at \(place(i, weight: k)) is \(value), which does not fit its code \(code)",
                        expected: "a value fitting \(code)", computed: value.description, at: networkPointer)
                }
            }
        }
        return .fails(summary, "a parameter does not fit its code", at: networkPointer)
    }
}
