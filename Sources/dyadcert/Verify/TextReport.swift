import CertificateKernel

/// The text verdict: one line per claim, then `N passed, M failed`.
enum TextReport {
    /// `PASS  file#id  rule  statement` or `FAIL  file#id  rule  statement: reason ...`.
    static func lines(_ verdict: FileVerdict) -> [String] {
        verdict.claims.map { claim in
            let head = "\(claim.passed ? "PASS" : "FAIL")  \(oneLine(verdict.path))#\(claim.id)  \(claim.rule)  \(claim.summary)"
            guard case .failed(let failure) = claim.outcome else { return head }
            var text = head + ": " + failure.reason
            if let expected = failure.expected { text += "; stated: \(expected)" }
            if let computed = failure.computed { text += "; computed: \(computed)" }
            return text + " (at \(failure.pointer.display))"
        }
    }

    /// A file name as text reports show it: control characters and line separators escaped
    /// (`\n`, `\u{85}`), so that a name cannot split a verdict line or forge one.
    static func oneLine(_ name: String) -> String {
        var text = ""
        for scalar in name.unicodeScalars {
            switch scalar {
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar == "\u{2028}" || scalar == "\u{2029}":
                text += "\\u{" + String(scalar.value, radix: 16) + "}"
            default: text.unicodeScalars.append(scalar)
            }
        }
        return text
    }

    /// The closing line, alone on its line.
    static func closingLine(_ verdicts: [FileVerdict]) -> String {
        let all = verdicts.flatMap(\.claims)
        let passed = all.filter(\.passed).count
        return "\(passed) passed, \(all.count - passed) failed"
    }
}
