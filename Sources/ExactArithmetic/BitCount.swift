// Exact bit counts (MATH.md sec. 1).
//
// Description lengths are ceil(log2 N) bits, and claims compare log2 N with rational
// bounds. log2 is irrational in general, so every comparison is done on integers:
// `log2 N >= p/q` is `N^q >= 2^p`. No floating point is involved anywhere.

extension BigInt {
    /// ⌈log2 N⌉ for N >= 1: the bits a code for a set of N elements needs.
    ///
    /// Equal to the bit length of N - 1 (0 for N = 1).
    public var ceilLog2: Int {
        precondition(signum > 0, "ceilLog2 needs N >= 1")
        return (self - 1).bitLength
    }

    /// Exactly whether N >= 2^b, for any integer b (N >= 0).
    public func isAtLeastPowerOfTwo(_ b: Int) -> Bool {
        precondition(signum >= 0, "isAtLeastPowerOfTwo needs N >= 0")
        if isZero { return false }
        if b <= 0 { return true }          // N >= 1 >= 2^b
        return bitLength - 1 >= b
    }

    /// The sign of log2 N - p/q, exactly, for N >= 1 and q >= 1: that is, the sign of
    /// N^q - 2^p. N^q is computed only when the bit lengths cannot decide, and then it
    /// has about p bits.
    ///
    /// - Throws: ``ArithmeticError/resultTooLarge`` when deciding would need N^q with
    ///   more than `maximumBits` bits (by default ``BigInt/maximumBitWidth``).
    public func compareLog2(toNumerator p: BigInt, denominator q: BigInt, maximumBits: Int = BigInt.maximumBitWidth) throws(ArithmeticError) -> Int {
        precondition(signum > 0 && q.signum > 0, "compareLog2 needs N >= 1 and q >= 1")
        // N = 2^k: compare k*q with p.
        if isPowerOfTwo {
            return BigInt.compare(BigInt(bitLength - 1) * q, p)
        }
        // 2^(L-1) < N < 2^L (N is not a power of two), so (L-1) q < q log2 N < L q.
        let length = BigInt(bitLength)
        if (length - 1) * q >= p { return 1 }
        if length * q <= p { return -1 }
        // Here (L-1) q < p < L q, so q and p fit the size bound of N^q.
        guard let qInt = q.intValue, let pInt = p.intValue, pInt < maximumBits, pInt < BigInt.maximumBitWidth else {
            throw .resultTooLarge
        }
        // N has an odd factor above 1, so N^q is not a power of two and never equals
        // 2^p: N^q > 2^p exactly when its bit length exceeds p.
        let power = self.power(qInt)
        return power.bitLength - 1 >= pInt ? 1 : -1
    }

    /// The sign of log2 N - b for a rational bound b, exactly (N >= 1).
    public func compareLog2(to b: Rational, maximumBits: Int = BigInt.maximumBitWidth) throws(ArithmeticError) -> Int {
        try compareLog2(toNumerator: b.numerator, denominator: b.denominator, maximumBits: maximumBits)
    }
}
