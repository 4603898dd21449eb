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
