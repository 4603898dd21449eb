import CertificateKernel
import DyadicFunctions
import ExactArithmetic

/// `walsh-basis`: the Walsh system {w_m : m < 2^J} is orthonormal, and the Haar system
/// {1} and {psi(j,k) : j < J} is orthogonal with <psi(j,k), psi(j,k)> = 2^-j (MATH.md
/// sec. 4), each checked by one exact Gram matrix.
public struct WalshBasisScenario: Scenario {
    public let levels: Int

    public init(levels: Int) throws {
        guard (0...14).contains(levels) else { throw GeneratorError("--levels must be between 0 and 14") }
        self.levels = levels
    }

    public func certificate() throws -> CertificateBuilder {
        let J = levels
        var diagonal: [Rational] = [1]
        for j in 0..<J { diagonal += Array(repeating: Dyadic.inversePowerOfTwo(j).rational, count: 1 << j) }
        var b = CertificateBuilder(
            description: """
                At level J = \(J): the \(1 << J) Walsh functions w_m, m < 2^\(J), in Paley order are orthonormal, and the \(1 << J) \
                functions 1, psi(j,k) (j < \(J)) of the Haar system are orthogonal with squared norms 1 and 2^-j (MATH.md sec. 4). \
                All \(2 << (2 * J)) Gram entries are decided exactly: the kernel checks that each function is a signed character (Walsh) or a multiple of one Haar function, and computes the entries between equal ones (MATH.md sec. 4).
                """)
        b.walshBasis("W", levels: J)
        b.haarBasis("H", levels: J)
        b.gram("walsh-orthonormal", "<w_m, w_m'> = [m = m'] for all m, m' < 2^\(J).", functions: ["W"], .identity)
        b.gram(
            "haar-orthogonal", "<psi(j,k), psi(j',k')> = 2^-j [(j,k) = (j',k')], and <1, psi(j,k)> = 0.", functions: ["H"],
            .diagonal(diagonal))
        return b
    }
}
