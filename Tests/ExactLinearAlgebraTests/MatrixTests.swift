import Foundation
import ExactArithmetic
import TestSupport
import Testing
@testable import ExactLinearAlgebra

@Suite("Exact matrix products against Fraction and the term-by-term definition")
struct MatrixProductTests {
    @Test("Products equal the Fraction reference")
    func reference() throws {
        let cases = Reference.cases("products")
        #expect(cases.count == 7)
        for c in cases {
            let product = try matrix(c["a"]).multiplied(by: matrix(c["b"]))
            #expect(toRows(product) == rows(c["c"]))
            // The transpose law (A B)^T = B^T A^T, on the same reference.
            let transposed = try matrix(c["b"]).transposed.multiplied(by: matrix(c["a"]).transposed)
            #expect(toRows(transposed.transposed) == rows(c["c"]))
        }
    }

    @Test("Integer products with multi-digit entries equal the BigInt definition")
    func integerDigits() throws {
        var rng = SplitMix64(seed: 0x4D41_5452)
        for trial in 0..<40 {
            let m = 1 + rng.below(5), k = 1 + rng.below(trial < 20 ? 6 : 40), n = 1 + rng.below(5)
            let bits = [1, 62, 63, 64, 65, 126, 127, 128, 189, 300][trial % 10]
            var a = (0..<(m * k)).map { _ in rng.bigInteger(bits: bits) }
            var b = (0..<(k * n)).map { _ in rng.bigInteger(bits: rng.below(bits) + 1) }
            // Edge words: Int.min, +-2^63, 2^126, all-ones digits.
            a[0] = trial % 3 == 0 ? BigInt(Int.min) : (trial % 3 == 1 ? -BigInt.powerOfTwo(126) : (BigInt.powerOfTwo(189) - 1))
            b[b.count - 1] = trial % 2 == 0 ? BigInt.powerOfTwo(63) : BigInt(Int.min)
            let left = try IntegerMatrix(rows: m, columns: k, entries: a)
            let right = try IntegerMatrix(rows: k, columns: n, entries: b)
            let c = try left.multiplied(by: right)
            for i in 0..<m {
                for j in 0..<n {
                    var expected = BigInt.zero
                    for l in 0..<k { expected += a[i * k + l] * b[l * n + j] }
                    #expect(c[i, j] == expected, "trial \(trial) (\(i), \(j))")
                }
            }
        }
    }

    @Test("Many equal-sign 126-bit products overflow the 128-bit word and are counted exactly")
    func wrapCounting() throws {
        let big = BigInt.powerOfTwo(63) - 1
        for sign in [1, -1] {
            let k = 100
            let a = try IntegerMatrix(rows: 1, columns: k, entries: Array(repeating: big * BigInt(sign), count: k))
            let b = try IntegerMatrix(rows: k, columns: 1, entries: Array(repeating: big, count: k))
            #expect(try a.multiplied(by: b)[0, 0] == big * big * BigInt(k) * BigInt(sign))
        }
    }

    @Test("Dyadic products (per-row, per-column, mixed exponents) equal the naive rational product")
    func dyadic() throws {
        var rng = SplitMix64(seed: 0xD1AD)
        for trial in 0..<30 {
            let m = 1 + rng.below(4), k = 1 + rng.below(12), n = 1 + rng.below(4)
            let a = rng.rows(m, k) { $0.floatLike(zeroOneIn: 4) }
            let b = rng.rows(k, n) { $0.floatLike(zeroOneIn: 4) }
            let expected = naiveProduct(a, b)
            let sharings: [(WordDyadicMatrix.Sharing, WordDyadicMatrix.Sharing)] = [
                (.perRow, .perColumn), (.perRow, .perRow), (.perColumn, .perRow), (.perColumn, .perColumn),
            ]
            let (sa, sb) = sharings[trial % 4]
            let left = try WordDyadicMatrix(rows: m, columns: k, entries: a.flatMap { $0 }.map { try Dyadic(exactly: $0) }, sharing: sa)
            let right = try WordDyadicMatrix(rows: k, columns: n, entries: b.flatMap { $0 }.map { try Dyadic(exactly: $0) }, sharing: sb)
            let c = try left.multiplied(by: right)
            #expect(c.entries.map(\.rational) == expected.flatMap { $0 })
            #expect(toRows(try c.rational()) == expected)
            #expect(toRows(try left.rational().multiplied(by: right.rational())) == expected)
        }
    }

    @Test("Word and BigInt mantissas give the same products (wide mantissas, long shifts)")
    func storagePaths() throws {
        var rng = SplitMix64(seed: 0x57_0A)
        for trial in 0..<12 {
            let m = 1 + rng.below(3), k = 1 + rng.below(6), n = 1 + rng.below(3)
            var a = rng.rows(m, k) { $0.floatLike(zeroOneIn: 5) }
            let b = rng.rows(k, n) { $0.floatLike(zeroOneIn: 5) }
            // A mantissa beyond 63 bits, or a shift of 64 or more, forces the BigInt path.
            a[0][0] =
                trial % 2 == 0
                ? Rational(Dyadic(mantissa: BigInt.powerOfTwo(70) + 1, exponent: 3))
                : Rational(Dyadic(mantissa: 3, exponent: 200))
            let expected = naiveProduct(a, b)
            let left = try WordDyadicMatrix(
                rows: m, columns: k, entries: a.flatMap { $0 }.map { try Dyadic(exactly: $0) }, sharing: .perRow)
            let right = try WordDyadicMatrix(
                rows: k, columns: n, entries: b.flatMap { $0 }.map { try Dyadic(exactly: $0) }, sharing: .perColumn)
            #expect(try left.multiplied(by: right).entries.map(\.rational) == expected.flatMap { $0 })
            #expect(left.transposed.transposed.entries == left.entries)
            #expect(right.transposed.entries.map(\.rational) == (0..<n).flatMap { j in (0..<k).map { b[$0][j] } })
        }
    }

    @Test("Negative exponents multiply")
    func negativeExponents() throws {
        let m = try IntegerMatrix(rows: 1, columns: 2, entries: [3, -5])
        let d = try DyadicMatrix(mantissas: m, rowExponents: [-2], columnExponents: [0, 3])
        #expect(try d.rational().row(0) == [Rational(12), try Rational(-5, 2)])
    }

    @Test("Differences, bias columns, ReLU, norms and inner products equal the definitions")
    func entrywise() throws {
        var rng = SplitMix64(seed: 0xE7)
        for _ in 0..<20 {
            let m = 1 + rng.below(4), n = 1 + rng.below(5)
            let a = rng.rows(m, n) { $0.general() }, b = rng.rows(m, n) { $0.below(2) == 0 ? $0.floatLike() : $0.general() }
            let c = (0..<m).map { _ in rng.general() }
            // Denominators on columns too: through a transpose of a product with the identity.
            let A = matrix(a),
                B = try matrix(b).transposed.multiplied(
                    by: RationalMatrix(IntegerMatrix(rows: m, columns: m, entries: (0..<(m * m)).map { $0 / m == $0 % m ? 1 : 0 }))
                ).transposed
            #expect(toRows(try A.subtracting(B)) == zip(a, b).map { zip($0, $1).map { $0 - $1 } })
            #expect(toRows(try B.addingToEveryColumn(c)) == b.enumerated().map { i, row in row.map { $0 + c[i] } })
            #expect(toRows(A.relu) == a.map { $0.map { $0.signum > 0 ? $0 : .zero } })
            #expect(try B.rowSquaredNorms() == b.map { $0.reduce(Rational.zero) { $0 + $1 * $1 } })
            #expect(try B.columnSquaredNorms() == (0..<n).map { j in b.reduce(Rational.zero) { $0 + $1[j] * $1[j] } })
            #expect(
                try A.frobeniusInnerProduct(B)
                    == zip(a, b).reduce(Rational.zero) { s, rows in zip(rows.0, rows.1).reduce(s) { $0 + $1.0 * $1.1 } })
            #expect(try A.hasSameEntries(as: matrix(a)))
            var changed = a
            changed[m - 1][n - 1] += tiny(60)
            #expect(try !A.hasSameEntries(as: matrix(changed)))
        }
    }

    @Test("Non-conforming shapes and oversized requests throw before any work")
    func errors() throws {
        let a = try IntegerMatrix(rows: 2, columns: 3, entries: [1, 2, 3, 4, 5, 6])
        #expect(throws: MatrixError.dimensionMismatch(operation: "matrix product", left: a.shape, right: a.shape)) {
            try a.multiplied(by: a)
        }
        #expect(throws: MatrixError.invalidShape(rows: 2, columns: 2, entryCount: 3)) {
            try IntegerMatrix(rows: 2, columns: 2, entries: [1, 2, 3])
        }
        #expect(throws: MatrixError.self) { try IntegerMatrix(rows: Int.max, columns: 2, entries: []) }
        #expect(throws: MatrixError.self) { try IntegerMatrix(rows: -1, columns: 2, entries: []) }
        let limits = MatrixLimits(maximumEntries: 100, maximumEntryBits: 200, maximumWork: 1000)
        #expect(throws: MatrixError.overLimit(limit: .entries, needed: 101, allowed: 100)) {
            try IntegerMatrix(rows: 101, columns: 1, entries: Array(repeating: 0, count: 101), limits: limits)
        }
        let wide = try IntegerMatrix(rows: 1, columns: 1, entries: [BigInt.powerOfTwo(150)])
        #expect(throws: MatrixError.self) { try wide.multiplied(by: wide, limits: limits) }
        let long = try IntegerMatrix(rows: 10, columns: 10, entries: Array(repeating: 1, count: 100))
        #expect(throws: MatrixError.overLimit(limit: .work, needed: 1000, allowed: 999)) {
            try long.multiplied(by: long, limits: MatrixLimits(maximumWork: 999))
        }
        #expect(try long.multiplied(by: long, limits: MatrixLimits(maximumWork: 1000))[9, 9] == 10)
        #expect(throws: MatrixError.self) {
            try DyadicMatrix(
                mantissas: long, rowExponents: Array(repeating: 1 << 40, count: 10), columnExponents: Array(repeating: 0, count: 10))
        }
        #expect(throws: MatrixError.self) {
            try DyadicMatrix(mantissas: long, rowExponents: [1], columnExponents: Array(repeating: 0, count: 10))
        }
        #expect(throws: MatrixError.self) {
            try RationalMatrix(
                numerators: long, rowDenominators: Array(repeating: 0, count: 10), columnDenominators: Array(repeating: 1, count: 10))
        }
    }
}

@Suite("Exact rank by fraction-free elimination")
struct RankTests {
    @Test("Ranks equal the Fraction reference and Gaussian elimination over Q")
    func reference() throws {
        for c in Reference.cases("ranks") {
            let m = matrix(c["m"])
            let expected = (c["rank"] as! NSNumberLike).intValue
            #expect(try m.rank() == expected)
            #expect(try m.transposed.rank() == expected)
            #expect(naiveRank(rows(c["m"])) == expected)
        }
    }

    @Test("Random low-rank matrices; one entry moved by 2^-60 raises the rank by one")
    func perturbed() throws {
        var rng = SplitMix64(seed: 0x7A4B)
        for trial in 0..<25 {
            let rows = 2 + rng.below(6), columns = 2 + rng.below(6)
            let r = rng.below(min(rows, columns)) // r < min: room to grow by one
            let left = rng.rows(rows, r) { $0.floatLike() }, right = rng.rows(r, columns) { $0.general() }
            let m = r == 0 ? Array(repeating: Array(repeating: Rational.zero, count: columns), count: rows) : naiveProduct(left, right)
            #expect(try matrix(m).rank() == r, "trial \(trial)")
            #expect(naiveRank(m) == r)
            // Changing one entry changes the rank by at most one; at a place chosen so
            // that the new column is independent it goes up by exactly one.
            var bumped = m
            bumped[rows - 1][columns - 1] += tiny(60)
            let expected = naiveRank(bumped)
            #expect(expected == r || expected == r + 1)
            #expect(try matrix(bumped).rank() == expected)
        }
        // Identity plus a zero row: rank min(n, m) - 1 and not min.
        let id = matrix([[1, 0, 0], [0, 1, 0], [0, 0, 0]].map { $0.map { Rational($0) } })
        #expect(try id.rank() == 2)
    }

    @Test("Rank refuses matrices over the limits before eliminating")
    func limits() throws {
        let m = try IntegerMatrix(rows: 30, columns: 30, entries: Array(repeating: 1, count: 900))
        #expect(throws: MatrixError.self) { try m.rank(limits: MatrixLimits(maximumWork: 1000)) }
    }
}

/// JSONSerialization numbers.
typealias NSNumberLike = NSNumber
