import Testing
import ExactArithmetic
@testable import DyadicFunctions
import TestSupport

// Independent reference computations for the brute-force lemma tests (MATH.md sec. 4-8).
//
// Nothing here calls the code under test except to *build inputs* (a `SignTree` from
// signs this file chose itself). Every expected value is recomputed from the
// definitions with plain Int or Rational arithmetic (ExactArithmetic is the trusted
// base and is tested elsewhere).

enum LemmaRef {
    // MARK: Small helpers

    /// p/q as a rational (q != 0).
    static func q(_ p: Int, _ d: Int) -> Rational { Rational(p) / Rational(d) }

    /// 1/2^k.
    static func inversePow2(_ k: Int) -> Rational { Rational(1) / Rational(1 << k) }

    /// The least b with 2^b >= n (n >= 1), by a plain loop.
    static func ceilLog2(_ n: Int) -> Int {
        precondition(n >= 1)
        var b = 0
        while (1 << b) < n { b += 1 }
        return b
    }

    /// log2 of a power of two, or nil.
    static func exactLog2(_ n: Int) -> Int? {
        guard n > 0, n & (n - 1) == 0 else { return nil }
        return n.trailingZeroBitCount
    }

    /// top(m) = floor(log2 m) by a loop.
    static func top(_ m: Int) -> Int {
        var t = 0
        while (1 << (t + 1)) <= m { t += 1 }
        return t
    }

    /// bits(m): the n with digit mu_n = 1, ascending.
    static func bits(_ m: Int) -> [Int] { (0..<62).filter { (m >> $0) & 1 == 1 } }

    /// Records at most a few failures of a large loop, then one summary expectation.
    struct Failures {
        var count = 0
        mutating func check(
            _ condition: Bool, _ message: @autoclosure () -> String,
            sourceLocation: SourceLocation = #_sourceLocation
        ) {
            guard !condition else { return }
            count += 1
            if count <= 5 { Issue.record(Comment(rawValue: message()), sourceLocation: sourceLocation) }
        }
    }

    // MARK: Sign trees as plain arrays

    /// sigma[j][k] for the tree numbered `number`: bit 2^j - 1 + k of the number set means -1.
    static func signs(levels J: Int, number: Int) -> [[Int]] {
        (0..<J).map { j in (0..<(1 << j)).map { k in (number >> ((1 << j) - 1 + k)) & 1 == 1 ? -1 : 1 } }
    }

    /// A random sign tree drawn by this file (independent of `SignTree.random`).
    static func randomSigns(levels J: Int, using g: inout SplitMix64) -> [[Int]] {
        (0..<J).map { j in (0..<(1 << j)).map { _ in g.next() & 1 == 1 ? -1 : 1 } }
    }

    /// The library tree with exactly these signs (input construction only).
    static func tree(_ sigma: [[Int]]) throws -> SignTree {
        try SignTree(levels: sigma.count) { j, k in sigma[j][k] }
    }

    /// The number of the tree (inverse of `signs(levels:number:)`).
    static func number(_ sigma: [[Int]]) -> Int {
        var n = 0
        for j in 0..<sigma.count { for k in 0..<(1 << j) where sigma[j][k] == -1 { n |= 1 << ((1 << j) - 1 + k) } }
        return n
    }

    // MARK: Haar feature by the definition

    /// psi(j,k)(x) = psi(2^j x - k), psi = +1 on [0,1/2), -1 on [1/2,1), 0 elsewhere (sec. 4).
    static func psi(level j: Int, index k: Int, at x: Rational) -> Int {
        let y = x * Rational(1 << j) - Rational(k)
        if y.signum < 0 || y >= Rational(1) { return 0 }
        return y < q(1, 2) ? 1 : -1
    }

    /// The midpoint (2c+1)/2^(J+1) of the level-J cell c.
    static func cellMidpoint(_ c: Int, level J: Int) -> Rational { q(2 * c + 1, 1 << (J + 1)) }

    /// h_sigma on each level-J cell, evaluated at the cell midpoints from the Haar series
    /// h = sum_j a_j sum_k sigma(j,k) psi(j,k) (every node, no shortcuts).
    static func hBySeries(_ sigma: [[Int]], amplitudes a: [Rational]) -> [Rational] {
        let J = sigma.count
        return (0..<(1 << J)).map { c in
            let x = cellMidpoint(c, level: J)
            var total = Rational(0)
            for j in 0..<J {
                var inner = 0
                for k in 0..<(1 << j) { inner += sigma[j][k] * psi(level: j, index: k, at: x) }
                total += a[j] * Rational(inner)
            }
            return total
        }
    }

    /// h_sigma on cell c by the cell formula sum_j a_j sigma(j, c >> (J-j)) (-1)^(b_j).
    static func hByCells(_ sigma: [[Int]], amplitudes a: [Rational]) -> [Rational] {
        let J = sigma.count
        return (0..<(1 << J)).map { c in
            var total = Rational(0)
            for j in 0..<J {
                let s = sigma[j][c >> (J - j)] * ((c >> (J - 1 - j)) & 1 == 1 ? -1 : 1)
                total += s == 1 ? a[j] : -a[j]
            }
            return total
        }
    }

    /// The balanced amplitudes 2^-(j+1).
    static func balanced(_ J: Int) -> [Rational] { (0..<J).map { inversePow2($0 + 1) } }

    /// 2^J h_sigma on each cell for balanced amplitudes (an odd integer): sum_j s_j 2^(J-1-j).
    static func scaledBalancedH(_ sigma: [[Int]]) -> [Int] {
        let J = sigma.count
        return (0..<(1 << J)).map { c in
            var total = 0
            for j in 0..<J {
                let s = sigma[j][c >> (J - j)] * ((c >> (J - 1 - j)) & 1 == 1 ? -1 : 1)
                total += s << (J - 1 - j)
            }
            return total
        }
    }

    /// The i with u_sigma = (h+1)/2 = (2i+1)/2^(J+1) on each cell (balanced amplitudes):
    /// 2^(J+1) u = 2^J h + 2^J, so i = (2^J h + 2^J - 1)/2.
    static func midpointIndices(_ sigma: [[Int]]) -> [Int] {
        let J = sigma.count
        return scaledBalancedH(sigma).map { ($0 + (1 << J) - 1) / 2 }
    }

    // MARK: Walsh readouts

    /// w_m(y) = prod_{n in bits(m)} (-1)^(floor(2^(n+1) y) mod 2), y rational (sec. 4, 6).
    static func walsh(_ m: Int, at y: Rational) -> Int {
        var sign = 1
        for n in bits(m) where (y * Rational(1 << (n + 1))).floor.isOdd { sign = -sign }
        return sign
    }

    /// Digit n (n < J) of the midpoint (2i+1)/2^(J+1) is bit J-1-n of i (checked against
    /// `walsh(_:at:)` by a test), so w_m of it is a parity.
    static func walshOfMidpoint(_ m: Int, index i: Int, level J: Int) -> Int {
        var parity = 0
        for n in 0..<J where (m >> n) & 1 == 1 { parity ^= (i >> (J - 1 - n)) & 1 }
        return parity == 1 ? -1 : 1
    }

    /// f_m = w_m o u_sigma on every level-J cell, as +-1.
    static func outputSigns(_ sigma: [[Int]], readout m: Int) -> [Int] {
        let J = sigma.count
        return midpointIndices(sigma).map { walshOfMidpoint(m, index: $0, level: J) }
    }

    /// f_m with Rational arithmetic all the way: u from the Haar series, then w_m(u).
    static func outputSignsBySeries(_ sigma: [[Int]], readout m: Int) -> [Int] {
        hBySeries(sigma, amplitudes: balanced(sigma.count)).map { h in walsh(m, at: (h + 1) / Rational(2)) }
    }

    /// All outputs f_1..f_{2^J - 1} of a tree as bit patterns (bit c set when f(c) = -1), J <= 6.
    static func outputPatterns(_ sigma: [[Int]]) -> [UInt64] {
        let J = sigma.count
        precondition(J <= 6)
        let indices = midpointIndices(sigma)
        var patterns = [UInt64](repeating: 0, count: 1 << J) // index m; m = 0 unused
        for c in 0..<(1 << J) {
            // digits of u as a mask over n: bit n = bit J-1-n of i.
            var digits = 0
            for n in 0..<J where (indices[c] >> (J - 1 - n)) & 1 == 1 { digits |= 1 << n }
            for m in 1..<(1 << J) where (m & digits).nonzeroBitCount & 1 == 1 { patterns[m] |= 1 << UInt64(c) }
        }
        return patterns
    }

    /// outputPatterns for every tree of depth J (tree number order), J <= 4.
    static func allOutputPatterns(levels J: Int) -> [[UInt64]] {
        (0..<(1 << ((1 << J) - 1))).map { outputPatterns(signs(levels: J, number: $0)) }
    }

    /// Cached tables for J = 1..4 (index J).
    static let outputPatternTables: [[[UInt64]]] = (0...4).map { J in J == 0 ? [] : allOutputPatterns(levels: J) }

    // MARK: Step functions, independently

    /// The canonical form of the level-J dyadic step function with these cell values:
    /// breakpoints c/2^J only where the value changes.
    static func canonicalForm(cellValues v: [Rational]) -> (breakpoints: [Rational], values: [Rational]) {
        let n = v.count
        var breakpoints = [Rational(0)], values = [v[0]]
        for c in 1..<max(n, 1) where v[c] != v[c - 1] {
            breakpoints.append(q(c, n))
            values.append(v[c])
        }
        breakpoints.append(Rational(1))
        return (breakpoints, values)
    }

    /// Whether `f` is exactly the canonical level-J step function with these cell values.
    static func matches(_ f: StepFunction, cellValues v: [Rational]) -> Bool {
        let expected = canonicalForm(cellValues: v)
        return f.breakpoints == expected.breakpoints && f.values == expected.values
    }

    static func matches(_ f: StepFunction, signs v: [Int]) -> Bool {
        matches(f, cellValues: v.map { Rational($0) })
    }

    /// Number of sign changes between adjacent cells.
    static func changeCount(_ v: [Int]) -> Int {
        (1..<max(v.count, 1)).filter { v[$0] != v[$0 - 1] }.count
    }

    /// The value of a step function at x by a linear scan of its pieces (half-open).
    static func value(of f: StepFunction, at x: Rational) -> Rational {
        for i in 0..<f.values.count where f.breakpoints[i] <= x && x < f.breakpoints[i + 1] { return f.values[i] }
        preconditionFailure("x outside [0,1)")
    }

    // MARK: Networks, independently

    static func heaviside(_ t: Rational) -> Rational { t.signum >= 0 ? Rational(1) : Rational(0) }

    /// act(sum_k w_k z[inputs_k] + b) for one unit.
    static func apply(_ unit: HeavisideNetwork.Unit, to z: [Rational]) -> Rational {
        var t = unit.bias
        for (k, i) in unit.inputs.enumerated() { t += unit.weights[k] * z[i] }
        return unit.activation == .linear ? t : heaviside(t)
    }

    /// A forward pass written here (H(0) = 1).
    static func forward(_ layers: [[HeavisideNetwork.Unit]], at x: Rational) -> [Rational] {
        var z = [x]
        for layer in layers { z = layer.map { apply($0, to: z) } }
        return z
    }

    // MARK: Random rationals

    /// A random rational in [0, 1) with denominator up to `maxDenominator`.
    static func randomUnitRational(using g: inout SplitMix64, maxDenominator: Int = 1000) -> Rational {
        let d = Int(g.next() % UInt64(maxDenominator)) + 1
        let n = Int(g.next() % UInt64(d))
        return q(n, d)
    }

    /// A random positive rational p/q, 1 <= p, q <= bound.
    static func randomPositive(using g: inout SplitMix64, bound: Int = 20) -> Rational {
        q(Int(g.next() % UInt64(bound)) + 1, Int(g.next() % UInt64(bound)) + 1)
    }

    static func randomInt(_ range: ClosedRange<Int>, using g: inout SplitMix64) -> Int {
        range.lowerBound + Int(g.next() % UInt64(range.count))
    }

    /// A random subset of `pool` of the given size (Fisher-Yates on a copy).
    static func randomSubset(of pool: [Int], size: Int, using g: inout SplitMix64) -> [Int] {
        var a = pool
        for i in 0..<min(size, a.count) {
            let j = i + Int(g.next() % UInt64(a.count - i))
            a.swapAt(i, j)
        }
        return Array(a.prefix(size))
    }
}

/// A tuple of up to 16 16-bit output patterns (J <= 4), for counting distinct tuples.
struct LemmaTupleKey: Hashable {
    var w0: UInt64 = 0, w1: UInt64 = 0, w2: UInt64 = 0, w3: UInt64 = 0

    init(_ patterns: [UInt64], readouts: [Int]) {
        for (d, m) in readouts.enumerated() {
            let p = patterns[m] << UInt64(16 * (d % 4))
            switch d / 4 {
            case 0: w0 |= p
            case 1: w1 |= p
            case 2: w2 |= p
            default: w3 |= p
            }
        }
    }
}

/// Counts distinct `LemmaTupleKey`s: a fixed-size open-addressing table (a debug-build
/// `Set` costs about a microsecond per insertion, this a fraction of that).
struct LemmaTupleCounter {
    private var keys: [LemmaTupleKey]
    private var used: [Bool]
    private let mask: Int
    private(set) var count = 0

    /// A table for at most 2^(capacityLog2 - 1) distinct keys.
    init(capacityLog2: Int = 16) {
        keys = Array(repeating: LemmaTupleKey([], readouts: []), count: 1 << capacityLog2)
        used = Array(repeating: false, count: 1 << capacityLog2)
        mask = (1 << capacityLog2) - 1
    }

    mutating func insert(_ key: LemmaTupleKey) {
        precondition(2 * count < keys.count, "LemmaTupleCounter is full")
        var h =
            (key.w0 &* 0x9E37_79B9_7F4A_7C15) ^ (key.w1 &* 0xC2B2_AE3D_27D4_EB4F)
            ^ (key.w2 &* 0x1656_67B1_9E37_79F9) ^ (key.w3 &* 0x27D4_EB2F_1656_67C5)
        h ^= h >> 31
        var i = Int(truncatingIfNeeded: h) & mask
        while used[i] {
            if keys[i] == key { return }
            i = (i + 1) & mask
        }
        used[i] = true
        keys[i] = key
        count += 1
    }
}
