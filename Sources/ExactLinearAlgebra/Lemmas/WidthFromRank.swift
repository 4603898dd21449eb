import ExactArithmetic

/// `width-from-rank` (MATH sec. 11, Lemma RW): a shallow network with K active units
/// and output bias c that interpolates (X, Y) has K >= rank(Y - c 1^T) >= rank(Y) - 1,
/// since V Phi = Y - c 1^T is a sum of K rank-one matrices. The second bound holds for
/// every shallow ReLU network, whatever its weights.
public struct WidthFromRank: Sendable, Equatable {
    /// rank(Y), exactly.
    public let targetRank: Int
    /// max(rank(Y) - 1, 0): no interpolating shallow network has fewer units.
    public var universalLowerBound: Int { max(targetRank - 1, 0) }
    /// rank(Y - c 1^T) for a given output bias c, when one was given.
    public let centredRank: Int?

    /// Computes the ranks of Y (D x N) and, with an output bias c (D), of Y - c 1^T.
    ///
    /// - Throws: on a bias of the wrong length, or when the rank computation is over
    ///   the limits (checked before any elimination).
    public init(targets: RationalMatrix, outputBias: [Rational]? = nil, limits: MatrixLimits = .standard) throws(MatrixError) {
        targetRank = try targets.rank(limits: limits)
        if let outputBias {
            centredRank = try targets.addingToEveryColumn(outputBias.map { -$0 }, limits: limits).rank(limits: limits)
        } else {
            centredRank = nil
        }
    }
}
