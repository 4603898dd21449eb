import Testing
@testable import ExactArithmetic
import TestSupport

/// Value semantics of the GMP-backed types: mutating a copy never changes the
/// original, whose text is snapshotted before the mutation.
@Suite("Copy-on-write")
struct CopyOnWriteTests {
    static func largeValues() -> [BigInt] {
        var rng = SplitMix64(seed: 0xC0_0001)
        return [BigInt.powerOfTwo(64), -BigInt.powerOfTwo(64), BigInt(Int.max) + 1, BigInt(Int.min) - 1]
            + (0..<20).map { _ in rng.bigInt(bits: rng.int(in: 65...3000)) }
    }

    /// Runs `mutate` on a copy of `original` and checks that the original is unchanged.
    static func checkCopy(
        _ original: BigInt, _ name: String, _ mutate: (inout BigInt) -> Void,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let a = original
        let before = a.description
        var b = a
        mutate(&b)
        #expect(a.description == before, "\(name) on a copy changed the original", sourceLocation: sourceLocation)
        #expect(a == original, sourceLocation: sourceLocation)
    }

    @Test("BigInt in-place operations copy shared storage")
    func bigIntOperations() {
        let big = BigInt.powerOfTwo(100) + 12345
        for a in Self.largeValues() {
            Self.checkCopy(a, "+= 1") { $0 += 1 }
            Self.checkCopy(a, "+= big") { $0 += big }
            Self.checkCopy(a, "-= 1") { $0 -= 1 }
            Self.checkCopy(a, "-= self") { $0 -= $0 }
            Self.checkCopy(a, "*= 3") { $0 *= 3 }
            Self.checkCopy(a, "*= big") { $0 *= big }
            Self.checkCopy(a, "addProduct") { $0.addProduct(big, big) }
            Self.checkCopy(a, "addProduct small") { $0.addProduct(2, 3) }
            Self.checkCopy(a, "subtractProduct") { $0.subtractProduct(big, 7) }
            Self.checkCopy(a, "negate") { $0.negate() }
            Self.checkCopy(a, "<<=") { $0 <<= 70 }
            Self.checkCopy(a, ">>=") { $0 >>= 70 }
            Self.checkCopy(a, "chain") { x in
                x += 1
                x *= x
                x.addProduct(x, x)
            }
        }
    }

    @Test("the mutated copy has the right value, and the original stays usable")
    func copyHasNewValue() {
        for a in Self.largeValues() {
            var b = a
            b += 1
            #expect(b - a == 1)
            var c = a
            c.addProduct(a, a)
            #expect(c == a + a * a)
            var d = a
            d.subtractProduct(a, 2)
            #expect(d == -a)
            // Several copies mutated independently.
            var copies = Array(repeating: a, count: 4)
            for i in copies.indices { copies[i] += BigInt(i) }
            for i in copies.indices { #expect(copies[i] - a == BigInt(i)) }
        }
    }

    @Test("a uniquely referenced value is mutated correctly in place")
    func uniqueInPlace() {
        var rng = SplitMix64(seed: 0xC0_0002)
        var x = rng.bigInt(bits: 2000)
        var reference = x.description
        for i in 0..<200 {
            x += BigInt(i)
            x.addProduct(x, 1)
            x -= BigInt(i)
            reference = (try! BigInt(parsing: reference) * 2 + BigInt(i)).description
            #expect(x.description == reference)
        }
    }

    @Test("Rational in-place operations copy shared storage")
    func rationalOperations() {
        var rng = SplitMix64(seed: 0xC0_0003)
        let p = Rational(BigInt.powerOfTwo(100) + 1)
        for _ in 0..<20 {
            let a = try! Rational(
                numerator: rng.bigInt(bits: rng.int(in: 65...2000)), denominator: rng.bigInt(bits: rng.int(in: 65...2000)))
            let before = a.description
            let operations: [(String, (inout Rational) -> Void)] = [
                ("+= 1", { $0 += 1 }),
                ("+= p", { $0 += p }),
                ("-= 1", { $0 -= 1 }),
                ("-= p", { $0 -= p }),
                ("*= 3", { $0 *= 3 }),
                ("*= p", { $0 *= p }),
                ("/= p", { $0 /= p }),
                ("negate", { $0.negate() }),
                ("+= self", { $0 += $0 }),
            ]
            for (name, operation) in operations {
                var b = a
                operation(&b)
                #expect(a.description == before, "Rational \(name) on a copy changed the original")
                #expect(b != a)
            }
            // Numerator or denominator shared with another value.
            let n = a.numerator
            var c = a
            c += p
            #expect(n == a.numerator)
            #expect(c - p == a)
        }
    }

    @Test("Dyadic operations do not alias their inputs")
    func dyadicOperations() {
        var rng = SplitMix64(seed: 0xC0_0004)
        for _ in 0..<20 {
            let a = Dyadic(mantissa: rng.bigInt(bits: rng.int(in: 65...2000)), exponent: rng.int(in: 0...600))
            let before = a.description
            var b = a
            b += a
            b *= a
            b -= 1
            #expect(a.description == before)
        }
    }
}
