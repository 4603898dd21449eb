import Testing
@testable import CertificateKernel

/// Small certificates that used to make the kernel hang, run out of memory or trap, each
/// now stopped by a limit (exit code 3) at its place before the work starts.
@Suite("Robustness: small inputs that ask for huge work")
struct ResourceBombTests {
    static func elapsed(_ body: () -> FileVerdict) -> (FileVerdict, Duration) {
        let clock = ContinuousClock()
        let start = clock.now
        let verdict = body()
        return (verdict, clock.now - start)
    }

    @Test("step-approx-lower with a tiny threshold: the greedy's interval count is bounded first")
    func greedyWithTinyThreshold() {
        // g(x) = x and t = 10^-30: the strict greedy would make 10^30 intervals.
        let certificate = Robustness.certificate(
            objects: [("g", Robustness.json(#"{"kind": "piecewise-linear", "knots": ["0", "1"], "values": ["0", "1"]}"#))],
            claims: [
                Robustness.json(
                    #"{"id": "c", "rule": "step-approx-lower", "inputs": {"function": "g", "max-breakpoints": "1", "threshold": "1/1000000000000000000000000000000"}, "statement": {"distance-at-least": "0"}}"#
                )
            ])
        let (verdict, time) = Self.elapsed { Robustness.verify(certificate) }
        #expect(verdict.status == .limitExceeded)
        #expect(verdict.error?.pointer.description == "/claims/0/inputs/threshold")
        #expect(verdict.error?.description.contains("--max-cells") == true)
        #expect(time < .seconds(10))
        // A threshold that leaves few intervals still verifies (2 intervals > 0 + 1).
        let fine = Robustness.edit(
            Robustness.edit(certificate, at: "/claims/0/inputs/threshold", to: "1/2"), at: "/claims/0/inputs/max-breakpoints", to: "0")
        #expect(Robustness.verify(fine).status == .verified)
    }

    @Test("function lists of function lists: the spliced length is bounded before copying")
    func nestedFunctionLists() {
        var objects: [(String, JSONValue)] = [
            ("f", Robustness.json(#"{"kind": "step-function", "breakpoints": ["0", "1"], "values": ["1"]}"#)),
            ("L0", Robustness.json(#"{"kind": "function-list", "items": ["f", "f"]}"#)),
        ]
        // L_i = [L_(i-1), L_(i-1)]: 2^(i+1) functions, 2^40 at i = 39.
        for i in 1..<40 {
            objects.append(("L\(i)", .object(["kind": "function-list", "items": .array([.string("L\(i - 1)"), .string("L\(i - 1)")])])))
        }
        let certificate = Robustness.certificate(
            objects: objects,
            claims: [Robustness.json(#"{"id": "c", "rule": "gram", "inputs": {"functions": ["f"]}, "statement": {"matrix": "identity"}}"#)])
        var limits = VerificationLimits()
        limits.maximumEnumeration = 1 << 12
        let (verdict, time) = Self.elapsed { Robustness.verify(certificate, limits: limits) }
        #expect(verdict.status == .limitExceeded)
        // L12 would hold 2^12 + 2^12 functions: its second item is refused.
        #expect(verdict.error?.pointer.description == "/objects/L12/items/1")
        #expect(verdict.error?.description.contains("--max-enumeration") == true)
        #expect(time < .seconds(10))
    }

    @Test("a Gram claim splicing a long list many times is refused before copying")
    func gramOverRepeatedLists() {
        var objects: [(String, JSONValue)] = [
            ("f", Robustness.json(#"{"kind": "step-function", "breakpoints": ["0", "1"], "values": ["1"]}"#))
        ]
        objects.append(("L", .object(["kind": "function-list", "items": .array(Array(repeating: "f", count: 1000))])))
        let claim: JSONValue = .object([
            "id": "c", "rule": "gram", "inputs": .object(["functions": .array(Array(repeating: "L", count: 5000))]),
            "statement": .object(["matrix": "identity"]),
        ])
        let (verdict, time) = Self.elapsed { Robustness.verify(Robustness.certificate(objects: objects, claims: [claim])) }
        #expect(verdict.status == .limitExceeded)
        #expect(verdict.error?.pointer.tokens.prefix(3) == ["claims", "0", "inputs"])
        #expect(time < .seconds(10))
    }

    @Test("enumerating a class of depth 40 with the level limit raised to 40: exit 3, no trap")
    func enumerationOfDepth40() {
        var limits = VerificationLimits()
        limits.maximumLevel = 40
        for kind in [
            #"{"kind": "readout-class", "levels": "40", "readouts": ["1"]}"#,
            #"{"kind": "haar-class", "levels": "40", "amplitudes": "balanced"}"#,
        ] {
            for claim in [
                #"{"id": "n", "rule": "enumerate", "inputs": {"class": "K", "quantity": "size", "coding": "joint"}, "statement": {"value": "2"}}"#,
                #"{"id": "n", "rule": "cover", "inputs": {"class": "K", "eps": "1", "centres": ["z"]}, "statement": {"count": "1"}}"#,
            ] {
                let certificate = Robustness.certificate(
                    objects: [
                        ("K", Robustness.json(kind)),
                        ("z", Robustness.json(#"{"kind": "step-function", "breakpoints": ["0", "1"], "values": ["0"]}"#)),
                    ],
                    claims: [Robustness.json(claim)])
                let verdict = Robustness.verify(certificate, limits: limits)
                #expect(verdict.status == .limitExceeded, "\(kind) \(claim)")
                #expect(verdict.error?.description.contains("2^1099511627775") == true, "\(String(describing: verdict.error))")
            }
        }
    }

    @Test("a feature whose amplitudes have huge denominators: its cell values are charged by size")
    func featureWithHugeAmplitudes() {
        // 20 amplitudes 1/(10^300 + 2i + 1): every one of the 2^20 cell values would have ~6,000 digits.
        let amplitudes = (0..<20).map { i -> JSONValue in .string("1/1" + String(repeating: "0", count: 299) + String(2 * i + 1)) }
        let certificate = Robustness.certificate(
            objects: [
                ("s", .object(["kind": "sign-tree", "levels": "20", "bits": .string(String(repeating: "0", count: ((1 << 20) + 2) / 4))])),
                ("h", .object(["kind": "feature", "signs": "s", "amplitudes": .array(amplitudes)])),
            ],
            claims: [
                Robustness.json(
                    #"{"id": "c", "rule": "sup-distance", "inputs": {"f": "h", "g": "h"}, "statement": {"relation": "=", "bound": "0"}}"#)
            ])
        let (verdict, time) = Self.elapsed { Robustness.verify(certificate) }
        #expect(verdict.status == .limitExceeded, "\(String(describing: verdict.error))")
        #expect(verdict.error?.pointer.description == "/objects/h/amplitudes")
        #expect(time < .seconds(10))
    }

    @Test("enumerating a Haar class with 10,000-digit amplitudes: refused by its cells")
    func haarClassWithHugeAmplitudes() {
        let amplitudes = (0..<4).map { i -> JSONValue in .string("1/1" + String(repeating: "0", count: 9_990) + String(2 * i + 1)) }
        let certificate = Robustness.certificate(
            objects: [("H", .object(["kind": "haar-class", "levels": "4", "amplitudes": .array(amplitudes)]))],
            claims: [
                Robustness.json(
                    #"{"id": "n", "rule": "enumerate", "inputs": {"class": "H", "quantity": "size", "coding": "joint"}, "statement": {"value": "32768"}}"#
                )
            ])
        let (verdict, time) = Self.elapsed { Robustness.verify(certificate) }
        #expect(verdict.status == .limitExceeded, "\(String(describing: verdict.error))")
        #expect(verdict.error?.pointer.description == "/claims/0/inputs/class")
        #expect(verdict.error?.description.contains("--max-cells") == true)
        #expect(time < .seconds(10))
    }

    @Test("a Haar basis deeper than the level limit is refused by the level, not built")
    func deepHaarBasis() {
        let certificate = Robustness.edit(
            Robustness.base, at: "/objects/B", to: Robustness.json(#"{"kind": "haar-basis", "levels": "25"}"#))
        let (verdict, time) = Self.elapsed { Robustness.verify(certificate) }
        #expect(verdict.status == .limitExceeded)
        #expect(verdict.error?.pointer.description == "/objects/B/levels")
        #expect(verdict.error?.description.contains("--max-level") == true)
        #expect(time < .seconds(10))
    }

    @Test("a feature referenced thousands of times is computed once")
    func featureReferencedManyTimes() {
        let certificate = Robustness.certificate(
            objects: [
                ("s", .object(["kind": "sign-tree", "levels": "12", "bits": .string(String(repeating: "0", count: ((1 << 12) + 2) / 4))])),
                ("h", Robustness.json(#"{"kind": "feature", "signs": "s", "amplitudes": "balanced"}"#)),
                ("L", .object(["kind": "function-list", "items": .array(Array(repeating: "h", count: 5000))])),
            ],
            claims: [
                Robustness.json(
                    #"{"id": "c", "rule": "sup-distance", "inputs": {"f": "h", "g": "h"}, "statement": {"relation": "=", "bound": "0"}}"#)
            ])
        let (verdict, time) = Self.elapsed { Robustness.verify(certificate) }
        #expect(verdict.status == .verified)
        #expect(time < .seconds(20))
    }
}
