import DyadicFunctions
import ExactArithmetic

/// `network-realises`: a Heaviside network computes given step functions exactly
/// (almost everywhere), checked by Lemma N1.
///
/// Inputs: `network` and `functions` (one target per output). Statement: `outputs`, the
/// number of outputs. Every output is a step function whose breakpoints lie among the
/// first-layer thresholds, so the kernel evaluates the network exactly (H(0) = 1) at one
/// interior point of each piece between consecutive thresholds and compares with the
/// targets there. Pieces are checked in parallel chunks.
enum NetworkRealisesRule: TypedRule {
    static let declaration = RuleDeclaration(
        name: .networkRealises, lemma: "Lemma N1 (MATH.md sec. 8)",
        inputs: ["network", "functions"], statement: ["outputs"])

    struct Claim {
        let network: Located<KernelNetwork>
        /// The targets, one per output.
        let functions: Located<[KernelFunction]>
        /// The stated number of outputs.
        let outputs: Located<Int>
    }

    static func decode(_ claim: CertificateDocument.ClaimEntry, _ context: CheckContext) throws(KernelError) -> Claim {
        Claim(
            network: try claim.inputs.located("network", context.objects.network),
            functions: try claim.inputs.located("functions", context.objects.functions),
            outputs: try claim.statement.located("outputs", claim.statement.integer(in: 0...Int(Int32.max))))
    }

    /// Compares the outputs with the targets piece by piece. The work is charged here,
    /// after the counts are compared, as before the rule was typed (a claim with the
    /// wrong number of outputs fails without being charged the sweep).
    static func check(_ claim: Claim, _ context: CheckContext) throws(KernelError) -> RuleResult {
        let (network, targets, stated, functionsPointer) = (
            claim.network.value.network, claim.functions.value, claim.outputs.value, claim.functions.pointer
        )
        let summary = "the network's \(network.outputCount) outputs equal the \(targets.count) given functions"
        guard stated == network.outputCount else {
            return .fails(
                summary, "the network has \(network.outputCount) outputs", expected: "outputs = \(stated)",
                computed: "\(network.outputCount) outputs", at: claim.outputs.pointer)
        }
        guard targets.count == network.outputCount else {
            return .fails(
                summary, "\(targets.count) functions are given for \(network.outputCount) outputs",
                expected: "\(network.outputCount) functions", computed: "\(targets.count) functions", at: functionsPointer)
        }
        let evaluator = NetworkEvaluator(network)
        let prepared = targets.map { f -> NetworkEvaluator.Target in
            if case .packed(let p) = f { return .packed(p) }
            return .step(f.stepFunction)
        }
        let sweep = evaluator.sweepWork(readingPerPiece: targets.count)
        try context.readingContext.chargeWork(.saturatingSum(sweep, NetworkEvaluator.comparisonWork(prepared)), at: claim.network.pointer)
        if !evaluator.runsOnIntegers {
            try context.readingContext.chargeGrowth(steps: sweep, numberBits: NumberSizes.sweepBits(network), at: claim.network.pointer)
        }
        if let m = evaluator.firstMismatch(with: prepared) {
            let (from, to, target) = firstDifference(targets[m.output].stepFunction, from: m.start, to: m.end, network: m.value)
            return .fails(
                summary,
                "output \(m.output) differs from function \(m.output) on the piece [\(m.start), \(m.end)) (piece \(m.piece) of Lemma N1)",
                expected: "f_\(m.output) = \(target) on [\(from), \(to))",
                computed: "network output \(m.output) = \(m.value)", at: functionsPointer.appending(m.output))
        }
        return .holds(summary)
    }

    /// The first piece of f inside [start, end) where f is not the network's value there,
    /// with f's value on it: the network is constant on a piece of Lemma N1, and f may
    /// change inside one, so f's value at `start` alone may equal the network's. Only the
    /// failure's message reads this.
    static func firstDifference(_ f: StepFunction, from start: Rational, to end: Rational, network value: Rational)
        -> (from: Rational, to: Rational, value: Rational)
    {
        var i = f.pieceIndex(containing: start)
        while f.values[i] == value, i + 1 < f.values.count, f.breakpoints[i + 1] < end { i += 1 }
        return (max(f.breakpoints[i], start), min(f.breakpoints[i + 1], end), f.values[i])
    }
}
