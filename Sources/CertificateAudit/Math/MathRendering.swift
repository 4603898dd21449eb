/// The four renderings of `MathExpression` and `Prose`.
extension MathExpression {
    /// Inline MathML (MathML Core, rendered natively by current browsers; the `alttext`
    /// carries the plain reading for screen readers and copy-paste).
    var mathML: String {
        "<math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"inline\" alttext=\"\(MarkupEscaping.xml(plain))\">\(mathMLBody)</math>"
    }

    private var mathMLBody: String {
        switch self {
        case .identifier(let name): return "<mi>\(MarkupEscaping.xml(name))</mi>"
        case .number(let digits): return "<mn>\(MarkupEscaping.xml(digits))</mn>"
        case .symbol(let symbol):
            // Fences hug their contents, as in print.
            let fence = ["(", ")", "[", "]", "⟨", "⟩", "|", "‖", "⌈", "⌉", "{", "}"].contains(symbol)
            return fence ? "<mo lspace=\"0\" rspace=\"0\">\(MarkupEscaping.xml(symbol))</mo>" : "<mo>\(MarkupEscaping.xml(symbol))</mo>"
        case .text(let words): return "<mtext>\(MarkupEscaping.xml(Self.keepingEdgeSpaces(words)))</mtext>"
        case .code(let name): return "<mtext class=\"code\">\(MarkupEscaping.xml(name))</mtext>"
        case .row(let items): return "<mrow>" + items.map(\.mathMLBody).joined() + "</mrow>"
        case .subscripted(let base, let index): return "<msub>\(base.mathMLGroup)\(index.mathMLGroup)</msub>"
        case .superscripted(let base, let power): return "<msup>\(base.mathMLGroup)\(power.mathMLGroup)</msup>"
        case .fraction(let top, let bottom): return "<mfrac>\(top.mathMLGroup)\(bottom.mathMLGroup)</mfrac>"
        }
    }

    /// MathML collapses spaces at the ends of `mtext`; no-break spaces keep them.
    static func keepingEdgeSpaces(_ words: String) -> String {
        var text = words
        if text.hasPrefix(" ") { text = "\u{00A0}" + text.dropFirst() }
        if text.hasSuffix(" ") { text = text.dropLast() + "\u{00A0}" }
        return text
    }

    /// One MathML element (scripts and fractions take exactly one element per argument).
    private var mathMLGroup: String {
        if case .row = self { return mathMLBody }
        return "<mrow>\(mathMLBody)</mrow>"
    }

    /// LaTeX math-mode source (without the surrounding `$`), for pdflatex with no packages.
    var latex: String {
        switch self {
        case .identifier(let name):
            if let command = Self.latexSymbols[name] { return command }
            if name == "log" { return "\\log" }
            if name.count == 1, name.allSatisfy(\.isASCII) { return name }
            if name.allSatisfy({ $0.isASCII && $0.isLetter }) { return "\\mathrm{\(name)}" }
            return "\\mbox{\(LaTeXEscaping.text(name))}"
        case .number(let digits): return LaTeXEscaping.text(digits)
        case .symbol(let symbol): return Self.latexSymbols[symbol] ?? "\\mbox{\(LaTeXEscaping.text(symbol))}"
        case .text(let words): return "\\mbox{\(LaTeXEscaping.text(words))}"
        case .code(let name): return "\\mbox{\\ttfamily \(LaTeXEscaping.text(name))}"
        case .row(let items): return items.map(\.latex).joined(separator: " ")
        case .subscripted(let base, let index): return "{\(base.latex)}_{\(index.latex)}"
        case .superscripted(let base, let power): return "{\(base.latex)}^{\(power.latex)}"
        case .fraction(let top, let bottom): return "\\frac{\(top.latex)}{\(bottom.latex)}"
        }
    }

    static let latexSymbols: [String: String] = [
        "σ": "\\sigma", "ε": "\\varepsilon", "ψ": "\\psi", "∞": "\\infty", "δ": "\\delta",
        "−": "-", "+": "+", "=": "=", "<": "<", ">": ">", "≤": "\\le", "≥": "\\ge", "≠": "\\ne",
        "≈": "\\approx", "‖": "\\|", "|": "|", "∘": "\\circ", "⋅": "\\cdot", "×": "\\times",
        "…": "\\dots", "∑": "\\sum", "∏": "\\prod", "∈": "\\in", "∀": "\\forall", "→": "\\to",
        "(": "(", ")": ")", "[": "[", "]": "]", ",": ",", "{": "\\{", "}": "\\}",
        "⟨": "\\langle", "⟩": "\\rangle", "⌈": "\\lceil", "⌉": "\\rceil", ":": ":", "/": "/",
    ]

    /// SVG text content (inside a `<text>` element): subscripts and superscripts as
    /// shifted `tspan`s, fractions written p/q.
    var svg: String {
        switch self {
        case .identifier(let name):
            let escaped = MarkupEscaping.xml(name)
            return name.count == 1 ? "<tspan font-style=\"italic\">\(escaped)</tspan>" : escaped
        case .symbol(let text):
            // Relations get a little room, as MathML gives them.
            return ["=", "≤", "≥", "<", ">", "≈"].contains(text) ? "\u{2009}\(MarkupEscaping.xml(text))\u{2009}" : MarkupEscaping.xml(text)
        case .number(let text), .text(let text), .code(let text): return MarkupEscaping.xml(text)
        case .row(let items): return items.map(\.svg).joined()
        case .subscripted(let base, let index): return base.svg + "<tspan baseline-shift=\"sub\" font-size=\"75%\">\(index.svg)</tspan>"
        case .superscripted(let base, let power): return base.svg + "<tspan baseline-shift=\"super\" font-size=\"75%\">\(power.svg)</tspan>"
        case .fraction(let top, let bottom): return "\(top.svg)/\(bottom.svg)"
        }
    }

    /// Plain Unicode text: h_σ, 2^(J−1), 3/8.
    var plain: String {
        switch self {
        case .identifier(let text), .number(let text), .symbol(let text), .text(let text), .code(let text): return text
        case .row(let items): return items.map(\.plain).joined()
        case .subscripted(let base, let index): return base.plain + "_" + index.plainGroup
        case .superscripted(let base, let power): return base.plain + "^" + power.plainGroup
        case .fraction(let top, let bottom): return top.plainGroup + "/" + bottom.plainGroup
        }
    }

    private var plainGroup: String {
        let text = plain
        return text.count <= 1 || text.allSatisfy(\.isNumber) ? text : "(\(text))"
    }
}

extension Prose {
    /// HTML: escaped text with inline MathML.
    var html: String {
        pieces.map { piece in
            switch piece {
            case .text(let text): return MarkupEscaping.xml(text)
            case .math(let math): return math.mathML
            }
        }.joined()
    }

    /// LaTeX: escaped text with `$...$` mathematics.
    var latex: String {
        pieces.map { piece in
            switch piece {
            case .text(let text): return LaTeXEscaping.text(text)
            case .math(let math): return "$\(math.latex)$"
            }
        }.joined()
    }

    /// SVG text content.
    var svg: String {
        pieces.map { piece in
            switch piece {
            case .text(let text): return MarkupEscaping.xml(text)
            case .math(let math): return math.svg
            }
        }.joined()
    }

    /// Plain Unicode text (Markdown).
    var plain: String {
        pieces.map { piece in
            switch piece {
            case .text(let text): return text
            case .math(let math): return math.plain
            }
        }.joined()
    }
}

/// Escaping for HTML, SVG and MathML (all parsed as XML-compatible markup here), and
/// for the JUnit XML of `dyadcert verify --junit`.
public enum MarkupEscaping {
    /// `& < > "` as entities. Scalar by scalar, not character by character: a quote
    /// followed by a combining mark is one Swift `Character` that is not `"`, yet a
    /// browser still ends an attribute value at its quote. With `strict` (JUnit XML):
    /// also `'`, and every control character but tab and line feed, which XML 1.0
    /// cannot carry, becomes "?".
    public static func xml(_ text: String, strict: Bool = false) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'" where strict: out += "&apos;"
            case _ where strict && scalar.value < 0x20 && scalar != "\n" && scalar != "\t": out += "?"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// Escaping for LaTeX text mode (pdflatex, the default OT1 fonts, no packages): the ten
/// special characters, the characters OT1 prints wrongly (< > | "), and the non-ASCII
/// characters the reports use as commands; any other non-ASCII character becomes "?".
enum LaTeXEscaping {
    static func text(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "\\": out += "$\\backslash$"
            case "{": out += "\\{"
            case "}": out += "\\}"
            case "$": out += "\\$"
            case "&": out += "\\&"
            case "#": out += "\\#"
            case "%": out += "\\%"
            case "_": out += "\\_"
            case "^": out += "\\^{}"
            case "~": out += "\\~{}"
            case "<": out += "$<$"
            case ">": out += "$>$"
            case "|": out += "$|$"
            case "\"": out += "\\texttt{\"}"
            case "\n", "\r", "\t": out += " "
            default:
                if c.isASCII { out.append(c) } else { out += unicode[c] ?? "?" }
            }
        }
        return out
    }

    /// The non-ASCII characters the reports use, as pdflatex text-mode commands.
    static let unicode: [Character: String] = [
        "σ": "$\\sigma$", "ε": "$\\varepsilon$", "ψ": "$\\psi$", "∞": "$\\infty$", "δ": "$\\delta$",
        "−": "$-$", "≤": "$\\le$", "≥": "$\\ge$", "≠": "$\\ne$", "≈": "$\\approx$", "‖": "$\\|$",
        "∘": "$\\circ$", "⋅": "$\\cdot$", "·": "$\\cdot$", "×": "$\\times$", "…": "\\dots{}", "∑": "$\\sum$",
        "∈": "$\\in$", "∀": "$\\forall$", "→": "$\\to$", "⟨": "$\\langle$", "⟩": "$\\rangle$",
        "–": "--", "—": "---", "“": "``", "”": "''", "‘": "`", "’": "'", "✓": "$\\surd$", "✗": "$\\times$",
    ]
}
