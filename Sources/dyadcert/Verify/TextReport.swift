import CertificateKernel

/// The text verdict: one line per claim, then `N passed, M failed`.
enum TextReport {
    /// `PASS  file#id  rule  statement` or `FAIL  file#id  rule  statement: reason ...`.
    static func lines(_ verdict: FileVerdict) -> [String] {
        verdict.claims.map { claim in
            let head = "\(claim.passed ? "PASS" : "FAIL")  \(verdict.path)#\(claim.id)  \(claim.rule)  \(claim.summary)"
            guard case .failed(let failure) = claim.outcome else { return head }
            var text = head + ": " + failure.reason
            if let expected = failure.expected { text += "; stated: \(expected)" }
            if let computed = failure.computed { text += "; computed: \(computed)" }
            return text + " (at \(failure.pointer.display))"
        }
    }

    /// The closing line, alone on its line.
    static func closingLine(_ verdicts: [FileVerdict]) -> String {
        let all = verdicts.flatMap(\.claims)
        let passed = all.filter(\.passed).count
        return "\(passed) passed, \(all.count - passed) failed"
    }
}
