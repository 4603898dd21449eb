import Foundation
import Testing
@testable import CertificateKernel

/// End-to-end: the built `dyadcert` binary on hostile files. Exit codes and stderr follow
/// PRODUCT.md's command line contract (2 malformed, 3 limit; file, JSON pointer and what
/// was expected on stderr). The binary is the one SwiftPM built next to the test bundle;
/// when it is not there (a build of the tests alone), these tests are skipped.
/// The `dyadcert` binary SwiftPM built next to the running test bundle (…/debug/DyadCertPackageTests.xctest).
enum DyadcertBinary {
    static let url: URL? = {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<3 {
            let candidate = directory.appendingPathComponent("dyadcert")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return nil
    }()
}

@Suite("Robustness: dyadcert verify on hostile files", .enabled(if: DyadcertBinary.url != nil))
struct CommandLineRobustnessTests {
    static var binary: URL? { DyadcertBinary.url }

    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
        let seconds: Double
    }

    /// Runs `dyadcert ARGUMENTS` with a time limit, killing it if it runs over. Output goes
    /// to files (a full pipe could block the process).
    static func run(_ arguments: [String], timeout: Double = 30) throws -> Run {
        let process = Process()
        process.executableURL = try #require(binary)
        process.arguments = arguments
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("dyadcert-run-\(UUID().uuidString)")
        let outURL = base.appendingPathExtension("out"), errURL = base.appendingPathExtension("err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        let start = Date()
        try process.run()
        while process.isRunning && Date().timeIntervalSince(start) < timeout { usleep(10_000) }
        if process.isRunning {
            process.terminate()
            Issue.record("dyadcert \(arguments) ran longer than \(timeout) s")
        }
        process.waitUntilExit()
        try? out.close()
        try? err.close()
        let stdout = (try? String(contentsOf: outURL, encoding: .utf8)) ?? ""
        let stderr = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
        return Run(status: process.terminationStatus, stdout: stdout, stderr: stderr, seconds: Date().timeIntervalSince(start))
    }

    /// A scratch directory for this test's files.
    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dyadcert-robustness-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func write(_ bytes: [UInt8], _ name: String, in directory: URL) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    @Test("a valid certificate: exit 0 and the closing line")
    func valid() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try Self.write(Robustness.bytes(Robustness.base), "base.dyadcert.json", in: directory)
        let run = try Self.run(["verify", path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.split(separator: "\n").last == "13 passed, 0 failed")
    }

    @Test("malformed files: exit 2, with the file, the JSON pointer and what was expected on stderr")
    func malformed() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let cases: [(String, JSONValue, String, String)] = [
            (
                "number.dyadcert.json", Robustness.edit(Robustness.base, at: "/objects/s/values/0", to: .number("5")),
                "/objects/s/values/0", #"e.g. "5""#
            ),
            ("format.dyadcert.json", Robustness.edit(Robustness.base, at: "/format", to: "dyadcert/2"), "/format", #""dyadcert/1""#),
            (
                "fraction.dyadcert.json", Robustness.edit(Robustness.base, at: "/objects/s/values/0", to: "2/4"), "/objects/s/values/0",
                "write 1/2"
            ),
            (
                "reference.dyadcert.json", Robustness.edit(Robustness.base, at: "/claims/1/inputs/functions/0", to: "nope"),
                "/claims/1/inputs/functions/0", "defined earlier"
            ),
        ]
        for (name, value, pointer, words) in cases {
            let path = try Self.write(Robustness.bytes(value), name, in: directory)
            let run = try Self.run(["verify", path])
            #expect(run.status == 2, "\(name): \(run.stderr)")
            #expect(
                run.stderr.contains(path) && run.stderr.contains("at \(pointer):") && run.stderr.contains(words), "\(name): \(run.stderr)")
            // The closing line is still printed (claims checked before the error count as passed).
            #expect(run.stdout.split(separator: "\n").last?.hasSuffix(" passed, 0 failed") == true, "\(name): \(run.stdout)")
        }
        // Not JSON at all, and not there at all.
        let junk = try Self.write(Array("{\"format\": ".utf8), "junk.dyadcert.json", in: directory)
        #expect(try Self.run(["verify", junk]).status == 2)
        #expect(try Self.run(["verify", directory.appendingPathComponent("missing.dyadcert.json").path]).status == 2)
    }

    @Test("limits: exit 3 naming the flag; raising the flag lets the file through")
    func limits() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let deep = Robustness.certificate(
            objects: [("K", Robustness.json(#"{"kind": "readout-class", "levels": "40", "readouts": ["2", "3"]}"#))],
            claims: [
                Robustness.json(
                    #"{"id": "j", "rule": "readout-count", "inputs": {"class": "K", "coding": "joint"}, "statement": {"log2-size": "3"}}"#)
            ])
        let path = try Self.write(Robustness.bytes(deep), "deep.dyadcert.json", in: directory)
        let limited = try Self.run(["verify", path])
        #expect(limited.status == 3)
        #expect(limited.stderr.contains("at /objects/K/levels:") && limited.stderr.contains("--max-level"), "\(limited.stderr)")
        // With --max-level 40 the class is read; the claim is checked (true or false, never a crash).
        let raised = try Self.run(["verify", "--max-level", "40", path])
        #expect(raised.status == 0 || raised.status == 1, "\(raised.stderr)")

        // Enumerating a depth-40 class with the level limit raised to 40: exit 3 at once, no trap.
        let enumerate = Robustness.certificate(
            objects: [("K", Robustness.json(#"{"kind": "readout-class", "levels": "40", "readouts": ["1"]}"#))],
            claims: [
                Robustness.json(
                    #"{"id": "n", "rule": "enumerate", "inputs": {"class": "K", "quantity": "size", "coding": "joint"}, "statement": {"value": "2"}}"#
                )
            ])
        let enumeratePath = try Self.write(Robustness.bytes(enumerate), "enumerate.dyadcert.json", in: directory)
        let run = try Self.run(["verify", "--max-level", "40", enumeratePath])
        #expect(run.status == 3, "\(run.stderr)")
        #expect(run.stderr.contains("--max-enumeration"))

        // A number of 10,001 digits.
        let digits = Robustness.edit(Robustness.base, at: "/objects/s/values/0", to: .string("1" + String(repeating: "0", count: 10_000)))
        let digitsRun = try Self.run(["verify", try Self.write(Robustness.bytes(digits), "digits.dyadcert.json", in: directory)])
        #expect(digitsRun.status == 3 && digitsRun.stderr.contains("--max-digits"), "\(digitsRun.stderr)")
    }

    @Test("a 100 MB file against the default limits: exit 2 or 3, quickly, no crash")
    func hundredMegabytes() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try Self.write(TruncationAndSizeTests.hugeDescription(100_000_000), "huge.dyadcert.json", in: directory)
        // The string limit follows --max-file-size (256 MiB by default): the 100 MB
        // description is read, then the empty claims array makes the file malformed.
        let run = try Self.run(["verify", path], timeout: 60)
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("at /claims:"), "\(run.stderr)")
        let small = try Self.run(["verify", "--max-file-size", "1000000", path])
        #expect(small.status == 3 && small.stderr.contains("--max-file-size"), "\(small.stderr)")
    }

    @Test("a directory with a true, a false, a malformed and an over-limit file: exit 2, every file reported")
    func mixedDirectory() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try Self.write(Robustness.bytes(Robustness.base), "a-true.dyadcert.json", in: directory)
        _ = try Self.write(
            Robustness.bytes(Robustness.edit(Robustness.base, at: "/claims/6/statement/bound", to: "1")), "b-false.dyadcert.json",
            in: directory)
        _ = try Self.write(
            Robustness.bytes(Robustness.edit(Robustness.base, at: "/claims", to: .array([]))), "c-malformed.dyadcert.json", in: directory)
        _ = try Self.write(
            Robustness.bytes(Robustness.edit(Robustness.base, at: "/objects/K/levels", to: "21")), "d-limit.dyadcert.json", in: directory)
        let run = try Self.run(["verify", "--jobs", "2", directory.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("c-malformed.dyadcert.json: at /claims:"), "\(run.stderr)")
        #expect(run.stderr.contains("d-limit.dyadcert.json: at /objects/K/levels:"), "\(run.stderr)")
        #expect(run.stdout.split(separator: "\n").last == "25 passed, 1 failed", "\(run.stdout)")
        // Without the malformed file, the limit decides: exit 3; without both, the false claim: exit 1.
        try FileManager.default.removeItem(at: directory.appendingPathComponent("c-malformed.dyadcert.json"))
        #expect(try Self.run(["verify", directory.path]).status == 3)
        try FileManager.default.removeItem(at: directory.appendingPathComponent("d-limit.dyadcert.json"))
        #expect(try Self.run(["verify", directory.path]).status == 1)
    }

    @Test("the JSON report of a malformed file names the pointer")
    func jsonReport() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try Self.write(
            Robustness.bytes(Robustness.edit(Robustness.base, at: "/objects/sigma/bits", to: "A")), "hex.dyadcert.json", in: directory)
        let run = try Self.run(["verify", "--report", "json", path])
        #expect(run.status == 2)
        let report = try JSONParser.parse(Array(run.stdout.utf8))
        var places: [([String], JSONValue)] = []
        CertificateMutator.places(report, into: &places)
        #expect(places.contains { $0.1 == .string("/objects/sigma/bits") }, "\(run.stdout)")
    }
}
