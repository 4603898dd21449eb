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

    /// A target as the comparison needs it.
    enum Target: Sendable {
        case packed(PackedSignFunction)
        case step(StepFunction)

        /// Whether the target equals v almost everywhere on [a, b).
        func isConstant(_ v: Rational, on a: Rational, _ b: Rational) -> Bool {
            switch self {
            case .packed(let p):
                // Cells of [a, b) within [0, 1); anything else is not equal (never assumed).
                guard v == 1 || v == -1, let first = a.timesPowerOfTwo(p.level).floor.intValue,
                    let end = b.timesPowerOfTwo(p.level).ceiling.intValue, first >= 0, end <= 1 << p.level
                else { return false }
                let last = end - 1
                let negative = v == -1
                for c in first...max(first, last) where p.isNegative(cell: c) != negative { return false }
                return true
            case .step(let f):
                var i = f.pieceIndex(containing: a)
                while true {
                    if f.values[i] != v { return false }
                    if f.breakpoints[i + 1] >= b { return true }
                    i += 1
                }
            }
        }

        /// The target's value at the start of [a, b) (for messages).
        func value(at a: Rational) -> Rational {
            switch self {
            case .packed(let p):
                guard let cell = a.timesPowerOfTwo(p.level).floor.intValue else {
                    preconditionFailure("a point of [0, 1) times 2^level (level <= 62) is a cell index")
                }
                return Rational(p.value(cell: cell))
            case .step(let f): return f.values[f.pieceIndex(containing: a)]
            }
        }
    }

    struct Claim {
        let network: Located<HeavisideNetwork>
        /// The targets, one per output.
        let functions: Located<[KernelFunction]>
        /// The stated number of outputs.
        let outputs: Located<Int>
    }

    static func decode(_ claim: CertificateDocument.ClaimEntry, _ context: CheckContext) throws(KernelError) -> Claim {
        let networkPointer = claim.inputs.pointer.appending("network")
        let net = try context.objects.network(try claim.inputs.value("network"), at: networkPointer)
        let functionsPointer = claim.inputs.pointer.appending("functions")
        let targets = try context.objects.functions(
            try claim.inputs.array("functions", what: "an array of function names"), at: functionsPointer)
        let stated = try claim.statement.integer("outputs", in: 0...Int(Int32.max))
        return Claim(
            network: Located(value: net.network, pointer: networkPointer), functions: Located(value: targets, pointer: functionsPointer),
            outputs: Located(value: stated, pointer: claim.statement.pointer.appending("outputs")))
    }

    /// Compares the outputs with the targets piece by piece. The work is charged here,
    /// after the counts are compared, as before the rule was typed (a claim with the
    /// wrong number of outputs fails without being charged the sweep).
    static func check(_ claim: Claim, _ context: CheckContext) throws(KernelError) -> RuleResult {
        let (network, targets, stated, functionsPointer) = (
            claim.network.value, claim.functions.value, claim.outputs.value, claim.functions.pointer
        )
        let summary = "the network's \(network.outputCount) outputs equal the \(targets.count) given functions"
        guard stated == network.outputCount else {
            return .fails(
                summary, "the network has \(network.outputCount) outputs", expected: "outputs = \(stated)",
                computed: "\(network.outputCount) outputs",
                at: claim.outputs.pointer)
        }
        guard targets.count == network.outputCount else {
            return .fails(
                summary, "\(targets.count) functions are given for \(network.outputCount) outputs",
                expected: "\(network.outputCount) functions", computed: "\(targets.count) functions", at: functionsPointer)
        }
        let prepared: [Target] = targets.map { f in
            if case .packed(let p) = f { return .packed(p) }
            return .step(f.stepFunction)
        }
        let evaluator = NetworkEvaluator(network)
        let cuts = evaluator.pieceBoundaries
        try context.readingContext.chargeWork(
            ReadingContext.product(cuts.count - 1, evaluator.costPerPoint + targets.count), at: claim.network.pointer)
        if let (piece, d, a, b, value) = firstMismatch(network, evaluator, cuts, prepared) {
            return .fails(
                summary, "output \(d) differs from function \(d) on the piece [\(a), \(b)) (piece \(piece) of Lemma N1)",
                expected: "f_\(d) = \(prepared[d].value(at: a)) on [\(a), \(b))", computed: "network output \(d) = \(value)",
                at: functionsPointer.appending(d))
        }
        return .holds(summary)
    }

    /// The first piece and output where the network and the targets differ (one sweep
    /// over the pieces, DyadicFunctions' NetworkEvaluator.firstMismatch).
    static func firstMismatch(_ network: HeavisideNetwork, _ evaluator: NetworkEvaluator, _ cuts: [Rational], _ targets: [Target]) -> (
        Int, Int, Rational, Rational, Rational
    )? {
        let found = evaluator.firstMismatch(
            with: targets.map { t -> NetworkEvaluator.Target in
                switch t {
                case .packed(let p): return .packed(p)
                case .step(let f): return .step(f)
                }
            })
        return found.map { ($0.piece, $0.output, $0.start, $0.end, $0.value) }
    }
}
