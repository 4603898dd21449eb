import DyadicFunctions
import ExactArithmetic

/// `step-approx-lower`: every step function with at most P breakpoints (hence, by
/// Lemma N1, every Heaviside network with at most P first-layer units) is at
/// sup-distance >= t/2 from a continuous piecewise-linear g (Lemma T).
///
/// Inputs: `function` (g), `max-breakpoints` (P), `threshold` (t > 0). Statement:
/// `distance-at-least` (at most t/2). The kernel runs the strict greedy partition
/// exactly and checks n_<(t) > P + 1. Establishes `distance` >= the stated value.
enum StepApproxLowerRule: TypedRule {
    static let declaration = RuleDeclaration(
        name: .stepApproxLower, lemma: "Lemma T (MATH.md sec. 9)",
        inputs: ["function", "max-breakpoints", "threshold"], statement: ["distance-at-least"])

    struct Claim {
        /// g, the continuous piecewise-linear function, and its name.
        let g: Located<PiecewiseLinear>
        let name: String
        /// P, the most breakpoints a step function may have.
        let maxBreakpoints: Located<BigInt>
        /// t > 0, the strict greedy's threshold.
        let threshold: Rational
        let stated: Located<Rational>
    }

    static func decode(_ claim: CertificateDocument.ClaimEntry, _ context: CheckContext) throws(KernelError) -> Claim {
        let located = try claim.inputs.located("function", context.objects.piecewiseLinear)
        let P = try claim.inputs.located("max-breakpoints", claim.inputs.bigInteger)
        let t = try claim.inputs.rational("threshold")
        let stated = try claim.statement.located("distance-at-least", claim.statement.rational)
        let (g, thresholdPointer) = (located.value, claim.inputs.pointer.appending("threshold"))
        guard P.value.signum >= 0 else { throw .malformed(pointer: P.pointer, expected: "P >= 0", found: P.value.description) }
        guard t.signum > 0 else { throw .malformed(pointer: thresholdPointer, expected: "t > 0", found: t.description) }
        try context.readingContext.checkLimit(.cells, g.pieceCount, at: located.pointer)
        // The strict greedy's intervals, all but the last, each have oscillation t, so there
        // are at most TV(g)/t + 1 of them: bound that before running it (a tiny t would
        // otherwise make it run, and allocate, without end). TV(g) sums |v_end - v_start|
        // over the pieces: charge that sum first (NumberSizes).
        let n = g.pieceCount
        let values = NumberSizes(g.startValues + g.endValues)
        try context.readingContext.chargeWork(n, at: located.pointer)
        try context.readingContext.chargeSum(
            terms: n, termBits: 2 * values.longest + 1, sumBits: values.sumBits(terms: 2 * n), at: located.pointer)
        let variation = Rational.sum((0..<g.pieceCount).map { (g.endValues[$0] - g.startValues[$0]).magnitude })
        let quotient: Rational
        do { quotient = try variation.divided(by: t) } catch {
            throw .malformed(pointer: thresholdPointer, expected: "t > 0", found: t.description)
        }
        let intervals = quotient.floor + BigInt(1)
        guard let bound = intervals.intValue, bound <= context.limits.maximumCells else {
            throw .limitExceeded(
                pointer: thresholdPointer, limit: .cells,
                value: "up to \(Fields.shorten(intervals.description)) greedy intervals",
                maximum: .exceeded(by: intervals, of: .cells, maximum: context.limits.maximumCells))
        }
        try context.readingContext.chargeCells(count: bound, at: thresholdPointer)
        // The sweep's numbers are crossings x + k t / slope and levels v + k t, k <= bound,
        // with x a knot, v a value and slope a difference quotient of both: at most
        // 4 (knot + value + threshold bits) + 128 bits, however many steps it takes.
        let knots = NumberSizes(g.knots)
        let tBits = max(t.numerator.bitLength, t.denominator.bitLength)
        let steps = ReadingContext.product(4, g.pieceCount + bound)
        try context.readingContext.chargeWork(steps, at: thresholdPointer)
        try context.readingContext.chargeGrowth(
            steps: steps, numberBits: 4 * (knots.longest + values.longest + tBits) + 128, at: thresholdPointer)
        return Claim(g: located, name: try claim.inputs.identifier("function"), maxBreakpoints: P, threshold: t, stated: stated)
    }

    static func check(_ claim: Claim, _ context: CheckContext) throws(KernelError) -> RuleResult {
        let (P, t, stated) = (claim.maxBreakpoints.value, claim.threshold, claim.stated.value)
        let summary = "every step function with <= \(P) breakpoints is >= \(stated) from g"
        let partition: GreedyPartition
        do { partition = try GreedyPartition.strict(claim.g.value, threshold: t) } catch {
            return .fails(summary, "Lemma T needs a continuous g: \(error)", at: claim.g.pointer)
        }
        let count = BigInt(partition.intervalCount)
        guard count > P + 1 else {
            return .fails(
                summary, "the strict greedy makes n_<(t) = \(count) intervals, not more than P + 1 = \(P + 1)",
                expected: "n_<(\(t)) > \(P + 1)", computed: "n_<(\(t)) = \(count)", at: claim.maxBreakpoints.pointer)
        }
        let half = t.timesPowerOfTwo(-1)
        guard stated <= half else {
            return .fails(
                summary, "Lemma T gives distance >= t/2 = \(half), not \(stated)",
                expected: "distance-at-least <= \(half)", computed: "t/2 = \(half)", at: claim.stated.pointer)
        }
        let subject = [claim.name]
        return .holds(
            summary,
            [
                Fact(.distance, Meaning(measure: .stepApproximationError, subject: subject, maxBreakpoints: P), .atLeast(stated)),
                Fact(.greedyIntervals, Meaning(measure: .greedyIntervals, subject: subject, threshold: t), .exact(count)),
            ])
    }
}
