import ExactArithmetic
import DyadicConstructions
import DyadicFunctions

// Reference computations by the definitions of MATH.md, slow and direct: the tests
// check the library's fast paths (packed outputs, the network evaluator) against them.

extension WalshFunction {
    /// w_m(y) for y in [0, 1): the product over n in bits(m) of (-1)^(b_n(y)).
    public func value(at y: Rational) throws(DyadicFunctionError) -> Int {
        guard y.signum >= 0 && y < Rational.one else { throw .pointOutsideDomain(y) }
        var sign = 1
        var bits = index
        while bits != 0 {
            let n = bits.trailingZeroBitCount
            if y.timesPowerOfTwo(n + 1).floor.isOdd { sign = -sign }
            bits &= bits - 1
        }
        return sign
    }
}

extension RademacherFunction {
    /// The value at y in [0, 1): (-1)^(floor(2^(n+1) y) mod 2).
    public func value(at y: Rational) throws(DyadicFunctionError) -> Int {
        guard y.signum >= 0 && y < Rational.one else { throw .pointOutsideDomain(y) }
        return y.timesPowerOfTwo(index + 1).floor.isOdd ? -1 : 1
    }
}

extension WalshReadout {
    /// The readout applied to one feature value y in [0, 1).
    public func apply(to y: Rational) throws(DyadicFunctionError) -> Rational {
        Rational(try walsh.value(at: y))
    }
}

extension TaskOutput {
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
}

extension HeavisideNetwork {
    /// The exact forward pass at a point (any rational), H(0) = 1: the reference
    /// evaluation that the fast evaluator is tested against.
    public func evaluate(at x: Rational) -> [Rational] {
        var values = [x]
        for layer in layers {
            values = layer.map { unit in
                var t = unit.bias
                for k in 0..<unit.inputs.count { t += unit.weights[k] * values[unit.inputs[k]] }
                switch unit.activation {
                case .linear: return t
                case .heaviside: return t.signum >= 0 ? 1 : 0
                }
            }
        }
        return values
    }
}
