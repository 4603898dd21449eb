import Foundation
import Testing

/// Every bad input of issue 12 ("What a user trips over"), run through the built
/// `dyadcert` binary: the exit code and the message each one must give.
@Suite("dyadcert bad inputs and CI contract")
struct BadInputTests {
    typealias CLI = CommandLineTests

    /// Runs the binary with `input` on standard input.
    static func run(_ arguments: [String], input: Data) throws -> CLI.Run {
        let binary = try #require(CLI.binary, "the dyadcert executable was not built next to the tests")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = CLI.root
        let inPipe = Pipe(), out = Pipe(), err = Pipe()
        process.standardInput = inPipe
        process.standardOutput = out
        process.standardError = err
        try process.run()
        inPipe.fileHandleForWriting.write(input)
        try inPipe.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLI.Run(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    static let small = "Certificates/handwritten/haar-system.dyadcert.json"

    static func text(_ path: String) throws -> String {
        try String(contentsOf: CLI.root.appendingPathComponent(path), encoding: .utf8)
    }

    /// No message may leak a raw Foundation error.
    static func plain(_ run: CLI.Run) -> Bool {
        !run.stderr.contains("Error Domain") && !run.stderr.contains("NSCocoaErrorDomain") && !run.stderr.contains("Foundation.")
    }

    // MARK: 1. The CI contract

    @Test("limit flags: each range's ends accepted, one past either end a usage error naming the flag and its range")
    func limitFlagRanges() throws {
        // FORMAT.md sec. 7 and --help: --max-level 0...40, --max-work 1...2^50, the others 1...2^40.
        let ranges: [(String, ClosedRange<Int>, String)] = [
            ("--max-level", 0...40, "0 and 40"), ("--max-digits", 1...(1 << 40), "1 and 2^40"),
            ("--max-cells", 1...(1 << 40), "1 and 2^40"), ("--max-enumeration", 1...(1 << 40), "1 and 2^40"),
            ("--max-network-size", 1...(1 << 40), "1 and 2^40"), ("--max-file-size", 1...(1 << 40), "1 and 2^40"),
            ("--max-work", 1...(1 << 50), "1 and 2^50"),
        ]
        for (flag, range, text) in ranges {
            for bad in [range.lowerBound - 1, range.upperBound + 1] {
                let run = try CLI.run(["verify", Self.small, "\(flag)=\(bad)"]) // "=": -1 is not read as a flag
                #expect(run.status == 64, "\(flag) \(bad)")
                #expect(run.stderr.contains("\(flag) must be between \(text)"), "\(flag) \(bad): \(run.stderr)")
            }
            let top = try CLI.run(["verify", Self.small, flag, String(range.upperBound)])
            #expect(top.status == 0, "\(flag) \(range.upperBound): \(top.stderr)")
        }
    }

    @Test("verify of an empty directory fails with exit 2 naming what was searched; --allow-empty accepts it")
    func emptyDirectory() throws {
        let directory = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try CLI.run(["verify", directory.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("no certificate found: searched '\(directory.path)' recursively for *.dyadcert.json"))
        #expect(run.stderr.contains("--allow-empty"))
        #expect(!run.stdout.contains("0 passed, 0 failed"))
        let allowed = try CLI.run(["verify", "--allow-empty", directory.path])
        #expect(allowed.status == 0 && allowed.stdout == "0 passed, 0 failed\n")
        // --report json still prints a verdict document with exit code 2.
        let json = try CLI.run(["verify", "--report", "json", directory.path])
        #expect(json.status == 2 && json.stdout.contains("\"exit-code\": \"2\""))
    }

    @Test("a directory of *.json files: exit 2 says how many were passed over; named explicitly they are read")
    func otherExtension() throws {
        let directory = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("paper.json")
        try Self.text(Self.small).write(to: file, atomically: true, encoding: .utf8)
        let run = try CLI.run(["verify", directory.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("passed over 1 other *.json file"))
        let named = try CLI.run(["verify", file.path])
        #expect(named.status == 0 && named.stdout.hasSuffix("3 passed, 0 failed\n"))
        #expect(named.stdout.contains("PASS  \(file.path)#haar-gram  gram"))
        // An empty shard of a non-empty set also checks nothing.
        let shard = try CLI.run(["verify", file.path, "--shard", "2/2"])
        #expect(shard.status == 2 && shard.stderr.contains("shard 2/2 holds none of them"))
    }

    @Test("verify - reads the certificate from standard input")
    func standardInput() throws {
        let run = try Self.run(["verify", "-"], input: Data(try Self.text(Self.small).utf8))
        #expect(run.status == 0)
        #expect(run.stdout.contains("PASS  <stdin>#haar-gram  gram"))
        #expect(run.stdout.hasSuffix("3 passed, 0 failed\n"))
        let bad = try Self.run(["verify", "-"], input: Data("{\"format\": ".utf8))
        #expect(bad.status == 2 && bad.stderr.contains("error: <stdin>: at /"))
        let twice = try CLI.run(["verify", "-", "-"])
        #expect(twice.status == 64 && twice.stderr.contains("only once"))
    }

    @Test("JUnit: tests counts every test case, including a file's error case; both suite levels carry time")
    func junitCounts() throws {
        let directory = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let broken = directory.appendingPathComponent("broken.dyadcert.json")
        try "{\"format\": \"dyadcert/1\"".write(to: broken, atomically: true, encoding: .utf8)
        let junit = directory.appendingPathComponent("report.xml")
        let run = try CLI.run(["verify", Self.small, broken.path, "--junit", junit.path])
        #expect(run.status == 2)
        let xml = try String(contentsOf: junit, encoding: .utf8)
        let cases = xml.components(separatedBy: "<testcase ").count - 1
        #expect(cases == 4) // 3 claims + the broken file's (certificate) case
        #expect(xml.contains("<testsuites name=\"dyadcert verify\" tests=\"4\" failures=\"0\" errors=\"1\" time=\""))
        #expect(xml.contains("<testsuite name=\"\(broken.path)\" tests=\"1\" failures=\"0\" errors=\"1\" time=\""))
        #expect(xml.contains("<testsuite name=\"\(Self.small)\" tests=\"3\" failures=\"0\" errors=\"0\" time=\""))
    }

    // MARK: Usage errors: exit 64 with the subcommand's own usage line

    @Test(
        "usage errors exit 64 with the subcommand's usage line",
        arguments: [
            (["verify"], "Usage: dyadcert verify"),
            (["verify", "--jobs", "0", "x"], "Usage: dyadcert verify"),
            (["verify", "--shard", "4/3", "x"], "Usage: dyadcert verify"),
            (["verify", "--max-level", "41", "x"], "Usage: dyadcert verify"),
            (["generate", "separation", "--levels", "30"], "Usage: dyadcert generate separation"),
            (["generate", "separation", "--levels", "4", "--tasks", "9"], "Usage: dyadcert generate separation"),
            (["generate", "separation", "--readouts", "1,x"], "Usage: dyadcert generate separation"),
            (["generate", "triangle", "--teeth", "3"], "Usage: dyadcert generate triangle"),
            (["generate", "haar-entropy", "--ratio", "2/4"], "Usage: dyadcert generate haar-entropy"),
            (["format", "a.json", "b.json"], "Usage: dyadcert format"),
            (["audit"], "Usage: dyadcert audit"),
            (["shrink"], "Usage: dyadcert shrink"),
        ])
    func usage(arguments: [String], usage: String) throws {
        let run = try CLI.run(arguments)
        #expect(run.status == 64, "\(arguments): \(run.stderr)")
        #expect(run.stderr.contains(usage), "\(arguments): \(run.stderr)")
        #expect(!run.stderr.contains("Usage: dyadcert <subcommand>"))
    }

    // MARK: 2. Generate within limits

    @Test("generate refuses at once (exit 3, the flag to raise) what verify would reject")
    func generateLimits() throws {
        let clock = ContinuousClock()
        let start = clock.now
        let deep = try CLI.run(["generate", "separation", "--levels", "24", "--tasks", "64"])
        let elapsed = clock.now - start
        #expect(deep.status == 3)
        #expect(deep.stderr.contains("the sign tree's depth J = 24, above the level limit 20 (raise it with --max-level, up to 40)"))
        #expect(deep.stderr.contains("nothing was generated") && deep.stdout.isEmpty)
        #expect(elapsed < .seconds(5), "refused in \(elapsed)")
        // J = 20, D = 64: the sign-coded network's 24 * 2^20 + 4 * 64 * 22 units and parameters.
        let wide = try CLI.run(["generate", "separation", "--levels", "20", "--tasks", "64"])
        #expect(
            wide.status == 3
                && wide.stderr.contains(
                    "= 25171456, above the network size (units plus parameters) limit 16777216 (raise it with --max-network-size)")
        )
        // J = 12, D = 64 under --max-work 2 * 10^6: the closed-form estimate (790,528 steps)
        // passes, but the network-realises sweep is charged 3,363,439 steps (its change-count
        // bound, plus 64 outputs read at each of 2^12 pieces), beyond what the Gram matrix's
        // 524,288 leave of the budget: refused before the certificate is built
        // (SizeEstimateTests checks that the kernel refuses it too).
        let sweep = try CLI.run(["generate", "separation", "--levels", "12", "--tasks", "64", "--max-work", "2000000"])
        #expect(sweep.status == 3 && sweep.stderr.contains("network-realises' sweep") && sweep.stderr.contains("--max-work"))
        // One unit less than the estimate is refused, the estimate itself is not.
        let one = try CLI.run(["generate", "walsh-basis", "--levels", "3", "--max-cells", "95"])
        #expect(one.status == 3 && one.stderr.contains("2^(2J) + 4 * 2^J") && one.stderr.contains("--max-cells"))
        let exact = try CLI.run(["generate", "walsh-basis", "--levels", "3", "--max-cells", "96", "--verify"])
        #expect(exact.status == 0 && exact.stderr.contains("verified: 2 claims"))
        let triangle = try CLI.run(["generate", "triangle", "--teeth", "65536", "--units", "4", "--max-level", "16"])
        #expect(triangle.status == 3 && triangle.stderr.contains("order n (2^(n-1) teeth) = 17") && triangle.stderr.contains("--max-level"))
    }

    @Test("generate --verify reports a limit as a limit (exit 3), not as a false claim")
    func generateVerifyLimit() throws {
        // The file-size estimate counts only the sign tree and the readouts, so 2,000 bytes
        // pass it; the kernel then stops on the certificate's real size.
        let run = try CLI.run(["generate", "separation", "--levels", "5", "--tasks", "4", "--verify", "--max-file-size", "2000"])
        #expect(run.status == 3, "\(run.stderr)")
        #expect(run.stderr.contains("exceeds a verification limit") && run.stderr.contains("--max-file-size"))
        #expect(!run.stderr.contains("does not verify"))
        #expect(run.stdout.isEmpty)
    }

    /// Requests the size estimate admits (it is a lower bound) but `verify` would refuse
    /// under the same limits: the kernel's check before writing refuses them, exit 3, and
    /// writes nothing. Each certificate, generated under the default limits, is refused by
    /// `verify` under the flag.
    @Test("generate writes nothing that verify would refuse under the same limits, where the estimate falls short")
    func generateChecksWithTheKernel() throws {
        let directory = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let cases: [([String], [String])] = [
            (["walsh-basis", "--levels", "3"], ["--max-file-size", "1"]),
            (["walsh-basis", "--levels", "3"], ["--max-digits", "1"]),
            (["triangle", "--teeth", "4", "--units", "4"], ["--max-work", "1"]),
            (["separation", "--levels", "3", "--tasks", "3"], ["--max-enumeration", "1"]),
        ]
        for (k, (scenario, flag)) in cases.enumerated() {
            let file = directory.appendingPathComponent("c\(k).dyadcert.json").path
            let refused = try CLI.run(["generate"] + scenario + flag + ["-o", file])
            #expect(refused.status == 3 && refused.stderr.contains("nothing was written"), "\(scenario) \(flag): \(refused.stderr)")
            #expect(!FileManager.default.fileExists(atPath: file))
            #expect(try CLI.run(["generate"] + scenario + ["-o", file]).status == 0)
            #expect(try CLI.run(["verify", file] + flag).status == 3, "\(scenario) \(flag)")
            try FileManager.default.removeItem(atPath: file)
        }
    }

    // MARK: 3. Errors

    @Test("a failed write is exit 2 with the path and the reason, for every command that writes")
    func failedWrites() throws {
        let missing = "missing-\(UUID().uuidString)/dir/x.json"
        let runs = [
            try CLI.run(["generate", "separation", "--levels", "3", "-o", missing]),
            try CLI.run(["format", Self.small, "-o", missing]),
            try CLI.run(["audit", Self.small, "-o", missing]),
            try CLI.run(["verify", Self.small, "--junit", missing]),
        ]
        for run in runs {
            #expect(run.status == 2)
            #expect(run.stderr.contains("\(missing): cannot create the file: the directory 'missing-"), "\(run.stderr)")
            #expect(Self.plain(run))
        }
        // A directory where a file should go.
        let directory = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try CLI.run(["generate", "walsh-basis", "--levels", "2", "-o", directory.path])
        #expect(run.status == 2 && run.stderr.contains("\(directory.path): cannot write the file: is a directory") && Self.plain(run))
    }

    @Test("limit messages agree with the flag: the limit in force, and no 'raise' past the largest setting")
    func limitMessages() throws {
        let directory = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let original = try Self.text(Self.small)
        let huge = directory.appendingPathComponent("huge.dyadcert.json")
        try original.replacingOccurrences(
            of: "\"level\": \"1\",\n      \"index\": \"0\"", with: "\"level\": \"63\",\n      \"index\": \"0\""
        ).write(to: huge, atomically: true, encoding: .utf8)
        let run = try CLI.run(["verify", huge.path])
        #expect(run.status == 3)
        #expect(run.stderr.contains("level 63 exceeds the limit 20; no setting of --max-level admits more than 40 here"), "\(run.stderr)")
        #expect(!run.stderr.contains("limit 62") && !run.stderr.contains("raise it"))
        let top = try CLI.run(["verify", huge.path, "--max-level", "40"])
        #expect(
            top.status == 3 && top.stderr.contains("level 63 exceeds the limit 40; no setting of --max-level admits more than 40 here"),
            "\(top.stderr)")
        // A level within the flag's range: the message says how to raise the limit.
        let deep = directory.appendingPathComponent("deep.dyadcert.json")
        try original.replacingOccurrences(
            of: "\"level\": \"1\",\n      \"index\": \"0\"", with: "\"level\": \"21\",\n      \"index\": \"0\""
        ).write(to: deep, atomically: true, encoding: .utf8)
        let raisable = try CLI.run(["verify", deep.path])
        #expect(
            raisable.status == 3 && raisable.stderr.contains("level 22 exceeds the limit 20 (raise it with --max-level, up to 40)"),
            "\(raisable.stderr)")
        // The JSON report says the same: `raisable: false` exactly when no setting of the flag helps.
        func reportedError(_ arguments: [String]) throws -> (status: Int32, error: [String: Any]?) {
            let run = try CLI.run(["verify", "--report", "json"] + arguments)
            let document = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
            return (run.status, ((document?["files"] as? [[String: Any]])?.first)?["error"] as? [String: Any])
        }
        let helps = try reportedError([deep.path]).error, past = try reportedError([huge.path]).error
        #expect(helps?["flag"] as? String == "--max-level" && helps?["raisable"] == nil, "\(String(describing: helps))")
        #expect(past?["flag"] as? String == "--max-level" && past?["raisable"] as? Bool == false, "\(String(describing: past))")
        // A fixed bound: a Gram matrix of more than 16384 functions, under the largest --max-cells.
        let gram = directory.appendingPathComponent("gram.dyadcert.json")
        let functions = Array(repeating: "\"f\"", count: (1 << 14) + 1).joined(separator: ",")
        try """
        {"format": "dyadcert/1", "objects": {"f": {"kind": "step-function", "breakpoints": ["0", "1"], "values": ["1"]}}, \
        "claims": [{"id": "g", "rule": "gram", "inputs": {"functions": [\(functions)]}, "statement": {"matrix": "identity"}, "uses": []}]}
        """.write(to: gram, atomically: true, encoding: .utf8)
        let fixed = try reportedError([gram.path, "--max-cells", String(1 << 40)])
        #expect(fixed.status == 3 && fixed.error?["flag"] as? String == "--max-cells", "\(String(describing: fixed.error))")
        #expect(fixed.error?["raisable"] as? Bool == false, "\(String(describing: fixed.error))")
    }

    // MARK: 4. Many files

    @Test("format --check takes several files and directories and names every non-canonical one")
    func formatMany() throws {
        #expect(try CLI.run(["format", "--check", "Certificates/handwritten", "Certificates/flagship", Self.small]).status == 0)
        let directory = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let loose = directory.appendingPathComponent("loose.dyadcert.json")
        try Self.text(Self.small).replacingOccurrences(of: "  ", with: " ").write(to: loose, atomically: true, encoding: .utf8)
        let run = try CLI.run(["format", "--check", "Certificates/handwritten", directory.path])
        #expect(run.status == 1 && run.stderr == "\(loose.path) is not in canonical form\n")
        let empty = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: empty) }
        let none = try CLI.run(["format", "--check", empty.path])
        #expect(none.status == 2 && none.stderr.contains("no certificate found"))
    }

    @Test("audit takes several files, takes the limit flags, writes the report and exits like verify")
    func auditMany() throws {
        let directory = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let reports = directory.appendingPathComponent("reports")
        let many = try CLI.run(["audit", "Certificates/handwritten", "-o", reports.path])
        #expect(many.status == 0, "\(many.stderr)")
        let written = try FileManager.default.contentsOfDirectory(atPath: reports.path).sorted()
        let shipped = try FileManager.default.contentsOfDirectory(atPath: "Certificates/handwritten").filter {
            $0.hasSuffix(".dyadcert.json")
        }
        #expect(written.count == shipped.count && written.contains("haar-system.md"))
        // A false claim: the report is written, the exit code is 1.
        let falseFile = directory.appendingPathComponent("false.dyadcert.json")
        try Self.text(Self.small).replacingOccurrences(of: "\"bound\": \"2\"", with: "\"bound\": \"1\"").write(
            to: falseFile, atomically: true, encoding: .utf8)
        let report = directory.appendingPathComponent("false.md")
        let failed = try CLI.run(["audit", falseFile.path, "-o", report.path])
        #expect(failed.status == 1 && failed.stderr.contains("1 claim failed: f-within-2-of-g"))
        #expect(try String(contentsOf: report, encoding: .utf8).contains("f-within-2-of-g"))
        // Over a limit: exit 3, the report still written.
        let limited = directory.appendingPathComponent("limited.md")
        let over = try CLI.run(["audit", Self.small, "--max-level", "1", "-o", limited.path])
        #expect(over.status == 3 && over.stderr.contains("--max-level"))
        #expect(FileManager.default.fileExists(atPath: limited.path))
    }

    // MARK: 6. Shrink

    @Test("shrink: one false claim among 16 shrinks to the claims and objects it needs, failing the same way")
    func shrinkSeparation() throws {
        let directory = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let full = directory.appendingPathComponent("full.dyadcert.json")
        #expect(try CLI.run(["generate", "separation", "--levels", "5", "--tasks", "4", "--seed", "2", "-o", full.path]).status == 0)
        let certificate = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: full)) as? [String: Any])
        let claims = try #require(certificate["claims"] as? [[String: Any]])
        #expect(claims.count == 16)
        let objectCount = try #require(certificate["objects"] as? [String: Any]).count
        // Lemma S by hand: four readouts at the top level 4 give 4 * 2^4 = 64 separate bits.
        let separate = try #require(claims.first { $0["id"] as? String == "separate-bits" }?["statement"] as? [String: Any])
        #expect(separate["bits"] as? String == "64")
        let jointText = (claims.first { $0["id"] as? String == "joint-bits" }?["statement"] as? [String: Any])?["bits"] as? String
        let jointBits = try #require(jointText.flatMap { Int($0) })
        // The gap claim states one bit too many (edited in the text: object order matters).
        let text = try String(contentsOf: full, encoding: .utf8)
        let gap = try #require(text.range(of: "\"id\": \"gap\""))
        let bound = try #require(text.range(of: "\"bound\": \"\(64 - jointBits)\"", range: gap.upperBound..<text.endIndex))
        let falseText = text.replacingCharacters(in: bound, with: "\"bound\": \"\(64 - jointBits + 1)\"")
        let falseFile = directory.appendingPathComponent("false.dyadcert.json")
        try falseText.write(to: falseFile, atomically: true, encoding: .utf8)
        let original = try CLI.run(["verify", falseFile.path])
        #expect(original.status == 1 && original.stdout.hasSuffix("\(claims.count - 1) passed, 1 failed\n"))

        let minimal = directory.appendingPathComponent("min.dyadcert.json")
        let run = try CLI.run(["shrink", falseFile.path, "-o", minimal.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("kept 5 of \(claims.count) claims and 1 of \(objectCount) objects"))
        #expect(run.stderr.contains("tightest passing statement, as the kernel computed it: value = \(64 - jointBits)"))
        let shrunk = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: minimal)) as? [String: Any])
        let shrunkClaims = try #require(shrunk["claims"] as? [[String: Any]])
        let ids = Set(shrunkClaims.compactMap { $0["id"] as? String })
        // gap uses separate-bits and joint-bits, which use separate-sizes and joint-size; all read the class K.
        #expect(ids == ["gap", "separate-bits", "joint-bits", "separate-sizes", "joint-size"])
        let objects = try #require(shrunk["objects"] as? [String: Any])
        #expect(Array(objects.keys) == ["K"])
        // It fails the same way: the same FAIL line up to the file name and the claim's position.
        let again = try CLI.run(["verify", minimal.path])
        #expect(again.status == 1 && again.stdout.hasSuffix("4 passed, 1 failed\n"))
        func failLine(_ run: CLI.Run, _ path: String) -> String {
            let line = run.stdout.split(separator: "\n").first { $0.hasPrefix("FAIL") }.map(String.init) ?? ""
            return line.replacingOccurrences(of: path, with: "FILE").replacing(/\(at \/claims\/\d+/, with: "(at /claims/N")
        }
        #expect(failLine(again, minimal.path) == failLine(original, falseFile.path))
        #expect(try CLI.run(["format", "--check", minimal.path]).status == 0)
    }

    @Test("shrink prints the exact sup distance for a false sup-distance claim; refuses a passing claim")
    func shrinkSupDistance() throws {
        let directory = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let falseFile = directory.appendingPathComponent("false.dyadcert.json")
        // |f - g| = |-1/4 - 3/4| = 1 on [1/3, 1/2) (by hand), so "< 1" is false.
        try Self.text(Self.small).replacingOccurrences(of: "\"bound\": \"2\"", with: "\"bound\": \"1\"").write(
            to: falseFile, atomically: true, encoding: .utf8)
        let minimal = directory.appendingPathComponent("min.dyadcert.json")
        let run = try CLI.run(["shrink", falseFile.path, "-o", minimal.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("f-within-2-of-g (sup-distance) fails"))
        #expect(run.stderr.contains("kept 1 of 3 claims and 2 of 6 objects"))
        #expect(run.stderr.contains("computed it: ||f - g||_inf = 1"), "\(run.stderr)")
        let passing = try CLI.run(["shrink", falseFile.path, "--claim", "haar-gram"])
        #expect(passing.status == 2 && passing.stderr.contains("haar-gram verifies"))
        let unknown = try CLI.run(["shrink", falseFile.path, "--claim", "nope"])
        #expect(unknown.status == 64 && unknown.stderr.contains("Usage: dyadcert shrink"))
        let clean = try CLI.run(["shrink", Self.small])
        #expect(clean.status == 2 && clean.stderr.contains("every claim verifies"))
    }

    // MARK: 7. Output and file names a review found

    /// Runs the binary with standard output sent to `output`, killing it after `timeout` seconds.
    static func run(_ arguments: [String], standardOutput output: Any? = nil, timeout: Double = 60) throws -> (
        status: Int32?, stderr: String
    ) {
        let binary = try #require(CLI.binary, "the dyadcert executable was not built next to the tests")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = CLI.root
        let err = Pipe()
        process.standardOutput = output ?? FileHandle.nullDevice
        process.standardError = err
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            // SIGKILL: the child inherits the test runner's blocked signals, SIGTERM among them.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return (nil, "")
        }
        return (process.terminationStatus, String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
    }

    @Test("a failed write to standard output (a full disk) is exit 2, as for -o, for every command that prints")
    func failedStandardOutput() throws {
        let commands = [
            ["generate", "walsh-basis", "--levels", "3"], ["format", Self.small], ["audit", Self.small],
            ["audit", Self.small, "--format", "latex"], ["verify", "--report", "json", Self.small], ["verify", Self.small],
        ]
        for arguments in commands {
            let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
            let run = try Self.run(arguments, standardOutput: full)
            #expect(run.status == 2 && run.stderr.contains("cannot write to standard output"), "\(arguments): \(run)")
        }
    }

    @Test("a directory search reads regular files only: a named pipe called *.dyadcert.json does not hang verify or audit")
    func namedPipeInADirectory() throws {
        let directory = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.copyItem(
            at: CLI.root.appendingPathComponent(Self.small), to: directory.appendingPathComponent("ok.dyadcert.json"))
        #expect(mkfifo(directory.appendingPathComponent("stuck.dyadcert.json").path, 0o600) == 0)
        let verify = try Self.run(["verify", directory.path], timeout: 60)
        #expect(verify.status == 0, "\(verify)")
        let audit = try Self.run(["audit", directory.path, "-o", directory.appendingPathComponent("out").path], timeout: 60)
        #expect(audit.status == 0, "\(audit)")
    }

    @Test("a file name cannot split or forge a verdict line; a name that is not UTF-8 is an error that says so")
    func fileNamesInReports() throws {
        let directory = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        // A false claim (the sup distance of haar-system is 1, stated 2) in a file whose name
        // holds a forged closing line between two newlines.
        let text = try Self.text(Self.small).replacingOccurrences(of: "\"bound\": \"1\"", with: "\"bound\": \"2\"")
        #expect(text != (try Self.text(Self.small)))
        try text.write(to: directory.appendingPathComponent("a\n3 passed, 0 failed\nb.dyadcert.json"), atomically: true, encoding: .utf8)
        let run = try CLI.run(["verify", directory.path])
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(run.status == 1 && lines.last == "2 passed, 1 failed", "\(run.stdout)")
        #expect(lines.dropLast().allSatisfy { $0.hasPrefix("PASS  ") || $0.hasPrefix("FAIL  ") }, "\(run.stdout)")
        #expect(run.stdout.contains("/a\\n3 passed, 0 failed\\nb.dyadcert.json#"))
        // A name with the byte 0xFF, written through the C API (Swift paths are UTF-8).
        let name = Array(directory.appendingPathComponent("bad").path.utf8) + [0xFF] + Array(".dyadcert.json".utf8) + [0]
        let descriptor = name.withUnsafeBufferPointer {
            open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_CREAT | O_WRONLY, 0o644)
        }
        #expect(descriptor >= 0)
        close(descriptor)
        let undecodable = try CLI.run(["verify", directory.path])
        #expect(undecodable.status == 2 && undecodable.stderr.contains("not valid UTF-8"), "\(undecodable.stderr)")
    }

    @Test("an empty output path is named as such")
    func emptyOutputPath() throws {
        for arguments in [["verify", Self.small, "--junit", ""], ["format", Self.small, "-o", ""]] {
            let run = try CLI.run(arguments)
            #expect(run.status == 2 && run.stderr.contains("the output path is empty"), "\(arguments): \(run.stderr)")
        }
    }
}
