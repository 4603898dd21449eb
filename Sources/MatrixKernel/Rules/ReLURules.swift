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
        let stated = claim.statement.has("sup-error") ? try claim.statement.rational("sup-error") : nil
        try m.checkOutputs(network.value, data.value)
        guard data.value.inputs.rows == network.value.inputDimension else {
            throw .malformed(
                pointer: m.at("network"),
                expected: "a network with \(data.value.inputs.rows) inputs (the data's points have dimension \(data.value.inputs.rows))",
                found: "a network with \(network.value.inputDimension) inputs")
        }
        try m.charge(network.value.units, network.value.inputDimension + network.value.outputDimension, data.value.inputs.columns)
        return Claim(
            network: Located(value: network, pointer: m.at("network")), data: data, tolerance: tolerance,
            statedSupError: stated.map { Located(value: $0, pointer: claim.statement.pointer.appending("sup-error")) },
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
        if let stated = claim.statedSupError, stated.value != result.supError {
            return .fails(
                summary, "the sup error is \(result.supError), not \(stated.value)", expected: stated.value.description,
                computed: result.supError.description,
                at: stated.pointer)
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
        let upper = claim.inputs.has("path-norm-upper") ? try m.rationals("path-norm-upper", count: K, what: "one bound u_k per unit") : nil
        let lower = claim.inputs.has("path-norm-lower") ? try m.rationals("path-norm-lower", count: K, what: "one bound l_k per unit") : nil
        let s = claim.statement.pointer
        let statedWD = try claim.statement.rational("weight-decay")
        let statedBalanced = try claim.statement.optionalYesNo("balanced")
        let statedUpper = claim.statement.has("path-norm-upper-bound") ? try claim.statement.rational("path-norm-upper-bound") : nil
        let statedLower = claim.statement.has("path-norm-lower-bound") ? try claim.statement.rational("path-norm-lower-bound") : nil
        if statedUpper != nil, upper == nil {
            throw .malformed(
                pointer: s.appending("path-norm-upper-bound"), expected: "no path-norm-upper-bound without the input path-norm-upper",
                found: "a bound")
        }
        if statedLower != nil, lower == nil {
            throw .malformed(
                pointer: s.appending("path-norm-lower-bound"), expected: "no path-norm-lower-bound without the input path-norm-lower",
                found: "a bound")
        }
        try m.charge(K, network.value.inputDimension + network.value.outputDimension)
        func located<V>(_ value: V?, _ key: String, _ base: JSONPointer) -> Located<V>? {
            value.map { Located(value: $0, pointer: base.appending(key)) }
        }
        return Claim(
            network: network, upper: located(upper, "path-norm-upper", m.fields.pointer),
            lower: located(lower, "path-norm-lower", m.fields.pointer),
            weightDecay: Located(value: statedWD, pointer: s.appending("weight-decay")), balanced: located(statedBalanced, "balanced", s),
            upperBound: located(statedUpper, "path-norm-upper-bound", s), lowerBound: located(statedLower, "path-norm-lower-bound", s),
            inputs: claim.inputs.pointer)
    }

    static func check(_ claim: Claim, _ context: CheckContext) throws(KernelError) -> RuleResult {
        let (name, network, limits) = (claim.network.name, claim.network.value, context.limits.matrixLimits)
        let r = try context.matrixWork(at: claim.inputs) { () throws(MatrixError) in
            try WeightDecay.check(network: network, upperBounds: claim.upper?.value, lowerBounds: claim.lower?.value, limits: limits)
        }
        let statedWD = claim.weightDecay.value
        let summary = "WD(\(name)) = \(statedWD)"
        if let failure = boundViolation(r, summary, upper: claim.upper, lower: claim.lower) { return failure }
        guard statedWD == r.weightDecay else {
            return .fails(
                summary, "the weight decay is \(r.weightDecay)", expected: statedWD.description, computed: r.weightDecay.description,
                at: claim.weightDecay.pointer)
        }
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
        if let stated = claim.upperBound, let computed = r.pathNormUpperBound, stated.value != computed {
            return .fails(
                summary, "sum_k u_k is \(computed)", expected: stated.value.description, computed: computed.description, at: stated.pointer)
        }
        if let stated = claim.lowerBound, let computed = r.pathNormLowerBound, stated.value != computed {
            return .fails(
                summary, "sum_k l_k is \(computed)", expected: stated.value.description, computed: computed.description, at: stated.pointer)
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
        if let v = r.upperViolation, let upper {
            return .fails(
                summary,
                "u_\(v.unit) = \(v.bound) is not an upper bound on ||v_k|| ||w_k||: ||v_k||^2 = \(v.outputWeightSquaredNorm), ||w_k||^2 = \(v.inputWeightSquaredNorm)",
                expected: "u_k >= 0 and u_k^2 >= \(v.outputWeightSquaredNorm * v.inputWeightSquaredNorm)",
                computed: "u_k^2 = \(v.bound * v.bound)",
                at: upper.pointer.appending(v.unit))
        }
        if let v = r.lowerViolation, let lower {
            return .fails(
                summary,
                "l_\(v.unit) = \(v.bound) is not a lower bound on ||v_k|| ||w_k||: ||v_k||^2 = \(v.outputWeightSquaredNorm), ||w_k||^2 = \(v.inputWeightSquaredNorm)",
                expected: "l_k <= 0 or l_k^2 <= \(v.outputWeightSquaredNorm * v.inputWeightSquaredNorm)",
                computed: "l_k^2 = \(v.bound * v.bound)",
                at: lower.pointer.appending(v.unit))
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
        let network: (name: String, value: ShallowReLUNetwork)
        let activeUnits: Located<Int>, sharedUnits: Located<Int>
        /// The stated number of units each output uses, if stated; a list without D counts
        /// is malformed, an error thrown only after the active and shared counts are judged.
        let unitsPerOutput: Result<Located<[Int]>, KernelError>?
        /// The stated active unit indices, ascending, if stated.
        let active: Located<[Int]>?
    }

    static func decode(_ claim: CertificateDocument.ClaimEntry, _ context: CheckContext) throws(KernelError) -> Claim {
        let m = MatrixInputs(claim.inputs, context)
        let network = try m.network()
        let s = claim.statement.pointer
        let statedActive = try claim.statement.integer("active-units", in: 0...Int.max)
        let statedShared = try claim.statement.integer("shared-units", in: 0...Int.max)
        let perOutput = claim.statement.has("units-per-output") ? try claim.statement.integers("units-per-output", in: 0...Int.max) : nil
        let activeList = claim.statement.has("active") ? try claim.statement.integers("active", in: 0...Int.max) : nil
        try m.charge(network.value.units, network.value.inputDimension + network.value.outputDimension)
        let D = network.value.outputDimension, perOutputAt = s.appending("units-per-output")
        return Claim(
            network: network, activeUnits: Located(value: statedActive, pointer: s.appending("active-units")),
            sharedUnits: Located(value: statedShared, pointer: s.appending("shared-units")),
            unitsPerOutput: perOutput.map { counts in
                counts.count == D
                    ? .success(Located(value: counts, pointer: perOutputAt))
                    : .failure(.malformed(pointer: perOutputAt, expected: "\(D) counts (one per output)", found: "\(counts.count) counts"))
            },
            active: activeList.map { Located(value: $0, pointer: s.appending("active")) })
    }

    static func check(_ claim: Claim, _ context: CheckContext) throws(KernelError) -> RuleResult {
        let (name, statedActive, statedShared) = (claim.network.name, claim.activeUnits.value, claim.sharedUnits.value)
        let sharing = NeuronSharing(network: claim.network.value)
        let summary = "\(name): \(statedActive) active units, \(statedShared) shared"
        guard statedActive == sharing.activeCount else {
            return .fails(
                summary, "\(sharing.activeCount) units are active", expected: String(statedActive), computed: String(sharing.activeCount),
                at: claim.activeUnits.pointer)
        }
        guard statedShared == sharing.sharedCount else {
            return .fails(
                summary, "\(sharing.sharedCount) units are used by two or more outputs", expected: String(statedShared),
                computed: String(sharing.sharedCount),
                at: claim.sharedUnits.pointer)
        }
        if let perOutput = try claim.unitsPerOutput?.get() {
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
        let s = claim.statement.pointer
        let statedRank = try claim.statement.integer("rank", in: 0...Int.max)
        let statedWidth = try claim.statement.integer("width-lower", in: 0...Int.max)
        let statedCentred = try claim.statement.optionalCount("centred-rank")
        guard (network == nil) == (statedCentred == nil) else {
            throw .malformed(
                pointer: s, expected: "\"centred-rank\" exactly when the inputs name a network",
                found: network == nil ? "a centred rank without a network" : "a network without a centred rank")
        }
        var centring: Centring? = nil
        if let network, let statedCentred {
            try m.checkOutputs(network.value, data.value)
            centring = Centring(
                network: Located(value: network, pointer: m.at("network")),
                centredRank: Located(value: statedCentred, pointer: s.appending("centred-rank")))
        }
        let Y = data.value.targets
        try m.charge(Y.rows, Y.columns, min(Y.rows, Y.columns), network == nil ? 1 : 2)
        return Claim(
            data: data, centring: centring, rank: Located(value: statedRank, pointer: s.appending("rank")),
            widthLower: Located(value: statedWidth, pointer: s.appending("width-lower")), inputs: claim.inputs.pointer)
    }

    static func check(_ claim: Claim, _ context: CheckContext) throws(KernelError) -> RuleResult {
        let (dataName, Y, limits) = (claim.data.name, claim.data.value.targets, context.limits.matrixLimits)
        let (statedRank, statedWidth) = (claim.rank.value, claim.widthLower.value)
        let network = claim.centring?.network.value
        let w = try context.matrixWork(at: claim.inputs) { () throws(MatrixError) in
            try WidthFromRank(targets: Y, outputBias: network?.value.outputBias, limits: limits)
        }
        let summary = "rank(Y of \(dataName)) = \(statedRank): every interpolating shallow ReLU network has >= \(statedWidth) units"
        guard statedRank == w.targetRank else {
            return .fails(
                summary, "rank(Y) is \(w.targetRank)", expected: String(statedRank), computed: String(w.targetRank), at: claim.rank.pointer)
        }
        guard statedWidth == w.universalLowerBound else {
            return .fails(
                summary, "Lemma RW gives max(rank(Y) - 1, 0) = \(w.universalLowerBound)", expected: String(statedWidth),
                computed: String(w.universalLowerBound),
                at: claim.widthLower.pointer)
        }
        if let centring = claim.centring, let centred = w.centredRank {
            let (network, statedCentred) = (centring.network.value, centring.centredRank.value)
            guard statedCentred == centred else {
                return .fails(
                    summary, "rank(Y - c 1^T) is \(centred)", expected: String(statedCentred), computed: String(centred),
                    at: centring.centredRank.pointer)
            }
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
                Fact(.widthLower, Meaning(measure: .interpolatingWidth, subject: [dataName]), .atLeast(Rational(w.universalLowerBound))),
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
        let s = claim.statement.pointer
        let before = try claim.statement.integer("units-before", in: 0...Int.max)
        let after = try claim.statement.integer("units-after", in: 0...Int.max)
        guard compressed.value.outputDimension == original.value.outputDimension else {
            throw .malformed(
                pointer: m.at("compressed"), expected: "a network with \(original.value.outputDimension) outputs (as the original)",
                found: "\(compressed.value.outputDimension) outputs")
        }
        for (key, network) in [("original", original.value), ("compressed", compressed.value)] {
            try m.chargeFeatures(network, on: data.value, networkKey: key)
            try m.chargeOutputs(network, points: data.value.inputs.columns)
        }
        return Claim(
            original: original, compressed: Located(value: compressed, pointer: m.at("compressed")), data: data,
            unitsBefore: Located(value: before, pointer: s.appending("units-before")),
            unitsAfter: Located(value: after, pointer: s.appending("units-after")),
            inputs: claim.inputs.pointer)
    }

    static func check(_ claim: Claim, _ context: CheckContext) throws(KernelError) -> RuleResult {
        let (original, compressed, X, limits) = (
            claim.original, claim.compressed.value, claim.data.value.inputs, context.limits.matrixLimits
        )
        let diff = try context.matrixWork(at: claim.inputs) { () throws(MatrixError) in
            let f = try original.value.outputs(features: try original.value.features(on: X, limits: limits), limits: limits)
            let g = try compressed.value.outputs(features: try compressed.value.features(on: X, limits: limits), limits: limits)
            return try firstDifference(f, g, limits: limits)
        }
        let (before, after) = (claim.unitsBefore.value, claim.unitsAfter.value)
        let summary = "\(compressed.name) (\(after) units) computes \(original.name) (\(before) units) on \(claim.data.name)"
        if let diff {
            return .fails(
                summary, "output \(diff.output) at point \(diff.point): original \(diff.left), compressed \(diff.right)",
                expected: diff.left.description, computed: diff.right.description, at: claim.compressed.pointer)
        }
        let unitsBefore = NeuronSharing(network: original.value).activeCount,
            unitsAfter = NeuronSharing(network: compressed.value).activeCount
        guard before == unitsBefore else {
            return .fails(
                summary, "\(original.name) has \(unitsBefore) active units", expected: String(before), computed: String(unitsBefore),
                at: claim.unitsBefore.pointer)
        }
        guard after == unitsAfter else {
            return .fails(
                summary, "\(compressed.name) has \(unitsAfter) active units", expected: String(after), computed: String(unitsAfter),
                at: claim.unitsAfter.pointer)
        }
        return .holds(summary, [Fact(.units, Meaning(measure: .activeUnits, subject: [compressed.name]), .exact(unitsAfter))])
    }
}
