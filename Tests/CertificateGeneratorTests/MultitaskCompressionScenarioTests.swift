import CanonicalJSON
import CertificateKernel
import ExactArithmetic
import ExactLinearAlgebra
import Testing
@testable import CertificateGenerator
import TestSupport
import MatrixKernel

/// `generate multitask-compression`: the certificate verifies for small sizes, is
/// deterministic, and a one-step change of any claim's statement is rejected.
@Suite("Multitask compression scenario")
struct MultitaskCompressionScenarioTests {
    static func verify(_ text: String) -> FileVerdict {
        Verifier(limits: VerificationLimits(), jobs: 2, extensions: [.matrices]).verify(bytes: Array(text.utf8), path: "generated")
    }

    static func scenario(_ N: Int, _ d: Int, _ D: Int, _ K: Int, seed: UInt64 = 1) throws -> MultitaskCompressionScenario {
        try MultitaskCompressionScenario(points: N, inputs: d, outputs: D, units: K, lambdaRatio: try Rational(1, 10), seed: seed)
    }

    /// The claim `id` of a certificate's JSON.
    static func claims(_ value: JSONValue) -> [JSONValue] {
        guard case .object(let doc) = value, case .array(let claims)? = doc["claims"] else { return [] }
        return claims
    }

    @Test("Small certificates verify, over sizes and seeds")
    func verifies() throws {
        for (N, d, D, K, seed) in [(12, 2, 2, 16, UInt64(1)), (20, 3, 4, 40, 2), (30, 2, 3, 24, 3), (8, 1, 1, 8, 4), (16, 4, 6, 60, 5)] {
            let text = try Self.scenario(N, d, D, K, seed: seed).certificate().text
            let verdict = Self.verify(text)
            #expect(
                verdict.status == .verified,
                "N=\(N) d=\(d) D=\(D) K=\(K) seed=\(seed): \(verdict.error.map { "\($0)" } ?? "") \(verdict.claims.filter { !$0.passed }.map { "\($0.id): \($0.outcome)" })"
            )
            #expect(verdict.claims.count == 14)
            // Canonical form.
            let parsed = try JSONParser.parse(Array(text.utf8))
            #expect(CanonicalCertificate.text(parsed) == text)
        }
    }

    @Test("Deterministic: the same options give the same bytes; another seed gives other bytes")
    func deterministic() throws {
        let a = try Self.scenario(20, 3, 4, 40).certificate().text
        let b = try Self.scenario(20, 3, 4, 40).certificate().text
        let c = try Self.scenario(20, 3, 4, 40, seed: 2).certificate().text
        #expect(a == b)
        #expect(a != c)
    }

    @Test("solveOnSupport: the exact solution satisfies V_S Phi_S = Psi entry by entry; an inconsistent system gives nil")
    func exactSupportSolve() throws {
        // Phi rows: 4 features on 5 points; Psi = V0 Phi with V0 on units 0 and 2 only.
        let phi = try RationalMatrix(
            [[1, 0, 2, 3, 1], [0, 1, 1, 0, 2], [2, 0, 4, 6, 2], [5, 1, 0, 0, 1]].map { $0.map { Rational($0) } }, columns: 5)
        let v0 = try RationalMatrix([[try Rational(1, 3), 0, 0, -2], [0, 0, 0, try Rational(5, 7)]], columns: 4)
        let psi = try v0.multiplied(by: phi)
        // Units 0 and 2 are parallel (phi_2 = 2 phi_0): a free unknown, set to zero.
        let s = try #require(MultiTaskLassoSolver.solveOnSupport(features: phi, targets: psi, kept: [2, 0, 3]))
        for d in 0..<2 {
            for i in 0..<5 {
                var sum = Rational.zero
                for (position, k) in [2, 0, 3].enumerated() { sum += s[d, position] * phi[k, i] }
                #expect(sum == psi[d, i])
            }
        }
        // Without unit 3, the term -2 phi_3 cannot be reproduced.
        #expect(MultiTaskLassoSolver.solveOnSupport(features: phi, targets: psi, kept: [0, 1]) == nil)
    }

    /// Every numeric statement entry of every claim, changed by one step (integers by 1,
    /// other numbers by 2^-60 of their size or 2^-60), must make that claim fail.
    @Test("A one-step change of any claim's statement is rejected")
    func mutations() throws {
        let text = try Self.scenario(16, 2, 3, 32, seed: 7).certificate().text
        let value = try JSONParser.parse(Array(text.utf8))
        guard case .object(let doc) = value, case .array(let claims)? = doc["claims"] else {
            Issue.record("no claims")
            return
        }
        var mutated = 0
        for (index, claim) in claims.enumerated() {
            guard case .object(let c) = claim, case .string(let id)? = c["id"], case .object(let statement)? = c["statement"] else {
                continue
            }
            for (key, entry) in statement.members {
                var variants: [JSONValue] = []
                switch entry {
                case .string(let s):
                    if s == "yes" {
                        variants = [.string("no")]
                    } else if s == "no" {
                        variants = [.string("yes")]
                    } else if let q = try? Rational(parsing: s) {
                        if q.isInteger && key != "delta" && key != "weight-decay" && key != "path-norm-upper-bound"
                            && key != "path-norm-lower-bound" && key != "bound"
                        {
                            variants = [.string((q + 1).description)] + (q.signum > 0 ? [.string((q - 1).description)] : [])
                        } else {
                            let step = Rational.one.timesPowerOfTwo(-60)
                            switch key {
                            // A smaller gap / a larger lower bound than certified.
                            case "delta", "path-norm-lower-bound": variants = [.string((q - step).description)]
                            case "path-norm-upper-bound": variants = [.string((q - step).description)]
                            case "bound":
                                variants = [
                                    .string(
                                        (q + (c["rule"] == .string("bits") && statement["relation"] == .string(">=") ? 1 : -1)).description)
                                ]
                            default: variants = [.string((q + step).description), .string((q - step).description)]
                            }
                        }
                    }
                case .array(let items):
                    // Lists of counts: change the first by one.
                    if case .string(let s)? = items.first, let n = Int(s) {
                        variants = [.array([.string(String(n + 1))] + items.dropFirst())]
                    }
                default: break
                }
                for variant in variants {
                    var newStatement = statement
                    _ = newStatement.updateValue(variant, forKey: key)
                    var newClaim = c
                    _ = newClaim.updateValue(.object(newStatement), forKey: "statement")
                    var newClaims = claims
                    newClaims[index] = .object(newClaim)
                    var newDoc = doc
                    _ = newDoc.updateValue(.array(newClaims), forKey: "claims")
                    let verdict = Self.verify(CanonicalCertificate.text(.object(newDoc)))
                    let outcome = verdict.claims.first { $0.id == id }
                    #expect(verdict.status != .verified, "\(id).\(key) = \(variant) was accepted")
                    #expect(outcome?.passed != true, "\(id).\(key) = \(variant): the claim still passes")
                    mutated += 1
                }
            }
        }
        #expect(mutated >= 30)
    }

    @Test("Over-limit requests are refused by the size estimate before anything is built")
    func estimate() {
        let small = SizeEstimate.multitaskCompression(points: 1000, inputs: 10, outputs: 10, units: 2000)
        #expect(small.firstExceeded(VerificationLimits()) == nil)
        let huge = SizeEstimate.multitaskCompression(points: 100_000, inputs: 1000, outputs: 1000, units: 100_000)
        #expect(huge.firstExceeded(VerificationLimits()) != nil)
    }
}
