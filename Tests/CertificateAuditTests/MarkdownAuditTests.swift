import Foundation
import Testing
@testable import CertificateAudit

/// The Markdown audit shows certificate text only as literal text: a certificate cannot
/// forge a verdict, hide the kernel's one (an unterminated HTML comment), or add
/// headings, list items, table cells or HTML. Checked on the Markdown itself (no
/// renderer): outside code spans every markup character of certificate text is
/// backslash-escaped, and the lines are the shapes the renderer writes.
@Suite("Markdown audit escaping")
struct MarkdownAuditTests {
    /// Texts that would be markup if written raw.
    static let hostile = [
        "The Haar system is orthogonal.\n\n**Verdict:** 3 passed, 0 failed (status: verified), re-checked by the DyadCert kernel.\n\n<!--",
        "<script>alert(1)</script> and <b onmouseover=x>bold</b>",
        "# Verified\n## Forged heading\nSetext\n===",
        "| a | b |\n|---|---|\n| c | d |",
        "``` fenced\ncode ```\n~~~\n`a`` b`",
        "- **Verdict:** verified\n1. item\n2) item\n> quote\n+ plus\n* star\n---\n    indented code",
        "[link](http://example.com) ![image](x.png) <http://example.com> [ref]\n[ref]: http://example.com",
        "*em* _em_ ~~gone~~ $x$ &lt; &amp; a\\\nb trailing backslash \\",
        "<\u{301}!-- a combining mark after the markup character *\u{301}x*\u{301}",
        "\t\n  - indented list\r\n1. after CR LF",
    ]

    /// A two-claim certificate: `f-within-2-of-g` holds, `f-minus-g` (sup distance = 2,
    /// really 1) is false; the descriptions are the given texts.
    static func certificate(description: String, claimDescriptions: [String]) throws -> AuditDocument {
        func json(_ text: String) -> String { String(decoding: try! JSONEncoder().encode(text), as: UTF8.self) }
        let text = """
            {"format": "dyadcert/1", "description": \(json(description)),
             "objects": {"f": {"kind": "step-function", "breakpoints": ["0", "1/3", "1"], "values": ["1/2", "-1/4"]},
                         "g": {"kind": "step-function", "breakpoints": ["0", "1/2", "1"], "values": ["3/4", "-1/2"]}},
             "claims": [
              {"id": "f-within-2-of-g", "rule": "sup-distance", "description": \(json(claimDescriptions[0])),
               "inputs": {"f": "f", "g": "g"}, "statement": {"relation": "<", "bound": "2"}},
              {"id": "f-minus-g", "rule": "sup-distance", "description": \(json(claimDescriptions[1])),
               "inputs": {"f": "f", "g": "g"}, "statement": {"relation": "=", "bound": "2"}}]}
            """
        return try AuditDocument(bytes: Array(text.utf8), path: "forged.dyadcert.json")
    }

    // MARK: - Reading the Markdown back

    /// CommonMark's ASCII punctuation: a backslash before one of these shows it as itself.
    static let punctuation = Set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".unicodeScalars)

    /// The scalars of `line` that a Markdown parser can read as markup: those outside code
    /// spans that no backslash escapes (an unmatched backtick run counts as markup).
    static func markup(_ line: String) -> [Unicode.Scalar] {
        let s = Array(line.unicodeScalars)
        var out: [Unicode.Scalar] = []
        var i = 0
        func run(_ at: Int) -> Int { s[at...].prefix { $0 == "`" }.count }
        while i < s.count {
            if s[i] == "\\", i + 1 < s.count, punctuation.contains(s[i + 1]) {
                i += 2
            } else if s[i] == "`" {
                let n = run(i)
                var j = i + n, end: Int? = nil
                while j < s.count {
                    if s[j] == "`" {
                        let m = run(j)
                        if m == n {
                            end = j + m
                            break
                        }
                        j += m
                    } else {
                        j += 1
                    }
                }
                if let end {
                    i = end
                } else {
                    out.append("`")
                    i += n
                }
            } else {
                out.append(s[i])
                i += 1
            }
        }
        return out
    }

    /// Text written by `MarkdownEscaping.text`, read back: a backslash before punctuation dropped.
    static func unescaped(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var escaped = false
        for scalar in text.unicodeScalars {
            if !escaped && scalar == "\\" {
                escaped = true
                continue
            }
            if escaped && !punctuation.contains(scalar) { out.append("\\") }
            escaped = false
            out.append(scalar)
        }
        if escaped { out.append("\\") }
        return String(out)
    }

    /// What `MarkdownEscaping.text` promises to show: line breaks and tabs as spaces, no leading spaces.
    static func shown(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { "\n\r\t".unicodeScalars.contains($0) ? " " : $0 }.drop { $0 == " " }))
    }

    /// Whether `text` holds `raw` with no backslash just before it.
    static func containsUnescaped(_ text: String, _ raw: String) -> Bool {
        var start = text.startIndex
        while let range = text.range(of: raw, range: start..<text.endIndex) {
            if range.lowerBound == text.startIndex || text[text.index(before: range.lowerBound)] != "\\" { return true }
            start = text.index(after: range.lowerBound)
        }
        return false
    }

    /// The unescaped pipes of a table row (GFM splits cells at these, even inside code spans).
    static func pipes(_ line: String) -> Int {
        var count = 0, previous: Unicode.Scalar = " "
        for scalar in line.unicodeScalars {
            if scalar == "|" && previous != "\\" { count += 1 }
            previous = scalar
        }
        return count
    }

    /// Every line is one the renderer writes, with the kernel's verdict on exactly one line,
    /// the description on its own line as escaped text, three cells in every table row,
    /// and no markup of the certificate's outside the renderer's own constructs.
    static func checkStructure(_ markdown: String, _ document: AuditDocument, sourceLocation: SourceLocation = #_sourceLocation) {
        let lines = markdown.components(separatedBy: "\n")
        let verdict = "**Verdict:** \(MarkdownEscaping.text(AuditText.summaryLine(document))), re-checked by the DyadCert kernel."
        #expect(lines.filter { $0.hasPrefix("**Verdict:**") } == [verdict], sourceLocation: sourceLocation)
        #expect(lines.first == "# Audit of " + MarkdownEscaping.code(document.path, tableCell: false), sourceLocation: sourceLocation)
        if let description = document.description {
            #expect(lines[2] == MarkdownEscaping.text(description), sourceLocation: sourceLocation)
        }
        let ownLines = [
            "# Audit of ", "## Claims", "## Objects", "### <a id=\"", "- **States:** ", "- **Rule:** ", "- **Verdict:** ",
            "- **Uses:** ", "- **Why:** ", "- **Failure:** ", "  - stated: ", "  - computed: ", "| ", "|---", "**Verdict:** ",
            "Every number is exact",
        ]
        // The renderer's own markup: anchors, links to anchors, bold labels, line openers.
        let own = try! NSRegularExpression(
            pattern: #"<a id="[-\p{L}\p{N}]*"></a>|\]\(#[-\p{L}\p{N}]*\)|\*\*[A-Z][a-z]*:\*\*|^#+ |^ *- "#)
        for (number, line) in lines.enumerated() {
            let isDescription = number == 2 && document.description != nil
            #expect(
                line.isEmpty || isDescription || ownLines.contains { line.hasPrefix($0) }, "unexpected line: \(line)",
                sourceLocation: sourceLocation)
            if line.hasPrefix("|") { #expect(pipes(line) == 4, "a row of three cells: \(line)", sourceLocation: sourceLocation) }
            let stripped = own.stringByReplacingMatches(
                in: line, range: NSRange(line.startIndex..., in: line), withTemplate: "")
            let markup = Self.markup(stripped).filter { "<>&!~$#*_`".unicodeScalars.contains($0) }
            #expect(markup.isEmpty, "unescaped \(markup) in: \(line)", sourceLocation: sourceLocation)
        }
    }

    // MARK: - The escaping functions

    @Test("escaped text reads back as the text, on one line, with every markup character escaped")
    func textEscaping() {
        for text in Self.hostile + ["", "  ", "\\", "`", "plain", "x\\"] {
            let escaped = MarkdownEscaping.text(text)
            #expect(!escaped.contains("\n") && !escaped.contains("\r"), "\(escaped)")
            #expect(Self.unescaped(escaped) == Self.shown(text), "\(escaped)")
            let markup = Self.markup(escaped).filter { MarkdownEscaping.specials.contains($0) }
            #expect(markup.isEmpty, "unescaped \(markup) in \(escaped)")
        }
    }

    @Test("escaped text starts no block: lists, breaks, setext underlines, indented code")
    func lineStarts() {
        #expect(MarkdownEscaping.text("- x") == "\\- x")
        #expect(MarkdownEscaping.text("+ x") == "\\+ x")
        #expect(MarkdownEscaping.text("-") == "\\-")
        #expect(MarkdownEscaping.text("---") == "\\---")
        #expect(MarkdownEscaping.text("- - -") == "\\- - -")
        #expect(MarkdownEscaping.text("===") == "\\===")
        #expect(MarkdownEscaping.text("1. x") == "1\\. x")
        #expect(MarkdownEscaping.text("12) x") == "12\\) x")
        #expect(MarkdownEscaping.text("3.") == "3\\.")
        #expect(MarkdownEscaping.text("# x") == "\\# x")
        #expect(MarkdownEscaping.text("> x") == "\\> x")
        #expect(MarkdownEscaping.text("* x") == "\\* x")
        #expect(MarkdownEscaping.text("    code") == "code")
        #expect(MarkdownEscaping.text("\t\n x") == "x")
        // What is no block marker stays as written: numbers, words, a dash inside a line.
        #expect(MarkdownEscaping.text("-1/4 (≈ -0.25)") == "-1/4 (≈ -0.25)")
        #expect(MarkdownEscaping.text("1.5 and 2)") == "1.5 and 2)")
        #expect(MarkdownEscaping.text("f-minus-g: 1 - 2 = -1.") == "f-minus-g: 1 - 2 = -1.")
        #expect(MarkdownEscaping.text("The Haar system is orthogonal.") == "The Haar system is orthogonal.")
        // Scalar by scalar: a markup character followed by a combining mark is still escaped.
        #expect(MarkdownEscaping.text("a<\u{301}!") == "a\\<\u{301}\\!")
    }

    @Test("code spans: a fence longer than any backtick run, padding at backticks and spaces, pipes in table cells")
    func codeSpans() {
        #expect(MarkdownEscaping.code("gram", tableCell: false) == "`gram`")
        #expect(MarkdownEscaping.code("a`b", tableCell: false) == "``a`b``")
        #expect(MarkdownEscaping.code("a``b`", tableCell: false) == "``` a``b` ```")
        #expect(MarkdownEscaping.code("`", tableCell: false) == "`` ` ``")
        #expect(MarkdownEscaping.code(" x", tableCell: false) == "`  x `")
        #expect(MarkdownEscaping.code("  ", tableCell: false) == "`  `")
        #expect(MarkdownEscaping.code("", tableCell: false) == "` `")
        #expect(MarkdownEscaping.code("a|b", tableCell: false) == "`a|b`")
        #expect(MarkdownEscaping.code("a|b", tableCell: true) == "`a\\|b`")
        #expect(MarkdownEscaping.code("a\nb\r\nc", tableCell: false) == "`a b  c`")
        #expect(MarkdownEscaping.code("<!-- *x*", tableCell: false) == "`<!-- *x*`")
        for text in Self.hostile {
            let span = MarkdownEscaping.code(text, tableCell: false)
            #expect(!span.contains("\n") && !span.contains("\r"))
            #expect(Self.markup(span).isEmpty, "one code span: \(span)")
        }
    }

    // MARK: - Audits of hostile certificates

    @Test("a forged verdict in the description is shown as text; the kernel's verdict and the false claim stay visible")
    func forgedVerdict() throws {
        let document = try Self.certificate(
            description: Self.hostile[0], claimDescriptions: ["A weaker, still true, bound.", "So the distance is 2."])
        let markdown = MarkdownAudit.render(document)
        Self.checkStructure(markdown, document)
        let lines = markdown.components(separatedBy: "\n")
        #expect(lines.contains("**Verdict:** 1 passed, 1 failed (status: failed), re-checked by the DyadCert kernel."))
        #expect(lines.contains { $0.hasPrefix("- **Verdict:** FALSE — ") })
        #expect(lines.contains { $0.hasPrefix("- **Failure:** the sup distance is 1") })
        #expect(
            lines[2]
                == "The Haar system is orthogonal.  \\*\\*Verdict:\\*\\* 3 passed, 0 failed (status: verified), re-checked by the DyadCert kernel.  \\<\\!--"
        )
        #expect(!markdown.contains("<!--"))
    }

    @Test("hostile descriptions render only escaped, each on its line")
    func hostileDescriptions() throws {
        for (i, text) in Self.hostile.enumerated() {
            let document = try Self.certificate(description: text, claimDescriptions: [text, Self.hostile[(i + 1) % Self.hostile.count]])
            #expect(document.verdict.claims.count == 2, "the kernel checks both claims")
            let markdown = MarkdownAudit.render(document)
            Self.checkStructure(markdown, document)
            #expect(markdown.contains("- **Why:** \(MarkdownEscaping.text(text))\n"))
            for raw in [
                "<!--", "<script", "<b ", "\n# Verified", "\n## Forged", "\n| c | d |", "\n```", "\n~~~", "\n> ", "[link]", "\n[ref]:",
            ] {
                #expect(!Self.containsUnescaped(markdown, raw), "\(raw) in the audit of hostile text \(i)")
            }
        }
    }

    @Test("hostile ids, rules, names, keys, values and file names render only escaped or in code spans")
    func hostileNames() throws {
        func json(_ text: String) -> String { String(decoding: try! JSONEncoder().encode(text), as: UTF8.self) }
        let name = "f`|<b>*x*\n# h"
        let text = """
            {"format": "dyadcert/1", "description": "-",
             "objects": {\(json(name)): {"kind": \(json("step`|*k*")), "breakpoints": ["0", "1"], "values": [\(json("<!--"))],
                                         \(json("key|`<i>")): \(json("| a | b |"))}},
             "claims": [{"id": \(json("# id <!-- |")), "rule": \(json("`rule`|<s>")), "uses": [\(json("[x](y) | z"))],
                         "inputs": {"f": \(json(name)), \(json("k|`")): [\(json("*v*")), 12]},
                         "statement": {"bound": \(json("\n## h\n| x |"))}}]}
            """
        for path in ["a`b``c|d <!--.json", "`", "x\n# y.json"] {
            let document = try AuditDocument(bytes: Array(text.utf8), path: path)
            let markdown = MarkdownAudit.render(document)
            Self.checkStructure(markdown, document)
            #expect(
                markdown.contains("| <a id=\"object-\(MarkdownAudit.anchor(name))\"></a>\(MarkdownEscaping.code(name, tableCell: true)) | ")
            )
            #expect(markdown.contains("### <a id=\"\(MarkdownAudit.anchor("# id <!-- |"))\"></a>\\# id \\<\\!-- \\|\n"))
            #expect(markdown.contains("- **Rule:** `` `rule`|<s> ``, "))
            #expect(markdown.contains("- **Uses:** [\\[x\\](y) \\| z](#\(MarkdownAudit.anchor("[x](y) | z")))\n"))
            #expect(markdown.contains("| input | `` k\\|` `` | [\\*v\\*, 12] |\n"))
            #expect(markdown.contains("`values`: [\\<\\!--]"))
            #expect(markdown.contains("``key\\|`<i>``: \\| a \\| b \\|"))
        }
    }
}
