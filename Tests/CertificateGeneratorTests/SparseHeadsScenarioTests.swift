import CertificateKernel
import ExactArithmetic
import Foundation
import Testing
@testable import CertificateGenerator
import TestSupport
import MatrixKernel

/// `generate sparse-heads` (MATH.md sec. 12): generated certificates verify, are
/// deterministic, and every claim made false by one step is rejected. The figures are
/// checked against values the test computes itself from the certificate's JSON
/// (Foundation's JSON and base64 decoders, plain Rational sums by the definitions),
/// never against the generator's or the kernel's own numbers.
@Suite("Generator: sparse heads")
struct SparseHeadsScenarioTests {
    /// A matrix decoded from the certificate by the test: entries row by row.
    struct Matrix {
        let rows: Int
        let columns: Int
        let entries: [Rational]
        subscript(i: Int, j: Int) -> Rational { entries[i * columns + j] }
    }

    /// The certificate as Foundation JSON.
    static func json(_ text: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }

    /// Decodes a `matrix` object in the dyadic encoding with one exponent per row and column field.
    static func matrix(_ certificate: [String: Any], _ name: String) -> Matrix {
        let object = (certificate["objects"] as? [String: Any])?[name] as? [String: Any] ?? [:]
        let rows = Int(object["rows"] as? String ?? "") ?? 0, columns = Int(object["columns"] as? String ?? "") ?? 0
        let dyadic = object["dyadic"] as? [String: Any] ?? [:]
        let e = (Int(dyadic["row-exponents"] as? String ?? "") ?? 0) + (Int(dyadic["column-exponents"] as? String ?? "") ?? 0)
        let bytes = [UInt8](Data(base64Encoded: dyadic["mantissas"] as? String ?? "") ?? Data())
        #expect(bytes.count == 8 * rows * columns, "\(name): \(bytes.count) bytes")
        var entries: [Rational] = []
        for k in 0..<(bytes.count / 8) {
            var word: UInt64 = 0
            for b in 0..<8 { word |= UInt64(bytes[8 * k + b]) << (8 * UInt64(b)) }
            entries.append(Rational(BigInt(Int(Int64(bitPattern: word)))).timesPowerOfTwo(-e))
        }
        return Matrix(rows: rows, columns: columns, entries: entries)
    }

    static func claim(_ certificate: [String: Any], _ id: String) -> [String: Any] {
        (certificate["claims"] as? [[String: Any]] ?? []).first { ($0["id"] as? String) == id } ?? [:]
    }

    static func verify(_ text: String) -> FileVerdict { GeneratorRoundTripTests.verify(text) }

    /// The text with `old` replaced by `new`, which must occur exactly once.
    static func replacing(_ text: String, _ old: String, _ new: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        #expect(text.components(separatedBy: old).count == 2, "\(old) must occur once", sourceLocation: sourceLocation)
        return text.replacingOccurrences(of: old, with: new)
    }

    static func expectFails(_ text: String, claim id: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let v = verify(text)
        #expect(v.status == .failed, "\(id): \(v.status) \(v.error.map { "\($0)" } ?? "")", sourceLocation: sourceLocation)
        #expect(v.claims.first { $0.id == id }?.passed == false, "\(id) should fail", sourceLocation: sourceLocation)
    }

    /// P_t(w) - D_t(theta) by the definitions of Lemma LD, and max_j |x_j . theta|.
    static func gap(x: Matrix, y: Matrix, heads: Matrix, t: Int, theta: Matrix, lambda: Rational) -> (
        gap: Rational, largestCorrelation: Rational
    ) {
        let n = x.rows, p = x.columns
        var squares = Rational.zero, l1 = Rational.zero, dot = Rational.zero, thetaSquared = Rational.zero
        for i in 0..<n {
            var fit = Rational.zero
            for j in 0..<p where !heads[t, j].isZero { fit += x[i, j] * heads[t, j] }
            let e = y[i, t] - fit
            squares += e * e
            dot += theta[i, 0] * y[i, t]
            thetaSquared += theta[i, 0] * theta[i, 0]
        }
        for j in 0..<p { l1 += heads[t, j].magnitude }
        var largest = Rational.zero
        for j in 0..<p {
            var c = Rational.zero
            for i in 0..<n { c += x[i, j] * theta[i, 0] }
            if c.magnitude > largest { largest = c.magnitude }
        }
        let primal = squares / Rational(2 * n) + lambda * l1
        let dual = dot - Rational(n) * thetaSquared / 2
        return (primal - dual, largest)
    }

    static let small: [(T: Int, p: Int, n: Int, s: Int)] = [(3, 6, 12, 2), (4, 10, 24, 1), (4, 12, 24, 3), (5, 12, 30, 2), (1, 3, 8, 1)]

    @Test("small instances verify and are canonical; the same options give the same bytes")
    func smallInstancesVerify() throws {
        for c in Self.small {
            for seed: UInt64 in [1, 7] {
                let scenario = try SparseHeadsScenario(tasks: c.T, features: c.p, samples: c.n, sparsity: c.s, seed: seed)
                let builder = try scenario.certificate()
                GeneratorRoundTripTests.expectVerified(builder, "sparse-heads \(c) seed \(seed)")
                #expect(try scenario.certificate().text == builder.text)
            }
        }
        let a = try SparseHeadsScenario(tasks: 4, features: 12, samples: 24, sparsity: 3, seed: 1).certificate().text
        let b = try SparseHeadsScenario(tasks: 4, features: 12, samples: 24, sparsity: 3, seed: 2).certificate().text
        #expect(a != b)
    }

    @Test("a lambda far below the noise: spurious features break the solved supports' variability, which is then not claimed but said")
    func smallLambda() throws {
        let scenario = try SparseHeadsScenario(tasks: 6, features: 30, samples: 40, sparsity: 2, lambda: try Rational(1, 1024))
        let builder = try scenario.certificate()
        GeneratorRoundTripTests.expectVerified(builder, "sparse-heads lambda = 1/1024")
        let c = Self.json(builder.text)
        let w = Self.matrix(c, "W")
        // Brute force: some feature i of the union whose containing supports share another feature.
        let S = (0..<6).map { t in Set((0..<30).filter { !w[t, $0].isZero }) }
        let violated = S.reduce(Set<Int>()) { $0.union($1) }.contains { i in
            let containing = S.filter { $0.contains(i) }
            return containing.dropFirst().reduce(containing[0]) { $0.intersection($1) } != [i]
        }
        #expect(violated)
        #expect(Self.claim(c, "variability").isEmpty)
        #expect(!Self.claim(c, "true-variability").isEmpty)
        #expect((c["description"] as? String ?? "").contains("do not satisfy support variability"))
    }

    @Test("seededShuffle is Fisher-Yates from the last position down: draws below n, n-1, ..., 2, traced by hand")
    func seededShuffle() {
        var asked: [Int] = []
        var a = [0, 1, 2, 3]
        a.seededShuffle { n in
            asked.append(n)
            return 0
        }
        // swap(3, 0): [3, 1, 2, 0]; swap(2, 0): [2, 1, 3, 0]; swap(1, 0): [1, 2, 3, 0].
        #expect(asked == [4, 3, 2])
        #expect(a == [1, 2, 3, 0])
        var b = [0, 1, 2, 3]
        b.seededShuffle { $0 - 1 } // every swap with itself
        #expect(b == [0, 1, 2, 3])
        var c = ["x"]
        c.seededShuffle { _ in
            Issue.record("no draw for one element")
            return 0
        }
        var d: [Int] = []
        d.seededShuffle { _ in
            Issue.record("no draw for no element")
            return 0
        }
        #expect(c == ["x"] && d.isEmpty)
    }

    @Test("options that admit no instance are refused")
    func badOptions() {
        #expect(throws: GeneratorError.self) { try SparseHeadsScenario(tasks: 3, features: 10, samples: 10, sparsity: 3) } // s > T - 1
        #expect(throws: GeneratorError.self) { try SparseHeadsScenario(tasks: 5, features: 10, samples: 10, sparsity: 3) } // odd s, odd T
        // 16 features > 10.
        #expect(throws: GeneratorError.self) { try SparseHeadsScenario(tasks: 8, features: 10, samples: 10, sparsity: 4) }
        #expect(throws: GeneratorError.self) { try SparseHeadsScenario(tasks: 2, features: 10, samples: 10, sparsity: 0) }
        #expect(throws: GeneratorError.self) { try SparseHeadsScenario(tasks: 2, features: 10, samples: 10, sparsity: 1, lambda: .zero) }
    }

    @Test("the true supports: s features per task, each shared by exactly two tasks, support variability by brute force")
    func trueSupports() {
        for (T, s) in [(5, 2), (6, 3), (8, 4), (9, 4), (10, 5), (4, 1)] {
            let supports = SparseHeadsScenario.trueSupports(tasks: T, sparsity: s, permutation: Array(0..<(T * s)))
            #expect(supports.allSatisfy { Set($0).count == s })
            let union = Set(supports.flatMap { $0 })
            #expect(union.count == (s == 1 ? T : T * s / 2))
            for i in union {
                let containing = supports.filter { $0.contains(i) }.map(Set.init)
                #expect(containing.count == (s == 1 ? 1 : 2))
                #expect(containing.dropFirst().reduce(containing[0]) { $0.intersection($1) } == [i])
            }
        }
    }

    @Test("the float solver matches the closed form of an orthogonal design")
    func solverClosedForm() {
        // X = 2 I on n = p = 4: w_j = S(x_j . y / n, lambda) / (||x_j||^2 / n) = S(y_j / 2, lambda).
        let n = 4
        var columns = [Double](repeating: 0, count: n * n)
        for j in 0..<n { columns[j * n + j] = 2 }
        let design = LassoSolver.Design(samples: n, features: n, columns: columns)
        let y = [3.0, -1.0, 0.25, 1.5]
        let w = LassoSolver.solve(design, target: y, lambda: 0.25)
        #expect(w == [1.25, -0.25, 0, 0.5])
        // The group lasso with T = 1 is the lasso.
        #expect(LassoSolver.solveGroup(design, targets: [y], lambda: 0.25)[0] == w)
    }

    @Test("gaps, feasibility and supports equal the test's own computation; each claim one step wrong is rejected")
    func mutations() throws {
        let scenario = try SparseHeadsScenario(tasks: 4, features: 12, samples: 24, sparsity: 3, seed: 3)
        let text = try scenario.certificate().text
        #expect(Self.verify(text).status == .verified)
        let c = Self.json(text)
        let x = Self.matrix(c, "X"), y = Self.matrix(c, "Y"), w = Self.matrix(c, "W"), truth = Self.matrix(c, "W-true")
        #expect(x.rows == 24 && x.columns == 12 && y.columns == 4 && w.rows == 4)
        let lambda = scenario.lambda

        // lasso-gap: the stated delta is >= the exact gap and within 2^-18 of it (relative).
        for t in 0..<4 {
            let theta = Self.matrix(c, "theta\(t)")
            let (g, largest) = Self.gap(x: x, y: y, heads: w, t: t, theta: theta, lambda: lambda)
            #expect(largest <= lambda, "task \(t): dual infeasible")
            let delta = Rational((Self.claim(c, "gap\(t)")["statement"] as? [String: Any])?["delta"] as? String ?? "")!
            #expect(delta >= g && delta - g <= g.timesPowerOfTwo(-18), "task \(t): delta \(delta), gap \(g)")
            // Stated exactly, it verifies; one step (2^-60) short, it fails.
            let exact = Self.replacing(text, "\"delta\": \"\(delta)\"", "\"delta\": \"\(g)\"")
            #expect(Self.verify(exact).status == .verified)
            let short = Self.replacing(text, "\"delta\": \"\(delta)\"", "\"delta\": \"\(g - Rational.one.timesPowerOfTwo(-60))\"")
            Self.expectFails(short, claim: "gap\(t)")
        }

        // support: sizes, union and fractions by counting; each off by one fails.
        let sizes = (0..<4).map { t in (0..<12).filter { !w[t, $0].isZero }.count }
        let union = (0..<12).filter { j in (0..<4).contains { !w[$0, j].isZero } }.count
        let supports = (Self.claim(c, "supports")["statement"] as? [String: Any]) ?? [:]
        #expect((supports["sizes"] as? [String]) == sizes.map(String.init))
        #expect((supports["union"] as? String) == String(union))
        let sizesText = "\"sizes\": [" + sizes.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
        var offByOne = sizes
        offByOne[0] += 1
        Self.expectFails(
            Self.replacing(text, sizesText, "\"sizes\": [" + offByOne.map { "\"\($0)\"" }.joined(separator: ", ") + "]"), claim: "supports")
        let statementUnion = "\"union\": \"\(union)\""
        let occurrences = text.components(separatedBy: statementUnion).count - 1
        if occurrences == 1 {
            Self.expectFails(Self.replacing(text, statementUnion, "\"union\": \"\(union - 1)\""), claim: "supports")
        }
        if let upper = supports["optimal-upper"] as? [String] {
            let upperText = "\"optimal-upper\": [" + upper.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
            var lower = upper
            lower[0] = String(Int(lower[0])! - 1)
            Self.expectFails(
                Self.replacing(text, upperText, "\"optimal-upper\": [" + lower.map { "\"\($0)\"" }.joined(separator: ", ") + "]"),
                claim: "supports")
        }

        // lasso-screen: every screened feature is zero in the solved head; adding a feature
        // of the head's support (active near the optimum) is rejected.
        let screen = Self.claim(c, "screen0")
        let listed = ((screen["inputs"] as? [String: Any])?["features"] as? [String]) ?? []
        #expect(!listed.isEmpty)
        for j in listed { #expect(w[0, Int(j)!].isZero) }
        if let active = (0..<12).first(where: { !w[0, $0].isZero }) {
            let old = "\"features\": [" + listed.map { "\"\($0)\"" }.joined(separator: ", ") + "],\n        \"gap\": \"gap0\""
            let new =
                "\"features\": [" + (listed + [String(active)]).map { "\"\($0)\"" }.joined(separator: ", ")
                + "],\n        \"gap\": \"gap0\""
            let mutated = Self.replacing(
                Self.replacing(text, old, new), "\"screened\": \"\(listed.count)\"\n      }\n    },\n    {\n      \"id\": \"screen1\"",
                "\"screened\": \"\(listed.count + 1)\"\n      }\n    },\n    {\n      \"id\": \"screen1\"")
            Self.expectFails(mutated, claim: "screen0")
        }

        // The group lasso in group-lasso units (Lemma GL), by the definitions: with the
        // stated unit bounds u_j, G = (1/(2n)) ||Y - X WG^T||_F^2 + lambda_G sum_j u_j
        // - (<ThetaG, Y^T> - (n/2) ||ThetaG||_F^2); ||ThetaG x_j|| <= lambda_G.
        let wg = Self.matrix(c, "WG"), thetaG = Self.matrix(c, "ThetaG")
        let group = Self.claim(c, "group")
        let groupInputs = group["inputs"] as? [String: Any] ?? [:]
        let u = (groupInputs["unit-bounds"] as? [String] ?? []).map { Rational($0)! }
        let lambdaG = Rational(groupInputs["lambda"] as? String ?? "")!
        #expect(u.count == 12 && lambdaG == scenario.groupLambda)
        var fit = Rational.zero, inner = Rational.zero, thetaSquares = Rational.zero
        for t in 0..<4 {
            for i in 0..<24 {
                var s = Rational.zero
                for j in 0..<12 where !wg[t, j].isZero { s += x[i, j] * wg[t, j] }
                fit += (y[i, t] - s) * (y[i, t] - s)
                inner += thetaG[t, i] * y[i, t]
                thetaSquares += thetaG[t, i] * thetaG[t, i]
            }
        }
        for j in 0..<12 {
            var norm = Rational.zero, correlation = Rational.zero
            for t in 0..<4 {
                norm += wg[t, j] * wg[t, j]
                var s = Rational.zero
                for i in 0..<24 { s += thetaG[t, i] * x[i, j] }
                correlation += s * s
            }
            #expect(u[j].signum >= 0 && u[j] * u[j] >= norm && correlation <= lambdaG * lambdaG, "feature \(j)")
        }
        let groupGap = fit / Rational(48) + lambdaG * u.reduce(Rational.zero, +) - (inner - Rational(12) * thetaSquares)
        let groupDelta = Rational((group["statement"] as? [String: Any])?["delta"] as? String ?? "")!
        #expect(groupDelta >= groupGap && groupGap.signum >= 0)
        #expect(Self.verify(Self.replacing(text, "\"delta\": \"\(groupDelta)\"", "\"delta\": \"\(groupGap)\"")).status == .verified)
        Self.expectFails(
            Self.replacing(text, "\"delta\": \"\(groupDelta)\"", "\"delta\": \"\(groupGap - Rational.one.timesPowerOfTwo(-60))\""),
            claim: "group")
        // mtl-screen: a feature used by the group heads cannot be screened.
        let units = ((Self.claim(c, "group-screen")["inputs"] as? [String: Any])?["units"] as? [String]) ?? []
        #expect(!units.isEmpty)
        for j in units { #expect((0..<4).allSatisfy { wg[$0, Int(j)!].isZero }) }
        if let active = (0..<12).first(where: { j in (0..<4).contains { !wg[$0, j].isZero } }) {
            let old = "\"units\": [" + units.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
            let mutated = Self.replacing(
                Self.replacing(text, old, "\"units\": [" + (units + [String(active)]).map { "\"\($0)\"" }.joined(separator: ", ") + "]"),
                "\"screened\": \"\(units.count)\"\n      }\n    },\n    {\n      \"id\": \"group-supports\"",
                "\"screened\": \"\(units.count + 1)\"\n      }\n    },\n    {\n      \"id\": \"group-supports\"")
            Self.expectFails(mutated, claim: "group-screen")
        }

        // support-variability: the true supports satisfy it (brute force above); giving
        // task b a second feature k of a task a it shares feature i with makes the
        // supports containing i meet in {i, k}: a violation at one feature.
        #expect(Self.verify(text).claims.contains { $0.id == "true-variability" && $0.passed })
        let S = (0..<4).map { t in Set((0..<12).filter { !truth[t, $0].isZero }) }
        var mutatedTruth: [Int64]? = nil
        search: for a in 0..<4 {
            for b in 0..<4 where b != a {
                let shared = S[a].intersection(S[b])
                guard shared.count == 1, let k = S[a].subtracting(shared).first else { continue }
                var m = truth.entries.map { Int64(Int($0.timesPowerOfTwo(8).numerator.description)!) }
                m[b * 12 + k] = 256
                mutatedTruth = m
                break search
            }
        }
        #expect(mutatedTruth != nil)
        if let m = mutatedTruth {
            var bytes: [UInt8] = []
            for v in m { for k in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: UInt64(bitPattern: v) >> (8 * UInt64(k)))) } }
            let objects = c["objects"] as? [String: Any]
            let old = ((objects?["W-true"] as? [String: Any])?["dyadic"] as? [String: Any])?["mantissas"] as? String ?? ""
            Self.expectFails(Self.replacing(text, old, Data(bytes).base64EncodedString()), claim: "true-variability")
        }
    }

    @Test("the size estimate is a lower bound: a limit one below any estimated value is exceeded by the certificate itself")
    func sizeEstimateIsALowerBound() throws {
        let (T, p, n) = (4, 12, 24)
        let text = try SparseHeadsScenario(tasks: T, features: p, samples: n, sparsity: 3).certificate().text
        let estimate = SizeEstimate.sparseHeads(tasks: T, features: p, samples: n)
        #expect(estimate.firstExceeded(VerificationLimits()) == nil)
        #expect(estimate.items.map(\.limit) == [.cells, .work, .fileSize])
        for item in estimate.items {
            var limits = VerificationLimits()
            switch item.limit {
            case .cells: limits.maximumCells = item.value - 1
            case .work: limits.maximumWork = item.value - 1
            case .fileSize: limits.maximumFileSize = item.value - 1
            default: continue
            }
            #expect(estimate.firstExceeded(limits)?.limit == item.limit)
            let verdict = Verifier(limits: limits, jobs: 1, extensions: [.matrices]).verify(bytes: Array(text.utf8), path: "generated")
            #expect(verdict.status == .limitExceeded, "\(item.limit): \(verdict.status)")
        }
        // The scale of the README: within the default limits.
        #expect(SizeEstimate.sparseHeads(tasks: 50, features: 500, samples: 2000).firstExceeded(VerificationLimits()) == nil)
    }
}
