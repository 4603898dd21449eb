import ArgumentParser
import Foundation
#if canImport(Glibc)
    import Glibc
    private let systemWrite = Glibc.write
#elseif canImport(Darwin)
    import Darwin
    private let systemWrite = Darwin.write
#endif

/// Writing the files the commands produce (certificates, reports, audits). A failed
/// write is reported as a plain message naming the path and the reason, so that every
/// command can end it with exit code 2 (unreadable or unwritable input or output), never
/// with a raw Foundation error.
enum OutputFile {
    /// Writes `text` to `path`; nil on success, otherwise `PATH: REASON`.
    static func write(_ text: String, to path: String) -> String? {
        write(Array(text.utf8), to: path)
    }

    /// Writes `bytes` to `path`; nil on success, otherwise `PATH: REASON`.
    static func write(_ bytes: [UInt8], to path: String) -> String? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { return reason(path, errno) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { systemWrite(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                let code = errno
                close(descriptor)
                return reason(path, code)
            }
            offset += written
        }
        guard close(descriptor) == 0 else { return reason(path, errno) }
        return nil
    }

    /// `PATH: the system's reason`, with the missing directory named for ENOENT.
    static func reason(_ path: String, _ code: Int32) -> String {
        let text = String(cString: strerror(code)).lowercased()
        if path.isEmpty { return "'': cannot create the file: the output path is empty" }
        if code == ENOENT {
            let directory = (path as NSString).deletingLastPathComponent
            return "\(path): cannot create the file: the directory '\(directory.isEmpty ? "." : directory)' does not exist"
        }
        return "\(path): cannot write the file: \(text)"
    }

    /// Writes to `path`, or prints when `path` is nil; on failure prints
    /// `error: PATH: REASON` and exits with code 2.
    static func emit(_ text: String, to path: String?) throws {
        guard let path else {
            print(text, terminator: "")
            return
        }
        if let problem = write(text, to: path) {
            FileHandle.standardError.write(Data("error: \(problem)\n".utf8))
            throw ExitCode(2)
        }
    }
}
