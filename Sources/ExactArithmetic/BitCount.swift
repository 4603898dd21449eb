// Exact bit counts (MATH.md sec. 1).
//
// Description lengths are ceil(log2 N) bits. Exact comparisons of log2 N with rational
// bounds (`N^q >= 2^p`) live outside the trusted base, in DyadicConstructions.

extension BigInt {
    /// ⌈log2 N⌉ for N >= 1: the bits a code for a set of N elements needs.
    ///
    /// Equal to the bit length of N - 1 (0 for N = 1).
    public var ceilLog2: Int {
        precondition(signum > 0, "ceilLog2 needs N >= 1")
        return (self - 1).bitLength
    }
}
