import ExactArithmetic

/// The greedy partitions of MATH.md sec. 9 for a continuous piecewise-linear g and a
/// threshold t > 0, computed exactly (crossings of linear pieces are solutions of
/// linear equations with rational data).
///
/// - The *strict* greedy starts each interval where the previous one ended and ends
///   it at the least b where the oscillation max g - min g on [a, b] reaches t (or at
///   1). Its interval count n_<(t) drives Lemma T: if n_<(t) > P + 1, every step
///   function with at most P breakpoints is at sup-distance >= t/2 from g.
/// - The *non-strict* greedy ends each interval at the largest b where the oscillation
///   is still <= t. Taking (max + min)/2 on each interval gives a step function within
///   t/2 of g (achievability).
public struct GreedyPartition: Sendable, Equatable {
    /// The interval ends a_1 < ... < a_N = 1 (a_0 = 0 is implicit).
    public let ends: [Rational]
    /// (max + min)/2 of g on each closed interval [a_{i-1}, a_i].
    public let centres: [Rational]

    /// The number of intervals N.
    public var intervalCount: Int { ends.count }

    /// The strict greedy partition (stop where the oscillation reaches t).
    public static func strict(_ g: PiecewiseLinear, threshold t: Rational) throws(DyadicFunctionError) -> GreedyPartition {
        try sweep(g, threshold: t, strict: true)
    }

    /// The strict (stop where the oscillation reaches t) or non-strict (stop where it
    /// would exceed t) greedy partition, by one exact sweep over the linear pieces.
    public static func sweep(_ g: PiecewiseLinear, threshold t: Rational, strict: Bool) throws(DyadicFunctionError) -> GreedyPartition {
        guard t.signum > 0 else { throw .invalidParameter("the greedy threshold t must be positive, found \(t)") }
        if let x = g.discontinuity { throw .notContinuous(at: x) }
        var ends: [Rational] = [], centres: [Rational] = []
        var high = g.startValues[0], low = g.startValues[0]
        var piece = 0
        var position = Rational.zero // where the current scan resumes
        var value = g.startValues[0] // g(position)
        while piece < g.pieceCount {
            let end = g.knots[piece + 1]
            let target = g.endValues[piece]
            // Does the oscillation reach (strict) or exceed (non-strict) t on (position, end]?
            var cut: Rational? = nil
            if target > value {
                let level = low + t
                if strict ? target >= level : target > level { cut = level }
            } else if target < value {
                let level = high - t
                if strict ? target <= level : target < level { cut = level }
            }
            if let level = cut {
                // The crossing g(b) = level on this linear piece (value != target here).
                let b = position + (level - value) * (end - position) / (target - value)
                high = max(high, level)
                low = min(low, level)
                ends.append(b)
                centres.append((high + low).timesPowerOfTwo(-1))
                position = b
                value = level
                high = level
                low = level
                if b == end { piece += 1 }
                continue
            }
            high = max(high, target)
            low = min(low, target)
            position = end
            value = target
            piece += 1
        }
        if ends.last != Rational.one {
            ends.append(1)
            centres.append((high + low).timesPowerOfTwo(-1))
        }
        return GreedyPartition(ends: ends, centres: centres)
    }
}
