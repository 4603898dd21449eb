import Dispatch
import ExactArithmetic

/// Exact Gram matrices G_ij = <f_i, f_j> (MATH.md sec. 2; the `gram` rule).
///
/// Three exact paths compute the same rationals: the general merge of breakpoints for
/// any step functions, XOR and popcount for +-1 functions of one level, and integer
/// mantissa sums for dyadic functions of one level. ``of(_:)-(StepFunction)`` picks the
/// fastest path that applies. All D^2 entries are computed, rows split across cores
/// when the work is large.
public enum GramMatrix {
    /// The general path: every entry by a merge of breakpoints.
    public static func general(_ functions: [StepFunction]) -> [[Rational]] {
        rows(count: functions.count, work: functions.reduce(0) { $0 + $1.pieceCount } * functions.count) { i in
            functions.map { functions[i].innerProduct(with: $0) }
        }
    }

    /// +-1 functions of one level, by XOR and popcount.
    public static func of(_ functions: [PackedSignFunction]) -> [[Rational]] {
        let words = functions.first.map { $0.words.count } ?? 0
        return rows(count: functions.count, work: words * functions.count * functions.count) { i in
            functions.map { functions[i].innerProduct(with: $0) }
        }
    }

    /// Dyadic functions of one level, by integer mantissa sums.
    public static func of(_ functions: [DenseDyadicFunction]) -> [[Rational]] {
        let cells = functions.first.map { $0.mantissas.count } ?? 0
        return rows(count: functions.count, work: cells * functions.count * functions.count) { i in
            functions.map { functions[i].innerProduct(with: $0) }
        }
    }

    /// The fastest exact path that applies to these step functions.
    public static func of(_ functions: [StepFunction]) -> [[Rational]] {
        let levels = functions.compactMap(\.dyadicLevel)
        if levels.count == functions.count, let level = levels.max(), level <= DenseDyadicFunction.maximumLevel,
           functions.reduce(0, { $0 + $1.pieceCount }) * 4 >= (1 << level) {
            if functions.allSatisfy(\.isSignValued),
               let packed = try? functions.map({ f throws(DyadicFunctionError) in try PackedSignFunction(f, level: level) }) {
                return of(packed)
            }
            if let dense = try? functions.map({ f throws(DyadicFunctionError) in try DenseDyadicFunction(f, level: level) }) {
                return of(dense)
            }
        }
        return general(functions)
    }

    /// Computes `row(i)` for every i, in parallel when `work` is large.
    static func rows(count: Int, work: Int, _ row: @escaping @Sendable (Int) -> [Rational]) -> [[Rational]] {
        guard count > 1 && work >= 1 << 22 else { return (0..<count).map(row) }
        let results = ResultSlots<[Rational]>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { i in results.set(i, row(i)) }
        return results.values
    }
}

/// Write-once result slots filled from concurrent iterations (each index written
/// exactly once, read only after all writers have finished).
final class ResultSlots<Value>: @unchecked Sendable {
    private let pointer: UnsafeMutablePointer<Value?>
    private let count: Int

    init(count: Int) {
        self.count = count
        pointer = .allocate(capacity: count)
        pointer.initialize(repeating: nil, count: count)
    }

    func set(_ index: Int, _ value: Value) { pointer[index] = value }

    var values: [Value] {
        (0..<count).map { i in
            guard let value = pointer[i] else { preconditionFailure("ResultSlots: slot \(i) was not filled") }
            return value
        }
    }

    deinit {
        pointer.deinitialize(count: count)
        pointer.deallocate()
    }
}
