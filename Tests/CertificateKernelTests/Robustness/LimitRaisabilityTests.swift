import Testing
@testable import CertificateKernel
import MatrixKernel

/// `raisable` (FORMAT.md sec. 8) is false exactly when no setting of the limit's flag admits
/// the value, at every site that throws a limit, and an object whose form bounds a level
/// is refused as a limit (exit 3) under every setting, not malformed once the flag is
/// raised. Each case is checked under the default limits and under every flag at its
/// largest setting; a case within the largest setting is raisable by default.
@Suite("Robustness: whether a limit can be raised")
struct LimitRaisabilityTests {
    /// A certificate of the given objects and one claim.
    static func certificate(_ objects: String, _ claim: String) -> String {
        #"{"format": "dyadcert/1", "objects": {\#(objects)}, "claims": [\#(claim)]}"#
    }

    /// sup-distance of the object `f` from the constant 1 (the claim only makes `f` be read).
    static func distanceFromOne(_ f: String) -> String {
        certificate(
            #""f": \#(f), "one": {"kind": "step-function", "breakpoints": ["0", "1"], "values": ["1"]}"#,
            #"{"id": "d", "rule": "sup-distance", "inputs": {"f": "f", "g": "one"}, "statement": {"distance": "0"}}"#)
    }

    /// A true claim about the constant 1, with the object `o` beside it (objects are all read).
    static func beside(_ o: String) -> String {
        certificate(
            #""o": \#(o), "one": {"kind": "step-function", "breakpoints": ["0", "1"], "values": ["1"]}"#,
            #"{"id": "d", "rule": "sup-distance", "inputs": {"f": "one", "g": "one"}, "statement": {"distance": "0"}}"#)
    }

    static func enumerateSize(levels: Int) -> String {
        certificate(
            #""K": {"kind": "readout-class", "levels": "\#(levels)", "readouts": ["1"]}"#,
            #"{"id": "e", "rule": "enumerate", "inputs": {"class": "K", "quantity": "size", "coding": "joint"}, "statement": {"value": "2"}}"#
        )
    }

    static func matrix(side: Int) -> String {
        certificate(
            #""W": {"kind": "matrix", "rows": "\#(side)", "columns": "\#(side)", "entries": []}"#,
            #"{"id": "s", "rule": "support", "inputs": {"heads": "W"}, "statement": {"sizes": ["0"], "union": "0"}}"#)
    }

    /// step-approx-lower of the triangle wave T_3 (total variation 8) at threshold 1/`power`
    /// (a power of two 2^k): up to 8 * 2^k + 1 greedy intervals, charged as cells.
    static func greedy(thresholdDenominator power: String) -> String {
        certificate(
            #""T3": {"kind": "triangle-wave", "order": "3"}"#,
            #"{"id": "g", "rule": "step-approx-lower", "inputs": {"function": "T3", "max-breakpoints": "6", "threshold": "1/\#(power)"}, "statement": {"distance-at-least": "1/2"}}"#
        )
    }

    static var largest: VerificationLimits {
        var limits = VerificationLimits()
        limits.maximumLevel = LimitKind.level.largestSetting
        limits.maximumCells = LimitKind.cells.largestSetting
        limits.maximumEnumeration = LimitKind.enumeration.largestSetting
        limits.maximumWork = LimitKind.work.largestSetting
        limits.maximumNetworkSize = LimitKind.networkSize.largestSetting
        return limits
    }

    static func error(_ text: String, _ limits: VerificationLimits) -> KernelError? {
        Verifier(limits: limits, extensions: [.matrices]).verify(bytes: Array(text.utf8), path: "t").error
    }

    /// Values no setting admits: (what, certificate, a part of the default message).
    static let pastEverySetting: [(String, String, String)] = [
        ("sign-function level 33", distanceFromOne(#"{"kind": "sign-function", "level": "33", "bits": "0"}"#), "admits more than 32"),
        ("rademacher-function index 32", distanceFromOne(#"{"kind": "rademacher-function", "index": "32"}"#), "admits more than 31"),
        ("walsh-function index 2^32", distanceFromOne(#"{"kind": "walsh-function", "index": "4294967296"}"#), "admits more than 32"),
        ("sign-tree levels 31", beside(#"{"kind": "sign-tree", "levels": "31", "bits": "0"}"#), "admits more than 30"),
        ("walsh-basis levels 33", beside(#"{"kind": "walsh-basis", "levels": "33"}"#), "admits more than 32"),
        ("readout class of 2^127 elements", enumerateSize(levels: 7), "enumeration size 2^127"),
        ("2^31 x 2^31 matrix", matrix(side: 1 << 31), "4611686018427387904 matrix entries"),
        ("8 * 2^60 + 1 greedy intervals", greedy(thresholdDenominator: "1152921504606846976"), "9223372036854775809 greedy intervals"),
    ]

    @Test(arguments: pastEverySetting)
    func pastEverySettingIsNotRaisable(_ what: String, _ text: String, _ message: String) {
        let byDefault = Self.error(text, VerificationLimits())
        #expect(byDefault?.isLimit == true && byDefault?.raisable == false, "\(what): \(String(describing: byDefault))")
        #expect(byDefault?.description.contains(message) == true, "\(what): \(String(describing: byDefault))")
        let raised = Self.error(text, Self.largest)
        #expect(raised?.isLimit == true && raised?.raisable == false, "\(what): \(String(describing: raised))")
    }

    /// One step inside the largest setting: the same sites say the flag helps.
    static let withinTheLargestSetting: [(String, String)] = [
        ("sign-function level 32", distanceFromOne(#"{"kind": "sign-function", "level": "32", "bits": "0"}"#)),
        ("walsh-function index 2^31", distanceFromOne(#"{"kind": "walsh-function", "index": "2147483648"}"#)),
        ("readout class of 2^31 elements", enumerateSize(levels: 5)),
        ("2^15 x 2^15 matrix", matrix(side: 1 << 15)),
        ("8 * 2^30 + 1 greedy intervals", greedy(thresholdDenominator: "1073741824")),
    ]

    @Test(arguments: withinTheLargestSetting)
    func withinTheLargestSettingIsRaisable(_ what: String, _ text: String) {
        let byDefault = Self.error(text, VerificationLimits())
        #expect(byDefault?.isLimit == true && byDefault?.raisable == true, "\(what): \(String(describing: byDefault))")
    }
}
