import Foundation
import Testing

/// End-to-end tests of the `dyadcert` command line: they run the built binary and check
/// its output and exit status (PRODUCT.md, "Command line contract").
@Suite("dyadcert command line")
struct CommandLineTests {
    /// The `dyadcert` executable next to the test bundle (swift test builds it).
    static let binary: URL? = {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<3 {
            let candidate = directory.appendingPathComponent("dyadcert")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return nil
    }()

    /// The repository root (for the shipped certificates).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static func run(_ arguments: [String]) throws -> Run {
        let binary = try #require(binary, "the dyadcert executable was not built next to the tests")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = root
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dyadcert-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("verify: one line per claim, the closing line, exit 0; --quiet prints only the closing line")
    func verifyLines() throws {
        let path = "Certificates/handwritten/theorem-o-depth-3.dyadcert.json"
        let run = try Self.run(["verify", path])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 10) // 9 claims and the closing line
        #expect(lines.last == "9 passed, 0 failed")
        #expect(lines.dropLast().allSatisfy { $0.hasPrefix("PASS  \(path)#") })
        #expect(lines[0].contains("#gram-this-sigma  gram  "))
        let quiet = try Self.run(["verify", "--quiet", path])
        #expect(quiet.status == 0 && quiet.stdout == "9 passed, 0 failed\n")
    }

    @Test("a false claim: FAIL line with stated and computed values and the pointer, exit 1")
    func falseClaim() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let original = try String(
            contentsOf: Self.root.appendingPathComponent("Certificates/handwritten/theorem-o-depth-3.dyadcert.json"), encoding: .utf8)
        let file = directory.appendingPathComponent("false.dyadcert.json")
        try original.replacingOccurrences(of: "\"bound\": \"9\"", with: "\"bound\": \"10\"").write(
            to: file, atomically: true, encoding: .utf8)
        let run = try Self.run(["verify", file.path])
        #expect(run.status == 1)
        let fail = run.stdout.split(separator: "\n").first { $0.hasPrefix("FAIL") }.map(String.init) ?? ""
        #expect(fail.contains("#gap  bits  "))
        #expect(fail.contains("stated: = 10") && fail.contains("computed: value = 9"))
        #expect(fail.contains("(at /claims/7/statement/bound)"))
        #expect(run.stdout.hasSuffix("8 passed, 1 failed\n"))
    }

    @Test("--junit writes one test case per claim with the failure; --report json has the verdict document")
    func reports() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let junit = directory.appendingPathComponent("report.xml")
        let run = try Self.run(["verify", "Certificates/handwritten/haar-system.dyadcert.json", "--junit", junit.path, "--report", "json"])
        #expect(run.status == 0)
        let xml = try String(contentsOf: junit, encoding: .utf8)
        #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"))
        #expect(xml.components(separatedBy: "<testcase ").count - 1 == 3)
        #expect(xml.contains("tests=\"3\" failures=\"0\""))
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(report["format"] as? String == "dyadcert-verdict/1")
        let files = try #require(report["files"] as? [[String: Any]])
        let claims = try #require(files.first?["claims"] as? [[String: Any]])
        #expect(claims.count == 3)
        #expect(claims.allSatisfy { ($0["digest"] as? String)?.count == 64 && $0["verdict"] as? String == "passed" })
        #expect((report["summary"] as? [String: Any])?["exit-code"] as? String == "0")
    }

    @Test("--shard K/N splits the files: the shards cover every file exactly once")
    func shards() throws {
        var claimLines: [String] = []
        for k in 1...3 {
            let run = try Self.run(["verify", "Certificates/handwritten", "--shard", "\(k)/3"])
            #expect(run.status == 0)
            claimLines += run.stdout.split(separator: "\n").filter { $0.hasPrefix("PASS") }.map(String.init)
        }
        let all = try Self.run(["verify", "Certificates/handwritten"]).stdout.split(separator: "\n").filter { $0.hasPrefix("PASS") }.map(
            String.init)
        #expect(claimLines.sorted() == all.sorted())
        #expect(try Self.run(["verify", "Certificates/handwritten", "--shard", "4/3"]).status != 0)
    }

    @Test("generate is deterministic and --verify checks before writing; format --check accepts the result")
    func generateAndFormat() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let a = directory.appendingPathComponent("a.dyadcert.json"), b = directory.appendingPathComponent("b.dyadcert.json")
        for file in [a, b] {
            let run = try Self.run(["generate", "separation", "--levels", "5", "--tasks", "4", "--seed", "9", "--verify", "-o", file.path])
            #expect(run.status == 0 && run.stderr.contains("verified: 16 claims"))
        }
        #expect(try Data(contentsOf: a) == Data(contentsOf: b))
        #expect(try Self.run(["format", "--check", a.path]).status == 0)
        #expect(try Self.run(["verify", a.path]).status == 0)
        // A non-canonical layout is detected.
        let text = try String(contentsOf: a, encoding: .utf8).replacingOccurrences(of: "  ", with: " ")
        try text.write(to: b, atomically: true, encoding: .utf8)
        #expect(try Self.run(["format", "--check", b.path]).status == 1)
    }

    @Test("audit writes self-contained HTML with plots and Markdown with every claim")
    func audit() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let html = directory.appendingPathComponent("audit.html")
        let path = "Certificates/flagship/separation-J6-D8.dyadcert.json"
        #expect(try Self.run(["audit", path, "--format", "html", "-o", html.path]).status == 0)
        let page = try String(contentsOf: html, encoding: .utf8)
        #expect(page.components(separatedBy: "<svg ").count - 1 >= 3)
        #expect(!page.contains("<script"))
        let markdown = try Self.run(["audit", path])
        #expect(markdown.status == 0)
        for id in ["orthonormal", "joint-size", "separate-bits", "gap", "network-realises", "separate-width"] {
            #expect(markdown.stdout.contains("### <a id=\"\(id)\"></a>\(id)"))
        }
    }

    @Test("every shipped certificate is in canonical form, and the shipped set verifies")
    func shippedCertificates() throws {
        let certificates = Self.root.appendingPathComponent("Certificates")
        let files = (FileManager.default.enumerator(atPath: certificates.path)?.allObjects as? [String] ?? []).filter {
            $0.hasSuffix(".dyadcert.json")
        }
        #expect(files.count >= 12)
        for file in files {
            #expect(
                try Self.run(["format", "--check", certificates.appendingPathComponent(file).path]).status == 0, "\(file) is canonical")
        }
        let run = try Self.run(["verify", "--quiet", "Certificates"])
        #expect(run.status == 0)
        #expect(run.stdout.hasSuffix(" passed, 0 failed\n"))
    }

    @Test("--version and bench")
    func versionAndBench() throws {
        let version = try Self.run(["--version"])
        #expect(version.status == 0 && version.stdout.hasPrefix("dyadcert "))
        // The kit's reference line for W1d, n = 1, seed 42 (../shared/perf/README.md).
        let bench = try Self.run(["bench", "w1", "--variant", "dyadic", "--n", "1"])
        #expect(
            bench.stdout
                == "W1 variant=dyadic n=1 num_bits=118 den_bits=31 sha256=eee7ef508b7973dddfedd852bdd23872f41759c2f2705921aed37e9b3230b445\n"
        )
        #expect(bench.stderr.hasPrefix("elapsed_s="))
    }
}
