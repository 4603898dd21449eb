import ExactArithmetic

/// A matrix of exact integers, stored row-major: the integer core of
/// ``RationalMatrix`` and ``DyadicMatrix``.
///
/// Rational and dyadic matrices are integer matrices with a scale per row and per
/// column; their products, ranks and norms are computed here, on integers, and only
/// scaled at the end.
public struct IntegerMatrix: Sendable, Equatable {
    /// Number of rows.
    public let rows: Int
    /// Number of columns.
    public let columns: Int
    /// The entries, row by row (`entries[i * columns + j]`).
    public internal(set) var entries: [BigInt]

    /// A rows x columns matrix from its entries, row by row.
    ///
    /// - Throws: ``MatrixError/invalidShape(rows:columns:entryCount:)`` when the count is
    ///   wrong, ``MatrixError/overLimit(limit:needed:allowed:)`` when it is too large.
    public init(rows: Int, columns: Int, entries: [BigInt], limits: MatrixLimits = .standard) throws(MatrixError) {
        try limits.checkShape(rows: rows, columns: columns)
        guard entries.count == rows * columns else {
            throw .invalidShape(rows: rows, columns: columns, entryCount: entries.count)
        }
        self.init(uncheckedRows: rows, columns: columns, entries: entries)
    }

    /// Wraps entries whose count the caller has checked.
    package init(uncheckedRows rows: Int, columns: Int, entries: [BigInt]) {
        assert(entries.count == rows * columns)
        self.rows = rows
        self.columns = columns
        self.entries = entries
    }

    /// The shape rows x columns.
    public var shape: MatrixShape { MatrixShape(rows: rows, columns: columns) }

    /// The entry in row i, column j.
    @inlinable
    public subscript(i: Int, j: Int) -> BigInt {
        entries[i * columns + j]
    }

    /// The transpose.
    public var transposed: IntegerMatrix {
        var result = [BigInt]()
        result.reserveCapacity(entries.count)
        for j in 0..<columns {
            for i in 0..<rows { result.append(entries[i * columns + j]) }
        }
        return IntegerMatrix(uncheckedRows: columns, columns: rows, entries: result)
    }

    /// The largest bit length of an entry (0 for an all-zero or empty matrix).
    public var maximumBitLength: Int {
        entries.reduce(0) { max($0, $1.bitLength) }
    }
}
