import ExactArithmetic

/// Why a claim is false: the reason, the stated and the computed exact values, and
/// where in the file the false statement is.
public struct ClaimFailure: Sendable, Equatable {
    public let reason: String
    public let expected: String?
    public let computed: String?
    public let pointer: JSONPointer
}

/// What checking one claim produced.
struct RuleResult {
    /// A short statement of the claim, for the verdict line.
    var summary: String
    /// nil when the claim holds.
    var failure: ClaimFailure?
    /// The facts the claim establishes (only used when it holds).
    var facts: [Fact] = []

    static func holds(_ summary: String, _ facts: [Fact] = []) -> RuleResult {
        RuleResult(summary: summary, failure: nil, facts: facts)
    }

    static func fails(_ summary: String, _ reason: String, expected: String? = nil, computed: String? = nil, at pointer: JSONPointer) -> RuleResult {
        RuleResult(summary: summary, failure: ClaimFailure(reason: reason, expected: expected, computed: computed, pointer: pointer))
    }
}

/// One rule of MATH.md sec. 10: it reads its inputs and statement strictly and checks
/// the claim exactly, recomputing everything it can.
protocol Rule {
    /// The rule's name in certificates.
    static var name: String { get }
    /// The lemma that makes the rule sound (MATH.md).
    static var lemma: String { get }
    /// Checks one claim. Throws only for malformed input or exceeded limits.
    static func check(_ claim: CertificateDocument.ClaimEntry, _ context: CheckContext) throws(KernelError) -> RuleResult
}

/// The rules, by name.
enum RuleRegistry {
    static var rules: [any Rule.Type] { [
        GramRule.self, SupDistanceRule.self, OrthonormalForAllSignsRule.self, PackingRule.self, CoverRule.self,
        HaarPackingRule.self, HaarCoverRule.self, BinaryClassRule.self, ReadoutCountRule.self, EnumerateRule.self,
        NetworkRealisesRule.self, NetworkWidthLowerRule.self, NetworkBitsRule.self, StepApproxLowerRule.self, BitsRule.self,
        EpsTransferRule.self,
        ReLUInterpolatesRule.self, WeightDecayRule.self, NeuronSharingRule.self, WidthFromRankRule.self,
        MultiTaskGapRule.self, PenalisedMultiTaskGapRule.self, MultiTaskScreenRule.self, CompressPreservesRule.self,
        LassoGapRule.self, LassoScreenRule.self, SupportRule.self, SupportVariabilityRule.self,
    ] }

    static var names: [String] { rules.map { $0.name } }

    static func rule(named name: String) -> (any Rule.Type)? {
        rules.first { $0.name == name }
    }
}

/// What a rule may consult: the objects, the limits, and the claims it `uses`.
struct CheckContext {
    let objects: ObjectStore
    let limits: VerificationLimits
    let readingContext: ReadingContext
    /// The claims this claim lists in `uses` that are earlier and verified, in the
    /// order `uses` lists them.
    let usedInOrder: [EstablishedClaim]

    /// The used claims by name.
    var used: [String: EstablishedClaim] {
        Dictionary(usedInOrder.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }
}

/// A verified earlier claim as later claims see it: its facts, each with its meaning.
struct EstablishedClaim: Sendable {
    let id: String
    let rule: String
    let facts: [Fact]

    /// The fact a `bits` term names by its quantity name, if the claim established one.
    func fact(named name: String) -> Fact? {
        facts.first { $0.name.rawValue == name }
    }
}
