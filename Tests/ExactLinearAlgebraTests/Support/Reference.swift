import ExactArithmetic
import TestSupport
import ExactLinearAlgebra
import Foundation
import Testing

/// The vectors of Reference/make_fixtures.py (Python's fractions.Fraction, no code of
/// this package), read from Fixtures/reference.json.
enum Reference {
    nonisolated(unsafe) static let document: [String: Any] = {
        guard let url = Bundle.module.url(forResource: "Fixtures/reference", withExtension: "json"),
            let data = try? Data(contentsOf: url),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else {
            preconditionFailure("ExactLinearAlgebraTests: Fixtures/reference.json missing or malformed")
        }
        return object
    }()

    static func cases(_ name: String) -> [[String: Any]] {
        document[name] as? [[String: Any]] ?? []
    }
}

/// Parses "p/q" or "p".
func q(_ text: String) -> Rational {
    guard let value = try? Rational(parsing: text) else { preconditionFailure("bad rational \(text)") }
    return value
}

func q(_ any: Any?) -> Rational { q(any as! String) }

func vector(_ any: Any?) -> [Rational] { (any as! [String]).map { q($0) } }

func rows(_ any: Any?) -> [[Rational]] { (any as! [[String]]).map { $0.map { q($0) } } }

func matrix(_ any: Any?) -> RationalMatrix { matrix(rows(any)) }

func matrix(_ rows: [[Rational]]) -> RationalMatrix {
    let columns = rows.first?.count ?? 0
    return try! RationalMatrix(rows, columns: columns)
}

func ints(_ any: Any?) -> [Int] { (any as! [Any]).map { ($0 as! NSNumber).intValue } }

/// 2^-k.
func tiny(_ k: Int) -> Rational { Rational.one.timesPowerOfTwo(-k) }

/// The naive product with Rational arithmetic term by term (the definition).
func naiveProduct(_ a: [[Rational]], _ b: [[Rational]]) -> [[Rational]] {
    let k = b.count, n = b.first?.count ?? 0
    return a.map { row in (0..<n).map { j in (0..<k).reduce(Rational.zero) { $0 + row[$1] * b[$1][j] } } }
}

/// Rank by Gaussian elimination over Q with Rational arithmetic (not Bareiss).
func naiveRank(_ m: [[Rational]]) -> Int {
    var m = m
    var rank = 0
    let columns = m.first?.count ?? 0
    for c in 0..<columns {
        guard let p = (rank..<m.count).first(where: { !m[$0][c].isZero }) else { continue }
        m.swapAt(rank, p)
        for i in 0..<m.count where i != rank && !m[i][c].isZero {
            let f = m[i][c] / m[rank][c]
            for j in 0..<columns { m[i][j] -= f * m[rank][j] }
        }
        rank += 1
    }
    return rank
}

extension SplitMix64 {
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }

    /// A float-like dyadic p / 2^e with a 53-bit p (zero with probability zeroOneIn).
    mutating func floatLike(zeroOneIn: Int = 0) -> Rational {
        if zeroOneIn > 0 && below(zeroOneIn) == 0 { return .zero }
        let p = Int(next() >> 11) - (1 << 52)
        return Rational(Dyadic(mantissa: BigInt(p), exponent: below(64)))
    }

    /// A general rational with 24-bit numerator and 20-bit denominator.
    mutating func general() -> Rational {
        let n = Int(next() >> 40) - (1 << 23), d = Int(next() >> 44) + 1
        return try! Rational(n, d)
    }

    /// An integer with up to `bits` bits (random sign), often large.
    mutating func bigInteger(bits: Int) -> BigInt {
        var x = BigInt.zero
        for _ in 0..<((bits + 63) / 64) { x = (x << 64) + BigInt(next()) }
        x >>= max(0, (bits + 63) / 64 * 64 - below(bits + 1))
        return below(2) == 0 ? x : -x
    }

    mutating func rows(_ m: Int, _ n: Int, _ draw: (inout SplitMix64) -> Rational) -> [[Rational]] {
        (0..<m).map { _ in (0..<n).map { _ in draw(&self) } }
    }
}

func toRows(_ m: RationalMatrix) -> [[Rational]] { (0..<m.rows).map { m.row($0) } }
