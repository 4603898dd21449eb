import ExactArithmetic

/// Which Haar function a step function is a nonzero multiple of: the constant 1, or the
/// wavelet h_I = 1 on the left half of a dyadic interval I = [a, a + 2^-j) and -1 on its
/// right half (MATH.md sec. 4, "Haar functions are orthogonal").
///
/// Multiples of Haar functions with different indices are orthogonal: <1, h_I> = 0; two
/// dyadic intervals are disjoint or nested, and when I' is strictly inside I it lies in
/// one half of I, where h_I is constant, so <h_I, h_I'> = c <1, h_I'> restricted to I'
/// = 0. So a list of such multiples has a Gram matrix that is 0 between different
/// indices, and only entries of equal indices need computing.
public enum HaarIndex: Hashable, Sendable {
    case constant
    /// The dyadic interval [start, start + length), length = 2^-j.
    case wavelet(start: Rational, length: Rational)
}

extension StepFunction {
    /// The Haar function this function is a nonzero multiple of, or nil when it is none.
    ///
    /// In canonical form (adjacent equal values merged) a multiple c h_I, c != 0, has the
    /// values c, -c on [a, m) and [m, b), with a zero piece before or after where I does
    /// not reach 0 or 1; I is dyadic when b - a = 2^-j, m is its midpoint and a is a
    /// multiple of b - a.
    public var haarIndex: HaarIndex? {
        if values.count == 1 { return values[0].isZero ? nil : .constant }
        let first = values[0].isZero ? 1 : 0
        let last = values[values.count - 1].isZero ? values.count - 2 : values.count - 1
        guard last == first + 1, !values[first].isZero, values[last] == -values[first] else { return nil }
        let a = breakpoints[first], m = breakpoints[first + 1], b = breakpoints[last + 1]
        let length = b - a
        guard m - a == b - m, length.numerator == 1, length.denominator.isPowerOfTwo,
            (a / length).isInteger
        else { return nil }
        return .wavelet(start: a, length: length)
    }
}
