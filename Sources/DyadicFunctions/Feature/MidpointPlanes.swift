/// The midpoint indices m(c) of the balanced feature u_sigma, stored by bit planes:
/// plane b packs bit b of m(c) for every cell c of level J (bit c % 64 of word c / 64).
///
/// The planes come straight from the sign tree, a word at a time. With balanced
/// amplitudes, m(c) = NOT(c XOR mask(c >> 1)) on J bits, where bit J-1-j of the path
/// mask is neg(sigma(j, c >> (J-j))) (``SignTree/pathMasks()``). So bit b of m(c), with
/// j = J-1-b, is NOT(bit b of c XOR neg(sigma(j, c >> (b+1)))): in a word of 64 cells,
/// bit b of c is a fixed pattern, and the 2^(b+1) cells under one level-j node share its
/// sign. Building a plane costs O(2^J / 64 + 2^j) word operations, not one per cell.
struct MidpointPlanes {
    let level: Int
    /// planes[b][w]: bit b of m(c) for the cells c = 64w ..< 64w + 64 (zero past 2^J).
    let planes: [[UInt64]]

    /// Bit b of i for i = 0..<64, as a 64-bit word, for b < 6.
    private static let cellBitPatterns: [UInt64] = [
        0xAAAA_AAAA_AAAA_AAAA, 0xCCCC_CCCC_CCCC_CCCC, 0xF0F0_F0F0_F0F0_F0F0,
        0xFF00_FF00_FF00_FF00, 0xFFFF_0000_FFFF_0000, 0xFFFF_FFFF_0000_0000,
    ]

    init(balanced signs: SignTree) {
        let J = signs.levels, cells = 1 << J, wordCount = (cells + 63) / 64
        let valid: UInt64 = cells >= 64 ? ~0 : (1 << UInt64(cells)) - 1
        let negative = signs.negative
        var planes: [[UInt64]] = []
        planes.reserveCapacity(J)
        for b in 0..<J {
            let j = J - 1 - b, firstNode = (1 << j) - 1, nodesAtLevel = 1 << j
            let run = 1 << (b + 1) // cells under one level-j node
            var plane = [UInt64](repeating: 0, count: wordCount)
            for w in 0..<wordCount {
                let firstCell = w << 6
                let cellBits: UInt64 = b < 6 ? Self.cellBitPatterns[b] : ((firstCell >> b) & 1 == 1 ? ~0 : 0)
                var negBits: UInt64 = 0
                if run >= 64 {
                    negBits = 0 &- Self.bit(negative, firstNode + (firstCell >> (b + 1)))
                } else {
                    let k0 = firstCell >> (b + 1), block: UInt64 = (1 << UInt64(run)) - 1
                    for a in 0..<min(64 / run, nodesAtLevel - k0) {
                        negBits |= (0 &- Self.bit(negative, firstNode + k0 + a)) & (block << UInt64(a * run))
                    }
                }
                plane[w] = ~(cellBits ^ negBits) & valid
            }
            planes.append(plane)
        }
        self.level = J
        self.planes = planes
    }

    /// The output f(c) = (-1)^popcount(m & reverse_J(m(c))) packed (1 = -1): the XOR of
    /// the planes b at the set bits of reverse_J(m).
    func output(_ readout: WalshReadout) -> PackedSignFunction {
        let reversed = Bits.reverse(readout.index, width: level)
        var words = [UInt64](repeating: 0, count: planes.first?.count ?? 1)
        words.withUnsafeMutableBufferPointer { words in
            for b in 0..<level where reversed >> b & 1 == 1 {
                planes[b].withUnsafeBufferPointer { plane in
                    for w in 0..<words.count { words[w] ^= plane[w] }
                }
            }
        }
        return PackedSignFunction(uncheckedLevel: level, words: words)
    }

    /// Bit i of the bit string held in `words` (0 or 1).
    @inline(__always)
    private static func bit(_ words: [UInt64], _ i: Int) -> UInt64 {
        words[i >> 6] >> UInt64(i & 63) & 1
    }
}
