import CPopcount
import ExactArithmetic

/// A +-1 valued dyadic step function of level J, bit-packed 64 cells per word.
///
/// Bit c (bit c % 64 of word c / 64) is 1 exactly when the value on the cell I(J, c)
/// is -1. Inner products need no arithmetic on values at all:
/// sum_c f(c) g(c) = 2^J - 2 popcount(f XOR g), so <f, g> = that / 2^J.
public struct PackedSignFunction: Hashable, Sendable {
    /// The largest supported level (2^32 cells, 512 MiB).
    public static let maximumLevel = 32

    /// The level J.
    public let level: Int
    /// The packed cells; bits past 2^J are zero.
    public let words: [UInt64]

    /// The number of cells 2^J.
    public var cellCount: Int { 1 << level }

    package init(uncheckedLevel level: Int, words: [UInt64]) {
        self.level = level
        self.words = words
    }

    /// The function with value -1 exactly on the cells where `isNegative` holds.
    public init(level: Int, isNegative: (Int) -> Bool) {
        precondition((0...PackedSignFunction.maximumLevel).contains(level), "PackedSignFunction level out of range")
        let cells = 1 << level
        var words = [UInt64](repeating: 0, count: (cells + 63) / 64)
        for c in 0..<cells where isNegative(c) { words[c >> 6] |= 1 << UInt64(c & 63) }
        self.init(uncheckedLevel: level, words: words)
    }

    /// Packs a step function that is +-1 valued and dyadic of level at most J.
    public init(_ f: StepFunction, level: Int) throws(DyadicFunctionError) {
        try DyadicFunctionError.checkLevel(level, in: 0...PackedSignFunction.maximumLevel)
        for (i, v) in f.values.enumerated() where v != 1 && v != -1 { throw .notSignValued(index: i, value: v) }
        guard let own = f.dyadicLevel, own <= level else { throw .notDyadicOfLevel(level: level) }
        var words = [UInt64](repeating: 0, count: ((1 << level) + 63) / 64)
        for i in 0..<f.values.count where f.values[i] == -1 {
            for c in f.cellBoundary(i, level: level)..<f.cellBoundary(i + 1, level: level) { words[c >> 6] |= 1 << UInt64(c & 63) }
        }
        self.init(uncheckedLevel: level, words: words)
    }

    /// Decodes the certificate form: `cellCount` = 2^J bits in ``HexBitString`` order.
    public init(level: Int, hex: some StringProtocol) throws(DyadicFunctionError) {
        try DyadicFunctionError.checkLevel(level, in: 0...PackedSignFunction.maximumLevel)
        self.init(uncheckedLevel: level, words: try HexBitString.decode(hex, count: 1 << level))
    }

    /// Whether the value on cell c is -1.
    @inlinable
    public func isNegative(cell c: Int) -> Bool {
        words[c >> 6] >> UInt64(c & 63) & 1 == 1
    }

    /// The same function as a canonical step function.
    public var stepFunction: StepFunction {
        var breakpoints: [Rational] = [0]
        var values: [Rational] = []
        var current = isNegative(cell: 0)
        values.append(current ? -1 : 1)
        for c in 1..<cellCount where isNegative(cell: c) != current {
            current.toggle()
            breakpoints.append(Dyadic(mantissa: BigInt(c), exponent: level).rational)
            values.append(current ? -1 : 1)
        }
        breakpoints.append(1)
        return StepFunction(canonicalBreakpoints: breakpoints, values: values)
    }

    /// sum over cells of f(c) g(c) = 2^J - 2 popcount(f XOR g).
    public func cellSum(with other: PackedSignFunction) -> Int {
        precondition(level == other.level, "PackedSignFunction levels differ")
        // XOR and popcount in C (CPopcount: the popcnt instruction where the CPU has it,
        // checked at run time; Swift code here is compiled for the baseline CPU).
        var differing = 0
        words.withUnsafeBufferPointer { a in
            other.words.withUnsafeBufferPointer { b in
                if let pa = a.baseAddress, let pb = b.baseAddress {
                    differing = Int(dyadcert_xor_popcount(pa, pb, min(a.count, b.count)))
                }
            }
        }
        return cellCount - 2 * differing
    }

    /// <f, g> = 2^-J sum over cells of f(c) g(c), exactly.
    public func innerProduct(with other: PackedSignFunction) -> Rational {
        Dyadic(mantissa: BigInt(cellSum(with: other)), exponent: level).rational
    }

    /// The number of breakpoints of the canonical form (sign changes between cells).
    public var breakpointCount: Int {
        (1..<max(cellCount, 1)).count { isNegative(cell: $0) != isNegative(cell: $0 - 1) }
    }
}
