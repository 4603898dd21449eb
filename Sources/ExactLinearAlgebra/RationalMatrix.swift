import ExactArithmetic

/// A matrix of exact rationals, held as an integer matrix with a positive
/// denominator per row and per column: entry (i, j) = N[i][j] / (r_i c_j).
///
/// The form is not reduced (equal matrices may have different numerators); every
/// operation works on the integers and reduces only the entries it returns. Products
/// clear the inner denominators once (a least common multiple per product, not a gcd
/// per term) and run on ``IntegerMatrix``'s word kernel. A float-derived (dyadic)
/// matrix has powers of two as denominators; see ``DyadicMatrix``.
public struct RationalMatrix: Sendable {
    /// The integer numerators N.
    public let numerators: IntegerMatrix
    /// The positive denominator r_i of each row.
    public let rowDenominators: [BigInt]
    /// The positive denominator c_j of each column.
    public let columnDenominators: [BigInt]

    /// Number of rows.
    public var rows: Int { numerators.rows }
    /// Number of columns.
    public var columns: Int { numerators.columns }
    /// The shape rows x columns.
    public var shape: MatrixShape { numerators.shape }

    /// Wraps parts whose sizes and signs the caller has checked.
    package init(unchecked numerators: IntegerMatrix, rowDenominators: [BigInt], columnDenominators: [BigInt]) {
        assert(rowDenominators.count == numerators.rows && columnDenominators.count == numerators.columns)
        self.numerators = numerators
        self.rowDenominators = rowDenominators
        self.columnDenominators = columnDenominators
    }

    /// The rows x columns matrix with the given entries, row by row.
    ///
    /// Each row gets the least common multiple of its entries' denominators.
    /// - Throws: on a wrong entry count, or when a row's common denominator or a scaled
    ///   numerator would exceed the entry bit limit (checked before it is formed).
    public init(rows: Int, columns: Int, entries: [Rational], limits: MatrixLimits = .standard) throws(MatrixError) {
        try limits.checkShape(rows: rows, columns: columns)
        guard entries.count == rows * columns else {
            throw .invalidShape(rows: rows, columns: columns, entryCount: entries.count)
        }
        var numerators = [BigInt]()
        numerators.reserveCapacity(entries.count)
        var rowDenominators = [BigInt]()
        rowDenominators.reserveCapacity(rows)
        for i in 0..<rows {
            var denominator = BigInt(1)
            for j in 0..<columns {
                let q = entries[i * columns + j].denominator
                if q == 1 || denominator.isMultiple(of: q) { continue }
                try limits.checkBits(denominator.bitLength + q.bitLength, "row denominator bits")
                denominator = denominator * q.exactlyDivided(by: BigInt.gcd(denominator, q))
            }
            for j in 0..<columns {
                let x = entries[i * columns + j]
                let numerator = denominator == 1 ? x.numerator : x.numerator * denominator.exactlyDivided(by: x.denominator)
                try limits.checkBits(numerator.bitLength)
                numerators.append(numerator)
            }
            rowDenominators.append(denominator)
        }
        self.init(
            unchecked: IntegerMatrix(uncheckedRows: rows, columns: columns, entries: numerators),
            rowDenominators: rowDenominators,
            columnDenominators: Array(repeating: 1, count: columns))
    }

    /// The m x 1 column with the given entries.
    public static func column(_ entries: [Rational], limits: MatrixLimits = .standard) throws(MatrixError) -> RationalMatrix {
        try RationalMatrix(rows: entries.count, columns: 1, entries: entries, limits: limits)
    }

    /// The entry in row i, column j, in canonical form.
    public subscript(i: Int, j: Int) -> Rational {
        let n = numerators[i, j]
        if n.isZero { return .zero }
        let r = rowDenominators[i], c = columnDenominators[j]
        let q = c == 1 ? r : (r == 1 ? c : r * c)
        return fraction(n, q)
    }

    /// Row i as canonical rationals.
    public func row(_ i: Int) -> [Rational] { (0..<columns).map { self[i, $0] } }

    /// Column j as canonical rationals.
    public func column(_ j: Int) -> [Rational] { (0..<rows).map { self[$0, j] } }

    /// Every entry, row by row, in canonical form.
    public var entries: [Rational] { (0..<(rows * columns)).map { self[$0 / columns, $0 % columns] } }

    /// True when entry (i, j) is zero.
    public func isZero(_ i: Int, _ j: Int) -> Bool { numerators[i, j].isZero }

    /// The transpose.
    public var transposed: RationalMatrix {
        RationalMatrix(unchecked: numerators.transposed, rowDenominators: columnDenominators, columnDenominators: rowDenominators)
    }
}
