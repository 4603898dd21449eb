/// The JSON objects of format dyadcert/1 that are neither an object kind nor a rule's
/// `inputs` or `statement`, each with every key it may hold, in canonical order
/// (FORMAT.md sec. 2-5).
///
/// With ``ObjectKind/keys`` and ``RuleDeclaration`` these lists are the format's one
/// spelling of its keys: the reader accepts exactly these keys, the generator may write
/// only these, and the canonical key order is derived from them (`allKeyLists`, in
/// CanonicalJSON).
public enum FormatStructure: String, CaseIterable, Sendable {
    /// The top level of a certificate.
    case certificate
    /// One entry of `claims`.
    case claim
    /// One layer of a `heaviside-network`.
    case layer
    /// One unit of such a layer.
    case unit
    /// A sign tree written inline where a class member is expected.
    case inlineSigns = "inline-signs"
    /// One term of a `bits` claim.
    case bitsTerm = "bits-term"
    /// The meaning a `bits` term expects of its fact.
    case meaning
    /// The dyadic encoding of a `matrix`.
    case dyadicMatrix = "dyadic-matrix"

    /// Every key this structure may hold, in canonical order.
    public var keys: [String] {
        switch self {
        case .certificate: ["format", "description", "objects", "claims"]
        case .claim: ["id", "rule", "description", "uses", "inputs", "statement"]
        case .layer: ["units", "weight-code", "bias-code"]
        case .unit: ["activation", "inputs", "weights", "bias", "weight-codes", "bias-code"]
        case .inlineSigns: ["bits"]
        case .bitsTerm: ["quantity", "claim", "coefficient", "meaning"]
        case .meaning: ["task", "lambda", "measure", "subject", "eps", "eps-below", "coding", "max-breakpoints", "threshold"]
        case .dyadicMatrix: ["row-exponents", "column-exponents", "mantissas", "wide-mantissas"]
        }
    }
}
