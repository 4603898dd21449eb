import ArgumentParser
import Benchmarks
import Foundation

/// `dyadcert bench WORKLOAD`: the workloads of ../shared/perf, printing the kit's
/// result line on stdout and `elapsed_s=` (timed part only) on stderr.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a benchmark workload of the perf kit (result line on stdout, elapsed_s= on stderr).",
        subcommands: [W1.self]
    )

    /// Prints a result in the kit's protocol.
    static func emit(_ result: BenchmarkResult) {
        print(result.line)
        FileHandle.standardError.write(Data((result.elapsedLine + "\n").utf8))
    }

    struct W1: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "w1",
            abstract: "W1 / W1d: exact rational (general) or dyadic dot product of n random pairs."
        )

        @Option(help: "general or dyadic.")
        var variant: W1DotProduct.Variant = .general

        @Option(help: "Number of terms.")
        var n: Int = 200_000

        @Option(help: "Seed of the splitmix64 generator.")
        var seed: UInt64 = 42

        @Option(help: "library (tree sum / dyadic accumulator) or naive (S += a*b on Rational).")
        var mode: W1DotProduct.Mode = .library

        func validate() throws {
            guard (0...50_000_000).contains(n) else { throw ValidationError("--n must be between 0 and 50000000") }
        }

        func run() {
            Bench.emit(W1DotProduct.run(variant: variant, n: n, seed: seed, mode: mode))
        }
    }
}

extension W1DotProduct.Variant: ExpressibleByArgument {}
extension W1DotProduct.Mode: ExpressibleByArgument {}
