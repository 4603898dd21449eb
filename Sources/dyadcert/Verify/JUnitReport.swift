import CertificateAudit
import CertificateKernel

/// `--junit FILE`: one test suite per certificate, one test case per claim, and one
/// test case `(certificate)` for a file that could not be checked completely. Every
/// `tests` count includes that error case, so `tests` is the number of `<testcase>`
/// elements below it (as JUnit consumers expect).
enum JUnitReport {
    /// The report; `seconds` is the wall-clock time of the whole run (`<testsuites time>`),
    /// and each verdict comes with its claims' times.
    static func render(_ timed: [(FileVerdict, ClaimTimes)], seconds: Duration) -> String {
        let verdicts = timed.map(\.0)
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        let all = verdicts.flatMap(\.claims)
        let failures = all.filter { !$0.passed }.count
        let errors = verdicts.filter { $0.error != nil }.count
        let total = Double(seconds.components.seconds) + Double(seconds.components.attoseconds) * 1e-18
        out +=
            "<testsuites name=\"dyadcert verify\" tests=\"\(all.count + errors)\" failures=\"\(failures)\" errors=\"\(errors)\" time=\"\(format(total))\">\n"
        for (verdict, times) in timed {
            let suiteFailures = verdict.claims.filter { !$0.passed }.count
            let claimSeconds = verdict.claims.indices.map { times.seconds(ofClaim: $0) }
            let time = claimSeconds.reduce(0, +)
            out +=
                "  <testsuite name=\"\(escape(verdict.path))\" tests=\"\(verdict.claims.count + (verdict.error == nil ? 0 : 1))\" failures=\"\(suiteFailures)\" errors=\"\(verdict.error == nil ? 0 : 1)\" time=\"\(format(time))\">\n"
            if let error = verdict.error {
                out += "    <testcase classname=\"\(escape(verdict.path))\" name=\"(certificate)\">\n"
                out += "      <error type=\"\(verdict.status.rawValue)\" message=\"\(escape(error.description))\"/>\n"
                out += "    </testcase>\n"
            }
            for (claim, claimTime) in zip(verdict.claims, claimSeconds) {
                out +=
                    "    <testcase classname=\"\(escape(verdict.path))\" name=\"\(escape(claim.id)) (\(escape(claim.rule)))\" time=\"\(format(claimTime))\">"
                if case .failed(let failure) = claim.outcome {
                    var message = failure.reason
                    if let expected = failure.expected { message += "; stated: \(expected)" }
                    if let computed = failure.computed { message += "; computed: \(computed)" }
                    out +=
                        "\n      <failure type=\"false-claim\" message=\"\(escape(message))\">at \(escape(failure.pointer.display)): \(escape(claim.summary))</failure>\n    "
                }
                out += "</testcase>\n"
            }
            out += "  </testsuite>\n"
        }
        return out + "</testsuites>\n"
    }

    /// XML text and attribute values: `& < > " '` as entities, other control characters
    /// than tab and line feed as "?".
    static func escape(_ text: String) -> String { MarkupEscaping.xml(text, strict: true) }

    static func format(_ seconds: Double) -> String {
        let millis = Int((seconds * 1000).rounded())
        let fraction = String(millis % 1000)
        return "\(millis / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}
