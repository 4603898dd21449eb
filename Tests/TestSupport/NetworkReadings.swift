import DyadicFunctions
import ExactArithmetic

// Readings of a network that only the tests use, written on the public API of
// DyadicFunctions: the kernel reads a network through `realisedFunctions` and
// `firstMismatch`, so the tests read the piece values off the realised functions.

extension NetworkEvaluator {
    /// The outputs on every piece of Lemma N1, in piece order: each realised step
    /// function's value at the piece's midpoint.
    public func outputsOnPieces() -> [[Rational]] {
        let functions = realisedFunctions(), cuts = pieceBoundaries
        return (0..<(cuts.count - 1)).map { p in
            let midpoint = (cuts[p] + cuts[p + 1]).timesPowerOfTwo(-1)
            return functions.map { f in
                do { return try f.value(at: midpoint) } catch { preconditionFailure("a piece midpoint lies in [0, 1)") }
            }
        }
    }
}

extension HeavisideNetwork {
    /// The piece boundaries of Lemma N1: 0, the first-layer thresholds inside (0, 1)
    /// in increasing order without repeats, and 1.
    public var pieceBoundaries: [Rational] { NetworkEvaluator(self).pieceBoundaries }
}
