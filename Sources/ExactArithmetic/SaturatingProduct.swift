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

    /// a + b for a, b >= 0, or Int.max when the sum overflows (for work bounds).
    public static func saturatingSum(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? Int.max : sum
    }
}
