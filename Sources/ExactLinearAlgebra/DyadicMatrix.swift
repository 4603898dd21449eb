import ExactArithmetic

/// A matrix of dyadic rationals with a shared exponent per row and per column:
/// entry (i, j) = M[i][j] / 2^(e_i + f_j), M an integer matrix.
///
/// This is how float-derived matrices are written compactly (a float is m 2^e
/// exactly). The kernel reads such a matrix from a certificate and converts it to a
/// ``RationalMatrix`` once; products on machine words of matrices built from dyadic
/// entries are untrusted (`WordDyadicMatrix` in DyadicConstructions). Exponents may be
/// negative (a factor 2^|e|).
public struct DyadicMatrix: Sendable {
    /// The integer mantissas M.
    public let mantissas: IntegerMatrix
    /// The exponent e_i of each row.
    public let rowExponents: [Int]
    /// The exponent f_j of each column.
    public let columnExponents: [Int]

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
            throw .overLimit(limit: .bits("exponent magnitude"), needed: e == Int.min ? Int.max : abs(e), allowed: limits.maximumEntryBits)
        }
        try limits.checkBits(mantissas.maximumBitLength)
        self.mantissas = mantissas
        self.rowExponents = rowExponents
        self.columnExponents = columnExponents
    }

    /// The same matrix as a ``RationalMatrix`` (denominators 2^e; a negative exponent
    /// multiplies the mantissas instead).
    public func rational(limits: MatrixLimits = .standard) throws(MatrixError) -> RationalMatrix {
        let rowShift = rowExponents.map { min($0, 0) }, columnShift = columnExponents.map { min($0, 0) }
        var m = mantissas
        if rowShift.contains(where: { $0 != 0 }) || columnShift.contains(where: { $0 != 0 }) {
            try limits.checkBits(m.maximumBitLength - (rowShift.min() ?? 0) - (columnShift.min() ?? 0))
            for i in 0..<m.rows {
                for j in 0..<m.columns where rowShift[i] + columnShift[j] != 0 {
                    m.entries[i * m.columns + j] <<= -(rowShift[i] + columnShift[j])
                }
            }
        }
        return RationalMatrix(
            unchecked: m,
            rowDenominators: rowExponents.map { BigInt.powerOfTwo(max($0, 0)) },
            columnDenominators: columnExponents.map { BigInt.powerOfTwo(max($0, 0)) })
    }
}
