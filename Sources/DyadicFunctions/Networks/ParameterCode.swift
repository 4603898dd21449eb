import ExactArithmetic

/// A declared code for one network parameter (MATH.md sec. 8): the value must fit the
/// code, and the network's description length is the sum of the codes' lengths.
public enum ParameterCode: Hashable, Sendable, CustomStringConvertible {
    /// +1 or -1: 1 bit.
    case sign
    /// An integer in [lowerBound, upperBound]: ceil(log2(upper - lower + 1)) bits.
    case integer(lowerBound: BigInt, upperBound: BigInt)
    /// p / 2^e with |p| < 2^mantissaBits and 0 <= e <= maximumExponent:
    /// 1 + mantissaBits + ceil(log2(maximumExponent + 1)) bits.
    case dyadic(mantissaBits: Int, maximumExponent: Int)
    /// 0 bits: a value the checker recomputes from declared family parameters by the
    /// named recipe (never stated, never trusted).
    case derived(recipe: String)

    /// The code's length in bits; nil when the code itself is invalid (an empty
    /// integer range or negative sizes).
    public var bitLength: BigInt? {
        switch self {
        case .sign: return 1
        case .integer(let lower, let upper):
            guard upper >= lower else { return nil }
            return BigInt((upper - lower + 1).ceilLog2)
        case .dyadic(let bits, let exponent):
            guard bits >= 0, exponent >= 0 else { return nil }
            return BigInt(1) + BigInt(bits) + BigInt(BigInt(exponent + 1).ceilLog2)
        case .derived: return 0
        }
    }

    /// Whether `value` fits the code (for `derived`, the caller compares with the
    /// recomputed value instead).
    public func admits(_ value: Rational) -> Bool {
        switch self {
        case .sign: return value == 1 || value == -1
        case .integer(let lower, let upper):
            return value.isInteger && value.numerator >= lower && value.numerator <= upper
        case .dyadic(let bits, let exponent):
            // The canonical form p0/2^e0 has the least e; any other has a larger |p|.
            guard let e0 = value.dyadicExponent, e0 <= exponent else { return false }
            return value.numerator.magnitude.bitLength <= bits
        case .derived: return true
        }
    }

    public var description: String {
        switch self {
        case .sign: return "sign"
        case .integer(let lower, let upper): return "int[\(lower),\(upper)]"
        case .dyadic(let bits, let exponent): return "dyadic(B=\(bits),E=\(exponent))"
        case .derived(let recipe): return "derived(\(recipe))"
        }
    }
}

/// Indices into a palette, one per parameter, stored as runs of equal indices (a layer
/// of a recipe network is one run of weights and one of biases).
public struct SlotRuns: Hashable, Sendable {
    /// Run r covers starts[r] ..< starts[r + 1] (the last one up to `count`) with slots[r].
    public private(set) var starts: [Int] = []
    public private(set) var slots: [UInt32] = []
    public private(set) var count = 0

    mutating func append(_ slot: UInt32, count n: Int) {
        guard n > 0 else { return }
        if slots.last != slot {
            starts.append(count)
            slots.append(slot)
        }
        count += n
    }

    /// The indices of run r.
    public func run(_ r: Int) -> Range<Int> { starts[r]..<(r + 1 < starts.count ? starts[r + 1] : count) }

    /// The slot at index i (binary search over the runs).
    public subscript(i: Int) -> UInt32 {
        slots[max(partitioningIndex(0, starts.count) { starts[$0] > i } - 1, 0)] // the last run starting at or before i
    }
}

/// One code per parameter of a network, stored as small indices into a palette of the
/// distinct codes, in runs (a network of millions of parameters has a handful of distinct
/// codes). `Code` is ``ParameterCode``, or `ParameterCode?` where a parameter may have
/// none. Weights are numbered as in ``HeavisideNetwork/weight(_:)``, biases by unit.
public struct ParameterCodeTable<Code: Hashable & Sendable>: Sendable {
    /// The distinct codes, in order of first use.
    public private(set) var palette: [Code] = []
    private var slots: [Code: UInt32] = [:]
    /// The palette index of each weight's code and of each unit's bias code.
    public private(set) var weightSlots = SlotRuns()
    public private(set) var biasSlots = SlotRuns()

    public init() {}

    /// The same code for every parameter of `network`.
    public init(uniform code: Code, for network: HeavisideNetwork) {
        let s = slot(code)
        weightSlots.append(s, count: network.weightCount)
        biasSlots.append(s, count: network.unitCount)
    }

    /// The palette index of `code` (added when new).
    public mutating func slot(_ code: Code) -> UInt32 {
        if let s = slots[code] { return s }
        let s = UInt32(palette.count)
        palette.append(code)
        slots[code] = s
        return s
    }

    /// Appends the codes of one unit: `count` weights with the code in slot `weights`
    /// and the bias's.
    public mutating func appendUnit(weights slot: UInt32, count: Int, bias: UInt32) {
        weightSlots.append(slot, count: count)
        biasSlots.append(bias, count: 1)
    }

    public mutating func appendUnit(weights: [Code], bias: Code) {
        for c in weights { weightSlots.append(slot(c), count: 1) }
        biasSlots.append(slot(bias), count: 1)
    }

    /// The code of the weight at flat index k, and of unit i's bias.
    public func weightCode(_ k: Int) -> Code { palette[Int(weightSlots[k])] }
    public func biasCode(ofUnit i: Int) -> Code { palette[Int(biasSlots[i])] }

    /// The same table with every code mapped (the palette only).
    public func map<T: Hashable & Sendable>(_ f: (Code) -> T) -> ParameterCodeTable<T> {
        var t = ParameterCodeTable<T>()
        t.palette = palette.map(f)
        for (i, c) in t.palette.enumerated() where t.slots[c] == nil { t.slots[c] = UInt32(i) }
        t.weightSlots = weightSlots
        t.biasSlots = biasSlots
        return t
    }
}

/// A network with a declared code for every parameter.
public struct CodedHeavisideNetwork: Sendable {
    /// The network.
    public let network: HeavisideNetwork
    /// The code of every parameter.
    public let codes: ParameterCodeTable<ParameterCode>

    /// A network and a table with one code per parameter (checked).
    public init(network: HeavisideNetwork, codes: ParameterCodeTable<ParameterCode>) throws(DyadicFunctionError) {
        guard codes.weightSlots.count == network.weightCount, codes.biasSlots.count == network.unitCount else {
            throw .malformedNetwork("one code per parameter is required")
        }
        self.network = network
        self.codes = codes
    }
}
