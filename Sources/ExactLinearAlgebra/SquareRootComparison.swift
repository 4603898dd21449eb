import ExactArithmetic

/// Exact comparisons of sums of square roots with a rational, by squaring (MATH
/// sec. 11, Lemma GS).
///
/// sqrt(A) + sqrt(B) < lambda  iff  B < lambda^2, s = lambda^2 + B - A > 0 and
/// 4 lambda^2 B < s^2. The proof: sqrt(A) < lambda - sqrt(B) needs the right side
/// positive (B < lambda^2, which forces lambda > 0), and then squares to
/// A < lambda^2 + B - 2 lambda sqrt(B), i.e. 2 lambda sqrt(B) < s, which holds iff s > 0
/// and 4 lambda^2 B < s^2. Equality squares the same way with <= and =.
public enum SquareRootSum {
    /// The sign of sqrt(a) + sqrt(b) - lambda for a, b >= 0: -1, 0 or +1.
    ///
    /// - Precondition: a >= 0 and b >= 0 (callers pass squared norms).
    public static func compare(sqrtOf a: Rational, plusSqrtOf b: Rational, with lambda: Rational) -> Int {
        precondition(a.signum >= 0 && b.signum >= 0, "SquareRootSum: negative radicand")
        if lambda.signum < 0 { return 1 }
        let l2 = lambda * lambda
        // sqrt(b) versus lambda.
        if b > l2 { return 1 }
        // Now lambda - sqrt(b) >= 0; compare sqrt(a) with it: a versus l2 + b - 2 lambda sqrt(b).
        let s = l2 + b - a
        // sign(sqrt(a) + sqrt(b) - lambda) = sign(2 lambda sqrt(b) - s).
        if s.signum < 0 { return 1 }
        let left = 4 * l2 * b, right = s * s
        return left < right ? -1 : (left == right ? 0 : 1)
    }

    /// sqrt(a) + sqrt(b) < lambda, exactly.
    public static func isLess(sqrtOf a: Rational, plusSqrtOf b: Rational, than lambda: Rational) -> Bool {
        compare(sqrtOf: a, plusSqrtOf: b, with: lambda) < 0
    }

    /// sqrt(a) <= u, exactly: u >= 0 and a <= u^2.
    public static func isSquareRoot(of a: Rational, atMost u: Rational) -> Bool {
        u.signum >= 0 && a <= u * u
    }

    /// sqrt(a) >= u, exactly: u <= 0 or u^2 <= a.
    public static func isSquareRoot(of a: Rational, atLeast u: Rational) -> Bool {
        u.signum <= 0 || u * u <= a
    }
}
