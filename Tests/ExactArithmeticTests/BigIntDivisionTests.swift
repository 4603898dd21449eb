import Testing
@testable import ExactArithmetic
import TestSupport

/// Both division conventions, exact division, divisibility and gcd, checked against
/// the identities that define them.
@Suite("BigInt division and gcd")
struct BigIntDivisionTests {
    /// Random (dividend, divisor) pairs with the divisor often much smaller.
    static func pairs(seed: UInt64, count: Int) -> [(BigInt, BigInt)] {
        var rng = SplitMix64(seed: seed)
        var result: [(BigInt, BigInt)] = []
        for _ in 0..<count {
            let a = rng.sizedBigInt()
            let d = rng.chance(1, in: 3) ? rng.bigInt(bits: rng.int(in: 1...64)) : rng.nonzeroBigInt()
            result.append((a, d))
            // Exact multiples and off-by-one around them, all sign combinations.
            result.append((a * d, d))
            result.append((a * d + 1, -d))
            result.append((-(a * d) - 1, d))
        }
        return result
    }

    @Test("truncating division: a = q*d + r, |r| < |d|, r has the sign of a")
    func truncatingDivision() {
        for (a, d) in Self.pairs(seed: 0xD1_0001, count: 150) {
            let (q, r) = a.quotientAndRemainder(dividingBy: d)
            #expect(q * d + r == a, "\(a) / \(d)")
            #expect(r.magnitude < d.magnitude)
            #expect(r.isZero || r.signum == a.signum, "remainder \(r) of \(a) / \(d)")
            #expect(a / d == q)
            #expect(a % d == r)
            // Truncation is symmetric under negation.
            #expect((-a) / d == -q)
            #expect(a / (-d) == -q)
        }
    }

    @Test("floored division: a = q*d + m, |m| < |d|, m has the sign of d")
    func flooredDivision() {
        for (a, d) in Self.pairs(seed: 0xD1_0002, count: 150) {
            let (q, m) = a.flooredQuotientAndModulus(dividingBy: d)
            #expect(q * d + m == a, "\(a) floordiv \(d)")
            #expect(m.magnitude < d.magnitude)
            #expect(m.isZero || m.signum == d.signum, "modulus \(m) of \(a) floordiv \(d)")
            let (tq, tr) = a.quotientAndRemainder(dividingBy: d)
            #expect(q == (tr.isZero || tr.signum == d.signum ? tq : tq - 1))
        }
    }

    @Test("division at the edges of Int")
    func divisionEdges() {
        let values = Boundary.int128Values.map(BigInt.init)
        for a in values {
            for d in values where !d.isZero {
                let (q, r) = a.quotientAndRemainder(dividingBy: d)
                #expect(q * d + r == a)
                #expect(r.magnitude < d.magnitude)
                #expect(r.isZero || r.signum == a.signum)
                let (fq, m) = a.flooredQuotientAndModulus(dividingBy: d)
                #expect(fq * d + m == a)
                #expect(m.magnitude < d.magnitude)
                #expect(m.isZero || m.signum == d.signum)
            }
        }
        // Int.min / -1 overflows Int and must be promoted.
        let (q, r) = BigInt(Int.min).quotientAndRemainder(dividingBy: -1)
        #expect(q == BigInt(Int.max) + 1)
        #expect(q.intValue == nil)
        #expect(r == 0)
        #expect(BigInt(Int.min).flooredQuotientAndModulus(dividingBy: -1).quotient == BigInt(Int.max) + 1)
    }

    @Test("exactlyDivided(by:) inverts multiplication")
    func exactDivision() {
        var rng = SplitMix64(seed: 0xD1_0003)
        for _ in 0..<300 {
            let a = rng.sizedBigInt(), d = rng.nonzeroBigInt()
            #expect((a * d).exactlyDivided(by: d) == a)
            #expect((a * d).exactlyDivided(by: -d) == -a)
        }
        #expect(BigInt(Int.min).exactlyDivided(by: -1) == -BigInt(Int.min))
    }

    @Test("isMultiple(of:)")
    func divisibility() {
        var rng = SplitMix64(seed: 0xD1_0004)
        for _ in 0..<300 {
            let a = rng.sizedBigInt(), d = rng.nonzeroBigInt()
            #expect((a * d).isMultiple(of: d))
            #expect((a * d).isMultiple(of: -d))
            if d.magnitude > 1 {
                #expect(!(a * d + 1).isMultiple(of: d))
                #expect(!(a * d - 1).isMultiple(of: d))
            }
            #expect(a.isMultiple(of: d) == (a % d).isZero)
            #expect(BigInt.zero.isMultiple(of: d))
            #expect(a.isMultiple(of: 0) == a.isZero)
            #expect(a.isMultiple(of: 1))
        }
        #expect(BigInt.zero.isMultiple(of: 0))
    }

    /// lcm against the smallest common multiple found by search (small values), and
    /// against the prime factorisation max(exponents) on large powers.
    @Test("lcm is the least common multiple")
    func lcmByDefinition() {
        for a in 1...40 {
            for b in 1...40 {
                let least = (1...(a * b)).first { $0 % a == 0 && $0 % b == 0 }
                #expect(BigInt.lcm(BigInt(a), BigInt(b)) == BigInt(least ?? 0), "lcm(\(a), \(b))")
            }
        }
        let two70 = BigInt(1) << 70, two65 = BigInt(1) << 65
        #expect(BigInt.lcm(two70 * 3, two65 * 5) == two70 * 15)
        #expect(BigInt.lcm(two65 * 9, two70 * 6) == two70 * 18) // 2^65 3^2 and 2^71 3
    }

    @Test("gcd divides both, is maximal and non-negative")
    func gcdLaws() {
        var rng = SplitMix64(seed: 0xD1_0005)
        for _ in 0..<300 {
            var a = rng.sizedBigInt(maxBits: 2000), b = rng.sizedBigInt(maxBits: 2000)
            if rng.chance(1, in: 2) {
                let common = rng.sizedBigInt(maxBits: 500)
                a *= common
                b *= common
            }
            let g = BigInt.gcd(a, b)
            #expect(g.signum >= 0)
            #expect(g == BigInt.gcd(b, a))
            #expect(g == BigInt.gcd(-a, b))
            #expect(g == BigInt.gcd(a, -b))
            if g.isZero {
                #expect(a.isZero && b.isZero)
            } else {
                #expect(a.isMultiple(of: g) && b.isMultiple(of: g))
                #expect(BigInt.gcd(a / g, b / g) == 1, "gcd(\(a), \(b)) = \(g) is not the greatest")
            }
            #expect(BigInt.gcd(a, 0) == a.magnitude)
            #expect(BigInt.gcd(a, a) == a.magnitude)
            #expect(BigInt.gcd(a, 1) == 1)
            let c = rng.sizedBigInt(maxBits: 300)
            #expect(BigInt.gcd(a * c, b * c) == g * c.magnitude)
        }
        #expect(BigInt.gcd(0, 0) == 0)
        let minInt = BigInt(Int.min)
        #expect(BigInt.gcd(minInt, 0) == -minInt)
        #expect(BigInt.gcd(minInt, minInt) == -minInt)
        #expect(BigInt.gcd(minInt, 6) == 2)
        #expect(BigInt.gcd(minInt, BigInt(Int.max)) == 1)
    }
}
