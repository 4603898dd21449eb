import ExactArithmetic
import ExactLinearAlgebra

// Definitions and checks that only the tests use, kept out of the trusted
// ExactLinearAlgebra target: the network written out term by term (an oracle for the
// matrix path), the compression check as a standalone value, and small conveniences.
// Written on the public API of ExactLinearAlgebra.

/// r(t) = max(t, 0).
func relu(_ t: Rational) -> Rational { t.signum > 0 ? t : .zero }

extension ShallowReLUNetwork {
    /// f(x) at one input, term by term with rationals (the definition, an oracle for
    /// the matrix path that checks use).
    func evaluate(at x: [Rational]) -> [Rational] {
        precondition(x.count == inputDimension, "evaluate: input dimension")
        var y = outputBias
        for k in 0..<units {
            var t = biases[k]
            for j in 0..<inputDimension { t += inputWeights[k, j] * x[j] }
            let a = relu(t)
            if a.isZero { continue }
            for d in 0..<outputDimension { y[d] += outputWeights[d, k] * a }
        }
        return y
    }
}

extension RationalMatrix {
    /// The matrix restricted to the given columns, in the given order.
    func selectingColumns(_ indices: [Int]) -> RationalMatrix {
        transposed.selectingRows(indices).transposed
    }

    /// True when the two matrices have the same shape and equal entries.
    func hasSameEntries(as other: RationalMatrix, limits: MatrixLimits = .standard) throws(MatrixError) -> Bool {
        try subtracting(other, limits: limits).isZero
    }
}

extension Supports {
    /// |union| / p.
    var unionFraction: Rational {
        featureCount == 0 ? .zero : Rational(BigInt(union.count)) / Rational(featureCount)
    }

    /// An upper bound on the support of every optimal head of one task: the features
    /// not certified zero by screening (Lemma LS), p - |screened|.
    static func optimalSupportBound(featureCount: Int, screened: [Int]) -> Int {
        featureCount - Set(screened).count
    }
}

extension SquareRootSum {
    /// sqrt(a) + sqrt(b) <= lambda, exactly.
    static func isLessOrEqual(sqrtOf a: Rational, plusSqrtOf b: Rational, than lambda: Rational) -> Bool {
        compare(sqrtOf: a, plusSqrtOf: b, with: lambda) <= 0
    }
}
