import Testing
import ExactArithmetic
@testable import DyadicFunctions

/// GramMatrix.firstMismatch decides entries without forming them where it can (integer
/// cell sums for packed functions, disjoint supports for step functions): every stated
/// entry that is wrong by the smallest step is still found, at its position.
@Suite struct GramFastPathTests {
    static let tiny = Rational(1).timesPowerOfTwo(-60)

    /// The Walsh system of level J (brute-force orthonormal by Theorem O), stated
    /// entries perturbed one at a time.
    @Test("packed: Walsh J = 6 identity, perturbed entries found", arguments: [(0, 0), (3, 7), (63, 62), (10, 10)])
    func packedWalsh(row: Int, column: Int) throws {
        let J = 6
        let packed = try (0..<(1 << J)).map { try WalshFunction(index: $0).packed(level: J) }
        #expect(GramMatrix.firstMismatch(packed) { $0 == $1 ? 1 : 0 } == nil)
        for delta in [Self.tiny, -Self.tiny, Rational(1).timesPowerOfTwo(-J), Rational(1)] {
            let m = GramMatrix.firstMismatch(packed) { i, j in (i == j ? 1 : 0) + (i == row && j == column ? delta : 0) }
            #expect(m?.row == row && m?.column == column && m?.value == (row == column ? 1 : 0))
        }
        // One cell of one function flipped: row 5 against every column differs, and
        // (5, 5) stays 1, so the first mismatch is (0, 5)... unless the column is 0..4.
        var words = packed[5].words
        words[0] ^= 1 << 9
        var broken = packed
        broken[5] = try PackedSignFunction(level: J, words: words)
        let m = GramMatrix.firstMismatch(broken) { $0 == $1 ? 1 : 0 }
        #expect(m?.row == 0 && m?.column == 5)
        #expect(m?.value == Rational(2 * packed[0].value(cell: 9) * -packed[5].value(cell: 9)).timesPowerOfTwo(-J))
    }

    /// Haar functions of level J: supports are nested or disjoint. Zero entries stated as
    /// 2^-60, and diagonal entries off by 2^-60, are found.
    @Test("general: Haar J = 5, disjoint and nested supports")
    func generalHaar() throws {
        let J = 5
        var functions = [StepFunction(constant: 1)]
        var norms: [Rational] = [1]
        for j in 0..<J {
            for k in 0..<(1 << j) {
                functions.append(try HaarFunction(level: j, index: k).stepFunction)
                norms.append(Rational(1).timesPowerOfTwo(-j))
            }
        }
        let truth = GramMatrix.general(functions)
        #expect(GramMatrix.firstMismatch(functions) { truth[$0][$1] } == nil)
        let n = functions.count
        for (r, c) in [(3, 4), (5, 6), (n - 1, n - 2), (1, 1), (7, 7), (2, 9)] {
            let m = GramMatrix.firstMismatch(functions) { i, j in truth[i][j] + (i == r && j == c ? Self.tiny : 0) }
            #expect(m?.row == r && m?.column == c && m?.value == truth[r][c])
        }
    }

    /// Supports that touch at one point are disjoint; overlapping by 2^-62 (dyadic) or
    /// by a sliver at non-dyadic ends is not.
    @Test("general: supports touching, barely overlapping, non-dyadic")
    func supports() throws {
        let e = Rational(1).timesPowerOfTwo(-62)
        let half = Rational(1).timesPowerOfTwo(-1)
        let third = Rational(1) / Rational(3)
        for (cut, overlap) in [(half, Rational(0)), (half, e), (third, Rational(0)), (third, e)] {
            let f = try StepFunction(breakpoints: [0, cut + overlap, 1], values: [1, 0])
            let g = try StepFunction(breakpoints: [0, cut, 1], values: [0, 1])
            let expected = overlap // <f, g> = the overlap length
            #expect(
                GramMatrix.firstMismatch([f, g]) { i, j in i == j ? (i == 0 ? cut + overlap : 1 - cut) : expected } == nil,
                "cut \(cut) overlap \(overlap)")
            let m = GramMatrix.firstMismatch([f, g]) { i, j in
                i == j ? (i == 0 ? cut + overlap : 1 - cut) : (overlap.isZero ? Self.tiny : 0)
            }
            #expect(m?.row == 0 && m?.column == 1 && m?.value == expected)
        }
    }
}
