import ExactArithmetic
import Testing
@testable import CertificateKernel

/// Work that small certificates could multiply without paying for it (a review on
/// 2026-12-01 found each taking 20 s to minutes in the release build): charges that read
/// only the first element of a class, a function hashed once per reference, a packed
/// function turned into cells charged as words, objects that charged nothing, duplicate-key
/// checks that normalise Unicode, and verdict lines that spell every name of a subject.
@Suite("Robustness: shared and charged work")
struct SharedWorkTests {
    static func verify(_ text: String, work: Int = 1 << 32, cells: Int = 1 << 28) -> FileVerdict {
        var limits = VerificationLimits()
        limits.maximumWork = work
        limits.maximumCells = cells
        return Verifier(limits: limits).verify(bytes: Array(text.utf8), path: "t")
    }

    /// A level-8 cell function with values offset, ..., offset + 255.
    static func cellFunction(_ offset: Int) -> String {
        let values = (0..<256).map { "\"\($0 + offset)\"" }.joined(separator: ",")
        return #"{"kind": "cell-function", "level": "8", "values": [\#(values)]}"#
    }

    /// packing, cover and enumerate charge every pair or element at the largest element,
    /// 64 steps a piece when distances merge rational pieces: a class whose first element
    /// is a constant charged the pairs of 256-piece elements 2 steps each.
    @Test func classRulesChargeTheLargestElement() {
        let objects = """
            "c": {"kind": "step-function", "breakpoints": ["0", "1"], "values": ["1000"]},
            "F": \(Self.cellFunction(0)), "G": \(Self.cellFunction(10)),
            "K": {"kind": "finite-class", "elements": [["c"], ["F"], ["G"]]}
            """
        let packing = """
            {"format": "dyadcert/1", "objects": {\(objects)},
             "claims": [{"id": "p", "rule": "packing", "inputs": {"class": "K", "eps": "1", "elements": ["0", "1", "2"]}, "statement": {"count": "3"}}]}
            """
        // 3 pairs, 2 passes each, 256 pieces at 64 steps: 98,304 steps.
        #expect(Self.verify(packing, work: 98_303).status == .limitExceeded)
        #expect(Self.verify(packing, work: 98_304).status == .verified)
        let enumerate = """
            {"format": "dyadcert/1", "objects": {\(objects)},
             "claims": [{"id": "e", "rule": "enumerate", "inputs": {"class": "K", "quantity": "size", "coding": "joint"}, "statement": {"value": "3"}}]}
            """
        // 3 elements hashed at the largest, 256 steps.
        #expect(Self.verify(enumerate, work: 767).status == .limitExceeded)
        #expect(Self.verify(enumerate, work: 768).status == .verified)
        let cover = """
            {"format": "dyadcert/1", "objects": {\(objects)},
             "claims": [{"id": "v", "rule": "cover", "inputs": {"class": "K", "eps": "2000", "centres": [["c"]]}, "statement": {"count": "1"}}]}
            """
        // 3 element-centre pairs at 4 x 256 x 64 steps.
        #expect(Self.verify(cover, work: 196_607).status == .limitExceeded)
        #expect(Self.verify(cover, work: 196_608).status == .verified)
    }

    /// gram over a function that is not dyadic merges rational pieces for every entry: a
    /// piece costs 64 steps there, and a packed function counts as its cells.
    @Test func gramThroughTheGeneralPathChargesPieces() {
        let bits = String(repeating: "6", count: 256) // level 10: 1,024 cells
        let text = """
            {"format": "dyadcert/1", "objects": {"s": {"kind": "sign-function", "level": "10", "bits": "\(bits)"},
              "t": {"kind": "step-function", "breakpoints": ["0", "1/3", "1"], "values": ["1", "-1"]}},
             "claims": [{"id": "g", "rule": "gram", "inputs": {"functions": ["s", "t"]}, "statement": {"matrix": [["1", "0"], ["0", "1"]]}}]}
            """
        // D = 2, pieces 1,024 + 2 = 1,026: 2 x 2 x 2 x 513 x 64 = 262,656 steps.
        #expect(Self.verify(text, work: 262_655).status == .limitExceeded)
        #expect(Self.verify(text, work: 262_656).status != .limitExceeded)
    }

    /// network-width-lower counts a name repeated many times once, and a packed function
    /// it unions jointly is charged its cells.
    @Test func widthLowerSharesNamesAndChargesCells() {
        let bits = String(repeating: "6", count: 256)
        func certificate(_ mode: String, names: Int) -> String {
            let references = Array(repeating: "\"s\"", count: names).joined(separator: ",")
            return """
                {"format": "dyadcert/1", "objects": {"s": {"kind": "sign-function", "level": "10", "bits": "\(bits)"}},
                 "claims": [{"id": "w", "rule": "network-width-lower", "inputs": {"mode": "\(mode)", "functions": [\(references)]},
                  "statement": {"first-layer-units-at-least": "1"}}]}
                """
        }
        // Separately: 16 words, 2 steps each. Jointly: 1,024 cells, 2 steps each.
        #expect(Self.verify(certificate("separate", names: 1000), work: 32).status == .verified)
        #expect(Self.verify(certificate("joint", names: 1000), work: 2047).status == .limitExceeded)
        #expect(Self.verify(certificate("joint", names: 1000), work: 2048).status == .verified)
    }

    /// A one-layer-network holds a network of 3 x pieces + outputs units and parameters:
    /// they count against the cells, however small the object is in the file.
    @Test func oneLayerNetworksChargeTheirCells() {
        let references = Array(repeating: "\"F\"", count: 10).joined(separator: ",")
        let text = """
            {"format": "dyadcert/1", "objects": {"F": \(Self.cellFunction(0)),
              "N": {"kind": "one-layer-network", "functions": [\(references)]}},
             "claims": [{"id": "b", "rule": "network-realises", "inputs": {"network": "N", "functions": [\(references)]}, "statement": {"outputs": "10"}}]}
            """
        // F: 256 cells; N: 3 x 2,560 + 10 = 7,690.
        #expect(Self.verify(text, cells: 256 + 7_689).status == .limitExceeded)
        #expect(Self.verify(text, cells: 256 + 7_690).status == .verified)
    }

    /// Keys are compared code point by code point: a precomposed and a decomposed "é" are
    /// two keys (Swift's String hashing normalises, quadratic in a run of combining marks),
    /// and the same code points written with and without escapes are still a duplicate.
    @Test func keysCompareByCodePoints() throws {
        #expect(throws: Never.self) { try JSONParser.parse(Array(#"{"\u00e9": 1, "e\u0301": 2}"#.utf8)) }
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(Array(#"{"\u00e9": 1, "é": 2}"#.utf8)) }
        #expect(JSONKey("\u{E9}") != JSONKey("e\u{301}"))
        #expect(JSONKey("e\u{301}") == JSONKey("e" + "\u{301}"))
        var a = Hasher(), b = Hasher()
        JSONKey("ab").hash(into: &a)
        JSONKey("a" + "b").hash(into: &b)
        #expect(a.finalize() == b.finalize())
    }

    /// A subject of more than 16 names shows 8 and the count in a meaning's notation.
    @Test func longSubjectsAreShortened() {
        let names = (0..<20).map { "f\($0)" }
        let long = Meaning(measure: .firstLayerUnits, subject: names).description
        #expect(long == "first-layer-units(f0, f1, f2, f3, f4, f5, f6, f7, ... (20 names))")
        #expect(Meaning(measure: .firstLayerUnits, subject: Array(names.prefix(16))).description.contains("f15"))
    }
}
