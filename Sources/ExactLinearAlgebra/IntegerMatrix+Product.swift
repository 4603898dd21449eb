import ExactArithmetic

// The exact integer matrix product on machine words.
//
// Every entry is split into signed 63-bit digits, x = sum_p x_p 2^(63 p), with
// x_p = sign(x) * (bits 63p .. 63p+62 of |x|), so |x_p| < 2^63 fits an Int64. Then
//   A B = sum_{p,q} 2^(63 (p+q)) A_p B_q,
// and each digit product A_p B_q is a product of Int64 matrices whose dot products are
// accumulated exactly in 128 bits plus a signed overflow count (192 bits in all): one
// 64x64->128-bit multiplication and one 128-bit addition per term, no allocation. The
// digit products are combined into BigInt entries once per output entry. Matrices
// whose entries fit in 63 bits need one digit pass; float-derived mantissas scaled to
// a shared exponent typically two.

extension IntegerMatrix {
    /// Bits per digit: |digit| < 2^63 fits an Int64 with its sign.
    public static let digitBits = 63

    /// Digit `p` of every entry, laid out row-major for `rowMajor`, or column by column
    /// (the transpose) otherwise.
    func digitPlane(_ p: Int, rowMajor: Bool) -> [Int64] {
        var plane = [Int64](repeating: 0, count: entries.count)
        let offset = p * Self.digitBits
        let word = offset / 64, shift = offset % 64
        plane.withUnsafeMutableBufferPointer { plane in
            entries.withUnsafeBufferPointer { entries in
                for i in 0..<rows {
                    for j in 0..<columns {
                        let x = entries[i * columns + j]
                        if x.isZero { continue }
                        var d: UInt64
                        if let v = x.intValue, word == 0 {
                            d = UInt64(v.magnitude) >> UInt64(shift)
                        } else {
                            d = UInt64(x.magnitudeWord(at: word)) >> UInt64(shift)
                            if shift > 1 { d |= UInt64(x.magnitudeWord(at: word + 1)) << UInt64(64 - shift) }
                        }
                        d &= (1 << 63) - 1
                        let digit = Int64(bitPattern: d)
                        plane[rowMajor ? i * columns + j : j * rows + i] = x.signum < 0 ? -digit : digit
                    }
                }
            }
        }
        return plane
    }

    /// The exact product `self * other`.
    ///
    /// - Throws: ``MatrixError/dimensionMismatch(operation:left:right:)`` unless
    ///   `columns == other.rows`; ``MatrixError/overLimit(limit:needed:allowed:)`` when
    ///   the result, its entry bits or the work exceed `limits` (checked first).
    public func multiplied(by other: IntegerMatrix, limits: MatrixLimits = .standard) throws(MatrixError) -> IntegerMatrix {
        guard columns == other.rows else {
            throw .dimensionMismatch(operation: "matrix product", left: shape, right: other.shape)
        }
        let bitsA = maximumBitLength, bitsB = other.maximumBitLength
        try IntegerMatrix.checkProduct(m: rows, k: columns, n: other.columns, bitsA: bitsA, bitsB: bitsB, limits: limits)
        let planesA = (0..<Self.digits(bitsA)).map { digitPlane($0, rowMajor: true) }
        let planesB = (0..<Self.digits(bitsB)).map { other.digitPlane($0, rowMajor: false) }
        return IntegerMatrix.product(planesA: planesA, planesB: planesB, m: rows, k: columns, n: other.columns)
    }

    /// Checks the shape, entry bits and work of an m x k by k x n product first.
    public static func checkProduct(m: Int, k: Int, n: Int, bitsA: Int, bitsB: Int, limits: MatrixLimits) throws(MatrixError) {
        try limits.checkShape(rows: m, columns: n)
        // |C_ij| <= k 2^bitsA 2^bitsB.
        try limits.checkBits(bitsA + bitsB + Int.bitWidth - k.leadingZeroBitCount)
        try limits.checkWork(m, n, k, digits(bitsA), digits(bitsB))
    }

    /// The number of digits of a magnitude of `bits` bits.
    static func digits(_ bits: Int) -> Int { (bits + digitBits - 1) / digitBits }

    /// The product of two matrices given by their digit planes (A's row-major, m x k;
    /// B's column by column, n x k): sum_{p,q} 2^(63 (p+q)) A_p B_q as BigInt entries.
    public static func product(planesA: [[Int64]], planesB: [[Int64]], m: Int, k: Int, n: Int) -> IntegerMatrix {
        var result = IntegerMatrix(uncheckedRows: m, columns: n, entries: Array(repeating: .zero, count: m * n))
        guard m > 0, n > 0, k > 0, !planesA.isEmpty, !planesB.isEmpty else { return result }
        var low = [Int128](repeating: 0, count: m * n)
        var high = [Int](repeating: 0, count: m * n)
        for p in planesA.indices {
            for q in planesB.indices {
                planesA[p].withUnsafeBufferPointer { a in
                    planesB[q].withUnsafeBufferPointer { b in
                        low.withUnsafeMutableBufferPointer { low in
                            high.withUnsafeMutableBufferPointer { high in
                                IntegerMatrix.digitProduct(a, b, m: m, k: k, n: n, low: low, high: high)
                            }
                        }
                    }
                }
                let shift = Self.digitBits * (p + q)
                for index in 0..<(m * n) {
                    let partial = IntegerMatrix.combine(low: low[index], high: high[index])
                    if partial.isZero { continue }
                    let term = shift == 0 ? partial : partial << shift
                    if result.entries[index].isZero { result.entries[index] = term } else { result.entries[index] += term }
                }
            }
        }
        return result
    }

    /// The exact value of a wrapped signed 128-bit sum `low` with `high` signed wraps:
    /// low + high * 2^128.
    @inline(__always)
    static func combine(low: Int128, high: Int) -> BigInt {
        if high == 0 { return BigInt(low) }
        // The true sum is low + high * 2^128, where low is the wrapped 128-bit sum.
        return BigInt(low) + (BigInt(high) << 128)
    }

    /// Adds u v (exact in 128 bits) to the wrapped sum `low`, counting its signed wraps in
    /// `high` (the exact sum is low + high 2^128).
    @inline(__always)
    static func accumulate(_ low: inout Int128, _ high: inout Int, _ u: Int64, _ v: Int64) {
        let (h, l) = u.multipliedFullWidth(by: v)
        let product = Int128(h) << 64 | Int128(l)
        let (sum, overflow) = low.addingReportingOverflow(product)
        low = sum
        if overflow { high += product < 0 ? -1 : 1 }
    }

    /// C = A B for Int64 matrices A (m x k, row-major) and B (given as its transpose,
    /// n x k row-major); each entry is written as a wrapped 128-bit sum `low` and the
    /// signed count of wraps `high` (its exact value is low + high 2^128).
    @inline(never)
    static func digitProduct(
        _ a: UnsafeBufferPointer<Int64>, _ b: UnsafeBufferPointer<Int64>,
        m: Int, k: Int, n: Int,
        low: UnsafeMutableBufferPointer<Int128>, high: UnsafeMutableBufferPointer<Int>
    ) {
        for i in 0..<m {
            let rowA = a.baseAddress! + i * k
            for j in 0..<n {
                let columnB = b.baseAddress! + j * k
                var sum: Int128 = 0
                var wraps = 0
                for l in 0..<k { accumulate(&sum, &wraps, rowA[l], columnB[l]) }
                low[i * n + j] = sum
                high[i * n + j] = wraps
            }
        }
    }
}
