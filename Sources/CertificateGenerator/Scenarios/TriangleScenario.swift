import CertificateKernel
import DyadicConstructions
import DyadicFunctions
import ExactArithmetic

/// `triangle`: how well Heaviside networks with P first-layer units approximate the
/// triangle wave T^(n) with 2^(n-1) teeth (MATH.md sec. 8, 9). A lower bound for every
/// step function with at most P breakpoints (Lemma T: the strict greedy at t = 1/k makes
/// k 2^n intervals), and an explicit one-layer network built from the non-strict greedy
/// at t' = 1/k' whose sup distance is certified from above.
public struct TriangleScenario: Scenario {
    public let teeth: Int
    public let units: Int

    public init(teeth: Int, units: Int) throws {
        guard teeth >= 1, teeth <= 1 << 16, teeth & (teeth - 1) == 0 else {
            throw GeneratorError("--teeth must be a power of two up to 65536")
        }
        guard (0...(1 << 20)).contains(units) else { throw GeneratorError("--units must be between 0 and 2^20") }
        self.teeth = teeth
        self.units = units
    }

    public func certificate() throws -> CertificateBuilder {
        let n = teeth.trailingZeroBitCount + 1 // T^(n) has 2^(n-1) teeth
        let segments = 1 << n // monotone segments of height 1
        let g = try PiecewiseLinear.triangleWave(n)
        let P = units
        let k = (P + 1) / segments + 1 // strict greedy at t = 1/k: k * 2^n > P + 1 intervals
        let t = try Rational(1, k)
        let lowerCount = try GreedyPartition.strict(g, threshold: t).intervalCount
        guard lowerCount > P + 1 else { throw GeneratorError("internal: strict greedy count \(lowerCount) <= P + 1") }
        let kPrime = P / segments + 1 // non-strict greedy at t' = 1/k' has (k' - 1) 2^n breakpoints
        let tPrime = try Rational(1, kPrime)
        let s = try GreedyPartition.nonStrict(g, threshold: tPrime).stepFunction
        guard s.breakpointCount <= P else {
            throw GeneratorError("internal: the greedy approximation has \(s.breakpointCount) > \(P) breakpoints")
        }
        let upper = g.supDistance(to: s).value
        let lower = t.timesPowerOfTwo(-1)
        // A constant approximation needs no network (and a network has at least one unit).
        let network = s.breakpointCount > 0 ? try NetworkBuilder.oneLayer(realising: [s]) : nil

        var b = CertificateBuilder(
            description: """
                The triangle wave T^(\(n)) (\(teeth) teeth, slopes +-2^\(n)) against Heaviside networks with at most P = \(P) \
                first-layer units: every step function with at most \(P) breakpoints is at least \(lower) away (Lemma T; by Lemma N1 \
                this covers every such network), and \(network == nil ? "the constant 1/2" : "an explicit one-layer network with \(s.breakpointCount) first-layer units") \
                reaches \(upper).
                """)
        b.triangleWave("g", order: n)
        b.stepFunction("s", breakpoints: s.breakpoints, values: s.values)
        b.stepApproxLower(
            "lower",
            "The strict greedy at t = \(t) makes \(lowerCount) intervals > P + 1 = \(P + 1): no step function with <= \(P) breakpoints (no network with <= \(P) first-layer units) is within \(lower).",
            function: "g", maxBreakpoints: P, threshold: t, distanceAtLeast: lower)
        b.supDistance(
            "upper",
            "The non-strict greedy at t' = \(tPrime) gives a step function with \(s.breakpointCount) breakpoints, (max + min)/2 on each piece.",
            f: "g", g: "s", .lessOrEqual, upper)
        let withinBudget = network.map { addNetwork($0, to: &b, n: n, upper: upper, P: P) } ?? false
        // The bracket needs an approximant with at most P units: the explicit network, whose
        // first-layer width the kernel counts (network-bits), held against P. Without codes
        // the kernel counts nothing, and there is no bracket; a constant needs no units.
        if network == nil || withinBudget {
            let approximant = network == nil ? "upper" : "network-upper"
            let meaning = network == nil ? [String]() : ["network-upper", "network-within-budget"]
            b.bits(
                "bracket",
                (lower == upper
                    ? "Upper and lower bound meet: \(upper) is the optimal error with at most \(P) units"
                    : "The optimal error with at most \(P) units lies in [\(lower), \(upper)]")
                    + (network == nil
                        ? " (the constant needs no units)."
                        : ": the explicit network has at most \(P) first-layer units and is within \(upper), no network with at most \(P) is within less than \(lower)."),
                uses: (meaning.isEmpty ? ["upper"] : meaning) + ["lower"],
                terms: [
                    Term(
                        approximant, .distance, 1,
                        meaning: Meaning(measure: .supDistance, subject: network == nil ? ["g", "s"] : ["g", "net-output"])),
                    Term(
                        "lower", .distance, -1,
                        meaning: Meaning(measure: .stepApproximationError, subject: ["g"], maxBreakpoints: BigInt(P))),
                ], .lessOrEqual, upper - lower)
        }
        return b
    }

    /// The explicit network for s and its claims; returns whether the kernel is asked to
    /// confirm that it has at most P first-layer units (only when its parameters have codes).
    private func addNetwork(_ network: HeavisideNetwork, to b: inout CertificateBuilder, n: Int, upper: Rational, P: Int) -> Bool {
        // Codes exist only when every parameter is an integer or dyadic (the greedy's
        // thresholds are k/(k' 2^n), which is dyadic only for k' a power of two).
        let codes = TriangleScenario.uniformCodes(network)
        var bits = BigInt.zero
        for (l, layer) in network.layers.enumerated() {
            for unit in layer { bits += (codes?.weight[l].bitLength ?? 0) * BigInt(unit.weights.count) + (codes?.bias[l].bitLength ?? 0) }
        }
        let layers = network.layers.enumerated().map { l, layer in
            NetworkLayerForm(units: layer, weightCode: codes?.weight[l].text, biasCode: codes?.bias[l].text)
        }
        b.heavisideNetwork("net", layers: layers)
        b.networkOutput("net-output", network: "net", output: 0)
        b.networkRealises(
            "network-computes-s", "The network s(0) + sum_i (s_i - s_{i-1}) H(x - t_i) computes s exactly.", network: "net",
            functions: ["s"], outputs: 1)
        b.supDistance(
            "network-upper", "So the network with \(network.firstLayerWidth) first-layer units is within \(upper) of T^(\(n)).",
            uses: ["network-computes-s"], f: "g", g: "net-output", .lessOrEqual, upper)
        guard codes != nil else { return false }
        b.networkBits(
            "network-size", "Per layer one code for all weights and one for all biases.", network: "net", bits: bits,
            units: network.unitCount, firstLayerUnits: network.firstLayerWidth)
        b.bits(
            "network-within-budget", "The explicit network has at most P = \(P) first-layer units (the kernel counts them).",
            uses: ["network-size"],
            terms: [Term("network-size", .firstLayerUnits, 1, meaning: Meaning(measure: .firstLayerUnits, subject: ["net"]))],
            .lessOrEqual, Rational(P))
        return true
    }

    /// Codes per layer: `sign` when every weight is +-1, otherwise the smallest
    /// dyadic[B,E] (or int[lo,hi]) that admits every value.
    static func uniformCodes(_ network: HeavisideNetwork) -> (weight: [CodeChoice], bias: [CodeChoice])? {
        var weights: [CodeChoice] = [], biases: [CodeChoice] = []
        for layer in network.layers {
            guard let w = CodeChoice.smallest(for: layer.flatMap(\.weights)), let b = CodeChoice.smallest(for: layer.map(\.bias)) else {
                return nil
            }
            weights.append(w)
            biases.append(b)
        }
        return (weights, biases)
    }
}

/// A parameter code with its certificate text.
struct CodeChoice {
    let code: ParameterCode
    let text: String
    var bitLength: BigInt? { code.bitLength }

    /// The smallest code of its kind that admits every value; nil when some value is
    /// neither an integer nor dyadic (no code of MATH.md sec. 8 fits it).
    static func smallest(for values: [Rational]) -> CodeChoice? {
        if !values.isEmpty && values.allSatisfy({ $0 == 1 || $0 == -1 }) { return CodeChoice(code: .sign, text: "sign") }
        if values.allSatisfy(\.isInteger) {
            let lo = values.map(\.numerator).min() ?? 0, hi = values.map(\.numerator).max() ?? 0
            return CodeChoice(code: .integer(lowerBound: lo, upperBound: hi), text: "int[\(lo),\(hi)]")
        }
        guard values.allSatisfy({ $0.denominator.isPowerOfTwo }) else { return nil }
        let exponent = values.map { $0.denominator.bitLength - 1 }.max() ?? 0
        let bits = values.map { $0.numerator.magnitude.bitLength }.max() ?? 0
        return CodeChoice(code: .dyadic(mantissaBits: bits, maximumExponent: exponent), text: "dyadic[\(bits),\(exponent)]")
    }
}
