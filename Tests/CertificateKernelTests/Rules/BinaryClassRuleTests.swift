import Testing
@testable import CertificateKernel

/// `binary-class`: N(eps, K) = |K| for +-1 classes and 0 < eps < 1; N = 1 for eps >= 1
/// (Lemma B).
@Suite("Rule binary-class")
struct BinaryClassRuleTests {
    /// J = 2, readouts {2, 3}: |K_M| = 2^3, |K_2| = |K_3| = 2^2 (Lemmas J, S; brute force).
    static let base = RuleCertificate()
        .object("K", RT.readoutClass(levels: 2, [2, 3]))
        .object("L", RT.readoutClass(levels: 2, [1, 3]))
        .claim("joint-size", "readout-count", inputs: #"{"class":"K","coding":"joint"}"#, statement: #"{"log2-size":"3"}"#)
        .claim(
            "separate-size", "readout-count", inputs: #"{"class":"K","coding":"separate"}"#,
            statement: #"{"log2-sizes":["2","2"],"total":"4"}"#
        )
        .claim(
            "separate-enum", "enumerate", inputs: #"{"class":"K","quantity":"size","coding":"separate"}"#,
            statement: #"{"values":["4","4"]}"#
        )
        .claim("other-joint", "readout-count", inputs: #"{"class":"L","coding":"joint"}"#, statement: #"{"log2-size":"3"}"#)

    static func binary(_ base: RuleCertificate = base, uses: [String]?, cls: String = "K", eps: String, coding: String, bits: String)
        -> FileVerdict
    {
        base.claim(
            "b", "binary-class", uses: uses, inputs: "{\"class\":\"\(cls)\",\"eps\":\"\(eps)\",\"coding\":\"\(coding)\"}",
            statement: "{\"bits\":\"\(bits)\"}"
        ).verify()
    }

    /// The index of the binary-class claim in `base`.
    static let last = 4

    @Test func sizesFromBruteForce() {
        let sizes = Brute.readoutSizes(levels: 2, [2, 3])
        #expect(sizes.joint == 8 && sizes.separate == [4, 4])
        #expect(Brute.readoutSizes(levels: 2, [1, 3]).joint == 8)
    }

    @Test func acceptedWithSizeClaims() {
        RT.expectVerified(Self.binary(uses: ["joint-size"], eps: "1/2", coding: "joint", bits: "3"))
        RT.expectVerified(Self.binary(uses: ["joint-size"], eps: "999/1000", coding: "joint", bits: "3"))
        RT.expectVerified(Self.binary(uses: ["joint-size"], eps: "1/1000000", coding: "joint", bits: "3"))
        RT.expectVerified(Self.binary(uses: ["separate-size"], eps: "1/2", coding: "separate", bits: "4"))
        RT.expectVerified(Self.binary(uses: ["separate-enum"], eps: "1/2", coding: "separate", bits: "4"))
        RT.expectVerified(Self.binary(uses: nil, eps: "1", coding: "joint", bits: "0"))
        RT.expectVerified(Self.binary(uses: nil, eps: "3", coding: "separate", bits: "0"))
    }

    @Test func bitsOffByOneRejected() {
        for bits in ["2", "4"] {
            let f = RT.expectFailed(
                Self.binary(uses: ["joint-size"], eps: "1/2", coding: "joint", bits: bits), claim: Self.last,
                at: "/claims/\(Self.last)/statement/bits", reason: ["Lemma B gives 3 bits"])
            #expect(f?.computed == "bits = 3")
        }
        RT.expectFailed(
            Self.binary(uses: ["separate-enum"], eps: "1/2", coding: "separate", bits: "3"), claim: Self.last,
            at: "/claims/\(Self.last)/statement/bits", reason: ["Lemma B gives 4 bits"])
    }

    /// For eps >= 1 one ball covers every +-1 function: 0 bits, whatever the size claim.
    @Test func epsAtLeastOneGivesZeroBits() {
        RT.expectFailed(
            Self.binary(uses: ["joint-size"], eps: "1", coding: "joint", bits: "3"), claim: Self.last,
            at: "/claims/\(Self.last)/statement/bits", reason: ["Lemma B gives 0 bits"])
        RT.expectFailed(
            Self.binary(uses: nil, eps: "1", coding: "separate", bits: "4"), claim: Self.last, at: "/claims/\(Self.last)/statement/bits")
    }

    @Test func missingOrMismatchedSizeClaimRejected() {
        let pointer = "/claims/\(Self.last)/uses"
        RT.expectFailed(
            Self.binary(uses: nil, eps: "1/2", coding: "joint", bits: "3"), claim: Self.last, at: pointer,
            reason: ["no claim in \"uses\" establishes the joint size of K"])
        // A size claim about another class (same readout count, same size).
        RT.expectFailed(Self.binary(uses: ["other-joint"], eps: "1/2", coding: "joint", bits: "3"), claim: Self.last, at: pointer)
        // The other coding.
        RT.expectFailed(Self.binary(uses: ["separate-size"], eps: "1/2", coding: "joint", bits: "4"), claim: Self.last, at: pointer)
        RT.expectFailed(Self.binary(uses: ["joint-size"], eps: "1/2", coding: "separate", bits: "3"), claim: Self.last, at: pointer)
    }

    @Test func haarClassIsNotBinary() {
        let base = Self.base.object("H", RT.haarClass(levels: 2))
        RT.expectFailed(
            Self.binary(base, uses: ["joint-size"], cls: "H", eps: "1/2", coding: "joint", bits: "3"), claim: Self.last,
            at: "/claims/\(Self.last)/inputs/class", reason: ["not +-1 valued"])
    }

    @Test func finiteClassWithANonSignElementIsNotBinary() {
        let base = RuleCertificate()
            .object("p", RT.constant("1")).object("q", RT.step(["0", "1/2", "1"], ["1", "1/2"])).object("r", RT.constant("-1"))
            .object("K", RT.finiteClass(["p", "q", "r"]))
            .claim("n", "enumerate", inputs: #"{"class":"K","quantity":"size","coding":"joint"}"#, statement: #"{"value":"3"}"#)
        RT.expectFailed(
            Self.binary(base, uses: ["n"], eps: "1/2", coding: "joint", bits: "2"), claim: 1,
            at: "/claims/1/inputs/class", reason: ["coordinate 0 of class element 1"])
    }

    /// A finite +-1 class of three distinct functions: 2 bits for eps < 1 (ceil(log2 3)).
    @Test func finiteSignClass() {
        let base = RuleCertificate()
            .object("a", RT.signFunction(level: 2, negativeCells: [0])).object("b", RT.signFunction(level: 2, negativeCells: [1]))
            .object("c", RT.step(["0", "1/3", "1"], ["1", "-1"]))
            .object("K", RT.finiteClass(["a", "b", "c"]))
            .claim("n", "enumerate", inputs: #"{"class":"K","quantity":"size","coding":"joint"}"#, statement: #"{"value":"3"}"#)
        RT.expectVerified(Self.binary(base, uses: ["n"], eps: "1/2", coding: "joint", bits: "2"))
        RT.expectFailed(Self.binary(base, uses: ["n"], eps: "1/2", coding: "joint", bits: "1"), claim: 1, at: "/claims/1/statement/bits")
        // And the brute-force covering number agrees.
        RT.expectVerified(
            base.claim(
                "c", "enumerate", inputs: #"{"class":"K","quantity":"covering-number","coding":"joint","eps":"1/2"}"#,
                statement: #"{"value":"3"}"#
            ).verify())
    }

    /// The size must be |K|: a covering number at eps >= 1 (which is 1 for every +-1
    /// class) must not stand in for it. Here N(1, K) = 1 but N(1/2, K) = |K| = 3, so
    /// "0 bits at eps = 1/2" is false.
    @Test func coveringNumberAtLargeEpsIsNotASize() {
        let base = RuleCertificate()
            .object("a", RT.signFunction(level: 2, negativeCells: [0])).object("b", RT.signFunction(level: 2, negativeCells: [1]))
            .object("c", RT.signFunction(level: 2, negativeCells: [2]))
            .object("K", RT.finiteClass(["a", "b", "c"]))
            .claim(
                "n1", "enumerate", inputs: #"{"class":"K","quantity":"covering-number","coding":"joint","eps":"1"}"#,
                statement: #"{"value":"1"}"#)
        RT.expectPassed(Self.binary(base, uses: ["n1"], eps: "1/2", coding: "joint", bits: "0"), claim: 0)
        RT.expectFailed(Self.binary(base, uses: ["n1"], eps: "1/2", coding: "joint", bits: "0"), claim: 1, at: "/claims/1/uses")
        // The same for separate coding through a readout class: N(1, K_m) = 1 per coordinate.
        let readout = RuleCertificate()
            .object("K", RT.readoutClass(levels: 2, [2, 3]))
            .claim(
                "n1", "enumerate", inputs: #"{"class":"K","quantity":"covering-number","coding":"separate","eps":"1"}"#,
                statement: #"{"values":["1","1"]}"#)
        RT.expectPassed(Self.binary(readout, uses: ["n1"], eps: "1/2", coding: "separate", bits: "0"), claim: 0)
        RT.expectFailed(Self.binary(readout, uses: ["n1"], eps: "1/2", coding: "separate", bits: "0"), claim: 1, at: "/claims/1/uses")
    }

    /// Every readout set at J = 2: the joint bits of Lemma B are log2 of the brute-force size.
    @Test func allReadoutSetsAtDepth2() {
        for subset in 1..<8 {
            let readouts = [1, 2, 3].enumerated().filter { subset >> $0.offset & 1 == 1 }.map(\.element)
            let sizes = Brute.readoutSizes(levels: 2, readouts)
            let bits = Brute.log2(sizes.joint), separate = sizes.separate.map(Brute.log2).reduce(0, +)
            let base = RuleCertificate().object("K", RT.readoutClass(levels: 2, readouts))
                .claim("j", "readout-count", inputs: #"{"class":"K","coding":"joint"}"#, statement: "{\"log2-size\":\"\(bits)\"}")
                .claim(
                    "s", "enumerate", inputs: #"{"class":"K","quantity":"size","coding":"separate"}"#,
                    statement: "{\"values\":\(RT.ints(sizes.separate))}")
            RT.expectVerified(
                base.claim(
                    "b", "binary-class", uses: ["j"], inputs: #"{"class":"K","eps":"1/2","coding":"joint"}"#,
                    statement: "{\"bits\":\"\(bits)\"}"
                ).verify())
            RT.expectVerified(
                base.claim(
                    "b", "binary-class", uses: ["s"], inputs: #"{"class":"K","eps":"1/2","coding":"separate"}"#,
                    statement: "{\"bits\":\"\(separate)\"}"
                ).verify())
            RT.expectFailed(
                base.claim(
                    "b", "binary-class", uses: ["j"], inputs: #"{"class":"K","eps":"1/2","coding":"joint"}"#,
                    statement: "{\"bits\":\"\(bits + 1)\"}"
                ).verify(),
                claim: 2, at: "/claims/2/statement/bits")
        }
    }
}
