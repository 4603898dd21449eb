// Bad input to the lasso rules of MATH.md sec. 12 ends in a located error (the file and
// the JSON pointer of the offending member), never a trap: shapes that do not conform,
// tasks and features out of range, a lambda that is not positive, and the dual point
// that leaves ||X^T theta||_inf <= lambda, which is a false claim named by feature.
import Testing
import ExactArithmetic
@testable import CertificateKernel
import ExactLinearAlgebra
import TestSupport

@Suite("Lasso rules: located errors")
struct LassoLocatedErrorTests {
    /// X = 2 I (3 x 3), Y (3 x 2), heads (2 x 3), theta (3 x 1); lambda = 1/4.
    static var base: RuleCertificate {
        RuleCertificate()
            .object("X", MX.matrix([["2", "0", "0"], ["0", "2", "0"], ["0", "0", "2"]]))
            .object("Y", MX.matrix([["2", "0"], ["2", "2"], ["0", "1/4"]]))
            .object("W", MX.matrix([["3/4", "3/4", "0"], ["0", "3/4", "0"]]))
            .object("theta", MX.column(["1/8", "1/8", "0"]))
            .object("wide", MX.column(["1/8", "1/8", "0", "0"]))
            .object("row", MX.matrix([["1/8", "1/8", "0"]]))
            .object("X4", MX.matrix([["2", "0", "0"], ["0", "2", "0"], ["0", "0", "2"], ["0", "0", "0"]]))
            .object("W4", MX.matrix([["3/4", "3/4", "0", "0"], ["0", "3/4", "0", "0"]]))
    }

    static func gap(
        features: String = "X", targets: String = "Y", heads: String = "W", task: String = "0", dual: String = "theta",
        lambda: String = "1/4", delta: String = "1"
    ) -> FileVerdict {
        Self.base.claim(
            "g", "lasso-gap",
            inputs:
                "{\"features\":\"\(features)\",\"targets\":\"\(targets)\",\"heads\":\"\(heads)\",\"task\":\"\(task)\",\"dual\":\"\(dual)\",\"lambda\":\"\(lambda)\"}",
            statement: "{\"delta\":\"\(delta)\"}"
        ).verify()
    }

    @Test("the reference instance verifies (P_0 - D_0 = 1/192 by hand)")
    func reference() {
        // e = y - X w = (2 - 3/2, 2 - 3/2, 0) = (1/2, 1/2, 0): P = (1/6)(1/2) + (1/4)(3/2) = 11/24;
        // D = theta . y - (3/2) ||theta||^2 = 1/2 - (3/2)(1/32) = 29/64; P - D = 11/24 - 29/64 = 1/192.
        RT.expectVerified(Self.gap(delta: "1/192"))
        RT.expectFailed(Self.gap(delta: MX.minusTiny(try! Rational(1, 192))), at: "/claims/0/statement/delta")
    }

    @Test("support: a false size fails before a malformed optimal-upper is judged; alone, the latter is malformed")
    func supportJudgesSizesFirst() {
        // W has supports {0, 1} and {1}: sizes 2 and 1, union 2.
        func support(sizes: String, upper: String) -> FileVerdict {
            Self.base.claim(
                "s", "support", inputs: "{\"heads\":\"W\",\"screens\":[]}",
                statement: "{\"sizes\":\(sizes),\"union\":\"2\",\"optimal-upper\":\(upper)}"
            ).verify()
        }
        RT.expectVerified(support(sizes: "[\"2\",\"1\"]", upper: "[\"3\",\"3\"]"))
        RT.expectFailed(support(sizes: "[\"2\",\"2\"]", upper: "[\"3\"]"), at: "/claims/0/statement/sizes/1")
        RT.expectMalformed(
            support(sizes: "[\"2\",\"1\"]", upper: "[\"3\"]"), at: "/claims/0/statement/optimal-upper",
            mentioning: ["2 counts (one per task)"])
    }

    @Test("shapes that do not conform are malformed at the input that is wrong")
    func dimensionMismatch() {
        RT.expectMalformed(Self.gap(targets: "W"), at: "/claims/0/inputs/targets", mentioning: ["3 x T"])
        RT.expectMalformed(Self.gap(heads: "W4"), at: "/claims/0/inputs/heads", mentioning: ["2 x 3"])
        RT.expectMalformed(Self.gap(dual: "wide"), at: "/claims/0/inputs/dual", mentioning: ["3 x 1"])
        RT.expectMalformed(Self.gap(dual: "row"), at: "/claims/0/inputs/dual", mentioning: ["3 x 1"])
        RT.expectMalformed(Self.gap(features: "X4"), at: "/claims/0/inputs/targets")
    }

    @Test("a task out of range or a lambda that is not positive is malformed")
    func scalars() {
        RT.expectMalformed(Self.gap(task: "2"), at: "/claims/0/inputs/task")
        RT.expectMalformed(Self.gap(task: "-1"), at: "/claims/0/inputs/task")
        RT.expectMalformed(Self.gap(lambda: "0"), at: "/claims/0/inputs/lambda", mentioning: ["positive"])
        RT.expectMalformed(Self.gap(lambda: "-1/4"), at: "/claims/0/inputs/lambda", mentioning: ["positive"])
    }

    @Test("a dual point with |x_j . theta| > lambda is a false claim naming feature j")
    func dualInfeasibleByFeature() {
        // x_1 . theta = 2 theta_1; theta_1 = 1/8 + 2^-60 gives 1/4 + 2^-59 > 1/4 at feature 1 only.
        let v = Self.base.object("t1", MX.column(["0", MX.plusTiny(try! Rational(1, 8)), "0"]))
            .claim(
                "g", "lasso-gap",
                inputs: "{\"features\":\"X\",\"targets\":\"Y\",\"heads\":\"W\",\"task\":\"0\",\"dual\":\"t1\",\"lambda\":\"1/4\"}",
                statement: "{\"delta\":\"100\"}"
            ).verify()
        RT.expectFailed(v, at: "/claims/0/inputs/dual", reason: ["feature 1"])
        // Exactly on the boundary it is feasible.
        let w = Self.base.object("t1", MX.column(["0", "1/8", "0"]))
            .claim(
                "g", "lasso-gap",
                inputs: "{\"features\":\"X\",\"targets\":\"Y\",\"heads\":\"W\",\"task\":\"0\",\"dual\":\"t1\",\"lambda\":\"1/4\"}",
                statement: "{\"delta\":\"100\"}"
            ).verify()
        RT.expectVerified(w)
    }

    @Test("screening: features out of range or repeated, a count that differs, a gap claim not in uses")
    func screening() {
        func screen(_ features: String, _ screened: String, uses: [String] = ["g"]) -> FileVerdict {
            Self.base.claim(
                "g", "lasso-gap",
                inputs: "{\"features\":\"X\",\"targets\":\"Y\",\"heads\":\"W\",\"task\":\"0\",\"dual\":\"theta\",\"lambda\":\"1/4\"}",
                statement: "{\"delta\":\"1/192\"}"
            )
            .claim(
                "s", "lasso-screen", uses: uses, inputs: "{\"gap\":\"g\",\"features\":\(features)}",
                statement: "{\"screened\":\"\(screened)\"}"
            ).verify()
        }
        // Feature 2: |x_2 . theta| = 0, (2G/n) ||x_2||^2 = (2/192/3) 4 = 1/72 < 1/16: screened.
        RT.expectVerified(screen("[\"2\"]", "1"))
        RT.expectMalformed(screen("[\"3\"]", "1"), at: "/claims/1/inputs/features/0")
        RT.expectMalformed(screen("[\"2\",\"2\"]", "2"), at: "/claims/1/inputs/features/1", mentioning: ["distinct"])
        RT.expectMalformed(screen("[\"2\"]", "2"), at: "/claims/1/statement/screened")
        RT.expectFailed(screen("[\"2\"]", "1", uses: []), claim: 1, at: "/claims/1/inputs/gap")
        // Feature 0 is active: |x_0 . theta| = 1/4 = lambda leaves no slack.
        RT.expectFailed(screen("[\"0\"]", "1"), claim: 1, at: "/claims/1/inputs/features/0", reason: ["feature 0"])
    }

    @Test("support: counts of the wrong length are malformed")
    func supportCounts() {
        let v = Self.base.claim("s", "support", inputs: "{\"heads\":\"W\"}", statement: "{\"sizes\":[\"2\"],\"union\":\"2\"}").verify()
        RT.expectMalformed(v, at: "/claims/0/statement/sizes")
        let w = Self.base.claim(
            "s", "support", inputs: "{\"heads\":\"W\"}", statement: "{\"sizes\":[\"2\",\"1\"],\"union\":\"2\",\"fractions\":[\"2/3\"]}"
        ).verify()
        RT.expectMalformed(w, at: "/claims/0/statement/fractions")
    }

    @Test("the pure checks throw, not trap, on input a caller can pass")
    func pureChecksThrow() throws {
        let x = try RationalMatrix([[Rational(2)]], columns: 1)
        #expect(throws: MatrixError.self) {
            try Lasso.checkGap(features: x, targets: [Rational(1)], head: [Rational(0)], dual: [Rational(0)], lambda: .zero, delta: .zero)
        }
        #expect(throws: MatrixError.self) {
            try Lasso.checkGap(
                features: x, targets: [Rational(1), Rational(1)], head: [Rational(0)], dual: [Rational(0)], lambda: Rational(1),
                delta: .zero)
        }
        #expect(throws: MatrixError.self) { try Lasso.correlations(x, try RationalMatrix([[Rational(1), Rational(1)]], columns: 2)) }
        let r = try Lasso.checkGap(
            features: x, targets: [Rational(1)], head: [Rational(0)], dual: [Rational(0)], lambda: Rational(1), delta: Rational(1))
        // A feature that does not exist is reported as not screenable.
        #expect(Lasso.screen(r, features: [5]).failingFeature == 5)
        #expect(Lasso.screen(r, features: [-1]).failingFeature == -1)
    }
}
