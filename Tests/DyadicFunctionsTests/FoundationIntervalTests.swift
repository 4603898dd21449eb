import Testing
import ExactArithmetic
@testable import DyadicFunctions
import TestSupport

/// DyadicInterval I(j,k) = [k/2^j, (k+1)/2^j) (MATH.md sec. 2).
@Suite struct FoundationIntervalTests {
    static func interval(_ j: Int, _ k: Int) throws -> DyadicInterval { try DyadicInterval(level: j, index: k) }

    @Test func endpointsLengthAndMidpoint() throws {
        for j in 0...7 {
            for k in 0..<(1 << j) {
                let I = try Self.interval(j, k)
                #expect(I.level == j && I.index == k)
                #expect(I.lowerBound.rational == FDN.q(k, 1 << j))
                #expect(I.upperBound.rational == FDN.q(k + 1, 1 << j))
                #expect(I.length.rational == FDN.q(1, 1 << j))
                #expect(I.midpoint.rational == FDN.q(2 * k + 1, 1 << (j + 1)))
                #expect(I.description == "I(\(j),\(k))")
            }
        }
        // The deepest level: indices up to 2^62 - 1, the last interval ends at 1.
        let last = try Self.interval(62, (1 << 62) - 1)
        #expect(last.upperBound.rational == 1)
        #expect(last.lowerBound.rational == FDN.q(FDN.pow2(62) - 1, FDN.pow2(62)))
        #expect(last.midpoint.rational == FDN.q(FDN.pow2(63) - 1, FDN.pow2(63)))
        #expect(last.length.rational == FDN.q(BigInt(1), FDN.pow2(62)))
        #expect(DyadicInterval.unit == (try Self.interval(0, 0)))
    }

    @Test func childrenParentAndAncestors() throws {
        for j in 0...6 {
            for k in 0..<(1 << j) {
                let I = try Self.interval(j, k)
                let l = I.leftChild, r = I.rightChild
                #expect(try l == Self.interval(j + 1, 2 * k))
                #expect(try r == Self.interval(j + 1, 2 * k + 1))
                // The children split I at its midpoint.
                #expect(l.lowerBound == I.lowerBound && l.upperBound == I.midpoint)
                #expect(r.lowerBound == I.midpoint && r.upperBound == I.upperBound)
                #expect(l.parent == I && r.parent == I)
                if j == 0 { #expect(I.parent == nil) } else { #expect(I.parent == (try Self.interval(j - 1, k / 2))) }
                for a in 0...j {
                    let A = I.ancestor(atLevel: a)
                    #expect(A.level == a)
                    // The ancestor is the level-a interval containing I: floor(k / 2^(j-a)).
                    #expect(A.lowerBound <= I.lowerBound && I.upperBound <= A.upperBound)
                    #expect(A.index == k / (1 << (j - a)))
                }
                #expect(I.ancestor(atLevel: j) == I)
                #expect(I.ancestor(atLevel: 0) == DyadicInterval.unit)
            }
        }
        let deep = try Self.interval(62, (1 << 62) - 3)
        #expect(deep.parent == (try Self.interval(61, ((1 << 62) - 3) / 2)))
        #expect(deep.ancestor(atLevel: 1) == (try Self.interval(1, 1)))
    }

    @Test func containmentOfPointsIsHalfOpen() throws {
        var points: [Rational] = (0...64).map { FDN.q($0, 64) }
        points += [FDN.q(1, 3), FDN.q(2, 3), FDN.q(1, 7), FDN.q(-1, 64), FDN.q(65, 64), FDN.q(63, 64) + FDN.dy(1, 100), FDN.dy(1, 100)]
        for j in 0...5 {
            for k in 0..<(1 << j) {
                let I = try Self.interval(j, k)
                let lo = FDN.q(k, 1 << j), hi = FDN.q(k + 1, 1 << j)
                for x in points { #expect(I.contains(x) == (lo <= x && x < hi), "I(\(j),\(k)) \(x)") }
                #expect(I.contains(lo) && !I.contains(hi))
                #expect(I.contains(I.midpoint.rational))
            }
        }
        #expect(!DyadicInterval.unit.contains(1))
        #expect(DyadicInterval.unit.contains(0))
        #expect(!DyadicInterval.unit.contains(FDN.q(-1, 1_000_000)))
    }

    @Test func containmentOfIntervalsMatchesEndpoints() throws {
        var all: [DyadicInterval] = []
        for j in 0...4 { for k in 0..<(1 << j) { all.append(try Self.interval(j, k)) } }
        for a in all {
            for b in all {
                let byEnds = a.lowerBound <= b.lowerBound && b.upperBound <= a.upperBound
                #expect(a.contains(b) == byEnds, "\(a) contains \(b)")
            }
        }
        #expect(all.filter { DyadicInterval.unit.contains($0) }.count == all.count)
    }

    @Test func containingMatchesFloorOfScaledPoint() throws {
        var rng = SplitMix64(seed: 0xF4_01)
        for _ in 0..<500 {
            let d = FDN.int(&rng, 1...1000), p = FDN.int(&rng, 0...(d - 1))
            let x = FDN.q(p, d)
            let j = FDN.int(&rng, 0...40)
            let I = try DyadicInterval.containing(x, atLevel: j)
            // floor(2^j p / d) in integers (2^40 * 1000 fits a word).
            #expect(I == (try Self.interval(j, (p << j) / d)), "x=\(x) j=\(j)")
            #expect(I.contains(x))
        }
        // Level 62, just below 1 and exactly at dyadic points.
        let nearOne = 1 - FDN.dy(1, 100)
        #expect(try DyadicInterval.containing(nearOne, atLevel: 62) == Self.interval(62, (1 << 62) - 1))
        #expect(try DyadicInterval.containing(FDN.dy(5, 62), atLevel: 62) == Self.interval(62, 5))
        #expect(try DyadicInterval.containing(FDN.dy(5, 62) - FDN.dy(1, 70), atLevel: 62) == Self.interval(62, 4))
        #expect(try DyadicInterval.containing(FDN.q(1, 2), atLevel: 1) == Self.interval(1, 1))
        #expect(try DyadicInterval.containing(0, atLevel: 0) == DyadicInterval.unit)
    }

    @Test func errorsForBadLevelIndexOrPoint() {
        func err(_ body: () throws(DyadicFunctionError) -> DyadicInterval) -> DyadicFunctionError? { FDN.error(body) }
        #expect(
            err { () throws(DyadicFunctionError) in try DyadicInterval(level: -1, index: 0) } == .levelOutOfRange(level: -1, range: 0...62))
        #expect(
            err { () throws(DyadicFunctionError) in try DyadicInterval(level: 63, index: 0) } == .levelOutOfRange(level: 63, range: 0...62))
        #expect(
            err { () throws(DyadicFunctionError) in try DyadicInterval(level: 3, index: 8) }
                == .indexOutOfRange(what: "interval index", index: 8, range: 0..<8))
        #expect(
            err { () throws(DyadicFunctionError) in try DyadicInterval(level: 3, index: -1) }
                == .indexOutOfRange(what: "interval index", index: -1, range: 0..<8))
        #expect(
            err { () throws(DyadicFunctionError) in try DyadicInterval(level: 0, index: 1) }
                == .indexOutOfRange(what: "interval index", index: 1, range: 0..<1))
        #expect(
            err { () throws(DyadicFunctionError) in try DyadicInterval(level: 62, index: 1 << 62) }
                == .indexOutOfRange(what: "interval index", index: 1 << 62, range: 0..<(1 << 62)))
        #expect(err { () throws(DyadicFunctionError) in try DyadicInterval(level: 62, index: (1 << 62) - 1) } == nil)
        #expect(err { () throws(DyadicFunctionError) in try DyadicInterval.containing(1, atLevel: 3) } == .pointOutsideDomain(1))
        #expect(
            err { () throws(DyadicFunctionError) in try DyadicInterval.containing(FDN.q(-1, 2), atLevel: 3) }
                == .pointOutsideDomain(FDN.q(-1, 2)))
        #expect(
            err { () throws(DyadicFunctionError) in try DyadicInterval.containing(FDN.q(1, 2), atLevel: 63) }
                == .levelOutOfRange(level: 63, range: 0...62))
        #expect(
            err { () throws(DyadicFunctionError) in try DyadicInterval.containing(FDN.q(1, 2), atLevel: -1) }
                == .levelOutOfRange(level: -1, range: 0...62))
    }
}
