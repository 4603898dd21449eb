import ExactArithmetic
import Testing
@testable import ExactLinearAlgebra

@Suite("sqrt(A) + sqrt(B) against lambda, decided by squaring (Lemma GS)")
struct SquareRootTests {
    @Test("Signs equal 120-digit decimals and exact square roots (Fraction reference)")
    func reference() {
        let cases = Reference.cases("sqrt")
        #expect(cases.count > 100)
        for c in cases {
            let expected = (c["sign"] as! NSNumber).intValue
            #expect(SquareRootSum.compare(sqrtOf: q(c["A"]), plusSqrtOf: q(c["B"]), with: q(c["L"])) == expected, "\(c)")
        }
    }

    @Test("Perfect squares: ties and the smallest steps either side")
    func ties() throws {
        var rng = SplitMix64(seed: 0x5157)
        for _ in 0..<300 {
            let a = try Rational(rng.below(1000), 1 + rng.below(50)), b = try Rational(rng.below(1000), 1 + rng.below(50))
            let l = a + b
            #expect(SquareRootSum.compare(sqrtOf: a * a, plusSqrtOf: b * b, with: l) == 0)
            #expect(SquareRootSum.compare(sqrtOf: a * a, plusSqrtOf: b * b, with: l + tiny(60)) == -1)
            #expect(SquareRootSum.compare(sqrtOf: a * a, plusSqrtOf: b * b, with: l - tiny(60)) == 1)
            #expect(SquareRootSum.isLessOrEqual(sqrtOf: a * a, plusSqrtOf: b * b, than: l))
            #expect(!SquareRootSum.isLess(sqrtOf: a * a, plusSqrtOf: b * b, than: l))
            // Moving a radicand by 2^-60 flips the strict comparison at the tie.
            #expect(SquareRootSum.isLess(sqrtOf: a * a - (a.isZero ? .zero : tiny(60)), plusSqrtOf: b * b, than: l) == !a.isZero)
            #expect(!SquareRootSum.isLess(sqrtOf: a * a + tiny(60), plusSqrtOf: b * b, than: l))
        }
        #expect(SquareRootSum.compare(sqrtOf: 0, plusSqrtOf: 0, with: 0) == 0)
        #expect(SquareRootSum.compare(sqrtOf: 0, plusSqrtOf: 0, with: -1) == 1)
        #expect(SquareRootSum.compare(sqrtOf: 2, plusSqrtOf: 0, with: 0) == 1)
        // sqrt(2) + sqrt(3) = 3.1462643699...
        #expect(SquareRootSum.compare(sqrtOf: 2, plusSqrtOf: 3, with: try Rational(parsing: "31462643699/10000000000")) == 1)
        #expect(SquareRootSum.compare(sqrtOf: 2, plusSqrtOf: 3, with: try Rational(parsing: "314626437/100000000")) == -1)
    }

    @Test("Single square roots: u >= sqrt(a) and u <= sqrt(a)")
    func single() {
        #expect(SquareRootSum.isSquareRoot(of: 4, atMost: 2))
        #expect(!SquareRootSum.isSquareRoot(of: 4, atMost: 2 - tiny(60)))
        #expect(!SquareRootSum.isSquareRoot(of: 0, atMost: -tiny(60)))
        #expect(SquareRootSum.isSquareRoot(of: 4, atLeast: 2))
        #expect(!SquareRootSum.isSquareRoot(of: 4, atLeast: 2 + tiny(60)))
        #expect(SquareRootSum.isSquareRoot(of: 0, atLeast: -5))
    }
}
import Foundation
