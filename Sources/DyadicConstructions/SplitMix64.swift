/// The splitmix64 generator of the benchmark kit (../shared/perf/README.md).
///
/// Every seeded draw in DyadCert (benchmark inputs, generated sign trees, property
/// tests) comes from this one generator, so a seed means the same numbers everywhere.
/// The state starts at the seed; arithmetic is modulo 2^64.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    @usableFromInline internal var state: UInt64

    /// A generator whose state starts at `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64-bit output.
    @inlinable
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
