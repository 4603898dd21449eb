import ExactArithmetic

/// A matrix of dyadic rationals with a shared exponent per row and per column:
/// entry (i, j) = M[i][j] / 2^(e_i + f_j), M an integer matrix.
///
/// This is how float-derived matrices are written compactly (a float is m 2^e
/// exactly) and how their products stay on integers: the product of two dyadic
/// matrices aligns the inner exponents f_l + e'_l once, by shifting columns, runs the
/// integer word kernel, and scales the result by exponents again; no gcd, no rational
/// arithmetic per term. A matrix with one shared exponent per row has f = 0; one per
/// column has e = 0. Exponents may be negative (a factor 2^|e|).
public struct DyadicMatrix: Sendable {
    /// How the mantissas are held: in 128-bit words (|M[i][j]| < 2^127, the common case
    /// of float-derived entries, with no allocation per entry) or as BigInts.
    enum Storage: Sendable {
        case wide(rows: Int, columns: Int, words: [Int128])
        case integers(IntegerMatrix)
    }

    let storage: Storage

    /// The integer mantissas M.
    public var mantissas: IntegerMatrix {
        switch storage {
        case .integers(let m): return m
        case .wide(let rows, let columns, let words):
            return IntegerMatrix(uncheckedRows: rows, columns: columns, entries: words.map { BigInt($0) })
        }
    }

    /// The mantissa M[i][j].
    func mantissa(_ i: Int, _ j: Int) -> BigInt {
        switch storage {
        case .integers(let m): return m[i, j]
        case .wide(_, let columns, let words): return BigInt(words[i * columns + j])
        }
    }

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

    /// M / 2^(e 1^T + 1 f^T) from its parts.
    ///
    /// - Throws: when the exponent counts do not match, or an exponent's magnitude
    ///   exceeds the entry bit limit (so every shift below is bounded).
    public init(mantissas: IntegerMatrix, rowExponents: [Int], columnExponents: [Int], limits: MatrixLimits = .standard) throws(MatrixError)
    {
        guard rowExponents.count == mantissas.rows, columnExponents.count == mantissas.columns else {
            throw .invalidShape(rows: mantissas.rows, columns: mantissas.columns, entryCount: rowExponents.count)
        }
        for e in rowExponents + columnExponents where e.magnitude > UInt(limits.maximumEntryBits) {
            throw .overLimit(limit: "exponent magnitude", needed: e == Int.min ? Int.max : abs(e), allowed: limits.maximumEntryBits)
        }
        try limits.checkBits(mantissas.maximumBitLength)
        self.storage = .integers(mantissas)
        self.rowExponents = rowExponents
        self.columnExponents = columnExponents
    }

    init(storage: Storage, rowExponents: [Int], columnExponents: [Int]) {
        self.storage = storage
        self.rowExponents = rowExponents
        self.columnExponents = columnExponents
    }

    init(unchecked mantissas: IntegerMatrix, rowExponents: [Int], columnExponents: [Int]) {
        self.storage = .integers(mantissas)
        self.rowExponents = rowExponents
        self.columnExponents = columnExponents
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
            self = try DyadicMatrix(rows: columns, columns: rows, entries: transposedEntries, limits: limits).transposed
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
        if words.count == entries.count {
            try limits.checkBits(128)
            for e in exponents where e > limits.maximumEntryBits {
                throw .overLimit(limit: "exponent magnitude", needed: e, allowed: limits.maximumEntryBits)
            }
            self.init(
                storage: .wide(rows: rows, columns: columns, words: words),
                rowExponents: exponents, columnExponents: Array(repeating: 0, count: columns))
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
        try self.init(
            mantissas: IntegerMatrix(uncheckedRows: rows, columns: columns, entries: mantissas),
            rowExponents: exponents, columnExponents: Array(repeating: 0, count: columns), limits: limits)
    }

    /// Entry (i, j) in canonical form.
    public subscript(i: Int, j: Int) -> Dyadic {
        Dyadic(mantissa: mantissa(i, j), exponent: rowExponents[i] + columnExponents[j])
    }

    /// Every entry, row by row, in canonical form.
    public var entries: [Dyadic] {
        var result = [Dyadic]()
        result.reserveCapacity(rows * columns)
        for i in 0..<rows { for j in 0..<columns { result.append(self[i, j]) } }
        return result
    }

    /// The transpose.
    public var transposed: DyadicMatrix {
        switch storage {
        case .integers(let m):
            return DyadicMatrix(unchecked: m.transposed, rowExponents: columnExponents, columnExponents: rowExponents)
        case .wide(let rows, let columns, let words):
            var t = [Int128](repeating: 0, count: words.count)
            for i in 0..<rows { for j in 0..<columns { t[j * rows + i] = words[i * columns + j] } }
            return DyadicMatrix(
                storage: .wide(rows: columns, columns: rows, words: t), rowExponents: columnExponents, columnExponents: rowExponents)
        }
    }

    /// Digit planes (63-bit signed digits) of word mantissas, row-major or column by column.
    static func digitPlanes(_ words: [Int128], rows: Int, columns: Int, rowMajor: Bool) -> [[Int64]] {
        let widest = words.reduce(0) { max($0, 128 - $1.magnitude.leadingZeroBitCount) }
        let count = (widest + digitBits - 1) / digitBits
        var planes = Array(repeating: [Int64](repeating: 0, count: words.count), count: count)
        let mask: UInt128 = (1 << 63) - 1
        for p in 0..<count {
            planes[p].withUnsafeMutableBufferPointer { plane in
                for i in 0..<rows {
                    for j in 0..<columns {
                        let x = words[i * columns + j]
                        let digit = Int64(truncatingIfNeeded: (x.magnitude >> UInt128(63 * p)) & mask)
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
    public func multiplied(by other: DyadicMatrix, limits: MatrixLimits = .standard) throws(MatrixError) -> DyadicMatrix {
        guard columns == other.rows else {
            throw .dimensionMismatch(operation: "matrix product", left: shape, right: other.shape)
        }
        let inner = (0..<columns).map { columnExponents[$0] + other.rowExponents[$0] }
        let top = inner.max() ?? 0
        if case .wide(let m, let k, let a) = storage, case .wide(_, let n, let b) = other.storage,
            !inner.contains(where: { $0 != top })
        {
            // Both factors in words and no inner alignment: digits straight from the words.
            try IntegerMatrix.checkProduct(m: m, k: k, n: n, bitsA: 127, bitsB: 127, limits: limits)
            let product = IntegerMatrix.product(
                planesA: DyadicMatrix.digitPlanes(a, rows: m, columns: k, rowMajor: true),
                planesB: DyadicMatrix.digitPlanes(b, rows: k, columns: n, rowMajor: false),
                m: m, k: k, n: n)
            return DyadicMatrix(unchecked: product, rowExponents: rowExponents.map { $0 + top }, columnExponents: other.columnExponents)
        }
        var left = mantissas
        if inner.contains(where: { $0 != top }) {
            let widest = inner.map { top - $0 }.max() ?? 0
            try limits.checkBits(left.maximumBitLength + widest)
            for i in 0..<rows {
                for l in 0..<columns where inner[l] != top { left.entries[i * columns + l] <<= top - inner[l] }
            }
        }
        let product = try left.multiplied(by: other.mantissas, limits: limits)
        return DyadicMatrix(unchecked: product, rowExponents: rowExponents.map { $0 + top }, columnExponents: other.columnExponents)
    }

    /// The same matrix as a ``RationalMatrix`` (denominators 2^e; a negative exponent
    /// multiplies the mantissas instead).
    public func rational(limits: MatrixLimits = .standard) throws(MatrixError) -> RationalMatrix {
        let rowShift = rowExponents.map { min($0, 0) }, columnShift = columnExponents.map { min($0, 0) }
        var m = mantissas
        if rowShift.contains(where: { $0 != 0 }) || columnShift.contains(where: { $0 != 0 }) {
            try limits.checkBits(m.maximumBitLength - (rowShift.min() ?? 0) - (columnShift.min() ?? 0))
            for i in 0..<rows {
                for j in 0..<columns where rowShift[i] + columnShift[j] != 0 {
                    m.entries[i * columns + j] <<= -(rowShift[i] + columnShift[j])
                }
            }
        }
        return RationalMatrix(
            unchecked: m,
            rowDenominators: rowExponents.map { BigInt.powerOfTwo(max($0, 0)) },
            columnDenominators: columnExponents.map { BigInt.powerOfTwo(max($0, 0)) })
    }
}
