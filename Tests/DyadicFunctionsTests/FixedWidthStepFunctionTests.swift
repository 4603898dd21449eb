import Testing
import ExactArithmetic
import TestSupport
@testable import DyadicFunctions

/// FixedWidthStepFunction.supDistance against the brute force of
/// FoundationSupDistanceTests (union of breakpoints, evaluated piece by piece) and
/// against StepFunction.supDistance; and the cases that must not have a fixed-width form.
@Suite struct FixedWidthStepFunctionTests {
    static func check(_ a: FDN.RawStep, _ b: FDN.RawStep, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let f = try a.make(), g = try b.make()
        let (x, y) = (try #require(FixedWidthStepFunction(f)), try #require(FixedWidthStepFunction(g)))
        let expected = FoundationSupDistanceTests.bruteForce(a, b)
        #expect(x.supDistance(to: y) == expected, "\(a) vs \(b)", sourceLocation: sourceLocation)
        #expect(y.supDistance(to: x) == expected, sourceLocation: sourceLocation)
        #expect(f.supDistance(to: g) == expected, sourceLocation: sourceLocation)
    }

    @Test("dyadic breakpoints up to level 62, small, tied and edge-of-Int values", arguments: [1, 5, 30, 62])
    func matchesBruteForce(level: Int) throws {
        var rng = SplitMix64(seed: 0xF1D0 + UInt64(level))
        let values: [(inout SplitMix64) -> Rational] = [
            FDN.smallRational, FoundationSupDistanceTests.edgeRational, { r in FDN.q(FDN.int(&r, -3...3), 4) },
        ]
        for round in 0..<200 {
            let value = values[round % values.count]
            let a = FDN.randomRaw(&rng, maxPieces: 10, level: level, repeatPercent: 20, value: value)
            let b = FDN.randomRaw(&rng, maxPieces: 10, level: max(1, level - round % 3), repeatPercent: 20, value: value)
            try Self.check(a, b)
        }
    }

    @Test("no fixed-width form: non-dyadic or level-63 breakpoints, 64-bit-plus values")
    func rejects() throws {
        let third = try StepFunction(breakpoints: [0, FDN.q(1, 3), 1], values: [0, 1])
        #expect(FixedWidthStepFunction(third) == nil)
        let fine = try StepFunction(breakpoints: [0, Rational(1).timesPowerOfTwo(-63), 1], values: [0, 1])
        #expect(FixedWidthStepFunction(fine) == nil)
        let ok = try StepFunction(breakpoints: [0, Rational(1).timesPowerOfTwo(-62), 1], values: [0, 1])
        #expect(FixedWidthStepFunction(ok) != nil)
        let wide = StepFunction(constant: Rational(BigInt(1) << 63))
        #expect(FixedWidthStepFunction(wide) == nil)
        let wideDenominator = StepFunction(constant: FDN.q(BigInt(1), BigInt(1) << 63))
        #expect(FixedWidthStepFunction(wideDenominator) == nil)
        #expect(FixedWidthStepFunction(StepFunction(constant: FDN.q(Int.min, Int.max))) != nil)
    }
}
