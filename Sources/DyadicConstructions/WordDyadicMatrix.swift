import ExactArithmetic
import ExactLinearAlgebra

/// A matrix of dyadic rationals with a shared exponent per row and per column, entry
/// (i, j) = M[i][j] / 2^(e_i + f_j), built from dyadic entries and multiplied exactly:
/// the workload W4 of the perf kit and its tests (untrusted; the kernel reads dyadic
/// matrices as ``DyadicMatrix`` and converts them to rationals).
///
/// The product of two such matrices aligns the inner exponents f_l + e'_l once, by
/// shifting columns, runs the integer word kernel, and scales the result by exponents
/// again; no gcd, no rational arithmetic per term. A matrix with one shared exponent per
/// row has f = 0; one per column has e = 0.
public struct WordDyadicMatrix: Sendable {
    /// How the mantissas are held: in 128-bit words (|M[i][j]| < 2^127, the common case
    /// of float-derived entries, with no allocation per entry) or as BigInts.
    enum Storage: Sendable {
        case wide(rows: Int, columns: Int, words: [Int128])
        case integers(IntegerMatrix)
    }

    let storage: Storage
    /// The exponent e_i of each row.
    public let rowExponents: [Int]
    /// The exponent f_j of each column.
    public let columnExponents: [Int]

    /// Number of rows.
    public var rows: Int {
        switch storage {
        case .integers(let m): return m.rows
        case .wide(let rows, _, _): return rows
        }
    }
    /// Number of columns.
    public var columns: Int {
        switch storage {
        case .integers(let m): return m.columns
        case .wide(_, let columns, _): return columns
        }
    }
    /// The shape rows x columns.
    public var shape: MatrixShape { MatrixShape(rows: rows, columns: columns) }

    init(storage: Storage, rowExponents: [Int], columnExponents: [Int]) {
        self.storage = storage
        self.rowExponents = rowExponents
        self.columnExponents = columnExponents
    }

    /// The mantissa M[i][j].
    func mantissa(_ i: Int, _ j: Int) -> BigInt {
        switch storage {
        case .integers(let m): return m[i, j]
        case .wide(_, let columns, let words): return BigInt(words[i * columns + j])
        }
    }

    /// The integer mantissas M.
    func mantissas(limits: MatrixLimits) throws(MatrixError) -> IntegerMatrix {
        switch storage {
        case .integers(let m): return m
        case .wide(let rows, let columns, let words):
            return try IntegerMatrix(rows: rows, columns: columns, entries: words.map { BigInt($0) }, limits: limits)
        }
    }

    /// Which exponents a matrix built from entries shares.
    public enum Sharing: Sendable {
        /// One exponent per row (the largest in the row); column exponents 0.
        case perRow
        /// One exponent per column (the largest in the column); row exponents 0.
        case perColumn
    }

    /// The matrix with the given dyadic entries (row by row), with one shared exponent
    /// per row or per column: the largest exponent there. Choose per row for the left
    /// factor of a product and per column for the right one, so no inner alignment is
    /// needed.
    public init(rows: Int, columns: Int, entries: [Dyadic], sharing: Sharing, limits: MatrixLimits = .standard) throws(MatrixError) {
        switch sharing {
        case .perRow:
            try self.init(rows: rows, columns: columns, entries: entries, limits: limits)
        case .perColumn:
            try limits.checkShape(rows: rows, columns: columns)
            guard entries.count == rows * columns else {
                throw .invalidShape(rows: rows, columns: columns, entryCount: entries.count)
            }
            var transposedEntries = [Dyadic]()
            transposedEntries.reserveCapacity(entries.count)
            for j in 0..<columns { for i in 0..<rows { transposedEntries.append(entries[i * columns + j]) } }
            self = try WordDyadicMatrix(rows: columns, columns: rows, entries: transposedEntries, limits: limits).transposed
        }
    }

    /// The matrix with the given dyadic entries (row by row), with one shared exponent
    /// per row: the largest exponent in the row.
    public init(rows: Int, columns: Int, entries: [Dyadic], limits: MatrixLimits = .standard) throws(MatrixError) {
        try limits.checkShape(rows: rows, columns: columns)
        guard entries.count == rows * columns else {
            throw .invalidShape(rows: rows, columns: columns, entryCount: entries.count)
        }
        var exponents = [Int]()
        exponents.reserveCapacity(rows)
        for i in 0..<rows {
            exponents.append(entries[(i * columns)..<((i + 1) * columns)].reduce(0) { max($0, $1.exponent) })
        }
        // Fast path: every shifted mantissa fits in 127 bits (word-sized mantissas
        // shifted by at most 63), held in Int128 words without allocation.
        var words = [Int128]()
        words.reserveCapacity(entries.count)
        wide: for i in 0..<rows {
            let e = exponents[i]
            for j in 0..<columns {
                let x = entries[i * columns + j]
                guard let m = x.mantissa.intValue, e - x.exponent < 64 else {
                    words = []
                    break wide
                }
                words.append(Int128(m) << (e - x.exponent))
            }
        }
        let zeros = Array(repeating: 0, count: columns)
        if words.count == entries.count {
            try limits.checkBits(128)
            for e in exponents where e > limits.maximumEntryBits {
                throw .overLimit(limit: .bits("exponent magnitude"), needed: e, allowed: limits.maximumEntryBits)
            }
            self.init(storage: .wide(rows: rows, columns: columns, words: words), rowExponents: exponents, columnExponents: zeros)
            return
        }
        var mantissas = [BigInt]()
        mantissas.reserveCapacity(entries.count)
        for i in 0..<rows {
            let e = exponents[i]
            for x in entries[(i * columns)..<((i + 1) * columns)] {
                try limits.checkBits(x.mantissa.bitLength + e - x.exponent)
                mantissas.append(x.mantissa(atExponent: e))
            }
        }
        let m = try IntegerMatrix(rows: rows, columns: columns, entries: mantissas, limits: limits)
        for e in exponents where e > limits.maximumEntryBits {
            throw .overLimit(limit: .bits("exponent magnitude"), needed: e, allowed: limits.maximumEntryBits)
        }
        self.init(storage: .integers(m), rowExponents: exponents, columnExponents: zeros)
    }

    /// Entry (i, j) in canonical form.
    public subscript(i: Int, j: Int) -> Dyadic {
        Dyadic(mantissa: mantissa(i, j), exponent: rowExponents[i] + columnExponents[j])
    }

    /// Every entry, row by row, in canonical form.
    public var entries: [Dyadic] {
        (0..<rows).flatMap { i in (0..<columns).map { j in self[i, j] } }
    }

    /// The transpose.
    public var transposed: WordDyadicMatrix {
        switch storage {
        case .integers(let m):
            return WordDyadicMatrix(storage: .integers(m.transposed), rowExponents: columnExponents, columnExponents: rowExponents)
        case .wide(let rows, let columns, let words):
            var t = [Int128](repeating: 0, count: words.count)
            for i in 0..<rows { for j in 0..<columns { t[j * rows + i] = words[i * columns + j] } }
            return WordDyadicMatrix(
                storage: .wide(rows: columns, columns: rows, words: t), rowExponents: columnExponents, columnExponents: rowExponents)
        }
    }

    /// Digit planes (signed digits of ``IntegerMatrix/digitBits`` bits) of word
    /// mantissas, row-major or column by column.
    static func digitPlanes(_ words: [Int128], rows: Int, columns: Int, rowMajor: Bool) -> [[Int64]] {
        let bits = IntegerMatrix.digitBits
        let widest = words.reduce(0) { max($0, 128 - $1.magnitude.leadingZeroBitCount) }
        let count = (widest + bits - 1) / bits
        var planes = Array(repeating: [Int64](repeating: 0, count: words.count), count: count)
        let mask: UInt128 = (1 << UInt128(bits)) - 1
        for p in 0..<count {
            planes[p].withUnsafeMutableBufferPointer { plane in
                for i in 0..<rows {
                    for j in 0..<columns {
                        let x = words[i * columns + j]
                        let digit = Int64(truncatingIfNeeded: (x.magnitude >> UInt128(bits * p)) & mask)
                        plane[rowMajor ? i * columns + j : j * rows + i] = x < 0 ? -digit : digit
                    }
                }
            }
        }
        return planes
    }

    /// The exact product `self * other`.
    ///
    /// With t_l = f_l + e'_l and T = max t_l, column l of M is shifted left by T - t_l;
    /// then (A B)[i][j] = (M' M'')[i][j] / 2^((e_i + T) + f''_j).
    ///
    /// - Throws: on non-conforming shapes or when a limit would be exceeded.
    public func multiplied(by other: WordDyadicMatrix, limits: MatrixLimits = .standard) throws(MatrixError) -> WordDyadicMatrix {
        guard columns == other.rows else {
            throw .dimensionMismatch(operation: "matrix product", left: shape, right: other.shape)
        }
        let inner = (0..<columns).map { columnExponents[$0] + other.rowExponents[$0] }
        let top = inner.max() ?? 0
        let exponents = rowExponents.map { $0 + top }
        if case .wide(let m, let k, let a) = storage, case .wide(_, let n, let b) = other.storage,
            !inner.contains(where: { $0 != top })
        {
            // Both factors in words and no inner alignment: digits straight from the words.
            try IntegerMatrix.checkProduct(m: m, k: k, n: n, bitsA: 127, bitsB: 127, limits: limits)
            let product = IntegerMatrix.product(
                planesA: WordDyadicMatrix.digitPlanes(a, rows: m, columns: k, rowMajor: true),
                planesB: WordDyadicMatrix.digitPlanes(b, rows: k, columns: n, rowMajor: false),
                m: m, k: k, n: n)
            return WordDyadicMatrix(storage: .integers(product), rowExponents: exponents, columnExponents: other.columnExponents)
        }
        var left = try mantissas(limits: limits)
        if inner.contains(where: { $0 != top }) {
            let widest = inner.map { top - $0 }.max() ?? 0
            try limits.checkBits(left.maximumBitLength + widest)
            var shifted = left.entries
            for i in 0..<rows {
                for l in 0..<columns where inner[l] != top { shifted[i * columns + l] <<= top - inner[l] }
            }
            left = try IntegerMatrix(rows: rows, columns: columns, entries: shifted, limits: limits)
        }
        let product = try left.multiplied(by: other.mantissas(limits: limits), limits: limits)
        return WordDyadicMatrix(storage: .integers(product), rowExponents: exponents, columnExponents: other.columnExponents)
    }

    /// The same matrix as a ``RationalMatrix``, through the kernel's ``DyadicMatrix``.
    public func rational(limits: MatrixLimits = .standard) throws(MatrixError) -> RationalMatrix {
        try DyadicMatrix(
            mantissas: mantissas(limits: limits), rowExponents: rowExponents, columnExponents: columnExponents, limits: limits
        ).rational(limits: limits)
    }
}
