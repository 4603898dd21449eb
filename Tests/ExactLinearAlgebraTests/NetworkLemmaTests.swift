import ExactArithmetic
import Foundation
import TestSupport
import Testing
@testable import ExactLinearAlgebra

func network(_ c: [String: Any]) throws -> ShallowReLUNetwork {
    try ShallowReLUNetwork(inputWeights: matrix(c["W"]), biases: vector(c["b"]), outputWeights: matrix(c["V"]), outputBias: vector(c["c"]))
}

@Suite("Shallow ReLU networks: evaluation, interpolation, weight decay, sharing, width (MATH sec. 11)")
struct NetworkLemmaTests {
    @Test("Features and outputs equal the Fraction reference and the definition")
    func evaluation() throws {
        for c in Reference.cases("networks") {
            let net = try network(c), x = matrix(c["X"])
            #expect(toRows(try net.features(on: x)) == rows(c["Phi"]))
            #expect(toRows(try net.outputs(on: x)) == rows(c["F"]))
            for i in 0..<x.columns { #expect(net.evaluate(at: x.column(i)) == rows(c["F"]).map { $0[i] }) }
        }
    }

    @Test("Interpolation holds exactly on the reference outputs; 2^-60 off at one point fails with the witness")
    func interpolation() throws {
        for c in Reference.cases("networks") {
            let net = try network(c), x = matrix(c["X"])
            var y = rows(c["F"])
            let exact = try Interpolation.check(network: net, data: x, targets: matrix(y))
            #expect(exact.holds && exact.supError == 0 && exact.worstPoint == nil)
            let d = y.count - 1, i = y[0].count / 2
            y[d][i] -= tiny(60)
            let off = try Interpolation.check(network: net, data: x, targets: matrix(y))
            #expect(!off.holds)
            #expect(off.supError == tiny(60) && off.worstOutput == d && off.worstPoint == i)
            #expect(off.targetValue == y[d][i] && off.networkValue == y[d][i] + tiny(60))
            // Within a tolerance of exactly 2^-60 it holds; one step below it does not.
            #expect(try Interpolation.check(network: net, data: x, targets: matrix(y), tolerance: tiny(60)).holds)
            #expect(try !Interpolation.check(network: net, data: x, targets: matrix(y), tolerance: tiny(61)).holds)
            // Wrong shapes are errors, not verdicts.
            #expect(throws: MatrixError.self) { try Interpolation.check(network: net, data: x, targets: matrix(y).transposed) }
        }
    }

    @Test("Weight decay and norms equal the reference; u_k one step too small fails at k")
    func weightDecay() throws {
        for c in Reference.cases("networks") {
            let net = try network(c)
            let v2 = vector(c["v2"]), w2 = vector(c["w2"])
            // u_k: the exact product when it is a square, otherwise a rational above it.
            let upper = zip(v2, w2).map { upperSquareRoot($0 * $1) }
            let result = try WeightDecay.check(network: net, upperBounds: upper, lowerBounds: zip(v2, w2).map { lowerSquareRoot($0 * $1) })
            #expect(result.weightDecay == q(c["WD"]))
            #expect(result.outputWeightSquaredNorms == v2 && result.inputWeightSquaredNorms == w2)
            #expect(result.holds)
            #expect(result.pathNormUpperBound! <= result.weightDecay) // Lemma WD with tight u
            #expect(result.pathNormLowerBound! <= result.pathNormUpperBound!)
            let k = upper.indices.last(where: { !upper[$0].isZero })!
            var tooSmall = upper
            tooSmall[k] = lowerSquareRoot(v2[k] * w2[k])
            if tooSmall[k] * tooSmall[k] < v2[k] * w2[k] {
                let failed = try WeightDecay.check(network: net, upperBounds: tooSmall)
                #expect(failed.upperViolation?.unit == k)
            }
            var tooLarge = zip(v2, w2).map { lowerSquareRoot($0 * $1) }
            tooLarge[k] = upper[k] + tiny(20)
            #expect(try WeightDecay.check(network: net, lowerBounds: tooLarge).lowerViolation?.unit == k)
            #expect(try WeightDecay.check(network: net, upperBounds: upper.map { -$0 - tiny(60) }).upperViolation?.unit == 0)
            #expect(throws: MatrixError.self) { try WeightDecay.check(network: net, upperBounds: [1]) }
        }
    }

    @Test("Balanced networks: R = WD; unbalancing one unit by 2^-60 is detected")
    func balance() throws {
        // Units with ||v_k|| = ||w_k||: v = (3, 4) / 5 * 5, w = (0, 5) / 1; v2 = 25 = w2.
        let W = matrix([[0, 5], [3, 4]].map { $0.map { Rational($0) } })
        let V = matrix([[3, 0], [4, 5]].map { $0.map { Rational($0) } })
        let net = try ShallowReLUNetwork(inputWeights: W, biases: [1, -1], outputWeights: V, outputBias: [0, 0])
        let r = try WeightDecay.check(network: net, upperBounds: [25, 25])
        #expect(r.isBalanced && r.holds && r.weightDecay == 50 && r.pathNormUpperBound == 50)
        let V2 = matrix([[3, 0], [4, Rational(5) + tiny(60)]])
        let unbalanced = try WeightDecay.check(
            network: ShallowReLUNetwork(inputWeights: W, biases: [1, -1], outputWeights: V2, outputBias: [0, 0]))
        #expect(unbalanced.firstUnbalancedUnit == 1)
        // Lemma RS: rescaling unit 0 by a = 2 leaves the outputs unchanged on any data.
        let scaled = try ShallowReLUNetwork(
            inputWeights: matrix([[0, 10], [3, 4]].map { $0.map { Rational($0) } }), biases: [2, -1],
            outputWeights: matrix([[Rational(3) / 2, 0], [2, 5]]), outputBias: [0, 0])
        let x = matrix([[1, -2, 5, 0], [3, 1, -7, 2]].map { $0.map { Rational($0) } })
        #expect(try CompressionCheck(original: net, compressed: scaled, data: x).holds)
    }

    @Test("Active, used and shared units equal the reference; rank bounds hold (Lemma RW)")
    func sharingAndWidth() throws {
        for c in Reference.cases("networks") {
            let net = try network(c)
            let sharing = NeuronSharing(network: net)
            #expect(sharing.activeUnits == ints(c["active"]))
            #expect(sharing.unitsUsedByOutput == (c["used"] as! [[Any]]).map { ints($0) })
            #expect(sharing.sharedUnits == ints(c["shared"]))
            let y = matrix(c["F"])
            let width = try WidthFromRank(targets: y, outputBias: net.outputBias)
            #expect(width.targetRank == (c["rankF"] as! NSNumber).intValue)
            #expect(width.centredRank == (c["rankCentred"] as! NSNumber).intValue)
            #expect(sharing.activeCount >= width.centredRank!) // the lemma on this network
            #expect(width.centredRank! >= width.universalLowerBound)
        }
    }

    @Test("Lemma RW brute force: random interpolating networks never have fewer units than rank(Y) - 1")
    func widthBruteForce() throws {
        var rng = SplitMix64(seed: 0x52_57)
        for _ in 0..<40 {
            let K = 1 + rng.below(4), d = 1 + rng.below(3), D = 1 + rng.below(5), N = 1 + rng.below(7)
            let net = try ShallowReLUNetwork(
                inputWeights: matrix(rng.rows(K, d) { $0.general() }), biases: (0..<K).map { _ in rng.general() },
                outputWeights: matrix(rng.rows(D, K) { $0.general() }), outputBias: (0..<D).map { _ in rng.general() })
            let y = try net.outputs(on: matrix(rng.rows(d, N) { $0.general() }))
            let width = try WidthFromRank(targets: y, outputBias: net.outputBias)
            #expect(K >= width.centredRank! && width.centredRank! >= width.universalLowerBound)
            #expect(width.targetRank == naiveRank(toRows(y)))
        }
    }

    @Test("A claimed rank off by one is told apart (the rank is exact)")
    func rankOffByOne() throws {
        let y = matrix([[1, 2, 3], [2, 4, 6], [0, 0, 1]].map { $0.map { Rational($0) } })
        let width = try WidthFromRank(targets: y, outputBias: [1, 2, 0])
        #expect(width.targetRank == 2 && width.targetRank != 3 && width.targetRank != 1)
        #expect(width.centredRank == 2)
        var moved = toRows(y)
        moved[1][1] += tiny(60)
        #expect(try WidthFromRank(targets: matrix(moved)).targetRank == 3)
    }

    @Test("Compression: dropping an unused unit preserves outputs; changing one output weight by 2^-60 does not")
    func compression() throws {
        let c = Reference.cases("networks")[0]
        let net = try network(c), x = matrix(c["X"])
        let keep = (0..<net.units).filter { k in (0..<net.outputDimension).contains { !net.outputWeights.isZero($0, k) } }
        let pruned = try ShallowReLUNetwork(
            inputWeights: net.inputWeights.selectingRows(keep), biases: keep.map { net.biases[$0] },
            outputWeights: net.outputWeights.selectingColumns(keep), outputBias: net.outputBias)
        let check = try CompressionCheck(original: net, compressed: pruned, data: x)
        #expect(check.holds && check.originalActiveUnits == check.compressedActiveUnits)
        var v = toRows(pruned.outputWeights)
        let (row, column) = (0..<v.count).lazy.flatMap { i in (0..<v[0].count).lazy.map { (i, $0) } }.first {
            !pruned.outputWeights.isZero($0.0, $0.1)
        }!
        v[row][column] += tiny(60)
        let changed = try ShallowReLUNetwork(
            inputWeights: pruned.inputWeights, biases: pruned.biases, outputWeights: matrix(v), outputBias: pruned.outputBias)
        let off = try CompressionCheck(original: net, compressed: changed, data: x)
        // The outputs differ exactly where unit `column` fires.
        let phi = try net.features(on: x)
        let firing = (0..<x.columns).contains { !phi.isZero(keep[column], $0) }
        #expect(off.holds == !firing)
        if firing { #expect(off.firstDifference?.output == row) }
    }
}

/// floor(sqrt(n)) for n >= 0 by Newton's iteration on integers.
func integerSquareRoot(_ n: BigInt) -> BigInt {
    if n.signum <= 0 { return .zero }
    var x = BigInt.powerOfTwo((n.bitLength + 1) / 2) // x >= sqrt(n)
    while true {
        let y = (x + n / x) >> 1
        if y >= x { return x }
        x = y
    }
}

/// A rational u >= sqrt(a): sqrt(p / q) = sqrt(p q) / q <= (isqrt(p q) + 1) / q (exact for squares).
func upperSquareRoot(_ a: Rational) -> Rational {
    let pq = a.numerator * a.denominator, r = integerSquareRoot(pq)
    return try! Rational(numerator: r * r == pq ? r : r + 1, denominator: a.denominator)
}

/// A rational l <= sqrt(a): isqrt(p q) / q.
func lowerSquareRoot(_ a: Rational) -> Rational {
    try! Rational(numerator: integerSquareRoot(a.numerator * a.denominator), denominator: a.denominator)
}
