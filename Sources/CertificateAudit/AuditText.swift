import CertificateKernel
import ExactArithmetic

/// Shared text pieces of the Markdown and HTML audits.
enum AuditText {
    /// Keys whose string values name objects.
    static let referenceKeys: Set<String> = ["class", "network", "f", "g", "function", "functions", "signs", "feature", "items", "centres"]

    /// A JSON value for a table cell: numbers as exact fraction and decimal, long lists
    /// and bit strings shortened, object names marked by `name(_:)`. Certificate text
    /// (strings, numbers, keys) reaches the result only through `name` and `escape`.
    static func render(_ value: JSONValue, key: String, name: (String) -> String, escape: (String) -> String) -> String {
        switch value {
        case .string(let text):
            if referenceKeys.contains(key), !text.isEmpty { return name(text) }
            if key == "bits" && text.count > 24 { return escape(String(text.prefix(24))) + "… (\(text.count) hex digits)" }
            if let x = try? Rational(parsing: text, digitLimit: 100_000) { return escape(ExactDecimal.withFraction(x)) }
            return escape(text)
        case .array(let items):
            let shown = items.count <= 8 ? items : Array(items.prefix(4)) + Array(items.suffix(2))
            var parts = shown.map { render($0, key: key, name: name, escape: escape) }
            if items.count > 8 {
                parts.insert("…", at: 4)
                parts.append("(\(items.count) items)")
            }
            return "[" + parts.joined(separator: ", ") + "]"
        case .object(let object):
            return "{"
                + object.members.map { "\(escape($0.key)): \(render($0.value, key: $0.key, name: name, escape: escape))" }.joined(
                    separator: ", ") + "}"
        case .number(let raw): return escape(raw)
        case .bool(let b): return String(b)
        case .null: return "null"
        }
    }

    static func verdictWord(_ claim: AuditDocument.Claim) -> String {
        guard let verdict = claim.verdict else { return "not checked" }
        return verdict.passed ? "verified" : "FALSE"
    }

    static func summaryLine(_ document: AuditDocument) -> String {
        let passed = document.verdict.claims.filter(\.passed).count
        let failed = document.verdict.claims.count - passed
        var text = "\(passed) passed, \(failed) failed (status: \(document.verdict.status.rawValue))"
        if let error = document.verdict.error { text += "; \(error)" }
        return text
    }
}
