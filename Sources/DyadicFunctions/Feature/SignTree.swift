import ExactArithmetic

/// A sign tree sigma = (sigma(j, k) in {+1, -1} : 0 <= j < J, 0 <= k < 2^j): one sign
/// per node of the dyadic tree above level J, 2^J - 1 signs (MATH.md sec. 5).
///
/// Nodes are numbered level by level: node (j, k) has number 2^j - 1 + k. In the
/// certificate form (`hex`) bit i of the ``HexBitString`` is node i, and a 1 bit
/// means sigma = -1. So "8" with J = 1 is sigma(0,0) = -1, and J = 2, "4" is
/// (sigma(0,0), sigma(1,0), sigma(1,1)) = (+1, -1, +1).
public struct SignTree: Hashable, Sendable {
    /// The largest supported depth.
    public static let maximumLevels = 30

    /// The depth J >= 1.
    public let levels: Int
    /// Bit i (bit i % 64 of word i / 64) is set when node i has sign -1.
    @usableFromInline internal let negative: [UInt64]

    internal init(uncheckedLevels levels: Int, negative: [UInt64]) {
        self.levels = levels
        self.negative = negative
    }

    /// Decodes the certificate form: 2^J - 1 bits in ``HexBitString`` order.
    public init(levels: Int, hex: some StringProtocol) throws(DyadicFunctionError) {
        try DyadicFunctionError.checkLevel(levels, in: 1...SignTree.maximumLevels)
        self.init(uncheckedLevels: levels, negative: try HexBitString.decode(hex, count: (1 << levels) - 1))
    }

    /// The tree numbered `number` among all 2^(2^J - 1) trees: bit i of `number` is
    /// node i (1 = -1). For enumerations in tests and brute-force rules (small J).
    public init(levels: Int, number: Int) throws(DyadicFunctionError) {
        try DyadicFunctionError.checkLevel(levels, in: 1...6)
        let count = (1 << levels) - 1
        guard number >= 0 && (count >= 63 || number < 1 << count) else {
            throw .indexOutOfRange(what: "sign tree number", index: number, range: 0..<(count >= 63 ? Int.max : 1 << count))
        }
        self.init(uncheckedLevels: levels, negative: [UInt64(number)])
    }

    /// Whether sigma(j, k) = -1.
    @inlinable
    public func isNegative(level j: Int, index k: Int) -> Bool {
        isNegative(node: (1 << j) - 1 + k)
    }

    /// Whether node i (level-major numbering) has sign -1.
    @inlinable
    public func isNegative(node i: Int) -> Bool {
        negative[i >> 6] >> UInt64(i & 63) & 1 == 1
    }
}
