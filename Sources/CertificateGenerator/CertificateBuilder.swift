import CanonicalJSON
import CertificateKernel
import ExactArithmetic
import OrderedCollections

/// Assembles a certificate as a JSON value: named objects in definition order, then
/// claims in order. Numbers are written in the canonical text form; the result is
/// written with ``CanonicalCertificate`` so equal inputs give byte-identical files.
public struct CertificateBuilder {
    /// The object definitions by name, in definition order.
    private var objects: OrderedDictionary<String, JSONValue> = [:]
    private var claims: [JSONValue] = []
    public let description: String

    public init(description: String) {
        self.description = description
    }

    /// Adds object `name` of `kind` with its fields given as values in the order of the
    /// kind's declaration (``ObjectKind/keys``, after `kind`), the only spelling of its keys;
    /// a nil value leaves its key out. The builders in ObjectBuilders.swift call this.
    mutating func object(_ name: String, _ kind: ObjectKind, _ values: [(any ClaimValue)?]) {
        let definition = declared(kind.keys, [kind.rawValue] + values, kind.rawValue)
        let earlier = objects.updateValue(.object(definition), forKey: name)
        precondition(earlier == nil, "generator: object \"\(name)\" is defined twice")
    }

    /// Adds a claim of `rule` with its inputs and statement given as values in the order of
    /// the rule's declaration (``RuleDeclaration``), the only spelling of its keys; a nil
    /// value leaves its key out. The builders in Claims.swift call this, one per rule.
    mutating func claim(
        _ id: String, _ rule: RuleName, _ description: String, uses: [String], inputs: [(any ClaimValue)?],
        statement: [(any ClaimValue)?]
    ) {
        let declaration = rule.declaration
        var members: [(key: String, value: JSONValue)] = [
            ("id", .string(id)), ("rule", .string(rule.rawValue)), ("description", .string(description)),
        ]
        if !uses.isEmpty { members.append(("uses", .array(uses.map { .string($0) }))) }
        members.append(("inputs", .object(declared(declaration.inputs, inputs, "\(rule.rawValue) inputs"))))
        members.append(("statement", .object(declared(declaration.statement, statement, "\(rule.rawValue) statement"))))
        claims.append(.object(JSONObject(members)))
    }

    /// The certificate as a JSON value.
    public var json: JSONValue {
        .object(
            JSONObject([
                ("format", .string("dyadcert/1")),
                ("description", .string(description)),
                ("objects", .object(JSONObject(objects.map { (key: $0.key, value: $0.value) }))),
                ("claims", .array(claims)),
            ]))
    }

    /// The canonical text of the certificate.
    public var text: String { CanonicalCertificate.text(json) }
}

/// Why a scenario cannot be generated with the given options.
public struct GeneratorError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
