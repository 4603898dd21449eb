import DyadicFunctions

// The values of the basis functions on the cells of a finer level, for the audit's plots
// and the tests. The kernel builds these functions as packed or step functions instead
// (`packed`, `stepFunction`), so the cell formulas are not part of the trusted base.

extension HaarFunction {
    /// The value on cell c of level J (J > j): +1, -1 or 0.
    public func value(cell c: Int, level J: Int) -> Int {
        precondition(J > level)
        let shift = J - level
        guard c >> shift == index else { return 0 }
        return (c >> (shift - 1)) & 1 == 0 ? 1 : -1
    }
}

extension RademacherFunction {
    /// The value on cell c of level J > n: (-1)^(digit n of c), digit 0 most significant.
    @inlinable
    public func value(cell c: Int, level J: Int) -> Int {
        (c >> (J - 1 - index)) & 1 == 0 ? 1 : -1
    }
}

extension WalshFunction {
    /// The value on cell c of level J (m < 2^J): (-1)^(sum over n in bits(m) of digit n of c).
    @inlinable
    public func value(cell c: Int, level J: Int) -> Int {
        (index & Bits.reverse(c, width: J)).nonzeroBitCount & 1 == 0 ? 1 : -1
    }
}
