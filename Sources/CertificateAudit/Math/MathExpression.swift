import ExactArithmetic

/// A small tree of mathematical notation, written once and rendered four ways: MathML
/// for the HTML audit (no scripts, no fonts, no network), LaTeX for a paper's appendix,
/// SVG text for plot labels, and plain Unicode for the Markdown audit.
///
/// Example: `.row(.sub(.i("h"), .i("σ")), .o("="), .n("0"))` is h_σ = 0.
indirect enum MathExpression: Sendable {
    /// An identifier (MathML `mi`): a variable, or an operator name such as log.
    case identifier(String)
    /// A number as written (MathML `mn`).
    case number(String)
    /// An operator or fence (MathML `mo`).
    case symbol(String)
    /// Words inside a formula (MathML `mtext`).
    case text(String)
    /// A name from the certificate (an object or claim id), set in monospace.
    case code(String)
    case row([MathExpression])
    case subscripted(MathExpression, MathExpression)
    case superscripted(MathExpression, MathExpression)
    case fraction(MathExpression, MathExpression)

    static func i(_ name: String) -> MathExpression { .identifier(name) }
    static func n(_ digits: String) -> MathExpression { .number(digits) }
    static func n(_ value: Int) -> MathExpression { .number(String(value)) }
    static func o(_ symbol: String) -> MathExpression { .symbol(symbol) }
    static func row(_ items: MathExpression...) -> MathExpression { .row(items) }
    static func sub(_ base: MathExpression, _ index: MathExpression) -> MathExpression { .subscripted(base, index) }
    static func sup(_ base: MathExpression, _ power: MathExpression) -> MathExpression { .superscripted(base, power) }
    static func frac(_ top: MathExpression, _ bottom: MathExpression) -> MathExpression { .fraction(top, bottom) }
    static func t(_ words: String) -> MathExpression { .text(words) }

    /// `(inner)` with stretchy-free parentheses.
    static func paren(_ inner: MathExpression...) -> MathExpression { .row([.o("(")] + inner + [.o(")")]) }

    /// An exact rational: an integer, or -p/q as a fraction. Decimals never appear.
    static func rational(_ x: Rational) -> MathExpression {
        if x.isInteger { return x.signum < 0 ? .row(.o("−"), .n(x.magnitude.description)) : .n(x.description) }
        let body = MathExpression.frac(.n(x.numerator.magnitude.description), .n(x.denominator.description))
        return x.signum < 0 ? .row(.o("−"), body) : body
    }

    /// A rational as written in a certificate, when it parses; the text itself otherwise.
    static func value(_ text: String) -> MathExpression {
        if let x = try? Rational(parsing: text, digitLimit: 10_000) { return rational(x) }
        return .t(text)
    }

    /// A name from the certificate (an object or claim), set in monospace text.
    static func name(_ text: String) -> MathExpression { .code(text) }

    // MARK: - Notation of MATH.md

    static let sigma = MathExpression.i("σ")
    static let epsilon = MathExpression.i("ε")
    static let hSigma = MathExpression.sub(.i("h"), sigma)
    static let uSigma = MathExpression.sub(.i("u"), sigma)
    static let log2 = MathExpression.sub(.i("log"), .n(2))

    /// log2 N(eps, K).
    static func log2Covering(_ eps: MathExpression, _ set: MathExpression) -> MathExpression {
        .row(log2, .i("N"), paren(eps, .o(","), set))
    }

    /// ‖f − g‖∞.
    static func supDistance(_ f: MathExpression, _ g: MathExpression) -> MathExpression {
        .row(.o("‖"), f, .o("−"), g, .sub(.o("‖"), .i("∞")))
    }
}

/// Running text with inline mathematics, built by string interpolation:
/// `"the feature \(math: .hSigma) of the tree \(name)"`.
struct Prose: ExpressibleByStringInterpolation, Sendable {
    enum Piece: Sendable {
        case text(String)
        case math(MathExpression)
    }

    var pieces: [Piece] = []

    init(stringLiteral value: String) { pieces = [.text(value)] }
    init(pieces: [Piece]) { self.pieces = pieces }

    init(stringInterpolation: Interpolation) { pieces = stringInterpolation.pieces }

    struct Interpolation: StringInterpolationProtocol {
        var pieces: [Piece] = []
        init(literalCapacity: Int, interpolationCount: Int) {}
        mutating func appendLiteral(_ literal: String) { if !literal.isEmpty { pieces.append(.text(literal)) } }
        mutating func appendInterpolation(_ text: String) { pieces.append(.text(text)) }
        mutating func appendInterpolation(_ value: Int) { pieces.append(.text(String(value))) }
        mutating func appendInterpolation(math: MathExpression) { pieces.append(.math(math)) }
        mutating func appendInterpolation(_ prose: Prose) { pieces += prose.pieces }
    }

    static func + (lhs: Prose, rhs: Prose) -> Prose { Prose(pieces: lhs.pieces + rhs.pieces) }
}
