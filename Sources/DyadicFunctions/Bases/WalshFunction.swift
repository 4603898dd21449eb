import ExactArithmetic

/// The Walsh function w_m in Paley order: w_m = prod over the set bits n of m of r_n,
/// w_0 = 1 (MATH.md sec. 4). For m < 2^J it is constant on level-J cells, and
/// {w_m : m < 2^J} is an orthonormal basis of the level-J step functions.
///
/// Read through sawtooth maps, w_m(y) = prod_{n in bits(m)} psi(S_n(y)), which is what a
/// Walsh readout applies to a feature value y.
public struct WalshFunction: Hashable, Sendable {
    /// The index m >= 0.
    public let index: Int

    public init(index: Int) throws(DyadicFunctionError) {
        try DyadicFunctionError.checkIndex("Walsh index", index, in: 0..<(1 << PackedSignFunction.maximumLevel))
        self.index = index
    }

    /// The least level J with m < 2^J (0 for w_0).
    public var minimumLevel: Int { Int.bitWidth - index.leadingZeroBitCount }

    /// w_m as a packed +-1 function of level J (m < 2^J).
    public func packed(level J: Int) throws(DyadicFunctionError) -> PackedSignFunction {
        try DyadicFunctionError.checkLevel(J, in: minimumLevel...PackedSignFunction.maximumLevel)
        let reversed = Bits.reverse(index, width: J)
        return PackedSignFunction(level: J) { c in (c & reversed).nonzeroBitCount & 1 == 1 }
    }
}

/// Bit manipulations on cell indices.
public enum Bits {
    /// top(m) = floor(log2 m) for m >= 1 (MATH.md sec. 6): the level of m's highest bit.
    @inlinable
    public static func top(_ m: Int) -> Int {
        precondition(m >= 1, "top(m) needs m >= 1")
        return Int.bitWidth - 1 - m.leadingZeroBitCount
    }

    /// The lowest `width` bits of x in reverse order (bit i goes to bit width-1-i).
    @inlinable
    public static func reverse(_ x: Int, width: Int) -> Int {
        guard width > 0 else { return 0 }
        precondition(width < Int.bitWidth)
        return Int(truncatingIfNeeded: UInt(bitPattern: x).bitReversedWord >> UInt(Int.bitWidth - width))
    }
}

extension UInt {
    /// The 64 bits in reverse order.
    @inlinable
    var bitReversedWord: UInt {
        var v = self
        v = ((v >> 1) & 0x5555_5555_5555_5555) | ((v & 0x5555_5555_5555_5555) << 1)
        v = ((v >> 2) & 0x3333_3333_3333_3333) | ((v & 0x3333_3333_3333_3333) << 2)
        v = ((v >> 4) & 0x0F0F_0F0F_0F0F_0F0F) | ((v & 0x0F0F_0F0F_0F0F_0F0F) << 4)
        return v.byteSwapped
    }
}
