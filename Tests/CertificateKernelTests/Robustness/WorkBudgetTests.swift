import ExactArithmetic
import Foundation
import Testing
@testable import CertificateKernel
import MatrixKernel

/// Work that is quadratic within every size limit (a wide network evaluated on as many
/// pieces as it has first-layer units) is refused before it starts, under --max-work.
@Suite("Robustness: the work budget")
struct WorkBudgetTests {
    /// A network with `n` first-layer units at thresholds i/(n+1) and `n` second-layer
    /// Heaviside units that each read two first-layer units, one linear output.
    static func wideNetwork(_ n: Int) -> String {
        var first: [String] = [], second: [String] = []
        for i in 1...n {
            let threshold = (try? Rational(i, n + 1)) ?? .zero // canonical text, e.g. 2/4 -> 1/2
            first.append("{\"activation\": \"heaviside\", \"inputs\": [\"0\"], \"weights\": [\"1\"], \"bias\": \"\(-threshold)\"}")
        }
        for i in 0..<n {
            second.append(
                "{\"activation\": \"heaviside\", \"inputs\": [\"\(i)\", \"\((i + 1) % n == 0 ? 0 : (i + 1) % n)\"], \"weights\": [\"1\", \"1\"], \"bias\": \"-2\"}"
            )
        }
        // Inputs must increase: fix the wrap-around unit to read (0, n-1).
        second[n - 1] = "{\"activation\": \"heaviside\", \"inputs\": [\"0\", \"\(n - 1)\"], \"weights\": [\"1\", \"1\"], \"bias\": \"-2\"}"
        let output = "{\"activation\": \"linear\", \"inputs\": [\"0\"], \"weights\": [\"1\"], \"bias\": \"0\"}"
        return """
            {"format": "dyadcert/1", "objects": {
              "net": {"kind": "heaviside-network", "layers": [{"units": [\(first.joined(separator: ","))]}, {"units": [\(second.joined(separator: ","))]}, {"units": [\(output)]}]},
              "zero": {"kind": "step-function", "breakpoints": ["0", "1"], "values": ["0"]}},
             "claims": [{"id": "r", "rule": "network-realises", "inputs": {"network": "net", "functions": ["zero"]}, "statement": {"outputs": "1"}}]}
            """
    }

    @Test("a wide network is refused under a small work budget, with the flag, before evaluating")
    func wideNetworkRefused() {
        var limits = VerificationLimits()
        limits.maximumWork = 1_000_000
        let clock = ContinuousClock()
        let start = clock.now
        // 2000 pieces x about 6000 steps per piece = 1.2e7 > 1e6.
        let verdict = Verifier(limits: limits, extensions: [.matrices]).verify(bytes: Array(Self.wideNetwork(2000).utf8), path: "wide")
        #expect(verdict.status == .limitExceeded)
        #expect(verdict.error?.pointer.description == "/claims/0/inputs/network")
        #expect(verdict.error?.description.contains("--max-work") == true)
        #expect(clock.now - start < .seconds(10))
    }

    @Test("the same network within the budget is evaluated (and the claim checked)")
    func wideNetworkWithinBudget() {
        let verdict = Verifier(extensions: [.matrices]).verify(bytes: Array(Self.wideNetwork(50).utf8), path: "wide")
        // The output reads the first second-layer unit, H(x1 + x2 - 2): 1 once both of its
        // first-layer inputs are on, so the output is not zero: the claim is false.
        #expect(verdict.status == .failed)
    }

    @Test("the budget is shared by all claims of a certificate")
    func cumulative() throws {
        // Two Gram claims of 64 Walsh functions at level 12 (64 * 64 * 128 steps each).
        let text = """
            {"format": "dyadcert/1", "objects": {"W": {"kind": "walsh-basis", "levels": "6"}},
             "claims": [
              {"id": "a", "rule": "gram", "inputs": {"functions": ["W"]}, "statement": {"matrix": "identity"}},
              {"id": "b", "rule": "gram", "inputs": {"functions": ["W"]}, "statement": {"matrix": "identity"}}]}
            """
        // One claim costs 64 * 64 * 2 = 8192 steps: a budget of 10000 admits one, not two.
        var limits = VerificationLimits()
        limits.maximumWork = 10_000
        let verdict = Verifier(limits: limits, extensions: [.matrices]).verify(bytes: Array(text.utf8), path: "two")
        #expect(verdict.status == .limitExceeded)
        #expect(verdict.claims.count == 1 && verdict.claims[0].passed)
        #expect(verdict.error?.pointer.description == "/claims/1/inputs/functions")
        limits.maximumWork = 20_000
        #expect(Verifier(limits: limits, extensions: [.matrices]).verify(bytes: Array(text.utf8), path: "two").status == .verified)
    }
}
