import CanonicalJSON
@testable import CertificateKernel

/// Parses the UTF-8 bytes of `text`.
func parseJSON(_ text: String, limits: JSONLimits = JSONLimits()) throws(JSONSyntaxError) -> JSONValue {
    try JSONParser.parse(Array(text.utf8), limits: limits)
}

/// The syntax error `bytes` are rejected with, or nil when they parse.
func jsonSyntaxError(_ bytes: [UInt8], limits: JSONLimits = JSONLimits()) -> JSONSyntaxError? {
    do {
        _ = try JSONParser.parse(bytes, limits: limits)
        return nil
    } catch {
        return error
    }
}

/// The syntax error `text` is rejected with, or nil when it parses.
func jsonSyntaxError(_ text: String, limits: JSONLimits = JSONLimits()) -> JSONSyntaxError? {
    jsonSyntaxError(Array(text.utf8), limits: limits)
}

// Test-only API on the kernel's JSON types (the kernel never reads pointer text).

extension JSONPointer {
    /// Parses the RFC 6901 text of a pointer: empty for the root, otherwise `/`
    /// before each token, with `~0` for `~` and `~1` for `/`. Returns nil for text
    /// that does not start with `/` or has `~` not followed by `0` or `1`.
    init?(_ text: String) {
        let parts = text.unicodeScalars.split(separator: "/", omittingEmptySubsequences: false)
        guard parts[0].isEmpty else { return nil }
        var tokens: [String] = []
        for part in parts.dropFirst() {
            var token = String.UnicodeScalarView()
            var escaped = false
            for scalar in part {
                if escaped {
                    guard scalar == "0" || scalar == "1" else { return nil }
                    token.append(scalar == "0" ? "~" : "/")
                    escaped = false
                } else if scalar == "~" {
                    escaped = true
                } else {
                    token.append(scalar)
                }
            }
            guard !escaped else { return nil }
            tokens.append(String(token))
        }
        self.init(tokens: tokens)
    }
}

extension JSONLimits {
    /// The default limits.
    static let `default` = JSONLimits()
}

extension JSONObject {
    /// The value of the member named `key`, or nil. Setting a value replaces the member
    /// in place or appends a new member at the end; setting nil removes the member
    /// (the kernel's subscript only reads; the editing is CanonicalJSON's).
    subscript(key: String) -> JSONValue? {
        get { positions[JSONKey(key)].map { values[$0] } }
        set {
            if let newValue {
                updateValue(newValue, forKey: key)
            } else {
                removeValue(forKey: key)
            }
        }
    }
}

extension JSONParser {
    /// Parses a complete JSON document given as text (its UTF-8 bytes).
    static func parse(_ text: String, limits: JSONLimits = JSONLimits()) throws(JSONSyntaxError) -> JSONValue {
        try parse(text.utf8, limits: limits)
    }
}
