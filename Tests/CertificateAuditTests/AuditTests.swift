import CertificateGenerator
import ExactArithmetic
import Testing
@testable import CertificateAudit

@Suite("Audit reports")
struct AuditTests {
    static func document(_ text: String) throws -> AuditDocument {
        try AuditDocument(bytes: Array(text.utf8), path: "test.dyadcert.json")
    }

    @Test("the HTML audit of a separation certificate is self-contained with at least three SVG plots")
    func separationHTML() throws {
        let text = try SeparationScenario(levels: 5, readouts: [16, 17, 18, 19], seed: 7).certificate().text
        let document = try Self.document(text)
        let html = HTMLAudit.render(document)
        let svgs = html.components(separatedBy: "<svg ").count - 1
        #expect(svgs >= 3)
        #expect(!html.contains("<script"))
        #expect(!html.contains("src=\"http"))
        #expect(!html.contains("href=\"http"))
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        for claim in document.claims {
            #expect(html.contains("id=\"claim-\(claim.id)\""), "claim \(claim.id) has an anchor")
            #expect(claim.verdict?.passed == true)
        }
        // Dependencies are links to the claims they name.
        #expect(html.contains("href=\"#claim-joint-size\""))
        // Every exact fraction appears with a decimal.
        #expect(html.contains("1/2 (≈ 0.5)"))
    }

    @Test("the Markdown audit lists every claim, its rule and lemma, and its verdict")
    func markdown() throws {
        let text = try TriangleScenario(teeth: 4, units: 8).certificate().text
        let document = try Self.document(text)
        let markdown = MarkdownAudit.render(document)
        for claim in document.claims {
            #expect(markdown.contains("### <a id=\"\(claim.id)\"></a>\(claim.id)"))
        }
        #expect(markdown.contains("Lemma T (MATH.md sec. 9)"))
        #expect(markdown.components(separatedBy: "- **States:** ").count - 1 == document.claims.count, "a formula per claim")
        #expect(markdown.contains("- **States:** ‖g−s‖\\_∞≥"))
        #expect(markdown.contains("**Verdict:** verified"))
    }

    @Test("a false claim is shown as false with the kernel's reason")
    func falseClaim() throws {
        let text = try SeparationScenario(levels: 3, readouts: [4, 5], seed: 1).certificate().text
            .replacingOccurrences(of: "\"log2-size\": \"5\"", with: "\"log2-size\": \"6\"")
        let document = try Self.document(text)
        let markdown = MarkdownAudit.render(document)
        #expect(markdown.contains("**Verdict:** FALSE"))
        #expect(markdown.contains("Lemma J gives log2 \\|K\\_M\\| = 5"))
        #expect(HTMLAudit.render(document).contains("class=\"verdict bad\""))
    }

    /// Expected digits from Python's decimal module (10 significant digits, half up);
    /// our format drops trailing zeros and the exponent's plus sign.
    @Test("exact decimals: rounding and magnitudes")
    func decimals() throws {
        #expect(ExactDecimal.text(try Rational(1, 3)) == "0.3333333333")
        #expect(ExactDecimal.text(try Rational(2, 3)) == "0.6666666667")
        #expect(ExactDecimal.text(try Rational(-1, 8)) == "-0.125")
        #expect(ExactDecimal.text(try Rational(2097152, 32831)) == "63.87718924")
        #expect(ExactDecimal.text(try Rational(1, 65536)) == "0.00001525878906")
        #expect(ExactDecimal.text(Rational(BigInt.powerOfTwo(100))) == "1.2676506e30")
        #expect(ExactDecimal.text(Rational(1) / Rational(BigInt.powerOfTwo(100))) == "7.888609052e-31")
        #expect(ExactDecimal.text(Rational(0)) == "0")
        #expect(ExactDecimal.text(try Rational(999_999_999_95, 100)) == "1000000000")
    }

    @Test("plot coordinates are deterministic text")
    func coordinates() {
        #expect(SVGPlot.f(1.005) == "1.00" || SVGPlot.f(1.005) == "1.01")
        #expect(SVGPlot.f(-2.5) == "-2.50")
        #expect(SVGPlot.f(0.015625) == "0.02")
    }
}
