import CanonicalJSON
import CertificateDigest
import CertificateKernel

/// `--report json`: the versioned verdict document `dyadcert-verdict/1`
/// (documented in Certificates/FORMAT.md, section "Verdict reports").
enum JSONVerdictReport {
    static let format = "dyadcert-verdict/1"

    static func render(_ verdicts: [FileVerdict], limits: VerificationLimits, exitCode: Int32) -> String {
        let all = verdicts.flatMap(\.claims)
        let passed = all.filter(\.passed).count
        let limitMembers: [(key: String, value: JSONValue)] = LimitKind.allCases.map {
            ($0.flag.dropFirst(2).description, .string(String(limits.value(of: $0))))
        }
        let root = JSONValue.object(
            JSONObject([
                ("format", .string(format)),
                ("dyadcert-version", .string(DyadCert.version)),
                ("limits", .object(JSONObject(limitMembers))),
                ("files", .array(verdicts.map(file))),
                (
                    "summary",
                    .object(
                        JSONObject([
                            ("passed", .string(String(passed))),
                            ("failed", .string(String(all.count - passed))),
                            ("exit-code", .string(String(exitCode))),
                        ]))
                ),
            ]))
        return CanonicalJSONWriter.write(root)
    }

    static func file(_ verdict: FileVerdict) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [("path", .string(verdict.path)), ("status", .string(verdict.status.rawValue))]
        if let description = verdict.description { members.append(("description", .string(description))) }
        if let error = verdict.error {
            var e: [(key: String, value: JSONValue)] = [
                ("kind", .string(error.isLimit ? "limit" : "malformed")), ("pointer", .string(error.pointer.description)),
                ("message", .string(error.description)),
            ]
            if case .limitExceeded(_, let limit, _, _) = error {
                e.append(("flag", .string(limit.flag)))
                if error.raisable == false { e.append(("raisable", .bool(false))) }
            }
            members.append(("error", .object(JSONObject(e))))
        }
        members.append(("claims", .array(verdict.claims.map(claim))))
        return .object(JSONObject(members))
    }

    static func claim(_ claim: ClaimVerdict) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("id", .string(claim.id)), ("rule", .string(claim.rule)), ("lemma", .string(claim.lemma)),
            ("digest", .string(claim.digest)), ("verdict", .string(claim.passed ? "passed" : "failed")),
            ("statement", .string(claim.summary)),
        ]
        if case .failed(let failure) = claim.outcome {
            var f: [(key: String, value: JSONValue)] = [
                ("reason", .string(failure.reason)), ("pointer", .string(failure.pointer.description)),
            ]
            if let expected = failure.expected { f.append(("expected", .string(expected))) }
            if let computed = failure.computed { f.append(("computed", .string(computed))) }
            members.append(("failure", .object(JSONObject(f))))
        }
        return .object(JSONObject(members))
    }
}
