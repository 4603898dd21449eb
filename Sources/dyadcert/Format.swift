import CanonicalJSON
import ArgumentParser
import CertificateKernel
import Foundation

/// `dyadcert format FILE...`: rewrites certificates in their canonical text form, or
/// checks that they are in it.
struct Format: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a certificate in canonical form (fixed key order, canonical layout, final newline).",
        discussion: """
            The file must be well-formed JSON; format does not verify it (use verify). With --check, several \
            files and directories (searched recursively for *.dyadcert.json) are checked, each non-canonical \
            file is named, and nothing is written. Exit status: 0 canonical (or written); 1 some file is not \
            canonical (--check); 2 unreadable or malformed input, or an output that cannot be written; \
            64 a usage error.
            """
    )

    @Argument(help: "The certificate file; with --check, any number of files and directories.")
    var paths: [String]

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    @Flag(help: "Exit with status 1 if some file is not already in canonical form (write nothing).")
    var check = false

    func validate() throws {
        guard !paths.isEmpty else { throw ValidationError("give a certificate file") }
        if !check && paths.count > 1 {
            throw ValidationError("format rewrites one file at a time; several files and directories need --check")
        }
        if check && output != nil { throw ValidationError("--check writes nothing; drop -o") }
    }

    /// The canonical text of one file, or the message why it has none.
    static func canonicalText(_ file: String) -> Result<(text: String, bytes: [UInt8]), CertificateFiles.CollectError> {
        guard let data = FileManager.default.contents(atPath: file) else {
            return .failure(.init("\(file): cannot read the file"))
        }
        do {
            let value = try JSONParser.parse([UInt8](data))
            return .success((CanonicalCertificate.text(value), [UInt8](data)))
        } catch {
            return .failure(.init("\(file): \(error)"))
        }
    }

    func run() throws {
        if check {
            let files = try CertificateFiles.expandOrExit(paths)
            var code: Int32 = 0
            for file in files {
                switch Format.canonicalText(file) {
                case .failure(let error):
                    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
                    code = 2
                case .success(let (text, bytes)):
                    if Array(text.utf8) != bytes {
                        FileHandle.standardError.write(Data("\(file) is not in canonical form\n".utf8))
                        if code == 0 { code = 1 }
                    }
                }
            }
            if code != 0 { throw ExitCode(code) }
            return
        }
        switch Format.canonicalText(paths[0]) {
        case .failure(let error):
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(2)
        case .success(let (text, _)):
            try OutputFile.emit(text, to: output)
        }
    }
}
