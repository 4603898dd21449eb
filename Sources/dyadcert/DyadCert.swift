import ArgumentParser
import ExactArithmetic

/// `dyadcert`: exact, machine-checkable certificates for shared dyadic features.
@main
struct DyadCert: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "dyadcert",
        abstract: "Exact, machine-checkable certificates for the description-length separation of shared dyadic features.",
        version: "dyadcert \(version) (GMP \(GMPLibrary.version))",
        subcommands: [Verify.self, Generate.self, Audit.self, Format.self, Bench.self]
    )
}
