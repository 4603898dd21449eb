extension Rational {
    /// The exact sum of many rationals by balanced pairwise (tree) summation.
    ///
    /// Summing left to right makes the running denominator grow with every term, so
    /// each addition costs as much as all earlier terms together (quadratic overall for
    /// terms with unrelated denominators). Pairing neighbours level by level keeps the
    /// operands of each addition balanced, which is much faster; the result is the same
    /// exact value. Each pair is added in place into the left operand's storage.
    public static func sum(_ terms: some Sequence<Rational>) -> Rational {
        var values = Array(terms)
        var count = values.count
        guard count > 0 else { return .zero }
        while count > 1 {
            let half = count / 2
            for i in 0..<half {
                var accumulator = Rational.zero
                swap(&accumulator, &values[2 * i]) // move out, so the storage is unique
                accumulator += values[2 * i + 1]
                values[i] = accumulator
            }
            if count & 1 == 1 { values.swapAt(half, count - 1) }
            count = half + (count & 1)
        }
        return values[0]
    }
}
