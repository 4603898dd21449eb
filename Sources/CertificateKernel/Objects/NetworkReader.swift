import DyadicFunctions
import ExactArithmetic

/// Reads an explicit `heaviside-network` object: layers of units with their weights,
/// biases and (optionally) the codes of their parameters.
///
/// Codes are written `sign`, `int[LO,HI]` or `dyadic[B,E]`; a layer may give default
/// `weight-code` and `bias-code` that its units' `weight-codes` / `bias-code` override.
/// `derived` codes are not accepted here: only the kernel's own recipes may derive a
/// parameter.
enum NetworkReader {
    static func read(_ f: Fields, context: ReadingContext) throws(KernelError) -> KernelNetwork {
        let layerValues = try f.array("layers", what: "an array of layers")
        var size = 0
        var layers: [[HeavisideNetwork.Unit]] = []
        var codes = ParameterCodeTable<ParameterCode?>()
        for (l, layerValue) in layerValues.enumerated() {
            let layer = try Fields(
                layerValue, at: f.pointer.appending("layers").appending(l), context: context, what: "a layer object with \"units\"")
            try layer.allowOnly(FormatStructure.layer.keys)
            let defaultWeightCode = try code(layer, "weight-code")
            let defaultBiasCode = try code(layer, "bias-code")
            var units: [HeavisideNetwork.Unit] = []
            for (u, unitValue) in try layer.array("units", what: "an array of units").enumerated() {
                let unit = try Fields(unitValue, at: layer.pointer.appending("units").appending(u), context: context, what: "a unit object")
                try unit.allowOnly(FormatStructure.unit.keys)
                let activation: Activation = try unit.word("activation")
                let inputs = try unit.integers("inputs", in: 0...Int(Int32.max))
                let weights = try unit.rationals("weights")
                guard inputs.count == weights.count else {
                    throw .malformed(
                        pointer: unit.pointer.appending("weights"), expected: "one weight per input (\(inputs.count))",
                        found: "\(weights.count) weights")
                }
                size += weights.count + 2
                try context.checkLimit(.networkSize, size, described: "more than \(context.limits.maximumNetworkSize)", at: unit.pointer)
                var weightCodes: [ParameterCode?] = Array(repeating: defaultWeightCode, count: weights.count)
                if unit.has("weight-codes") {
                    let values = try unit.array("weight-codes", what: "an array of codes, one per weight")
                    guard values.count == weights.count else {
                        throw .malformed(
                            pointer: unit.pointer.appending("weight-codes"), expected: "one code per weight (\(weights.count))",
                            found: "\(values.count) codes")
                    }
                    for (k, value) in values.enumerated() {
                        weightCodes[k] = try code(value, at: unit.pointer.appending("weight-codes").appending(k), context: context)
                    }
                }
                units.append(
                    HeavisideNetwork.Unit(
                        activation: activation == .heaviside ? .heaviside : .linear, inputs: inputs, weights: weights,
                        bias: try unit.rational("bias")))
                codes.appendUnit(weights: weightCodes, bias: try code(unit, "bias-code") ?? defaultBiasCode)
            }
            layers.append(units)
        }
        do {
            let network = try HeavisideNetwork(layers: layers)
            return KernelNetwork(network: network, codes: codes, recipe: nil)
        } catch {
            throw ObjectStore.invalid(
                error, at: f.pointer.appending("layers"), what: "a network following the conventions of MATH.md sec. 8")
        }
    }

    /// The code at `key`, if one is given.
    static func code(_ f: Fields, _ key: String) throws(KernelError) -> ParameterCode? {
        f.has(key) ? try code(try f.value(key), at: f.pointer.appending(key), context: f.context) : nil
    }

    /// Parses `sign`, `int[LO,HI]` or `dyadic[B,E]`.
    static func code(_ value: JSONValue, at pointer: JSONPointer, context: ReadingContext) throws(KernelError) -> ParameterCode {
        let text = try Fields.string(value, at: pointer)
        func malformed(_ expected: String) -> KernelError {
            .malformed(pointer: pointer, expected: expected, found: "\"\(Fields.shorten(text))\"")
        }
        if text == "sign" { return .sign }
        for prefix in ["int[", "dyadic["] where text.hasPrefix(prefix) && text.hasSuffix("]") {
            let inner = text.dropFirst(prefix.count).dropLast()
            let parts = inner.split(separator: ",", omittingEmptySubsequences: false)
            guard parts.count == 2 else { break }
            let a: BigInt, b: BigInt
            do {
                a = try BigInt(parsing: parts[0], digitLimit: context.limits.maximumDigits)
                b = try BigInt(parsing: parts[1], digitLimit: context.limits.maximumDigits)
            } catch {
                if case .tooManyDigits(let limit) = error.reason {
                    throw .limitExceeded(pointer: pointer, limit: .digits, value: "more than \(limit)", maximum: .raisable(limit))
                }
                break
            }
            if prefix == "int[" {
                guard a <= b else { throw malformed("an integer range with LO <= HI") }
                return .integer(lowerBound: a, upperBound: b)
            }
            guard let bits = a.intValue, let exponent = b.intValue, (0...1_000_000).contains(bits), (0...1_000_000).contains(exponent)
            else { throw malformed("dyadic[B,E] with 0 <= B, E <= 1000000") }
            return .dyadic(mantissaBits: bits, maximumExponent: exponent)
        }
        throw malformed("a code: \"sign\", \"int[LO,HI]\" or \"dyadic[B,E]\"")
    }
}
