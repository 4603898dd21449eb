import Testing
@testable import ExactArithmetic
import TestSupport

// One set of ring, field and order laws, generic over the number type and instantiated
// for BigInt, Rational and Dyadic (as far as each type has the operation). The laws
// are identities that hold for every ordered commutative ring (and field), so they are
// ground truth that needs no second implementation; each law is checked on random
// values of every size (word-sized fast paths and GMP paths) and on boundary values.

/// An exact ordered commutative ring with integer literals: what the law tests need.
protocol ExactRing: Comparable, Hashable, ExpressibleByIntegerLiteral, CustomStringConvertible {
    static func + (lhs: Self, rhs: Self) -> Self
    static func - (lhs: Self, rhs: Self) -> Self
    static func * (lhs: Self, rhs: Self) -> Self
    static prefix func - (value: Self) -> Self
    static func += (lhs: inout Self, rhs: Self)
    static func -= (lhs: inout Self, rhs: Self)
    static func *= (lhs: inout Self, rhs: Self)
    static func compare(_ lhs: Self, _ rhs: Self) -> Int
    var signum: Int { get }
    var isZero: Bool { get }
    var magnitude: Self { get }
    /// Asserts the type's canonical form (equal values have equal representations).
    func expectCanonicalForm(sourceLocation: SourceLocation)
}

/// An exact ordered field: an ``ExactRing`` with division by nonzero values.
protocol ExactField: ExactRing {
    static func / (lhs: Self, rhs: Self) -> Self
    static func /= (lhs: inout Self, rhs: Self)
}

extension BigInt: ExactRing {
    func expectCanonicalForm(sourceLocation: SourceLocation) {
        // Inline and GMP representations are checked by CopyOnWriteTests; here the value
        // must survive its canonical text.
        #expect((try? BigInt(parsing: description)) == self, sourceLocation: sourceLocation)
    }
}

extension Rational: ExactField {
    func expectCanonicalForm(sourceLocation: SourceLocation) {
        expectCanonical(self, sourceLocation: sourceLocation)
    }
}

extension Dyadic: ExactRing {
    func expectCanonicalForm(sourceLocation: SourceLocation) {
        expectCanonical(self, sourceLocation: sourceLocation)
    }
}

/// The ring laws on one triple.
func expectRingLaws<T: ExactRing>(_ a: T, _ b: T, _ c: T, sourceLocation: SourceLocation = #_sourceLocation) {
    let zero: T = 0, one: T = 1
    for x in [a + b, a - b, a * b, -a, a.magnitude, (a + b) * c, a * b - c] {
        x.expectCanonicalForm(sourceLocation: sourceLocation)
    }
    // (R, +) is an abelian group.
    #expect(a + b == b + a, "\(a) + \(b)", sourceLocation: sourceLocation)
    #expect((a + b) + c == a + (b + c), sourceLocation: sourceLocation)
    #expect(a + zero == a && zero + a == a, sourceLocation: sourceLocation)
    #expect(a + (-a) == zero && (-a).isZero == a.isZero, sourceLocation: sourceLocation)
    #expect(-(-a) == a, sourceLocation: sourceLocation)
    #expect(a - b == a + (-b) && a - b == -(b - a), sourceLocation: sourceLocation)
    #expect(a - b + b == a && a + b - b == a && a - a == zero, sourceLocation: sourceLocation)
    // (R, *) is a commutative monoid, and * distributes over + on both sides.
    #expect(a * b == b * a, "\(a) * \(b)", sourceLocation: sourceLocation)
    #expect((a * b) * c == a * (b * c), sourceLocation: sourceLocation)
    #expect(a * one == a && one * a == a, sourceLocation: sourceLocation)
    #expect(a * zero == zero, sourceLocation: sourceLocation)
    #expect(a * (b + c) == a * b + a * c, sourceLocation: sourceLocation)
    #expect((a + b) * c == a * c + b * c, sourceLocation: sourceLocation)
    #expect((a - b) * c == a * c - b * c, sourceLocation: sourceLocation)
    #expect((-a) * b == -(a * b) && (-a) * (-b) == a * b, sourceLocation: sourceLocation)
    // No zero divisors.
    #expect((a * b).isZero == (a.isZero || b.isZero), sourceLocation: sourceLocation)
}

/// The order laws on one triple: a total order compatible with + and with * by
/// positive elements, and sign and magnitude consistent with it.
func expectOrderLaws<T: ExactRing>(_ a: T, _ b: T, _ c: T, sourceLocation: SourceLocation = #_sourceLocation) {
    let zero: T = 0
    // Exactly one of <, ==, >; compare agrees with them and is antisymmetric.
    #expect([a < b, a == b, b < a].filter { $0 }.count == 1, sourceLocation: sourceLocation)
    #expect(T.compare(a, b) == (a < b ? -1 : (a == b ? 0 : 1)), sourceLocation: sourceLocation)
    #expect(T.compare(a, b) == -T.compare(b, a), sourceLocation: sourceLocation)
    #expect(T.compare(a, b) == (a - b).signum, sourceLocation: sourceLocation)
    if a <= b && b <= c { #expect(a <= c, sourceLocation: sourceLocation) }
    // Translation invariance and multiplication by a positive or negative c.
    #expect((a < b) == (a + c < b + c), sourceLocation: sourceLocation)
    if c > zero { #expect((a < b) == (a * c < b * c), sourceLocation: sourceLocation) }
    if c < zero { #expect((a < b) == (a * c > b * c), sourceLocation: sourceLocation) }
    #expect(a * a >= zero, sourceLocation: sourceLocation)
    // Sign and magnitude.
    #expect(a.signum == (a > zero ? 1 : (a < zero ? -1 : 0)), sourceLocation: sourceLocation)
    #expect(a.isZero == (a == zero), sourceLocation: sourceLocation)
    #expect(a.magnitude >= zero && (a.magnitude == a || a.magnitude == -a), sourceLocation: sourceLocation)
    #expect((a * b).magnitude == a.magnitude * b.magnitude, sourceLocation: sourceLocation)
    #expect((a + b).magnitude <= a.magnitude + b.magnitude, sourceLocation: sourceLocation)
    #expect((a * b).signum == a.signum * b.signum, sourceLocation: sourceLocation)
}

/// Equal values built two ways hash alike, and compound assignment equals the
/// operator, also when the operand is the value being changed (copy-on-write).
func expectValueSemantics<T: ExactRing>(_ a: T, _ b: T, sourceLocation: SourceLocation = #_sourceLocation) {
    let roundTrip = (a + b) - b
    #expect(roundTrip == a && roundTrip.hashValue == a.hashValue, sourceLocation: sourceLocation)
    var x = a
    x += b
    #expect(x == a + b, sourceLocation: sourceLocation)
    x = a
    x -= b
    #expect(x == a - b, sourceLocation: sourceLocation)
    x = a
    x *= b
    #expect(x == a * b, sourceLocation: sourceLocation)
    x = a
    x += x
    #expect(x == a * 2, sourceLocation: sourceLocation)
    x = a
    x *= x
    #expect(x == a * a, sourceLocation: sourceLocation)
    x = a
    x -= x
    #expect(x.isZero, sourceLocation: sourceLocation)
    let copy = a
    x = a
    x += 1
    #expect(copy == a && x == a + 1, "mutating a copy left the original unchanged", sourceLocation: sourceLocation)
}

/// The field laws on one triple: inverses of nonzero elements.
func expectFieldLaws<T: ExactField>(_ a: T, _ b: T, _ c: T, sourceLocation: SourceLocation = #_sourceLocation) {
    let one: T = 1
    guard !b.isZero else { return }
    let q = a / b
    q.expectCanonicalForm(sourceLocation: sourceLocation)
    #expect(q * b == a, "(\(a) / \(b)) * \(b)", sourceLocation: sourceLocation)
    #expect(b / b == one && (one / b) * b == one, sourceLocation: sourceLocation)
    #expect((a * b) / b == a, sourceLocation: sourceLocation)
    #expect((a + c) / b == a / b + c / b, sourceLocation: sourceLocation)
    #expect(one / (one / b) == b, sourceLocation: sourceLocation)
    if !a.isZero { #expect(one / (a * b) == (one / a) * (one / b), sourceLocation: sourceLocation) }
    #expect((q.signum) == a.signum * b.signum, sourceLocation: sourceLocation)
    var x = a
    x /= b
    #expect(x == q, sourceLocation: sourceLocation)
    if !c.isZero {
        #expect((a < b * c * c) == (a / (c * c) < b), "dividing by a positive square keeps the order", sourceLocation: sourceLocation)
    }
}

/// Random values of one type plus small boundary values (0, +-1, +-2).
func lawValues<T: ExactRing>(count: Int, seed: UInt64, _ draw: (inout SplitMix64) -> T) -> [(T, T, T)] {
    var rng = SplitMix64(seed: seed)
    let small: [T] = [0, 1, -1, 2, -2]
    var triples: [(T, T, T)] = []
    for a in small { for b in small { triples.append((a, b, small[(triples.count * 3) % small.count])) } }
    for _ in 0..<count {
        let a = draw(&rng), b = draw(&rng), c = draw(&rng)
        triples.append((a, b, c))
        triples.append((a, a, b)) // equal operands
        triples.append((a, -a, c)) // opposite operands
    }
    return triples
}

@Suite("Number laws (generic over BigInt, Rational, Dyadic)")
struct NumberLawsTests {
    static func checkRing<T: ExactRing>(_ triples: [(T, T, T)]) {
        for (a, b, c) in triples {
            expectRingLaws(a, b, c)
            expectOrderLaws(a, b, c)
            expectValueSemantics(a, b)
        }
    }

    @Test("BigInt: ordered commutative ring")
    func bigIntRing() {
        Self.checkRing(lawValues(count: 150, seed: 0x1A_0001) { $0.sizedBigInt() })
        let boundary = Boundary.int128Values.map { BigInt($0) }
        var rng = SplitMix64(seed: 0x1A_0002)
        Self.checkRing((0..<150).map { _ in (rng.element(of: boundary), rng.element(of: boundary), rng.element(of: boundary)) })
    }

    @Test("Rational: ordered field")
    func rationalField() {
        let triples = lawValues(count: 120, seed: 0x1A_0003) { $0.rational(maxBits: 400) }
        Self.checkRing(triples)
        for (a, b, c) in triples { expectFieldLaws(a, b, c) }
    }

    @Test("Dyadic: ordered commutative ring")
    func dyadicRing() {
        Self.checkRing(lawValues(count: 120, seed: 0x1A_0004) { $0.dyadic(maxBits: 400) })
    }

    @Test("the laws notice a product that is wrong by one unit on one pair")
    func lawsDetectABrokenRing() {
        withKnownIssue("3 * 5 is 16 in BrokenRing") {
            expectRingLaws(BrokenRing(3), BrokenRing(5), BrokenRing(0))
        }
        withKnownIssue("3 * 5 is 16 in BrokenRing") {
            expectOrderLaws(BrokenRing(3), BrokenRing(5), BrokenRing(1))
            expectRingLaws(BrokenRing(5), BrokenRing(3), BrokenRing(1))
        }
    }
}

/// BigInt with a product that is wrong by one unit on the pair (3, 5): the generic laws
/// must reject it, so they are not vacuous.
struct BrokenRing: ExactRing {
    var value: BigInt
    init(_ value: BigInt) { self.value = value }
    init(integerLiteral value: Int) { self.value = BigInt(value) }
    static func + (lhs: Self, rhs: Self) -> Self { Self(lhs.value + rhs.value) }
    static func - (lhs: Self, rhs: Self) -> Self { Self(lhs.value - rhs.value) }
    static func * (lhs: Self, rhs: Self) -> Self { Self(lhs.value * rhs.value + (lhs.value == 3 && rhs.value == 5 ? 1 : 0)) }
    static prefix func - (value: Self) -> Self { Self(-value.value) }
    static func += (lhs: inout Self, rhs: Self) { lhs = lhs + rhs }
    static func -= (lhs: inout Self, rhs: Self) { lhs = lhs - rhs }
    static func *= (lhs: inout Self, rhs: Self) { lhs = lhs * rhs }
    static func < (lhs: Self, rhs: Self) -> Bool { lhs.value < rhs.value }
    static func compare(_ lhs: Self, _ rhs: Self) -> Int { BigInt.compare(lhs.value, rhs.value) }
    var signum: Int { value.signum }
    var isZero: Bool { value.isZero }
    var magnitude: Self { Self(value.magnitude) }
    var description: String { value.description }
    func expectCanonicalForm(sourceLocation: SourceLocation) {}
}
