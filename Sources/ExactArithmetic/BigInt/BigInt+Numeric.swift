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
        if source < 0 { __gmpz_neg(storage.mpz, storage.mpz) }
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
        // The two words of the magnitude, least significant first, then the sign.
        var words = (UInt(truncatingIfNeeded: value.magnitude), UInt(truncatingIfNeeded: value.magnitude >> 64))
        let storage = BigIntStorage()
        withUnsafeBytes(of: &words) { __gmpz_import(storage.mpz, 2, -1, MemoryLayout<UInt>.size, 0, 0, $0.baseAddress) }
        if value < 0 { __gmpz_neg(storage.mpz, storage.mpz) }
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
        guard __gmpz_size(s.mpz) <= 2 else { return nil }
        let magnitude = UInt128(__gmpz_getlimbn(s.mpz, 0)) | (UInt128(__gmpz_getlimbn(s.mpz, 1)) << 64)
        // -magnitude in two's complement is in range for magnitudes up to 2^127 (Int128.min).
        if s.mpz.pointee._mp_size < 0 { return magnitude <= UInt128(1) << 127 ? Int128(truncatingIfNeeded: 0 &- magnitude) : nil }
        return Int128(exactly: magnitude)
    }
}
