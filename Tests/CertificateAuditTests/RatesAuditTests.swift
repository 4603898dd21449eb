import CertificateGenerator
import ExactArithmetic
import Testing
@testable import CertificateAudit

/// The audit of a rates certificate: log-scale plots of bits against J and of the Haar
/// brackets against log2(1/eps), and a table of the verified numbers by depth.
@Suite("Rates audit")
struct RatesAuditTests {
    static func document(_ text: String) throws -> AuditDocument {
        try AuditDocument(bytes: Array(text.utf8), path: "rates.dyadcert.json")
    }

    @Test("the HTML audit draws bits against J and one band per amplitude ratio")
    func plots() throws {
        let text = try RatesScenario(levels: 2...5, tasks: 2, haarLevels: 10, epsExponents: 1...6).certificate().text
        let document = try Self.document(text)
        #expect(document.claims.allSatisfy { $0.verdict?.passed == true })
        let html = HTMLAudit.render(document)
        #expect(html.contains("id=\"figure-rates-bits\""))
        #expect(html.contains("id=\"figure-rates-haar\""))
        // One shaded band per ratio (fill-opacity marks a band), three ratios by default.
        #expect(html.components(separatedBy: "fill-opacity=\"0.22\"").count - 1 == 3)
        for label in ["<title>ρ = 1/2</title>", "<title>ρ = 1/3</title>", "<title>ρ = 2/3</title>"] {
            #expect(html.contains(label), "\(label)")
        }
        // The one-scale bar chart is replaced.
        #expect(!html.contains("id=\"figure-bits\""))
    }

    /// D = 2 readouts at every J >= 2: separate 2 * 2^(J-1) = 2^J bits, family 2^J - 1,
    /// units 2^J (computed here, not read from the generator).
    @Test("the Markdown and LaTeX audits show the verified numbers by depth")
    func table() throws {
        let text = try RatesScenario(levels: 2...5, tasks: 2, haarLevels: 6, epsExponents: 1...3).certificate().text
        let document = try Self.document(text)
        let markdown = MarkdownAudit.render(document)
        #expect(markdown.contains("## Verified numbers by depth"))
        #expect(markdown.contains("separate first-layer units (every eps < 1)"))
        for J in 2...5 {
            let separate = 1 << J, family = (1 << J) - 1
            let prefix = "| \(J) | 2 | \(separate) | "
            let line = markdown.split(separator: "\n").first { $0.hasPrefix(prefix) }
            #expect(line?.hasSuffix(" | \(family) | \(separate) |") == true, "row J = \(J): \(line.map(String.init) ?? "missing")")
        }
        let latex = LaTeXAudit.render(document)
        #expect(latex.contains("\\begin{tabular}{rrrrrr}"))
        #expect(latex.contains("5 & 2 & 32 & "))
        // A false width claim leaves its cell empty.
        let broken = try Self.document(
            text.replacingOccurrences(of: "\"first-layer-units-at-least\": \"32\"", with: "\"first-layer-units-at-least\": \"33\""))
        let row = MarkdownAudit.render(broken).split(separator: "\n").first { $0.hasPrefix("| 5 | 2 | 32 | ") }
        #expect(row?.hasSuffix(" | 31 | – |") == true, "\(row.map(String.init) ?? "missing")")
    }
}
