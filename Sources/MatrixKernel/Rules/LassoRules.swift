import CertificateKernel
import ExactArithmetic
import ExactLinearAlgebra

/// `lasso-gap`: P_t(w) - D_t(theta) <= delta for task t, with
/// P_t(w) = (1/(2n)) ||y_t - X w||^2 + lambda ||w||_1 and
/// D_t(theta) = theta . y_t - (n/2) ||theta||^2 on |x_j . theta| <= lambda (Lemma LD).
///
/// Inputs: `features` X (n x p), `targets` Y (n x T), `heads` (T x p, row t = w_t),
/// `task` t, `dual` theta (n x 1), `lambda` (> 0). Statement: `delta`. A dual point
/// with |x_j . theta| > lambda is a false claim naming feature j. Establishes
/// `lasso-gap` in [0, P_t(w) - D_t(theta)] for task t at lambda.
enum LassoGapRule: TypedRule {
    static let declaration = RuleDeclaration.lassoGap

    struct Claim {
        /// X (n x p), Y (n x T), the heads (T x p) and theta (n x 1), with their names.
        let x: (name: String, value: RationalMatrix), y: (name: String, value: RationalMatrix)
        let heads: (name: String, value: RationalMatrix)
        let theta: Located<(name: String, value: RationalMatrix)>
        let task: Int
        let lambda: Rational
        let delta: Located<Rational>
        /// Where matrix-work errors are located (the claim's inputs).
        let inputs: JSONPointer
    }

    static func decode(_ claim: CertificateDocument.ClaimEntry, _ context: CheckContext) throws(KernelError) -> Claim {
        let m = MatrixInputs(claim.inputs, context)
        let x = try m.matrix("features"), y = try m.matrix("targets")
        let heads = try m.matrix("heads"), theta = try m.matrix("dual")
        let lambda = try m.positive("lambda")
        let delta = try claim.statement.rational("delta")
        let n = x.value.rows, p = x.value.columns, T = y.value.columns
        guard n > 0 else { throw .malformed(pointer: m.at("features"), expected: "at least one sample (row)", found: "0 rows") }
        guard y.value.rows == n else {
            throw .malformed(
                pointer: m.at("targets"), expected: "an \(n) x T matrix (features has \(n) samples)", found: "a \(y.value.shape) matrix")
        }
        guard heads.value.rows == T, heads.value.columns == p else {
            throw .malformed(
                pointer: m.at("heads"), expected: "a \(T) x \(p) matrix (one head per task, one weight per feature)",
                found: "a \(heads.value.shape) matrix")
        }
        guard theta.value.rows == n, theta.value.columns == 1 else {
            throw .malformed(pointer: m.at("dual"), expected: "an \(n) x 1 matrix", found: "a \(theta.value.shape) matrix")
        }
        guard T > 0 else { throw .malformed(pointer: m.at("targets"), expected: "at least one task (column)", found: "0 columns") }
        let t = try claim.inputs.integer("task", in: 0...(T - 1))
        try m.charge(3, n, p)
        return Claim(
            x: x, y: y, heads: heads, theta: Located(value: theta, pointer: m.at("dual")), task: t, lambda: lambda,
            delta: Located(value: delta, pointer: claim.statement.pointer.appending("delta")), inputs: claim.inputs.pointer)
    }

    static func check(_ claim: Claim, _ context: CheckContext) throws(KernelError) -> RuleResult {
        let (x, y, heads, theta) = (claim.x.value, claim.y.value, claim.heads.value, claim.theta.value.value)
        let (t, lambda, delta, limits) = (claim.task, claim.lambda, claim.delta.value, context.limits.matrixLimits)
        let r = try context.matrixWork(at: claim.inputs) { () throws(MatrixError) in
            try Lasso.checkGap(
                features: x, targets: y.column(t), head: heads.row(t), dual: theta.column(0), lambda: lambda, delta: delta,
                featureNorms: false, limits: limits)
        }
        let names = [claim.x.name, claim.y.name, claim.heads.name, claim.theta.value.name]
        let summary = "P_\(t)(w) - D_\(t)(theta) <= \(delta) at lambda = \(lambda) (\(names.joined(separator: ", ")))"
        switch r.violation {
        case .dualInfeasible(let j, let correlation, _):
            return .fails(
                summary, "dual point infeasible at feature \(j): |x_j . theta| = \(correlation.magnitude) > lambda = \(lambda)",
                expected: "|x_j . theta| <= \(lambda)", computed: correlation.magnitude.description, at: claim.theta.pointer)
        case .gapTooLarge(let gap, _):
            return .fails(
                summary, "P_t(w) - D_t(theta) = \(gap) > \(delta)", expected: "<= \(delta)", computed: gap.description,
                at: claim.delta.pointer)
        case nil:
            var meaning = Meaning(measure: .lassoGap, subject: names)
            meaning.lambda = lambda
            meaning.task = t
            return .holds(summary, [Fact(.lassoGap, meaning, Quantity(lower: .zero, upper: r.gap))])
        }
    }
}

/// `lasso-screen`: features j with w*_j = 0 in every minimiser of P_t (Lemma LS):
/// lambda - |x_j . theta| > 0 and (2G/n) ||x_j||^2 < (lambda - |x_j . theta|)^2, with X,
/// theta, lambda, t and G those of a verified `lasso-gap` claim (G its gap).
///
/// Inputs: `gap` (a `lasso-gap` claim in `uses`), `features` (distinct indices).
/// Statement: `screened` (their number). Establishes `screened-features` exactly.
enum LassoScreenRule: TypedRule {
    static let declaration = RuleDeclaration.lassoScreen

    typealias Claim = ScreeningClaim<Screening>

    struct Screening {
        let gap: UsedGap
        /// X and theta of the gap claim (theta n x 1).
        let x: RationalMatrix, theta: RationalMatrix
        /// The listed features j, at `features`.
        let features: Located<[Int]>
        /// Where matrix-work errors are located (the claim's inputs).
        let inputs: JSONPointer
    }

    static func decode(_ claim: CertificateDocument.ClaimEntry, _ context: CheckContext) throws(KernelError) -> Claim {
        let m = MatrixInputs(claim.inputs, context)
        let id = try claim.inputs.identifier("gap")
        let stated = try claim.statement.integer("screened", in: 0...Int.max)
        let gap: UsedGap
        switch m.screeningGap(id, measure: .lassoGap, subjectCounts: 4...4, rule: LassoGapRule.name) {
        case .unusableGap(let unusable): return .unusableGap(unusable)
        case .usable(let found): gap = found
        }
        let x = try m.gapMatrix(gap.names[0]), theta = try m.gapMatrix(gap.names[3])
        let features = try m.indices("features", below: x.columns, what: "features")
        guard stated == features.count else {
            throw .malformed(
                pointer: claim.statement.pointer.appending("screened"), expected: "the number of listed features, \(features.count)",
                found: String(stated))
        }
        guard theta.rows == x.rows, theta.columns == 1 else {
            throw .malformed(
                pointer: m.at("gap"), expected: "the dual point of claim \(id): an \(x.rows) x 1 matrix", found: "a \(theta.shape) matrix")
        }
        try m.charge(2, x.rows, x.columns)
        return .usable(
            Screening(
                gap: gap, x: x, theta: theta, features: Located(value: features, pointer: m.at("features")), inputs: claim.inputs.pointer))
    }

    static func check(_ claim: Claim, _ context: CheckContext) throws(KernelError) -> RuleResult {
        let s: Screening
        switch claim {
        case .unusableGap(let unusable): return unusable.verdict
        case .usable(let screening): s = screening
        }
        let (x, theta, features, limits) = (s.x, s.theta, s.features.value, context.limits.matrixLimits)
        let (correlations, norms) = try context.matrixWork(at: s.inputs) { () throws(MatrixError) in
            if let f = try Lasso.fusedPass(x, head: nil, dual: theta.column(0), norms: true, limits: limits) {
                return (f.correlations, f.norms)
            }
            return (try Lasso.correlations(x, theta, limits: limits), try Lasso.columnSquaredNorms(x, limits: limits))
        }
        let lambda = s.gap.lambda
        let scale = 2 * s.gap.bound / Rational(x.rows)
        let summary =
            "\(features.count) features are zero in every optimal head of task \(s.gap.fact.meaning.task.map(String.init) ?? "?") (lambda = \(lambda))"
        for (position, j) in features.enumerated() {
            let slack = lambda - correlations[j].magnitude
            if !(slack.signum > 0 && scale * norms[j] < slack * slack) {
                return .fails(
                    summary, "feature \(j) cannot be screened: lambda - |x_j . theta| = \(slack), (2G/n) ||x_j||^2 = \(scale * norms[j])",
                    expected: "(2G/n) ||x_j||^2 < (lambda - |x_j . theta|)^2 = \(slack * slack)", computed: (scale * norms[j]).description,
                    at: s.features.pointer.appending(position))
            }
        }
        var meaning = s.gap.fact.meaning
        meaning.measure = .screenedFeatures
        return .holds(summary, [Fact(.screenedFeatures, meaning, .exact(features.count))])
    }
}

/// `support`: the supports S_t = {j : w_t[j] != 0} of given heads, decided exactly,
/// their sizes, the fractions |S_t| / p and the size of the union (MATH.md sec. 12).
/// With `screens` (verified `lasso-screen` claims in `uses`), the support of every
/// optimal head of task t has at most p - screened_t features.
///
/// Inputs: `heads` (T x p); optional `screens` (claim names). Statement: `sizes` (T
/// counts), `union`; optional `fractions` (T numbers), `optimal-upper` (T counts, with
/// `screens`: p - the features screened for task t). Establishes `support-size` per
/// task and `union-size`, exactly.
enum SupportRule: TypedRule {
    static let declaration = RuleDeclaration.support

    struct Claim {
        let heads: (name: String, value: RationalMatrix)
        /// The stated |S_t|, one per head.
        let sizes: Located<[Int]>
        let union: Located<Int>
        let fractions: Located<[Rational]>?
        /// With `screens` or `optimal-upper`: the features screened per task and the stated
        /// bounds p - screened_t. An error reading them is thrown only after the sizes, the
        /// union and the fractions are judged (a false size fails first).
        let optimal: Result<Optimal, KernelError>?
    }

    /// What `screens` and `optimal-upper` state.
    struct Optimal {
        /// The number of features screened for each task (0 for a task no screen names),
        /// or the failure of the first listed screen the claim cannot use.
        let screened: Result<[Int], ScreenFailure>
        let upper: Located<[Int]>
    }

    /// A listed screen that is not a usable `lasso-screen` claim about these heads.
    struct ScreenFailure: Error {
        let reason: String
        let pointer: JSONPointer
    }

    static func decode(_ claim: CertificateDocument.ClaimEntry, _ context: CheckContext) throws(KernelError) -> Claim {
        let m = MatrixInputs(claim.inputs, context)
        let heads = try m.matrix("heads")
        let T = heads.value.rows
        let s = claim.statement.pointer
        let sizes = try claim.statement.integers("sizes", in: 0...Int.max)
        guard sizes.count == T else {
            throw .malformed(pointer: s.appending("sizes"), expected: "\(T) sizes (one per head)", found: "\(sizes.count)")
        }
        let union = try claim.statement.integer("union", in: 0...Int.max)
        let fractions = claim.statement.has("fractions") ? try claim.statement.rationals("fractions") : nil
        if let fractions, fractions.count != T {
            throw .malformed(pointer: s.appending("fractions"), expected: "\(T) fractions (one per head)", found: "\(fractions.count)")
        }
        try m.charge(T, heads.value.columns)
        var optimal: Result<Optimal, KernelError>? = nil
        if claim.inputs.has("screens") || claim.statement.has("optimal-upper") {
            do throws(KernelError) {
                let ids = try claim.inputs.identifiers("screens")
                let upper = try claim.statement.integers("optimal-upper", in: 0...Int.max)
                guard upper.count == T else {
                    throw .malformed(pointer: s.appending("optimal-upper"), expected: "\(T) counts (one per task)", found: "\(upper.count)")
                }
                optimal = .success(
                    Optimal(screened: try screened(ids, of: heads, m), upper: Located(value: upper, pointer: s.appending("optimal-upper"))))
            } catch {
                optimal = .failure(error)
            }
        }
        return Claim(
            heads: heads, sizes: Located(value: sizes, pointer: s.appending("sizes")),
            union: Located(value: union, pointer: s.appending("union")),
            fractions: fractions.map { Located(value: $0, pointer: s.appending("fractions")) }, optimal: optimal)
    }

    /// The features screened per task by the `lasso-screen` claims `ids` (listed at
    /// `screens`), or the first one that cannot be used; a second screen of a task is malformed.
    static func screened(_ ids: [String], of heads: (name: String, value: RationalMatrix), _ m: MatrixInputs) throws(KernelError) -> Result<
        [Int], ScreenFailure
    > {
        let T = heads.value.rows, p = heads.value.columns
        var screened = Array(repeating: 0, count: T)
        for (i, id) in ids.enumerated() {
            let at = m.at("screens").appending(i)
            guard let source = m.context.used[id] else {
                return .failure(ScreenFailure(reason: "refers to claim \(id), which is not listed in \"uses\"", pointer: at))
            }
            guard source.rule == LassoScreenRule.name, let fact = source.fact(named: QuantityName.screenedFeatures.rawValue),
                let t = fact.meaning.task, t < T, let count = fact.bound.upper?.numerator.intValue
            else {
                return .failure(ScreenFailure(reason: "claim \(id) is not a lasso-screen claim about a task of \(heads.name)", pointer: at))
            }
            let x = try m.context.objects.matrix(.string(fact.meaning.subject[0]), at: at).matrix
            guard x.columns == p else {
                return .failure(
                    ScreenFailure(reason: "claim \(id) screens features of a matrix with \(x.columns) columns, not \(p)", pointer: at))
            }
            guard screened[t] == 0 else {
                throw .malformed(pointer: at, expected: "one screening claim per task", found: "a second one for task \(t)")
            }
            screened[t] = count
        }
        return .success(screened)
    }

    static func check(_ claim: Claim, _ context: CheckContext) throws(KernelError) -> RuleResult {
        let (name, heads, sizes, union) = (claim.heads.name, claim.heads.value, claim.sizes.value, claim.union.value)
        let T = heads.rows, p = heads.columns
        let supports = Supports(heads: heads)
        let summary = "supports of \(name): sizes \(sizes.map(String.init).joined(separator: ",")), union \(union)"
        for t in 0..<T where supports.supports[t].count != sizes[t] {
            let actual = supports.supports[t]
            return .fails(
                summary, "head \(t) uses \(actual.count) features", expected: String(sizes[t]), computed: String(actual.count),
                at: claim.sizes.pointer.appending(t))
        }
        guard union == supports.union.count else {
            return .fails(
                summary, "the union of the supports has \(supports.union.count) features", expected: String(union),
                computed: String(supports.union.count), at: claim.union.pointer)
        }
        if let fractions = claim.fractions, let t = (0..<T).first(where: { fractions.value[$0] != supports.fractions[$0] }) {
            return .fails(
                summary, "head \(t) uses the fraction \(supports.fractions[t]) of the features", expected: fractions.value[t].description,
                computed: supports.fractions[t].description, at: fractions.pointer.appending(t))
        }
        if let optimal = try claim.optimal?.get() {
            let screened: [Int]
            switch optimal.screened {
            case .failure(let failure): return .fails(summary, failure.reason, at: failure.pointer)
            case .success(let counts): screened = counts
            }
            let upper = optimal.upper.value
            if let t = (0..<T).first(where: { upper[$0] != p - screened[$0] }) {
                return .fails(
                    summary, "every optimal head of task \(t) uses at most \(p - screened[t]) features (\(screened[t]) screened)",
                    expected: String(upper[t]), computed: String(p - screened[t]), at: optimal.upper.pointer.appending(t))
            }
        }
        var facts: [Fact] = []
        for t in 0..<T {
            var meaning = Meaning(measure: .supportSize, subject: [name])
            meaning.task = t
            facts.append(Fact(.supportSize, meaning, .exact(supports.supports[t].count)))
        }
        facts.append(Fact(.unionSize, Meaning(measure: .unionSize, subject: [name]), .exact(supports.union.count)))
        return .holds(summary, facts)
    }
}

/// `support-variability`: for every feature i in the union of the supports, the
/// intersection of the supports that contain i is {i} (the identifiability theorem's
/// hypothesis, MATH.md sec. 12; the certificate states the hypothesis, not the theorem).
///
/// Inputs: `heads`. Statement: `holds` ("yes"). Establishes nothing.
enum SupportVariabilityRule: TypedRule {
    static let declaration = RuleDeclaration.supportVariability

    struct Claim {
        let heads: Located<(name: String, value: RationalMatrix)>
    }

    static func decode(_ claim: CertificateDocument.ClaimEntry, _ context: CheckContext) throws(KernelError) -> Claim {
        let m = MatrixInputs(claim.inputs, context)
        let heads = try m.matrix("heads")
        _ = try claim.statement.word("holds", Holds.self)
        try m.charge(heads.value.rows, heads.value.columns, heads.value.columns)
        return Claim(heads: Located(value: heads, pointer: m.at("heads")))
    }

    static func check(_ claim: Claim, _ context: CheckContext) throws(KernelError) -> RuleResult {
        let summary = "the supports of \(claim.heads.value.name) satisfy support variability"
        if let v = Supports(heads: claim.heads.value.value).variabilityViolation {
            return .fails(
                summary, "feature \(v.feature): feature \(v.alsoInEverySupport) is in every support that contains it",
                expected: "the intersection is {\(v.feature)}", computed: "it also contains \(v.alsoInEverySupport)",
                at: claim.heads.pointer)
        }
        return .holds(summary)
    }
}
