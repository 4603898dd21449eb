import Testing
@testable import CertificateKernel

/// Dependencies between claims (PRODUCT.md "Certificates": no claim may use a later one;
/// Verifier: a claim whose dependency failed fails too).
@Suite("Claim dependencies")
struct DependencyTests {
    static let objects = RuleCertificate()
        .object("zero", RT.constant("0")).object("one", RT.constant("1"))

    /// A sup-distance claim between 0 and 1 (true iff "1 relation bound" holds):
    /// `distance(base, id, "1")` states "= 1", `distance(base, id, "<", "1")` states "< 1".
    static func distance(_ base: RuleCertificate, _ id: String, uses: [String]? = nil, _ first: String, _ second: String? = nil)
        -> RuleCertificate
    {
        let relation = second == nil ? "=" : first, bound = second ?? first
        return base.claim(
            id, "sup-distance", uses: uses, inputs: #"{"f":"zero","g":"one"}"#,
            statement: "{\"relation\":\"\(relation)\",\"bound\":\"\(bound)\"}")
    }

    @Test func laterClaimInUses() {
        let v = Self.distance(Self.distance(Self.objects, "a", uses: ["b"], "1"), "b", "1").verify(jobs: 1)
        let f = RT.expectFailed(
            v, claim: 0, at: "/claims/0/uses/0", reason: ["uses b, which is not an earlier claim", "claim 1 comes after claim 0"])
        #expect(f?.expected == nil && f?.computed == nil)
        RT.expectPassed(v, claim: 1)
    }

    @Test func claimUsingItself() {
        let v = Self.distance(Self.objects, "a", uses: ["a"], "1").verify()
        RT.expectFailed(v, claim: 0, at: "/claims/0/uses/0", reason: ["uses a, which is this claim itself"])
    }

    @Test func missingClaimName() {
        let v = Self.distance(Self.distance(Self.objects, "a", "1"), "b", uses: ["a", "nope"], "1").verify()
        RT.expectPassed(v, claim: 0)
        RT.expectFailed(v, claim: 1, at: "/claims/1/uses/1", reason: ["uses nope, but no claim has that name"])
    }

    @Test func usingAFailedClaimFailsWithExactlyThatReason() {
        let v = Self.distance(Self.distance(Self.distance(Self.objects, "ok", "1"), "bad", "2"), "c", uses: ["ok", "bad"], "1").verify()
        RT.expectPassed(v, claim: 0)
        RT.expectFailed(v, claim: 1, at: "/claims/1/statement/bound")
        let f = RT.expectFailed(v, claim: 2, at: "/claims/2/uses/1")
        #expect(f?.reason == "depends on failed claim bad")
    }

    /// A <- B <- C with A false: B and C fail, each naming its own failed dependency;
    /// D, which uses only a true claim, passes. The same with parallel checking.
    @Test func failureChain() {
        for jobs in [1, 2, 4] {
            var cert = Self.distance(Self.objects, "A", "<", "1") // false: the distance is 1
            cert = Self.distance(cert, "B", uses: ["A"], "1") // true by itself
            cert = Self.distance(cert, "C", uses: ["B"], "1") // true by itself
            cert = Self.distance(cert, "T", "<=", "1") // true
            cert = Self.distance(cert, "D", uses: ["T"], ">=", "1") // true, uses a true claim
            cert = Self.distance(cert, "E", uses: ["T", "C"], "1") // uses a failed claim
            let v = cert.verify(jobs: jobs)
            RT.expectFailed(v, claim: 0, at: "/claims/0/statement/bound")
            #expect(RT.failure(v, 1)?.reason == "depends on failed claim A")
            #expect(RT.failure(v, 1)?.pointer.description == "/claims/1/uses/0")
            #expect(RT.failure(v, 2)?.reason == "depends on failed claim B")
            RT.expectPassed(v, claim: 3)
            RT.expectPassed(v, claim: 4)
            #expect(RT.failure(v, 5)?.reason == "depends on failed claim C")
            #expect(RT.failure(v, 5)?.pointer.description == "/claims/5/uses/1")
            #expect(v.claims.map(\.id) == ["A", "B", "C", "T", "D", "E"])
        }
    }

    /// Quantities of a claim that failed are never available, even to a bits claim that
    /// would otherwise hold.
    @Test func bitsOverAFailedClaim() {
        let cert = Self.distance(Self.objects, "A", ">=", "2") // false, would establish distance >= 2
            .claim(
                "B", "bits", uses: ["A"], inputs: #"{"terms":[{"claim":"A","quantity":"distance","coefficient":"1"}]}"#,
                statement: #"{"relation":">=","bound":"2"}"#)
        let v = cert.verify()
        RT.expectFailed(v, claim: 0, at: "/claims/0/statement/bound")
        #expect(RT.failure(v, 1)?.reason == "depends on failed claim A")
    }

    /// A bits claim whose first term's claim failed still states every term: the failed
    /// one as written (claim.quantity), the rest by their meanings.
    @Test func bitsOverAFailedClaimKeepsEveryTerm() {
        let cert = Self.distance(Self.distance(Self.objects, "A", ">=", "2"), "T", "<=", "1")
            .claim(
                "B", "bits", uses: ["A", "T"],
                inputs:
                    #"{"terms":[{"claim":"A","quantity":"distance","coefficient":"1"},{"claim":"T","quantity":"distance","coefficient":"-2"}]}"#,
                statement: #"{"relation":">=","bound":"0"}"#)
        let v = cert.verify()
        RT.expectFailed(v, claim: 0, at: "/claims/0/statement/bound")
        RT.expectPassed(v, claim: 1)
        #expect(RT.failure(v, 2)?.reason == "depends on failed claim A")
        #expect(v.claims[2].summary == "A.distance - 2 * T.distance >= 0")
    }

    @Test func duplicateClaimIdIsMalformed() {
        let v = Self.distance(Self.distance(Self.objects, "a", "1"), "a", "1").verify()
        RT.expectMalformed(v, at: "/claims/1/id")
    }

    /// Claims about a class are matched by its name (binary-class), so a name must denote
    /// one object: a repeated object name is malformed input.
    @Test func duplicateObjectNameIsMalformed() {
        let text = RuleCertificate().object("K", RT.readoutClass(levels: 2, [2, 3])).object("K", RT.readoutClass(levels: 2, [1]))
            .claim("j", "readout-count", inputs: #"{"class":"K","coding":"joint"}"#, statement: #"{"log2-size":"3"}"#).text
        RT.expectMalformed(RT.verify(text), at: "/objects/K", mentioning: ["duplicate key"])
    }

    @Test func passedDependencyIsFine() {
        RT.expectVerified(Self.distance(Self.distance(Self.objects, "a", "1"), "b", uses: ["a", "a"], "<=", "1").verify())
    }
}
