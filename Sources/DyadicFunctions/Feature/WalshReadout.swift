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
    public var top: Int { Int.bitWidth - 1 - index.leadingZeroBitCount }

    /// The readout applied to one feature value y in [0, 1).
    public func apply(to y: Rational) throws(DyadicFunctionError) -> Rational {
        Rational(try walsh.value(at: y))
    }
}

/// The task outputs f_{m,sigma} = w_m o u_sigma of MATH.md sec. 6, computed three
/// independent ways: by the definition (composition of step functions), by the closed
/// form, and by the packed fast path used for large J.
public enum TaskOutput {
    /// By the definition: u_sigma composed with the readout (sec. 2 composition).
    public static func byDefinition(feature: RademacherHaarFeature, readout: WalshReadout) throws(DyadicFunctionError) -> StepFunction {
        try feature.shiftedStepFunction.mapValues { y throws(DyadicFunctionError) in
            guard y.signum >= 0 && y < Rational.one else { throw .compositionOutsideDomain(y) }
            return try readout.apply(to: y)
        }
    }

    /// By the closed form f(x) = (-1)^|m| w_m(x) prod_{j in bits(m)} sigma(j, anc_j(x)),
    /// valid for balanced amplitudes and m < 2^J.
    public static func byClosedForm(signs: SignTree, readout: WalshReadout) throws(DyadicFunctionError) -> StepFunction {
        let J = signs.levels
        guard readout.index < 1 << J else { throw .indexOutOfRange(what: "readout index", index: readout.index, range: 1..<(1 << J)) }
        let m = readout.index
        let parity = m.nonzeroBitCount & 1 == 1 ? -1 : 1
        let values = (0..<(1 << J)).map { c -> Rational in
            var sign = parity * readout.walsh.value(cell: c, level: J)
            var bits = m
            while bits != 0 {
                let j = bits.trailingZeroBitCount
                if signs.isNegative(level: j, index: c >> (J - j)) { sign = -sign }
                bits &= bits - 1
            }
            return Rational(sign)
        }
        return try StepFunction(cellValues: values)
    }

    /// The packed fast path: from the midpoint indices m(c) of u_sigma,
    /// f(c) = (-1)^popcount(m & reverse_J(m(c))) (digit n of u is bit J-1-n of m(c)).
    public static func packed(midpointIndices: [Int], level J: Int, readout: WalshReadout) throws(DyadicFunctionError) -> PackedSignFunction {
        guard readout.index < 1 << J else { throw .indexOutOfRange(what: "readout index", index: readout.index, range: 1..<(1 << J)) }
        guard midpointIndices.count == 1 << J else {
            throw .countMismatch(what: "midpoint indices", expected: 1 << J, found: midpointIndices.count)
        }
        let reversed = Bits.reverse(readout.index, width: J)
        var words = [UInt64](repeating: 0, count: ((1 << J) + 63) / 64)
        words.withUnsafeMutableBufferPointer { words in
            midpointIndices.withUnsafeBufferPointer { indices in
                for c in 0..<indices.count where (indices[c] & reversed).nonzeroBitCount & 1 == 1 {
                    words[c >> 6] |= 1 << UInt64(c & 63)
                }
            }
        }
        return PackedSignFunction(uncheckedLevel: J, words: words)
    }

    /// All outputs F_sigma = (f_1..f_D) by the packed fast path (balanced amplitudes).
    public static func packedOutputs(signs: SignTree, readouts: [WalshReadout]) throws(DyadicFunctionError) -> [PackedSignFunction] {
        let indices = RademacherHaarFeature.balanced(signs: signs).midpointIndices()
        var outputs: [PackedSignFunction] = []
        for readout in readouts { outputs.append(try packed(midpointIndices: indices, level: signs.levels, readout: readout)) }
        return outputs
    }
}
