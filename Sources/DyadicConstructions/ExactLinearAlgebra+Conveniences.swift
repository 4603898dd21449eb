import ExactArithmetic
import ExactLinearAlgebra

// Constructors, predicates and products of the exact matrices that no verdict uses:
// the generator, the solvers, the benchmarks and the tests call them. Written on the
// public (or package) API of ExactLinearAlgebra, outside the trusted base.

extension IntegerMatrix {
    /// True when every entry is zero.
    public var isZero: Bool { entries.allSatisfy(\.isZero) }
}

extension RationalMatrix {
    /// N / (r c^T) from its parts.
    ///
    /// - Throws: when the counts do not match the shape or a denominator is not positive.
    public init(numerators: IntegerMatrix, rowDenominators: [BigInt], columnDenominators: [BigInt]) throws(MatrixError) {
        guard rowDenominators.count == numerators.rows, columnDenominators.count == numerators.columns else {
            throw .invalidShape(rows: numerators.rows, columns: numerators.columns, entryCount: rowDenominators.count)
        }
        guard rowDenominators.allSatisfy({ $0.signum > 0 }), columnDenominators.allSatisfy({ $0.signum > 0 }) else {
            throw .invalidArgument("a row or column denominator is not positive")
        }
        self.init(unchecked: numerators, rowDenominators: rowDenominators, columnDenominators: columnDenominators)
    }

    /// The rows x columns matrix with entries given as rows (each of length `columns`).
    public init(_ rowsOfEntries: [[Rational]], columns: Int, limits: MatrixLimits = .standard) throws(MatrixError) {
        guard rowsOfEntries.allSatisfy({ $0.count == columns }) else {
            throw .invalidShape(rows: rowsOfEntries.count, columns: columns, entryCount: rowsOfEntries.reduce(0) { $0 + $1.count })
        }
        try self.init(rows: rowsOfEntries.count, columns: columns, entries: rowsOfEntries.flatMap { $0 }, limits: limits)
    }

    /// The integer matrix N as a rational matrix.
    public init(_ integers: IntegerMatrix) {
        self.init(
            unchecked: integers,
            rowDenominators: Array(repeating: 1, count: integers.rows),
            columnDenominators: Array(repeating: 1, count: integers.columns))
    }

    /// The sign of entry (i, j): denominators are positive.
    public func signum(_ i: Int, _ j: Int) -> Int { numerators[i, j].signum }

    /// True when every entry is zero.
    public var isZero: Bool { numerators.isZero }

    /// The matrix times a column vector x, as canonical rationals.
    public func multiplied(by vector: [Rational], limits: MatrixLimits = .standard) throws(MatrixError) -> [Rational] {
        try multiplied(by: RationalMatrix.column(vector, limits: limits), limits: limits).column(0)
    }

    /// The matrix restricted to the given rows, in the given order.
    public func selectingRows(_ indices: [Int]) -> RationalMatrix {
        var entries = [BigInt]()
        entries.reserveCapacity(indices.count * columns)
        for i in indices { entries.append(contentsOf: numerators.entries[(i * columns)..<((i + 1) * columns)]) }
        return RationalMatrix(
            unchecked: IntegerMatrix(uncheckedRows: indices.count, columns: columns, entries: entries),
            rowDenominators: indices.map { rowDenominators[$0] }, columnDenominators: columnDenominators)
    }
}

extension ShallowReLUNetwork {
    /// ||v_k||^2 for every unit.
    public func outputWeightSquaredNorms(limits: MatrixLimits = .standard) throws(MatrixError) -> [Rational] {
        try outputWeights.columnSquaredNorms(limits: limits)
    }

    /// ||w_k||^2 for every unit (biases are not penalised).
    public func inputWeightSquaredNorms(limits: MatrixLimits = .standard) throws(MatrixError) -> [Rational] {
        try inputWeights.rowSquaredNorms(limits: limits)
    }
}

extension Lasso.GapResult {
    /// Both conditions of Lemma LD hold.
    public var holds: Bool { violation == nil }
}

extension MultiTaskLasso.ConstrainedResult {
    /// Every condition of Lemma MD holds.
    public var holds: Bool { violation == nil }
}

extension MultiTaskLasso.PenalisedResult {
    /// Every condition of Lemma PD holds.
    public var holds: Bool { violation == nil }
}

extension WeightDecay.Result {
    /// Every stated bound is valid.
    public var holds: Bool { upperViolation == nil && lowerViolation == nil }
}
