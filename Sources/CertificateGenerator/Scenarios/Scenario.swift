/// A scenario of `dyadcert generate`: validated options (its initialiser throws a
/// ``GeneratorError`` naming the option out of range) and the certificate they describe.
public protocol Scenario {
    /// The canonical certificate (deterministic: the same options give the same bytes).
    func certificate() throws -> CertificateBuilder
}

extension Array {
    /// Fisher-Yates from the last position down, `below(n)` drawing an index in 0..<n:
    /// the same order for the same draws everywhere (the standard library's
    /// `shuffle(using:)` does not promise its order of draws, and certificates must be
    /// byte-identical across toolchains).
    mutating func seededShuffle(_ below: (Int) -> Int) {
        for i in stride(from: count - 1, to: 0, by: -1) { swapAt(i, below(i + 1)) }
    }
}
