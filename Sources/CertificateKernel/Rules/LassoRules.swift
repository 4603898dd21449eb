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
enum LassoGapRule: Rule {
    static let declaration = RuleDeclaration(
        name: .lassoGap, lemma: "Lemma LD (MATH.md sec. 12)",
        inputs: ["features", "targets", "heads", "task", "dual", "lambda"], statement: ["delta"])

    static func check(_ claim: CertificateDocument.ClaimEntry, _ context: CheckContext) throws(KernelError) -> RuleResult {
        try claim.inputs.allowOnly(declaration.inputs)
        try claim.statement.allowOnly(declaration.statement)
        let m = MatrixInputs(claim.inputs, context)
        let (xName, x) = try m.matrix("features"), (yName, y) = try m.matrix("targets")
        let (headsName, heads) = try m.matrix("heads"), (dualName, theta) = try m.matrix("dual")
        let lambda = try m.positive("lambda")
        let delta = try claim.statement.rational("delta")
        let n = x.rows, p = x.columns, T = y.columns
        guard n > 0 else { throw .malformed(pointer: m.at("features"), expected: "at least one sample (row)", found: "0 rows") }
        guard y.rows == n else { throw .malformed(pointer: m.at("targets"), expected: "an \(n) x T matrix (features has \(n) samples)", found: "a \(y.shape) matrix") }
        guard heads.rows == T, heads.columns == p else { throw .malformed(pointer: m.at("heads"), expected: "a \(T) x \(p) matrix (one head per task, one weight per feature)", found: "a \(heads.shape) matrix") }
        guard theta.rows == n, theta.columns == 1 else { throw .malformed(pointer: m.at("dual"), expected: "an \(n) x 1 matrix", found: "a \(theta.shape) matrix") }
        guard T > 0 else { throw .malformed(pointer: m.at("targets"), expected: "at least one task (column)", found: "0 columns") }
        let t = try claim.inputs.integer("task", in: 0...(T - 1))
        try m.charge(3, n, p)
        let r = try m.run { () throws(MatrixError) in
            try Lasso.checkGap(features: x, targets: y.column(t), head: heads.row(t), dual: theta.column(0), lambda: lambda, delta: delta,
                               featureNorms: false, limits: m.limits)
        }
        let summary = "P_\(t)(w) - D_\(t)(theta) <= \(delta) at lambda = \(lambda) (\(xName), \(yName), \(headsName), \(dualName))"
        switch r.violation {
        case .dualInfeasible(let j, let correlation, _):
            return .fails(summary, "dual point infeasible at feature \(j): |x_j . theta| = \(correlation.magnitude) > lambda = \(lambda)",
                          expected: "|x_j . theta| <= \(lambda)", computed: correlation.magnitude.description, at: m.at("dual"))
        case .gapTooLarge(let gap, _):
            return .fails(summary, "P_t(w) - D_t(theta) = \(gap) > \(delta)", expected: "<= \(delta)", computed: gap.description, at: claim.statement.pointer.appending("delta"))
        case nil:
            var meaning = Meaning(measure: .lassoGap, subject: [xName, yName, headsName, dualName])
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
enum LassoScreenRule: Rule {
    static let declaration = RuleDeclaration(
        name: .lassoScreen, lemma: "Lemma LS (MATH.md sec. 12)",
        inputs: ["features", "gap"], statement: ["screened"])

    static func check(_ claim: CertificateDocument.ClaimEntry, _ context: CheckContext) throws(KernelError) -> RuleResult {
        try claim.inputs.allowOnly(declaration.inputs)
        try claim.statement.allowOnly(declaration.statement)
        let m = MatrixInputs(claim.inputs, context)
        let id = try claim.inputs.identifier("gap")
        let stated = try claim.statement.integer("screened", in: 0...Int.max)
        guard context.used[id] != nil else {
            return .fails("screening through \(id)", "refers to claim \(id), which is not listed in \"uses\"", at: m.at("gap"))
        }
        guard let (fact, lambda, g) = m.gap(id, measure: .lassoGap), fact.meaning.subject.count == 4 else {
            return .fails("screening through \(id)", "claim \(id) is not a lasso-gap claim", at: m.at("gap"))
        }
        let names = fact.meaning.subject
        let x = try context.objects.matrix(.string(names[0]), at: m.at("gap")).matrix
        let theta = try context.objects.matrix(.string(names[3]), at: m.at("gap")).matrix
        let features = try m.indices("features", below: x.columns, what: "features")
        guard stated == features.count else {
            throw .malformed(pointer: claim.statement.pointer.appending("screened"), expected: "the number of listed features, \(features.count)", found: String(stated))
        }
        guard theta.rows == x.rows, theta.columns == 1 else {
            throw .malformed(pointer: m.at("gap"), expected: "the dual point of claim \(id): an \(x.rows) x 1 matrix", found: "a \(theta.shape) matrix")
        }
        try m.charge(2, x.rows, x.columns)
        let (correlations, norms) = try m.run { () throws(MatrixError) in
            if let f = try Lasso.fusedPass(x, head: nil, dual: theta.column(0), norms: true, limits: m.limits) { return (f.correlations, f.norms) }
            return (try Lasso.correlations(x, theta, limits: m.limits), try Lasso.columnSquaredNorms(x, limits: m.limits))
        }
        let scale = 2 * g / Rational(x.rows)
        let summary = "\(features.count) features are zero in every optimal head of task \(fact.meaning.task.map(String.init) ?? "?") (lambda = \(lambda))"
        for (position, j) in features.enumerated() {
            let slack = lambda - correlations[j].magnitude
            if !(slack.signum > 0 && scale * norms[j] < slack * slack) {
                return .fails(summary, "feature \(j) cannot be screened: lambda - |x_j . theta| = \(slack), (2G/n) ||x_j||^2 = \(scale * norms[j])",
                              expected: "(2G/n) ||x_j||^2 < (lambda - |x_j . theta|)^2 = \(slack * slack)", computed: (scale * norms[j]).description,
                              at: m.at("features").appending(position))
            }
        }
        var meaning = fact.meaning
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
enum SupportRule: Rule {
    static let declaration = RuleDeclaration(
        name: .support, lemma: "definitions (MATH.md sec. 12), Lemma LS for optimal heads",
        inputs: ["heads", "screens"], statement: ["sizes", "union", "fractions", "optimal-upper"])

    static func check(_ claim: CertificateDocument.ClaimEntry, _ context: CheckContext) throws(KernelError) -> RuleResult {
        try claim.inputs.allowOnly(declaration.inputs)
        try claim.statement.allowOnly(declaration.statement)
        let m = MatrixInputs(claim.inputs, context)
        let (name, heads) = try m.matrix("heads")
        let T = heads.rows, p = heads.columns
        let s = claim.statement.pointer
        let sizes = try claim.statement.integers("sizes", in: 0...Int.max)
        guard sizes.count == T else { throw .malformed(pointer: s.appending("sizes"), expected: "\(T) sizes (one per head)", found: "\(sizes.count)") }
        let union = try claim.statement.integer("union", in: 0...Int.max)
        let fractions = claim.statement.has("fractions") ? try claim.statement.rationals("fractions") : nil
        if let fractions, fractions.count != T { throw .malformed(pointer: s.appending("fractions"), expected: "\(T) fractions (one per head)", found: "\(fractions.count)") }
        try m.charge(T, p)
        let supports = Supports(heads: heads)
        let summary = "supports of \(name): sizes \(sizes.map(String.init).joined(separator: ",")), union \(union)"
        for t in 0..<T where supports.supports[t].count != sizes[t] {
            let actual = supports.supports[t]
            return .fails(summary, "head \(t) uses \(actual.count) features", expected: String(sizes[t]), computed: String(actual.count), at: s.appending("sizes").appending(t))
        }
        guard union == supports.union.count else {
            return .fails(summary, "the union of the supports has \(supports.union.count) features", expected: String(union), computed: String(supports.union.count), at: s.appending("union"))
        }
        if let fractions, let t = (0..<T).first(where: { fractions[$0] != supports.fractions[$0] }) {
            return .fails(summary, "head \(t) uses the fraction \(supports.fractions[t]) of the features", expected: fractions[t].description,
                          computed: supports.fractions[t].description, at: s.appending("fractions").appending(t))
        }
        if claim.inputs.has("screens") || claim.statement.has("optimal-upper") {
            let ids = try claim.inputs.identifiers("screens")
            let upper = try claim.statement.integers("optimal-upper", in: 0...Int.max)
            guard upper.count == T else { throw .malformed(pointer: s.appending("optimal-upper"), expected: "\(T) counts (one per task)", found: "\(upper.count)") }
            var screened = Array(repeating: 0, count: T)
            for (i, id) in ids.enumerated() {
                let at = m.at("screens").appending(i)
                guard let source = context.used[id] else { return .fails(summary, "refers to claim \(id), which is not listed in \"uses\"", at: at) }
                guard source.rule == LassoScreenRule.name, let fact = source.fact(named: QuantityName.screenedFeatures.rawValue),
                      let t = fact.meaning.task, t < T, let count = fact.bound.upper?.numerator.intValue else {
                    return .fails(summary, "claim \(id) is not a lasso-screen claim about a task of \(name)", at: at)
                }
                let x = try context.objects.matrix(.string(fact.meaning.subject[0]), at: at).matrix
                guard x.columns == p else { return .fails(summary, "claim \(id) screens features of a matrix with \(x.columns) columns, not \(p)", at: at) }
                guard screened[t] == 0 else { throw .malformed(pointer: at, expected: "one screening claim per task", found: "a second one for task \(t)") }
                screened[t] = count
            }
            if let t = (0..<T).first(where: { upper[$0] != p - screened[$0] }) {
                return .fails(summary, "every optimal head of task \(t) uses at most \(p - screened[t]) features (\(screened[t]) screened)",
                              expected: String(upper[t]), computed: String(p - screened[t]), at: s.appending("optimal-upper").appending(t))
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
enum SupportVariabilityRule: Rule {
    static let declaration = RuleDeclaration(
        name: .supportVariability, lemma: "definitions (MATH.md sec. 12)",
        inputs: ["heads"], statement: ["holds"])

    static func check(_ claim: CertificateDocument.ClaimEntry, _ context: CheckContext) throws(KernelError) -> RuleResult {
        try claim.inputs.allowOnly(declaration.inputs)
        try claim.statement.allowOnly(declaration.statement)
        let m = MatrixInputs(claim.inputs, context)
        let (name, heads) = try m.matrix("heads")
        _ = try claim.statement.word("holds", Holds.self)
        try m.charge(heads.rows, heads.columns, heads.columns)
        let summary = "the supports of \(name) satisfy support variability"
        if let v = Supports(heads: heads).variabilityViolation {
            return .fails(summary, "feature \(v.feature): feature \(v.alsoInEverySupport) is in every support that contains it",
                          expected: "the intersection is {\(v.feature)}", computed: "it also contains \(v.alsoInEverySupport)", at: m.at("heads"))
        }
        return .holds(summary)
    }
}
