import ExactArithmetic

/// Exact Gram matrices G_ij = <f_i, f_j> (MATH.md sec. 2; the `gram` rule).
///
/// Three exact paths compute the same rationals: the general merge of breakpoints (with
/// a shortcut for functions whose supports are disjoint), XOR and popcount for +-1
/// functions of one level, and integer mantissa sums for dyadic functions of one level.
/// For step functions the cheapest path that applies is chosen from the functions'
/// sizes. `firstMismatch` checks a stated matrix entry by entry without materialising
/// it (no symmetry is assumed); rows are split across cores when the work is large.
/// Whole matrices (`GramMatrix.of`, `GramMatrix.general`) are untrusted conveniences in
/// DyadicConstructions.
public enum GramMatrix {
    /// The first entry (in row-major order) that differs from the stated matrix, or nil.
    public static func firstMismatch(_ functions: [StepFunction], stated: StatedGram) -> (row: Int, column: Int, value: Rational)? {
        firstMismatch(path(for: functions), count: functions.count, stated: stated)
    }

    /// `firstMismatch(_:stated:)` for +-1 functions of one level.
    public static func firstMismatch(_ functions: [PackedSignFunction], stated: StatedGram) -> (row: Int, column: Int, value: Rational)? {
        firstMismatch(.packed(functions), count: functions.count, stated: stated)
    }

    // MARK: - Paths

    package enum Path: Sendable {
        case packed([PackedSignFunction])
        case dense([DenseDyadicFunction])
        case general([StepFunction], supports: Supports)

        package func entry(_ i: Int, _ j: Int) -> Rational {
            switch self {
            case .packed(let f): return f[i].innerProduct(with: f[j])
            case .dense(let f): return f[i].innerProduct(with: f[j])
            case .general(let f, let supports):
                guard supports.overlap(i, j) else { return .zero }
                return f[i].innerProduct(with: f[j])
            }
        }

        /// Whether entry (i, j) equals `expected`, without forming the entry as a
        /// rational when it is an integer count (packed) and `expected` is zero.
        func entry(_ i: Int, _ j: Int, equals expected: Rational) -> Bool {
            switch self {
            case .packed(let f):
                let sum = f[i].cellSum(with: f[j])
                return expected.isZero ? sum == 0 : Dyadic(mantissa: BigInt(sum), exponent: f[i].level).rational == expected
            case .general, .dense:
                return entry(i, j) == expected
            }
        }

        /// For each row i, the sorted columns j (always including i) outside which
        /// <f_i, f_j> is certainly 0, when that is known cheaply: for signed Walsh
        /// characters, the rows of the same frequency (``WalshCharacter``); for multiples
        /// of Haar functions, the rows of the same Haar function (``HaarIndex``); for other
        /// step functions with integer-scaled supports, the rows whose supports overlap
        /// row i's. Nil otherwise, or when the overlapping pairs are too many to list.
        func nonzeroColumns() -> [[Int]]? {
            switch self {
            case .packed(let f):
                guard let frequencies = f.mapAll({ $0.walshCharacter?.frequency }) else { return nil }
                return GramMatrix.columns(ofEqual: frequencies)
            case .general(let f, let supports):
                guard let indices = f.mapAll(\.haarIndex) else { return supports.overlappingColumns(maximumPairs: 1 << 24) }
                return GramMatrix.columns(ofEqual: indices)
            case .dense:
                return nil
            }
        }

        /// Elementary operations per entry, roughly.
        package var workPerEntry: Int {
            switch self {
            case .packed(let f): return f.first.map { $0.words.count } ?? 1
            case .dense(let f): return f.first.map { $0.mantissas.count } ?? 1
            case .general(let f, _): return 8 * max(1, f.reduce(0) { $0 + $1.pieceCount } / max(f.count, 1))
            }
        }
    }

    /// For each i, the sorted indices j with keys[j] == keys[i] (i among them).
    static func columns<Key: Hashable>(ofEqual keys: [Key]) -> [[Int]] {
        var rowsOf: [Key: [Int]] = [:]
        for (i, key) in keys.enumerated() { rowsOf[key, default: []].append(i) }
        return keys.map { rowsOf[$0, default: []] }
    }

    /// Packed or dense forms when the functions are dense enough for them to pay off.
    package static func path(for functions: [StepFunction]) -> Path {
        let general = Path.general(functions, supports: Supports(functions))
        // No functions, or one that is not dyadic: the general path.
        guard let level = functions.mapAll(\.dyadicLevel)?.max(), level <= DenseDyadicFunction.maximumLevel else { return general }
        let averagePieces = functions.reduce(0) { $0 + $1.pieceCount } / functions.count
        if functions.allSatisfy(\.isSignValued), averagePieces * 512 >= 1 << level,
            let packed = try? functions.map({ f throws(DyadicFunctionError) in try PackedSignFunction(f, level: level) })
        {
            return .packed(packed)
        }
        if averagePieces * 16 >= 1 << level,
            let dense = try? functions.map({ f throws(DyadicFunctionError) in try DenseDyadicFunction(f, level: level) })
        {
            return .dense(dense)
        }
        return general
    }

    /// Every entry is compared, except where the stated matrix is diagonal and the
    /// path knows a set of columns per row outside which the computed entry is 0
    /// (``Path/nonzeroColumns()``): there only those columns and the diagonal are
    /// compared, since elsewhere both matrices are 0. The first mismatch of a row is the
    /// same either way.
    static func firstMismatch(_ path: Path, count: Int, stated: StatedGram) -> (row: Int, column: Int, value: Rational)? {
        let rows: [(Int, Rational)?]
        if case .diagonal = stated, let columns = path.nonzeroColumns() {
            let work = columns.reduce(0) { $0 + $1.count } * path.workPerEntry
            rows = Parallel.map(count: count, work: work) { firstMismatch(path, stated, row: $0, columns: columns[$0]) }
        } else {
            rows = Parallel.map(count: count, work: count * count * path.workPerEntry) {
                firstMismatch(path, stated, row: $0, columns: 0..<count)
            }
        }
        for (i, row) in rows.enumerated() { if let (j, value) = row { return (i, j, value) } }
        return nil
    }

    /// The first of `columns` at which row i differs from the stated matrix, and the entry there.
    static func firstMismatch(_ path: Path, _ stated: StatedGram, row i: Int, columns: some Sequence<Int>) -> (Int, Rational)? {
        for j in columns where !path.entry(i, j, equals: stated.entry(i, j)) { return (j, path.entry(i, j)) }
        return nil
    }
}

/// A stated Gram matrix: diagonal (every off-diagonal entry 0; the identity when every
/// diagonal entry is 1), or every entry given by a function of (row, column).
public enum StatedGram: Sendable {
    case diagonal([Rational])
    case entries(@Sendable (Int, Int) -> Rational)

    /// The stated entry (i, j).
    public func entry(_ i: Int, _ j: Int) -> Rational {
        switch self {
        case .diagonal(let d): i == j ? d[i] : .zero
        case .entries(let e): e(i, j)
        }
    }
}

/// The supports of a list of step functions, also as integers (start 2^62, end 2^62)
/// when every end is dyadic of level at most 62, so that disjointness is two integer
/// comparisons.
package struct Supports: Sendable {
    let exact: [(start: Rational, end: Rational)?]
    let scaled: [(start: Int, end: Int)]?

    package init(_ functions: [StepFunction]) {
        exact = functions.map(\.support)
        func integer(_ t: Rational) -> Int? {
            guard let e = t.dyadicExponent, e <= 62, let n = t.numerator.intValue else { return nil }
            return n << (62 - e)
        }
        scaled = exact.mapAll { support -> (start: Int, end: Int)? in
            guard let support else { return (Int.max, Int.min) } // empty: overlaps nothing
            guard let a = integer(support.start), let b = integer(support.end) else { return nil }
            return (a, b)
        }
    }

    /// For each function i, the sorted indices j whose supports overlap i's, with i
    /// itself; nil without integer supports or with more than `maximumPairs` pairs.
    ///
    /// Sorted by start, a function p overlaps exactly the later q with start_q < end_p
    /// (start_q >= start_p, and every listed support is non-empty), so each pair is found
    /// once by scanning forward from p.
    func overlappingColumns(maximumPairs: Int) -> [[Int]]? {
        guard let scaled else { return nil }
        let order = scaled.indices.filter { scaled[$0].start < scaled[$0].end }.sorted { scaled[$0].start < scaled[$1].start }
        var columns = scaled.indices.map { [$0] }
        var pairs = 0
        for (position, p) in order.enumerated() {
            for q in order[(position + 1)...] {
                guard scaled[q].start < scaled[p].end else { break }
                pairs += 1
                guard pairs <= maximumPairs else { return nil }
                columns[p].append(q)
                columns[q].append(p)
            }
        }
        return columns.map { $0.sorted() }
    }

    /// Whether the supports of functions i and j intersect in more than a point.
    func overlap(_ i: Int, _ j: Int) -> Bool {
        if let scaled { return scaled[i].start < scaled[j].end && scaled[j].start < scaled[i].end }
        guard let a = exact[i], let b = exact[j] else { return false }
        return a.start < b.end && b.start < a.end
    }
}

extension StepFunction {
    /// The smallest interval [start, end) outside which the function is zero: from the
    /// first to the end of the last piece with a nonzero value; nil for the zero function.
    var support: (start: Rational, end: Rational)? {
        guard let first = values.firstIndex(where: { !$0.isZero }), let last = values.lastIndex(where: { !$0.isZero }) else { return nil }
        return (breakpoints[first], breakpoints[last + 1])
    }
}
