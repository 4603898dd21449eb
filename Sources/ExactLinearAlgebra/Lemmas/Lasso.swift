import ExactArithmetic

/// The lasso for one task (MATH sec. 12, Lemmas LD and LS), all rational:
/// P(w) = (1/(2n)) ||y - X w||^2 + lambda ||w||_1 and
/// D(theta) = theta . y - (n/2) ||theta||^2 for ||X^T theta||_inf <= lambda,
/// with features X (n x p, row i = sample i), targets y (n), head w (p), dual theta (n).
public enum Lasso {
    /// Why a lasso certificate fails.
    public enum Violation: Sendable, Equatable {
        /// |x_j . theta| > lambda: theta is not dual feasible (feature j).
        case dualInfeasible(feature: Int, correlation: Rational, lambda: Rational)
        /// P(w) - D(theta) > delta.
        case gapTooLarge(gap: Rational, delta: Rational)
    }

    public struct GapResult: Sendable, Equatable {
        public let samples: Int
        public let lambda: Rational
        /// P(w), exactly.
        public let primalValue: Rational
        /// D(theta), exactly.
        public let dualValue: Rational
        /// P(w) - D(theta) >= P(w) - P* >= 0 (Lemma LD).
        public var gap: Rational { primalValue - dualValue }
        public let delta: Rational
        /// x_j . theta per feature.
        public let correlations: [Rational]
        /// ||x_j||^2 per feature (empty when `checkGap` was asked not to compute them).
        public let featureSquaredNorms: [Rational]
        public let violation: Violation?
    }

    /// Lemma LD: theta feasible and P(w) - D(theta) <= delta.
    ///
    /// - Throws: on non-conforming shapes, a lambda that is not positive, or over a limit.
    /// `featureNorms: false` leaves out ||x_j||^2, which only screening needs (a pass over X).
    public static func checkGap(
        features x: RationalMatrix, targets y: [Rational], head w: [Rational], dual theta: [Rational],
        lambda: Rational, delta: Rational, featureNorms: Bool = true, limits: MatrixLimits = .standard
    ) throws(MatrixError) -> GapResult {
        guard lambda.signum > 0 else { throw .invalidArgument("lasso: lambda must be positive, not \(lambda)") }
        let n = x.rows, p = x.columns
        guard y.count == n, theta.count == n, w.count == p else {
            throw .dimensionMismatch(
                operation: "lasso: X is n x p, y and theta have n entries, w has p",
                left: x.shape, right: MatrixShape(rows: y.count, columns: w.count))
        }
        guard n > 0 else { throw .invalidShape(rows: n, columns: p, entryCount: 0) }
        // X w, X^T theta and (when asked) ||x_j||^2: in one pass over X when its entries
        // fit machine words (`fusedPass`), otherwise by exact matrix products.
        let xw: [Rational], correlations: [Rational], norms: [Rational]
        if let f = try fusedPass(x, head: w, dual: theta, norms: featureNorms, limits: limits) {
            (xw, correlations, norms) = (f.xw, f.correlations, f.norms)
        } else {
            // w as a column with one common denominator (the transpose of a 1 x p row), so
            // that X's numerators enter the product unscaled.
            let row = try RationalMatrix(rows: 1, columns: p, entries: w, limits: limits)
            xw = try x.multiplied(by: row.transposed, limits: limits).column(0)
            correlations = try Lasso.correlations(x, RationalMatrix.column(theta, limits: limits), limits: limits)
            norms = featureNorms ? try Lasso.columnSquaredNorms(x, limits: limits) : []
        }
        let residual = zip(y, xw).map { $0 - $1 }
        let primal = Rational.sum(residual.map { $0 * $0 }) / Rational(2 * n) + lambda * Rational.sum(w.map(\.magnitude))
        let thetaSquared = Rational.sum(theta.map { $0 * $0 })
        let dual = Rational.sum(zip(theta, y).map { $0 * $1 }) - Rational(n) * thetaSquared.timesPowerOfTwo(-1)
        var violation: Violation? = nil
        if let j = correlations.firstIndex(where: { $0.magnitude > lambda }) {
            violation = .dualInfeasible(feature: j, correlation: correlations[j], lambda: lambda)
        } else if primal - dual > delta {
            violation = .gapTooLarge(gap: primal - dual, delta: delta)
        }
        return GapResult(
            samples: n, lambda: lambda, primalValue: primal, dualValue: dual, delta: delta,
            correlations: correlations, featureSquaredNorms: norms, violation: violation)
    }

    /// x_j . theta for every feature j, as the 1 x p product theta^T X: X is read column
    /// by column for the word kernel instead of being transposed as a matrix of BigInts.
    ///
    /// - Throws: unless theta is an n x 1 column, or over a limit.
    public static func correlations(_ x: RationalMatrix, _ theta: RationalMatrix, limits: MatrixLimits = .standard) throws(MatrixError)
        -> [Rational]
    {
        guard theta.rows == x.rows, theta.columns == 1 else {
            throw .dimensionMismatch(
                operation: "lasso: X^T theta needs theta with one entry per row of X", left: x.shape, right: theta.shape)
        }
        return try theta.transposed.multiplied(by: x, limits: limits).row(0)
    }

    /// ||x_j||^2 for every column j of X. When every row of X has the same denominator
    /// r and every numerator fits a machine word, sum_i N_ij^2 is one exact 192-bit dot
    /// product per column with the word kernel's accumulation (no BigInt per entry),
    /// divided by (r c_j)^2; otherwise the general exact path.
    public static func columnSquaredNorms(_ x: RationalMatrix, limits: MatrixLimits = .standard) throws(MatrixError) -> [Rational] {
        let numerators = x.numerators
        let n = x.rows, p = x.columns
        let bits = numerators.maximumBitLength
        guard n > 0, p > 0, bits <= IntegerMatrix.digitBits, let r = x.rowDenominators.first, x.rowDenominators.allSatisfy({ $0 == r })
        else {
            return try x.columnSquaredNorms(limits: limits)
        }
        try limits.checkBits(2 * (bits + r.bitLength) + Int.bitWidth - n.leadingZeroBitCount)
        let plane = numerators.digitPlane(0, rowMajor: false), r2 = r * r
        return plane.withUnsafeBufferPointer { plane in
            (0..<p).map { j in
                var low: Int128 = 0, high = 0
                for i in (j * n)..<((j + 1) * n) { IntegerMatrix.accumulate(&low, &high, plane[i], plane[i]) }
                let c = x.columnDenominators[j]
                return fraction(IntegerMatrix.combine(low: low, high: high), c == 1 ? r2 : r2 * c * c)
            }
        }
    }

    /// The results of `fusedPass`: X w (empty without a head), X^T theta, and ||x_j||^2
    /// (empty unless asked for).
    public struct FusedProducts: Sendable, Equatable {
        public let xw: [Rational]
        public let correlations: [Rational]
        public let norms: [Rational]
    }

    /// X w, X^T theta and the column norms ||x_j||^2 in one pass over X, exactly, for
    /// X = N / (r c) with one denominator r for all rows and one c for all columns and
    /// every numerator a machine word (as for a float-derived X on one grid); nil
    /// otherwise (the caller takes the general path). w and theta are brought to common
    /// denominators D_w, D_theta, whose numerators must be words too. Every product of
    /// two words is exact in 128 bits and the sums are kept as a wrapped 128-bit value
    /// plus a count of wraps, as in the word kernel of the matrix product; then
    /// (X w)_i = sum_j N_ij a_j / (r c D_w), (X^T theta)_j = sum_i N_ij b_i / (r c D_theta)
    /// and ||x_j||^2 = sum_i N_ij^2 / (r c)^2. A pass reads each entry of X once instead
    /// of once per product.
    ///
    /// - Throws: over a limit (the bits of the sums and denominators).
    public static func fusedPass(
        _ x: RationalMatrix, head w: [Rational]?, dual theta: [Rational], norms wantNorms: Bool,
        limits: MatrixLimits = .standard
    ) throws(MatrixError) -> FusedProducts? {
        let n = x.rows, p = x.columns
        guard n > 0, p > 0, theta.count == n, (w?.count ?? p) == p,
            let r = x.rowDenominators.first, x.rowDenominators.allSatisfy({ $0 == r }),
            let c = x.columnDenominators.first, x.columnDenominators.allSatisfy({ $0 == c })
        else { return nil }
        guard let (b, dTheta) = try wordNumerators(theta, limits: limits) else { return nil }
        var head: (numerators: [Int64], denominator: BigInt)? = nil
        if let w {
            guard let h = try wordNumerators(w, limits: limits) else { return nil }
            head = h
        }
        let a = head?.numerators ?? []
        // |sum| < n 2^126; denominators r c D.
        try limits.checkBits(128 + Int.bitWidth - n.leadingZeroBitCount)
        try limits.checkBits(r.bitLength + c.bitLength + max(dTheta.bitLength, head?.denominator.bitLength ?? 0, r.bitLength + c.bitLength))
        let hasHead = w != nil
        var xwLow = [Int128](repeating: 0, count: hasHead ? n : 0), xwHigh = [Int](repeating: 0, count: hasHead ? n : 0)
        var cLow = [Int128](repeating: 0, count: p), cHigh = [Int](repeating: 0, count: p)
        var nLow = [Int128](repeating: 0, count: wantNorms ? p : 0), nHigh = [Int](repeating: 0, count: wantNorms ? p : 0)
        let complete: Bool = x.numerators.entries.withUnsafeBufferPointer { entries in
            for i in 0..<n {
                let bi = b[i]
                var rowLow: Int128 = 0, rowHigh = 0
                for j in 0..<p {
                    guard let value = entries[i * p + j].intValue else { return false }
                    if value == 0 { continue }
                    let v = Int64(value)
                    if hasHead, a[j] != 0 { IntegerMatrix.accumulate(&rowLow, &rowHigh, v, a[j]) }
                    if bi != 0 { IntegerMatrix.accumulate(&cLow[j], &cHigh[j], v, bi) }
                    if wantNorms { IntegerMatrix.accumulate(&nLow[j], &nHigh[j], v, v) }
                }
                if hasHead { (xwLow[i], xwHigh[i]) = (rowLow, rowHigh) }
            }
            return true
        }
        guard complete else { return nil }
        let rc = r * c
        let xw = hasHead ? (0..<n).map { fraction(IntegerMatrix.combine(low: xwLow[$0], high: xwHigh[$0]), rc * head!.denominator) } : []
        let correlations = (0..<p).map { fraction(IntegerMatrix.combine(low: cLow[$0], high: cHigh[$0]), rc * dTheta) }
        let norms = wantNorms ? (0..<p).map { fraction(IntegerMatrix.combine(low: nLow[$0], high: nHigh[$0]), rc * rc) } : []
        return FusedProducts(xw: xw, correlations: correlations, norms: norms)
    }

    /// The numerators of `values` on their least common denominator D, when every one
    /// fits a machine word; nil otherwise.
    static func wordNumerators(_ values: [Rational], limits: MatrixLimits) throws(MatrixError) -> (
        numerators: [Int64], denominator: BigInt
    )? {
        let d = try leastCommonMultiple(values.map(\.denominator), limits: limits)
        var result = [Int64]()
        result.reserveCapacity(values.count)
        for v in values {
            let scaled = v.denominator == d ? v.numerator : v.numerator * d.exactlyDivided(by: v.denominator)
            guard let word = scaled.intValue else { return nil }
            result.append(Int64(word))
        }
        return (result, d)
    }
}
