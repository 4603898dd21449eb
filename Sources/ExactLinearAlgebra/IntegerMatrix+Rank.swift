import ExactArithmetic

extension IntegerMatrix {
    /// The exact rank, by fraction-free (Bareiss) elimination over the integers.
    ///
    /// Every intermediate entry is a minor of the matrix, so the divisions by the
    /// previous pivot are exact and no fractions appear; entries stay at most
    /// min(rows, columns) times as long as the input's. The matrix is transposed
    /// first when that makes the rows fewer (the rank is the same).
    ///
    /// - Throws: ``MatrixError/overLimit(limit:needed:allowed:)`` when
    ///   rows x columns x min(rows, columns) digit operations exceed the work limit.
    public func rank(limits: MatrixLimits = .standard) throws(MatrixError) -> Int {
        if rows > columns { return try transposed.rank(limits: limits) }
        let m = rows, n = columns
        let bits = maximumBitLength
        // Bareiss entries are minors of order <= m: at most m (bits + log2 m) bits.
        let minorBits = m * (bits + Int.bitWidth - max(m, 1).leadingZeroBitCount)
        try limits.checkBits(minorBits, "rank: minor bits")
        try limits.checkWork(m, n, m, 1 + minorBits / 64)
        var a = entries
        var rank = 0
        var previousPivot = BigInt(1)
        for column in 0..<n where rank < m {
            guard let pivotRow = (rank..<m).first(where: { !a[$0 * n + column].isZero }) else { continue }
            if pivotRow != rank {
                for j in column..<n { a.swapAt(pivotRow * n + j, rank * n + j) }
            }
            let pivot = a[rank * n + column]
            for i in (rank + 1)..<m {
                let factor = a[i * n + column]
                for j in (column + 1)..<n {
                    var x = a[i * n + j] * pivot
                    x.subtractProduct(factor, a[rank * n + j])
                    a[i * n + j] = previousPivot == 1 ? x : x.exactlyDivided(by: previousPivot)
                }
                a[i * n + column] = .zero
            }
            previousPivot = pivot
            rank += 1
        }
        return rank
    }
}
