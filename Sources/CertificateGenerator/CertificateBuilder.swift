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

    /// Adds an object `name` of kind `kind` with the given fields. The kind's declaration
    /// (``ObjectKind/keys``) is the only source of the keys a definition may hold: a field
    /// it does not list is a bug in the generator, stopped here rather than written.
    public mutating func object(_ name: String, kind: ObjectKind, _ fields: [(String, JSONValue)]) {
        for (key, _) in fields {
            precondition(key != "kind" && kind.keys.contains(key), "generator: \(kind.rawValue) declares no field \"\(key)\"")
        }
        let definition = JSONValue.object(JSONObject([("kind", .string(kind.rawValue))] + fields.map { (key: $0.0, value: $0.1) }))
        let earlier = objects.updateValue(definition, forKey: name)
        precondition(earlier == nil, "generator: object \"\(name)\" is defined twice")
    }

    /// Adds a claim of `rule`. The rule's declaration (``RuleDeclaration``) is the only
    /// source of the keys its inputs and statement may hold; a key it does not list is a
    /// bug in the generator, stopped here rather than written.
    public mutating func claim(
        _ id: String, rule: RuleName, description: String, uses: [String] = [],
        inputs: [(String, JSONValue)], statement: [(String, JSONValue)]
    ) {
        let declaration = rule.declaration
        for (key, _) in inputs {
            precondition(declaration.inputs.contains(key), "generator: \(rule.rawValue) declares no input \"\(key)\"")
        }
        for (key, _) in statement {
            precondition(declaration.statement.contains(key), "generator: \(rule.rawValue) declares no statement field \"\(key)\"")
        }
        var members: [(key: String, value: JSONValue)] = [
            ("id", .string(id)), ("rule", .string(rule.rawValue)), ("description", .string(description)),
        ]
        if !uses.isEmpty { members.append(("uses", .array(uses.map { .string($0) }))) }
        members.append(("inputs", .object(JSONObject(inputs.map { (key: $0.0, value: $0.1) }))))
        members.append(("statement", .object(JSONObject(statement.map { (key: $0.0, value: $0.1) }))))
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

/// JSON values for numbers and lists in the canonical form.
public enum V {
    public static func number(_ value: Rational) -> JSONValue { .string(value.description) }
    public static func number(_ value: BigInt) -> JSONValue { .string(value.description) }
    public static func number(_ value: Int) -> JSONValue { .string(String(value)) }
    public static func numbers(_ values: [Rational]) -> JSONValue { .array(values.map(number)) }
    public static func numbers(_ values: [Int]) -> JSONValue { .array(values.map(number)) }
    public static func names(_ values: [String]) -> JSONValue { .array(values.map { .string($0) }) }
    public static func string(_ value: String) -> JSONValue { .string(value) }

    /// A `bits` term {claim, quantity, coefficient}.
    public static func term(_ claim: String, _ quantity: String, _ coefficient: Rational) -> JSONValue {
        .object(JSONObject([("claim", .string(claim)), ("quantity", .string(quantity)), ("coefficient", number(coefficient))]))
    }

    /// A `bits` term that states the meaning the kernel must find for it: the measure,
    /// its subject, and (when the measure has them) eps or eps-below and the coding.
    public static func term(
        _ claim: String, _ quantity: String, _ coefficient: Rational,
        measure: String, subject: [String], eps: Rational? = nil, epsBelow: Rational? = nil,
        coding: String? = nil, maxBreakpoints: Int? = nil
    ) -> JSONValue {
        var meaning: [(key: String, value: JSONValue)] = [("measure", .string(measure)), ("subject", names(subject))]
        if let eps { meaning.append(("eps", number(eps))) }
        if let epsBelow { meaning.append(("eps-below", number(epsBelow))) }
        if let coding { meaning.append(("coding", .string(coding))) }
        if let maxBreakpoints { meaning.append(("max-breakpoints", number(maxBreakpoints))) }
        return .object(
            JSONObject([
                ("claim", .string(claim)), ("quantity", .string(quantity)), ("coefficient", number(coefficient)),
                ("meaning", .object(JSONObject(meaning))),
            ]))
    }
}

/// Why a scenario cannot be generated with the given options.
public struct GeneratorError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
