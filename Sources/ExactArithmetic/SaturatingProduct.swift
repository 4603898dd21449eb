extension Int {
    /// The product of `factors`, with negative factors counted as 0, or Int.max as soon
    /// as a partial product overflows: an upper bound on the work or size a computation
    /// of these dimensions needs, which a limit check can compare without overflowing.
    public static func saturatingProduct(_ factors: [Int]) -> Int {
        var result = 1
        for f in factors {
            let (p, overflow) = result.multipliedReportingOverflow(by: Swift.max(f, 0))
            if overflow { return Int.max }
            result = p
        }
        return result
    }
}
