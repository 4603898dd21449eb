import CertificateKernel
import ExactArithmetic
import ExactLinearAlgebra

/// `relu-interpolates`: a shallow ReLU network fits data (X, Y) exactly, or within a
/// stated rational sup error (MATH.md sec. 11, exact evaluation).
///
/// Inputs: `network`, `data`, optional `tolerance` (>= 0, default 0). Statement:
/// optional `sup-error` (must equal the computed max_{d,i} |f(x_i)[d] - Y[d][i]|).
/// Establishes nothing. Check: `Interpolation.check`.
enum ReLUInterpolatesRule: TypedRule {
    static let declaration = RuleDeclaration.reluInterpolates

    struct Claim {
        let network: Located<(name: String, value: ShallowReLUNetwork)>
        let data: (name: String, value: KernelReLUData)
        /// The allowed sup error (0: exact interpolation).
        let tolerance: Rational
        let statedSupError: Located<Rational>?
        /// Where matrix-work errors are located (the claim's inputs).
        let inputs: JSONPointer
    }

    static func decode(_ claim: CertificateDocument.ClaimEntry, _ context: CheckContext) throws(KernelError) -> Claim {
        let m = MatrixInputs(claim.inputs, context)
        let network = try m.network(), data = try m.data()
        let tolerance = claim.inputs.has("tolerance") ? try claim.inputs.rational("tolerance") : Rational.zero
        guard tolerance.signum >= 0 else {
            throw .malformed(pointer: m.at("tolerance"), expected: "a non-negative number", found: tolerance.description)
        }
        let stated = try claim.statement.optionalLocated("sup-error", claim.statement.rational)
        try m.checkOutputs(network.value, data.value)
        try m.checkInputs(network.value, data.value)
        try m.charge(network.value.units, network.value.inputDimension + network.value.outputDimension, data.value.inputs.columns)
        return Claim(
            network: Located(value: network, pointer: m.at("network")), data: data, tolerance: tolerance, statedSupError: stated,
            inputs: claim.inputs.pointer)
    }

    static func check(_ claim: Claim, _ context: CheckContext) throws(KernelError) -> RuleResult {
        let (network, data, tolerance, limits) = (claim.network.value.value, claim.data.value, claim.tolerance, context.limits.matrixLimits)
        let result = try context.matrixWork(at: claim.inputs) { () throws(MatrixError) in
            try Interpolation.check(network: network, data: data.inputs, targets: data.targets, tolerance: tolerance, limits: limits)
        }
        let (networkName, dataName) = (claim.network.value.name, claim.data.name)
        let summary =
            tolerance.isZero ? "\(networkName) interpolates \(dataName) exactly" : "\(networkName) fits \(dataName) within \(tolerance)"
        if !result.holds, let d = result.worstOutput, let i = result.worstPoint, let f = result.networkValue, let y = result.targetValue {
            return .fails(
                summary, "output \(d) at point \(i): network \(f), target \(y); sup error \(result.supError) > \(tolerance)",
                expected: "sup error <= \(tolerance)", computed: "sup error \(result.supError)", at: claim.network.pointer)
        }
        if let stated = claim.statedSupError,
            let failure = stated.mismatch(result.supError, summary, "the sup error is \(result.supError), not \(stated.value)")
        {
            return failure
        }
        return .holds(summary)
    }
}

/// `weight-decay`: the exact weight decay WD = (1/2) sum_k (||v_k||^2 + ||w_k||^2) and
/// rational bounds on the path norm R = sum_k ||v_k|| ||w_k|| (Lemmas RS, WD).
///
/// Inputs: `network`; optional `path-norm-upper` (K numbers u_k: u_k >= 0 and
/// u_k^2 >= ||v_k||^2 ||w_k||^2) and `path-norm-lower` (K numbers l_k: l_k <= 0 or
/// l_k^2 <= ||v_k||^2 ||w_k||^2). Statement: `weight-decay` (exact); optional `balanced`
/// ("yes" iff ||v_k||^2 = ||w_k||^2 for all k), `path-norm-upper-bound` (= sum u_k),
/// `path-norm-lower-bound` (= sum l_k). Establishes `weight-decay` exactly and
/// `path-norm` in [max(0, sum l_k), min(WD, sum u_k)] (R = WD when balanced, Lemma WD).
enum WeightDecayRule: TypedRule {
    static let declaration = RuleDeclaration.weightDecay

    struct Claim {
        let network: (name: String, value: ShallowReLUNetwork)
        /// The per-unit bounds u_k and l_k on ||v_k|| ||w_k||, if given.
        let upper: Located<[Rational]>?, lower: Located<[Rational]>?
        let weightDecay: Located<Rational>
        let balanced: Located<Bool>?
        /// The stated sum_k u_k and sum_k l_k, if stated.
        let upperBound: Located<Rational>?, lowerBound: Located<Rational>?
        /// Where matrix-work errors are located (the claim's inputs).
        let inputs: JSONPointer
    }

    static func decode(_ claim: CertificateDocument.ClaimEntry, _ context: CheckContext) throws(KernelError) -> Claim {
        let m = MatrixInputs(claim.inputs, context)
        let network = try m.network()
        let K = network.value.units
        let upper = try claim.inputs.optionalLocated("path-norm-upper", m.rationals(count: K, what: "one bound u_k per unit"))
        let lower = try claim.inputs.optionalLocated("path-norm-lower", m.rationals(count: K, what: "one bound l_k per unit"))
        let s = claim.statement
        let statedWD = try s.located("weight-decay", s.rational)
        let statedBalanced = try s.optionalLocated("balanced", s.yesNo)
        let statedUpper = try s.optionalLocated("path-norm-upper-bound", s.rational)
        let statedLower = try s.optionalLocated("path-norm-lower-bound", s.rational)
        for (bound, list, which) in [(statedUpper, upper, "upper"), (statedLower, lower, "lower")] where list == nil {
            if let bound {
                throw .malformed(
                    pointer: bound.pointer, expected: "no path-norm-\(which)-bound without the input path-norm-\(which)", found: "a bound")
            }
        }
        try m.charge(K, network.value.inputDimension + network.value.outputDimension)
        return Claim(
            network: network, upper: upper, lower: lower, weightDecay: statedWD, balanced: statedBalanced, upperBound: statedUpper,
            lowerBound: statedLower, inputs: claim.inputs.pointer)
    }

    static func check(_ claim: Claim, _ context: CheckContext) throws(KernelError) -> RuleResult {
        let (name, network, limits) = (claim.network.name, claim.network.value, context.limits.matrixLimits)
        let r = try context.matrixWork(at: claim.inputs) { () throws(MatrixError) in
            try WeightDecay.check(network: network, upperBounds: claim.upper?.value, lowerBounds: claim.lower?.value, limits: limits)
        }
        let statedWD = claim.weightDecay.value
        let summary = "WD(\(name)) = \(statedWD)"
        if let failure = boundViolation(r, summary, upper: claim.upper, lower: claim.lower) { return failure }
        if let failure = claim.weightDecay.mismatch(r.weightDecay, summary, "the weight decay is \(r.weightDecay)") { return failure }
        if let stated = claim.balanced, stated.value != r.isBalanced {
            let why =
                r.firstUnbalancedUnit.map {
                    "unit \($0) has ||v_k||^2 = \(r.outputWeightSquaredNorms[$0]) and ||w_k||^2 = \(r.inputWeightSquaredNorms[$0])"
                } ?? "||v_k||^2 = ||w_k||^2 for every unit"
            return .fails(
                summary, "the network is \(r.isBalanced ? "" : "not ")balanced: \(why)", expected: stated.value ? "yes" : "no",
                computed: r.isBalanced ? "yes" : "no",
                at: stated.pointer)
        }
        for (stated, sum, b) in [(claim.upperBound, r.pathNormUpperBound, "u"), (claim.lowerBound, r.pathNormLowerBound, "l")] {
            if let stated, let sum, let failure = stated.mismatch(sum, summary, "sum_k \(b)_k is \(sum)") { return failure }
        }
        // Lemma WD: R <= WD, with equality when balanced; R >= 0.
        var high = r.weightDecay
        if let u = r.pathNormUpperBound, u < high { high = u }
        var low = r.isBalanced ? r.weightDecay : Rational.zero
        if let l = r.pathNormLowerBound, l > low { low = l }
        return .holds(
            summary + (r.isBalanced ? " (balanced: R = WD)" : ""),
            [
                Fact(.weightDecay, Meaning(measure: .weightDecay, subject: [name]), .exact(r.weightDecay)),
                Fact(.pathNorm, Meaning(measure: .pathNorm, subject: [name]), Quantity(lower: low, upper: high)),
            ])
    }

    /// The failed verdict when a given u_k is not an upper bound or l_k not a lower bound
    /// on ||v_k|| ||w_k|| (decided on squares), at that bound.
    static func boundViolation(_ r: WeightDecay.Result, _ summary: String, upper: Located<[Rational]>?, lower: Located<[Rational]>?)
        -> RuleResult?
    {
        // Each kind of bound: its violation, the stated bounds, their letter, what they bound,
        // and the condition a bound b_k must meet.
        let kinds = [
            (r.upperViolation, upper, "u", "an upper", ">= 0 and u_k^2 >="), (r.lowerViolation, lower, "l", "a lower", "<= 0 or l_k^2 <="),
        ]
        for case (let v?, let bounds?, let b, let kind, let condition) in kinds {
            let (v2, w2) = (v.outputWeightSquaredNorm, v.inputWeightSquaredNorm)
            return .fails(
                summary, "\(b)_\(v.unit) = \(v.bound) is not \(kind) bound on ||v_k|| ||w_k||: ||v_k||^2 = \(v2), ||w_k||^2 = \(w2)",
                expected: "\(b)_k \(condition) \(v2 * w2)", computed: "\(b)_k^2 = \(v.bound * v.bound)",
                at: bounds.pointer.appending(v.unit))
        }
        return nil
    }
}

/// `neuron-sharing`: the active units of a network (v_k != 0 and (w_k, b_k) != 0), the
/// units each output uses (V[d][k] != 0) and the units shared by two or more outputs,
/// all by exact zero tests (MATH.md sec. 11).
///
/// Inputs: `network`. Statement: `active-units`, `shared-units`; optional
/// `units-per-output` (D counts) and `active` (the active unit indices, ascending).
/// Establishes `units` (active units) and `shared-units`, exactly.
enum NeuronSharingRule: TypedRule {
    static let declaration = RuleDeclaration.neuronSharing

    struct Claim {
        let name: String
        /// The network's sharing structure, read off its weights by exact zero tests.
        let sharing: NeuronSharing
        let activeUnits: Located<Int>, sharedUnits: Located<Int>
        /// The stated number of units each output uses (D counts), if stated.
        let unitsPerOutput: Located<[Int]>?
        /// The stated active unit indices, ascending, if stated.
        let active: Located<[Int]>?
    }

    static func decode(_ claim: CertificateDocument.ClaimEntry, _ context: CheckContext) throws(KernelError) -> Claim {
        let m = MatrixInputs(claim.inputs, context)
        let network = try m.network()
        let s = claim.statement
        let statedActive = try s.located("active-units", s.count), statedShared = try s.located("shared-units", s.count)
        let perOutput = try s.optionalLocated("units-per-output", s.counts), active = try s.optionalLocated("active", s.counts)
        try m.charge(network.value.units, network.value.inputDimension + network.value.outputDimension)
        let sharing = NeuronSharing(network: network.value), D = network.value.outputDimension
        // A list without D counts is malformed; a false active or shared count is reported
        // before it (the check's order, which earlier versions kept by deferring this error).
        if let perOutput, perOutput.value.count != D, statedActive.value == sharing.activeCount, statedShared.value == sharing.sharedCount {
            throw .malformed(pointer: perOutput.pointer, expected: "\(D) counts (one per output)", found: "\(perOutput.value.count) counts")
        }
        return Claim(
            name: network.name, sharing: sharing, activeUnits: statedActive, sharedUnits: statedShared, unitsPerOutput: perOutput,
            active: active)
    }

    static func check(_ claim: Claim, _ context: CheckContext) throws(KernelError) -> RuleResult {
        let (name, sharing, statedActive, statedShared) = (claim.name, claim.sharing, claim.activeUnits.value, claim.sharedUnits.value)
        let summary = "\(name): \(statedActive) active units, \(statedShared) shared"
        if let failure = claim.activeUnits.mismatch(sharing.activeCount, summary, "\(sharing.activeCount) units are active") {
            return failure
        }
        if let failure = claim.sharedUnits.mismatch(
            sharing.sharedCount, summary, "\(sharing.sharedCount) units are used by two or more outputs")
        {
            return failure
        }
        if let perOutput = claim.unitsPerOutput {
            let counts = sharing.unitsUsedByOutput.map(\.count)
            if let d = counts.indices.first(where: { counts[$0] != perOutput.value[$0] }) {
                return .fails(
                    summary, "output \(d) uses \(counts[d]) units", expected: String(perOutput.value[d]), computed: String(counts[d]),
                    at: perOutput.pointer.appending(d))
            }
        }
        if let stated = claim.active, stated.value != sharing.activeUnits {
            let activeList = stated.value
            let first =
                zip(activeList, sharing.activeUnits).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                ?? min(activeList.count, sharing.activeUnits.count)
            return .fails(
                summary, "the active units differ at position \(first)", expected: activeList.map(String.init).joined(separator: ","),
                computed: sharing.activeUnits.map(String.init).joined(separator: ","), at: stated.pointer)
        }
        return .holds(
            summary,
            [
                Fact(.units, Meaning(measure: .activeUnits, subject: [name]), .exact(sharing.activeCount)),
                Fact(.sharedUnits, Meaning(measure: .sharedUnits, subject: [name]), .exact(sharing.sharedCount)),
            ])
    }
}

/// `width-from-rank`: every shallow ReLU network interpolating (X, Y) has at least
/// rank(Y) - 1 units, and one with output bias c at least rank(Y - c 1^T) (Lemma RW).
///
/// Inputs: `data`; optional `network` (then its output bias c). Statement: `rank`
/// (rank(Y)), `width-lower` (max(rank(Y) - 1, 0)); with `network`, `centred-rank`
/// (rank(Y - c 1^T)), and the network's active units must be at least that. Establishes
/// `rank` exactly and `width-lower` for every interpolating network.
enum WidthFromRankRule: TypedRule {
    static let declaration = RuleDeclaration.widthFromRank

    struct Claim {
        let data: (name: String, value: KernelReLUData)
        /// The network whose output bias c centres Y, with the stated rank(Y - c 1^T); both or neither.
        let centring: Centring?
        let rank: Located<Int>, widthLower: Located<Int>
        /// Where matrix-work errors are located (the claim's inputs).
        let inputs: JSONPointer
    }

    struct Centring {
        let network: Located<(name: String, value: ShallowReLUNetwork)>
        let centredRank: Located<Int>
    }

    static func decode(_ claim: CertificateDocument.ClaimEntry, _ context: CheckContext) throws(KernelError) -> Claim {
        let m = MatrixInputs(claim.inputs, context)
        let data = try m.data()
        let network = claim.inputs.has("network") ? try m.network() : nil
        let s = claim.statement
        let statedRank = try s.located("rank", s.count), statedWidth = try s.located("width-lower", s.count)
        let statedCentred = try s.optionalLocated("centred-rank", s.count)
        guard (network == nil) == (statedCentred == nil) else {
            throw .malformed(
                pointer: s.pointer, expected: "\"centred-rank\" exactly when the inputs name a network",
                found: network == nil ? "a centred rank without a network" : "a network without a centred rank")
        }
        var centring: Centring? = nil
        if let network, let statedCentred {
            try m.checkOutputs(network.value, data.value)
            centring = Centring(network: Located(value: network, pointer: m.at("network")), centredRank: statedCentred)
        }
        let Y = data.value.targets
        try m.charge(Y.rows, Y.columns, min(Y.rows, Y.columns), network == nil ? 1 : 2)
        return Claim(data: data, centring: centring, rank: statedRank, widthLower: statedWidth, inputs: claim.inputs.pointer)
    }

    static func check(_ claim: Claim, _ context: CheckContext) throws(KernelError) -> RuleResult {
        let (dataName, Y, limits) = (claim.data.name, claim.data.value.targets, context.limits.matrixLimits)
        let (statedRank, statedWidth) = (claim.rank.value, claim.widthLower.value)
        let network = claim.centring?.network.value
        let w = try context.matrixWork(at: claim.inputs) { () throws(MatrixError) in
            try WidthFromRank(targets: Y, outputBias: network?.value.outputBias, limits: limits)
        }
        let summary = "rank(Y of \(dataName)) = \(statedRank): every interpolating shallow ReLU network has >= \(statedWidth) units"
        if let failure = claim.rank.mismatch(w.targetRank, summary, "rank(Y) is \(w.targetRank)") { return failure }
        let width = w.universalLowerBound
        if let failure = claim.widthLower.mismatch(width, summary, "Lemma RW gives max(rank(Y) - 1, 0) = \(width)") { return failure }
        if let centring = claim.centring, let centred = w.centredRank {
            let network = centring.network.value
            if let failure = centring.centredRank.mismatch(centred, summary, "rank(Y - c 1^T) is \(centred)") { return failure }
            let active = NeuronSharing(network: network.value).activeCount
            guard active >= centred else {
                return .fails(
                    summary, "\(network.name) has \(active) active units < rank(Y - c 1^T) = \(centred): it cannot interpolate \(dataName)",
                    expected: ">= \(centred) active units", computed: "\(active)", at: centring.network.pointer)
            }
        }
        return .holds(
            summary,
            [
                Fact(.rank, Meaning(measure: .rank, subject: [dataName]), .exact(w.targetRank)),
                Fact(.widthLower, Meaning(measure: .interpolatingWidth, subject: [dataName]), .atLeast(Rational(width))),
            ])
    }
}

/// `compress-preserves`: a compressed network computes exactly the outputs of the
/// original on the data, V' Phi' + c' 1^T = V Phi + c 1^T (MATH.md sec. 11, Compression).
///
/// Inputs: `original`, `compressed` (networks with the same d and D), `data` (only its
/// inputs X are used). Statement: `units-before`, `units-after` (active units).
/// Establishes `units` of the compressed network, exactly.
enum CompressPreservesRule: TypedRule {
    static let declaration = RuleDeclaration.compressPreserves

    struct Claim {
        let original: (name: String, value: ShallowReLUNetwork)
        let compressed: Located<(name: String, value: ShallowReLUNetwork)>
        /// The data; only its inputs X are used.
        let data: (name: String, value: KernelReLUData)
        /// The stated active units of the original and the compressed network.
        let unitsBefore: Located<Int>, unitsAfter: Located<Int>
        /// Where matrix-work errors are located (the claim's inputs).
        let inputs: JSONPointer
    }

    static func decode(_ claim: CertificateDocument.ClaimEntry, _ context: CheckContext) throws(KernelError) -> Claim {
        let m = MatrixInputs(claim.inputs, context)
        let original = try m.network("original"), compressed = try m.network("compressed")
        let data = try m.data()
        let s = claim.statement
        let before = try s.located("units-before", s.count), after = try s.located("units-after", s.count)
        guard compressed.value.outputDimension == original.value.outputDimension else {
            throw .malformed(
                pointer: m.at("compressed"), expected: "a network with \(original.value.outputDimension) outputs (as the original)",
                found: "\(compressed.value.outputDimension) outputs")
        }
        for (key, network) in [("original", original.value), ("compressed", compressed.value)] {
            try m.chargeFeatures(network, on: data.value, networkKey: key)
            // The outputs V Phi + c 1^T (D x N).
            try m.charge(network.outputDimension, network.units, data.value.inputs.columns)
        }
        return Claim(
            original: original, compressed: Located(value: compressed, pointer: m.at("compressed")), data: data, unitsBefore: before,
            unitsAfter: after, inputs: claim.inputs.pointer)
    }

    static func check(_ claim: Claim, _ context: CheckContext) throws(KernelError) -> RuleResult {
        let (original, compressed, X, limits) = (
            claim.original, claim.compressed.value, claim.data.value.inputs, context.limits.matrixLimits
        )
        let diff = try context.matrixWork(at: claim.inputs) { () throws(MatrixError) in
            let f = try original.value.outputs(features: try original.value.features(on: X, limits: limits), limits: limits)
            let g = try compressed.value.outputs(features: try compressed.value.features(on: X, limits: limits), limits: limits)
            return try f.firstDifference(from: g, limits: limits)
        }
        let (before, after) = (claim.unitsBefore.value, claim.unitsAfter.value)
        let summary = "\(compressed.name) (\(after) units) computes \(original.name) (\(before) units) on \(claim.data.name)"
        if let diff {
            return .fails(
                summary, "output \(diff.row) at point \(diff.column): original \(diff.left), compressed \(diff.right)",
                expected: diff.left.description, computed: diff.right.description, at: claim.compressed.pointer)
        }
        let unitsBefore = NeuronSharing(network: original.value).activeCount,
            unitsAfter = NeuronSharing(network: compressed.value).activeCount
        if let failure = claim.unitsBefore.mismatch(unitsBefore, summary, "\(original.name) has \(unitsBefore) active units") {
            return failure
        }
        if let failure = claim.unitsAfter.mismatch(unitsAfter, summary, "\(compressed.name) has \(unitsAfter) active units") {
            return failure
        }
        return .holds(summary, [Fact(.units, Meaning(measure: .activeUnits, subject: [compressed.name]), .exact(unitsAfter))])
    }
}
