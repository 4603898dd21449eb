// Bad input to the seed-004 rules ends in a located error, never a trap: non-conforming
// dimensions and out-of-range arguments are malformed (exit 2) at the JSON pointer of the
// input at fault, work over a limit is exit 3, an infeasible dual point is a false claim.
import Testing
import ExactArithmetic
@testable import CertificateKernel
import MatrixKernel

@Suite("Seed-004 rules: located errors for bad input")
struct ReLURobustnessTests {
    static func gap(_ t: RuleCertificate, weights: String = "V", dual: String = "Lambda", bounds: [String] = ["3/2", "2"]) -> FileVerdict {
        t.claim(
            "g", "mtl-gap",
            inputs:
                "{\"network\":\"net\",\"data\":\"data\",\"weights\":\"\(weights)\",\"dual\":\"\(dual)\",\"unit-bounds\":\(RT.a(bounds))}",
            statement: "{\"delta\":\"1/10\"}"
        ).verify()
    }

    @Test func nonConformingDimensionsAreMalformedAtTheirInput() {
        let t = TwoUnits().base.object("V3", MX.matrix([["1", "2", "0"], ["1", "0", "0"]])).object(
            "L2", MX.matrix([["1", "0"], ["0", "1"]]))
        RT.expectVerified(Self.gap(t))
        RT.expectMalformed(Self.gap(t, weights: "V3"), at: "/claims/0/inputs/weights", mentioning: ["2 x 2"])
        RT.expectMalformed(Self.gap(t, dual: "L2"), at: "/claims/0/inputs/dual", mentioning: ["2 x 3"])
        RT.expectMalformed(Self.gap(t, bounds: ["3/2"]), at: "/claims/0/inputs/unit-bounds")
        // The penalised form with the same shapes.
        RT.expectMalformed(
            t.claim(
                "p", "penalised-mtl-gap",
                inputs:
                    "{\"network\":\"net\",\"data\":\"data\",\"weights\":\"V3\",\"dual\":\"Lambda\",\"unit-bounds\":[\"2\",\"2\"],\"lambda\":\"4\"}",
                statement: "{\"delta\":\"100\"}"
            ).verify(), at: "/claims/0/inputs/weights")
    }

    @Test func anUnknownFieldOfAPenalisedGapNamesTheFieldsOfItsForm() {
        // penalised-mtl-gap accepts the network form or the group-lasso form; an unknown
        // field's message lists the fields of the claim's form, not the union of both.
        let t = TwoUnits().base
        let network =
            "\"network\":\"net\",\"data\":\"data\",\"weights\":\"V\",\"dual\":\"Lambda\",\"unit-bounds\":[\"3/2\",\"2\"],\"lambda\":\"4\""
        let formFields = "one of the fields \"network\", \"data\", \"targets\", \"weights\", \"dual\", \"unit-bounds\", \"lambda\""
        for extra in ["\"bogus\":\"1\"", "\"heads\":\"V\""] {
            let key = extra.split(separator: "\"")[0]
            RT.expectMalformed(
                t.claim("p", "penalised-mtl-gap", inputs: "{\(network),\(extra)}", statement: "{\"delta\":\"100\"}").verify(),
                at: "/claims/0/inputs/\(key)", mentioning: [formFields, "the unknown field \"\(key)\""])
        }
    }

    @Test func aFalseActiveCountFailsBeforeAUnitsPerOutputListOfTheWrongLength() {
        // net: both units active, unit 0 used by both outputs (D = 2).
        func sharing(active: String, perOutput: String) -> FileVerdict {
            TwoUnits().base.claim(
                "s", "neuron-sharing", inputs: "{\"network\":\"net\"}",
                statement: "{\"active-units\":\"\(active)\",\"shared-units\":\"1\",\"units-per-output\":\(perOutput)}"
            ).verify()
        }
        RT.expectVerified(sharing(active: "2", perOutput: "[\"2\",\"1\"]"))
        RT.expectFailed(sharing(active: "3", perOutput: "[\"2\"]"), at: "/claims/0/statement/active-units")
        RT.expectMalformed(
            sharing(active: "2", perOutput: "[\"2\"]"), at: "/claims/0/statement/units-per-output",
            mentioning: ["2 counts (one per output)"])
    }

    @Test func lambdaMustBePositiveAndToleranceNonNegative() {
        let t = TwoUnits().base
        for lambda in ["0", "-1", "-1/1152921504606846976"] {
            RT.expectMalformed(
                t.claim(
                    "p", "penalised-mtl-gap",
                    inputs:
                        "{\"network\":\"net\",\"data\":\"data\",\"weights\":\"V\",\"dual\":\"Lambda\",\"unit-bounds\":[\"3/2\",\"2\"],\"lambda\":\"\(lambda)\"}",
                    statement: "{\"delta\":\"100\"}"
                ).verify(), at: "/claims/0/inputs/lambda", mentioning: ["positive"])
        }
        RT.expectMalformed(
            t.claim(
                "i", "relu-interpolates", inputs: "{\"network\":\"net\",\"data\":\"data\",\"tolerance\":\"-1/1152921504606846976\"}",
                statement: "{}"
            ).verify(),
            at: "/claims/0/inputs/tolerance")
    }

    @Test func screeningAUnitOutOfRangeIsMalformed() {
        // The penalised gap of the hand-written certificate (lambda = 4, Theta the scaled residual).
        let t = TwoUnits().base
            .object("Vp", MX.matrix([["43/100", "0"], ["43/100", "0"]]))
            .object("Theta", MX.matrix([["380000/191929", "108300/191929", "216600/191929"], ["0", "108300/191929", "216600/191929"]]))
            .claim(
                "pd", "penalised-mtl-gap",
                inputs:
                    "{\"network\":\"net\",\"data\":\"data\",\"weights\":\"Vp\",\"dual\":\"Theta\",\"unit-bounds\":[\"61/100\",\"0\"],\"lambda\":\"4\"}",
                statement: "{\"delta\":\"1031438086289/73673482082000\"}")
        RT.expectVerified(
            t.claim("s", "mtl-screen", uses: ["pd"], inputs: "{\"units\":[\"1\"],\"gap\":\"pd\"}", statement: "{\"screened\":\"1\"}")
                .verify())
        RT.expectMalformed(
            t.claim("s", "mtl-screen", uses: ["pd"], inputs: "{\"units\":[\"2\"],\"gap\":\"pd\"}", statement: "{\"screened\":\"1\"}")
                .verify(),
            at: "/claims/1/inputs/units/0")
        RT.expectMalformed(
            t.claim("s", "mtl-screen", uses: ["pd"], inputs: "{\"units\":[\"1\",\"1\"],\"gap\":\"pd\"}", statement: "{\"screened\":\"2\"}")
                .verify(),
            at: "/claims/1/inputs/units/1")
        // Unit 0 carries weight in the minimiser: it cannot be screened (a false claim).
        RT.expectFailed(
            t.claim("s", "mtl-screen", uses: ["pd"], inputs: "{\"units\":[\"0\"],\"gap\":\"pd\"}", statement: "{\"screened\":\"1\"}")
                .verify(),
            claim: 1, at: "/claims/1/inputs/units/0", reason: ["unit 0"])
    }

    @Test func aRankClaimOverTheWorkLimitIsExitThree() {
        let text = TwoUnits().base.claim(
            "r", "width-from-rank", inputs: "{\"data\":\"data\"}", statement: "{\"rank\":\"2\",\"width-lower\":\"1\"}"
        ).text
        var limits = VerificationLimits()
        RT.expectVerified(Verifier(limits: limits, jobs: 1, extensions: [.matrices]).verify(bytes: Array(text.utf8), path: "test"))
        limits.maximumWork = 8
        let v = Verifier(limits: limits, jobs: 1, extensions: [.matrices]).verify(bytes: Array(text.utf8), path: "test")
        #expect(v.status == .limitExceeded)
        #expect(v.status.exitCode == 3)
        #expect(v.error?.pointer.description.hasPrefix("/claims/0") == true)
    }

    @Test func aDualPointInfeasibleByTwoToTheMinus60IsAFalseClaimNamingUnitAndNorm() {
        // Lambda phi_1 = Lambda[:, 0] = (1, 0): raising Lambda[0][0] by 2^-60 gives
        // ||Lambda phi_1||^2 = (1 + 2^-60)^2 > 1.
        var t = TwoUnits()
        t.lambda[0][0] = MX.plusTiny(Rational(1))
        let v = Self.gap(t.base)
        let f = RT.expectFailed(v, at: "/claims/0/inputs/dual", reason: ["unit 1", "||Lambda phi_k||^2"])
        let squared = (Rational(1) + MX.tinyValue) * (Rational(1) + MX.tinyValue)
        #expect(f?.computed == squared.description)
        #expect(v.status.exitCode == 1)
    }

    /// A 1 x 1 dyadic matrix X with row exponent `exponent` in a relu-interpolates claim.
    static func dyadicExponentCertificate(_ exponent: String) -> [UInt8] {
        func matrix(_ v: String) -> String { "{\"kind\":\"matrix\",\"rows\":\"1\",\"columns\":\"1\",\"entries\":[[\"\(v)\"]]}" }
        let text = """
            {"format":"dyadcert/1","objects":{
            "X":{"kind":"matrix","rows":"1","columns":"1","dyadic":{"row-exponents":"\(exponent)","column-exponents":"0","mantissas":"AQAAAAAAAAA="}},
            "Y":\(matrix("1")),"W":\(matrix("1")),"b":\(matrix("0")),"V":\(matrix("1")),"c":\(matrix("0")),
            "net":{"kind":"relu-network","input-weights":"W","biases":"b","output-weights":"V","output-bias":"c"},
            "data":{"kind":"relu-data","inputs":"X","targets":"Y"}},
            "claims":[{"id":"fits","rule":"relu-interpolates","inputs":{"network":"net","data":"data"},"statement":{"sup-error":"0"}}]}
            """
        return Array(text.utf8)
    }

    @Test func aDyadicMatrixExponentBeyondBigIntWidthIsALocatedErrorWithTheLargestDigitLimit() {
        // --max-digits 2^40 allowed exponents up to about 3.3 x 2^40 bits: 2^37 + 1 reached
        // BigInt.powerOfTwo (and -(2^37 + 1) a shift) past their preconditions, a trap.
        var limits = VerificationLimits()
        limits.maximumDigits = LimitKind.digits.largestSetting
        let verifier = Verifier(limits: limits, jobs: 1, extensions: [.matrices])
        RT.expectVerified(verifier.verify(bytes: Self.dyadicExponentCertificate("0"), path: "test"))
        let over = verifier.verify(bytes: Self.dyadicExponentCertificate(String((1 << 37) + 1)), path: "test")
        #expect(over.status == .limitExceeded)
        #expect(over.error?.pointer.description == "/objects/X/dyadic/row-exponents")
        // No setting admits it, so the message names the width instead of the flag.
        #expect(over.error?.description.contains("of 68719476736 bits, the largest entry of the exact arithmetic") == true)
        #expect(over.error?.description.contains("raise it") == false)
        let negative = verifier.verify(bytes: Self.dyadicExponentCertificate(String(-((1 << 37) + 1))), path: "test")
        #expect(negative.status == .limitExceeded)
        #expect(negative.error?.pointer.description == "/objects/X/dyadic/row-exponents")
    }

    /// An exponent of 70,000 bits is admitted exactly from `--max-digits` 21,000 on, the
    /// first D with floor(10 D / 3) + 1 >= 70,000 (20,999 gives 69,997); below that the
    /// message names that setting, the bits, and the flag, and a negative exponent (a
    /// factor 2^70000) is the same limit, not malformed input (it used to be exit 2).
    @Test func aDyadicMatrixExponentOverTheLimitNamesTheDigitsThatAdmitIt() {
        func verify(_ exponent: String, digits: Int) -> FileVerdict {
            var limits = VerificationLimits()
            limits.maximumDigits = digits
            return Verifier(limits: limits, jobs: 1, extensions: [.matrices]).verify(
                bytes: Self.dyadicExponentCertificate(exponent), path: "test")
        }
        let pointer = "/objects/X/dyadic/row-exponents"
        for exponent in ["70000", "-70000"] {
            let below = verify(exponent, digits: 20_999)
            #expect(below.status == .limitExceeded)
            #expect(below.error?.pointer.description == pointer)
            #expect(
                below.error?.description.contains(
                    "number of digits 21000 (exponent magnitude: 70000 bits) exceeds the limit 20999 (raise it with --max-digits)") == true,
                "\(below.error?.description ?? "")")
            #expect(verify(exponent, digits: 21_000).error?.pointer.description != pointer)
        }
    }
}
