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
        let delta = try claim.statement.located("delta", claim.statement.rational)
        try m.checkLassoShapes(features: x.value, targets: y.value, heads: heads.value)
        let n = x.value.rows, T = y.value.columns
        guard theta.value.rows == n, theta.value.columns == 1 else {
            throw .malformed(pointer: m.at("dual"), expected: "an \(n) x 1 matrix", found: "a \(theta.value.shape) matrix")
        }
        guard T > 0 else { throw .malformed(pointer: m.at("targets"), expected: "at least one task (column)", found: "0 columns") }
        let t = try claim.inputs.integer("task", in: 0...(T - 1))
        try m.charge(3, n, x.value.columns)
        return Claim(
            x: x, y: y, heads: heads, theta: Located(value: theta, pointer: m.at("dual")), task: t, lambda: lambda, delta: delta,
            inputs: claim.inputs.pointer)
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
            let meaning = Meaning(measure: .lassoGap, subject: names, lambda: lambda, task: t)
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
        let stated = try claim.statement.located("screened", claim.statement.count)
        let gap: UsedGap
        do throws(UnusableGap) {
            gap = try m.screeningGap(id, measure: .lassoGap, subjectCounts: 4...4, rule: LassoGapRule.name).get()
        } catch { return .failure(error) }
        let x = try m.gapMatrix(gap.names[0]), theta = try m.gapMatrix(gap.names[3])
        let features = try m.screened("features", below: x.columns, what: "features", stated: stated)
        guard theta.rows == x.rows, theta.columns == 1 else {
            throw .malformed(
                pointer: m.at("gap"), expected: "the dual point of claim \(id): an \(x.rows) x 1 matrix", found: "a \(theta.shape) matrix")
        }
        try m.charge(2, x.rows, x.columns)
        return .success(Screening(gap: gap, x: x, theta: theta, features: features, inputs: claim.inputs.pointer))
    }

    static func check(_ claim: Claim, _ context: CheckContext) throws(KernelError) -> RuleResult {
        let s: Screening
        do throws(UnusableGap) { s = try claim.get() } catch { return error.verdict }
        let (x, theta, features, limits) = (s.x, s.theta, s.features.value, context.limits.matrixLimits)
        let (correlations, norms) = try context.matrixWork(at: s.inputs) { () throws(MatrixError) in
            if let f = try Lasso.fusedPass(x, head: nil, dual: theta.column(0), norms: true, limits: limits) {
                return (f.correlations, f.norms)
            }
            return (try Lasso.correlations(x, theta, limits: limits), try Lasso.columnSquaredNorms(x, limits: limits))
        }
        let lambda = s.gap.lambda
        let scale = 2 * s.gap.bound / Rational(x.rows)
        // The problem: the features and targets of the gap claim (its fact is about [X, Y, heads, theta]).
        let problem = s.gap.names.prefix(2).joined(separator: ", ")
        let summary =
            "\(features.count) features are zero in every optimal head of task \(s.gap.fact.meaning.task.map(String.init) ?? "?") (\(problem), lambda = \(lambda))"
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
/// Inputs: `heads` (T x p); optional `screens` (claim names), and with them optionally the
/// lasso they must screen: `features`, `targets` and `lambda`, all three. Statement: `sizes`
/// (T counts), `union`; optional `fractions` (T numbers), `optimal-upper` (T counts, with
/// `screens`: p - the features screened for task t). Establishes `support-size` per task
/// and `union-size`, exactly.
enum SupportRule: TypedRule {
    static let declaration = RuleDeclaration.support

    struct Claim {
        let heads: (name: String, value: RationalMatrix)
        /// The supports of the heads, read off by exact zero tests.
        let supports: Supports
        /// The stated |S_t|, one per head.
        let sizes: Located<[Int]>
        let union: Located<Int>
        let fractions: Located<[Rational]>?
        /// With `screens` or `optimal-upper`: the features screened per task and the stated
        /// bounds p - screened_t (read only when the sizes, the union and the fractions are
        /// right: a false one fails first).
        let optimal: Optimal?
    }

    /// What `screens` and `optimal-upper` state.
    struct Optimal {
        let screens: Screens
        /// The lasso the certificate states (`features`, `targets`, `lambda`), if it does.
        let stated: Lasso?
        let upper: Located<[Int]>
    }

    /// The screen of each task (nil for a task no screen names), or the failure of the
    /// first listed screen the claim cannot use.
    typealias Screens = Result<[Screen?], ScreenFailure>

    /// What a usable screen says: how many features are zero in every optimal head of
    /// its task, for the lasso its gap claim is about.
    struct Screen {
        let count: Int
        let lasso: Lasso
    }

    /// A lasso problem: features X, targets Y (by name) and lambda. Optimal heads are
    /// optimal for one problem, so the statement names the problem of each screen.
    struct Lasso: Equatable, CustomStringConvertible {
        let features: String
        let targets: String
        let lambda: Rational

        var description: String { "(\(features), \(targets), lambda = \(lambda))" }
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
        let s = claim.statement
        let pinKeys = ["features", "targets", "lambda"]
        if let key = pinKeys.first(where: claim.inputs.has), !claim.inputs.has("screens") || !pinKeys.allSatisfy(claim.inputs.has) {
            throw .malformed(
                pointer: m.at(key), expected: "\"features\", \"targets\" and \"lambda\" together, with \"screens\"",
                found: pinKeys.filter(claim.inputs.has).map { "\"\($0)\"" }.joined(separator: ", ")
                    + (claim.inputs.has("screens") ? "" : " without screens"))
        }
        let sizes = try s.located("sizes", s.counts)
        guard sizes.value.count == T else {
            throw .malformed(pointer: sizes.pointer, expected: "\(T) sizes (one per head)", found: "\(sizes.value.count)")
        }
        let union = try s.located("union", s.count)
        let fractions = try s.optionalLocated("fractions", s.rationals)
        if let fractions, fractions.value.count != T {
            throw .malformed(pointer: fractions.pointer, expected: "\(T) fractions (one per head)", found: "\(fractions.value.count)")
        }
        try m.charge(T, heads.value.columns)
        let supports = Supports(heads: heads.value)
        let judged = supports.supports.map(\.count) == sizes.value && supports.union.count == union.value
        var optimal: Optimal? = nil
        // An error in the screens or bounds is reported only when the sizes, the union and
        // the fractions are right (the check's order, which earlier versions kept by
        // deferring it); when one is false, the check fails on it without reading them.
        if claim.inputs.has("screens") || s.has("optimal-upper"), judged, fractions.map({ $0.value == supports.fractions }) ?? true {
            let ids = try claim.inputs.identifiers("screens")
            let upper = try s.located("optimal-upper", s.counts)
            guard upper.value.count == T else {
                throw .malformed(pointer: upper.pointer, expected: "\(T) counts (one per task)", found: "\(upper.value.count)")
            }
            var stated: Lasso? = nil
            if claim.inputs.has("features") {
                stated = Lasso(
                    features: try m.matrix("features").name, targets: try m.matrix("targets").name, lambda: try m.positive("lambda"))
            }
            optimal = Optimal(screens: try screens(ids, of: heads, lasso: stated, m), stated: stated, upper: upper)
        }
        return Claim(heads: heads, supports: supports, sizes: sizes, union: union, fractions: fractions, optimal: optimal)
    }

    /// The screen of each task among the `lasso-screen` claims `ids` (listed at `screens`),
    /// or the first one that cannot be used (one of another lasso than the `stated` one,
    /// when given); a second screen of a task is malformed.
    static func screens(_ ids: [String], of heads: (name: String, value: RationalMatrix), lasso stated: Lasso?, _ m: MatrixInputs)
        throws(KernelError) -> Screens
    {
        let T = heads.value.rows, p = heads.value.columns
        var screens: [Screen?] = Array(repeating: nil, count: T)
        for (i, id) in ids.enumerated() {
            let at = m.at("screens").appending(i)
            guard let source = m.context.used[id] else {
                return .failure(ScreenFailure(reason: "refers to claim \(id), which is not listed in \"uses\"", pointer: at))
            }
            guard source.rule == LassoScreenRule.name, let fact = source.fact(named: QuantityName.screenedFeatures.rawValue),
                let t = fact.meaning.task, t < T, let count = fact.bound.upper?.numerator.intValue, let lambda = fact.meaning.lambda
            else {
                return .failure(ScreenFailure(reason: "claim \(id) is not a lasso-screen claim about a task of \(heads.name)", pointer: at))
            }
            // The screen bounds the optimal heads of the lasso whose gap claim named these
            // heads (its fact is about [X, Y, heads, theta]); a screen of another problem
            // says nothing about the heads' own problem.
            guard fact.meaning.subject.count == 4, fact.meaning.subject[2] == heads.name else {
                let other = fact.meaning.subject.count == 4 ? fact.meaning.subject[2] : "?"
                return .failure(
                    ScreenFailure(
                        reason: "claim \(id) screens the lasso of the heads \(other), not of \(heads.name)", pointer: at))
            }
            let x = try m.context.objects.matrix(.string(fact.meaning.subject[0]), at: at).matrix
            guard x.columns == p else {
                return .failure(
                    ScreenFailure(reason: "claim \(id) screens features of a matrix with \(x.columns) columns, not \(p)", pointer: at))
            }
            guard screens[t] == nil else {
                throw .malformed(pointer: at, expected: "one screening claim per task", found: "a second one for task \(t)")
            }
            let lasso = Lasso(features: fact.meaning.subject[0], targets: fact.meaning.subject[1], lambda: lambda)
            if let stated, lasso != stated {
                return .failure(
                    ScreenFailure(reason: "claim \(id) screens the lasso \(lasso), not the stated lasso \(stated)", pointer: at))
            }
            screens[t] = Screen(count: count, lasso: lasso)
        }
        return .success(screens)
    }

    /// The problems the optimal heads are optimal for, as the statement names them: one
    /// lasso for all screened tasks, or the lasso of each.
    static func lassoText(_ screens: [Screen?]) -> String {
        let named = screens.enumerated().compactMap { t, screen in screen.map { (t, $0.lasso) } }
        guard let first = named.first?.1 else { return "" }
        if named.allSatisfy({ $0.1 == first }) { return " of the lasso \(first)" }
        return " (" + named.map { "task \($0.0): lasso \($0.1)" }.joined(separator: "; ") + ")"
    }

    static func check(_ claim: Claim, _ context: CheckContext) throws(KernelError) -> RuleResult {
        let (name, supports, sizes, union) = (claim.heads.name, claim.supports, claim.sizes.value, claim.union.value)
        let T = claim.heads.value.rows, p = claim.heads.value.columns
        var optimalText = ""
        if let optimal = claim.optimal {
            var lasso = optimal.stated.map { " of the lasso \($0)" } ?? ""
            if optimal.stated == nil, case .success(let screens) = optimal.screens { lasso = lassoText(screens) }
            optimalText =
                ", every optimal head\(lasso) uses at most \(optimal.upper.value.map(String.init).joined(separator: ",")) features"
        }
        let summary = "supports of \(name): sizes \(sizes.map(String.init).joined(separator: ",")), union \(union)\(optimalText)"
        for t in 0..<T where supports.supports[t].count != sizes[t] {
            let actual = supports.supports[t]
            return .fails(
                summary, "head \(t) uses \(actual.count) features", expected: String(sizes[t]), computed: String(actual.count),
                at: claim.sizes.pointer.appending(t))
        }
        if let failure = claim.union.mismatch(
            supports.union.count, summary, "the union of the supports has \(supports.union.count) features")
        {
            return failure
        }
        if let fractions = claim.fractions, let t = (0..<T).first(where: { fractions.value[$0] != supports.fractions[$0] }) {
            return .fails(
                summary, "head \(t) uses the fraction \(supports.fractions[t]) of the features", expected: fractions.value[t].description,
                computed: supports.fractions[t].description, at: fractions.pointer.appending(t))
        }
        if let optimal = claim.optimal {
            let screened: [Int]
            switch optimal.screens {
            case .failure(let failure): return .fails(summary, failure.reason, at: failure.pointer)
            case .success(let screens): screened = screens.map { $0?.count ?? 0 }
            }
            let upper = optimal.upper.value
            if let t = (0..<T).first(where: { upper[$0] != p - screened[$0] }) {
                return .fails(
                    summary, "every optimal head of task \(t) uses at most \(p - screened[t]) features (\(screened[t]) screened)",
                    expected: String(upper[t]), computed: String(p - screened[t]), at: optimal.upper.pointer.appending(t))
            }
        }
        var facts = (0..<T).map { t in
            Fact(.supportSize, Meaning(measure: .supportSize, subject: [name], task: t), .exact(supports.supports[t].count))
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
