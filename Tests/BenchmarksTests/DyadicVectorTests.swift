import Testing
import ExactArithmetic
@testable import Benchmarks

/// DyadicVector.dot against an exact Rational sum of the same products, on every path:
/// word-sized entries in the arrays (products near 2^124 that fill the 128-bit halves),
/// large mantissas and exponents of 256 or more (kept aside), and their mixtures.
@Suite("DyadicVector.dot == Rational reference")
struct DyadicVectorTests {
    /// splitmix64 (the kit's generator, written again here).
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
    }

    /// A dyadic number of one of several kinds: small, near +-2^63, beyond 64 bits, with
    /// exponents below 256 or not.
    static func draw(_ g: inout Generator) -> Dyadic {
        let kind = g.int(0...5)
        let exponent = kind == 5 ? g.int(256...700) : g.int(0...255)
        switch kind {
        case 0: return Dyadic(mantissa: BigInt(g.int(-1000...1000)), exponent: exponent)
        case 1: return Dyadic(mantissa: BigInt(Int64.max - Int64(g.int(0...1000)) * 2), exponent: exponent)
        case 2: return Dyadic(mantissa: BigInt(Int64.min + Int64(g.int(0...1000)) * 2 + 1), exponent: exponent)
        case 3: return Dyadic(mantissa: (BigInt(Int(g.next() >> 1)) << g.int(1...200)) + 1, exponent: exponent)
        default: return Dyadic(mantissa: BigInt(Int(Int64(bitPattern: g.next()))), exponent: exponent)
        }
    }

    static func reference(_ a: [Dyadic], _ b: [Dyadic]) -> Rational {
        var s = Rational.zero
        for (x, y) in zip(a, b) { s += x.rational * y.rational }
        return s
    }

    @Test("random vectors of mixed kinds", arguments: 0..<20)
    func random(seed: UInt64) {
        var g = Generator(state: seed)
        for length in [0, 1, 2, 5, 40, 300] {
            let a = (0..<length).map { _ in Self.draw(&g) }, b = (0..<length).map { _ in Self.draw(&g) }
            let (va, vb) = (DyadicVector(a), DyadicVector(b))
            #expect((0..<length).allSatisfy { va[$0] == a[$0] })
            let dot = DyadicVector.dot(va, vb)
            #expect(dot.rational == Self.reference(a, b), "seed \(seed) length \(length)")
            #expect(dot.mantissa.isOdd || dot.exponent == 0, "canonical")
        }
    }

    /// 4096 products of (2^63 - 1)^2 or (-2^63)^2 in one bucket: the halves' sums pass
    /// 2^64 and 2^128 would overflow 64-bit or unsplit 128-bit sums.
    @Test("extreme products in one bucket")
    func extremes() {
        for (x, y) in [(Int64.max, Int64.max), (Int64.min, Int64.min), (Int64.min, Int64.max)] {
            let a = [Dyadic](repeating: Dyadic(mantissa: BigInt(x), exponent: 255), count: 4096)
            let b = [Dyadic](repeating: Dyadic(mantissa: BigInt(y), exponent: 255), count: 4096)
            let expected = Rational(BigInt(x) * BigInt(y) * 4096).timesPowerOfTwo(-510)
            #expect(DyadicVector.dot(DyadicVector(a), DyadicVector(b)).rational == expected)
            // One unit less in one entry changes the result.
            var c = b
            c[17] = Dyadic(mantissa: BigInt(y) - 1, exponent: 255)
            #expect(DyadicVector.dot(DyadicVector(a), DyadicVector(c)).rational != expected)
        }
    }
}
