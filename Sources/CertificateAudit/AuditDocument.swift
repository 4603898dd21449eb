import CertificateKernel
import ExactArithmetic
import OrderedCollections
import MatrixKernel

/// A certificate prepared for a human audit: its objects and claims as written, each
/// claim with the kernel's verdict (the audit re-verifies; it never reports a claim as
/// verified on the certificate's word).
public struct AuditDocument {
    public struct Claim {
        public let index: Int
        public let id: String
        public let rule: String
        public let description: String?
        public let uses: [String]
        public let inputs: JSONObject
        public let statement: JSONObject
        /// The kernel's verdict, if the kernel got to this claim.
        public let verdict: ClaimVerdict?
    }

    public let path: String
    public let description: String?
    /// The objects in definition order: fields by name.
    public let objects: OrderedDictionary<String, JSONObject>
    public let claims: [Claim]
    /// The kernel's verdict on the whole file.
    public let verdict: FileVerdict

    /// Parses and verifies a certificate. Throws a message for unreadable JSON.
    public init(bytes: [UInt8], path: String, limits: VerificationLimits = VerificationLimits()) throws {
        self.path = path
        let root: JSONValue
        do { root = try JSONParser.parse(bytes) } catch { throw AuditError("\(path): \(error)") }
        guard case .object(let top) = root else { throw AuditError("\(path): a certificate is a JSON object") }
        verdict = Verifier(limits: limits, jobs: 2, extensions: [.matrices]).verify(bytes: bytes, path: path)
        if case .string(let text)? = top["description"] { description = text } else { description = nil }
        var objects: OrderedDictionary<String, JSONObject> = [:]
        if case .object(let table)? = top["objects"] {
            // The first definition of a name counts (the parser rejects duplicate keys anyway).
            for (name, value) in table.members where objects[name] == nil {
                if case .object(let fields) = value { objects[name] = fields }
            }
        }
        self.objects = objects
        var claims: [Claim] = []
        let verdicts = Dictionary(verdict.claims.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        if case .array(let items)? = top["claims"] {
            for (i, item) in items.enumerated() {
                guard case .object(let c) = item, case .string(let id)? = c["id"], case .string(let rule)? = c["rule"] else { continue }
                var uses: [String] = []
                if case .array(let names)? = c["uses"] { for case .string(let n) in names { uses.append(n) } }
                var description: String? = nil
                if case .string(let d)? = c["description"] { description = d }
                var inputs = JSONObject(), statement = JSONObject()
                if case .object(let o)? = c["inputs"] { inputs = o }
                if case .object(let o)? = c["statement"] { statement = o }
                claims.append(
                    Claim(
                        index: i, id: id, rule: rule, description: description, uses: uses, inputs: inputs,
                        statement: statement, verdict: verdicts[id]))
            }
        }
        self.claims = claims
    }

    /// The object named `name`.
    func object(_ name: String) -> JSONObject? { objects[name] }
}

/// Why an audit could not be written.
public struct AuditError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// Reading numbers and names out of certificate JSON (for display only).
enum AuditValues {
    static func string(_ value: JSONValue?) -> String? {
        if case .string(let text)? = value { return text }
        return nil
    }

    static func rational(_ value: JSONValue?) -> Rational? {
        string(value).flatMap { try? Rational(parsing: $0, digitLimit: 100_000) }
    }

    static func int(_ value: JSONValue?) -> Int? {
        rational(value).flatMap { $0.isInteger ? $0.numerator.intValue : nil }
    }

    static func rationals(_ value: JSONValue?) -> [Rational] {
        guard case .array(let items)? = value else { return [] }
        return items.compactMap { rational($0) }
    }

    static func ints(_ value: JSONValue?) -> [Int] {
        guard case .array(let items)? = value else { return [] }
        return items.compactMap { int($0) }
    }
}
