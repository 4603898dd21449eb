import DyadicFunctions

// Task outputs from arbitrary midpoint indices m(c), for the audit's plots and the
// tests. The kernel builds task outputs from the sign tree
// (``TaskOutput/packedOutputs(signs:readouts:)``), so these are outside the trusted base.

extension TaskOutput {
    /// f(c) = (-1)^popcount(m & reverse_J(m(c))) for the midpoint indices m(c) of u_sigma
    /// (digit n of u is bit J-1-n of m(c)), packed.
    public static func packed(midpointIndices: [Int], level J: Int, readout: WalshReadout) throws(DyadicFunctionError) -> PackedSignFunction
    {
        guard readout.index < 1 << J else { throw .indexOutOfRange(what: "readout index", index: readout.index, range: 1..<(1 << J)) }
        guard midpointIndices.count == 1 << J else {
            throw .countMismatch(what: "midpoint indices", expected: 1 << J, found: midpointIndices.count)
        }
        let reversed = Bits.reverse(readout.index, width: J)
        return PackedSignFunction(level: J) { c in (midpointIndices[c] & reversed).nonzeroBitCount & 1 == 1 }
    }

    /// The outputs of several readouts, each as ``packed(midpointIndices:level:readout:)``.
    public static func packed(midpointIndices: [Int], level J: Int, readouts: [WalshReadout]) throws(DyadicFunctionError)
        -> [PackedSignFunction]
    {
        guard midpointIndices.count == 1 << J else {
            throw .countMismatch(what: "midpoint indices", expected: 1 << J, found: midpointIndices.count)
        }
        return try readouts.map { r throws(DyadicFunctionError) in try packed(midpointIndices: midpointIndices, level: J, readout: r) }
    }
}
