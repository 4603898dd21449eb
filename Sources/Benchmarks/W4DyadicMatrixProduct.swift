import DyadicConstructions
import ExactArithmetic
import ExactLinearAlgebra

/// W4: the exact product of an m x k and a k x n matrix of random float-like dyadic
/// rationals (../shared/perf/README.md). The timed part scales A to one exponent per
/// row and B to one per column (``WordDyadicMatrix``), multiplies on machine words
/// (``IntegerMatrix``'s 63-bit digit kernel) and writes every entry of C in lowest terms.
public enum W4DyadicMatrixProduct {
    /// Draws m x k then k x n entries p / 2^e, p = (x1 >> 11) - 2^52, e = x2 >> 58.
    static func drawEntries(count: Int, generator: inout SplitMix64) -> [Dyadic] {
        (0..<count).map { _ in
            let x1 = generator.next(), x2 = generator.next()
            let p = Int(x1 >> 11) - (1 << 52)
            return Dyadic(mantissa: BigInt(p), exponent: Int(x2 >> 58))
        }
    }

    /// Runs the workload.
    public static func run(m: Int, k: Int, n: Int, seed: UInt64) throws -> BenchmarkResult {
        var generator = SplitMix64(seed: seed)
        let a = drawEntries(count: m * k, generator: &generator)
        let b = drawEntries(count: k * n, generator: &generator)
        let (c, elapsed) = try timed { () throws -> [Dyadic] in
            let left = try WordDyadicMatrix(rows: m, columns: k, entries: a, sharing: .perRow)
            let right = try WordDyadicMatrix(rows: k, columns: n, entries: b, sharing: .perColumn)
            return try left.multiplied(by: right).entries
        }
        var digest = StreamingDigest()
        var maxBits = 0
        for (index, x) in c.enumerated() {
            if index > 0 { digest.append(",") }
            digest.append(x.rational.hexDigestText)
            maxBits = max(maxBits, x.mantissa.bitLength)
        }
        let line = "W4 m=\(m) k=\(k) n=\(n) c_sha256=\(digest.finalizeHex()) maxbits=\(maxBits)"
        return BenchmarkResult(line: line, elapsedSeconds: elapsed)
    }
}
