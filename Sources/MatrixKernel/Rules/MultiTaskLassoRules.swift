import CertificateKernel
import ExactArithmetic
import ExactLinearAlgebra

/// A multi-task lasso problem as a claim names it (MATH.md sec. 11-12): where the features
/// Phi (K x N) come from (a check computes them), the targets Psi (D x N), weights V
/// (D x K), a dual point (D x N) and per-unit bounds u_k, read from the certificate's
/// objects.
///
/// Network form: `network`, `data` (Phi = r(W X + b 1^T) recomputed, Psi = Y - c 1^T,
/// or `targets`: a D x N matrix Psi), `weights`, `dual`, `unit-bounds`.
/// Group-lasso form (penalised only, Lemma GL): `features` X (n x p), `targets` Y
/// (n x T), `heads` W (T x p, row t = head t), `dual` (T x n, in group-lasso units),
/// `unit-bounds` (p bounds on ||W[:, j]||), `lambda` and `delta` in group-lasso units;
/// the kernel checks the multi-task problem with Phi = X^T, Psi = Y^T, V = W,
/// lambda_MTL = n lambda, Theta = n dual and delta_MTL = n delta, and reports the gap
/// in group-lasso units (G = G_MTL / n).
struct MultiTaskProblem {
    var features: FeatureSource
    var psi: RationalMatrix
    var weights: RationalMatrix
    var dual: RationalMatrix
    var unitBounds: [Rational]
    /// The names the facts are about: [network, data, dual(, targets)] or [features, targets, dual].
    var subject: [String]
    /// n for the group-lasso form (the scale of lambda, the dual point and the gap), 1 otherwise.
    var scale: Rational

    static let networkInputs = ["network", "data", "targets", "weights", "dual", "unit-bounds"]
    static let groupInputs = ["features", "targets", "heads", "dual", "unit-bounds"]

    /// Whether the claim uses the group-lasso form.
    static func isGroupForm(_ inputs: Fields) -> Bool { inputs.has("features") }

    init(_ m: MatrixInputs, allowGroupForm: Bool) throws(KernelError) {
        if allowGroupForm, MultiTaskProblem.isGroupForm(m.fields) {
            let (xName, x) = try m.matrix("features"), (yName, y) = try m.matrix("targets")
            let (_, w) = try m.matrix("heads"), (dualName, dual) = try m.matrix("dual")
            try m.checkLassoShapes(features: x, targets: y, heads: w)
            let n = x.rows, p = x.columns, T = y.columns
            guard dual.rows == T, dual.columns == n else {
                throw .malformed(pointer: m.at("dual"), expected: "a \(T) x \(n) matrix (tasks x samples)", found: "a \(dual.shape) matrix")
            }
            let scale = Rational(n)
            features = .transposed(x)
            psi = y.transposed
            weights = w
            self.dual = try m.run { () throws(MatrixError) in try dual.scaled(by: scale, limits: m.limits) }
            unitBounds = try m.rationals("unit-bounds", count: p, what: "one bound on ||W[:, j]|| per feature")
            subject = [xName, yName, dualName]
            self.scale = scale
            return
        }
        let (networkName, network) = try m.network(), (dataName, data) = try m.data()
        let (_, v) = try m.matrix("weights"), (dualName, dual) = try m.matrix("dual")
        let K = network.units, D = network.outputDimension, N = data.inputs.columns
        try m.chargeFeatures(network, on: data)
        features = .network(network, on: data)
        if m.fields.has("targets") {
            let (targetsName, t) = try m.matrix("targets")
            guard t.rows == D, t.columns == N else {
                throw .malformed(
                    pointer: m.at("targets"), expected: "a \(D) x \(N) matrix Psi (outputs x points)", found: "a \(t.shape) matrix")
            }
            psi = t
            subject = [networkName, dataName, dualName, targetsName]
        } else {
            try m.checkOutputs(network, data)
            psi = try m.run { () throws(MatrixError) in
                try data.targets.addingToEveryColumn(network.outputBias.map { -$0 }, limits: m.limits)
            }
            subject = [networkName, dataName, dualName]
        }
        guard v.rows == D, v.columns == K else {
            throw .malformed(
                pointer: m.at("weights"), expected: "a \(D) x \(K) matrix (outputs x units of \(networkName))", found: "a \(v.shape) matrix"
            )
        }
        guard dual.rows == D, dual.columns == N else {
            throw .malformed(pointer: m.at("dual"), expected: "a \(D) x \(N) matrix (outputs x points)", found: "a \(dual.shape) matrix")
        }
        weights = v
        self.dual = dual
        unitBounds = try m.rationals("unit-bounds", count: K, what: "one bound u_k per unit")
        scale = .one
    }

    /// The work of the products a gap check does (V Phi and dual Phi^T).
    func charge(_ m: MatrixInputs) throws(KernelError) {
        try m.charge(2 * psi.rows, features.shape.units, features.shape.points)
    }
}

/// Where the features Phi (K x N) of a multi-task problem come from: recomputed from a
/// network and data (Phi = r(W X + b 1^T)), or X^T (group-lasso form). The claims'
/// decoding charges the work; their checks compute Phi.
enum FeatureSource {
    case network(ShallowReLUNetwork, on: KernelReLUData)
    case transposed(RationalMatrix)

    /// K x N, the shape of Phi: the number of units and of points.
    var shape: (units: Int, points: Int) {
        switch self {
        case .network(let network, let data): (network.units, data.inputs.columns)
        case .transposed(let x): (x.columns, x.rows)
        }
    }

    func phi(limits: MatrixLimits) throws(MatrixError) -> RationalMatrix {
        switch self {
        case .network(let network, let data): try network.features(on: data.inputs, limits: limits)
        case .transposed(let x): x.transposed
        }
    }
}

extension RationalMatrix {
    /// c M, exactly.
    func scaled(by c: Rational, limits: MatrixLimits) throws(MatrixError) -> RationalMatrix {
        try RationalMatrix(rows: rows, columns: columns, entries: entries.map { $0 * c }, limits: limits)
    }
}

/// `mtl-gap`: the constrained multi-task lasso min sum_k ||v_k|| s.t. V Phi = Psi; V is
/// feasible and within delta of the optimum p*, through a dual point Lambda with
/// ||Lambda phi_k|| <= 1 for every unit (Lemma MD).
///
/// Inputs: the network form of ``MultiTaskProblem``. Statement: `delta` (>= 0).
/// Establishes `mtl-gap` in [0, sum_k u_k - <Lambda, Psi>].
enum MultiTaskGapRule: TypedRule {
    static let declaration = RuleDeclaration.mtlGap

    struct Claim {
        let problem: MultiTaskProblem
        let delta: Located<Rational>
        /// The claim's inputs: where a violation names `weights`, `dual` or `unit-bounds`.
        let inputs: JSONPointer
    }

    static func decode(_ claim: CertificateDocument.ClaimEntry, _ context: CheckContext) throws(KernelError) -> Claim {
        let m = MatrixInputs(claim.inputs, context)
        let delta = try claim.statement.located("delta", claim.statement.rational)
        let problem = try MultiTaskProblem(m, allowGroupForm: false)
        try problem.charge(m)
        return Claim(problem: problem, delta: delta, inputs: claim.inputs.pointer)
    }

    static func check(_ claim: Claim, _ context: CheckContext) throws(KernelError) -> RuleResult {
        let (problem, delta, limits) = (claim.problem, claim.delta.value, context.limits.matrixLimits)
        let r = try context.matrixWork(at: claim.inputs) { () throws(MatrixError) in
            try MultiTaskLasso.checkConstrained(
                features: try problem.features.phi(limits: limits), targets: problem.psi, weights: problem.weights, dual: problem.dual,
                unitBounds: problem.unitBounds, delta: delta, limits: limits)
        }
        let summary = "sum_k ||v_k|| - p* <= \(delta) (\(problem.subject.joined(separator: ", ")))"
        if let failure = violation(r.violation, summary, inputs: claim.inputs, delta: claim.delta.pointer) { return failure }
        return .holds(
            summary, [Fact(.mtlGap, Meaning(measure: .dualityGap, subject: problem.subject), Quantity(lower: .zero, upper: r.gapBound))])
    }

    /// The failed verdict of a violation, located at the input (under `inputs`) or the
    /// statement's `delta` at fault; values are divided by `scale` (group-lasso units).
    static func violation(
        _ v: MultiTaskLasso.Violation?, _ summary: String, inputs i: JSONPointer, delta deltaPointer: JSONPointer, scale: Rational = .one
    ) -> RuleResult? {
        guard let v else { return nil }
        switch v {
        case .notFeasible(let d, let point, let value, let target):
            return .fails(
                summary, "V Phi != Psi at output \(d), point \(point): \(value) != \(target)", expected: target.description,
                computed: value.description, at: i.appending("weights"))
        case .dualInfeasible(let k, let squaredNorm, let bound):
            let s2 = scale * scale
            return .fails(
                summary, "dual point infeasible at unit \(k): ||Lambda phi_k||^2 = \(squaredNorm / s2) > \(bound / s2)",
                expected: "||Lambda phi_k||^2 <= \(bound / s2)", computed: (squaredNorm / s2).description, at: i.appending("dual"))
        case .unitBoundTooSmall(let k, let bound, let squaredNorm):
            return .fails(
                summary, "u_\(k) = \(bound) is not an upper bound on ||v_k||: ||v_k||^2 = \(squaredNorm)",
                expected: "u_k >= 0 and u_k^2 >= \(squaredNorm)", computed: "u_k^2 = \(bound * bound)",
                at: i.appending("unit-bounds").appending(k))
        case .gapTooLarge(let gap, let delta):
            return .fails(
                summary, "the certified gap bound is \(gap / scale) > \(delta / scale)", expected: "<= \(delta / scale)",
                computed: (gap / scale).description,
                at: deltaPointer)
        }
    }
}

/// `penalised-mtl-gap`: P(V) - D(Theta) <= delta for the penalised multi-task lasso
/// P(V) = (1/2) ||V Phi - Psi||_F^2 + lambda sum_k ||v_k|| and a dual point Theta with
/// ||Theta phi_k|| <= lambda (Lemma PD); or, in the group-lasso form of
/// ``MultiTaskProblem``, the group lasso of MATH.md sec. 12 through Lemma GL.
///
/// Inputs: either form of ``MultiTaskProblem`` plus `lambda` (> 0). Statement: `delta`.
/// Establishes `mtl-gap` in [0, G] with lambda in its meaning (G and lambda in the
/// units the claim states them).
enum PenalisedMultiTaskGapRule: TypedRule {
    static let declaration = RuleDeclaration.penalisedMtlGap

    struct Claim {
        let problem: MultiTaskProblem
        /// lambda and delta as stated (group-lasso units in the group form).
        let lambda: Rational
        let delta: Located<Rational>
        let isGroupForm: Bool
        /// The claim's inputs: where a violation names `weights`, `dual` or `unit-bounds`.
        let inputs: JSONPointer
    }

    /// Rejects keys outside the claim's form first (not only outside the declaration, the
    /// union of both forms), so an unknown field's message lists the fields of its form.
    static func check(_ entry: CertificateDocument.ClaimEntry, _ context: CheckContext) throws(KernelError) -> RuleResult {
        let group = MultiTaskProblem.isGroupForm(entry.inputs)
        try entry.inputs.allowOnly((group ? MultiTaskProblem.groupInputs : MultiTaskProblem.networkInputs) + ["lambda"])
        try entry.statement.allowOnly(declaration.statement)
        return try check(decode(entry, context), context)
    }

    static func decode(_ claim: CertificateDocument.ClaimEntry, _ context: CheckContext) throws(KernelError) -> Claim {
        let m = MatrixInputs(claim.inputs, context)
        let lambda = try m.positive("lambda")
        let delta = try claim.statement.located("delta", claim.statement.rational)
        let problem = try MultiTaskProblem(m, allowGroupForm: true)
        try problem.charge(m)
        return Claim(
            problem: problem, lambda: lambda, delta: delta, isGroupForm: MultiTaskProblem.isGroupForm(claim.inputs),
            inputs: claim.inputs.pointer)
    }

    static func check(_ claim: Claim, _ context: CheckContext) throws(KernelError) -> RuleResult {
        let (problem, lambda, delta, limits) = (claim.problem, claim.lambda, claim.delta.value, context.limits.matrixLimits)
        let r = try context.matrixWork(at: claim.inputs) { () throws(MatrixError) in
            try MultiTaskLasso.checkPenalised(
                features: try problem.features.phi(limits: limits), targets: problem.psi, weights: problem.weights, dual: problem.dual,
                lambda: lambda * problem.scale, unitBounds: problem.unitBounds, delta: delta * problem.scale, limits: limits)
        }
        let summary =
            "P(V) - D(Theta) <= \(delta) at lambda = \(lambda) (\(problem.subject.joined(separator: ", "))\(claim.isGroupForm ? ", group lasso" : ""))"
        if let failure = MultiTaskGapRule.violation(
            r.violation, summary, inputs: claim.inputs, delta: claim.delta.pointer, scale: problem.scale)
        {
            return failure
        }
        let meaning = Meaning(measure: .dualityGap, subject: problem.subject, lambda: lambda)
        return .holds(summary, [Fact(.mtlGap, meaning, Quantity(lower: .zero, upper: r.gapBound / problem.scale))])
    }
}

/// `mtl-screen`: units zero in every minimiser of the penalised problem (Lemma GS):
/// ||Theta phi_k|| + sqrt(2 G) ||phi_k|| < lambda, decided by squaring, with G, lambda,
/// Phi and Theta those of a verified `penalised-mtl-gap` claim (G its certified gap
/// bound; Phi recomputed from the objects its fact names). In group-lasso units the
/// test is ||Theta x_j|| + sqrt(2G/n) ||x_j|| < lambda (Lemma GL).
///
/// Inputs: `gap` (a `penalised-mtl-gap` claim listed in `uses`), `units` (distinct
/// indices). Statement: `screened` (the number of listed units). Establishes
/// `screened-units` exactly and `optimal-width-upper` <= K - screened.
enum MultiTaskScreenRule: TypedRule {
    static let declaration = RuleDeclaration.mtlScreen

    typealias Claim = ScreeningClaim<Screening>

    struct Screening {
        let gap: UsedGap
        /// Where Phi comes from: recomputed from a network and data, or X^T (group-lasso form).
        let features: FeatureSource
        /// The dual point Theta of the gap claim.
        let dual: RationalMatrix
        /// c with B = c ||phi_k||^2: 2G, or 2G/n in group-lasso units.
        let factor: Rational
        /// The listed units k, at `units`.
        let units: Located<[Int]>
        /// Where matrix-work errors are located (the claim's inputs).
        let inputs: JSONPointer
    }

    static func decode(_ claim: CertificateDocument.ClaimEntry, _ context: CheckContext) throws(KernelError) -> Claim {
        let m = MatrixInputs(claim.inputs, context)
        let id = try claim.inputs.identifier("gap")
        let stated = try claim.statement.located("screened", claim.statement.count)
        let gap: UsedGap
        do throws(UnusableGap) {
            gap = try m.screeningGap(id, measure: .dualityGap, subjectCounts: 3...Int.max, rule: PenalisedMultiTaskGapRule.name).get()
        } catch { return .failure(error) }
        let names = gap.names
        let features: FeatureSource, factor: Rational
        if case .extended(let net as KernelReLUNetwork) = try context.objects.resolve(.string(names[0]), at: m.at("gap")) {
            let data = try context.objects.reluData(.string(names[1]), at: m.at("gap"))
            try m.chargeFeatures(net.network, on: data, networkKey: "gap")
            features = .network(net.network, on: data)
            factor = 2 * gap.bound
        } else {
            let x = try m.gapMatrix(names[0])
            features = .transposed(x)
            factor = 2 * gap.bound / Rational(max(x.rows, 1))
        }
        let dual = try m.gapMatrix(names[2])
        let units = try m.screened("units", below: features.shape.units, what: "units", stated: stated)
        try m.charge(dual.rows, dual.columns, features.shape.units)
        return .success(Screening(gap: gap, features: features, dual: dual, factor: factor, units: units, inputs: claim.inputs.pointer))
    }

    static func check(_ claim: Claim, _ context: CheckContext) throws(KernelError) -> RuleResult {
        let s: Screening
        do throws(UnusableGap) { s = try claim.get() } catch { return error.verdict }
        let (dual, units, lambda, limits) = (s.dual, s.units.value, s.gap.lambda, context.limits.matrixLimits)
        let phi = try context.matrixWork(at: s.inputs) { () throws(MatrixError) in try s.features.phi(limits: limits) }
        let (a, b) = try context.matrixWork(at: s.inputs) { () throws(MatrixError) in
            (
                try dual.multiplied(by: phi.transposed, limits: limits).columnSquaredNorms(limits: limits),
                try phi.rowSquaredNorms(limits: limits)
            )
        }
        let summary = "\(units.count) units are zero in every minimiser (\(s.gap.names.joined(separator: ", ")), lambda = \(lambda))"
        for (position, k) in units.enumerated() {
            let bk = s.factor * b[k]
            if !SquareRootSum.isLess(sqrtOf: a[k], plusSqrtOf: bk, than: lambda) {
                return .fails(
                    summary,
                    "unit \(k) cannot be screened: sqrt(A) + sqrt(B) >= lambda with A = ||Theta phi_k||^2 = \(a[k]), B = 2G ||phi_k||^2 = \(bk)",
                    expected: "sqrt(A) + sqrt(B) < \(lambda)", computed: "A = \(a[k]), B = \(bk)", at: s.units.pointer.appending(position))
            }
        }
        return .holds(
            summary,
            [
                Fact(.screenedUnits, Meaning(measure: .screenedUnits, subject: s.gap.names, lambda: lambda), .exact(units.count)),
                Fact(
                    .optimalWidthUpper, Meaning(measure: .optimalWidth, subject: s.gap.names, lambda: lambda),
                    Quantity(lower: .zero, upper: Rational(phi.rows - units.count))),
            ])
    }
}
