import ExactArithmetic

/// A task head: the Walsh function w_m read through sawtooth maps,
/// y -> prod_{n in bits(m)} psi(S_n(y)) = w_m(y) (MATH.md sec. 6), 1 <= m < 2^J.
public struct WalshReadout: Hashable, Sendable {
    /// The Walsh function applied to the feature's values.
    public let walsh: WalshFunction

    /// The readout with index m >= 1.
    public init(index m: Int) throws(DyadicFunctionError) {
        guard m >= 1 else { throw .indexOutOfRange(what: "readout index", index: m, range: 1..<(1 << PackedSignFunction.maximumLevel)) }
        walsh = try WalshFunction(index: m)
    }

    /// The index m.
    public var index: Int { walsh.index }

    /// top(m) = floor(log2 m).
    public var top: Int { Bits.top(index) }
}

/// The task outputs f_{m,sigma} = w_m o u_sigma of MATH.md sec. 6 by the packed fast
/// path. The tests compare it with two independent computations (by the definition and
/// by the closed form, in the TestSupport target).
public enum TaskOutput {
    /// The packed fast path: from the midpoint indices m(c) of u_sigma,
    /// f(c) = (-1)^popcount(m & reverse_J(m(c))) (digit n of u is bit J-1-n of m(c)).
    public static func packed(midpointIndices: [Int], level J: Int, readout: WalshReadout) throws(DyadicFunctionError) -> PackedSignFunction
    {
        guard readout.index < 1 << J else { throw .indexOutOfRange(what: "readout index", index: readout.index, range: 1..<(1 << J)) }
        guard midpointIndices.count == 1 << J else {
            throw .countMismatch(what: "midpoint indices", expected: 1 << J, found: midpointIndices.count)
        }
        let reversed = Bits.reverse(readout.index, width: J)
        var words = [UInt64](repeating: 0, count: ((1 << J) + 63) / 64)
        // One word of 64 cells at a time, without branches: the parity of m & reverse_J(m(c))
        // by folding its bits with XOR (the cells' signs are random, a branch would miss).
        words.withUnsafeMutableBufferPointer { words in
            midpointIndices.withUnsafeBufferPointer { indices in
                for w in 0..<words.count {
                    let base = w << 6
                    var word: UInt64 = 0
                    for i in 0..<min(64, indices.count - base) {
                        var x = UInt64(truncatingIfNeeded: indices[base + i] & reversed)
                        x ^= x >> 32
                        x ^= x >> 16
                        x ^= x >> 8
                        x ^= x >> 4
                        x ^= x >> 2
                        x ^= x >> 1
                        word |= (x & 1) << UInt64(i)
                    }
                    words[w] = word
                }
            }
        }
        return PackedSignFunction(uncheckedLevel: J, words: words)
    }

    /// All outputs F_sigma = (f_1..f_D) by the packed fast path (balanced amplitudes):
    /// the bit planes of m(c) straight from the sign tree (``MidpointPlanes``), then each
    /// output an XOR of at most J planes.
    public static func packedOutputs(signs: SignTree, readouts: [WalshReadout]) throws(DyadicFunctionError) -> [PackedSignFunction] {
        try checkReadouts(readouts, level: signs.levels)
        let planes = MidpointPlanes(balanced: signs)
        return readouts.map(planes.output)
    }

    /// The outputs of several readouts at once, by bit planes: f(c) = (-1)^popcount(m &
    /// reverse_J(m(c))) is the XOR, over the set bits b of reverse_J(m), of bit b of m(c).
    /// Plane b packs bit b of every m(c) (J passes over the cells, shared by all readouts).
    public static func packed(midpointIndices: [Int], level J: Int, readouts: [WalshReadout]) throws(DyadicFunctionError)
        -> [PackedSignFunction]
    {
        guard midpointIndices.count == 1 << J else {
            throw .countMismatch(what: "midpoint indices", expected: 1 << J, found: midpointIndices.count)
        }
        try checkReadouts(readouts, level: J)
        let planes = MidpointPlanes(midpointIndices: midpointIndices, level: J)
        return readouts.map(planes.output)
    }

    private static func checkReadouts(_ readouts: [WalshReadout], level J: Int) throws(DyadicFunctionError) {
        for readout in readouts where readout.index >= 1 << J {
            throw .indexOutOfRange(what: "readout index", index: readout.index, range: 1..<(1 << J))
        }
    }
}
