import ExactArithmetic

/// lcm(a, b) for positive a, b, with its size checked first.
func leastCommonMultiple(_ a: BigInt, _ b: BigInt, limits: MatrixLimits) throws(MatrixError) -> BigInt {
    if a == b || b == 1 { return a }
    if a == 1 { return b }
    try limits.checkBits(a.bitLength + b.bitLength, "common denominator bits")
    return BigInt.lcm(a, b)
}

/// The least common multiple of positive integers (1 for none).
func leastCommonMultiple(_ values: [BigInt], limits: MatrixLimits) throws(MatrixError) -> BigInt {
    var result = BigInt(1)
    for v in values where !result.isMultiple(of: v) { result = try leastCommonMultiple(result, v, limits: limits) }
    return result
}

/// n / d reduced, for a denominator that is positive by construction (a product of
/// positive denominators); a zero denominator would be a bug here, not bad input.
func fraction(_ n: BigInt, _ d: BigInt) -> Rational {
    do { return try Rational(numerator: n, denominator: d) } catch { preconditionFailure("ExactLinearAlgebra: zero denominator") }
}

extension RationalMatrix {
    /// The exact product `self * other`.
    ///
    /// With t_l = c_l r'_l (this matrix's column denominators times the other's row
    /// denominators) and L = lcm(t_l), column l of N is multiplied by L / t_l; then
    /// (A B)[i][j] = (N' N'')[i][j] / ((r_i L) c''_j), one integer product.
    ///
    /// - Throws: on non-conforming shapes or when a limit would be exceeded.
    public func multiplied(by other: RationalMatrix, limits: MatrixLimits = .standard) throws(MatrixError) -> RationalMatrix {
        guard columns == other.rows else {
            throw .dimensionMismatch(operation: "matrix product", left: shape, right: other.shape)
        }
        let inner = try zip(columnDenominators, other.rowDenominators).map { c, r throws(MatrixError) in
            try limits.checkBits(c.bitLength + r.bitLength, "common denominator bits")
            return c == 1 ? r : (r == 1 ? c : c * r)
        }
        let common = try leastCommonMultiple(inner, limits: limits)
        var left = numerators
        if inner.contains(where: { $0 != common }) {
            let factors = inner.map { common.exactlyDivided(by: $0) }
            try limits.checkBits(left.maximumBitLength + factors.reduce(0) { max($0, $1.bitLength) })
            for i in 0..<rows {
                for l in 0..<columns where factors[l] != 1 { left.entries[i * columns + l] *= factors[l] }
            }
        }
        let product = try left.multiplied(by: other.numerators, limits: limits)
        var rowDenominators = self.rowDenominators
        if common != 1 {
            try limits.checkBits(rowDenominators.reduce(0) { max($0, $1.bitLength) } + common.bitLength, "common denominator bits")
            rowDenominators = rowDenominators.map { $0 * common }
        }
        return RationalMatrix(unchecked: product, rowDenominators: rowDenominators, columnDenominators: other.columnDenominators)
    }

    /// self - other, on common denominators lcm(r_i, r'_i) and lcm(c_j, c'_j).
    public func subtracting(_ other: RationalMatrix, limits: MatrixLimits = .standard) throws(MatrixError) -> RationalMatrix {
        guard shape == other.shape else { throw .dimensionMismatch(operation: "matrix difference", left: shape, right: other.shape) }
        let rowsL = try zip(rowDenominators, other.rowDenominators).map { a, b throws(MatrixError) in
            try leastCommonMultiple(a, b, limits: limits)
        }
        let columnsL = try zip(columnDenominators, other.columnDenominators).map { a, b throws(MatrixError) in
            try leastCommonMultiple(a, b, limits: limits)
        }
        func factors(_ common: [BigInt], _ own: [BigInt]) -> [BigInt] { zip(common, own).map { $0 == $1 ? 1 : $0.exactlyDivided(by: $1) } }
        let rf = factors(rowsL, rowDenominators), cf = factors(columnsL, columnDenominators)
        let rg = factors(rowsL, other.rowDenominators), cg = factors(columnsL, other.columnDenominators)
        let growth = [rf, cf, rg, cg].map { $0.reduce(0) { max($0, $1.bitLength) } }.reduce(0, +)
        // One bit for the difference, and one for each coefficient of 1 self + (-1) other
        // (the bound this check has always used).
        try limits.checkBits(max(numerators.maximumBitLength, other.numerators.maximumBitLength) + growth + 3)
        var result = [BigInt]()
        result.reserveCapacity(rows * columns)
        for i in 0..<rows {
            for j in 0..<columns {
                var x = numerators[i, j]
                if rf[i] != 1 { x *= rf[i] }
                if cf[j] != 1 { x *= cf[j] }
                var y = other.numerators[i, j]
                if rg[i] != 1 { y *= rg[i] }
                if cg[j] != 1 { y *= cg[j] }
                result.append(x - y)
            }
        }
        return RationalMatrix(
            unchecked: IntegerMatrix(uncheckedRows: rows, columns: columns, entries: result),
            rowDenominators: rowsL, columnDenominators: columnsL)
    }

    /// The first entry (i, j), row by row, where self and other differ, with both values.
    package func firstDifference(from other: RationalMatrix, limits: MatrixLimits = .standard) throws(MatrixError) -> (
        row: Int, column: Int, left: Rational, right: Rational
    )? {
        let difference = try subtracting(other, limits: limits)
        for i in 0..<rows {
            for j in 0..<columns where !difference.isZero(i, j) { return (i, j, self[i, j], other[i, j]) }
        }
        return nil
    }

    /// self + b 1^T: the column vector b (one entry per row) added to every column.
    public func addingToEveryColumn(_ b: [Rational], limits: MatrixLimits = .standard) throws(MatrixError) -> RationalMatrix {
        guard b.count == rows else {
            throw .dimensionMismatch(
                operation: "adding a column to every column", left: shape, right: MatrixShape(rows: b.count, columns: 1))
        }
        // N_ij / (r_i c_j) + p_i / q_i = (N_ij (r'_i / r_i) + p_i (r'_i / q_i) c_j) / (r'_i c_j), r'_i = lcm(r_i, q_i).
        var result = numerators.entries
        var newRows = rowDenominators
        let numeratorBits = numerators.maximumBitLength
        let columnBits = columnDenominators.reduce(0) { max($0, $1.bitLength) }
        for i in 0..<rows where !b[i].isZero {
            let r = rowDenominators[i], q = b[i].denominator
            let common = try leastCommonMultiple(r, q, limits: limits)
            let f = common == r ? BigInt(1) : common.exactlyDivided(by: r)
            let p = b[i].numerator * (common == q ? BigInt(1) : common.exactlyDivided(by: q))
            try limits.checkBits(max(numeratorBits + f.bitLength, p.bitLength + columnBits) + 1)
            for j in 0..<columns {
                // Move the entry out so its GMP storage is unique and updated in place.
                var x = BigInt.zero
                swap(&x, &result[i * columns + j])
                if f != 1 { x *= f }
                let c = columnDenominators[j]
                if c == 1 { x += p } else { x.addProduct(p, c) }
                result[i * columns + j] = x
            }
            newRows[i] = common
        }
        return RationalMatrix(
            unchecked: IntegerMatrix(uncheckedRows: rows, columns: columns, entries: result),
            rowDenominators: newRows, columnDenominators: columnDenominators)
    }

    /// The entrywise ReLU r(x) = max(x, 0) (denominators are positive, so it acts on
    /// the numerators alone).
    public var relu: RationalMatrix {
        var n = numerators
        for index in n.entries.indices where n.entries[index].signum < 0 { n.entries[index] = .zero }
        return RationalMatrix(unchecked: n, rowDenominators: rowDenominators, columnDenominators: columnDenominators)
    }

    /// ||row i||^2 for every row: sum_j N_ij^2 (C / c_j)^2 / (r_i C)^2 with C = lcm(c_j).
    public func rowSquaredNorms(limits: MatrixLimits = .standard) throws(MatrixError) -> [Rational] {
        let common = try leastCommonMultiple(columnDenominators, limits: limits)
        let factors = columnDenominators.map { $0 == common ? BigInt(1) : common.exactlyDivided(by: $0) }
        try limits.checkBits(2 * (numerators.maximumBitLength + factors.reduce(0) { max($0, $1.bitLength) }) + 64)
        var result = [Rational]()
        result.reserveCapacity(rows)
        for i in 0..<rows {
            var sum = BigInt.zero
            for j in 0..<columns {
                let x = numerators[i, j]
                if x.isZero { continue }
                let y = factors[j] == 1 ? x : x * factors[j]
                sum.addProduct(y, y)
            }
            let d = rowDenominators[i] * common
            result.append(fraction(sum, d * d))
        }
        return result
    }

    /// ||column j||^2 for every column.
    public func columnSquaredNorms(limits: MatrixLimits = .standard) throws(MatrixError) -> [Rational] {
        try transposed.rowSquaredNorms(limits: limits)
    }

    /// ||A||_F^2, the sum of the squares of all entries.
    public func squaredFrobeniusNorm(limits: MatrixLimits = .standard) throws(MatrixError) -> Rational {
        Rational.sum(try rowSquaredNorms(limits: limits))
    }

    /// The Frobenius inner product <A, B> = sum_ij A_ij B_ij.
    public func frobeniusInnerProduct(_ other: RationalMatrix, limits: MatrixLimits = .standard) throws(MatrixError) -> Rational {
        guard shape == other.shape else {
            throw .dimensionMismatch(operation: "Frobenius inner product", left: shape, right: other.shape)
        }
        // Column j carries 1 / (c_j c'_j); bring every column to S = lcm_j(c_j c'_j).
        let columnProducts = try zip(columnDenominators, other.columnDenominators).map { c, d throws(MatrixError) in
            try limits.checkBits(c.bitLength + d.bitLength, "common denominator bits")
            return c * d
        }
        let common = try leastCommonMultiple(columnProducts, limits: limits)
        let factors = columnProducts.map { $0 == common ? BigInt(1) : common.exactlyDivided(by: $0) }
        try limits.checkBits(
            numerators.maximumBitLength + other.numerators.maximumBitLength + factors.reduce(0) { max($0, $1.bitLength) } + 64)
        var terms = [Rational]()
        terms.reserveCapacity(rows)
        for i in 0..<rows {
            var sum = BigInt.zero
            for j in 0..<columns {
                let x = numerators[i, j], y = other.numerators[i, j]
                if x.isZero || y.isZero { continue }
                sum.addProduct(factors[j] == 1 ? x : x * factors[j], y)
            }
            if sum.isZero { continue }
            let d = rowDenominators[i] * other.rowDenominators[i] * common
            terms.append(fraction(sum, d))
        }
        return Rational.sum(terms)
    }

    /// The exact rank (of the numerators: scaling rows and columns by nonzero numbers
    /// does not change the rank), by fraction-free elimination.
    public func rank(limits: MatrixLimits = .standard) throws(MatrixError) -> Int {
        try numerators.rank(limits: limits)
    }
}
