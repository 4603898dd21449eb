import CertificateDigest
import CertificateKernel

/// The HTML audit: one self-contained file (inline CSS and SVG, no scripts, no network)
/// with the verdict, the figures, every claim and every object.
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
        body { font-family: -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; margin: 2em auto; max-width: 60em; padding: 0 1em; color: #1d1d1f; line-height: 1.45; }
        h1 { font-size: 1.5em; } h2 { font-size: 1.25em; margin-top: 2em; border-bottom: 1px solid #ddd; }
        h3 { font-size: 1.05em; margin-bottom: 0.3em; }
        code { font-family: "SF Mono", Menlo, Consolas, monospace; font-size: 0.92em; background: #f4f4f6; padding: 0 0.25em; border-radius: 3px; }
        .verdict { padding: 0.6em 0.9em; border-radius: 6px; background: #eef7ee; border: 1px solid #b7dfb7; }
        .verdict.bad { background: #fdeeee; border-color: #e8b4b4; }
        .claim { border: 1px solid #e2e2e6; border-radius: 6px; padding: 0.2em 1em 0.8em; margin: 1em 0; }
        .pass { color: #1e7b34; font-weight: 600; } .fail { color: #b3261e; font-weight: 600; }
        table { border-collapse: collapse; width: 100%; font-size: 0.92em; }
        td, th { border-top: 1px solid #eee; padding: 0.25em 0.5em; text-align: left; vertical-align: top; }
        th { color: #666; font-weight: 500; width: 9em; }
        figure { margin: 1.5em 0; } figcaption { color: #555; font-size: 0.92em; }
        svg { width: 100%; max-width: 60em; height: auto; display: block; margin: 0.4em 0; }
        svg .title { font: 600 12px sans-serif; fill: #333; } svg .tick { font: 10px sans-serif; fill: #555; } svg .label { font: 11px sans-serif; fill: #333; }
        .muted { color: #666; }
        </style>
        </head>
        <body>
        <h1>Audit of <code>\(escape(document.path))</code></h1>

        """
        if let description = document.description { out += "<p>\(escape(description))</p>\n" }
        let ok = document.verdict.status == .verified
        out += "<p class=\"verdict\(ok ? "" : " bad")\"><strong>Verdict:</strong> \(escape(AuditText.summaryLine(document))), re-checked by the DyadCert kernel.</p>\n"
        out += "<p class=\"muted\">Every number is exact; decimals (≈) are rounded for reading only. Plots are drawn from the certificate's objects.</p>\n"
        if !figures.isEmpty {
            out += "<h2>Figures</h2>\n"
            for figure in figures {
                out += "<figure>\n" + figure.svgs.joined() + "<figcaption><strong>\(escape(figure.title)).</strong> \(escape(figure.caption))</figcaption>\n</figure>\n"
            }
        }
        out += "<h2>Claims</h2>\n"
        for claim in document.claims {
            let passed = claim.verdict?.passed == true
            out += "<section class=\"claim\" id=\"claim-\(anchor(claim.id))\">\n"
            out += "<h3><span class=\"\(passed ? "pass" : "fail")\">\(passed ? "✓" : "✗")</span> <code>\(escape(claim.id))</code> · <code>\(escape(claim.rule))</code> · \(escape(AuditText.verdictWord(claim)))</h3>\n"
            if let verdict = claim.verdict { out += "<p>\(escape(verdict.summary))</p>\n" }
            if let description = claim.description { out += "<p class=\"muted\">\(escape(description))</p>\n" }
            out += "<table>\n"
            out += "<tr><th>sound by</th><td>\(escape(claim.verdict?.lemma ?? "—"))</td></tr>\n"
            if !claim.uses.isEmpty {
                out += "<tr><th>uses</th><td>" + claim.uses.map { "<a href=\"#claim-\(anchor($0))\"><code>\(escape($0))</code></a>" }.joined(separator: ", ") + "</td></tr>\n"
            }
            for (key, value) in claim.inputs.members { out += "<tr><th>input <code>\(escape(key))</code></th><td>\(cell(value, key: key))</td></tr>\n" }
            for (key, value) in claim.statement.members { out += "<tr><th>statement <code>\(escape(key))</code></th><td>\(cell(value, key: key))</td></tr>\n" }
            if let verdict = claim.verdict, case .failed(let failure) = verdict.outcome {
                out += "<tr><th>failure</th><td class=\"fail\">\(escape(failure.reason)) (at <code>\(escape(failure.pointer.display))</code>)</td></tr>\n"
                if let expected = failure.expected { out += "<tr><th>stated</th><td>\(escape(expected))</td></tr>\n" }
                if let computed = failure.computed { out += "<tr><th>computed</th><td>\(escape(computed))</td></tr>\n" }
            }
            if let verdict = claim.verdict { out += "<tr><th>digest</th><td><code>\(verdict.digest)</code></td></tr>\n" }
            out += "</table>\n</section>\n"
        }
        out += "<h2>Objects</h2>\n<table>\n<tr><th>name</th><th>kind</th><td class=\"muted\">fields</td></tr>\n"
        for (name, fields) in document.objects {
            let rest = fields.members.filter { $0.key != "kind" }.map { "<code>\(escape($0.key))</code>: \(cell($0.value, key: $0.key))" }.joined(separator: "; ")
            out += "<tr id=\"object-\(anchor(name))\"><th><code>\(escape(name))</code></th><th>\(escape(AuditValues.string(fields["kind"]) ?? "?"))</th><td>\(rest)</td></tr>\n"
        }
        out += "</table>\n<p class=\"muted\">Generated by dyadcert audit.</p>\n</body>\n</html>\n"
        return out
    }

    static func cell(_ value: JSONValue, key: String) -> String {
        AuditText.render(value, key: key, name: { "<a href=\"#object-\(anchor($0))\"><code>\(escape($0))</code></a>" }, escape: escape)
    }

    static func escape(_ text: String) -> String { SVGPlot.escape(text) }

    static func anchor(_ name: String) -> String {
        String(name.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "-" })
    }
}
