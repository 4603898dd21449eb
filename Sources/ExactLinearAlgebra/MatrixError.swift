import ExactArithmetic

/// Why an exact matrix operation cannot be carried out.
///
/// Every size is checked before any storage is allocated or GMP is called, so a
/// hostile input ends in one of these errors, never in a trap or an abort.
public enum MatrixError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The operands' dimensions do not conform (`operation` says which check failed).
    case dimensionMismatch(operation: String, left: MatrixShape, right: MatrixShape)
    /// A dimension or count is negative, or the entry list has the wrong length.
    case invalidShape(rows: Int, columns: Int, entryCount: Int)
    /// The operation would exceed a limit of ``MatrixLimits`` (`needed` is the amount).
    case overLimit(limit: MatrixLimit, needed: Int, allowed: Int)
    /// An argument is out of its range (lambda <= 0, a negative tolerance, an index out of
    /// range, a denominator that is not positive): thrown instead of trapping, so that
    /// input-reachable bad values end in a located error.
    case invalidArgument(String)

    public var description: String {
        switch self {
        case .dimensionMismatch(let operation, let l, let r):
            return "\(operation): dimensions do not conform (\(l) and \(r))"
        case .invalidShape(let rows, let columns, let count):
            return "a \(rows) x \(columns) matrix needs \(max(rows, 0) &* max(columns, 0)) entries, got \(count)"
        case .overLimit(let limit, let needed, let allowed):
            return "\(limit): needs \(needed), the limit is \(allowed)"
        case .invalidArgument(let what):
            return what
        }
    }
}

/// Which limit of ``MatrixLimits`` an operation would exceed.
public enum MatrixLimit: Equatable, Sendable, CustomStringConvertible {
    /// ``MatrixLimits/maximumEntries``.
    case entries
    /// ``MatrixLimits/maximumWork``.
    case work
    /// ``MatrixLimits/maximumEntryBits``, by a bit length of what the text names (an entry,
    /// an exponent's magnitude, a common denominator).
    case bits(String)

    public var description: String {
        switch self {
        case .entries: return "matrix entries"
        case .work: return "matrix work"
        case .bits(let what): return what
        }
    }
}

/// The shape of a matrix: rows x columns.
public struct MatrixShape: Equatable, Hashable, Sendable, CustomStringConvertible {
    public let rows: Int
    public let columns: Int

    public init(rows: Int, columns: Int) {
        self.rows = rows
        self.columns = columns
    }

    public var description: String { "\(rows) x \(columns)" }
}

/// Resource limits of the exact matrix operations, checked before any work.
///
/// The defaults are sized for the checks of MATH sec. 11-12 at the scale of the
/// issue's acceptance targets (N = 1000 points, K = 2000 units): a 2000 x 1000
/// feature matrix has 2 million entries, and a product of it with a 10 x 2000 output
/// layer costs 2 x 10^7 multiply-adds per pair of 63-bit digits.
public struct MatrixLimits: Sendable, Equatable {
    /// The largest number of entries of any matrix built or produced.
    public var maximumEntries: Int
    /// The largest bit length of any entry (mantissa, numerator or denominator), at most
    /// `BigInt.maximumBitWidth`: exponents and shifts checked against it go to
    /// `BigInt.powerOfTwo` and `<<`, whose preconditions stop at that width.
    public var maximumEntryBits: Int
    /// The largest number of word multiply-adds of one product (digits included).
    public var maximumWork: Int

    public init(maximumEntries: Int = 1 << 25, maximumEntryBits: Int = 1 << 16, maximumWork: Int = 1 << 34) {
        self.maximumEntries = maximumEntries
        self.maximumEntryBits = min(maximumEntryBits, BigInt.maximumBitWidth)
        self.maximumWork = maximumWork
    }

    /// The defaults.
    public static let standard = MatrixLimits()

    /// Throws unless a rows x columns matrix fits the entry limit (and the sizes are sane).
    public func checkShape(rows: Int, columns: Int) throws(MatrixError) {
        guard rows >= 0, columns >= 0 else { throw .invalidShape(rows: rows, columns: columns, entryCount: 0) }
        let (count, overflow) = rows.multipliedReportingOverflow(by: columns)
        guard !overflow, count <= maximumEntries else {
            throw .overLimit(limit: .entries, needed: overflow ? Int.max : count, allowed: maximumEntries)
        }
    }

    /// Throws unless `bits` fits the entry bit limit.
    public func checkBits(_ bits: Int, _ what: String = "entry bits") throws(MatrixError) {
        guard bits <= maximumEntryBits else { throw .overLimit(limit: .bits(what), needed: bits, allowed: maximumEntryBits) }
    }

    /// Throws unless `a * b * c` (saturating) fits the work limit.
    public func checkWork(_ factors: Int...) throws(MatrixError) {
        var total = 1
        for f in factors {
            let (p, o) = total.multipliedReportingOverflow(by: max(f, 0))
            total = o ? Int.max : p
        }
        guard total <= maximumWork else { throw .overLimit(limit: .work, needed: total, allowed: maximumWork) }
    }
}
