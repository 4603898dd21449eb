import ExactArithmetic
import Synchronization

/// Per-certificate state while reading and checking: the limits, and the budget of
/// cells that dense objects have used so far (checked before each allocation). Claims
/// may be checked concurrently, so the budget is behind a lock.
package final class ReadingContext: Sendable {
    package let limits: VerificationLimits
    private let used = Mutex(0)
    private let work = Mutex(0)
    private let largestNumberBits = Mutex(0)

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
        try charge(count, to: used, .cells, at: pointer)
    }

    /// Charges `steps` of work to the certificate's budget before doing them, each at
    /// ``stepCost``, or throws the work limit. Products of sizes are computed with
    /// saturation by the callers.
    package func chargeWork(_ steps: Int, at pointer: JSONPointer) throws(KernelError) {
        try charge(Int.saturatingProduct([steps, stepCost]), to: work, .work, at: pointer)
    }

    /// Charges `steps` steps on numbers the work itself forms, of up to `numberBits` bits,
    /// beyond the ordinary charge of those steps (``chargeWork(_:at:)``, which the caller
    /// makes): (ceil(numberBits / 256))^2 each when numberBits > 256, nothing otherwise.
    package func chargeGrowth(steps: Int, numberBits: Int, at pointer: JSONPointer) throws(KernelError) {
        let words = Self.words(numberBits)
        guard words > 1 else { return }
        try charge(Int.saturatingProduct([steps, words, words]), to: work, .work, at: pointer)
    }

    /// Charges an exact balanced sum (``Rational/sum(_:)``) of `terms` terms of at most
    /// `termBits` bits whose partial sums have at most `sumBits` bits, on top of the step
    /// per term its caller charges; nothing while every partial sum fits in 256 bits.
    ///
    /// With B and S the 256-bit words of a term and of a partial sum, the additions l
    /// levels above the terms are terms / 2^l, each on operands of at most min(S, 2^l B)
    /// words, at a cost of min(S, 2^l B)^2. The levels with 2^l B <= S add up to at most
    /// 2 terms B S, the others to at most 2 terms S^2 / 2^l' < 2 terms B S, where l' is
    /// the first of them: 4 terms B S in all.
    package func chargeSum(terms: Int, termBits: Int, sumBits: Int, at pointer: JSONPointer) throws(KernelError) {
        let (b, s) = (Self.words(termBits), Self.words(max(termBits, sumBits)))
        guard s > 1 else { return }
        try charge(Int.saturatingProduct([4, terms, b, s]), to: work, .work, at: pointer)
    }

    /// The 256-bit words of a number of `bits` bits, at least 1.
    static func words(_ bits: Int) -> Int { max(1, (bits + stepBits - 1) / stepBits) }

    /// Notes a number read from the certificate, by its bit length (of the longer of its
    /// numerator and denominator).
    package func noteNumber(bits: Int) {
        largestNumberBits.withLock { $0 = max($0, bits) }
    }

    /// The numbers of one step are at most ``stepBits`` bits long; a step on longer ones
    /// costs more.
    package static let stepBits = 256

    /// What one step costs in units of `--max-work`: 1 while every number read so far has
    /// at most ``stepBits`` bits, and (ceil(b / stepBits))^2 once the longest has b bits,
    /// since a product or gcd of b-bit numbers takes about b^2 word operations. A step may
    /// touch the certificate's longest numbers: without this, a gram claim over 10,000-digit
    /// values took minutes within a budget meant for seconds.
    package var stepCost: Int {
        let k = Self.words(largestNumberBits.withLock { $0 })
        return k * k
    }

    /// Adds `amount` to `budget` if the total stays within the limit `kind`; otherwise adds
    /// nothing and throws the limit with the total it would have reached. An amount of
    /// Int.max is a saturated product: the total is then more than any setting admits.
    private func charge(_ amount: Int, to budget: borrowing Mutex<Int>, _ kind: LimitKind, at pointer: JSONPointer)
        throws(KernelError)
    {
        let maximum = limits.value(of: kind)
        let before: Int? = budget.withLock { total in
            guard amount >= 0, amount <= maximum - total else { return total }
            total += amount
            return nil
        }
        guard let before else { return }
        let (total, overflow) = before.addingReportingOverflow(max(amount, 0))
        let unbounded = overflow || amount == Int.max
        throw .limitExceeded(
            pointer: pointer, limit: kind, value: unbounded ? "more than \(maximum)" : String(total),
            maximum: unbounded ? .pastLargestSetting(maximum) : .exceeded(by: BigInt(total), of: kind, maximum: maximum))
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
                maximum: .exceeded(by: BigInt(value), of: kind, maximum: maximum))
        }
    }

    /// Checks a level J against the level limit.
    package func checkLevel(_ level: Int, at pointer: JSONPointer) throws(KernelError) { try checkLimit(.level, level, at: pointer) }

    /// Checks a level J that the object's form holds to `largest` whatever the flags (as
    /// ``Fields/integer(_:in:limit:)`` does for a level written in the file), then the level limit.
    package func checkLevel(_ level: Int, largest: Int, at pointer: JSONPointer) throws(KernelError) {
        guard level <= largest else {
            throw .limitExceeded(
                pointer: pointer, limit: .level, value: String(level),
                maximum: .fixed("\(min(largest, limits.maximumLevel)); \(LimitKind.level.noSettingAdmits(moreThan: largest)) here"))
        }
        try checkLevel(level, at: pointer)
    }
}
