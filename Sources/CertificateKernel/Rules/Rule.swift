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

    static func fails(_ summary: String, _ reason: String, expected: String? = nil, computed: String? = nil, at pointer: JSONPointer)
        -> RuleResult
    {
        RuleResult(summary: summary, failure: ClaimFailure(reason: reason, expected: expected, computed: computed, pointer: pointer))
    }
}

/// The rules of MATH.md sec. 10 by their names in certificates (format dyadcert/1).
public enum RuleName: String, FormatWord {
    case gram
    case supDistance = "sup-distance"
    case orthonormalForAllSigns = "orthonormal-for-all-signs"
    case packing, cover
    case haarPacking = "haar-packing"
    case haarCover = "haar-cover"
    case binaryClass = "binary-class"
    case readoutCount = "readout-count"
    case enumerate
    case networkRealises = "network-realises"
    case networkWidthLower = "network-width-lower"
    case networkBits = "network-bits"
    case stepApproxLower = "step-approx-lower"
    case bits
    case epsTransfer = "eps-transfer"
    case networkRealisesForAllSigns = "network-realises-for-all-signs"
    case reluInterpolates = "relu-interpolates"
    case weightDecay = "weight-decay"
    case neuronSharing = "neuron-sharing"
    case widthFromRank = "width-from-rank"
    case mtlGap = "mtl-gap"
    case penalisedMtlGap = "penalised-mtl-gap"
    case mtlScreen = "mtl-screen"
    case compressPreserves = "compress-preserves"
    case lassoGap = "lasso-gap"
    case lassoScreen = "lasso-screen"
    case support
    case supportVariability = "support-variability"

    /// The rule's checker.
    var rule: any Rule.Type {
        switch self {
        case .gram: GramRule.self
        case .supDistance: SupDistanceRule.self
        case .orthonormalForAllSigns: OrthonormalForAllSignsRule.self
        case .packing: PackingRule.self
        case .cover: CoverRule.self
        case .haarPacking: HaarPackingRule.self
        case .haarCover: HaarCoverRule.self
        case .binaryClass: BinaryClassRule.self
        case .readoutCount: ReadoutCountRule.self
        case .enumerate: EnumerateRule.self
        case .networkRealises: NetworkRealisesRule.self
        case .networkWidthLower: NetworkWidthLowerRule.self
        case .networkBits: NetworkBitsRule.self
        case .stepApproxLower: StepApproxLowerRule.self
        case .bits: BitsRule.self
        case .epsTransfer: EpsTransferRule.self
        case .networkRealisesForAllSigns: NetworkRealisesForAllSignsRule.self
        case .reluInterpolates: ReLUInterpolatesRule.self
        case .weightDecay: WeightDecayRule.self
        case .neuronSharing: NeuronSharingRule.self
        case .widthFromRank: WidthFromRankRule.self
        case .mtlGap: MultiTaskGapRule.self
        case .penalisedMtlGap: PenalisedMultiTaskGapRule.self
        case .mtlScreen: MultiTaskScreenRule.self
        case .compressPreserves: CompressPreservesRule.self
        case .lassoGap: LassoGapRule.self
        case .lassoScreen: LassoScreenRule.self
        case .support: SupportRule.self
        case .supportVariability: SupportVariabilityRule.self
        }
    }
}

/// What a rule is, as the format sees it: its name, the lemma that makes it sound, and
/// every key its `inputs` and `statement` may hold, in canonical order. FORMAT.md sec. 5
/// and dyadcert-1.schema.json are tested against these declarations.
public struct RuleDeclaration: Sendable {
    public let name: RuleName
    /// The lemma that makes the rule sound (MATH.md).
    public let lemma: String
    public let inputs: [String]
    public let statement: [String]
}

/// One rule of MATH.md sec. 10: a declaration and a check that reads its inputs and
/// statement strictly and checks the claim exactly, recomputing everything it can.
///
/// Every rule implements it through ``TypedRule`` (decode once, then a pure check); the
/// verifier calls only this entry point. A rule whose accepted keys depend on a variant
/// of its claim (`gram`, `enumerate`, `readout-count`, `network-width-lower`,
/// `penalised-mtl-gap`) implements this entry point itself, to reject keys outside the
/// variant with the variant's list, and then decodes and checks.
protocol Rule {
    static var declaration: RuleDeclaration { get }
    /// Checks one claim. Throws only for malformed input or exceeded limits.
    static func check(_ claim: CertificateDocument.ClaimEntry, _ context: CheckContext) throws(KernelError) -> RuleResult
}

/// A rule as a typed claim and a pure check (STYLE.md: "a rule is a declaration plus a
/// pure check"). `decode` reads every value once, with the JSON pointer a failure will
/// name, and charges every resource; `check` is the rule's row of MATH.md on those
/// values: it reads no JSON and returns the verdict and the facts the claim establishes.
protocol TypedRule: Rule {
    associatedtype Claim
    /// Reads the claim's inputs and statement strictly. The verifier has already
    /// rejected keys the declaration does not list. Throws for malformed input or
    /// exceeded limits.
    static func decode(_ entry: CertificateDocument.ClaimEntry, _ context: CheckContext) throws(KernelError) -> Claim
    /// Checks the decoded claim. Throws only for exceeded limits.
    static func check(_ claim: Claim, _ context: CheckContext) throws(KernelError) -> RuleResult
}

extension TypedRule {
    static func check(_ entry: CertificateDocument.ClaimEntry, _ context: CheckContext) throws(KernelError) -> RuleResult {
        try entry.inputs.allowOnly(declaration.inputs)
        try entry.statement.allowOnly(declaration.statement)
        return try check(decode(entry, context), context)
    }
}

/// A value read from a certificate together with where it was written, so a check can
/// name the place of a false statement without reading JSON.
struct Located<Value> {
    let value: Value
    let pointer: JSONPointer
}

extension Rule {
    static var name: String { declaration.name.rawValue }
    static var lemma: String { declaration.lemma }
}

extension RuleName {
    /// The rule's declaration.
    public var declaration: RuleDeclaration { rule.declaration }
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
