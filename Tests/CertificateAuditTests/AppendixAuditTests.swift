import CertificateGenerator
import DyadicFunctions
import ExactArithmetic
import TestSupport
import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif
import Testing
@testable import CertificateAudit

/// Structure tests of the appendix-ready audits (not pixel tests): every output is drawn,
/// tick labels are exact dyadic values, MathML and SVG are well-formed XML, the LaTeX is
/// balanced and escaped, and (when pdflatex is installed) compiles.
@Suite("Appendix-ready audits")
struct AppendixAuditTests {
    static func document(_ text: String) throws -> AuditDocument {
        try AuditDocument(bytes: Array(text.utf8), path: "test.dyadcert.json")
    }

    /// The shipped certificates, found from this file's path.
    static let certificates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("Certificates")

    static func shipped(_ relative: String) throws -> AuditDocument {
        let url = certificates.appendingPathComponent(relative)
        return try AuditDocument(bytes: [UInt8](try Data(contentsOf: url)), path: relative)
    }

    // MARK: - Helpers that read the output back

    /// Every match of a regular expression's first group.
    static func matches(_ pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range(at: 1)) }
    }

    static func tickLabels(_ svg: String) -> [String] { matches("class=\"tick\">([^<]*)</text>", in: svg) }

    /// An exact dyadic rational k/2^e, read from a tick label.
    static func dyadic(_ label: String) -> Rational? {
        guard let x = try? Rational(parsing: label) else { return nil }
        let q = x.denominator
        return q.magnitude.bitLength > 0 && q == BigInt.powerOfTwo(q.magnitude.bitLength - 1) ? x : nil
    }

    /// 2^e for an integer e (of either sign).
    static func isPowerOfTwo(_ x: Rational) -> Bool {
        func power(_ n: BigInt) -> Bool { n.signum > 0 && n == BigInt.powerOfTwo(n.bitLength - 1) }
        return (x.numerator == 1 && power(x.denominator)) || (x.isInteger && power(x.numerator))
    }

    final class XMLCheck: NSObject, XMLParserDelegate {
        var error: Error?
        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) { error = parseError }
    }

    /// Parses a fragment as XML; returns the parser's error, if any.
    static func xmlError(_ fragment: String) -> String? {
        let parser = XMLParser(data: Data(fragment.utf8))
        let check = XMLCheck()
        parser.delegate = check
        return parser.parse() ? nil : "\(check.error.map { "\($0)" } ?? "parse failed"): \(fragment.prefix(300))"
    }

    static func elements(_ name: String, in html: String) -> [String] {
        matches("(<\(name)[ >].*?</\(name)>)", in: html)
    }

    // MARK: - Axes

    @Test("dyadic axes: the ticks of [-63/64, 63/64], [1/128, 127/128], [0, 1] and [-1, 1] by hand")
    func dyadicTicksByHand() {
        #expect(PlotAxis.dyadic(covering: -63.0 / 64, 63.0 / 64, label: "").ticks.map(\.label) == ["-1", "-1/2", "0", "1/2", "1"])
        #expect(PlotAxis.dyadic(covering: 1.0 / 128, 127.0 / 128, label: "").ticks.map(\.label) == ["0", "1/4", "1/2", "3/4", "1"])
        #expect(PlotAxis.dyadic(covering: 0, 1, label: "").ticks.map(\.label) == ["0", "1/4", "1/2", "3/4", "1"])
        #expect(PlotAxis.dyadic(covering: -1, 1, label: "", maximumIntervals: 2).ticks.map(\.label) == ["-1", "0", "1"])
        #expect(PlotAxis.dyadic(covering: -1.25, 1.25, label: "").ticks.map(\.label) == ["-2", "-1", "0", "1", "2"])
        #expect(PlotAxis.dyadic(covering: 3, 3, label: "").ticks.map(\.label) == ["2", "5/2", "3", "7/2", "4"])
        #expect(PlotAxis.window(Rational(1).timesPowerOfTwo(-6), parts: 2, label: "").ticks.map(\.label) == ["0", "1/128", "1/64"])
    }

    @Test("dyadic axes: on random ranges the ticks are k 2^e for one e, cover the range, and 2^(e-1) would give too many")
    func dyadicTicksProperties() throws {
        var rng = SplitMix64(seed: 12)
        for _ in 0..<500 {
            let a = Double(Int64(bitPattern: rng.next()) % 100_000) / 4096, b = Double(Int64(bitPattern: rng.next()) % 100_000) / 4096
            let low = min(a, b), high = max(a, b)
            let maximum = 2 + Int(rng.next() % 6)
            let axis = PlotAxis.dyadic(covering: low, high, label: "", maximumIntervals: maximum)
            let ticks = axis.ticks.map(\.value)
            #expect(ticks.count >= 2 && ticks.count <= maximum + 1)
            let step = ticks[1] - ticks[0]
            #expect(Self.isPowerOfTwo(step), "step \(step) is a power of two")
            for (t, u) in zip(ticks, ticks.dropFirst()) { #expect(u - t == step) }
            for t in ticks {
                #expect((t / step).isInteger)
                #expect(Self.dyadic(t.description) == t)
            }
            if high > low {
                // Cover: exact comparison of the tick ends with the (dyadic) data ends.
                #expect(
                    ticks.first! <= Rational(Int(low * 4096)) / Rational(4096) && ticks.last! >= Rational(Int(high * 4096)) / Rational(4096)
                )
                // Minimal: half the step would need more than `maximum` intervals.
                let half = step / Rational(2)
                let lowData = Rational(Int(low * 4096)) / Rational(4096), highData = Rational(Int(high * 4096)) / Rational(4096)
                let intervals = (highData / half).ceiling - (lowData / half).floor
                #expect(intervals > BigInt(maximum), "2^(e-1) = \(half) would give \(intervals) intervals for [\(lowData), \(highData)]")
            }
            for tick in axis.ticks { #expect(tick.position >= -1e-9 && tick.position <= 1 + 1e-9) }
        }
    }

    @Test("log axes in bits: powers of two, labelled by their exact values")
    func logarithmicTicks() throws {
        let axis = PlotAxis.logarithmic(covering: 1, 511, label: "bits")
        #expect(axis.ticks.map(\.label) == ["1", "2", "4", "8", "16", "32", "64", "128", "256", "512"])
        #expect(
            PlotAxis.logarithmic(covering: 1, 131072, label: "bits").ticks.map(\.label) == [
                "1", "4", "16", "64", "256", "1024", "4096", "16384", "65536", "262144",
            ])
        for tick in PlotAxis.logarithmic(covering: 3.0 / 64, 3000, label: "bits").ticks {
            #expect(Self.isPowerOfTwo(try Rational(parsing: tick.label)))
        }
        #expect(axis.ticks.first!.value <= Rational(1) && axis.ticks.last!.value >= Rational(511))
        let positions = axis.ticks.map(\.position)
        #expect(positions == positions.sorted())
        // 2^a sits at a / (number of octaves): equal spacing on the log scale.
        let spacing = zip(positions, positions.dropFirst()).map { $1 - $0 }
        for s in spacing { #expect(abs(s - spacing[0]) < 1e-12) }
    }

    // MARK: - HTML

    /// Checks shared by every HTML audit: tick labels exact, MathML and SVG well-formed,
    /// no scripts or network references, a badge per claim in the contents, print styles.
    static func checkHTML(_ html: String, _ document: AuditDocument) {
        let ticks = tickLabels(html)
        #expect(!ticks.isEmpty || !html.contains("<svg"))
        for label in ticks { #expect(dyadic(label) != nil, "tick label \(label) is an exact dyadic value") }
        let maths = elements("math", in: html)
        #expect(maths.count >= document.claims.count, "a formula per claim at least")
        for math in maths {
            #expect(math.hasPrefix("<math xmlns=\"http://www.w3.org/1998/Math/MathML\""))
            #expect(xmlError(math) == nil, "\(xmlError(math) ?? "")")
        }
        for svg in elements("svg", in: html) { #expect(xmlError(svg) == nil, "\(xmlError(svg) ?? "")") }
        #expect(!html.contains("<script"))
        #expect(!html.contains("@import") && !html.contains("@font-face") && !html.contains("url("))
        let withoutImages = html.replacingOccurrences(of: "data:image/png;base64,[A-Za-z0-9+/=]*", with: "", options: .regularExpression)
        let external = withoutImages.components(separatedBy: "http").count - 1
        let namespaces = html.components(separatedBy: "xmlns=\"http://www.w3.org/").count - 1
        #expect(external == namespaces, "the only http strings are XML namespaces")
        // Contents: one badge per claim in the navigation, and a link to each claim.
        let nav = matches("(<nav class=\"toc\".*?</nav>)", in: html).first ?? ""
        #expect(nav.components(separatedBy: "class=\"badge ").count - 1 == document.claims.count)
        for claim in document.claims { #expect(nav.contains("href=\"#claim-\(HTMLAudit.anchor(claim.id))\"")) }
        // Print styles: page size, figures and claims kept whole, no dark backgrounds.
        #expect(html.contains("@media print"))
        #expect(html.contains("@page"))
        #expect(html.contains("break-inside: avoid"))
        for colour in matches("background: (#[0-9a-f]{6})", in: html) {
            let channels = stride(from: 1, to: 7, by: 2).map { Int(colour.dropFirst($0).prefix(2), radix: 16)! }
            #expect(channels.allSatisfy { $0 >= 0xe0 }, "background \(colour) is light")
        }
    }

    @Test("separation: every readout and every output as a panel, the Gram heatmap, exact ticks, MathML")
    func separationHTML() throws {
        let readouts = [16, 17, 18, 19, 20, 21]
        let document = try Self.document(try SeparationScenario(levels: 5, readouts: readouts, seed: 7).certificate().text)
        let html = HTMLAudit.render(document)
        Self.checkHTML(html, document)
        for (d, m) in readouts.enumerated() {
            #expect(html.contains("aria-label=\"w_\(m)(y)\""), "readout \(m) drawn")
            #expect(html.contains("aria-label=\"f_\(d + 1)=w_\(m)∘u_σ\""), "output \(d + 1) drawn")
        }
        #expect(html.contains("Task outputs (all \(readouts.count))"))
        // The Gram heatmap of the identity: D x D cells, exact 1 and 0 written in them.
        let gram = Self.matches("(<figure id=\"figure-gram-orthonormal\">.*?</figure>)", in: html).first ?? ""
        #expect(gram.components(separatedBy: "<title>G[").count - 1 == readouts.count * readouts.count)
        #expect(gram.contains("<title>G[1,1] = 1</title>") && gram.contains("<title>G[1,2] = 0</title>"))
        // Axis labels are present on every function plot.
        #expect(html.contains("class=\"label\"") && !html.contains("log2(1 + bits)"))
    }

    @Test("J = 9, D = 64: all 64 outputs drawn whole as rasters with exact ticks")
    func sixtyFourOutputs() throws {
        let document = try Self.document(try SeparationScenario(levels: 9, readouts: Array(256..<320), seed: 5).certificate().text)
        let html = HTMLAudit.render(document)
        let outputs = Self.matches("(<figure id=\"figure-outputs\">.*?</figure>)", in: html).first ?? ""
        #expect(outputs.components(separatedBy: "<svg class=\"panel\"").count - 1 == 64)
        #expect(outputs.components(separatedBy: "href=\"data:image/png;base64,").count - 1 == 64)
        for label in Self.tickLabels(outputs) { #expect(Self.dyadic(label) != nil) }
        #expect(outputs.contains(">1/32</text>") && outputs.contains(">1/16</text>"), "rows of 2^-4 split at 2^-5")
    }

    /// The pixels of a PNG written by `RasterImage` (stored deflate blocks), read back
    /// with every chunk's CRC checked.
    static func decodePNG(_ bytes: [UInt8]) throws -> [[UInt8]] {
        #expect(Array(bytes.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        func u32(_ i: Int) -> Int { Int(bytes[i]) << 24 | Int(bytes[i + 1]) << 16 | Int(bytes[i + 2]) << 8 | Int(bytes[i + 3]) }
        var i = 8, width = 0, height = 0, idat: [UInt8] = []
        while i < bytes.count {
            let length = u32(i), type = String(decoding: bytes[(i + 4)..<(i + 8)], as: UTF8.self)
            let data = Array(bytes[(i + 8)..<(i + 8 + length)])
            #expect(UInt32(u32(i + 8 + length)) == RasterImage.crc32(Array(bytes[(i + 4)..<(i + 8 + length)])), "CRC of \(type)")
            if type == "IHDR" {
                width = Int(data[0]) << 24 | Int(data[1]) << 16 | Int(data[2]) << 8 | Int(data[3])
                height = Int(data[7]) | Int(data[6]) << 8
            }
            if type == "IDAT" { idat += data }
            i += 12 + length
        }
        // zlib header, stored blocks (BFINAL, LEN, NLEN), Adler-32.
        var raw: [UInt8] = [], j = 2
        while true {
            let final = idat[j] & 1, length = Int(idat[j + 1]) | Int(idat[j + 2]) << 8
            #expect(idat[j] >> 1 == 0, "stored block")
            #expect(UInt16(length) == ~(UInt16(idat[j + 3]) | UInt16(idat[j + 4]) << 8))
            raw += idat[(j + 5)..<(j + 5 + length)]
            j += 5 + length
            if final == 1 { break }
        }
        #expect(raw.count == height * (width + 1))
        return (0..<height).map { r in Array(raw[(r * (width + 1) + 1)..<((r + 1) * (width + 1))]) }
    }

    @Test("PNG pieces: CRC-32 and Adler-32 against published values")
    func checksums() {
        #expect(RasterImage.crc32(Array("The quick brown fox jumps over the lazy dog".utf8)) == 0x414F_A339)
        #expect(RasterImage.crc32(Array("IEND".utf8)) == 0xAE42_6082)
        #expect(RasterImage.adler32(Array("Wikipedia".utf8)) == 0x11E6_0398)
    }

    @Test("zlib stored blocks: byte for byte as Python's zlib.compress(data, 0) for short data; at most 65,535 bytes a block")
    func zlibStoredBlocks() {
        // python3 -c "import zlib; print(zlib.compress(b'', 0).hex(), zlib.compress(b'abc', 0).hex())"
        #expect(RasterImage.zlibStored([]) == [0x78, 0x01, 0x01, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x01])
        #expect(
            RasterImage.zlibStored(Array("abc".utf8))
                == [0x78, 0x01, 0x01, 0x03, 0x00, 0xFC, 0xFF, 0x61, 0x62, 0x63, 0x02, 0x4D, 0x01, 0x27])
        for count in [65_534, 65_535, 65_536, 131_070, 131_071] {
            let data = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 8) }
            let z = RasterImage.zlibStored(data)
            // Walk the blocks: BFINAL, LEN, NLEN, then LEN bytes.
            var j = 2, lengths: [Int] = [], finals: [UInt8] = [], raw: [UInt8] = []
            while j < z.count - 4 {
                let length = Int(z[j + 1]) | Int(z[j + 2]) << 8
                #expect(UInt16(length) == ~(UInt16(z[j + 3]) | UInt16(z[j + 4]) << 8))
                finals.append(z[j])
                lengths.append(length)
                raw += z[(j + 5)..<(j + 5 + length)]
                j += 5 + length
            }
            let full = count / 65_535, rest = count % 65_535
            #expect(lengths == Array(repeating: 65_535, count: full) + (rest > 0 ? [rest] : []), "\(count) bytes")
            #expect(finals == Array(repeating: 0, count: lengths.count - 1) + [1], "\(count) bytes")
            #expect(raw == data, "\(count) bytes")
            #expect(Array(z.suffix(4)) == RasterImage.bigEndian(RasterImage.adler32(data)))
        }
    }

    @Test("an output raster holds every cell of f_1, as the closed form gives it")
    func rasterPixels() throws {
        let J = 10, m = 512
        let text = try SeparationScenario(levels: J, readouts: [m, m + 1], seed: 2).certificate().text
        let document = try Self.document(text)
        let html = HTMLAudit.render(document)
        let outputs = Self.matches("(<figure id=\"figure-outputs\">.*?</figure>)", in: html).first ?? ""
        let uri = try #require(Self.matches("href=\"data:image/png;base64,([^\"]*)\"", in: outputs).first)
        let pixels = try Self.decodePNG([UInt8](try #require(Data(base64Encoded: uri))))
        #expect(pixels.count == 32 && pixels.allSatisfy { $0.count == 32 })
        let hex = try #require(
            document.objects.first { AuditValues.string($0.value["kind"]) == "sign-tree" }.flatMap {
                AuditValues.string($0.value["bits"])
            })
        let f = try TaskOutput.byClosedForm(signs: try SignTree(levels: J, hex: hex), readout: try WalshReadout(index: m))
        var blue = 0
        for c in 0..<(1 << J) {
            let midpoint = try Rational(2 * c + 1, 1 << (J + 1))
            let value = try f.value(at: midpoint)
            #expect(pixels[c / 32][c % 32] == (value == Rational(1) ? 1 : 0), "cell \(c)")
            if value == Rational(1) { blue += 1 }
        }
        #expect(blue == 512, "an orthonormal ±1 output with mean 0 (orthogonal to w_0 = 1) takes +1 on half the cells")
    }

    @Test("Gram heatmap of an explicit matrix shows its exact entries")
    func explicitGram() throws {
        let document = try Self.shipped("handwritten/haar-system.dyadcert.json")
        let html = HTMLAudit.render(document)
        Self.checkHTML(html, document)
        let gram = Self.matches("(<figure id=\"figure-gram-haar-gram\">.*?</figure>)", in: html).first ?? ""
        #expect(gram.components(separatedBy: "<title>G[").count - 1 == 16)
        #expect(gram.contains("<title>G[3,3] = 1/2</title>") && gram.contains(">1/2</text>"))
    }

    @Test("Gram heatmaps: a log colour scale when entries span more than 3 octaves (Haar norms 2^-j), linear otherwise")
    func gramScales() throws {
        let document = try Self.document(try WalshBasisScenario(levels: 5).certificate().text)
        let html = HTMLAudit.render(document)
        Self.checkHTML(html, document)
        let haar = Self.matches("(<figure id=\"figure-gram-haar-orthogonal\">.*?</figure>)", in: html).first ?? ""
        let walsh = Self.matches("(<figure id=\"figure-gram-walsh-orthonormal\">.*?</figure>)", in: html).first ?? ""
        #expect(haar.contains("log scale") && !walsh.contains("log scale"))
        #expect(Self.tickLabels(haar) == ["1", "1/2", "1/4", "1/8", "1/16", "0"])
        #expect(Self.tickLabels(walsh) == ["1", "1/2", "0", "-1/2", "-1"])
        #expect(haar.contains("<title>G[32,32] = 1/16</title>") && haar.contains("<title>G[1,2] = 0</title>"))
    }

    @Test("triangle: the lower-bound band is drawn against the certified network, with its numbers")
    func triangle() throws {
        let document = try Self.document(try TriangleScenario(teeth: 4, units: 8).certificate().text)
        let html = HTMLAudit.render(document)
        Self.checkHTML(html, document)
        let lower = try #require(document.claims.first { $0.rule == "step-approx-lower" })
        let figure = Self.matches("(<figure id=\"figure-triangle-\(lower.id)\">.*?</figure>)", in: html).first ?? ""
        #expect(figure.contains("fill-opacity=\"0.22\""), "the band is drawn")
        #expect(figure.contains("the output of network"), "the certified network is drawn")
        #expect(figure.contains("first-layer units"))
        for label in Self.tickLabels(figure) { #expect(Self.dyadic(label) != nil) }
    }

    @Test("Haar bounds: log axes labelled in bits and in eps, ticked at exact values")
    func entropy() throws {
        let document = try Self.document(try HaarEntropyScenario(levels: 6, ratio: try Rational(1, 2)).certificate().text)
        let html = HTMLAudit.render(document)
        Self.checkHTML(html, document)
        let figure = Self.matches("(<figure id=\"figure-haar-bounds\">.*?</figure>)", in: html).first ?? ""
        #expect(figure.contains("bits (log scale)"))
        #expect(!figure.contains("1 + bits"))
        let epsTicks = Self.tickLabels(figure).compactMap(Self.dyadic).filter { $0 < Rational(1) }
        #expect(epsTicks.count >= 3, "the eps values are ticks")
    }

    @Test("every shipped and hand-written certificate renders with exact ticks and well-formed MathML and SVG")
    func shippedCertificates() throws {
        for name in [
            "flagship/separation-J6-D8", "flagship/triangle-teeth8-units16", "flagship/haar-entropy-J10",
            "handwritten/triangle-wave-order-3", "handwritten/lemma-j-table", "handwritten/separation-depth-2",
        ] {
            let document = try Self.shipped(name + ".dyadcert.json")
            Self.checkHTML(HTMLAudit.render(document), document)
        }
    }

    @Test("MathML: markup characters in names are escaped and the result parses")
    func mathEscaping() {
        let m = MathExpression.row(.name("a<b&\"c\""), .o("<"), .frac(.n(1), .sup(.n(2), .n(3))))
        #expect(Self.xmlError(m.mathML) == nil)
        #expect(m.mathML.contains("<mtext class=\"code\">a&lt;b&amp;&quot;c&quot;</mtext>"))
        #expect(m.plain == "a<b&\"c\"<1/(2^3)")
        #expect(m.latex == "\\mbox{\\ttfamily a$<$b\\&\\texttt{\"}c\\texttt{\"}} < \\frac{1}{{2}^{3}}")
    }

    @Test("XML escaping: a markup character followed by a combining mark is still escaped (one Character, two scalars)")
    func combiningMarks() {
        for special in ["\"", "<", ">", "&"] {
            for mark in ["\u{301}", "\u{338}", "\u{20DD}"] {
                let escaped = MarkupEscaping.xml("a" + special + mark + " b")
                #expect(!escaped.unicodeScalars.contains { "\"<>".unicodeScalars.contains($0) }, "\(special) + U+\(mark)")
                #expect(!escaped.contains(special + mark), "\(special) + U+\(mark)")
            }
        }
        // Plain text as before: the four characters escaped, everything else kept.
        #expect(MarkupEscaping.xml("x < y & \"z\" > é") == "x &lt; y &amp; &quot;z&quot; &gt; é")
        // Strict (JUnit XML 1.0): apostrophes too, and C0 controls but tab and line feed as "?".
        #expect(MarkupEscaping.xml("a'b\u{1}\r\n\t\u{1F}<", strict: true) == "a&apos;b??\n\t?&lt;")
        #expect(MarkupEscaping.xml("a'b\u{1}\r\n\t\u{1F}<") == "a'b\u{1}\r\n\t\u{1F}&lt;")
        let attribute = "<e a=\"" + MarkupEscaping.xml("q\"\u{301} b=\"1") + "\"/>"
        #expect(Self.xmlError(attribute) == nil, "\(attribute)")
    }

    @Test("hostile and malformed certificates: every format renders (no trap), HTML stays well-formed, LaTeX balanced")
    func hostileInputs() throws {
        let seeds = Self.certificates.deletingLastPathComponent().appendingPathComponent("Tests/FuzzCorpus/seeds")
        var texts: [(String, String)] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: seeds.path).sorted() where name.hasSuffix(".json") {
            texts.append((name, try String(contentsOf: seeds.appendingPathComponent(name), encoding: .utf8)))
        }
        // Values far beyond a double, a huge explicit matrix entry, a bound with 400 digits.
        let huge = "1" + String(repeating: "0", count: 400)
        let step = try String(
            contentsOf: Self.certificates.appendingPathComponent("handwritten/haar-system.dyadcert.json"), encoding: .utf8)
        texts.append(
            (
                "huge values",
                step.replacingOccurrences(of: "\"3/4\"", with: "\"\(huge)\"").replacingOccurrences(of: "\"1/2\"", with: "\"-\(huge)/3\"")
            ))
        let haar = try String(
            contentsOf: Self.certificates.appendingPathComponent("handwritten/haar-class-bounds.dyadcert.json"), encoding: .utf8)
        texts.append(("huge bits", haar.replacingOccurrences(of: "\"bits-at-least\": \"3\"", with: "\"bits-at-least\": \"\(huge)\"")))
        texts.append(
            (
                "deep basis",
                "{\"format\": \"dyadcert/1\", \"objects\": {\"W\": {\"kind\": \"walsh-basis\", \"levels\": \"30\"}}, \"claims\": [{\"id\": \"g\", \"rule\": \"gram\", \"inputs\": {\"functions\": [\"W\"]}, \"statement\": {\"matrix\": \"identity\"}}]}"
            ))
        for (name, text) in texts {
            guard let document = try? Self.document(text) else { continue }
            let html = HTMLAudit.render(document)
            for svg in Self.elements("svg", in: html) { #expect(Self.xmlError(svg) == nil, "\(name): \(Self.xmlError(svg) ?? "")") }
            for math in Self.elements("math", in: html) { #expect(Self.xmlError(math) == nil, "\(name): \(Self.xmlError(math) ?? "")") }
            Self.checkLaTeX(LaTeXAudit.render(document, standalone: true))
            _ = MarkdownAudit.render(document)
        }
        #expect(texts.count >= 10)
    }

    // MARK: - LaTeX

    /// Braces balanced outside escapes and comments; \begin/\end properly nested.
    static func checkLaTeX(_ text: String) {
        var depth = 0, minimum = 0
        var chars = Array(text)[...]
        while let c = chars.popFirst() {
            switch c {
            case "\\": _ = chars.popFirst()
            case "%": while let d = chars.popFirst(), d != "\n" {}
            case "{": depth += 1
            case "}":
                depth -= 1
                minimum = min(minimum, depth)
            default: break
            }
        }
        #expect(depth == 0 && minimum == 0, "braces balanced")
        var stack: [String] = []
        for match in matches("(\\\\(?:begin|end)\\{[^}]*\\})", in: text) {
            let name = String(match.drop { $0 != "{" })
            if match.hasPrefix("\\begin") {
                stack.append(name)
            } else {
                #expect(stack.popLast() == name, "\(match) closes \(stack.last ?? "nothing")")
            }
        }
        #expect(stack.isEmpty)
        // Math shifts balanced: an even number of unescaped $.
        let dollars = text.replacingOccurrences(of: "\\$", with: "").filter { $0 == "$" }.count
        #expect(dollars % 2 == 0)
    }

    @Test("LaTeX escaping of the special characters")
    func latexEscaping() {
        #expect(
            LaTeXEscaping.text("50% of $x_1$ & {a} #1 ~ ^ \\ <|>")
                == "50\\% of \\$x\\_1\\$ \\& \\{a\\} \\#1 \\~{} \\^{} $\\backslash$ $<$$|$$>$")
        #expect(LaTeXEscaping.text("σ ≤ ε") == "$\\sigma$ $\\le$ $\\varepsilon$")
    }

    @Test("LaTeX: results table and claim list, balanced, escaped, false claims marked")
    func latex() throws {
        let text = try SeparationScenario(levels: 3, readouts: [4, 5], seed: 1).certificate().text
        let hostile = text.replacingOccurrences(
            of: "\"description\": \"", with: "\"description\": \"50% of {x_1} & #2 ~ ^ \\\\ $ ", options: [],
            range: text.range(of: "\"description\": \"")
        )
        .replacingOccurrences(of: "\"log2-size\": \"5\"", with: "\"log2-size\": \"6\"")
        let document = try Self.document(hostile)
        let fragment = LaTeXAudit.render(document)
        let full = LaTeXAudit.render(document, standalone: true)
        Self.checkLaTeX(fragment)
        Self.checkLaTeX(full)
        #expect(!fragment.contains("\\documentclass") && full.hasPrefix("\\documentclass"))
        #expect(fragment.contains("50\\% of \\{x\\_1\\} \\& \\#2 \\~{} \\^{} $\\backslash$ \\$ "))
        #expect(fragment.contains("\\begin{longtable}") && fragment.contains("\\begin{description}"))
        for claim in document.claims { #expect(fragment.contains("\\item[\\texttt{\(LaTeXEscaping.text(claim.id))}]")) }
        #expect(
            fragment.contains(
                "\\texttt{joint-size} & \\raggedright ${\\log}_{2} | \\mbox{\\ttfamily K} | = 6$ & \\raggedright \\textbf{false}"))
        #expect(
            fragment.components(separatedBy: "& \\raggedright verified\\tabularnewline").count - 1
                == document.claims.filter { $0.verdict?.passed == true }.count)
        #expect(
            fragment.components(separatedBy: "& \\raggedright \\textbf{false}\\tabularnewline").count - 1
                == document.claims.filter { $0.verdict?.passed == false }.count)
    }

    /// pdflatex, when installed.
    static let pdflatex: String? = ["/usr/bin/pdflatex", "/usr/local/bin/pdflatex", "/Library/TeX/texbin/pdflatex"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    @Test("LaTeX: --standalone documents compile with pdflatex", .enabled(if: pdflatex != nil, "pdflatex is not installed"))
    func pdflatexCompiles() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dyadcert-latex-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let documents = [
            try Self.document(
                try SeparationScenario(levels: 3, readouts: [4, 5], seed: 1).certificate().text.replacingOccurrences(
                    of: "\"description\": \"", with: "\"description\": \"50% {x_1} & #2 ~ ^ \\\\ $ | < > σ ≤ ")),
            try Self.shipped("flagship/triangle-teeth8-units16.dyadcert.json"),
            try Self.shipped("flagship/haar-entropy-J10.dyadcert.json"),
            try Self.shipped("handwritten/haar-class-bounds.dyadcert.json"),
        ]
        for (i, document) in documents.enumerated() {
            let source = directory.appendingPathComponent("audit\(i).tex")
            try Data(LaTeXAudit.render(document, standalone: true).utf8).write(to: source)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Self.pdflatex!)
            process.arguments = ["-interaction=nonstopmode", "-halt-on-error", "audit\(i).tex"]
            process.currentDirectoryURL = directory
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            let log = (try? String(contentsOf: directory.appendingPathComponent("audit\(i).log"), encoding: .utf8)) ?? ""
            #expect(process.terminationStatus == 0, "pdflatex failed on \(document.path): \(log.suffix(1500))")
            #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("audit\(i).pdf").path))
        }
    }
}
