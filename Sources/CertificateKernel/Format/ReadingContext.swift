import ExactArithmetic
import Synchronization

/// Per-certificate state while reading and checking: the limits, and the budget of
/// cells that dense objects have used so far (checked before each allocation). Claims
/// may be checked concurrently, so the budget is behind a lock.
package final class ReadingContext: Sendable {
    package let limits: VerificationLimits
    private let used = Mutex(0)
    private let work = Mutex(0)

    package init(limits: VerificationLimits) {
        self.limits = limits
    }

    /// Charges 2^level cells to the certificate's budget, or throws the cell limit.
    package func chargeCells(level: Int, at pointer: JSONPointer) throws(KernelError) {
        try checkLevel(level, at: pointer)
        try chargeCells(count: 1 << level, at: pointer)
    }

    /// Charges `count` cells (for objects that are not one dense level-J function).
    package func chargeCells(count: Int, at pointer: JSONPointer) throws(KernelError) {
        let maximum = limits.maximumCells
        if let before = ReadingContext.charge(count, to: used, maximum: maximum) {
            let (total, overflow) = before.addingReportingOverflow(max(count, 0))
            throw .limitExceeded(
                pointer: pointer, limit: .cells, value: overflow ? "more than \(maximum)" : String(total), maximum: .raisable(maximum))
        }
    }

    /// Charges `steps` of work to the certificate's budget before doing them, or throws
    /// the work limit. Products of sizes are computed with saturation by the callers.
    package func chargeWork(_ steps: Int, at pointer: JSONPointer) throws(KernelError) {
        let maximum = limits.maximumWork
        if let before = ReadingContext.charge(steps, to: work, maximum: maximum) {
            let value =
                steps == Int.max
                ? "more than \(maximum)" : before > Int.max - max(steps, 0) ? "more than \(maximum)" : String(before + max(steps, 0))
            throw .limitExceeded(pointer: pointer, limit: .work, value: value, maximum: .raisable(maximum))
        }
    }

    /// Adds `amount` to `budget` if the total stays within `maximum`; otherwise adds
    /// nothing and returns the total before.
    private static func charge(_ amount: Int, to budget: borrowing Mutex<Int>, maximum: Int) -> Int? {
        budget.withLock { total in
            guard amount >= 0, amount <= maximum - total else { return total }
            total += amount
            return nil
        }
    }

    /// a * b * c, saturating at Int.max (for work estimates).
    package static func product(_ factors: Int...) -> Int { Int.saturatingProduct(factors) }

    /// Checks `value` against the limit `kind` in force; the message names the value as
    /// `described` (the number itself by default).
    package func checkLimit(
        _ kind: LimitKind, _ value: Int, described: @autoclosure () -> String? = nil, at pointer: JSONPointer
    ) throws(KernelError) {
        let maximum = limits.value(of: kind)
        guard value <= maximum else {
            throw .limitExceeded(
                pointer: pointer, limit: kind, value: described() ?? String(value),
                maximum: value > kind.largestSetting ? .pastLargestSetting(maximum) : .raisable(maximum))
        }
    }

    /// Checks a level J against the level limit.
    package func checkLevel(_ level: Int, at pointer: JSONPointer) throws(KernelError) { try checkLimit(.level, level, at: pointer) }
}
