import CertificateKernel
import Dispatch
import Foundation

/// Finding and reading certificate files for `dyadcert verify`.
enum CertificateFiles {
    /// The suffix of certificate files in directories.
    static let suffix = ".dyadcert.json"

    /// A file itself, or every `*.dyadcert.json` below a directory (sorted).
    static func collect(_ path: String) -> Result<[String], CollectError> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(CollectError("no such file or directory"))
        }
        guard isDirectory.boolValue else { return .success([path]) }
        guard let walker = FileManager.default.enumerator(atPath: path) else {
            return .failure(CollectError("cannot read the directory"))
        }
        var found: [String] = []
        while let item = walker.nextObject() as? String {
            if item.hasSuffix(suffix) { found.append((path as NSString).appendingPathComponent(item)) }
        }
        return .success(found.sorted())
    }

    struct CollectError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    /// Reads a file after checking its size against the limit.
    static func read(_ path: String, limit: Int) -> Result<[UInt8], KernelError> {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        if let size = (attributes?[.size] as? NSNumber)?.intValue, size > limit {
            return .failure(.limitExceeded(pointer: JSONPointer(), limit: .fileSize, value: String(size), maximum: String(limit)))
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return .failure(.malformed(pointer: JSONPointer(), expected: "a readable file", found: "a file that cannot be opened"))
        }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: limit + 1) ?? Data() else {
            return .failure(.malformed(pointer: JSONPointer(), expected: "a readable file", found: "a read error"))
        }
        if data.count > limit {
            return .failure(.limitExceeded(pointer: JSONPointer(), limit: .fileSize, value: "more than \(limit)", maximum: String(limit)))
        }
        return .success([UInt8](data))
    }

    /// Verifies files, several at a time when `jobs` > 1, returning verdicts in order.
    static func verifyAll(_ files: [String], verifier: Verifier, jobs: Int, progress: Progress) -> [FileVerdict] {
        let results = VerdictList(count: files.count)
        let gate = DispatchSemaphore(value: max(1, min(jobs, files.count)))
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            gate.wait(); defer { gate.signal() }
            let path = files[i]
            switch read(path, limit: verifier.limits.maximumFileSize) {
            case .failure(let error):
                results.set(i, FileVerdict(path: path, description: nil, claims: [], error: error))
            case .success(let bytes):
                results.set(i, verifier.verify(bytes: bytes, path: path) { done, total, claim in progress.update(path, done, total, claim) })
            }
        }
        return results.values
    }
}

final class VerdictList: @unchecked Sendable {
    private var items: [FileVerdict?]
    private let lock = NSLock()
    init(count: Int) { items = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ v: FileVerdict) { lock.lock(); items[i] = v; lock.unlock() }
    var values: [FileVerdict] { lock.lock(); defer { lock.unlock() }; return items.compactMap { $0 } }
}

extension FileVerdict {
    /// The verdict for a path that could not be read at all.
    static func unreadable(path: String, message: CustomStringConvertible) -> FileVerdict {
        FileVerdict(path: path, description: nil, claims: [], error: .malformed(pointer: JSONPointer(), expected: "a readable certificate file or directory", found: message.description))
    }
}
