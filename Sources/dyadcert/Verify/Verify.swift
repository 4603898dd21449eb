import ArgumentParser
import CertificateKernel
import Dispatch
import Foundation
import MatrixKernel

/// `dyadcert verify PATH...`: checks certificates with the trusted kernel.
struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Verify certificates: one line per claim, then 'N passed, M failed'.",
        discussion: """
            PATH may be a certificate file (read whatever its name), '-' for standard input, or a directory, \
            searched recursively for *.dyadcert.json. A run that finds no certificate fails (exit 2, naming \
            what was searched) unless --allow-empty. \
            Exit status: 0 every claim verified; 1 some claim is false; 2 unreadable or malformed input, \
            or no certificate found (with the file, the JSON pointer and what was expected); 3 a resource \
            limit was exceeded (the message names the flag that raises it, or says that none does); 64 a usage error (bad \
            options). With several files, 2 wins over 3, and 3 over 1.
            """
    )

    @Argument(help: "Certificate files, directories, or '-' for standard input.")
    var paths: [String]

    @Option(help: "Output format: text (one line per claim) or json (a versioned verdict document).")
    var report: ReportFormat = .text

    @Option(help: "Also write a JUnit XML report to this file.")
    var junit: String?

    @Option(help: "Check up to N claims (and files) at the same time.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Check only shard K of N (1-based): the files at positions K, K + N, K + 2N, ... of the sorted list.")
    var shard: String?

    @Flag(help: "Print only the closing line (and errors).")
    var quiet = false

    @Flag(help: "Exit 0 when no certificate is found (by default a run that checks nothing fails with exit 2).")
    var allowEmpty = false

    @OptionGroup var limits: LimitOptions

    /// A path to check, or one that could not be read.
    enum Entry {
        case file(String)
        case unreadable(FileVerdict)
    }

    enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    func validate() throws {
        guard jobs >= 1 && jobs <= 256 else { throw ValidationError("--jobs must be between 1 and 256") }
        if let shard { _ = try Verify.parseShard(shard) }
        guard paths.filter({ $0 == CertificateFiles.standardInput }).count <= 1 else {
            throw ValidationError("'-' (standard input) may be given only once")
        }
    }

    static func parseShard(_ text: String) throws -> (index: Int, count: Int) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, k >= 1, k <= n else {
            throw ValidationError("--shard must be K/N with 1 <= K <= N, e.g. 2/4")
        }
        return (k, n)
    }

    func run() throws {
        let clock = ContinuousClock(), start = clock.now
        let verifier = Verifier(limits: limits.verificationLimits, jobs: jobs, extensions: [.matrices])
        // Files in argument order (directories expanded in sorted order); an unreadable
        // path keeps its place in the report.
        var entries: [Entry] = []
        var otherJSON = 0
        for path in paths {
            switch CertificateFiles.collect(path) {
            case .success(let found):
                entries += found.files.map { Entry.file($0) }
                otherJSON += found.otherJSON
            case .failure(let message): entries.append(.unreadable(FileVerdict.unreadable(path: path, message: message)))
            }
        }
        if let shard {
            let (k, n) = try Verify.parseShard(shard)
            entries = entries.enumerated().filter { $0.offset % n == k - 1 }.map(\.element)
        }
        // The CI contract: a run that checks nothing is not a success.
        if entries.isEmpty && !allowEmpty {
            let message = CertificateFiles.nothingFound(paths: paths, otherJSON: otherJSON, shard: shard)
            if report == .json {
                print(JSONVerdictReport.render([], limits: limits.verificationLimits, exitCode: 2), terminator: "")
            }
            FileHandle.standardError.write(Data("error: \(message)\n".utf8))
            throw ExitCode(2)
        }
        let files = entries.compactMap { entry -> String? in if case .file(let path) = entry { return path } else { return nil } }
        let progress = Progress(enabled: !quiet && isatty(2) != 0)
        var checked = CertificateFiles.verifyAll(files, verifier: verifier, jobs: jobs, progress: progress).makeIterator()
        progress.finish()
        let timed: [(FileVerdict, ClaimTimes)] = entries.compactMap { entry in
            switch entry {
            case .file: return checked.next()
            case .unreadable(let verdict): return (verdict, ClaimTimes())
            }
        }
        let verdicts = timed.map(\.0)
        var junitFailed = false
        if let junit {
            if let problem = OutputFile.write(JUnitReport.render(timed, seconds: clock.now - start), to: junit) {
                FileHandle.standardError.write(Data("error: cannot write the JUnit report: \(problem)\n".utf8))
                junitFailed = true
            }
        }
        let code: Int32 = junitFailed ? 2 : Verify.exitCode(verdicts)

        switch report {
        case .text:
            for verdict in verdicts {
                if let error = verdict.error {
                    FileHandle.standardError.write(Data("error: \(TextReport.oneLine(verdict.path)): \(error)\n".utf8))
                }
                if !quiet { for line in TextReport.lines(verdict) { print(line) } }
            }
            print(TextReport.closingLine(verdicts))
        case .json:
            print(JSONVerdictReport.render(verdicts, limits: limits.verificationLimits, exitCode: code), terminator: "")
        }
        if code != 0 { throw ExitCode(code) }
    }

    /// 2 (malformed) wins over 3 (limit), 3 over 1 (false claim), 1 over 0.
    static func exitCode(_ verdicts: [FileVerdict]) -> Int32 {
        let codes = Set(verdicts.map(\.status.exitCode))
        for code: Int32 in [2, 3, 1] where codes.contains(code) { return code }
        return 0
    }
}

/// A one-line progress display on a terminal's stderr.
final class Progress: @unchecked Sendable {
    private let enabled: Bool
    private let lock = NSLock()
    private var shown = false

    init(enabled: Bool) { self.enabled = enabled }

    func update(_ file: String, _ done: Int, _ total: Int, _ claim: String) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        let text = "\r\u{1B}[K[\(done)/\(total)] \(URL(fileURLWithPath: file).lastPathComponent): \(claim)"
        FileHandle.standardError.write(Data(text.utf8))
        shown = true
    }

    func finish() {
        guard enabled && shown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
