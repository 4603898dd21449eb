import Foundation
import CertificateKernel

/// The Markdown audit: every claim with its rule, lemma, dependencies, exact values and
/// the kernel's verdict (plots are in the HTML audit).
///
/// Every piece of text that is not this file's own (the certificate's descriptions, ids,
/// names, keys and values, and the kernel's messages, which can quote them) goes through
/// `MarkdownEscaping`, so it renders as literal text and cannot add, hide or restyle
/// anything around it: the verdict shown is always the kernel's.
public enum MarkdownAudit {
    public static func render(_ document: AuditDocument) -> String {
        var out = "# Audit of \(code(document.path))\n\n"
        if let description = document.description { out += text(description) + "\n\n" }
        out += "**Verdict:** \(text(AuditText.summaryLine(document))), re-checked by the DyadCert kernel.\n\n"
        out +=
            "Every number is exact; decimals (≈) are rounded for reading only. Plots: \(code("dyadcert audit \(document.path) --format html")).\n\n"
        if let table = RatesTable(document) {
            out += "## Verified numbers by depth\n\n" + table.markdown + "\n"
        }
        out += "## Claims\n\n"
        for claim in document.claims {
            out += "### <a id=\"\(anchor(claim.id))\"></a>\(text(claim.id))\n\n"
            if let formula = ClaimStatement.formula(claim, in: document) { out += "- **States:** \(text(formula.plain))\n" }
            out += "- **Rule:** \(code(claim.rule)), sound by \(text(claim.verdict?.lemma ?? "the rule's lemma"))\n"
            out += "- **Verdict:** \(AuditText.verdictWord(claim))"
            if let verdict = claim.verdict { out += " — \(text(verdict.summary))" }
            out += "\n"
            if !claim.uses.isEmpty {
                out += "- **Uses:** " + claim.uses.map { "[\(text($0))](#\(anchor($0)))" }.joined(separator: ", ") + "\n"
            }
            if let description = claim.description { out += "- **Why:** \(text(description))\n" }
            if let verdict = claim.verdict, case .failed(let failure) = verdict.outcome {
                out += "- **Failure:** \(text(failure.reason)) (at \(code(failure.pointer.display)))\n"
                if let expected = failure.expected { out += "  - stated: \(text(expected))\n" }
                if let computed = failure.computed { out += "  - computed: \(text(computed))\n" }
            }
            out += "\n| | field | value |\n|---|---|---|\n"
            for (key, value) in claim.inputs.members { out += "| input | \(cellCode(key)) | \(cell(value, key: key)) |\n" }
            for (key, value) in claim.statement.members { out += "| statement | \(cellCode(key)) | \(cell(value, key: key)) |\n" }
            out += "\n"
        }
        out += "## Objects\n\n| name | kind | fields |\n|---|---|---|\n"
        for (name, fields) in document.objects {
            let rest = fields.members.filter { $0.key != "kind" }.map { "\(cellCode($0.key)): \(cell($0.value, key: $0.key))" }.joined(
                separator: "; ")
            out +=
                "| <a id=\"object-\(anchor(name))\"></a>\(cellCode(name)) | \(text(AuditValues.string(fields["kind"]) ?? "?")) | \(rest) |\n"
        }
        return out
    }

    static func cell(_ value: JSONValue, key: String) -> String {
        AuditText.render(value, key: key, name: { "[\(cellCode($0))](#object-\(anchor($0)))" }, escape: text)
    }

    static func text(_ text: String) -> String { MarkdownEscaping.text(text) }

    /// A code span outside tables.
    static func code(_ text: String) -> String { MarkdownEscaping.code(text, tableCell: false) }

    /// A code span in a table cell.
    static func cellCode(_ text: String) -> String { MarkdownEscaping.code(text, tableCell: true) }

    static func anchor(_ name: String) -> String {
        String(name.lowercased().map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "-" })
    }
}

/// Escaping for the Markdown audit: CommonMark, with the table, strikethrough and math
/// extensions of GitHub Flavored Markdown. Scalar by scalar, not character by character
/// (as `MarkupEscaping`): a `<` followed by a combining mark is one Swift `Character`,
/// but two code points to a Markdown parser.
enum MarkdownEscaping {
    /// Characters with a meaning somewhere inline or at the start of a line: backslash
    /// escapes, code spans, emphasis, links and images, raw HTML, autolinks and comments,
    /// entities, headings, block quotes, table cells, strikethrough, math.
    static let specials = Set("\\`*_[]<>&#|!~$".unicodeScalars)

    /// `text` as inline Markdown that renders as exactly that text (line breaks and tabs
    /// as spaces, leading spaces dropped), wherever on a line it is put: paragraph,
    /// heading, list item, link text or table cell. It opens and closes nothing (no
    /// emphasis, code span, link, image, HTML tag or comment, entity, cell, math), and
    /// at the start of a line it starts no block (heading, quote, list item, thematic
    /// break, setext underline, fence, indented code, HTML block, table).
    ///
    /// How: a backslash before each of ``\ ` * _ [ ] < > & # | ! ~ $`` (CommonMark shows
    /// a backslash-escaped ASCII punctuation character as itself, and GFM tables read
    /// `\|` as a pipe in the cell), before a leading `-`, `+` or `=` that could begin a
    /// list item, thematic break or setext underline, and before the `.` or `)` of a
    /// leading ordered-list marker. Everything else is kept, so plain prose, names and
    /// numbers such as `-1/4` are unchanged.
    static func text(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars.map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : $0 }.drop { $0 == " " })
        // A leading block marker that the specials do not cover.
        var marker: Int? = nil
        if let first = scalars.first {
            if "-+=".unicodeScalars.contains(first) {
                if scalars.count == 1 || scalars[1] == " " || scalars[1] == first { marker = 0 }
            } else {
                let digits = scalars.prefix { ("0"..."9").contains($0) }.count
                if digits > 0, digits < scalars.count, scalars[digits] == "." || scalars[digits] == ")",
                    digits + 1 == scalars.count || scalars[digits + 1] == " "
                {
                    marker = digits
                }
            }
        }
        var out = String.UnicodeScalarView()
        for (i, scalar) in scalars.enumerated() {
            if specials.contains(scalar) || i == marker { out.append("\\") }
            out.append(scalar)
        }
        return String(out)
    }

    /// `text` as a code span that shows exactly that text (line breaks as spaces), by the
    /// rules of CommonMark 6.1: fenced by one backtick more than its longest run of
    /// backticks, and padded with a space on each side when it begins or ends with a
    /// backtick or a space (the parser strips one from each side). In a table cell
    /// (`tableCell`) a pipe is written `\|`, which GFM reads as a pipe inside the span;
    /// elsewhere it is kept, since a backslash in a code span is literal.
    static func code(_ text: String, tableCell: Bool) -> String {
        var content = String.UnicodeScalarView()
        var run = 0, longest = 0
        for scalar in text.unicodeScalars {
            run = scalar == "`" ? run + 1 : 0
            longest = max(longest, run)
            if scalar == "\n" || scalar == "\r" {
                content.append(" ")
            } else {
                if tableCell && scalar == "|" { content.append("\\") }
                content.append(scalar)
            }
        }
        let edges: Set<Unicode.Scalar> = ["`", " "]
        let padded =
            !content.allSatisfy { $0 == " " }
            && (content.first.map(edges.contains) == true || content.last.map(edges.contains) == true)
        let fence = String(repeating: "`", count: longest + 1)
        if content.isEmpty { return fence + " " + fence }
        let pad = padded ? " " : ""
        return fence + pad + String(content) + pad + fence
    }
}
