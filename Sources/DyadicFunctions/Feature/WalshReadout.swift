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
}

/// The task outputs f_{m,sigma} = w_m o u_sigma of MATH.md sec. 6 by the packed fast
/// path. The tests compare it with two independent computations (by the definition and
/// by the closed form, in the TestSupport target); outputs from arbitrary midpoint
/// indices, for the audit and the tests, are in DyadicConstructions.
public enum TaskOutput {
    /// All outputs F_sigma = (f_1..f_D) by the packed fast path (balanced amplitudes):
    /// the bit planes of m(c) straight from the sign tree (`MidpointPlanes`), then each
    /// output an XOR of at most J planes.
    public static func packedOutputs(signs: SignTree, readouts: [WalshReadout]) throws(DyadicFunctionError) -> [PackedSignFunction] {
        let J = signs.levels
        for readout in readouts { try DyadicFunctionError.checkIndex("readout index", readout.index, in: 1..<(1 << J)) }
        let planes = MidpointPlanes(balanced: signs)
        return readouts.map(planes.output)
    }
}
