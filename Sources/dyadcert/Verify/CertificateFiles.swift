import ArgumentParser
import CertificateKernel
import Dispatch
import Foundation

/// Finding and reading certificate files for `dyadcert verify`, `format` and `audit`.
enum CertificateFiles {
    /// The suffix of certificate files in directories.
    static let suffix = ".dyadcert.json"
    /// The path that names standard input.
    static let standardInput = "-"

    /// What a search found: the certificate files, and how many other `*.json` files it
    /// passed over (so that an empty result can say why).
    struct Found {
        var files: [String]
        var otherJSON = 0
    }

    /// A file itself (whatever its name: an explicitly named file is always read), `-`
    /// for standard input, or every `*.dyadcert.json` below a directory (sorted).
    static func collect(_ path: String) -> Result<Found, CollectError> {
        if path == standardInput { return .success(Found(files: [path])) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(CollectError(hasUndecodableName(path) ? undecodableName : "no such file or directory"))
        }
        guard isDirectory.boolValue else { return .success(Found(files: [path])) }
        guard let walker = FileManager.default.enumerator(atPath: path) else {
            return .failure(CollectError("cannot read the directory"))
        }
        var found = Found(files: [])
        while let item = walker.nextObject() as? String {
            let file = (path as NSString).appendingPathComponent(item)
            // Regular files only (or links to them): a named pipe would block the read forever,
            // and a folder named like a certificate is searched, not read. A name that is not
            // UTF-8 is taken, so that its read fails and says why, rather than pass unchecked.
            if item.hasSuffix(suffix) && (isRegularFile(file) || hasUndecodableName(file)) {
                found.files.append(file)
            } else if item.hasSuffix(".json") {
                found.otherJSON += 1
            }
        }
        found.files.sort()
        return .success(found)
    }

    /// Whether a path came from a name that is not valid UTF-8 (decoded with U+FFFD in place
    /// of the bytes that are not): such a file cannot be opened by that path.
    static func hasUndecodableName(_ path: String) -> Bool { path.unicodeScalars.contains("\u{FFFD}") }

    static let undecodableName = "a file name that is not valid UTF-8, which dyadcert cannot open (rename the file)"

    /// Whether `path` is a regular file, after following symbolic links.
    static func isRegularFile(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFREG
    }

    /// The message for a search that found no certificate: what was searched, and why
    /// files that are there were not taken.
    static func nothingFound(paths: [String], otherJSON: Int, shard: String?, allowEmptyHint: Bool = true) -> String {
        var text = "no certificate found: searched \(paths.map { "'\($0)'" }.joined(separator: ", ")) recursively for *\(suffix)"
        if otherJSON > 0 {
            text +=
                " and passed over \(otherJSON) other *.json file\(otherJSON == 1 ? "" : "s") (name a file explicitly to verify it whatever its name)"
        }
        if let shard { text += "; shard \(shard) holds none of them" }
        return allowEmptyHint ? text + "; pass --allow-empty to accept a run that checks nothing" : text
    }

    struct CollectError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    /// Reads a file (or standard input for `-`) after checking its size against the limit.
    static func read(_ path: String, limit: Int) -> Result<[UInt8], KernelError> {
        if path != standardInput {
            let attributes = try? FileManager.default.attributesOfItem(atPath: path)
            if let size = (attributes?[.size] as? NSNumber)?.intValue, size > limit {
                return .failure(.limitExceeded(pointer: JSONPointer(), limit: .fileSize, value: String(size), maximum: .raisable(limit)))
            }
        }
        guard let handle = path == standardInput ? FileHandle.standardInput : FileHandle(forReadingAtPath: path) else {
            let found = hasUndecodableName(path) ? undecodableName : "a file that cannot be opened"
            return .failure(.malformed(pointer: JSONPointer(), expected: "a readable file", found: found))
        }
        defer { if path != standardInput { try? handle.close() } }
        guard let data = try? handle.read(upToCount: limit + 1) ?? Data() else {
            return .failure(.malformed(pointer: JSONPointer(), expected: "a readable file", found: "a read error"))
        }
        if data.count > limit {
            return .failure(
                .limitExceeded(pointer: JSONPointer(), limit: .fileSize, value: "more than \(limit)", maximum: .raisable(limit)))
        }
        return .success([UInt8](data))
    }

    /// The name a path has in reports (`<stdin>` for `-`).
    static func displayName(_ path: String) -> String { path == standardInput ? "<stdin>" : path }

    /// Verifies files, several at a time when `jobs` > 1, returning verdicts in order, each
    /// with the seconds its claims' checks took (measured here, from the kernel's events).
    static func verifyAll(_ files: [String], verifier: Verifier, jobs: Int, progress: Progress) -> [(FileVerdict, ClaimTimes)] {
        let results = VerdictList(count: files.count)
        let gate = DispatchSemaphore(value: max(1, min(jobs, files.count)))
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            gate.wait()
            defer { gate.signal() }
            let path = files[i], name = displayName(path)
            let times = ClaimTimes()
            switch read(path, limit: verifier.limits.maximumFileSize) {
            case .failure(let error):
                results.set(i, (FileVerdict(path: name, description: nil, claims: [], error: error), times))
            case .success(let bytes):
                let verdict = verifier.verify(bytes: bytes, path: name) { event in
                    times.record(event)
                    if case .finished(_, let id, let done, let total) = event { progress.update(name, done, total, id) }
                }
                results.set(i, (verdict, times))
            }
        }
        return results.values
    }

    /// Expands file and directory arguments for commands that take several
    /// certificates (`format --check`, `audit`): the files in argument order, or the
    /// message for the first path that cannot be read or holds no certificate.
    static func expand(_ paths: [String]) -> Result<[String], CollectError> {
        var files: [String] = []
        for path in paths {
            switch collect(path) {
            case .failure(let error): return .failure(CollectError("\(path): \(error.description)"))
            case .success(let found):
                if found.files.isEmpty {
                    return .failure(
                        CollectError(nothingFound(paths: [path], otherJSON: found.otherJSON, shard: nil, allowEmptyHint: false)))
                }
                files += found.files
            }
        }
        return .success(files)
    }

    /// ``expand(_:)`` for a command (`format --check`, `audit`): the files, or the
    /// message on standard error and exit code 2.
    static func expandOrExit(_ paths: [String]) throws -> [String] {
        switch expand(paths) {
        case .success(let files): return files
        case .failure(let error):
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(2)
        }
    }
}

final class VerdictList: @unchecked Sendable {
    private var items: [(FileVerdict, ClaimTimes)?]
    private let lock = NSLock()
    init(count: Int) { items = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ v: (FileVerdict, ClaimTimes)) {
        lock.lock()
        items[i] = v
        lock.unlock()
    }
    var values: [(FileVerdict, ClaimTimes)] {
        lock.lock()
        defer { lock.unlock() }
        return items.compactMap { $0 }
    }
}

/// The wall-clock seconds each claim's check took, from the verifier's start and end
/// events (for `--junit`); claims checked at the same time overlap.
final class ClaimTimes: @unchecked Sendable {
    private let clock = ContinuousClock()
    private var started: [Int: ContinuousClock.Instant] = [:]
    private var seconds: [Int: Double] = [:]
    private let lock = NSLock()

    func record(_ event: ClaimEvent) {
        let now = clock.now
        lock.lock()
        defer { lock.unlock() }
        switch event {
        case .started(let index): started[index] = now
        case .finished(let index, _, _, _):
            guard let start = started[index] else { return }
            let elapsed = now - start
            seconds[index] = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        }
    }

    /// The seconds of the claim at `index` (0 if it was not checked).
    func seconds(ofClaim index: Int) -> Double {
        lock.lock()
        defer { lock.unlock() }
        return seconds[index] ?? 0
    }
}

extension FileVerdict {
    /// The verdict for a path that could not be read at all.
    static func unreadable(path: String, message: CustomStringConvertible) -> FileVerdict {
        FileVerdict(
            path: path, description: nil, claims: [],
            error: .malformed(pointer: JSONPointer(), expected: "a readable certificate file or directory", found: message.description))
    }
}
