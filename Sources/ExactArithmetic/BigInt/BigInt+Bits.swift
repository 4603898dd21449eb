import CGMP

// Shifts, powers (with a fast path for 2^k) and bit counts.

extension BigInt {
    /// The largest bit length a `BigInt` operation may produce (2^36 bits = 8 GiB).
    ///
    /// GMP aborts the process when a number outgrows its `int` limb count or memory
    /// runs out. Operations whose result size is known in advance (shifts, powers)
    /// check it against this bound with a precondition; code that handles untrusted
    /// input checks its own, much smaller, limits before it gets here.
    public static let maximumBitWidth = 1 << 36

    /// 2^k for k >= 0, with no multiplication (GMP's `mpz_setbit` for large k).
    @inlinable
    public static func powerOfTwo(_ k: Int) -> BigInt {
        precondition(k >= 0 && k <= maximumBitWidth, "BigInt.powerOfTwo: exponent out of range")
        if k < Int.bitWidth - 1 { return BigInt(1 << k) }
        let storage = BigIntStorage()
        __gmpz_setbit(storage.mpz, mp_bitcnt_t(k))
        return BigInt(normalizing: storage)
    }

    /// `self * 2^k` for k >= 0.
    @inlinable
    public static func << (value: BigInt, k: Int) -> BigInt {
        precondition(k >= 0, "BigInt: negative shift count")
        if value.isZero { return value }
        if let v = value.intValue, k < Int.bitWidth - 1, (v << k) >> k == v { return BigInt(v << k) }
        precondition(k <= maximumBitWidth - value.bitLength, "BigInt: shift result too large")
        return computeWithGMP(value, { __gmpz_mul_2exp($0, $1, mp_bitcnt_t(k)) })
    }

    /// `floor(self / 2^k)` for k >= 0 (an arithmetic shift: rounds toward -infinity).
    @inlinable
    public static func >> (value: BigInt, k: Int) -> BigInt {
        precondition(k >= 0, "BigInt: negative shift count")
        if case .small(let v) = value.representation {
            return BigInt(k >= Int.bitWidth ? (v < 0 ? -1 : 0) : v >> k)
        }
        return computeWithGMP(value, { __gmpz_fdiv_q_2exp($0, $1, mp_bitcnt_t(k)) })
    }

    @inlinable
    public static func <<= (value: inout BigInt, k: Int) { value = value << k }

    /// The number of bits of |self|: 0 for 0, and ⌊log2 |x|⌋ + 1 otherwise.
    @inlinable
    public var bitLength: Int {
        switch representation {
        case .small(let v): return Int.bitWidth - v.magnitude.leadingZeroBitCount
        case .large(let s): return Int(__gmpz_sizeinbase(s.mpz, 2))
        }
    }

    /// The number of trailing zero bits of |self|, the exponent of 2 in it; 0 for 0.
    @inlinable
    public var trailingZeroBitCount: Int {
        switch representation {
        case .small(let v): return v == 0 ? 0 : v.trailingZeroBitCount
        case .large(let s): return Int(__gmpz_scan1(s.mpz, 0))
        }
    }

    /// True when `self` is 2^k for some k >= 0.
    public var isPowerOfTwo: Bool {
        signum > 0 && trailingZeroBitCount == bitLength - 1
    }
}

extension BigInt {
    /// Word `index` (least significant first) of |self|; zero past the end.
    @inlinable
    public func magnitudeWord(at index: Int) -> UInt {
        precondition(index >= 0, "BigInt.magnitudeWord(at:): negative index")
        switch representation {
        case .small(let v): return index == 0 ? v.magnitude : 0
        case .large(let s): return UInt(__gmpz_getlimbn(s.mpz, index))
        }
    }
}
