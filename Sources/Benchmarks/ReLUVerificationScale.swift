import DyadicConstructions
import ExactArithmetic
import ExactLinearAlgebra

/// The checks of MATH sec. 11 at the scale of issue 14's acceptance target (N points in
/// d inputs, D outputs, K units, float64 weights): evaluation and interpolation, weight
/// decay, neuron sharing, width from rank and the penalised multi-task lasso gap with
/// screening, each timed. Not a perf-kit workload; `dyadcert bench` does not run it.
public enum ReLUVerificationScale {
    /// The exact value of a finite double, m 2^e (floats are dyadic rationals).
    public static func dyadic(_ x: Double) -> Dyadic {
        precondition(x.isFinite)
        if x == 0 { return .zero }
        let significand = BigInt(Int(x.significandBitPattern | (x.isNormal ? 1 << 52 : 0)))
        let e = Int(x.isNormal ? x.exponent : Double.leastNormalMagnitude.exponent) - 52
        return Dyadic(mantissa: x < 0 ? -significand : significand, exponent: -e)
    }

    /// A seeded standard-normal-like double (sum of uniforms), scaled.
    static func draw(_ g: inout SplitMix64, scale: Double) -> Double {
        var s = 0.0
        for _ in 0..<4 { s += Double(g.next() >> 11) / Double(1 << 53) - 0.5 }
        return s * scale
    }

    static func matrix(_ rows: Int, _ columns: Int, _ g: inout SplitMix64, scale: Double) throws -> RationalMatrix {
        let entries = (0..<(rows * columns)).map { _ in dyadic(draw(&g, scale: scale)) }
        return try WordDyadicMatrix(rows: rows, columns: columns, entries: entries).rational()
    }

    /// Runs every check once and returns (name, seconds) pairs.
    public static func run(points: Int, inputs: Int, outputs: Int, units: Int, seed: UInt64) throws -> [(String, Double)] {
        var g = SplitMix64(seed: seed)
        let x = try matrix(inputs, points, &g, scale: 1)
        let w = try matrix(units, inputs, &g, scale: 1)
        let b = (0..<units).map { _ in Rational(dyadic(draw(&g, scale: 1))) }
        let v = try matrix(outputs, units, &g, scale: 0.05)
        let c = (0..<outputs).map { _ in Rational(dyadic(draw(&g, scale: 1))) }
        let network = try ShallowReLUNetwork(inputWeights: w, biases: b, outputWeights: v, outputBias: c)
        var times: [(String, Double)] = []
        let (phi, t1) = try timed { try network.features(on: x) }
        times.append(("features Phi = r(W X + b)", t1))
        let (y, t2) = try timed { try network.outputs(features: phi) }
        times.append(("outputs V Phi + c", t2))
        let (interpolation, t3) = try timed { try Interpolation.check(network: network, data: x, targets: y) }
        precondition(interpolation.holds)
        times.append(("relu-interpolates (from scratch)", t3))
        let (_, t4) = try timed { try WeightDecay.check(network: network) }
        times.append(("weight-decay", t4))
        let (_, t5) = timed { NeuronSharing(network: network) }
        times.append(("neuron-sharing", t5))
        let (_, t6) = try timed { try WidthFromRank(targets: y, outputBias: c) }
        times.append(("width-from-rank", t6))
        let theta = try matrix(outputs, points, &g, scale: 1e-4)
        let psi = try y.addingToEveryColumn(c.map { -$0 })
        let (gap, t7) = try timed {
            try MultiTaskLasso.checkPenalised(
                features: phi, targets: psi, weights: v, dual: theta, lambda: Rational(1_000_000),
                unitBounds: Array(repeating: Rational(1), count: units), delta: Rational(BigInt.powerOfTwo(200)))
        }
        times.append(("penalised-mtl-gap (holds: \(gap.holds))", t7))
        let (_, t8) = timed { MultiTaskLasso.screen(gap, units: Array(0..<units)) }
        times.append(("mtl-screen, all units", t8))
        return times
    }
}
