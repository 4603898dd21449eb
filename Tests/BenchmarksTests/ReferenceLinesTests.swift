import Foundation
import Testing
@testable import Benchmarks

/// One line of the fixture: the workload's arguments and the C reference's result line.
struct ReferenceCase: CustomTestStringConvertible, Sendable {
    let workload: String
    let arguments: [String: String]
    let expected: String

    var testDescription: String {
        "\(workload) \(arguments.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))"
    }

    func int(_ name: String) -> Int { Int(arguments[name]!)! }
    var seed: UInt64 { UInt64(arguments["seed"]!)! }

    /// The fixture written by Fixtures/make-reference-lines.sh from the C programs of
    /// ../shared/perf (an independent implementation of every workload).
    static func load(_ workload: String) throws -> [ReferenceCase] {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/reference-lines", withExtension: "txt"))
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").compactMap { line in
            let parts = line.split(separator: "\t", maxSplits: 1).map(String.init)
            let words = parts[0].split(separator: " ").map(String.init)
            guard words[0] == workload else { return nil }
            var arguments: [String: String] = [:]
            for i in stride(from: 1, to: words.count, by: 2) { arguments[String(words[i].dropFirst(2))] = words[i + 1] }
            return ReferenceCase(workload: words[0], arguments: arguments, expected: parts[1])
        }
    }
}

@Suite("Benchmark result lines equal the C reference implementations'")
struct ReferenceLinesTests {
    @Test("W1 and W1d, library and naive modes", arguments: try ReferenceCase.load("w1"))
    func w1(_ reference: ReferenceCase) throws {
        let variant = try #require(W1DotProduct.Variant(rawValue: reference.arguments["variant"]!))
        let n = reference.int("n")
        #expect(W1DotProduct.run(variant: variant, n: n, seed: reference.seed).line == reference.expected)
        if n <= 1000 {
            #expect(W1DotProduct.run(variant: variant, n: n, seed: reference.seed, mode: .naive).line == reference.expected)
        }
    }

    @Test("W2 Walsh Gram", arguments: try ReferenceCase.load("w2"))
    func w2(_ reference: ReferenceCase) throws {
        let result = try W2WalshGram.run(levels: reference.int("J"), tasks: reference.int("D"), seed: reference.seed)
        #expect(result.line == reference.expected)
    }

    @Test("W3 sup distance", arguments: try ReferenceCase.load("w3"))
    func w3(_ reference: ReferenceCase) {
        #expect(W3SupDistance.run(n: reference.int("n"), seed: reference.seed).line == reference.expected)
    }

    @Test("W4 dyadic matrix product", arguments: try ReferenceCase.load("w4"))
    func w4(_ reference: ReferenceCase) throws {
        let result = try W4DyadicMatrixProduct.run(
            m: reference.int("m"), k: reference.int("k"), n: reference.int("n"), seed: reference.seed)
        #expect(result.line == reference.expected)
    }

    @Test("The elapsed line has the C programs' format")
    func elapsedFormat() {
        #expect(BenchmarkResult(line: "", elapsedSeconds: 0.0123456).elapsedLine == "elapsed_s=0.012346")
        #expect(BenchmarkResult(line: "", elapsedSeconds: 2.5).elapsedLine == "elapsed_s=2.500000")
        #expect(BenchmarkResult(line: "", elapsedSeconds: 0).elapsedLine == "elapsed_s=0.000000")
    }
}
