import CertificateKernel
import DyadicFunctions
import ExactArithmetic
import DyadicConstructions

/// `haar-entropy`: lower and upper bounds on log2 N(eps, H_J(a)) over a grid of eps for
/// amplitudes a_j = rho^(j+1) (MATH.md sec. 7): the Haar packing corollary gives
/// log2 N >= 2^L - 1 while eps < a_{L-1}, truncation (Lemma H2) gives log2 N <= 2^L - 1
/// once eps >= the tail above L. The grid eps_k = rho^k (1 + rho)/2 shrinks by rho per
/// step while the bounds double: log2 N(eps) grows like eps^(-1/alpha), alpha = log2(1/rho).
public struct HaarEntropyScenario: Scenario {
    public let levels: Int
    public let ratio: Rational

    public init(levels: Int, ratio: Rational) throws {
        guard (2...20).contains(levels) else { throw GeneratorError("--levels must be between 2 and 20") }
        guard ratio.signum > 0 && ratio < Rational.one else { throw GeneratorError("--ratio must be in (0, 1)") }
        guard ratio.numerator.bitLength + ratio.denominator.bitLength <= 64 else {
            throw GeneratorError("--ratio must be a small fraction")
        }
        self.levels = levels
        self.ratio = ratio
    }

    public func certificate() throws -> CertificateBuilder {
        let J = levels, rho = ratio
        let amplitudes = (0..<J).map { j in (0...j).reduce(Rational.one) { acc, _ in acc * rho } }
        let half = Rational.one.timesPowerOfTwo(-1)
        let shifted = amplitudes.map { $0 * half }
        let grid = (1..<J).map { k in (0..<k).reduce((Rational.one + rho) * half) { acc, _ in acc * rho } }
        var b = CertificateBuilder(
            description: """
                Covering numbers of the Haar class H_\(J)(a) with amplitudes a_j = (\(rho))^(j+1), on the grid eps_k = (\(rho))^k (1 + \(rho))/2, \
                k = 1..\(J - 1): the packing corollary of Lemma H1 and the truncation cover of Lemma H2 bound log2 N(eps_k) between \
                2^L - 1 values that double from one eps to the next, so the description length grows like eps^(-1/alpha) with \
                rho = 2^-alpha. The class U of u = (h + 1)/2 has amplitudes a/2: y -> (y + 1)/2 is Lipschitz with constant 1/2 \
                (Lemma L), so the same bounds hold for U at eps/2, certified here directly by Lemma H2. Walsh readouts are not \
                Lipschitz (they jump), so Lemma L does not transfer these bounds to the task outputs; their classes are finite and \
                binary, and their exact sizes come from Lemmas S, J and B instead (see the separation certificates).
                """)
        b.haarClass("H", levels: J, amplitudes: rho == half ? .balanced : .values(amplitudes))
        b.haarClass("U", levels: J, amplitudes: .values(shifted))
        var covers: [(String, BigInt)] = []
        for (i, eps) in grid.enumerated() {
            let k = i + 1
            guard let lower = HaarCoveringBounds.bestPackingLevel(amplitudes: amplitudes, eps: eps),
                let upper = HaarCoveringBounds.bestCoverLevel(amplitudes: amplitudes, eps: eps)
            else {
                throw GeneratorError("no bound applies at eps = \(eps)")
            }
            let lowerBits = HaarCoveringBounds.bits(truncationLevel: lower), upperBits = HaarCoveringBounds.bits(truncationLevel: upper)
            b.haarPacking(
                "packing-\(k)",
                "eps_\(k) = \(eps) < a_\(lower - 1) = \(amplitudes[lower - 1]): log2 N(eps_\(k), H) >= 2^\(lower) - 1 = \(lowerBits).",
                class: "H", level: lower, eps: eps, bitsAtLeast: lowerBits)
            b.haarCover(
                "cover-\(k)", "eps_\(k) = \(eps) >= sum_{j>=\(upper)} a_j: log2 N(eps_\(k), H) <= 2^\(upper) - 1 = \(upperBits).",
                class: "H", level: upper, eps: eps, bitsAtMost: upperBits)
            b.bits(
                "bracket-\(k)", "At eps_\(k) the two bounds are \(upperBits - lowerBits) bits apart.",
                uses: ["cover-\(k)", "packing-\(k)"],
                terms: [Term("cover-\(k)", .bits, 1), Term("packing-\(k)", .bits, -1)], .lessOrEqual, Rational(upperBits - lowerBits))
            if covers.count >= 2, case let (earlier, earlierBits) = covers[covers.count - 2], lowerBits - 2 * earlierBits > 0 {
                b.bits(
                    "growth-\(k)",
                    "Shrinking eps from eps_\(k - 2) to eps_\(k) (a factor \(rho * rho)) more than doubles the description length: log2 N(eps_\(k)) >= \(lowerBits) > 2 * \(earlierBits) >= 2 log2 N(eps_\(k - 2)).",
                    uses: ["packing-\(k)", earlier], terms: [Term("packing-\(k)", .bits, 1), Term(earlier, .bits, -2)], .greaterOrEqual,
                    Rational(lowerBits - 2 * earlierBits))
            }
            covers.append(("cover-\(k)", upperBits))
            b.haarCover(
                "transfer-\(k)",
                "Lemma L with g(y) = (y + 1)/2 (constant 1/2): the class U of u is covered at eps_\(k)/2 with the same \(upperBits) bits.",
                class: "U", level: upper, eps: eps * half, bitsAtMost: upperBits)
        }
        return b
    }
}
