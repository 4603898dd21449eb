/// Why a claim is false: the reason, the stated and the computed exact values, and
/// where in the file the false statement is.
public struct ClaimFailure: Sendable, Equatable {
    public let reason: String
    public let expected: String?
    public let computed: String?
    public let pointer: JSONPointer
}

/// What checking one claim produced.
package struct RuleResult {
    /// A short statement of the claim, for the verdict line.
    package var summary: String
    /// nil when the claim holds.
    package var failure: ClaimFailure?
    /// The facts the claim establishes (only used when it holds).
    package var facts: [Fact] = []

    package static func holds(_ summary: String, _ facts: [Fact] = []) -> RuleResult {
        RuleResult(summary: summary, failure: nil, facts: facts)
    }

    package static func fails(
        _ summary: String, _ reason: String, expected: String? = nil, computed: String? = nil, at pointer: JSONPointer
    )
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

    /// Who checks the rule: a rule type of this target (the core paper, MATH.md sec. 2-10),
    /// or the trusted extension `MatrixKernel` (sec. 11-12), which declares its rules here.
    package enum Checker {
        case core(any Rule.Type)
        case matrixKernel(RuleDeclaration)
    }

    package var checker: Checker {
        switch self {
        case .gram: .core(GramRule.self)
        case .supDistance: .core(SupDistanceRule.self)
        case .orthonormalForAllSigns: .core(OrthonormalForAllSignsRule.self)
        case .packing: .core(PackingRule.self)
        case .cover: .core(CoverRule.self)
        case .haarPacking: .core(HaarPackingRule.self)
        case .haarCover: .core(HaarCoverRule.self)
        case .binaryClass: .core(BinaryClassRule.self)
        case .readoutCount: .core(ReadoutCountRule.self)
        case .enumerate: .core(EnumerateRule.self)
        case .networkRealises: .core(NetworkRealisesRule.self)
        case .networkWidthLower: .core(NetworkWidthLowerRule.self)
        case .networkBits: .core(NetworkBitsRule.self)
        case .stepApproxLower: .core(StepApproxLowerRule.self)
        case .bits: .core(BitsRule.self)
        case .epsTransfer: .core(EpsTransferRule.self)
        case .networkRealisesForAllSigns: .core(NetworkRealisesForAllSignsRule.self)
        case .reluInterpolates: .matrixKernel(.reluInterpolates)
        case .weightDecay: .matrixKernel(.weightDecay)
        case .neuronSharing: .matrixKernel(.neuronSharing)
        case .widthFromRank: .matrixKernel(.widthFromRank)
        case .mtlGap: .matrixKernel(.mtlGap)
        case .penalisedMtlGap: .matrixKernel(.penalisedMtlGap)
        case .mtlScreen: .matrixKernel(.mtlScreen)
        case .compressPreserves: .matrixKernel(.compressPreserves)
        case .lassoGap: .matrixKernel(.lassoGap)
        case .lassoScreen: .matrixKernel(.lassoScreen)
        case .support: .matrixKernel(.support)
        case .supportVariability: .matrixKernel(.supportVariability)
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
/// of its claim rejects keys outside the variant with the variant's list: in its `decode`
/// (a ``VariantRule``: `gram`, `enumerate`, `readout-count`, `network-width-lower`), or in
/// this entry point, which it then implements itself (`penalised-mtl-gap`).
package protocol Rule: SendableMetatype {
    static var declaration: RuleDeclaration { get }
    /// Checks one claim. Throws only for malformed input or exceeded limits.
    static func check(_ claim: CertificateDocument.ClaimEntry, _ context: CheckContext) throws(KernelError) -> RuleResult
}

/// A rule as a typed claim and a pure check (STYLE.md: "a rule is a declaration plus a
/// pure check"). `decode` reads every value once, with the JSON pointer a failure will
/// name, and charges every resource; `check` is the rule's row of MATH.md on those
/// values: it reads no JSON and returns the verdict and the facts the claim establishes.
package protocol TypedRule: Rule {
    associatedtype Claim
    /// Reads the claim's inputs and statement strictly. The verifier has already
    /// rejected keys the declaration does not list. Throws for malformed input or
    /// exceeded limits.
    static func decode(_ entry: CertificateDocument.ClaimEntry, _ context: CheckContext) throws(KernelError) -> Claim
    /// Checks the decoded claim. Throws only for exceeded limits.
    static func check(_ claim: Claim, _ context: CheckContext) throws(KernelError) -> RuleResult
}

extension TypedRule {
    package static func check(_ entry: CertificateDocument.ClaimEntry, _ context: CheckContext) throws(KernelError) -> RuleResult {
        try entry.inputs.allowOnly(declaration.inputs)
        try entry.statement.allowOnly(declaration.statement)
        return try check(decode(entry, context), context)
    }
}

/// A typed rule whose accepted keys depend on a variant of its claim: its `decode` reads
/// the variant first and rejects keys outside it with the variant's list, so that an
/// unknown key is reported with the keys of the variant.
package protocol VariantRule: TypedRule {}

extension VariantRule {
    package static func check(_ entry: CertificateDocument.ClaimEntry, _ context: CheckContext) throws(KernelError) -> RuleResult {
        try check(decode(entry, context), context)
    }
}

/// A value read from a certificate together with where it was written, so a check can
/// name the place of a false statement without reading JSON.
package struct Located<Value> {
    package let value: Value
    package let pointer: JSONPointer

    package init(value: Value, pointer: JSONPointer) {
        self.value = value
        self.pointer = pointer
    }
}

extension Rule {
    package static var name: String { declaration.name.rawValue }
    package static var lemma: String { declaration.lemma }
}

/// What a rule may consult: the objects, the limits, and the claims it `uses`.
package struct CheckContext {
    package let objects: ObjectStore
    package let limits: VerificationLimits
    package let readingContext: ReadingContext
    /// The claims this claim lists in `uses` that are earlier and verified, in the
    /// order `uses` lists them.
    package let usedInOrder: [EstablishedClaim]

    /// The used claims by name.
    package var used: [String: EstablishedClaim] {
        Dictionary(usedInOrder.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }
}

/// A verified earlier claim as later claims see it: its facts, each with its meaning.
package struct EstablishedClaim: Sendable {
    package let id: String
    package let rule: String
    package let facts: [Fact]

    /// The fact a `bits` term names by its quantity name, if the claim established one.
    package func fact(named name: String) -> Fact? {
        facts.first { $0.name.rawValue == name }
    }
}
