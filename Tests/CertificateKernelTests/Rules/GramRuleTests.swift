import Testing
@testable import CertificateKernel

/// `gram`: <f_i, f_j> = G_ij exactly (MATH.md sec. 2).
@Suite("Rule gram")
struct GramRuleTests {
    /// The Haar system up to level 1: orthogonal, squared norms 1, 1, 1/2, 1/2 (sec. 4:
    /// <psi(j,k), psi(j,k)> = 2^-j).
    static let haar = RuleCertificate()
        .object("one", RT.constant("1"))
        .object("psi00", RT.haarFunction(level: 0, index: 0))
        .object("psi10", RT.haarFunction(level: 1, index: 0))
        .object("psi11", RT.haarFunction(level: 1, index: 1))

    static func haarClaim(_ rows: [[String]]) -> RuleCertificate {
        haar.claim(
            "g", "gram", inputs: #"{"functions":["one","psi00","psi10","psi11"]}"#,
            statement: "{\"matrix\":[" + rows.map(RT.a).joined(separator: ",") + "]}")
    }

    static let haarGram = [["1", "0", "0", "0"], ["0", "1", "0", "0"], ["0", "0", "1/2", "0"], ["0", "0", "0", "1/2"]]

    @Test func haarSystemAccepted() {
        RT.expectVerified(Self.haarClaim(Self.haarGram).verify())
    }

    /// D functions need D^2 Gram entries: `--max-cells` bounds them, and past 2^14
    /// functions no setting does. Each message says which.
    @Test func gramSizeLimitSaysWhetherTheFlagHelps() {
        func verify(_ D: Int, _ limits: VerificationLimits) -> FileVerdict {
            let text = RuleCertificate().object("f", RT.constant("1"))
                .claim(
                    "g", "gram", inputs: "{\"functions\":\(RT.a(Array(repeating: "f", count: D)))}", statement: #"{"matrix":"identity"}"#
                )
                .text
            return Verifier(limits: limits).verify(bytes: Array(text.utf8), path: "test")
        }
        var few = VerificationLimits()
        few.maximumCells = 120
        #expect(verify(10, few).status == .failed) // 100 entries: checked (and not the identity)
        let eleven = verify(11, few)
        #expect(eleven.status == .limitExceeded)
        #expect(eleven.error?.description.hasSuffix("121 Gram entries exceeds the limit 120 (raise it with --max-cells)") == true)
        var many = VerificationLimits()
        many.maximumCells = 1 << 40
        let tooMany = verify((1 << 14) + 1, many)
        #expect(tooMany.status == .limitExceeded)
        #expect(tooMany.error?.description.hasSuffix("exceeds the limit of 16384 functions, whatever --max-cells is") == true)
    }

    @Test func haarNormOffBySmallStepRejected() {
        for wrong in ["1/4", "1", "0", "-1/2", "501/1000", "511/1024"] {
            var rows = Self.haarGram
            rows[3][3] = wrong
            let f = RT.expectFailed(Self.haarClaim(rows).verify(), at: "/claims/0/statement/matrix/3/3", reason: ["entry (3, 3)"])
            #expect(f?.computed == "<f_3, f_3> = 1/2")
            #expect(f?.expected == "<f_3, f_3> = \(wrong)")
        }
    }

    @Test func haarIdentityRejectedAtFirstDifferingEntry() {
        // psi(1,0) has squared norm 1/2, not 1: the identity fails first at (2, 2).
        let v = Self.haar.claim(
            "g", "gram", inputs: #"{"functions":["one","psi00","psi10","psi11"]}"#, statement: #"{"matrix":"identity"}"#
        ).verify()
        let f = RT.expectFailed(v, at: "/claims/0/statement/matrix", reason: ["entry (2, 2)"])
        #expect(f?.computed == "<f_2, f_2> = 1/2")
    }

    @Test func offDiagonalOnlyOneSideWrongRejected() {
        // No symmetry may be assumed: a wrong (1, 0) with a right (0, 1) must fail at (1, 0).
        var rows = Self.haarGram
        rows[1][0] = "1/1000"
        RT.expectFailed(Self.haarClaim(rows).verify(), at: "/claims/0/statement/matrix/1/0", reason: ["entry (1, 0)"])
        rows = Self.haarGram
        rows[2][3] = "-1/1000000"
        RT.expectFailed(Self.haarClaim(rows).verify(), at: "/claims/0/statement/matrix/2/3", reason: ["entry (2, 3)"])
    }

    /// f = 1/2 on [0,1/3), -1/4 on [1/3,1); g = 3/4 on [0,1/2), -1/2 on [1/2,1).
    /// <f,g> = 1/3 * 3/8 - 1/6 * 3/16 + 1/2 * 1/8 = 1/8 - 1/32 + 1/16 = 5/32;
    /// <f,f> = 1/3 * 1/4 + 2/3 * 1/16 = 1/8; <g,g> = 1/2 * 9/16 + 1/2 * 1/4 = 13/32.
    static func rational(_ rows: [[String]]) -> RuleCertificate {
        RuleCertificate()
            .object("f", RT.step(["0", "1/3", "1"], ["1/2", "-1/4"]))
            .object("g", RT.step(["0", "1/2", "1"], ["3/4", "-1/2"]))
            .claim(
                "g", "gram", inputs: #"{"functions":["f","g"]}"#,
                statement: "{\"matrix\":[" + rows.map(RT.a).joined(separator: ",") + "]}")
    }

    @Test func rationalBreakpointsAccepted() {
        RT.expectVerified(Self.rational([["1/8", "5/32"], ["5/32", "13/32"]]).verify())
    }

    @Test func rationalEntryFlippedOrPerturbedRejected() {
        RT.expectFailed(Self.rational([["1/8", "-5/32"], ["5/32", "13/32"]]).verify(), at: "/claims/0/statement/matrix/0/1")
        RT.expectFailed(Self.rational([["1/8", "5/32"], ["5/32", "12999/32000"]]).verify(), at: "/claims/0/statement/matrix/1/1")
        RT.expectFailed(Self.rational([["1/8", "5/32"], ["5/33", "13/32"]]).verify(), at: "/claims/0/statement/matrix/1/0")
    }

    /// Walsh functions w_0..w_7 at level 3 are orthonormal (sec. 4).
    @Test func walshBasisAccepted() {
        let v = RuleCertificate().object("W", #"{"kind":"walsh-basis","levels":"3"}"#)
            .claim("g", "gram", inputs: #"{"functions":["W"]}"#, statement: #"{"matrix":"identity"}"#).verify()
        RT.expectVerified(v)
    }

    /// Flipping one cell of a +-1 function moves each inner product with it by 2/2^J:
    /// w_1 = (+,+,-,-) and w_2 = (+,-,+,-) are orthogonal, but w_2 with cell 0 flipped,
    /// (-,-,+,-), has <w_1, .> = (-1 - 1 - 1 + 1)/4 = -1/2.
    @Test func flippedSignBitRejected() {
        // w_1 = r_0 = (+,+,-,-), w_2 = r_1 = (+,-,+,-) on the level-2 cells.
        let w2flipped = RT.signFunction(level: 2, negativeCells: [0, 1, 3])
        let v = RuleCertificate()
            .object("w1", RT.signFunction(level: 2, negativeCells: [2, 3]))
            .object("w2", RT.signFunction(level: 2, negativeCells: [1, 3]))
            .object("w2x", w2flipped)
            .claim("ok", "gram", inputs: #"{"functions":["w1","w2"]}"#, statement: #"{"matrix":"identity"}"#)
            .claim("bad", "gram", inputs: #"{"functions":["w1","w2x"]}"#, statement: #"{"matrix":"identity"}"#)
            .claim("exact", "gram", inputs: #"{"functions":["w1","w2x"]}"#, statement: #"{"matrix":[["1","-1/2"],["-1/2","1"]]}"#)
            .verify()
        RT.expectPassed(v, claim: 0)
        let f = RT.expectFailed(v, claim: 1, at: "/claims/1/statement/matrix", reason: ["entry (0, 1)"])
        #expect(f?.computed == "<f_0, f_1> = -1/2")
        RT.expectPassed(v, claim: 2)
    }

    /// Against identity/diagonal statements the kernel computes only the entries between
    /// signed characters of equal frequency or multiples of one Haar function (MATH.md
    /// sec. 4). A repeated or negated function, and a near-Haar function on a
    /// non-dyadic interval, must still be found.
    @Test func structuredDiagonalChecks() {
        let w1 = RT.signFunction(level: 2, negativeCells: [2, 3]) // chi_2
        let w1neg = RT.signFunction(level: 2, negativeCells: [0, 1]) // -chi_2
        let w2 = RT.signFunction(level: 2, negativeCells: [1, 3]) // chi_1
        let base = RuleCertificate().object("w1", w1).object("w1neg", w1neg).object("w2", w2)
            .object("one", RT.constant("1")).object("psi00", RT.haarFunction(level: 0, index: 0))
            .object("psi10", RT.haarFunction(level: 1, index: 0))
            // 1 on [1/4, 1/2), -1 on [1/2, 3/4): halves of an interval that is not dyadic.
            .object("shifted", RT.step(["0", "1/4", "1/2", "3/4", "1"], ["0", "1", "-1", "0"]))
            .object("psi00x2", RT.step(["0", "1/2", "1"], ["2", "-2"]))
            // A level-6 Haar function makes the lists fine enough for the general path
            // (Haar indices, then supports) rather than dense cell arrays.
            .object("psi65", RT.haarFunction(level: 6, index: 5))
        let v =
            base
            .claim("negated", "gram", inputs: #"{"functions":["w2","w1neg"]}"#, statement: #"{"matrix":"identity"}"#)
            .claim("repeated", "gram", inputs: #"{"functions":["w2","w1","w1neg"]}"#, statement: #"{"matrix":"identity"}"#)
            .claim(
                "multiple", "gram", inputs: #"{"functions":["one","psi00","psi10","psi00x2","psi65"]}"#,
                statement: #"{"diagonal":["1","1","1/2","4","1/64"]}"#
            )
            .claim("shifted", "gram", inputs: #"{"functions":["psi00","shifted","psi65"]}"#, statement: #"{"diagonal":["1","1/2","1/64"]}"#)
            .claim(
                "shifted-true", "gram", inputs: #"{"functions":["psi10","shifted"]}"#,
                statement: #"{"matrix":[["1/2","-1/4"],["-1/4","1/2"]]}"#
            )
            .verify()
        RT.expectPassed(v, claim: 0)
        // <chi_2, -chi_2> = -1 at (1, 2).
        let repeated = RT.expectFailed(v, claim: 1, at: "/claims/1/statement/matrix", reason: ["entry (1, 2)"])
        #expect(repeated?.computed == "<f_1, f_2> = -1")
        // <psi00, 2 psi00> = 2 at (1, 3).
        let multiple = RT.expectFailed(v, claim: 2, at: "/claims/2/statement/diagonal", reason: ["entry (1, 3)"])
        #expect(multiple?.computed == "<f_1, f_3> = 2")
        // <psi00, shifted> = 1/4 (on [1/4, 1/2)) + 1/4 (on [1/2, 3/4)) = 1/2.
        let shifted = RT.expectFailed(v, claim: 3, at: "/claims/3/statement/diagonal", reason: ["entry (0, 1)"])
        #expect(shifted?.computed == "<f_0, f_1> = 1/2")
        // <psi10, shifted> = -1/4 (psi10 = -1 and shifted = +1 on [1/4, 1/2)).
        RT.expectPassed(v, claim: 4)
    }

    /// Brute force: random +-1 functions of level 4 (the packed path) and random dyadic
    /// cell functions of level 3 (the general paths) against sums over the cells.
    @Test func randomGramMatricesAgainstCellSums() {
        var rng = RTRandom(state: 7)
        for round in 0..<4 {
            // +-1 functions, level 4.
            let D = 5
            let signs = (0..<D).map { _ in (0..<16).map { _ in rng.int(0...1) == 1 ? -1 : 1 } }
            var cert = RuleCertificate()
            for d in 0..<D {
                cert = cert.object("f\(d)", RT.signFunction(level: 4, negativeCells: Set((0..<16).filter { signs[d][$0] == -1 })))
            }
            let names = RT.a((0..<D).map { "f\($0)" })
            var rows: [[String]] = []
            for i in 0..<D {
                rows.append((0..<D).map { j in Q((0..<16).reduce(0) { $0 + signs[i][$1] * signs[j][$1] }, 16).description })
            }
            let good = cert.claim(
                "g", "gram", inputs: "{\"functions\":\(names)}", statement: "{\"matrix\":[" + rows.map(RT.a).joined(separator: ",") + "]}")
            RT.expectVerified(good.verify())
            // Off by the smallest step a +-1 Gram entry can take at level 4 (2/16).
            let i = rng.int(0...(D - 1)), j = rng.int(0...(D - 1))
            var wrong = rows
            wrong[i][j] = (Q((0..<16).reduce(0) { $0 + signs[i][$1] * signs[j][$1] }, 16) + Q(round % 2 == 0 ? 1 : -1, 8)).description
            let bad = cert.claim(
                "g", "gram", inputs: "{\"functions\":\(names)}", statement: "{\"matrix\":[" + wrong.map(RT.a).joined(separator: ",") + "]}")
            RT.expectFailed(bad.verify(), at: "/claims/0/statement/matrix/\(i)/\(j)")

            // Rational cell functions, level 3, values k/6.
            let values = (0..<3).map { _ in (0..<8).map { _ in Q(rng.int(-6...6), 6) } }
            var cert2 = RuleCertificate()
            for d in 0..<3 { cert2 = cert2.object("c\(d)", RT.cells(level: 3, values[d].map(\.description))) }
            var gram: [[Q]] = []
            for a in 0..<3 {
                gram.append((0..<3).map { b in (0..<8).reduce(Q(0)) { $0 + values[a][$1] * values[b][$1] * Q(1, 8) } })
            }
            func matrix(_ m: [[Q]]) -> String { "{\"matrix\":[" + m.map { RT.a($0.map(\.description)) }.joined(separator: ",") + "]}" }
            let good2 = cert2.claim("g", "gram", inputs: #"{"functions":["c0","c1","c2"]}"#, statement: matrix(gram))
            RT.expectVerified(good2.verify())
            var wrong2 = gram
            wrong2[2][1] = wrong2[2][1] + Q(1, 288)
            let bad2 = cert2.claim("g", "gram", inputs: #"{"functions":["c0","c1","c2"]}"#, statement: matrix(wrong2))
            RT.expectFailed(bad2.verify(), at: "/claims/0/statement/matrix/2/1")
        }
    }

    /// Task outputs of one sign tree are orthonormal (Theorem O); outputs of two different
    /// trees are not, in general: checked against the brute-force outputs.
    @Test func taskOutputsAgainstBruteForce() {
        let J = 3, readouts = [4, 5, 6, 7]
        for tree in [0, 37, 127] {
            let v = RuleCertificate()
                .object("sigma", RT.signTree(levels: J, number: tree))
                .object("F", RT.taskOutputs(signs: "sigma", readouts))
                .claim("g", "gram", inputs: #"{"functions":["F"]}"#, statement: #"{"matrix":"identity"}"#).verify()
            RT.expectVerified(v)
        }
        // f_4 of tree 0 against f_4 of tree 1 (root flipped): the brute-force inner product.
        let a = Brute.output(0, levels: J, readout: 4), b = Brute.output(1, levels: J, readout: 4)
        let ip = Q(zip(a, b).reduce(0) { $0 + $1.0 * $1.1 }, 8)
        let cert = RuleCertificate()
            .object("s0", RT.signTree(levels: J, number: 0)).object("s1", RT.signTree(levels: J, number: 1))
            .object("a", #"{"kind":"task-output","signs":"s0","readout":"4"}"#)
            .object("b", #"{"kind":"task-output","signs":"s1","readout":"4"}"#)
        RT.expectVerified(
            cert.claim(
                "g", "gram", inputs: #"{"functions":["a","b"]}"#,
                statement: "{\"matrix\":[[\"1\",\"\(ip)\"],[\"\(ip)\",\"1\"]]}"
            ).verify())
        RT.expectFailed(
            cert.claim(
                "g", "gram", inputs: #"{"functions":["a","b"]}"#,
                statement: "{\"matrix\":[[\"1\",\"\(ip + Q(1, 4))\"],[\"\(ip)\",\"1\"]]}"
            ).verify(),
            at: "/claims/0/statement/matrix/0/1")
    }

    /// Disjoint and overlapping supports with a non-dyadic breakpoint (the general path):
    /// f = 1 on [0,1/3); g = 2 on [1/3,1); h = 1 on [1/4,1/2).
    /// <f,f> = 1/3, <g,g> = 8/3, <h,h> = 1/4, <f,g> = 0, <f,h> = 1/12, <g,h> = 2 (1/2 - 1/3) = 1/3.
    @Test func supportsByHand() {
        let base = RuleCertificate()
            .object("f", RT.step(["0", "1/3", "1"], ["1", "0"]))
            .object("g", RT.step(["0", "1/3", "1"], ["0", "2"]))
            .object("h", RT.step(["0", "1/4", "1/2", "1"], ["0", "1", "0"]))
        let rows = [["1/3", "0", "1/12"], ["0", "8/3", "1/3"], ["1/12", "1/3", "1/4"]]
        func claim(_ rows: [[String]]) -> FileVerdict {
            base.claim(
                "g", "gram", inputs: #"{"functions":["f","g","h"]}"#,
                statement: "{\"matrix\":[" + rows.map(RT.a).joined(separator: ",") + "]}"
            ).verify()
        }
        RT.expectVerified(claim(rows))
        var wrong = rows
        wrong[0][1] = "1/1000000"
        RT.expectFailed(claim(wrong), at: "/claims/0/statement/matrix/0/1", reason: ["entry (0, 1)"])
        wrong = rows
        wrong[2][1] = "-1/3"
        RT.expectFailed(claim(wrong), at: "/claims/0/statement/matrix/2/1")
    }

    /// Dyadic cell functions of one level (the integer-mantissa path): values k/8 at level 4.
    @Test func dyadicCellFunctionsAgainstCellSums() {
        var rng = RTRandom(state: 5)
        for _ in 0..<4 {
            let values = (0..<4).map { _ in (0..<16).map { _ in Q(rng.int(-16...16), 8) } }
            var cert = RuleCertificate()
            for d in 0..<4 { cert = cert.object("c\(d)", RT.cells(level: 4, values[d].map(\.description))) }
            let gram = (0..<4).map { a in (0..<4).map { b in (0..<16).reduce(Q(0)) { $0 + values[a][$1] * values[b][$1] * Q(1, 16) } } }
            func matrix(_ m: [[Q]]) -> String { "{\"matrix\":[" + m.map { RT.a($0.map(\.description)) }.joined(separator: ",") + "]}" }
            RT.expectVerified(cert.claim("g", "gram", inputs: #"{"functions":["c0","c1","c2","c3"]}"#, statement: matrix(gram)).verify())
            var wrong = gram
            wrong[3][0] = wrong[3][0] + Q(1, 1024)
            RT.expectFailed(
                cert.claim("g", "gram", inputs: #"{"functions":["c0","c1","c2","c3"]}"#, statement: matrix(wrong)).verify(),
                at: "/claims/0/statement/matrix/3/0")
        }
    }

    @Test func malformedMatrixShapes() {
        let base = RuleCertificate().object("f", RT.constant("1")).object("g", RT.constant("2"))
        RT.expectMalformed(
            base.claim("g", "gram", inputs: #"{"functions":["f","g"]}"#, statement: #"{"matrix":[["1","2"]]}"#).verify(),
            at: "/claims/0/statement/matrix")
        RT.expectMalformed(
            base.claim("g", "gram", inputs: #"{"functions":["f","g"]}"#, statement: #"{"matrix":[["1","2"],["2"]]}"#).verify(),
            at: "/claims/0/statement/matrix/1")
        RT.expectMalformed(
            base.claim("g", "gram", inputs: #"{"functions":["f","g"]}"#, statement: #"{"matrix":"zero"}"#).verify(),
            at: "/claims/0/statement/matrix")
        RT.expectMalformed(
            base.claim("g", "gram", inputs: #"{"functions":[]}"#, statement: #"{"matrix":"identity"}"#).verify(),
            at: "/claims/0/inputs/functions")
    }
}
