import ArgumentParser
import CertificateGenerator
import CertificateKernel
import ExactArithmetic
import Foundation
import MatrixKernel

/// `dyadcert generate SCENARIO [options] -o FILE`: writes one canonical certificate.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate a certificate (deterministic: the same options give byte-identical files).",
        subcommands: [
            Separation.self, HaarEntropy.self, Triangle.self, WalshBasis.self, Rates.self, SparseHeads.self, MultitaskCompression.self,
        ]
    )

    /// Options every scenario shares: the output, `--verify`, and the verifier's limits
    /// (the same flags and defaults as `dyadcert verify`), which the request is checked
    /// against before anything is built.
    struct Output: ParsableArguments {
        @Option(name: .shortAndLong, help: "The certificate file to write (standard output when omitted).")
        var output: String?

        @Flag(
            help:
                "Say what the kernel found: every certificate is verified before it is written, and nothing is written if a claim fails (exit 1) or a limit is exceeded (exit 3)."
        )
        var verify = false

        @OptionGroup(title: "Verification limits (the request is refused, exit 3, when the certificate would exceed one)")
        var limits: LimitOptions

        /// Refuses, with exit code 3 and the flag to raise, a request whose certificate
        /// would exceed a verification limit (estimated before anything is built).
        func refuseOverLimit(_ estimate: SizeEstimate) throws {
            let limits = limits.verificationLimits
            guard let item = estimate.firstExceeded(limits) else { return }
            FileHandle.standardError.write(
                Data(
                    "error: the certificate would exceed a verification limit: \(SizeEstimate.message(item, limits)); nothing was generated\n"
                        .utf8))
            throw ExitCode(3)
        }

        /// Builds the scenario with `make` (a ``GeneratorError``, such as an option out of
        /// range, is a usage error), refuses it when `estimate` (computed after `make`
        /// accepted the options) exceeds a limit, then verifies (when asked) and writes
        /// its certificate.
        func generate(estimate: @autoclosure () -> SizeEstimate? = nil, _ make: () throws -> some Scenario) throws {
            do {
                let scenario = try make()
                if let estimate = estimate() { try refuseOverLimit(estimate) }
                try emit(try scenario.certificate())
            } catch let error as GeneratorError {
                throw ValidationError(error.description)
            }
        }

        /// Verifies the certificate text under the same limits, then writes it. The size
        /// estimate refuses large requests before anything is built, but it is a lower
        /// bound; the kernel's check makes the refusal exact: what `verify` would refuse
        /// under these limits is never written.
        func emit(_ builder: CertificateBuilder) throws {
            let text = builder.text
            let verdict = Verifier(
                limits: limits.verificationLimits, jobs: ProcessInfo.processInfo.activeProcessorCount, extensions: [.matrices]
            )
            .verify(bytes: Array(text.utf8), path: output ?? "<generated>")
            switch verdict.status {
            case .verified:
                if verify { FileHandle.standardError.write(Data("verified: \(verdict.claims.count) claims\n".utf8)) }
            case .limitExceeded:
                // Nothing is false: the certificate is too large for these limits.
                FileHandle.standardError.write(
                    Data(
                        "error: the generated certificate exceeds a verification limit: \(verdict.error.map(String.init(describing:)) ?? ""); nothing was written\n"
                            .utf8))
                throw ExitCode(3)
            case .failed, .malformed:
                for line in TextReport.lines(verdict) where !line.hasPrefix("PASS") {
                    FileHandle.standardError.write(Data((line + "\n").utf8))
                }
                if let error = verdict.error { FileHandle.standardError.write(Data("error: \(error)\n".utf8)) }
                FileHandle.standardError.write(Data("the generated certificate does not verify; nothing was written\n".utf8))
                throw ExitCode(verdict.status.exitCode)
            }
            try OutputFile.emit(text, to: output)
        }
    }

    struct Separation: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The separation certificate: orthonormal outputs, separate vs joint bits, the sign-coded Heaviside network family.")

        @Option(help: "Depth J of the sign tree.")
        var levels: Int = 6
        @Option(help: "Number of tasks D: readouts 2^(J-1), ..., 2^(J-1) + D - 1.")
        var tasks: Int?
        @Option(help: "Explicit readout indices, comma separated (instead of --tasks).")
        var readouts: String?
        @Option(help: "Seed of the splitmix64 generator that draws the sign tree.")
        var seed: UInt64 = 1
        @OptionGroup var out: Output

        func run() throws {
            guard (1...24).contains(levels) else { throw ValidationError("--levels must be between 1 and 24") }
            let list: [Int]
            if let readouts {
                guard tasks == nil else { throw ValidationError("give --tasks or --readouts, not both") }
                let parts = readouts.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
                guard !parts.isEmpty, parts.allSatisfy({ $0 != nil }) else {
                    throw ValidationError("--readouts must be integers separated by commas")
                }
                list = parts.compactMap { $0 }
                try out.refuseOverLimit(SizeEstimate.separation(levels: levels, readouts: list.count, largestReadout: list.max() ?? 0))
            } else {
                let D = tasks ?? min(8, 1 << (levels - 1))
                guard D >= 1 && D <= 1 << (levels - 1) else {
                    throw ValidationError("--tasks must be between 1 and 2^(J-1) = \(1 << (levels - 1))")
                }
                // Estimated before the readout list is built (D may be 2^23).
                try out.refuseOverLimit(SizeEstimate.separation(levels: levels, readouts: D, largestReadout: (1 << (levels - 1)) + D - 1))
                list = SeparationScenario.defaultReadouts(levels: levels, tasks: D)
            }
            try out.generate {
                let scenario = try SeparationScenario(levels: levels, readouts: list, seed: seed)
                // With N built (the closed-form estimate above allowed it), the kernel's
                // charge for network-realises, before the certificate is built.
                try out.refuseOverLimit(
                    SizeEstimate.separation(
                        levels: levels, readouts: list.count, largestReadout: list.max() ?? 0,
                        networkRealisesWork: try scenario.networkRealisesWork()))
                return scenario
            }
        }
    }

    struct HaarEntropy: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "haar-entropy",
            abstract: "Lower and upper bounds on log2 N(eps, H_J(a)) over a grid of eps (Lemmas H1, H2).")

        @Option(help: "Depth J.")
        var levels: Int = 10
        @Option(help: "Amplitude ratio rho in (0, 1): a_j = rho^(j+1) (1/2: balanced amplitudes).")
        var ratio: String = "1/2"
        @OptionGroup var out: Output

        func run() throws {
            guard let rho = try? Rational(parsing: ratio) else { throw ValidationError("--ratio must be a canonical fraction such as 1/2") }
            try out.generate(estimate: SizeEstimate.haarEntropy(levels: levels)) {
                try HaarEntropyScenario(levels: levels, ratio: rho)
            }
        }
    }

    struct Triangle: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Heaviside networks against a triangle wave: a lower bound (Lemma T) and an explicit network.")

        @Option(help: "Number of teeth of the triangle wave (a power of two).")
        var teeth: Int = 8
        @Option(help: "Number P of first-layer units.")
        var units: Int = 16
        @OptionGroup var out: Output

        func run() throws {
            try out.generate(estimate: SizeEstimate.triangle(teeth: teeth, units: units)) {
                try TriangleScenario(teeth: teeth, units: units)
            }
        }
    }

    struct WalshBasis: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "walsh-basis",
            abstract: "Orthonormality of the Walsh system and orthogonality of the Haar system at level J.")

        @Option(help: "Level J.")
        var levels: Int = 12
        @OptionGroup var out: Output

        func run() throws {
            try out.generate(estimate: SizeEstimate.walshBasis(levels: levels)) {
                try WalshBasisScenario(levels: levels)
            }
        }
    }

    struct Rates: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Rates across scales: bits and widths against J, and Haar covering brackets against eps = 2^-k.")

        @Option(help: "The range of depths J, as A..B.")
        var levels: String = "2..14"
        @Option(help: "Number of tasks D (D_J = min(D, 2^(J-1)) readouts 2^(J-1) + d at depth J).")
        var tasks: Int = 8
        @Option(help: "Depth of the Haar classes.")
        var haarLevels: Int = 20
        @Option(help: "The range of k for the Haar grid eps = 2^-k, as A..B.")
        var epsExponents: String = "1..10"
        @Option(help: "Amplitude ratios rho (a_j = rho^(j+1)), comma separated canonical fractions.")
        var ratios: String = "1/2,1/3,2/3"
        @Option(help: "Seed of the splitmix64 generator that draws each row's sign tree.")
        var seed: UInt64 = 1
        @OptionGroup var out: Output

        /// "A..B" as a closed range.
        static func range(_ text: String, _ flag: String) throws -> ClosedRange<Int> {
            let parts = text.components(separatedBy: "..")
            guard parts.count == 2, let a = Int(parts[0]), let b = Int(parts[1]), a <= b else {
                throw ValidationError("\(flag) must be a range A..B of integers with A <= B")
            }
            return a...b
        }

        func run() throws {
            let levelRange = try Self.range(levels, "--levels"), kRange = try Self.range(epsExponents, "--eps-exponents")
            var list: [Rational] = []
            for part in ratios.split(separator: ",") {
                guard let rho = try? Rational(parsing: part.trimmingCharacters(in: .whitespaces)) else {
                    throw ValidationError("--ratios must be canonical fractions separated by commas, such as 1/2,1/3")
                }
                list.append(rho)
            }
            try out.generate(estimate: SizeEstimate.rates(levels: levelRange, tasks: tasks, haarLevels: haarLevels)) {
                try RatesScenario(
                    levels: levelRange, tasks: tasks, haarLevels: haarLevels, epsExponents: kRange, ratios: list, seed: seed)
            }
        }
    }

    struct SparseHeads: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sparse-heads",
            abstract:
                "Sparse lasso heads of T tasks on one shared representation: gaps, screening, supports, support variability, the group lasso (MATH sec. 12)."
        )

        @Option(help: "Number of tasks T.")
        var tasks: Int = 8
        @Option(help: "Number of features p (columns of the representation X).")
        var features: Int = 40
        @Option(help: "Number of samples n (rows of X).")
        var samples: Int = 100
        @Option(help: "Features per true support (an s-regular graph on the tasks; 1: one feature per task).")
        var sparsity: Int = 3
        @Option(help: "The lasso parameter lambda, a canonical fraction such as 1/16 (default: a power of two near the noise level).")
        var lambda: String?
        @Option(help: "Seed of the splitmix64 generator that draws X, the supports, the weights and the noise.")
        var seed: UInt64 = 1
        @OptionGroup var out: Output

        func run() throws {
            var value: Rational? = nil
            if let lambda {
                guard let parsed = try? Rational(parsing: lambda), parsed.signum > 0 else {
                    throw ValidationError("--lambda must be a positive canonical fraction such as 1/16")
                }
                value = parsed
            }
            try out.generate(estimate: SizeEstimate.sparseHeads(tasks: tasks, features: features, samples: samples)) {
                try SparseHeadsScenario(
                    tasks: tasks, features: features, samples: samples, sparsity: sparsity, lambda: value, seed: seed)
            }
        }
    }

    struct MultitaskCompression: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "multitask-compression",
            abstract:
                "A wide ReLU network interpolating synthetic data, pruned by the multi-task lasso: fits, widths, sharing, weight decay, duality gaps, screening."
        )

        @Option(help: "Number N of data points.")
        var points: Int = 64
        @Option(help: "Input dimension d.")
        var inputs: Int = 4
        @Option(help: "Number D of outputs.")
        var outputs: Int = 6
        @Option(help: "Number K of units of the wide network.")
        var units: Int = 128
        @Option(help: "lambda as a fraction of lambda_max = max_k ||Psi phi_k|| (a fraction such as 1/10), rounded to 8 significant bits.")
        var lambda: String = "1/10"
        @Option(help: "Seed of the splitmix64 generator that draws the data and the network.")
        var seed: UInt64 = 1
        @OptionGroup var out: Output

        func run() throws {
            guard let ratio = try? Rational(parsing: lambda) else {
                throw ValidationError("--lambda must be a canonical fraction such as 1/10")
            }
            try out.generate(estimate: SizeEstimate.multitaskCompression(points: points, inputs: inputs, outputs: outputs, units: units)) {
                try MultitaskCompressionScenario(
                    points: points, inputs: inputs, outputs: outputs, units: units, lambdaRatio: ratio, seed: seed)
            }
        }
    }
}
