import DyadicFunctions
import ExactArithmetic

// Members of the trusted types that no verdict uses: encodings and descriptions for the
// generator, the audit and messages, point evaluation, and constructors that only the
// generator, the benchmarks and the tests call. They are written on the public (or
// package) API of DyadicFunctions, outside the trusted base.

extension HexBitString {
    /// Encodes `count` bits given by `bit(i)`.
    public static func encode(count: Int, bit: (Int) -> Bool) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity((count + 3) / 4)
        var i = 0
        while i < count {
            var nibble = 0
            for offset in 0..<4 where i + offset < count && bit(i + offset) {
                nibble |= 8 >> offset
            }
            out.append(digits[nibble])
            i += 4
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension SignTree: CustomStringConvertible {
    /// The number of nodes 2^J - 1.
    public var nodeCount: Int { (1 << levels) - 1 }

    /// The certificate form (see the type's documentation).
    public var hex: String {
        HexBitString.encode(count: nodeCount) { isNegative(node: $0) }
    }

    public var description: String { "SignTree(J=\(levels), hex=\(hex))" }
}

extension PackedSignFunction {
    /// Packs given words after checking the length and the zero tail.
    public init(level: Int, words: [UInt64]) throws(DyadicFunctionError) {
        guard (0...PackedSignFunction.maximumLevel).contains(level) else {
            throw .levelOutOfRange(level: level, range: 0...PackedSignFunction.maximumLevel)
        }
        let cells = 1 << level
        guard words.count == (cells + 63) / 64 else {
            throw .countMismatch(what: "words of a packed level-\(level) function", expected: (cells + 63) / 64, found: words.count)
        }
        if cells < 64 && words[0] >> UInt64(cells) != 0 {
            throw .malformedBitString("bits past cell \(cells) must be zero")
        }
        self.init(uncheckedLevel: level, words: words)
    }

    /// The certificate form (see ``HexBitString``).
    public var hex: String {
        HexBitString.encode(count: cellCount) { isNegative(cell: $0) }
    }

    /// The value (+1 or -1) on cell c.
    public func value(cell c: Int) -> Int { isNegative(cell: c) ? -1 : 1 }
}

extension StepFunction: CustomStringConvertible {
    /// f(x) for x in [0, 1) (pieces are half-open, so f(t_i) = v_i).
    public func value(at x: Rational) throws(DyadicFunctionError) -> Rational {
        guard x.signum >= 0 && x < Rational.one else { throw .pointOutsideDomain(x) }
        return values[pieceIndex(containing: x)]
    }

    public var description: String {
        var parts: [String] = []
        for i in 0..<values.count { parts.append("[\(breakpoints[i]),\(breakpoints[i + 1])):\(values[i])") }
        return "StepFunction(" + parts.joined(separator: " ") + ")"
    }
}

extension DenseDyadicFunction {
    /// The value on cell c.
    public func value(cell c: Int) -> Dyadic { Dyadic(mantissa: mantissas[c], exponent: exponent) }

    /// The same function as a canonical step function.
    public var stepFunction: StepFunction {
        let values = (0..<mantissas.count).map { value(cell: $0).rational }
        guard let f = try? StepFunction(cellValues: values) else { preconditionFailure("2^J values form a valid step function") }
        return f
    }
}

extension NetworkBuilder {
    /// The units H(y - i/2^(n+1)), i = 1..2^(n+1)-1, whose alternating sum
    /// sum_i (-1)^(i+1) H(y - i/2^(n+1)) is the digit b_n(y) = floor(2^(n+1) y) mod 2
    /// for y in [0, 1). `source` is the index of y in the previous layer.
    public static func digitUnits(digit n: Int, source: Int) -> [HeavisideNetwork.Unit] {
        Array(digitUnitSequence(digit: n, source: source))
    }
}

extension HeavisideNetwork {
    /// The activation of unit i.
    public func activation(ofUnit i: Int) -> Activation { activations[i] }
}

extension CodedHeavisideNetwork {
    /// A network with its codes given per layer and unit, as the network's layers are
    /// (checked: one list per layer, one per unit, one code per weight).
    public init(network: HeavisideNetwork, weightCodes: [[[ParameterCode]]], biasCodes: [[ParameterCode]]) throws(DyadicFunctionError) {
        guard weightCodes.count == network.layerCount, biasCodes.count == network.layerCount else {
            throw .malformedNetwork("one list of codes per layer is required")
        }
        var table = ParameterCodeTable<ParameterCode>()
        for l in 0..<network.layerCount {
            let range = network.layerRange(l)
            guard weightCodes[l].count == range.count, biasCodes[l].count == range.count else {
                throw .malformedNetwork("layer \(l): one code list per unit is required")
            }
            for (u, i) in range.enumerated() {
                guard weightCodes[l][u].count == network.weightRange(ofUnit: i).count else {
                    throw .malformedNetwork("layer \(l) unit \(u): one code per weight is required")
                }
                table.appendUnit(weights: weightCodes[l][u], bias: biasCodes[l][u])
            }
        }
        try self.init(network: network, codes: table)
    }
}

extension ParameterCodeTable: Hashable {
    /// Equal when every parameter has the same code (palette order aside).
    public static func == (a: Self, b: Self) -> Bool {
        guard a.weightSlots.count == b.weightSlots.count, a.biasSlots.count == b.biasSlots.count else { return false }
        if a.palette == b.palette { return a.weightSlots == b.weightSlots && a.biasSlots == b.biasSlots }
        return (0..<a.weightSlots.count).allSatisfy { a.weightCode($0) == b.weightCode($0) }
            && (0..<a.biasSlots.count).allSatisfy { a.biasCode(ofUnit: $0) == b.biasCode(ofUnit: $0) }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(weightSlots.count)
        hasher.combine(biasSlots.count)
        hasher.combine(Set(palette))
    }
}

extension CodedHeavisideNetwork: Hashable {
    /// The same network with the same code for every parameter.
    public static func == (a: Self, b: Self) -> Bool { a.network == b.network && a.codes == b.codes }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(network)
        hasher.combine(codes)
    }
}

extension WalshFunction {
    /// top(m) = floor(log2 m) for m >= 1.
    public var top: Int? { index == 0 ? nil : Bits.top(index) }
}

extension WalshReadout {
    /// top(m) = floor(log2 m).
    public var top: Int { Bits.top(index) }
}
