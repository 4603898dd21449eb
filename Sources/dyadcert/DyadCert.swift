import ArgumentParser
import CGMP
import ExactArithmetic
@preconcurrency import Foundation

/// `dyadcert`: exact, machine-checkable certificates for shared dyadic features.
@main
struct DyadCert: ParsableCommand {
    static let version = "0.2.0"

    static let configuration = CommandConfiguration(
        commandName: "dyadcert",
        abstract: "Exact, machine-checkable certificates for the description-length separation of shared dyadic features.",
        discussion: """
            Exit status of every subcommand: 0 success; 1 a claim is false (or a file is not canonical, \
            for format --check); 2 unreadable, unwritable or malformed input or output; 3 a resource \
            limit was exceeded (the message names the flag that raises it, or says that none does); 64 a usage error.
            """,
        version: "dyadcert \(version) (GMP \(String(cString: __gmp_version)))",
        subcommands: [Verify.self, Generate.self, Audit.self, Format.self, Shrink.self, Bench.self]
    )

    /// Parses and runs a subcommand. A usage error found while running (an option
    /// value that only the subcommand can judge) exits 64 with that subcommand's own
    /// usage line, as parse errors do, not with the root's `dyadcert <subcommand>`.
    static func main() {
        var command: ParsableCommand
        do { command = try parseAsRoot() } catch { exit(withError: error) }
        var outcome: Error? = nil
        do { try command.run() } catch { outcome = error }
        // A failed write to standard output outranks what the command found (exit 1 or 3).
        guard standardOutputWasWritten() else { exit(withError: ExitCode(2)) }
        if let error = outcome as? ValidationError {
            let usage = usageString(for: type(of: command))
            let name = CommandPath.of(type(of: command))
            FileHandle.standardError.write(
                Data("Error: \(error.message)\nUsage: \(usage)\n  See '\(name) --help' for more information.\n".utf8))
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        if let outcome { exit(withError: outcome) }
    }

    /// Flushes standard output and says whether every write to it succeeded; if one failed
    /// (a full disk under `generate > cert.json`), says so on standard error: the command then
    /// exits 2, as for a failed `-o` write, rather than look like a success.
    static func standardOutputWasWritten() -> Bool {
        guard fflush(stdout) != 0 || ferror(stdout) != 0 else { return true }
        let reason = String(cString: strerror(errno))
        FileHandle.standardError.write(Data("error: cannot write to standard output: \(reason)\n".utf8))
        return false
    }
}

/// The command path of a subcommand type, e.g. `dyadcert generate separation`.
enum CommandPath {
    static func of(_ type: ParsableCommand.Type) -> String {
        var names: [String] = []
        func search(_ node: ParsableCommand.Type, _ trail: [String]) -> Bool {
            let here = trail + [node._commandName]
            if ObjectIdentifier(node) == ObjectIdentifier(type) {
                names = here
                return true
            }
            return node.configuration.subcommands.contains { search($0, here) }
        }
        _ = search(DyadCert.self, [])
        return names.joined(separator: " ")
    }
}
