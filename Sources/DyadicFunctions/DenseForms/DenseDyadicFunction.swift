import ExactArithmetic

/// A dyadic step function of level J whose values are dyadic rationals, stored as
/// integer mantissas over one common exponent: value on I(J, c) = mantissas[c] / 2^e.
///
/// Inner products then need only integer arithmetic: sum_c m_c m'_c over
/// 2^(J + e + e'). When every mantissa fits a word the sum runs in 128-bit integers
/// with exact overflow detection, falling back to `BigInt` accumulation.
public struct DenseDyadicFunction: Hashable, Sendable {
    /// The largest supported level.
    public static let maximumLevel = 30

    /// The level J.
    public let level: Int
    /// The common exponent e >= 0 (the smallest one that works).
    public let exponent: Int
    /// The 2^J mantissas.
    public let mantissas: [BigInt]
    /// The mantissas as words, when all of them fit.
    internal let wordMantissas: [Int]?

    /// The function with the given 2^J dyadic cell values.
    public init(cellValues: [Dyadic]) throws(DyadicFunctionError) {
        let count = cellValues.count
        guard count > 0 && count & (count - 1) == 0 else {
            throw .invalidParameter("a dense level-J function needs 2^J cell values, found \(count)")
        }
        let level = count.trailingZeroBitCount
        try DyadicFunctionError.checkLevel(level, in: 0...DenseDyadicFunction.maximumLevel)
        let exponent = cellValues.lazy.map(\.exponent).max() ?? 0
        let mantissas = cellValues.map { $0.mantissa(atExponent: exponent) }
        self.level = level
        self.exponent = exponent
        self.mantissas = mantissas
        wordMantissas = mantissas.mapAll(\.intValue)
    }

    /// Converts a step function whose breakpoints are dyadic of level <= J and whose
    /// values are dyadic.
    public init(_ f: StepFunction, level: Int) throws(DyadicFunctionError) {
        guard level <= DenseDyadicFunction.maximumLevel else {
            throw .levelOutOfRange(level: level, range: 0...DenseDyadicFunction.maximumLevel)
        }
        for (i, v) in f.values.enumerated() where !v.denominator.isPowerOfTwo { throw .notDyadic(index: i, value: v) }
        // Every value is now dyadic, so each cell value is one in lowest terms.
        let cells = try f.cellValues(level: level).map {
            Dyadic(uncheckedMantissa: $0.numerator, exponent: $0.denominator.trailingZeroBitCount)
        }
        try self.init(cellValues: cells)
    }

    /// sum_c m_c m'_c exactly: 128-bit accumulation with exact overflow detection when
    /// the mantissas are words, `BigInt` otherwise.
    public func mantissaProductSum(with other: DenseDyadicFunction) -> BigInt {
        precondition(level == other.level, "DenseDyadicFunction levels differ")
        if let a = wordMantissas, let b = other.wordMantissas {
            let sum: Int128? = a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in
                    var total = Int128(0)
                    for i in 0..<a.count {
                        let (s, o) = total.addingReportingOverflow(Int128(a[i]) * Int128(b[i]))
                        if o { return nil }
                        total = s
                    }
                    return total
                }
            }
            if let sum { return BigInt(sum) }
        }
        var total = BigInt.zero
        for i in 0..<mantissas.count { total.addProduct(mantissas[i], other.mantissas[i]) }
        return total
    }

    /// <f, g> = 2^-J sum_c f(c) g(c), exactly.
    public func innerProduct(with other: DenseDyadicFunction) -> Rational {
        Dyadic(mantissa: mantissaProductSum(with: other), exponent: level + exponent + other.exponent).rational
    }
}
