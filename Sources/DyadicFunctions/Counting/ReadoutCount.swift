import ExactArithmetic

/// The exact sizes of the readout classes of MATH.md sec. 7 (balanced amplitudes, all
/// sign trees of depth J): K_m = {w_m o u_sigma} and K_M = {(w_{m_1} o u_sigma, ...)}.
public enum ReadoutCount {
    /// Lemma S: log2 |K_m| = 2^top(m) for 1 <= m < 2^J.
    public static func separateLog2(readout m: Int) throws(DyadicFunctionError) -> BigInt {
        guard m >= 1 else { throw .indexOutOfRange(what: "readout index", index: m, range: 1..<Int.max) }
        return BigInt.powerOfTwo(Bits.top(m))
    }

    /// Lemma J: log2 |K_M| = sum of 2^l over the levels l at which the span recursion
    /// finds a pivot (V_l contains a mask with bit l set).
    ///
    /// V_{J-1} = span{m_d : top(m_d) = J-1}; V_l = (V_{l+1} reduced to bit l+1 clear)
    /// + span{m_d : top(m_d) = l}. Reduction uses a vector with the bit set as pivot,
    /// clears the bit from the others, and drops the pivot.
    public static func jointLog2(readouts: [Int], levels J: Int) throws(DyadicFunctionError) -> BigInt {
        try DyadicFunctionError.checkLevel(J, in: 1...62)
        var seen = Set<Int>()
        for (d, m) in readouts.enumerated() {
            try DyadicFunctionError.checkIndex("readout index", m, in: 1..<(1 << J))
            guard seen.insert(m).inserted else { throw .duplicateReadout(index: d, value: m) }
        }
        var vectors: [Int] = []
        var total = BigInt.zero
        for l in stride(from: J - 1, through: 0, by: -1) {
            vectors += readouts.filter { Bits.top($0) == l }
            if let p = vectors.firstIndex(where: { $0 >> l & 1 == 1 }) {
                let pivot = vectors.remove(at: p)
                total += BigInt.powerOfTwo(l)
                vectors = vectors.map { $0 >> l & 1 == 1 ? $0 ^ pivot : $0 }.filter { $0 != 0 }
            }
        }
        return total
    }
}
