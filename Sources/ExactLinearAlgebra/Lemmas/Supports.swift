import ExactArithmetic

/// `support` and `support-variability` (MATH sec. 12): the supports
/// S_t = {j : w_t[j] != 0} of given heads (rows of a T x p matrix), their sizes, the
/// union, and the identifiability hypothesis.
public struct Supports: Sendable, Equatable {
    /// p, the number of features.
    public let featureCount: Int
    /// S_t per task, ascending.
    public let supports: [[Int]]
    /// The union of all S_t, ascending.
    public let union: [Int]

    /// Reads the supports off the heads (row t = w_t).
    public init(heads: RationalMatrix) {
        featureCount = heads.columns
        supports = (0..<heads.rows).map { t in (0..<heads.columns).filter { !heads.isZero(t, $0) } }
        var inUnion = [Bool](repeating: false, count: heads.columns)
        for j in supports.joined() { inUnion[j] = true }
        union = inUnion.indices.filter { inUnion[$0] }
    }

    /// |S_t| / p per task (0 when p = 0).
    public var fractions: [Rational] {
        supports.map { featureCount == 0 ? .zero : Rational(BigInt($0.count)) / Rational(featureCount) }
    }

    /// Support variability: for every feature i in the union, the intersection of the
    /// supports that contain i is {i}. Returns nil when it holds, otherwise the first
    /// feature i that fails and a feature j != i in every support containing i.
    public var variabilityViolation: (feature: Int, alsoInEverySupport: Int)? {
        for i in union {
            var common = [Bool](repeating: true, count: featureCount)
            for s in supports where s.contains(i) {
                var member = [Bool](repeating: false, count: featureCount)
                for j in s { member[j] = true }
                for j in 0..<featureCount where !member[j] { common[j] = false }
            }
            if let j = (0..<featureCount).first(where: { $0 != i && common[$0] }) { return (i, j) }
        }
        return nil
    }
}
