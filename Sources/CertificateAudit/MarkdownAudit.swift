import Foundation
import CertificateKernel

/// The Markdown audit: every claim with its rule, lemma, dependencies, exact values and
/// the kernel's verdict (plots are in the HTML audit).
public enum MarkdownAudit {
    public static func render(_ document: AuditDocument) -> String {
        var out = "# Audit of `\(document.path)`\n\n"
        if let description = document.description { out += description + "\n\n" }
        out += "**Verdict:** \(AuditText.summaryLine(document)), re-checked by the DyadCert kernel.\n\n"
        out +=
            "Every number is exact; decimals (≈) are rounded for reading only. Plots: `dyadcert audit \(document.path) --format html`.\n\n"
        if let table = RatesTable(document) {
            out += "## Verified numbers by depth\n\n" + table.markdown + "\n"
        }
        out += "## Claims\n\n"
        for claim in document.claims {
            out += "### <a id=\"\(anchor(claim.id))\"></a>\(claim.id)\n\n"
            if let formula = ClaimStatement.formula(claim, in: document) { out += "- **States:** \(formula.plain)\n" }
            out += "- **Rule:** `\(claim.rule)`, sound by \(claim.verdict?.lemma ?? "the rule's lemma")\n"
            out += "- **Verdict:** \(AuditText.verdictWord(claim))"
            if let verdict = claim.verdict { out += " — \(verdict.summary)" }
            out += "\n"
            if !claim.uses.isEmpty { out += "- **Uses:** " + claim.uses.map { "[\($0)](#\(anchor($0)))" }.joined(separator: ", ") + "\n" }
            if let description = claim.description { out += "- **Why:** \(description)\n" }
            if let verdict = claim.verdict, case .failed(let failure) = verdict.outcome {
                out += "- **Failure:** \(failure.reason) (at `\(failure.pointer.display)`)\n"
                if let expected = failure.expected { out += "  - stated: \(expected)\n" }
                if let computed = failure.computed { out += "  - computed: \(computed)\n" }
            }
            out += "\n| | field | value |\n|---|---|---|\n"
            for (key, value) in claim.inputs.members { out += "| input | `\(key)` | \(cell(value, key: key)) |\n" }
            for (key, value) in claim.statement.members { out += "| statement | `\(key)` | \(cell(value, key: key)) |\n" }
            out += "\n"
        }
        out += "## Objects\n\n| name | kind | fields |\n|---|---|---|\n"
        for (name, fields) in document.objects {
            let rest = fields.members.filter { $0.key != "kind" }.map { "`\($0.key)`: \(cell($0.value, key: $0.key))" }.joined(
                separator: "; ")
            out += "| <a id=\"object-\(anchor(name))\"></a>`\(name)` | \(AuditValues.string(fields["kind"]) ?? "?") | \(rest) |\n"
        }
        return out
    }

    static func cell(_ value: JSONValue, key: String) -> String {
        AuditText.render(
            value, key: key, name: { "[`\($0)`](#object-\(anchor($0)))" }, escape: { $0.replacingOccurrences(of: "|", with: "\\|") })
    }

    static func anchor(_ name: String) -> String {
        String(name.lowercased().map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "-" })
    }
}
