import ExactArithmetic

/// The exact sup-norm distance ||f - g||_inf between two step functions, with where
/// it is attained (MATH.md sec. 2: an essential supremum, which for step functions is
/// the maximum of |f - g| over the pieces of the common refinement).
public struct SupDistance: Sendable, Equatable {
    /// max over refined pieces of |f - g|.
    public let value: Rational
    /// The left end of the first (leftmost) refined piece on which |f - g| = value.
    public let witness: Rational
    /// The number of pieces of the common refinement.
    public let refinedPieceCount: Int

    /// A distance from its parts (the fixed-width sweep outside the kernel builds one).
    public init(value: Rational, witness: Rational, refinedPieceCount: Int) {
        self.value = value
        self.witness = witness
        self.refinedPieceCount = refinedPieceCount
    }
}

extension StepFunction {
    /// ||f - g||_inf over the common refinement, exactly.
    ///
    /// Pieces whose two values have word-sized numerators and denominators are handled
    /// without allocation: the difference is kept as an unreduced 128-bit fraction and
    /// compared with the running maximum by exact 256-bit cross multiplication. Any
    /// other piece uses `Rational` arithmetic. Both paths compute the same exact value.
    public func supDistance(to g: StepFunction) -> SupDistance {
        var maximum = RunningMaximum()
        StepFunction.forEachRefinedPiece(breakpoints, g.breakpoints) { start, _, i, j in
            maximum.offer(values[i], g.values[j], at: start)
        }
        return maximum.distance
    }
}

/// The running maximum of |a - b| over a sweep, first occurrence kept. Its two word
/// helpers are public for the fixed-width sweep of the W3 benchmark.
public struct RunningMaximum {
    /// The best so far as an unreduced fraction n/d (d > 0) while every candidate was wide.
    var wideNumerator: UInt128 = 0
    var wideDenominator: UInt128 = 1
    /// The best so far as an exact rational once some candidate was not wide.
    var exact: Rational? = nil
    var witness = Rational.zero
    /// The number of candidates offered (the refined pieces).
    var count = 0

    mutating func offer(_ a: Rational, _ b: Rational, at x: Rational) {
        if exact == nil, let p = a.numerator.intValue, let q = a.denominator.intValue,
            let r = b.numerator.intValue, let s = b.denominator.intValue
        {
            // |p/q - r/s| = |p s - r q| / (q s); |p s|, |r q| < 2^126.
            let difference = Int128(p) * Int128(s) - Int128(r) * Int128(q)
            let n = difference.magnitude, d = UInt128(q) * UInt128(s)
            if count == 0 || RunningMaximum.isGreater(n, d, than: wideNumerator, wideDenominator) {
                wideNumerator = n
                wideDenominator = d
                witness = x
            }
            count += 1
            return
        }
        offerExact((a - b).magnitude, at: x)
    }

    mutating func offerExact(_ candidate: Rational, at x: Rational) {
        defer { count += 1 }
        if exact == nil && count > 0 {
            exact = RunningMaximum.reduce(wideNumerator, wideDenominator)
        }
        // exact is nil here only for the first candidate.
        if let best = exact, !(candidate > best) { return }
        exact = candidate
        witness = x
    }

    /// The maximum, where it is first attained, and the number of candidates.
    var distance: SupDistance {
        SupDistance(value: exact ?? RunningMaximum.reduce(wideNumerator, wideDenominator), witness: witness, refinedPieceCount: count)
    }

    /// n1/d1 > n2/d2 for positive denominators, by exact 256-bit products.
    public static func isGreater(_ n1: UInt128, _ d1: UInt128, than n2: UInt128, _ d2: UInt128) -> Bool {
        let left = n1.multipliedFullWidth(by: d2)
        let right = n2.multipliedFullWidth(by: d1)
        return left.high > right.high || (left.high == right.high && left.low > right.low)
    }

    /// n/d in canonical form (Rational's constructor reduces it).
    public static func reduce(_ n: UInt128, _ d: UInt128) -> Rational {
        guard let value = try? Rational(numerator: BigInt(n), denominator: BigInt(d)) else { preconditionFailure("d > 0") }
        return value
    }
}
