/// A character of the group of cells: chi_k(c) = (-1)^popcount(k & c) for cells
/// c < 2^J (MATH.md sec. 4, "Walsh functions are characters").
///
/// Two characters are orthogonal unless equal: sum_c chi_k(c) chi_l(c) = sum_c
/// chi_(k xor l)(c), and for m != 0 pairing c with c xor 2^b (b a set bit of m) cancels
/// every term, while for m = 0 every term is 1. So a list of +-chi_k has the Gram
/// matrix s_i s_j [k_i = k_j] (with <f, g> = 2^-J sum_c f(c) g(c)), and recognising each
/// function as a signed character (2^J / 64 word comparisons) decides its whole row of
/// the Gram matrix exactly, instead of 2^J / 64 popcounts per entry.
public struct WalshCharacter: Hashable, Sendable {
    /// The frequency k < 2^J.
    public let frequency: Int
    /// Whether the function is -chi_k (its value on cell 0 is -1).
    public let isNegated: Bool
}

extension PackedSignFunction {
    /// The signed character this function equals on every cell, or nil when it is none.
    ///
    /// If f = s chi_k, then s = f(0) and bit b of k is set exactly when f(2^b) != f(0);
    /// those J + 1 cells fix the only candidate, and every word is then compared with the
    /// candidate's word, so nil means some cell differs from every signed character.
    public var walshCharacter: WalshCharacter? {
        let negated = isNegative(cell: 0)
        var k = 0
        for b in 0..<level where isNegative(cell: 1 << b) != negated { k |= 1 << b }
        // Within a word (cells 64 w + t, t < 64), popcount(k & c) = popcount(k & 64 w)
        // + popcount(k & t): one pattern for t, flipped when the word's part is odd.
        let low = k & 63
        var pattern: UInt64 = 0
        for t in 0..<64 where (low & t).nonzeroBitCount & 1 == 1 { pattern |= 1 << UInt64(t) }
        let cellsInWord = Swift.min(cellCount, 64)
        let mask: UInt64 = cellsInWord == 64 ? ~0 : (1 << UInt64(cellsInWord)) - 1
        let base = (negated ? ~pattern : pattern) & mask
        for (w, word) in words.enumerated() {
            let flipped = (k & (w << 6)).nonzeroBitCount & 1 == 1
            guard word == (flipped ? ~base & mask : base) else { return nil }
        }
        return WalshCharacter(frequency: k, isNegated: negated)
    }
}
