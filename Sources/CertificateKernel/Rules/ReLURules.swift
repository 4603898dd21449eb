import ExactArithmetic
import ExactLinearAlgebra

/// `relu-interpolates`: a shallow ReLU network fits data (X, Y) exactly, or within a
/// stated rational sup error (MATH.md sec. 11, exact evaluation).
///
/// Inputs: `network`, `data`, optional `tolerance` (>= 0, default 0). Statement:
/// optional `sup-error` (must equal the computed max_{d,i} |f(x_i)[d] - Y[d][i]|).
/// Establishes nothing. Check: `Interpolation.check`.
enum ReLUInterpolatesRule: Rule {
    static let declaration = RuleDeclaration(
        name: .reluInterpolates, lemma: "exact evaluation (MATH.md sec. 11)",
        inputs: ["network", "data", "tolerance"], statement: ["sup-error"])

    static func check(_ claim: CertificateDocument.ClaimEntry, _ context: CheckContext) throws(KernelError) -> RuleResult {
        try claim.inputs.allowOnly(declaration.inputs)
        try claim.statement.allowOnly(declaration.statement)
        let m = MatrixInputs(claim.inputs, context)
        let (networkName, network) = try m.network(), (dataName, data) = try m.data()
        let tolerance = claim.inputs.has("tolerance") ? try claim.inputs.rational("tolerance") : Rational.zero
        guard tolerance.signum >= 0 else { throw .malformed(pointer: m.at("tolerance"), expected: "a non-negative number", found: tolerance.description) }
        let stated = claim.statement.has("sup-error") ? try claim.statement.rational("sup-error") : nil
        try m.checkOutputs(network, data)
        guard data.inputs.rows == network.inputDimension else {
            throw .malformed(pointer: m.at("network"), expected: "a network with \(data.inputs.rows) inputs (the data's points have dimension \(data.inputs.rows))",
                             found: "a network with \(network.inputDimension) inputs")
        }
        try m.charge(network.units, network.inputDimension + network.outputDimension, data.inputs.columns)
        let result = try m.run { () throws(MatrixError) in
            try Interpolation.check(network: network, data: data.inputs, targets: data.targets, tolerance: tolerance, limits: m.limits)
        }
        let summary = tolerance.isZero ? "\(networkName) interpolates \(dataName) exactly" : "\(networkName) fits \(dataName) within \(tolerance)"
        if !result.holds, let d = result.worstOutput, let i = result.worstPoint, let f = result.networkValue, let y = result.targetValue {
            return .fails(summary, "output \(d) at point \(i): network \(f), target \(y); sup error \(result.supError) > \(tolerance)",
                          expected: "sup error <= \(tolerance)", computed: "sup error \(result.supError)", at: claim.inputs.pointer.appending("network"))
        }
        if let stated, stated != result.supError {
            return .fails(summary, "the sup error is \(result.supError), not \(stated)", expected: stated.description, computed: result.supError.description,
                          at: claim.statement.pointer.appending("sup-error"))
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
enum WeightDecayRule: Rule {
    static let declaration = RuleDeclaration(
        name: .weightDecay, lemma: "Lemmas RS and WD (MATH.md sec. 11)",
        inputs: ["network", "path-norm-upper", "path-norm-lower"], statement: ["weight-decay", "balanced", "path-norm-upper-bound", "path-norm-lower-bound"])

    static func check(_ claim: CertificateDocument.ClaimEntry, _ context: CheckContext) throws(KernelError) -> RuleResult {
        try claim.inputs.allowOnly(declaration.inputs)
        try claim.statement.allowOnly(declaration.statement)
        let m = MatrixInputs(claim.inputs, context)
        let (name, network) = try m.network()
        let K = network.units
        let upper = claim.inputs.has("path-norm-upper") ? try m.rationals("path-norm-upper", count: K, what: "one bound u_k per unit") : nil
        let lower = claim.inputs.has("path-norm-lower") ? try m.rationals("path-norm-lower", count: K, what: "one bound l_k per unit") : nil
        let statedWD = try claim.statement.rational("weight-decay")
        let statedBalanced = try claim.statement.optionalYesNo("balanced")
        let statedUpper = claim.statement.has("path-norm-upper-bound") ? try claim.statement.rational("path-norm-upper-bound") : nil
        let statedLower = claim.statement.has("path-norm-lower-bound") ? try claim.statement.rational("path-norm-lower-bound") : nil
        if statedUpper != nil, upper == nil { throw .malformed(pointer: claim.statement.pointer.appending("path-norm-upper-bound"), expected: "no path-norm-upper-bound without the input path-norm-upper", found: "a bound") }
        if statedLower != nil, lower == nil { throw .malformed(pointer: claim.statement.pointer.appending("path-norm-lower-bound"), expected: "no path-norm-lower-bound without the input path-norm-lower", found: "a bound") }
        try m.charge(K, network.inputDimension + network.outputDimension)
        let r = try m.run { () throws(MatrixError) in try WeightDecay.check(network: network, upperBounds: upper, lowerBounds: lower, limits: m.limits) }
        let summary = "WD(\(name)) = \(statedWD)"
        let s = claim.statement.pointer
        if let v = r.upperViolation {
            return .fails(summary, "u_\(v.unit) = \(v.bound) is not an upper bound on ||v_k|| ||w_k||: ||v_k||^2 = \(v.outputWeightSquaredNorm), ||w_k||^2 = \(v.inputWeightSquaredNorm)",
                          expected: "u_k >= 0 and u_k^2 >= \(v.outputWeightSquaredNorm * v.inputWeightSquaredNorm)", computed: "u_k^2 = \(v.bound * v.bound)",
                          at: m.at("path-norm-upper").appending(v.unit))
        }
        if let v = r.lowerViolation {
            return .fails(summary, "l_\(v.unit) = \(v.bound) is not a lower bound on ||v_k|| ||w_k||: ||v_k||^2 = \(v.outputWeightSquaredNorm), ||w_k||^2 = \(v.inputWeightSquaredNorm)",
                          expected: "l_k <= 0 or l_k^2 <= \(v.outputWeightSquaredNorm * v.inputWeightSquaredNorm)", computed: "l_k^2 = \(v.bound * v.bound)",
                          at: m.at("path-norm-lower").appending(v.unit))
        }
        guard statedWD == r.weightDecay else {
            return .fails(summary, "the weight decay is \(r.weightDecay)", expected: statedWD.description, computed: r.weightDecay.description, at: s.appending("weight-decay"))
        }
        if let statedBalanced, statedBalanced != r.isBalanced {
            let why = r.firstUnbalancedUnit.map { "unit \($0) has ||v_k||^2 = \(r.outputWeightSquaredNorms[$0]) and ||w_k||^2 = \(r.inputWeightSquaredNorms[$0])" } ?? "||v_k||^2 = ||w_k||^2 for every unit"
            return .fails(summary, "the network is \(r.isBalanced ? "" : "not ")balanced: \(why)", expected: statedBalanced ? "yes" : "no", computed: r.isBalanced ? "yes" : "no",
                          at: s.appending("balanced"))
        }
        if let statedUpper, let computed = r.pathNormUpperBound, statedUpper != computed {
            return .fails(summary, "sum_k u_k is \(computed)", expected: statedUpper.description, computed: computed.description, at: s.appending("path-norm-upper-bound"))
        }
        if let statedLower, let computed = r.pathNormLowerBound, statedLower != computed {
            return .fails(summary, "sum_k l_k is \(computed)", expected: statedLower.description, computed: computed.description, at: s.appending("path-norm-lower-bound"))
        }
        // Lemma WD: R <= WD, with equality when balanced; R >= 0.
        var high = r.weightDecay
        if let u = r.pathNormUpperBound, u < high { high = u }
        var low = r.isBalanced ? r.weightDecay : Rational.zero
        if let l = r.pathNormLowerBound, l > low { low = l }
        return .holds(summary + (r.isBalanced ? " (balanced: R = WD)" : ""), [
            Fact(.weightDecay, Meaning(measure: .weightDecay, subject: [name]), .exact(r.weightDecay)),
            Fact(.pathNorm, Meaning(measure: .pathNorm, subject: [name]), Quantity(lower: low, upper: high)),
        ])
    }
}

/// `neuron-sharing`: the active units of a network (v_k != 0 and (w_k, b_k) != 0), the
/// units each output uses (V[d][k] != 0) and the units shared by two or more outputs,
/// all by exact zero tests (MATH.md sec. 11).
///
/// Inputs: `network`. Statement: `active-units`, `shared-units`; optional
/// `units-per-output` (D counts) and `active` (the active unit indices, ascending).
/// Establishes `units` (active units) and `shared-units`, exactly.
enum NeuronSharingRule: Rule {
    static let declaration = RuleDeclaration(
        name: .neuronSharing, lemma: "definitions (MATH.md sec. 11)",
        inputs: ["network"], statement: ["active-units", "shared-units", "units-per-output", "active"])

    static func check(_ claim: CertificateDocument.ClaimEntry, _ context: CheckContext) throws(KernelError) -> RuleResult {
        try claim.inputs.allowOnly(declaration.inputs)
        try claim.statement.allowOnly(declaration.statement)
        let m = MatrixInputs(claim.inputs, context)
        let (name, network) = try m.network()
        let s = claim.statement.pointer
        let statedActive = try claim.statement.integer("active-units", in: 0...Int.max)
        let statedShared = try claim.statement.integer("shared-units", in: 0...Int.max)
        let perOutput = claim.statement.has("units-per-output") ? try claim.statement.integers("units-per-output", in: 0...Int.max) : nil
        let activeList = claim.statement.has("active") ? try claim.statement.integers("active", in: 0...Int.max) : nil
        try m.charge(network.units, network.inputDimension + network.outputDimension)
        let sharing = NeuronSharing(network: network)
        let summary = "\(name): \(statedActive) active units, \(statedShared) shared"
        guard statedActive == sharing.activeCount else {
            return .fails(summary, "\(sharing.activeCount) units are active", expected: String(statedActive), computed: String(sharing.activeCount), at: s.appending("active-units"))
        }
        guard statedShared == sharing.sharedCount else {
            return .fails(summary, "\(sharing.sharedCount) units are used by two or more outputs", expected: String(statedShared), computed: String(sharing.sharedCount), at: s.appending("shared-units"))
        }
        if let perOutput {
            let counts = sharing.unitsUsedByOutput.map(\.count)
            guard perOutput.count == counts.count else {
                throw .malformed(pointer: s.appending("units-per-output"), expected: "\(counts.count) counts (one per output)", found: "\(perOutput.count) counts")
            }
            if let d = counts.indices.first(where: { counts[$0] != perOutput[$0] }) {
                return .fails(summary, "output \(d) uses \(counts[d]) units", expected: String(perOutput[d]), computed: String(counts[d]), at: s.appending("units-per-output").appending(d))
            }
        }
        if let activeList, activeList != sharing.activeUnits {
            let first = zip(activeList, sharing.activeUnits).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(activeList.count, sharing.activeUnits.count)
            return .fails(summary, "the active units differ at position \(first)", expected: activeList.map(String.init).joined(separator: ","),
                          computed: sharing.activeUnits.map(String.init).joined(separator: ","), at: s.appending("active"))
        }
        return .holds(summary, [
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
enum WidthFromRankRule: Rule {
    static let declaration = RuleDeclaration(
        name: .widthFromRank, lemma: "Lemma RW (MATH.md sec. 11)",
        inputs: ["network", "data"], statement: ["rank", "width-lower", "centred-rank"])

    static func check(_ claim: CertificateDocument.ClaimEntry, _ context: CheckContext) throws(KernelError) -> RuleResult {
        try claim.inputs.allowOnly(declaration.inputs)
        try claim.statement.allowOnly(declaration.statement)
        let m = MatrixInputs(claim.inputs, context)
        let (dataName, data) = try m.data()
        let network = claim.inputs.has("network") ? try m.network() : nil
        let s = claim.statement.pointer
        let statedRank = try claim.statement.integer("rank", in: 0...Int.max)
        let statedWidth = try claim.statement.integer("width-lower", in: 0...Int.max)
        let statedCentred = try claim.statement.optionalCount("centred-rank")
        guard (network == nil) == (statedCentred == nil) else {
            throw .malformed(pointer: s, expected: "\"centred-rank\" exactly when the inputs name a network", found: network == nil ? "a centred rank without a network" : "a network without a centred rank")
        }
        if let network { try m.checkOutputs(network.value, data) }
        let Y = data.targets
        try m.charge(Y.rows, Y.columns, min(Y.rows, Y.columns), network == nil ? 1 : 2)
        let w = try m.run { () throws(MatrixError) in try WidthFromRank(targets: Y, outputBias: network?.value.outputBias, limits: m.limits) }
        let summary = "rank(Y of \(dataName)) = \(statedRank): every interpolating shallow ReLU network has >= \(statedWidth) units"
        guard statedRank == w.targetRank else {
            return .fails(summary, "rank(Y) is \(w.targetRank)", expected: String(statedRank), computed: String(w.targetRank), at: s.appending("rank"))
        }
        guard statedWidth == w.universalLowerBound else {
            return .fails(summary, "Lemma RW gives max(rank(Y) - 1, 0) = \(w.universalLowerBound)", expected: String(statedWidth), computed: String(w.universalLowerBound), at: s.appending("width-lower"))
        }
        if let network, let statedCentred, let centred = w.centredRank {
            guard statedCentred == centred else {
                return .fails(summary, "rank(Y - c 1^T) is \(centred)", expected: String(statedCentred), computed: String(centred), at: s.appending("centred-rank"))
            }
            let active = NeuronSharing(network: network.value).activeCount
            guard active >= centred else {
                return .fails(summary, "\(network.name) has \(active) active units < rank(Y - c 1^T) = \(centred): it cannot interpolate \(dataName)",
                              expected: ">= \(centred) active units", computed: "\(active)", at: m.at("network"))
            }
        }
        return .holds(summary, [
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
enum CompressPreservesRule: Rule {
    static let declaration = RuleDeclaration(
        name: .compressPreserves, lemma: "exact evaluation (MATH.md sec. 11, Compression)",
        inputs: ["data", "original", "compressed"], statement: ["units-before", "units-after"])

    static func check(_ claim: CertificateDocument.ClaimEntry, _ context: CheckContext) throws(KernelError) -> RuleResult {
        try claim.inputs.allowOnly(declaration.inputs)
        try claim.statement.allowOnly(declaration.statement)
        let m = MatrixInputs(claim.inputs, context)
        let original = try m.network("original"), compressed = try m.network("compressed")
        let (dataName, data) = try m.data()
        let s = claim.statement.pointer
        let before = try claim.statement.integer("units-before", in: 0...Int.max)
        let after = try claim.statement.integer("units-after", in: 0...Int.max)
        guard compressed.value.outputDimension == original.value.outputDimension else {
            throw .malformed(pointer: m.at("compressed"), expected: "a network with \(original.value.outputDimension) outputs (as the original)", found: "\(compressed.value.outputDimension) outputs")
        }
        let f = try m.outputs(original.value, features: try m.features(original.value, on: data, networkKey: "original"))
        let g = try m.outputs(compressed.value, features: try m.features(compressed.value, on: data, networkKey: "compressed"))
        let summary = "\(compressed.name) (\(after) units) computes \(original.name) (\(before) units) on \(dataName)"
        if let diff = try m.run({ () throws(MatrixError) in try firstDifference(f, g, limits: m.limits) }) {
            return .fails(summary, "output \(diff.output) at point \(diff.point): original \(diff.left), compressed \(diff.right)",
                          expected: diff.left.description, computed: diff.right.description, at: m.at("compressed"))
        }
        let unitsBefore = NeuronSharing(network: original.value).activeCount, unitsAfter = NeuronSharing(network: compressed.value).activeCount
        guard before == unitsBefore else {
            return .fails(summary, "\(original.name) has \(unitsBefore) active units", expected: String(before), computed: String(unitsBefore), at: s.appending("units-before"))
        }
        guard after == unitsAfter else {
            return .fails(summary, "\(compressed.name) has \(unitsAfter) active units", expected: String(after), computed: String(unitsAfter), at: s.appending("units-after"))
        }
        return .holds(summary, [Fact(.units, Meaning(measure: .activeUnits, subject: [compressed.name]), .exact(unitsAfter))])
    }
}
