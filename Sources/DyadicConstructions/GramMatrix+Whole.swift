import DyadicFunctions
import ExactArithmetic

// Whole Gram matrices, for the benchmarks (W2) and the tests. The `gram` rule only
// compares a stated matrix entry by entry (`GramMatrix.firstMismatch(_:stated:)`), so
// these stay outside the trusted base; they use the same exact paths.

extension GramMatrix {
    /// The general path: every entry by a merge of breakpoints.
    public static func general(_ functions: [StepFunction]) -> [[Rational]] {
        let path = Path.general(functions, supports: Supports(functions))
        return matrix(path, count: functions.count)
    }

    /// +-1 functions of one level, by XOR and popcount.
    public static func of(_ functions: [PackedSignFunction]) -> [[Rational]] {
        matrix(.packed(functions), count: functions.count)
    }

    /// Dyadic functions of one level, by integer mantissa sums.
    public static func of(_ functions: [DenseDyadicFunction]) -> [[Rational]] {
        matrix(.dense(functions), count: functions.count)
    }

    /// The cheapest exact path for these step functions.
    public static func of(_ functions: [StepFunction]) -> [[Rational]] {
        matrix(path(for: functions), count: functions.count)
    }

    /// The first entry (in row-major order) whose exact value differs from
    /// `expected(i, j)`, or nil when the whole matrix matches.
    public static func firstMismatch(_ functions: [StepFunction], expected: @escaping @Sendable (Int, Int) -> Rational) -> (
        row: Int, column: Int, value: Rational
    )? {
        firstMismatch(functions, stated: .entries(expected))
    }

    /// `firstMismatch` for +-1 functions of one level.
    public static func firstMismatch(_ functions: [PackedSignFunction], expected: @escaping @Sendable (Int, Int) -> Rational) -> (
        row: Int, column: Int, value: Rational
    )? {
        firstMismatch(functions, stated: .entries(expected))
    }

    /// <f_i, f_j> = <f_j, f_i> exactly on every path, so only the entries with j >= i
    /// are computed and the others mirrored.
    static func matrix(_ path: Path, count: Int) -> [[Rational]] {
        let upper = Parallel.map(count: count, work: count * (count + 1) / 2 * path.workPerEntry) { i in
            (i..<count).map { path.entry(i, $0) }
        }
        return (0..<count).map { i in (0..<count).map { j in j >= i ? upper[i][j - i] : upper[j][i - j] } }
    }
}
