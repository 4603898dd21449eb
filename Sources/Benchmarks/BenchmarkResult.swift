/// The outcome of one benchmark run, in the kit's protocol (../shared/perf/README.md):
/// one result line for stdout and the seconds of the timed compute part for stderr.
public struct BenchmarkResult: Sendable, Equatable {
    /// The result line, byte-identical to the reference implementations'.
    public let line: String
    /// Seconds spent in the timed part only (no generation, conversion or hashing).
    public let elapsedSeconds: Double

    public init(line: String, elapsedSeconds: Double) {
        self.line = line
        self.elapsedSeconds = elapsedSeconds
    }

    /// The stderr line `elapsed_s=<seconds>` with six decimals, as the C programs print it.
    public var elapsedLine: String {
        let micros = Int((elapsedSeconds * 1_000_000).rounded())
        let fraction = String(micros % 1_000_000)
        return "elapsed_s=\(micros / 1_000_000).\(String(repeating: "0", count: 6 - fraction.count))\(fraction)"
    }
}

/// Measures the monotonic time `body` takes.
@inline(never)
func timed<R>(_ body: () throws -> R) rethrows -> (R, Double) {
    let clock = ContinuousClock()
    let start = clock.now
    let result = try body()
    let duration = clock.now - start
    let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    return (result, seconds)
}
