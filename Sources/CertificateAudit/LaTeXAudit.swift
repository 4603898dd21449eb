import CertificateKernel

/// The LaTeX audit, for a paper's appendix: the results table (one row per claim: what
/// it states, the lemma it rests on, the kernel's verdict) and the claim list (rule,
/// dependencies, the kernel's reading, the certificate's own words).
///
/// By default a fragment to `\input` into a document that loads `longtable`; with
/// `standalone` a complete document that compiles with a plain `pdflatex` (only the
/// `longtable` package of the base distribution). Every piece of certificate text is
/// escaped; mathematics comes from the same formulas as the HTML audit's MathML.
public enum LaTeXAudit {
    public static func render(_ document: AuditDocument, standalone: Bool = false) -> String {
        var out = ""
        if standalone {
            out += """
                \\documentclass[10pt]{article}
                \\usepackage{longtable}
                \\setlength{\\textwidth}{16cm}\\setlength{\\oddsidemargin}{0cm}\\setlength{\\evensidemargin}{0cm}
                \\setlength{\\textheight}{23cm}\\setlength{\\topmargin}{-1cm}
                \\begin{document}

                """
        }
        out += fragment(document)
        if standalone { out += "\n\\end{document}\n" }
        return out
    }

    static func fragment(_ document: AuditDocument) -> String {
        let label =
            "dyadcert:" + String(document.path.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." ? $0 : "-" }.filter(\.isASCII))
        var out = "% DyadCert audit of \(comment(document.path)), written by dyadcert audit --format latex.\n"
        out += "% Needs \\usepackage{longtable}; compiles with pdflatex (use --standalone for a complete document).\n"
        out += "% Verdict: \(comment(AuditText.summaryLine(document))).\n"
        out += "\\subsection*{Certificate \\texttt{\(escape(document.path))}}\n\n"
        if let description = document.description { out += escape(description) + "\n\n" }
        let passed = document.claims.filter { $0.verdict?.passed == true }.count
        out +=
            "\\noindent\\textbf{Verdict.} \(escape(AuditText.summaryLine(document))): \(passed) of \(document.claims.count) claims re-checked and verified by the DyadCert kernel with exact arithmetic.\n\n"

        if let table = RatesTable(document) {
            out += "\\noindent\\textbf{Verified numbers by depth.}\n\n\\begin{center}\n" + table.latex + "\\end{center}\n\n"
        }

        // The results table.
        out += "{\\small\n\\begin{longtable}{@{}r@{\\quad}p{0.2\\linewidth}p{0.5\\linewidth}p{0.17\\linewidth}@{}}\n"
        let fileName = String(document.path.split(separator: "/").last ?? Substring(document.path))
        out += "\\caption{Claims of \\texttt{\(escape(fileName))} and the kernel's verdicts.}\\label{\(label)}\\\\\n"
        out += "\\hline\n & Claim & Statement & Verdict \\\\\n\\hline\n\\endfirsthead\n"
        out += "\\hline\n & Claim & Statement & Verdict \\\\\n\\hline\n\\endhead\n\\hline\n\\endfoot\n"
        for (i, claim) in document.claims.enumerated() {
            let statement =
                ClaimStatement.formula(claim, in: document).map { "\\raggedright $\($0.latex)$" } ?? "\\raggedright "
                + escape(claim.verdict?.summary ?? claim.rule)
            out +=
                "\(i + 1) & \\raggedright\\texttt{\(escape(claim.id))} & \(statement) & \\raggedright \(verdict(claim))\\tabularnewline\n"
        }
        out += "\\end{longtable}\n}\n\n"

        // The claim list.
        out += "\\begin{description}\n"
        for claim in document.claims {
            out += "\\item[\\texttt{\(escape(claim.id))}] (rule \\texttt{\(escape(claim.rule))}"
            if let lemma = claim.verdict?.lemma { out += ", sound by \(escape(lemma))" }
            out += "; \(verdict(claim))) "
            if let summary = claim.verdict?.summary { out += escape(summary) + "." }
            if let description = claim.description { out += " " + escape(description) }
            if !claim.uses.isEmpty { out += " Uses: " + claim.uses.map { "\\texttt{\(escape($0))}" }.joined(separator: ", ") + "." }
            if let verdict = claim.verdict, case .failed(let failure) = verdict.outcome {
                out += " \\textbf{Failure:} \(escape(failure.reason)) (at \\texttt{\(escape(failure.pointer.display))})."
            }
            out += "\n"
        }
        out += "\\end{description}\n"
        return out
    }

    static func verdict(_ claim: AuditDocument.Claim) -> String {
        guard let verdict = claim.verdict else { return "not checked" }
        return verdict.passed ? "verified" : "\\textbf{false}"
    }

    static func escape(_ text: String) -> String { LaTeXEscaping.text(text) }

    /// Text for a `%` comment: one line, ASCII.
    static func comment(_ text: String) -> String {
        String(text.map { $0 == "\n" || $0 == "\r" ? " " : $0 }.filter(\.isASCII))
    }
}
