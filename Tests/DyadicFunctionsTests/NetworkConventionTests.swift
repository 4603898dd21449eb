import Testing
import ExactArithmetic
@testable import DyadicFunctions
import TestSupport

/// The network conventions of MATH.md sec. 8 (each broken one is a thrown
/// `malformedNetwork`, never a trap) and the parameter codes' lengths and admissible
/// values against brute force.
@Suite("Network conventions and parameter codes")
struct NetworkConventionTests {
    typealias Unit = HeavisideNetwork.Unit

    static let good = Unit.threshold(weight: 1, bias: LemmaRef.q(-1, 2))
    static let output = Unit(activation: .linear, inputs: [0], weights: [2], bias: -1)

    /// Each broken convention, on top of an otherwise valid network.
    static let broken: [(String, [[Unit]])] = [
        ("no layers", []),
        ("one layer only", [[good]]),
        ("only an output layer", [[output]]),
        ("empty first layer", [[], [Unit(activation: .linear, inputs: [], weights: [], bias: 0)]]),
        ("empty hidden layer", [[good], [], [output]]),
        ("empty output layer", [[good], []]),
        ("first-layer linear unit", [[Unit(activation: .linear, inputs: [0], weights: [1], bias: 0)], [output]]),
        ("first-layer unit with zero weight", [[.threshold(weight: 0, bias: 1)], [output]]),
        ("first-layer unit reading nothing", [[Unit(activation: .heaviside, inputs: [], weights: [], bias: 1)], [output]]),
        ("first-layer unit reading input 1", [[Unit(activation: .heaviside, inputs: [1], weights: [1], bias: 0)], [output]]),
        ("first-layer unit reading input -1", [[Unit(activation: .heaviside, inputs: [-1], weights: [1], bias: 0)], [output]]),
        ("first-layer unit reading x twice", [[Unit(activation: .heaviside, inputs: [0, 0], weights: [1, 1], bias: 0)], [output]]),
        ("non-increasing inputs", [[good, good, good], [Unit(activation: .linear, inputs: [2, 1], weights: [1, 1], bias: 0)]]),
        ("repeated inputs", [[good, good], [Unit(activation: .linear, inputs: [1, 1], weights: [1, 1], bias: 0)]]),
        ("input index past the layer", [[good, good], [Unit(activation: .linear, inputs: [0, 2], weights: [1, 1], bias: 0)]]),
        ("negative input index", [[good, good], [Unit(activation: .linear, inputs: [-1], weights: [1], bias: 0)]]),
        ("more weights than inputs", [[good], [Unit(activation: .linear, inputs: [0], weights: [1, 1], bias: 0)]]),
        ("fewer weights than inputs", [[good, good], [Unit(activation: .linear, inputs: [0, 1], weights: [1], bias: 0)]]),
        ("first-layer weights without inputs", [[Unit(activation: .heaviside, inputs: [], weights: [1], bias: 0)], [output]]),
        ("first-layer inputs without weights", [[Unit(activation: .heaviside, inputs: [0], weights: [], bias: 0)], [output]]),
        ("Heaviside output unit", [[good], [Unit(activation: .heaviside, inputs: [0], weights: [1], bias: 0)]]),
        ("Heaviside output among linear ones", [[good], [output, Unit(activation: .heaviside, inputs: [], weights: [], bias: 0)]]),
        (
            "hidden unit reading past the previous layer",
            [[good], [Unit(activation: .heaviside, inputs: [1], weights: [1], bias: 0)], [output]]
        ),
    ]

    @Test("every broken convention throws malformedNetwork", arguments: broken.indices)
    func rejects(index: Int) {
        let (name, layers) = Self.broken[index]
        do {
            _ = try HeavisideNetwork(layers: layers)
            Issue.record("\(name): accepted")
        } catch {
            if case .malformedNetwork = error {} else { Issue.record("\(name): threw \(error), not malformedNetwork") }
        }
    }

    /// The conventions allow what MATH.md allows: linear units from the second layer on,
    /// multi-input Heaviside units, negative first-layer weights, units without inputs
    /// after the first layer.
    @Test("valid networks are accepted")
    func accepts() throws {
        let network = try HeavisideNetwork(layers: [
            [Self.good, .threshold(weight: -3, bias: 1)],
            [
                Unit(activation: .linear, inputs: [0, 1], weights: [1, -1], bias: 0),
                Unit(activation: .heaviside, inputs: [0, 1], weights: [1, 1], bias: -2),
                Unit(activation: .heaviside, inputs: [], weights: [], bias: 0),
            ],
            [Unit(activation: .linear, inputs: [0, 2], weights: [1, 1], bias: 0)],
        ])
        #expect(network.firstLayerWidth == 2 && network.outputCount == 1 && network.unitCount == 6)
        #expect(network.hiddenUnitCount == 5 && network.parameterCount == 4 + 7 + 3)
        #expect(network.firstLayerThresholds == [LemmaRef.q(1, 2), LemmaRef.q(1, 3)])
        #expect(network.pieceBoundaries == [0, LemmaRef.q(1, 3), LemmaRef.q(1, 2), 1])
    }

    /// A coded network needs exactly one code per parameter.
    @Test("coded networks need one code per parameter")
    func codedNetworkShape() throws {
        let network = try HeavisideNetwork(layers: [[Self.good], [Self.output]])
        let weightCodes: [[[ParameterCode]]] = [[[.sign]], [[.sign]]]
        let biasCodes: [[ParameterCode]] = [[.sign], [.sign]]
        _ = try CodedHeavisideNetwork(network: network, weightCodes: weightCodes, biasCodes: biasCodes)
        #expect(throws: DyadicFunctionError.self) {
            try CodedHeavisideNetwork(network: network, weightCodes: [[[.sign]]], biasCodes: biasCodes)
        }
        #expect(throws: DyadicFunctionError.self) {
            try CodedHeavisideNetwork(network: network, weightCodes: [[[.sign]], [[.sign, .sign]]], biasCodes: biasCodes)
        }
        #expect(throws: DyadicFunctionError.self) {
            try CodedHeavisideNetwork(network: network, weightCodes: weightCodes, biasCodes: [[.sign], []])
        }
    }

    // MARK: Parameter codes

    /// Values to probe: k/2^e for small k and e, and some non-dyadic rationals.
    static func probes(maxNumerator: Int, maxExponent: Int) -> [Rational] {
        var values = Set<Rational>()
        for e in 0...maxExponent { for k in -maxNumerator...maxNumerator { values.insert(LemmaRef.q(k, 1 << e)) } }
        for (p, d) in [(1, 3), (-2, 3), (5, 6), (1, 10), (7, 12), (-1, 5)] { values.insert(LemmaRef.q(p, d)) }
        return values.sorted()
    }

    @Test("sign code")
    func signCode() {
        #expect(ParameterCode.sign.bitLength == 1)
        for v in Self.probes(maxNumerator: 4, maxExponent: 2) {
            #expect(ParameterCode.sign.admits(v) == (v == 1 || v == -1), "\(v)")
        }
    }

    /// int [lo, hi]: ceil(log2(hi - lo + 1)) bits (least b with 2^b >= count); admits the
    /// integers in range.
    @Test("integer code against brute force")
    func integerCode() {
        let probes = Self.probes(maxNumerator: 24, maxExponent: 1)
        for lo in -5...5 {
            for hi in -6...9 {
                let code = ParameterCode.integer(lowerBound: BigInt(lo), upperBound: BigInt(hi))
                guard hi >= lo else {
                    #expect(code.bitLength == nil, "[\(lo),\(hi)]")
                    continue
                }
                #expect(code.bitLength == BigInt(LemmaRef.ceilLog2(hi - lo + 1)), "[\(lo),\(hi)]")
                let members = Set((lo...hi).map { Rational($0) })
                for v in probes { #expect(code.admits(v) == members.contains(v), "[\(lo),\(hi)] \(v)") }
            }
        }
        // Large ranges: 2^70 values need 70 bits, one more needs 71.
        let big = BigInt.powerOfTwo(70)
        #expect(ParameterCode.integer(lowerBound: 0, upperBound: big - 1).bitLength == 70)
        #expect(ParameterCode.integer(lowerBound: 0, upperBound: big).bitLength == 71)
        #expect(ParameterCode.integer(lowerBound: -big, upperBound: big).admits(Rational(big)))
    }

    /// dyadic(B, E): the set { p/2^e : |p| < 2^B, 0 <= e <= E } enumerated directly;
    /// length 1 + B + ceil(log2(E + 1)).
    @Test("dyadic code against enumeration of p/2^e", arguments: 0...5)
    func dyadicCode(B: Int) {
        for E in 0...4 {
            let code = ParameterCode.dyadic(mantissaBits: B, maximumExponent: E)
            #expect(code.bitLength == BigInt(1 + B + LemmaRef.ceilLog2(E + 1)), "B=\(B) E=\(E)")
            var members = Set<Rational>()
            for e in 0...E { for p in (-(1 << B) + 1)..<(1 << B) { members.insert(LemmaRef.q(p, 1 << e)) } }
            for v in Self.probes(maxNumerator: 1 << (B + 2), maxExponent: E + 2) {
                #expect(code.admits(v) == members.contains(v), "B=\(B) E=\(E) v=\(v)")
            }
        }
        #expect(ParameterCode.dyadic(mantissaBits: -1, maximumExponent: 2).bitLength == nil)
        #expect(ParameterCode.dyadic(mantissaBits: B, maximumExponent: -1).bitLength == nil)
    }

    @Test("derived code: 0 bits")
    func derivedCode() {
        let code = ParameterCode.derived(recipe: "trunk-threshold")
        #expect(code.bitLength == 0)
    }
}
