import CGMP

extension BigInt: ExpressibleByIntegerLiteral {
    @inlinable
    public init(integerLiteral value: Int) {
        self.init(value)
    }
}

extension BigInt {
    /// Creates the integer equal to any binary integer (of any width).
    public init<T: BinaryInteger>(_ source: T) {
        if let small = Int(exactly: source) {
            self.init(small)
            return
        }
        // Import the magnitude's words (least significant first), then apply the sign.
        let words = Array(source.magnitude.words)
        let storage = BigIntStorage()
        words.withUnsafeBufferPointer { buffer in
            __gmpz_import(storage.mpz, buffer.count, -1, MemoryLayout<UInt>.size, 0, 0, buffer.baseAddress)
        }
        if source < 0 { cgmp_mpz_neg(storage.mpz, storage.mpz) }
        self.init(normalizing: storage)
    }

    /// Creates the integer equal to a 128-bit value (fast path used by `Rational`).
    @inlinable
    public init(_ value: Int128) {
        if let small = Int(exactly: value) {
            self.init(small)
        } else {
            self = BigInt.fromWide(value)
        }
    }

    @usableFromInline
    @inline(never)
    internal static func fromWide(_ value: Int128) -> BigInt {
        let magnitude = value.magnitude
        var limbs: (mp_limb_t, mp_limb_t) = (mp_limb_t(truncatingIfNeeded: magnitude), mp_limb_t(truncatingIfNeeded: magnitude >> 64))
        let size = limbs.1 == 0 ? 1 : 2
        let storage = withUnsafeMutableBytes(of: &limbs) { raw -> BigIntStorage in
            var view = __mpz_struct(
                _mp_alloc: 0, _mp_size: Int32(value < 0 ? -size : size),
                _mp_d: raw.baseAddress!.assumingMemoryBound(to: mp_limb_t.self))
            return withUnsafePointer(to: &view) { BigIntStorage(copying: $0) }
        }
        return BigInt(normalizing: storage)
    }

    /// The value as an `Int128`, or nil when it does not fit.
    @inlinable
    public var int128Value: Int128? {
        switch representation {
        case .small(let v): return Int128(v)
        case .large(let s): return BigInt.wideValue(s)
        }
    }

    @usableFromInline
    internal static func wideValue(_ s: BigIntStorage) -> Int128? {
        let limbs = Int(cgmp_mpz_size(s.mpz))
        guard limbs <= 2 else { return nil }
        let magnitude = UInt128(cgmp_mpz_getlimbn(s.mpz, 0)) | (UInt128(cgmp_mpz_getlimbn(s.mpz, 1)) << 64)
        if cgmp_mpz_sgn(s.mpz) < 0 {
            if magnitude > UInt128(1) << 127 { return nil }
            return magnitude == UInt128(1) << 127 ? Int128.min : -Int128(magnitude)
        }
        return Int128(exactly: magnitude)
    }
}
