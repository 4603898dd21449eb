import ArgumentParser
import CertificateKernel
import Foundation

/// `dyadcert format FILE`: rewrites a certificate in its canonical text form.
struct Format: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a certificate in canonical form (fixed key order, canonical layout, final newline).",
        discussion: "The file must be well-formed JSON; format does not verify it (use verify). Exit status 2 on unreadable input."
    )

    @Argument(help: "The certificate file.")
    var file: String

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    @Flag(help: "Exit with status 1 if the file is not already in canonical form (write nothing).")
    var check = false

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            FileHandle.standardError.write(Data("error: \(file): cannot read the file\n".utf8))
            throw ExitCode(2)
        }
        let value: JSONValue
        do {
            value = try JSONParser.parse([UInt8](data))
        } catch {
            FileHandle.standardError.write(Data("error: \(file): \(error)\n".utf8))
            throw ExitCode(2)
        }
        let text = CanonicalCertificate.text(value)
        if check {
            if Data(text.utf8) != data {
                FileHandle.standardError.write(Data("\(file) is not in canonical form\n".utf8))
                throw ExitCode(1)
            }
            return
        }
        if let output {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output))
        } else {
            print(text, terminator: "")
        }
    }
}
