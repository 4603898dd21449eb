import CertificateDigest
import CertificateKernel

/// The HTML audit: one self-contained file (inline CSS, SVG and MathML; no scripts, no
/// fonts, nothing fetched at view time) with the verdict, a table of contents with a
/// badge per claim, the figures, every claim with its statement as a formula, and every
/// object. A print stylesheet lays it out for paper (A4, no dark backgrounds, figures and
/// claims kept whole).
public enum HTMLAudit {
    public static func render(_ document: AuditDocument) -> String {
        let figures = AuditFigures.all(document)
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Audit of \(escape(document.path))</title>
            <style>
            \(stylesheet)
            </style>
            </head>
            <body>
            <h1>Audit of <code>\(escape(document.path))</code></h1>

            """
        if let description = document.description { out += "<p>\(escape(description))</p>\n" }
        let ok = document.verdict.status == .verified
        out +=
            "<p class=\"verdict\(ok ? "" : " bad")\">\(fileBadge(document)) <strong>Verdict:</strong> \(escape(AuditText.summaryLine(document))), re-checked by the DyadCert kernel.</p>\n"
        out +=
            "<p class=\"muted\">Every number is exact; decimals (≈) are rounded for reading only. Plot ticks are exact values. Figures are drawn from the certificate's objects and the claims the kernel verified.</p>\n"
        out += tableOfContents(document, figures)
        if !figures.isEmpty {
            out += "<h2 id=\"figures\">Figures</h2>\n"
            for (number, figure) in figures.enumerated() {
                out += "<figure id=\"\(figure.id)\">\n"
                if figure.smallMultiples {
                    out +=
                        "<div class=\"multiples\">\n"
                        + figure.svgs.map {
                            $0.replacingOccurrences(of: "<svg ", with: "<svg class=\"panel\" ", options: [], range: $0.range(of: "<svg "))
                        }.joined() + "</div>\n"
                } else {
                    out += figure.svgs.map {
                        $0.replacingOccurrences(of: "<svg ", with: "<svg class=\"plot\" ", options: [], range: $0.range(of: "<svg "))
                    }.joined()
                }
                out +=
                    "<figcaption><strong>Figure \(number + 1). \(figure.title.html).</strong> \(figure.caption.html)</figcaption>\n</figure>\n"
            }
        }
        out += "<h2 id=\"claims\">Claims</h2>\n"
        for claim in document.claims {
            out += "<section class=\"claim\" id=\"claim-\(anchor(claim.id))\">\n"
            out += "<h3>\(badge(claim)) <code>\(escape(claim.id))</code> · <code>\(escape(claim.rule))</code></h3>\n"
            if let formula = ClaimStatement.formula(claim, in: document) { out += "<p class=\"formula\">\(formula.mathML)</p>\n" }
            if let verdict = claim.verdict { out += "<p><span class=\"muted\">Kernel:</span> \(escape(verdict.summary))</p>\n" }
            if let description = claim.description { out += "<p class=\"muted\">\(escape(description))</p>\n" }
            out += "<table>\n"
            out += "<tr><th>sound by</th><td>\(escape(claim.verdict?.lemma ?? "—"))</td></tr>\n"
            if !claim.uses.isEmpty {
                out +=
                    "<tr><th>uses</th><td>"
                    + claim.uses.map { "<a href=\"#claim-\(anchor($0))\"><code>\(escape($0))</code></a>" }.joined(separator: ", ")
                    + "</td></tr>\n"
            }
            for (key, value) in claim.inputs.members {
                out += "<tr><th>input <code>\(escape(key))</code></th><td>\(cell(value, key: key))</td></tr>\n"
            }
            for (key, value) in claim.statement.members {
                out += "<tr><th>statement <code>\(escape(key))</code></th><td>\(cell(value, key: key))</td></tr>\n"
            }
            if let verdict = claim.verdict, case .failed(let failure) = verdict.outcome {
                out +=
                    "<tr><th>failure</th><td class=\"fail\">\(escape(failure.reason)) (at <code>\(escape(failure.pointer.display))</code>)</td></tr>\n"
                if let expected = failure.expected { out += "<tr><th>stated</th><td>\(escape(expected))</td></tr>\n" }
                if let computed = failure.computed { out += "<tr><th>computed</th><td>\(escape(computed))</td></tr>\n" }
            }
            if let verdict = claim.verdict { out += "<tr><th>digest</th><td><code>\(verdict.digest)</code></td></tr>\n" }
            out += "</table>\n</section>\n"
        }
        out +=
            "<h2 id=\"objects\">Objects</h2>\n<table class=\"objects\">\n<tr><th>name</th><th>kind</th><td class=\"muted\">fields</td></tr>\n"
        for (name, fields) in document.objects {
            let rest = fields.members.filter { $0.key != "kind" }.map { "<code>\(escape($0.key))</code>: \(cell($0.value, key: $0.key))" }
                .joined(separator: "; ")
            out +=
                "<tr id=\"object-\(anchor(name))\"><th><code>\(escape(name))</code></th><th>\(escape(AuditValues.string(fields["kind"]) ?? "?"))</th><td>\(rest)</td></tr>\n"
        }
        out += "</table>\n<p class=\"muted\">Generated by dyadcert audit.</p>\n</body>\n</html>\n"
        return out
    }

    /// Contents: the figures, then every claim with its verdict badge, then the objects.
    static func tableOfContents(_ document: AuditDocument, _ figures: [AuditFigure]) -> String {
        var out = "<nav class=\"toc\" aria-label=\"Contents\">\n<h2>Contents</h2>\n<ol>\n"
        if !figures.isEmpty {
            out += "<li><a href=\"#figures\">Figures</a>\n<ol>\n"
            for (number, figure) in figures.enumerated() {
                out += "<li><a href=\"#\(figure.id)\">Figure \(number + 1). \(figure.title.html)</a></li>\n"
            }
            out += "</ol></li>\n"
        }
        let passed = document.claims.filter { $0.verdict?.passed == true }.count
        out +=
            "<li><a href=\"#claims\">Claims</a> <span class=\"muted\">(\(passed) of \(document.claims.count) verified)</span>\n<ol class=\"claims\">\n"
        for claim in document.claims {
            out +=
                "<li>\(badge(claim)) <a href=\"#claim-\(anchor(claim.id))\"><code>\(escape(claim.id))</code></a> <span class=\"muted\">\(escape(claim.rule))</span></li>\n"
        }
        out +=
            "</ol></li>\n<li><a href=\"#objects\">Objects</a> <span class=\"muted\">(\(document.objects.count))</span></li>\n</ol>\n</nav>\n"
        return out
    }

    /// A claim's verdict badge: verified, false, or not checked.
    static func badge(_ claim: AuditDocument.Claim) -> String {
        guard let verdict = claim.verdict else { return "<span class=\"badge unchecked\">not checked</span>" }
        return verdict.passed ? "<span class=\"badge pass\">✓ verified</span>" : "<span class=\"badge fail\">✗ false</span>"
    }

    static func fileBadge(_ document: AuditDocument) -> String {
        switch document.verdict.status {
        case .verified: return "<span class=\"badge pass\">✓ verified</span>"
        case .failed: return "<span class=\"badge fail\">✗ false claim</span>"
        case .malformed: return "<span class=\"badge fail\">malformed</span>"
        case .limitExceeded: return "<span class=\"badge fail\">limit exceeded</span>"
        }
    }

    static let stylesheet = """
        body { font-family: -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; margin: 2em auto; max-width: 62em; padding: 0 1em; color: #1d1d1f; background: #ffffff; line-height: 1.45; }
        h1 { font-size: 1.5em; } h2 { font-size: 1.25em; margin-top: 2em; border-bottom: 1px solid #ddd; }
        h3 { font-size: 1.05em; margin-bottom: 0.3em; }
        code, mtext.code { font-family: "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 0.92em; }
        code { background: #f4f4f6; padding: 0 0.25em; border-radius: 3px; }
        math { font-size: 1.08em; }
        .verdict { padding: 0.6em 0.9em; border-radius: 6px; background: #eef7ee; border: 1px solid #b7dfb7; }
        .verdict.bad { background: #fdeeee; border-color: #e8b4b4; }
        .badge { display: inline-block; font-size: 0.8em; font-weight: 600; padding: 0 0.45em; border-radius: 0.8em; border: 1px solid; white-space: nowrap; }
        .badge.pass { color: #1e7b34; border-color: #8fcf9c; background: #eef7ee; }
        .badge.fail { color: #b3261e; border-color: #e8a3a3; background: #fdeeee; }
        .badge.unchecked { color: #666; border-color: #ccc; background: #f6f6f6; }
        nav.toc { border: 1px solid #e2e2e6; border-radius: 6px; padding: 0.2em 1.2em 0.6em; margin: 1.5em 0; }
        nav.toc h2 { margin-top: 0.6em; border: none; }
        nav.toc ol { padding-left: 1.4em; margin: 0.2em 0; } nav.toc ol.claims { columns: 2; column-gap: 2em; }
        nav.toc a { text-decoration: none; }
        .claim { border: 1px solid #e2e2e6; border-radius: 6px; padding: 0.2em 1em 0.8em; margin: 1em 0; }
        .formula { font-size: 1.05em; margin: 0.4em 0; overflow-x: auto; }
        .pass { color: #1e7b34; } .fail { color: #b3261e; }
        table { border-collapse: collapse; width: 100%; font-size: 0.92em; }
        td, th { border-top: 1px solid #eee; padding: 0.25em 0.5em; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
        th { color: #666; font-weight: 500; width: 9em; }
        figure { margin: 1.5em 0; } figcaption { color: #444; font-size: 0.92em; margin-top: 0.4em; }
        svg.plot { width: 100%; max-width: 60em; height: auto; display: block; margin: 0.4em 0; }
        .multiples { display: grid; grid-template-columns: repeat(auto-fill, minmax(14em, 1fr)); gap: 0.3em; }
        svg.panel { width: 100%; height: auto; display: block; }
        svg .title { font: 600 12px sans-serif; fill: #333; } svg .tick { font: 10px sans-serif; fill: #555; }
        svg .label { font: 11px sans-serif; fill: #333; } svg .legend { font: 10px sans-serif; fill: #333; } svg .tick-note { font: italic 10px sans-serif; fill: #555; } svg .cell { font: 10px sans-serif; }
        .muted { color: #666; }
        @media print {
          @page { size: A4; margin: 15mm 14mm; }
          body { max-width: none; margin: 0; padding: 0; font-size: 10pt; color: #000; }
          h2 { break-after: avoid; } h3 { break-after: avoid; }
          h2#figures, h2#claims, h2#objects { break-before: page; }
          nav.toc ol.claims { columns: 2; }
          figure, .claim, tr, svg { break-inside: avoid; }
          .multiples { grid-template-columns: repeat(4, 1fr); }
          a { color: inherit; text-decoration: none; }
          code, .verdict, .verdict.bad, .badge, .badge.pass, .badge.fail, .badge.unchecked { background: none; }
          svg { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
          .claim, nav.toc { border-color: #bbb; }
        }
        """

    static func cell(_ value: JSONValue, key: String) -> String {
        AuditText.render(value, key: key, name: { "<a href=\"#object-\(anchor($0))\"><code>\(escape($0))</code></a>" }, escape: escape)
    }

    static func escape(_ text: String) -> String { MarkupEscaping.xml(text) }

    static func anchor(_ name: String) -> String {
        String(name.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "-" })
    }
}
