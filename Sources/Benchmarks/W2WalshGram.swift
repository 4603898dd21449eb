import DyadicFunctions
import ExactArithmetic
import DyadicConstructions

/// W2: the Walsh Gram matrix of the outputs f_d = w_{m_d} o u_sigma for readouts
/// m_d = 2^(J-1) + d (../shared/perf/README.md).
///
/// The sign tree is drawn before the clock starts (as in the C programs). The timed
/// part is the library's own fast path: ``RademacherHaarFeature/midpointIndices()``
/// for every u(c) (the digest's u), ``TaskOutput/packedOutputs(signs:readouts:)`` for all
/// f_d (bit planes of m(c) built from the sign tree), and ``GramMatrix/of(_:)-(PackedSignFunction)`` for the full D x D matrix,
/// already scaled by 2^-J: the same Gram code the certificate kernel calls.
public enum W2WalshGram {
    public static func run(levels J: Int, tasks D: Int, seed: UInt64) throws -> BenchmarkResult {
        let signs = try SignTree.random(levels: J, seed: seed)
        let readouts = try (0..<D).map { try WalshReadout(index: (1 << (J - 1)) + $0) }
        let ((indices, gram), elapsed) = try timed { () throws -> ([Int], [[Rational]]) in
            let indices = RademacherHaarFeature.balanced(signs: signs).midpointIndices()
            let outputs = try TaskOutput.packedOutputs(signs: signs, readouts: readouts)
            return (indices, GramMatrix.of(outputs))
        }
        var identity = true
        var gramDigest = StreamingDigest()
        for d in 0..<D {
            for e in 0..<D {
                let entry = gram[d][e]
                if entry != Rational(d == e ? 1 : 0) { identity = false }
                gramDigest.append((d == 0 && e == 0 ? "" : ",") + entry.hexDigestText)
            }
        }
        var uDigest = StreamingDigest()
        uDigest.appendDecimalList(indices)
        let line =
            "W2 J=\(J) D=\(D) identity=\(identity ? "yes" : "no") gram_sha256=\(gramDigest.finalizeHex()) u_sha256=\(uDigest.finalizeHex())"
        return BenchmarkResult(line: line, elapsedSeconds: elapsed)
    }
}

extension StreamingDigest {
    /// Appends non-negative integers in decimal, joined by ",", without building strings.
    mutating func appendDecimalList(_ values: [Int]) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(12 * min(values.count, 1 << 16))
        var digits = [UInt8](repeating: 0, count: 24)
        for (i, value) in values.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            var v = value, n = 0
            repeat {
                digits[n] = UInt8(ascii: "0") + UInt8(v % 10)
                v /= 10
                n += 1
            } while v > 0
            while n > 0 {
                n -= 1
                bytes.append(digits[n])
            }
            if bytes.count >= 1 << 16 {
                appendBytes(bytes)
                bytes.removeAll(keepingCapacity: true)
            }
        }
        appendBytes(bytes)
    }
}
