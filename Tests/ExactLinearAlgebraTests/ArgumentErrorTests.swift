import ExactArithmetic
import Testing
@testable import ExactLinearAlgebra

/// Out-of-range arguments of the pure checks are thrown errors (never traps), so that a
/// caller can locate them: lambda <= 0, a negative tolerance.
@Suite("Pure checks: out-of-range arguments are thrown errors")
struct ArgumentErrorTests {
    static let phi = try! RationalMatrix([[0, 1, 2], [1, 0, 0]].map { $0.map { Rational($0) } }, columns: 3)
    static let psi = try! RationalMatrix([[2, 1, 2], [0, 1, 2]].map { $0.map { Rational($0) } }, columns: 3)
    static let v = try! RationalMatrix([[1, 2], [1, 0]].map { $0.map { Rational($0) } }, columns: 2)

    @Test func penalisedLambdaMustBePositive() throws {
        for lambda in [Rational(0), Rational(-1), -Rational.one.timesPowerOfTwo(-60)] {
            #expect(throws: MatrixError.self) {
                _ = try MultiTaskLasso.checkPenalised(
                    features: Self.phi, targets: Self.psi, weights: Self.v, dual: Self.psi,
                    lambda: lambda, unitBounds: [2, 2], delta: 0)
            }
        }
        // lambda = 2^-60 > 0 is accepted (the result may be a violation, but no error).
        _ = try MultiTaskLasso.checkPenalised(
            features: Self.phi, targets: Self.psi, weights: Self.v, dual: Self.psi,
            lambda: Rational.one.timesPowerOfTwo(-60), unitBounds: [2, 2], delta: 0)
    }

    @Test func lassoLambdaMustBePositive() {
        #expect(throws: MatrixError.invalidArgument("lasso: lambda must be positive, not 0")) {
            _ = try Lasso.checkGap(features: Self.phi.transposed, targets: [1, 2, 3], head: [1, 1], dual: [0, 0, 0], lambda: 0, delta: 0)
        }
    }

    @Test func interpolationToleranceMustBeNonNegative() throws {
        let network = try ShallowReLUNetwork(
            inputWeights: try RationalMatrix([[1], [-1]], columns: 1), biases: [0, 1],
            outputWeights: Self.v, outputBias: [0, 0])
        let x = try RationalMatrix([[0, 1, 2]], columns: 3)
        let y = try network.outputs(on: x)
        #expect(throws: MatrixError.self) {
            _ = try Interpolation.check(network: network, data: x, targets: y, tolerance: -Rational.one.timesPowerOfTwo(-60))
        }
        #expect(try Interpolation.check(network: network, data: x, targets: y, tolerance: 0).holds)
    }
}
