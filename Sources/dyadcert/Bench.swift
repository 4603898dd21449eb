import ArgumentParser
import Benchmarks
import Foundation

/// `dyadcert bench WORKLOAD`: the workloads of ../shared/perf, printing the kit's
/// result line on stdout and `elapsed_s=` (timed part only) on stderr.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a benchmark workload of the perf kit (result line on stdout, elapsed_s= on stderr).",
        subcommands: [W1.self, W2.self, W3.self, W4.self]
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

extension Bench {
    struct W2: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "w2",
            abstract: "W2: exact Gram matrix of D Walsh-readout outputs of a random sign tree of depth J."
        )

        @Option(name: .customLong("J"), help: "Depth J of the sign tree (1...30).")
        var levels: Int = 16

        @Option(name: .customLong("D"), help: "Number of readouts D (1...2^(J-1)).")
        var tasks: Int = 32

        @Option(help: "Seed of the splitmix64 generator.")
        var seed: UInt64 = 42

        func validate() throws {
            guard (1...30).contains(levels), tasks >= 1, tasks <= 1 << (levels - 1) else {
                throw ValidationError("need 1 <= J <= 30 and 1 <= D <= 2^(J-1)")
            }
        }

        func run() throws {
            Bench.emit(try W2WalshGram.run(levels: levels, tasks: tasks, seed: seed))
        }
    }

    struct W3: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "w3",
            abstract: "W3: exact sup distance between two random rational step functions with n pieces each."
        )

        @Option(help: "Pieces per step function.")
        var n: Int = 1 << 17

        @Option(help: "Seed of the splitmix64 generator.")
        var seed: UInt64 = 42

        func validate() throws {
            guard (1...(1 << 24)).contains(n) else { throw ValidationError("--n must be between 1 and 2^24") }
        }

        func run() {
            Bench.emit(W3SupDistance.run(n: n, seed: seed))
        }
    }
}

extension Bench {
    struct W4: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "w4",
            abstract: "W4: exact product of an m x k and a k x n matrix of random float-like dyadic rationals."
        )

        @Option(help: "Rows of A.")
        var m: Int = 16

        @Option(help: "Columns of A, rows of B.")
        var k: Int = 1024

        @Option(help: "Columns of B.")
        var n: Int = 256

        @Option(help: "Seed of the splitmix64 generator.")
        var seed: UInt64 = 42

        func validate() throws {
            for (name, value) in [("m", m), ("k", k), ("n", n)] where !(1...(1 << 20)).contains(value) {
                throw ValidationError("--\(name) must be between 1 and 2^20")
            }
            guard m * k + k * n + m * n <= 1 << 26 else {
                throw ValidationError("m k + k n + m n must be at most 2^26 entries")
            }
        }

        func run() throws {
            Bench.emit(try W4DyadicMatrixProduct.run(m: m, k: k, n: n, seed: seed))
        }
    }
}

extension W1DotProduct.Variant: ExpressibleByArgument {}
extension W1DotProduct.Mode: ExpressibleByArgument {}
