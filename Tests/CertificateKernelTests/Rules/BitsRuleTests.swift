import Testing
@testable import CertificateKernel

/// `bits`: an inequality between established quantities by exact interval arithmetic.
@Suite("Rule bits")
struct BitsRuleTests {
    /// x: ||0 - 4||_inf >= 3 establishes x in [3, +inf) (the true value 4 is not used);
    /// y: ||0 - 2||_inf <= 5 establishes y in [0, 5] (a distance is never negative).
    static let base = RuleCertificate()
        .object("zero", RT.constant("0")).object("four", RT.constant("4")).object("two", RT.constant("2"))
        .claim("x", "sup-distance", inputs: #"{"f":"zero","g":"four"}"#, statement: #"{"relation":">=","bound":"3"}"#)
        .claim("y", "sup-distance", inputs: #"{"f":"zero","g":"two"}"#, statement: #"{"relation":"<=","bound":"5"}"#)

    static func term(_ claim: String, _ coefficient: String, _ quantity: String = "distance") -> String {
        "{\"claim\":\"\(claim)\",\"quantity\":\"\(quantity)\",\"coefficient\":\"\(coefficient)\"}"
    }

    static func bits(
        in base: RuleCertificate = base, uses: [String]? = ["x", "y"], _ terms: [String], constant: String? = nil,
        _ relation: String, _ bound: String
    ) -> FileVerdict {
        let c = constant.map { ",\"constant\":\"\($0)\"" } ?? ""
        return base.claim(
            "b", "bits", uses: uses, inputs: "{\"terms\":[\(terms.joined(separator: ","))]\(c)}",
            statement: "{\"relation\":\"\(relation)\",\"bound\":\"\(bound)\"}"
        ).verify()
    }

    static let pointer = "/claims/2/statement/bound"

    /// x - y in [3 - 5, +inf) = [-2, +inf).
    @Test func differenceUsesTheOppositeEnds() {
        RT.expectVerified(Self.bits([Self.term("x", "1"), Self.term("y", "-1")], ">=", "-2"))
        RT.expectVerified(Self.bits([Self.term("x", "1"), Self.term("y", "-1")], ">", "-3"))
        let f = RT.expectFailed(
            Self.bits([Self.term("x", "1"), Self.term("y", "-1")], ">=", "-1"), claim: 2, at: Self.pointer,
            reason: ["only give a value in [-2, +inf]"])
        #expect(f?.expected == ">= -1")
        RT.expectFailed(Self.bits([Self.term("x", "1"), Self.term("y", "-1")], ">", "-2"), claim: 2, at: Self.pointer)
        RT.expectFailed(Self.bits([Self.term("x", "1"), Self.term("y", "-1")], ">=", "-1999/1000"), claim: 2, at: Self.pointer)
    }

    /// x + y in [3 + 0, +inf): y's lower end is 0, not its upper end 5.
    @Test func sumUsesTheLowerEnds() {
        RT.expectVerified(Self.bits([Self.term("x", "1"), Self.term("y", "1")], ">=", "3"))
        RT.expectFailed(
            Self.bits([Self.term("x", "1"), Self.term("y", "1")], ">=", "8"), claim: 2, at: Self.pointer, reason: ["[3, +inf]"])
        RT.expectFailed(Self.bits([Self.term("x", "1"), Self.term("y", "1")], ">=", "3001/1000"), claim: 2, at: Self.pointer)
    }

    /// Statements that hold only at one end of an interval, or need an end that is
    /// unbounded, are rejected.
    @Test func unboundedAndOneSidedIntervalsRejected() {
        RT.expectFailed(Self.bits([Self.term("x", "1")], "<=", "100"), claim: 2, at: Self.pointer, reason: ["[3, +inf]"])
        RT.expectFailed(Self.bits([Self.term("x", "1")], "=", "3"), claim: 2, at: Self.pointer)
        RT.expectFailed(Self.bits([Self.term("x", "1")], ">", "3"), claim: 2, at: Self.pointer)
        RT.expectVerified(Self.bits([Self.term("x", "1")], ">=", "3"))
        RT.expectFailed(Self.bits([Self.term("y", "1")], "=", "0"), claim: 2, at: Self.pointer, reason: ["[0, 5]"])
        RT.expectFailed(Self.bits([Self.term("y", "1")], "<=", "0"), claim: 2, at: Self.pointer)
        RT.expectFailed(Self.bits([Self.term("y", "1")], "<", "5"), claim: 2, at: Self.pointer)
        RT.expectFailed(Self.bits([Self.term("y", "1")], ">", "0"), claim: 2, at: Self.pointer)
        RT.expectVerified(Self.bits([Self.term("y", "1")], "<=", "5"))
        RT.expectVerified(Self.bits([Self.term("y", "1")], ">=", "0"))
        RT.expectFailed(Self.bits([Self.term("x", "1"), Self.term("y", "1")], "<=", "1000000"), claim: 2, at: Self.pointer)
    }

    /// Multiples: a negative coefficient swaps the ends; 0 * x is exactly 0.
    @Test func scaling() {
        RT.expectVerified(Self.bits([Self.term("x", "2")], ">=", "6"))
        RT.expectFailed(Self.bits([Self.term("x", "2")], ">=", "7"), claim: 2, at: Self.pointer)
        RT.expectVerified(Self.bits([Self.term("x", "-1")], "<=", "-3"))
        RT.expectFailed(Self.bits([Self.term("x", "-1")], "<=", "-4"), claim: 2, at: Self.pointer)
        RT.expectFailed(Self.bits([Self.term("x", "-1")], ">=", "-1000"), claim: 2, at: Self.pointer)
        RT.expectVerified(Self.bits([Self.term("y", "-1/2")], ">=", "-5/2"))
        RT.expectFailed(Self.bits([Self.term("y", "-1/2")], ">=", "-2"), claim: 2, at: Self.pointer)
        RT.expectVerified(Self.bits([Self.term("x", "0")], "=", "0"))
        RT.expectFailed(Self.bits([Self.term("x", "0")], "=", "1"), claim: 2, at: Self.pointer)
    }

    /// The coefficients' signs matter: -x + y lies in (-inf, 5 - 3] = (-inf, 2].
    @Test func flippedCoefficientSignsRejected() {
        RT.expectVerified(Self.bits([Self.term("x", "-1"), Self.term("y", "1")], "<=", "2"))
        RT.expectFailed(
            Self.bits([Self.term("x", "-1"), Self.term("y", "1")], ">=", "-2"), claim: 2, at: Self.pointer, reason: ["[-inf, 2]"])
        RT.expectFailed(Self.bits([Self.term("x", "-1"), Self.term("y", "1")], "<=", "1"), claim: 2, at: Self.pointer)
    }

    @Test func constants() {
        RT.expectVerified(Self.bits([Self.term("y", "-1")], constant: "10", ">=", "5"))
        RT.expectFailed(Self.bits([Self.term("y", "-1")], constant: "10", ">=", "6"), claim: 2, at: Self.pointer)
        RT.expectVerified(Self.bits([Self.term("y", "-1")], constant: "10", "<=", "10"))
        RT.expectFailed(Self.bits([Self.term("y", "-1")], constant: "10", "<", "10"), claim: 2, at: Self.pointer)
    }

    /// The same quantity twice: interval arithmetic does not know the two terms are equal,
    /// so x - x is only known to lie in (-inf, +inf); the rule must not claim x - x = 0.
    @Test func repeatedTermsAreTreatedSoundly() {
        RT.expectFailed(Self.bits([Self.term("x", "1"), Self.term("x", "-1")], "=", "0"), claim: 2, at: Self.pointer)
        RT.expectVerified(Self.bits([Self.term("y", "1"), Self.term("y", "-1")], ">=", "-5"))
        RT.expectFailed(Self.bits([Self.term("y", "1"), Self.term("y", "-1")], ">=", "-4"), claim: 2, at: Self.pointer)
    }

    @Test func termsMustReferToUsedClaimsAndKnownQuantities() {
        // x exists and is earlier, but is not listed in uses.
        RT.expectFailed(
            Self.bits(uses: ["y"], [Self.term("x", "1")], ">=", "3"), claim: 2, at: "/claims/2/inputs/terms/0/claim",
            reason: ["refers to claim x, which is not listed in \"uses\""])
        RT.expectFailed(Self.bits(uses: nil, [Self.term("x", "1")], ">=", "3"), claim: 2, at: "/claims/2/inputs/terms/0/claim")
        RT.expectFailed(
            Self.bits(uses: ["x", "y"], [Self.term("y", "1"), Self.term("nobody", "1")], ">=", "0"), claim: 2,
            at: "/claims/2/inputs/terms/1/claim", reason: ["claim nobody"])
        // Unknown quantity.
        RT.expectFailed(
            Self.bits([Self.term("x", "1", "bits")], ">=", "3"), claim: 2, at: "/claims/2/inputs/terms/0/quantity",
            reason: ["claim x (sup-distance) establishes no quantity \"bits\" (it establishes: distance)"])
    }

    /// A later claim in uses fails the claim (see also DependencyTests).
    @Test func laterClaimRejected() {
        let v = RuleCertificate()
            .object("zero", RT.constant("0")).object("four", RT.constant("4"))
            .claim("b", "bits", uses: ["x"], inputs: "{\"terms\":[\(Self.term("x", "1"))]}", statement: #"{"relation":">=","bound":"3"}"#)
            .claim("x", "sup-distance", inputs: #"{"f":"zero","g":"four"}"#, statement: #"{"relation":">=","bound":"3"}"#)
            .verify()
        RT.expectFailed(v, claim: 0, at: "/claims/0/uses/0", reason: ["not an earlier claim"])
        RT.expectPassed(v, claim: 1)
    }

    /// A bits claim establishes its own value: [bound, +inf) for >=, (-inf, bound] for
    /// <=, exactly for =; later claims can combine it.
    @Test func chainsOfBitsClaims() {
        let base = Self.base
            .claim(
                "d", "bits", uses: ["x", "y"], inputs: "{\"terms\":[\(Self.term("x", "1")),\(Self.term("y", "-1"))]}",
                statement: #"{"relation":">=","bound":"-2"}"#)
        func next(_ relation: String, _ bound: String, coefficient: String = "1") -> FileVerdict {
            base.claim(
                "e", "bits", uses: ["d"], inputs: "{\"terms\":[\(Self.term("d", coefficient, "value"))]}",
                statement: "{\"relation\":\"\(relation)\",\"bound\":\"\(bound)\"}"
            ).verify()
        }
        RT.expectVerified(next(">=", "-2"))
        RT.expectFailed(next(">=", "-1"), claim: 3, at: "/claims/3/statement/bound")
        RT.expectFailed(next("<=", "100"), claim: 3, at: "/claims/3/statement/bound")
        RT.expectVerified(next("<=", "2", coefficient: "-1"))
        // The value of a bits claim with "<=" is not known to be >= 0.
        let upper = Self.base.claim(
            "u", "bits", uses: ["y"], inputs: "{\"terms\":[\(Self.term("y", "1"))]}", statement: #"{"relation":"<=","bound":"5"}"#)
        RT.expectFailed(
            upper.claim(
                "e", "bits", uses: ["u"], inputs: "{\"terms\":[\(Self.term("u", "1", "value"))]}",
                statement: #"{"relation":">=","bound":"0"}"#
            ).verify(),
            claim: 3, at: "/claims/3/statement/bound")
    }

    @Test func malformedTerms() {
        RT.expectMalformed(Self.bits([], ">=", "0"), at: "/claims/2/inputs/terms")
        RT.expectMalformed(
            Self.bits(["{\"claim\":\"x\",\"quantity\":\"distance\"}"], ">=", "0"), at: "/claims/2/inputs/terms/0/coefficient")
        RT.expectMalformed(
            Self.bits(["{\"claim\":\"x\",\"quantity\":\"distance\",\"coefficient\":\"1\",\"scale\":\"2\"}"], ">=", "0"),
            at: "/claims/2/inputs/terms/0/scale")
        RT.expectMalformed(Self.bits([Self.term("x", "1")], "=>", "0"), at: "/claims/2/statement/relation")
    }
}
