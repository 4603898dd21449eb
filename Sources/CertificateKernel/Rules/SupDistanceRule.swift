import DyadicFunctions
import ExactArithmetic

/// `sup-distance`: ||f - g||_inf compared with a rational bound (MATH.md sec. 2, 3).
///
/// Inputs: `f` and `g` (names of step functions, or one piecewise-linear function and
/// one step function). Statement: `relation` (<=, <, >=, >, =) and `bound`. The
/// distance is the exact essential supremum over the common refinement; for a
/// piecewise-linear g it is the maximum of |g - c| at the ends of each refined piece.
/// Establishes `distance`.
enum SupDistanceRule: TypedRule {
    static let declaration = RuleDeclaration(
        name: .supDistance, lemma: "MATH.md sec. 2 (ess sup over the common refinement) and sec. 3 (linear pieces)",
        inputs: ["f", "g"], statement: ["relation", "bound"])

    /// The two functions whose distance is claimed: two step functions, or one
    /// piecewise-linear function and one step function (the distance is symmetric).
    enum Pair {
        case steps(StepFunction, StepFunction)
        case linear(PiecewiseLinear, StepFunction)
    }

    struct Claim {
        let relation: Relation
        let bound: Located<Rational>
        let pair: Pair
        /// The names of f and g, for the fact's meaning.
        let subject: [String]
    }

    static func decode(_ claim: CertificateDocument.ClaimEntry, _ context: CheckContext) throws(KernelError) -> Claim {
        let relation: Relation = try claim.statement.word("relation")
        let bound = try claim.statement.located("bound", claim.statement.rational)
        return Claim(
            relation: relation, bound: bound, pair: try functions(claim, context),
            subject: [try claim.inputs.identifier("f"), try claim.inputs.identifier("g")])
    }

    static func check(_ claim: Claim, _ context: CheckContext) throws(KernelError) -> RuleResult {
        let (relation, bound) = (claim.relation, claim.bound.value)
        let distance: SupDistance
        switch claim.pair {
        case .steps(let a, let b): distance = a.supDistance(to: b)
        case .linear(let a, let b): distance = a.supDistance(to: b)
        }
        let summary = "||f - g||_inf \(relation.rawValue) \(bound)"
        guard relation.holds(for: .exact(distance.value), bound) else {
            return .fails(
                summary, "the sup distance is \(distance.value), attained on the piece starting at \(distance.witness)",
                expected: "||f - g||_inf \(relation.rawValue) \(bound)", computed: "||f - g||_inf = \(distance.value)",
                at: claim.bound.pointer)
        }
        let meaning = Meaning(measure: .supDistance, subject: claim.subject)
        return .holds(summary, [Fact(.distance, meaning, relation.quantity(bound: bound, nonNegative: true))])
    }

    /// Steps charged per unit of a function's work size (a piece, or a 64-bit word of a
    /// packed function): a packed word holds 64 cells, each of which may become one piece
    /// of the common refinement the distance is computed over.
    static let stepsPerWord = 64

    /// Reads `f` and `g` and charges the work of the common refinement.
    static func functions(_ claim: CertificateDocument.ClaimEntry, _ context: CheckContext) throws(KernelError) -> Pair {
        let fValue = try claim.inputs.value("f"), gValue = try claim.inputs.value("g")
        let fPointer = claim.inputs.pointer.appending("f"), gPointer = claim.inputs.pointer.appending("g")
        let f = try context.objects.resolve(fValue, at: fPointer), g = try context.objects.resolve(gValue, at: gPointer)
        func size(_ object: KernelObject) -> Int {
            switch object {
            case .function(let k): return k.workSize * stepsPerWord
            case .piecewiseLinear(let p): return p.pieceCount
            case .feature(let h): return 1 << h.levels
            default: return 1
            }
        }
        try context.readingContext.chargeWork(size(f) + size(g), at: claim.inputs.pointer)
        switch (f, g) {
        case (.piecewiseLinear, .piecewiseLinear):
            throw .malformed(
                pointer: gPointer, expected: "a step function (one side must be a step function)", found: "a piecewise-linear function")
        case (.piecewiseLinear(let a), _):
            return .linear(a, try context.objects.function(gValue, at: gPointer).stepFunction)
        case (_, .piecewiseLinear(let b)):
            return .linear(b, try context.objects.function(fValue, at: fPointer).stepFunction)
        default:
            let a = try context.objects.function(fValue, at: fPointer), b = try context.objects.function(gValue, at: gPointer)
            return .steps(a.stepFunction, b.stepFunction)
        }
    }
}
