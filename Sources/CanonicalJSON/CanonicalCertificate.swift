import CertificateKernel

/// The canonical text of a certificate: every object's members in one fixed key order,
/// numbers only as canonical strings (the reader rejects anything else), the layout
/// of ``CanonicalJSONWriter``, and a final newline. Writing a parsed canonical file
/// gives the same bytes.
public enum CanonicalCertificate {
    /// The fixed key order: a key's rank is its position here; keys not listed (which
    /// the reader rejects anyway) come after, in code-point order.
    public static let keyOrder: [String] = [
        "format", "id", "rule", "kind", "activation", "description", "uses", "objects", "claims", "inputs", "statement",
        "mode", "network", "class", "quantity", "measure", "subject", "f", "g", "function", "functions", "items", "elements", "centres",
        "levels", "level", "index", "order", "output", "signs", "feature", "readout", "readouts", "amplitudes",
        "eps", "eps-below", "coding", "max-breakpoints", "threshold", "terms", "claim", "coefficient", "meaning", "constant",
        "breakpoints", "knots", "values", "start-values", "end-values",
        "matrix", "diagonal", "gram", "relation", "bound", "log2-size", "log2-sizes", "total", "value", "count",
        "bits-at-least", "bits-at-most", "first-layer-units-at-least", "distance-at-least", "outputs",
        "bits", "units", "weights", "bias", "weight-codes", "weight-code", "bias-code",
        "hidden-units", "parameters", "first-layer-units", "layers",
        "rows", "columns", "entries", "dyadic", "row-exponents", "column-exponents", "mantissas", "wide-mantissas",
        "sha256", "source", "input-weights", "biases", "output-weights", "output-bias", "data", "original",
        "compressed", "features", "targets", "heads", "task", "dual", "unit-bounds", "lambda", "tolerance",
        "path-norm-upper", "path-norm-lower", "gap", "screens", "sup-error", "weight-decay", "balanced",
        "path-norm-upper-bound", "path-norm-lower-bound", "active-units", "shared-units", "units-per-output", "active",
        "rank", "width-lower", "centred-rank", "delta", "screened", "units-before", "units-after", "sizes", "union",
        "fractions", "optimal-upper", "holds",
    ]

    private static let rank: [String: Int] = Dictionary(uniqueKeysWithValues: keyOrder.enumerated().map { ($1, $0) })

    /// The same JSON value with every object's members in the canonical key order.
    /// The members of the `objects` table keep their order (it is the definition order).
    public static func canonicalize(_ value: JSONValue, isObjectTable: Bool = false) -> JSONValue {
        switch value {
        case .object(let object):
            var members = object.members.map {
                (key: $0.key, value: canonicalize($0.value, isObjectTable: $0.key == "objects" && !isObjectTable))
            }
            if !isObjectTable {
                members.sort { a, b in
                    let ra = rank[a.key] ?? Int.max, rb = rank[b.key] ?? Int.max
                    return ra != rb
                        ? ra < rb : Array(a.key.unicodeScalars.map(\.value)).lexicographicallyPrecedes(b.key.unicodeScalars.map(\.value))
                }
            } else {
                members = object.members.map { (key: $0.key, value: canonicalize($0.value)) }
            }
            return .object(JSONObject(members))
        case .array(let items):
            return .array(items.map { canonicalize($0) })
        default:
            return value
        }
    }

    /// The canonical text of a certificate (or of any JSON value, keys reordered).
    public static func text(_ value: JSONValue) -> String {
        CanonicalJSONWriter.write(canonicalize(value))
    }
}
