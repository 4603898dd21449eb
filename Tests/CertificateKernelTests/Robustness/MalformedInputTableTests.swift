import Foundation
import Testing
@testable import CertificateKernel

/// One hostile input: how it is made from the base certificate, the status it must end
/// in (exit code 2 or 3), the JSON pointer the error must name, and words the message
/// must contain.
struct MalformedCase: Sendable, CustomTestStringConvertible {
    let name: String
    let input: @Sendable () -> [UInt8]
    let status: FileVerdict.Status
    let pointer: String
    let message: [String]
    var limits: VerificationLimits = VerificationLimits()

    var testDescription: String { name }

    /// The base certificate with the value at `at` replaced (nil: removed).
    static func edit(
        _ name: String, _ at: String, _ value: JSONValue?, _ status: FileVerdict.Status = .malformed,
        pointer: String? = nil, message: [String] = []
    ) -> MalformedCase {
        MalformedCase(
            name: name, input: { Robustness.bytes(Robustness.edit(Robustness.base, at: at, to: value)) },
            status: status, pointer: pointer ?? at, message: message)
    }

    /// The base certificate with the value at `at` replaced by the JSON text `text`.
    static func edit(
        _ name: String, _ at: String, json text: String, _ status: FileVerdict.Status = .malformed,
        pointer: String? = nil, message: [String] = []
    ) -> MalformedCase {
        edit(name, at, Robustness.json(text), status, pointer: pointer, message: message)
    }

    /// The base certificate's text transformed (for inputs that are not a JSON value).
    static func text(
        _ name: String, _ transform: @escaping @Sendable (String) -> String, _ status: FileVerdict.Status = .malformed,
        pointer: String, message: [String] = []
    ) -> MalformedCase {
        MalformedCase(name: name, input: { Array(transform(Robustness.baseText).utf8) }, status: status, pointer: pointer, message: message)
    }

    /// Raw bytes.
    static func bytes(_ name: String, _ bytes: [UInt8], _ status: FileVerdict.Status = .malformed, pointer: String, message: [String] = [])
        -> MalformedCase
    {
        MalformedCase(name: name, input: { bytes }, status: status, pointer: pointer, message: message)
    }

    func with(limits: VerificationLimits) -> MalformedCase {
        var copy = self
        copy.limits = limits
        return copy
    }
}

/// The table of malformed and over-limit inputs of PRODUCT.md ("Reliability and
/// security", "Command line contract"): each ends in exit code 2 or 3 with the file's
/// JSON pointer of the problem, never in a crash, a trap or a hang.
@Suite("Robustness: malformed inputs end in located errors")
struct MalformedInputTableTests {
    @Test("the base certificate verifies")
    func baseVerifies() {
        let verdict = Robustness.verify(Robustness.base)
        #expect(verdict.status == .verified, "\(String(describing: verdict.error)) \(verdict.claims.filter { !$0.passed }.map(\.id))")
        #expect(verdict.claims.count == 13)
    }

    static let nonCanonicalNumbers = [
        "2/4", "0.5", "+1", "007", "-0", "1/0", " 1", "1 ", "1/1", "0/3", "1/-2", "-1/2/3", "", "1e3",
        "0x1", "1_000", "٣", "1/", "/2", "--1", "NaN", "Infinity", "4/2", "-00", "00",
    ]

    static let topLevel: [MalformedCase] = [
        // The top level.
        .edit("wrong format tag", "/format", "dyadcert/2", message: ["\"dyadcert/1\""]),
        .edit("format missing", "/format", nil, message: ["required field \"format\""]),
        .edit("format as a number", "/format", json: "1", message: ["a string"]),
        .edit("unknown top-level field", "/extra", "x", message: ["unknown field \"extra\""]),
        .edit("claims missing", "/claims", nil, message: ["required field \"claims\""]),
        .edit("empty claims array", "/claims", json: "[]", message: ["at least one claim"]),
        .edit("claims as an object", "/claims", json: "{}", message: ["an array of claims"]),
        .edit("claims as a string", "/claims", "c1", message: ["an array of claims"]),
        .edit("objects as an array", "/objects", json: "[]", message: ["an object mapping names"]),
        .edit("description as a number", "/description", json: "5", message: ["a string"]),
        .bytes("top level array", Array("[]".utf8), pointer: "", message: ["a certificate object"]),
        .bytes("top level string", Array("\"dyadcert/1\"".utf8), pointer: "", message: ["a certificate object"]),
        .bytes("empty file", [], pointer: "", message: ["well-formed JSON"]),
        .bytes("byte order mark", [0xEF, 0xBB, 0xBF] + Array(Robustness.baseText.utf8), pointer: "", message: ["byte order mark"]),
        .text("trailing content", { $0 + "x" }, pointer: "", message: ["after the JSON value"]),
        .text(
            "trailing comma", Robustness.replacingFirst("\"values\": [\"1\", \"-1\"]", with: "\"values\": [\"1\", \"-1\",]"),
            pointer: "/objects/s/values/2", message: ["well-formed JSON"]),
        .text(
            "raw control character in a string", Robustness.replacingFirst("\"dyadcert/1\"", with: "\"dyadcert/1\u{0}\""),
            pointer: "/format", message: ["control character"]),
    ]

    static let objectShapes: [MalformedCase] = [
        // Objects: kinds, fields, names.
        .edit("unknown object kind", "/objects/s/kind", "spline", message: ["\"step-function\""]),
        .edit("object kind missing", "/objects/s/kind", nil, message: ["required field \"kind\""]),
        .edit("object kind as an array", "/objects/s/kind", json: #"["step-function"]"#, message: ["a string"]),
        .edit("unknown object field", "/objects/s/colour", "red", message: ["unknown field \"colour\""]),
        .edit("object definition as a string", "/objects/s", "step-function", message: ["object definition"]),
        .edit("object values missing", "/objects/s/values", nil, message: ["required field \"values\""]),
        MalformedCase(
            name: "object name that is not a name",
            input: { Robustness.bytes(Robustness.rename(Robustness.base, at: "/objects/s", to: "1s")) },
            status: .malformed, pointer: "/objects/1s", message: ["an object name"]),
        MalformedCase(
            name: "object name with a slash", input: { Robustness.bytes(Robustness.rename(Robustness.base, at: "/objects/s", to: "a/b")) },
            status: .malformed, pointer: "/objects/a~1b", message: ["an object name"]),
    ]

    static let wrongTypes: [MalformedCase] = [
        // Wrong types: numbers where strings are expected (with the hint to quote them),
        // arrays for strings, objects for arrays.
        .edit(
            "JSON number for a value", "/objects/s/values/0", json: "5", message: ["written as a string, e.g. \"5\"", "the JSON number 5"]),
        .edit("JSON number for a level", "/objects/u-expected/level", json: "2", message: ["e.g. \"2\""]),
        .edit("JSON fraction for a bound", "/claims/0/statement/bound", json: "0.5", message: ["e.g. \"0.5\""]),
        .edit("JSON number for a count", "/claims/8/statement/count", json: "4", message: ["e.g. \"4\""]),
        .edit("JSON number for bits", "/claims/11/statement/bits", json: "14", message: ["e.g. \"14\""]),
        .edit("JSON number for an eps", "/claims/3/inputs/eps", json: "0.5", message: ["e.g. \"0.5\""]),
        .edit("JSON number for a readout", "/objects/K/readouts/0", json: "2", message: ["e.g. \"2\""]),
        .edit("JSON number for a network input", "/objects/net/layers/0/units/0/inputs/0", json: "0", message: ["e.g. \"0\""]),
        .edit("JSON number for a weight", "/objects/net/layers/1/units/0/weights/0", json: "-2", message: ["e.g. \"-2\""]),
        .edit("JSON number for a sign-tree bit string", "/objects/sigma/bits", json: "10", message: ["a string"]),
        .edit("boolean for a value", "/objects/s/values/0", json: "true", message: ["a number written as a string"]),
        .edit("null for a value", "/objects/s/values/1", json: "null", message: ["a number written as a string"]),
        .edit("array for a number", "/objects/s/values/0", json: #"["1"]"#, message: ["a number written as a string"]),
        .edit("array for a string", "/claims/0/statement/relation", json: #"["="]"#, message: ["a string"]),
        .edit("array for a reference", "/claims/0/inputs/f", json: #"["u"]"#, message: ["a string"]),
        .edit("array for a claim id", "/claims/0/id", json: #"["c"]"#, message: ["a string"]),
        .edit(
            "object for an array of numbers", "/objects/s/values", json: #"{"a": "1"}"#, message: ["an array of numbers written as strings"]
        ),
        .edit("object for an array of names", "/claims/1/inputs/functions", json: #"{"F": "F"}"#, message: ["an array of function names"]),
        .edit("object for the layers", "/objects/net/layers", json: "{}", message: ["an array of layers"]),
        .edit("string for an array of numbers", "/objects/s/breakpoints", "0", message: ["an array of numbers written as strings"]),
        .edit("object for amplitudes", "/objects/H2/amplitudes", json: "{}", message: ["an array of numbers written as strings"]),
        .edit("number for inputs", "/claims/0/inputs", json: "1", message: ["an object with the rule's inputs"]),
        .edit("array for statement", "/claims/0/statement", json: "[]", message: ["an object with the claim's statement"]),
        .edit("string for a claim", "/claims/0", "c-feature", message: ["a claim object"]),
    ]

    static let claimShapes: [MalformedCase] = [
        // Claims: ids, rules, fields, uses.
        .edit("duplicate claim id", "/claims/1/id", "c-feature", message: ["a claim name not used before", "already the name of claim 0"]),
        .edit("unknown rule", "/claims/0/rule", "magic", message: ["\"sup-distance\"", "\"magic\""]),
        .edit("rule as a number", "/claims/0/rule", json: "1", message: ["a string"]),
        .edit("unknown claim field", "/claims/0/colour", json: "1", message: ["unknown field \"colour\""]),
        .edit("unknown input field", "/claims/0/inputs/h", "u", message: ["unknown field \"h\""]),
        .edit("unknown statement field", "/claims/0/statement/note", "x", message: ["unknown field \"note\""]),
        .edit("claim id missing", "/claims/0/id", nil, message: ["required field \"id\""]),
        .edit("claim rule missing", "/claims/0/rule", nil, message: ["required field \"rule\""]),
        .edit("claim inputs missing", "/claims/0/inputs", nil, message: ["required field \"inputs\""]),
        .edit("claim statement missing", "/claims/0/statement", nil, message: ["required field \"statement\""]),
        .edit("statement bound missing", "/claims/0/statement/bound", nil, message: ["required field \"bound\""]),
        .edit("input f missing", "/claims/0/inputs/f", nil, message: ["required field \"f\""]),
        .edit("claim id starting with a digit", "/claims/0/id", "1abc", message: ["a name"]),
        .edit("empty claim id", "/claims/0/id", "", message: ["a name"]),
        .edit("claim id with a space", "/claims/0/id", "a b", message: ["a name"]),
        .edit("claim id of 65 characters", "/claims/0/id", .string(String(repeating: "a", count: 65)), message: ["at most 64 characters"]),
        .edit("claim id with non-ASCII letters", "/claims/0/id", "clé", message: ["a name"]),
        .edit("uses as a string", "/claims/3/uses", "c-joint", message: ["an array of names"]),
        .edit("uses as an object", "/claims/3/uses", json: "{}", message: ["an array of names"]),
        .edit("uses with a number", "/claims/3/uses/0", json: "1", message: ["a string"]),
        .edit("uses with a name that is not a name", "/claims/3/uses/0", "1x", message: ["a name"]),
        .edit("unknown relation", "/claims/0/statement/relation", "~", message: ["\"<=\""]),
        .edit("unknown quantity", "/claims/7/inputs/quantity", "volume", message: ["\"size\""]),
        .edit("unknown coding", "/claims/2/inputs/coding", "both", message: ["\"joint\""]),
        .edit("unknown mode", "/claims/10/inputs/mode", "both", message: ["\"separate\""]),
        .edit("bits term without coefficient", "/claims/4/inputs/terms/0/coefficient", nil, message: ["required field \"coefficient\""]),
        .edit("bits with no terms", "/claims/4/inputs/terms", json: "[]", message: ["at least one term"]),
        .edit("bits term as a string", "/claims/4/inputs/terms/0", "c-bits", message: ["a term"]),
    ]

    static let references: [MalformedCase] = [
        // References: undefined, later, wrong kind.
        .edit("reference to an undefined object", "/claims/1/inputs/functions/0", "nope", message: ["defined earlier", "\"nope\""]),
        .edit("reference to an undefined object in an object", "/objects/h/signs", "nope", message: ["defined earlier"]),
        .edit("reference to a later object", "/objects/h/signs", "psi", message: ["defined earlier", "\"psi\""]),
        .edit("reference from an object to itself", "/objects/u/feature", "u", message: ["defined earlier"]),
        .edit(
            "reference to a class where a function is needed", "/claims/1/inputs/functions/0", "K",
            message: ["a reference to a function", "a function class"]),
        .edit(
            "reference to a sign tree where a function is needed", "/claims/0/inputs/f", "sigma",
            message: ["a reference to a function", "a sign tree"]),
        .edit(
            "reference to a feature where a sign tree is needed", "/objects/F/signs", "h",
            message: ["a reference to a sign tree", "a feature"]),
        .edit(
            "reference to a function where a class is needed", "/claims/2/inputs/class", "s", message: ["a reference to a function class"]),
        .edit(
            "reference to a haar class where a readout class is needed", "/claims/2/inputs/class", "H2",
            message: ["a reference to a readout-class"]),
        .edit(
            "reference to a function where a network is needed", "/claims/5/inputs/network", "psi", message: ["a reference to a network"]),
        .edit(
            "reference to a function where a piecewise-linear function is needed", "/claims/9/inputs/function", "s",
            message: ["a reference to a piecewise-linear function"]),
        .edit("reference to a sign tree where a feature is needed", "/objects/u/feature", "sigma", message: ["a reference to a feature"]),
        .edit("empty reference", "/claims/0/inputs/g", "", message: ["a name"]),
    ]

    static let objectContents: [MalformedCase] = [
        // Object contents.
        .edit(
            "step-function with equal breakpoints", "/objects/s/breakpoints", json: #"["0", "1/2", "1/2", "1"]"#, pointer: "/objects/s",
            message: ["a valid step function", "not greater"]),
        .edit(
            "step-function with decreasing breakpoints", "/objects/s/breakpoints", json: #"["0", "1/2", "1/3", "1"]"#,
            pointer: "/objects/s",
            message: ["a valid step function"]),
        .edit(
            "step-function not starting at 0", "/objects/s/breakpoints", json: #"["1/4", "1/2", "1"]"#, pointer: "/objects/s",
            message: ["a valid step function"]),
        .edit(
            "step-function not ending at 1", "/objects/s/breakpoints", json: #"["0", "1/2", "3/4"]"#, pointer: "/objects/s",
            message: ["a valid step function"]),
        .edit(
            "step-function with too few values", "/objects/s/values", json: #"["1"]"#, pointer: "/objects/s",
            message: ["a valid step function"]),
        .edit(
            "step-function with no breakpoints", "/objects/s/breakpoints", json: "[]", pointer: "/objects/s",
            message: ["a valid step function"]),
        .edit(
            "cell-function with too few values", "/objects/u-expected/values", json: #"["1", "2", "3"]"#, message: ["4 values", "found 3"]),
        .edit(
            "cell-function with too many values", "/objects/u-expected/values", json: #"["1", "2", "3", "4", "5"]"#,
            message: ["4 values", "found 5"]),
        .edit("cell-function with a negative level", "/objects/u-expected/level", "-1", message: ["an integer from 0"]),
        .edit("sign-tree hex too long", "/objects/sigma/bits", "aa", message: ["1 lowercase hex digits"]),
        .edit("sign-tree hex too short", "/objects/sigma/bits", "", message: ["1 lowercase hex digits"]),
        .edit("sign-tree hex uppercase", "/objects/sigma/bits", "A", message: ["lowercase hex"]),
        .edit("sign-tree hex not hex", "/objects/sigma/bits", "g", message: ["lowercase hex"]),
        .edit("sign-tree hex nonzero padding", "/objects/sigma/bits", "b", message: ["padding"]),
        .edit("sign-tree level 0", "/objects/sigma/levels", "0", message: ["an integer from 1"]),
        .edit("inline sign tree with nonzero padding", "/claims/8/inputs/elements/0/bits", "1", message: ["padding"]),
        .edit("inline sign tree too long", "/claims/8/inputs/elements/0/bits", "00", message: ["hex"]),
        .edit("inline sign tree with an unknown field", "/claims/8/inputs/elements/0/level", "2", message: ["unknown field \"level\""]),
        .edit("class element as a number", "/claims/8/inputs/elements/0", json: "5", message: ["a string"]),
        .edit(
            "duplicate readouts", "/objects/F/readouts", json: #"["2", "2"]"#, pointer: "/objects/F/readouts/1",
            message: ["distinct readout indices"]),
        .edit("readout out of range", "/objects/K/readouts/0", "4", message: ["an integer from 1 to 3"]),
        .edit("readout zero", "/objects/K/readouts/0", "0", message: ["an integer from 1 to 3"]),
        .edit("readout-class with no readouts", "/objects/K/readouts", json: "[]", message: ["at least one readout"]),
        .edit("haar-class with too few amplitudes", "/objects/H2/amplitudes", json: #"["1/2"]"#, message: ["2 amplitudes"]),
        .edit(
            "haar-class with a zero amplitude", "/objects/H2/amplitudes", json: #"["1/2", "0"]"#, pointer: "/objects/H2/amplitudes/1",
            message: ["a positive amplitude"]),
        .edit("haar-class with unknown amplitude recipe", "/objects/H2/amplitudes", "uniform", message: ["\"balanced\""]),
        .edit("haar-function index out of range", "/objects/psi/index", "1", message: ["an integer from 0 to 0"]),
        .edit("triangle-wave of order 0", "/objects/T/order", "0", message: ["an integer from 1"]),
        .edit(
            "first layer with a linear unit", "/objects/net/layers/0/units/0/activation", "linear", pointer: "/objects/net/layers",
            message: ["the first layer must consist of Heaviside units"]),
        .edit("unknown activation", "/objects/net/layers/0/units/0/activation", "relu", message: ["\"heaviside\""]),
        .edit("more weights than inputs", "/objects/net/layers/0/units/0/weights", json: #"["1", "2"]"#, message: ["one weight per input"]),
        .edit(
            "network input out of range", "/objects/net/layers/1/units/0/inputs/0", "1", pointer: "/objects/net/layers",
            message: ["outside"]),
        .edit("network with one layer", "/objects/net/layers/1", nil, pointer: "/objects/net/layers", message: ["a network following"]),
        .edit("empty integer code range", "/objects/net/layers/0/units/0/bias-code", "int[4,1]", message: ["LO <= HI"]),
        .edit("negative dyadic code size", "/objects/net/layers/0/units/0/bias-code", "dyadic[-1,2]", message: ["dyadic[B,E]"]),
        .edit("unknown code", "/objects/net/layers/0/units/0/bias-code", "float32", message: ["a code"]),
        .edit("code with a non-canonical bound", "/objects/net/layers/0/units/0/bias-code", "int[-04,4]", message: ["a code"]),
        .edit("derived code in an explicit network", "/objects/net/layers/0/units/0/bias-code", "derived", message: ["a code"]),
        .edit(
            "wrong number of weight codes", "/objects/net/layers/0/units/0/weight-codes", json: #"["sign", "sign"]"#,
            message: ["one code per weight"]),
    ]

    static let statements: [MalformedCase] = [
        // Statements.
        .edit("Gram matrix with too few rows", "/claims/1/statement/matrix", json: #"[["1", "0"]]"#, message: ["2 rows"]),
        .edit(
            "Gram matrix with a short row", "/claims/1/statement/matrix", json: #"[["1", "0"], ["0"]]"#,
            pointer: "/claims/1/statement/matrix/1",
            message: ["a row of 2 numbers"]),
        .edit("Gram matrix as a number", "/claims/1/statement/matrix", json: "1", message: ["\"identity\" or an array of rows"]),
        .edit(
            "Gram matrix with a non-canonical entry", "/claims/1/statement/matrix", json: #"[["1", "0"], ["0", "1/1"]]"#,
            pointer: "/claims/1/statement/matrix/1/1", message: ["canonical"]),
        .edit("non-positive eps", "/claims/3/inputs/eps", "0", message: ["a positive accuracy"]),
        .edit("negative eps", "/claims/3/inputs/eps", "-1/2", message: ["a positive accuracy"]),
        .edit("zero greedy threshold", "/claims/9/inputs/threshold", "0", message: ["t > 0"]),
        .edit("negative breakpoint count", "/claims/9/inputs/max-breakpoints", "-1", message: ["P >= 0"]),
        .edit(
            "statement fields of the other coding", "/claims/2/statement", json: #"{"log2-sizes": ["2"], "total": "2"}"#,
            pointer: "/claims/2/statement/log2-sizes",
            message: ["unknown field \"log2-sizes\""]),
    ]

    static let jsonSyntax: [MalformedCase] = [
        // JSON syntax: duplicate keys, duplicate object names, nesting.
        .text(
            "duplicate JSON key",
            Robustness.replacingFirst(
                #""s": {"kind": "step-function","#, with: #""s": {"kind": "step-function", "kind": "step-function","#),
            pointer: "/objects/s/kind", message: ["duplicate key \"kind\""]),
        .text(
            "duplicate object name",
            Robustness.replacingFirst(
                #""T": {"kind": "triangle-wave", "order": "2"},"#,
                with: #""T": {"kind": "triangle-wave", "order": "2"}, "T": {"kind": "triangle-wave", "order": "3"},"#),
            pointer: "/objects/T", message: ["duplicate key \"T\""]),
        .text(
            "duplicate claim member",
            Robustness.replacingFirst(#"{"id": "c-gram", "rule": "gram","#, with: #"{"id": "c-gram", "id": "c-gram2", "rule": "gram","#),
            pointer: "/claims/1/id", message: ["duplicate key \"id\""]),
        .text(
            "arrays nested beyond the depth limit",
            Robustness.replacingFirst(
                #""matrix": "identity""#, with: #""matrix": "# + String(repeating: "[", count: 100) + String(repeating: "]", count: 100)),
            pointer: "/claims/1/statement/matrix" + String(repeating: "/0", count: 60), message: ["nested more than 64 levels"]),
        .text(
            "objects nested beyond the depth limit",
            Robustness.replacingFirst(
                #""description": "Robustness"#,
                with: #""x": "# + String(repeating: #"{"a": "#, count: 200) + "1" + String(repeating: "}", count: 200)
                    + #", "description": "Robustness"#),
            pointer: "/x" + String(repeating: "/a", count: 63), message: ["nested more than 64 levels"]),
    ]

    static let resourceLimits: [MalformedCase] = [
        // Resource limits: exit code 3, the flag named.
        .edit("levels 40", "/objects/K/levels", "40", .limitExceeded, message: ["level 40", "--max-level"]),
        .edit("levels 99999999999999999999", "/objects/K/levels", "99999999999999999999", .limitExceeded, message: ["--max-level"]),
        .edit("sign-tree levels 40", "/objects/sigma/levels", "40", .limitExceeded, message: ["--max-level"]),
        .edit("cell-function level 63", "/objects/u-expected/level", "63", .limitExceeded, message: ["--max-level"]),
        .edit("haar-function level 21", "/objects/psi/level", "21", .limitExceeded, message: ["--max-level"]),
        .edit("triangle-wave order 21", "/objects/T/order", "21", .limitExceeded, message: ["--max-level"]),
        .edit("haar-class levels 21", "/objects/H2/levels", "21", .limitExceeded, message: ["--max-level"]),
        .edit(
            "a number of 10,001 digits", "/objects/s/values/0", .string("1" + String(repeating: "0", count: 10_000)), .limitExceeded,
            message: ["number of digits", "--max-digits"]),
        .edit(
            "a fraction of 10,001 digits", "/objects/s/values/0", .string("1/3" + String(repeating: "0", count: 9_999)), .limitExceeded,
            message: ["--max-digits"]),
        .edit(
            "a level of 10,001 digits", "/objects/K/levels", .string("1" + String(repeating: "0", count: 10_000)), .limitExceeded,
            message: ["--max-digits"]),
        .edit(
            "a code bound of 10,001 digits", "/objects/net/layers/0/units/0/bias-code",
            .string("int[0," + String(repeating: "9", count: 10_001) + "]"),
            .limitExceeded, message: ["number of digits", "--max-digits"]),
        MalformedCase(
            name: "enumerating a readout class of depth 5",
            input: {
                Robustness.bytes(
                    Robustness.certificate(
                        objects: [("K5", Robustness.json(#"{"kind": "readout-class", "levels": "5", "readouts": ["16", "17"]}"#))],
                        claims: [
                            Robustness.json(
                                #"{"id": "n", "rule": "enumerate", "inputs": {"class": "K5", "quantity": "size", "coding": "joint"}, "statement": {"value": "1024"}}"#
                            )
                        ]))
            },
            status: .limitExceeded, pointer: "/claims/0/inputs/class", message: ["enumeration size", "2147483648", "--max-enumeration"]),
        MalformedCase(
            name: "covering a haar class of depth 6 by enumeration",
            input: {
                Robustness.bytes(
                    Robustness.certificate(
                        objects: [
                            ("H6", Robustness.json(#"{"kind": "haar-class", "levels": "6", "amplitudes": "balanced"}"#)),
                            ("zero", Robustness.json(#"{"kind": "step-function", "breakpoints": ["0", "1"], "values": ["0"]}"#)),
                        ],
                        claims: [
                            Robustness.json(
                                #"{"id": "c", "rule": "cover", "inputs": {"class": "H6", "eps": "2", "centres": ["zero"]}, "statement": {"count": "1"}}"#
                            )
                        ]))
            },
            status: .limitExceeded, pointer: "/claims/0/inputs/class", message: ["--max-enumeration"]),
        MalformedCase(
            name: "a Gram claim over too many functions",
            input: {
                Robustness.bytes(
                    Robustness.edit(
                        Robustness.base, at: "/claims/1/inputs/functions",
                        to: .array(Array(repeating: "s", count: (1 << 14) + 1))))
            },
            status: .limitExceeded, pointer: "/claims/1/inputs/functions", message: ["--max-cells"]),
        MalformedCase(
            name: "a network exceeding the network size limit",
            input: { Robustness.bytes(Robustness.base) }, status: .limitExceeded,
            pointer: "/objects/net/layers/1/units/0", message: ["network size", "--max-network-size"]
        )
        .with(
            limits: {
                var l = VerificationLimits()
                l.maximumNetworkSize = 4
                return l
            }()),
        MalformedCase(
            name: "a joint network exceeding the network size limit",
            input: { Robustness.bytes(Robustness.edit(Robustness.base, at: "/objects/net", to: nil)) }, status: .limitExceeded,
            pointer: "/objects/joint", message: ["--max-network-size"]
        )
        .with(
            limits: {
                var l = VerificationLimits()
                l.maximumNetworkSize = 40
                return l
            }()),
        MalformedCase(
            name: "a walsh basis beyond the cell limit",
            input: {
                Robustness.bytes(
                    Robustness.edit(Robustness.base, at: "/objects/W", to: Robustness.json(#"{"kind": "walsh-basis", "levels": "15"}"#)))
            },
            status: .limitExceeded, pointer: "/objects/W/levels", message: ["number of cells", "--max-cells"]),
        MalformedCase(
            name: "cells beyond the certificate's budget",
            input: { Robustness.bytes(Robustness.base) }, status: .limitExceeded,
            pointer: "/objects/h/signs", message: ["--max-cells"]
        )
        .with(
            limits: {
                var l = VerificationLimits()
                l.maximumCells = 4
                return l
            }()),
        MalformedCase(
            name: "a file larger than the file size limit",
            input: { Robustness.bytes(Robustness.base) }, status: .limitExceeded, pointer: "", message: ["file size", "--max-file-size"]
        )
        .with(
            limits: {
                var l = VerificationLimits()
                l.maximumFileSize = 1000
                return l
            }()),
    ]

    static let numberCases: [MalformedCase] = nonCanonicalNumbers.map { text in
        MalformedCase.edit("non-canonical number \"\(text)\"", "/objects/s/values/0", .string(text), message: ["canonical number"])
    }

    static let integerCases: [MalformedCase] = nonCanonicalNumbers.map { text in
        MalformedCase.edit("non-canonical integer \"\(text)\"", "/objects/K/levels", .string(text), message: ["canonical integer"])
    }

    static let cases: [MalformedCase] = {
        var all: [MalformedCase] = []
        all += topLevel
        all += objectShapes
        all += wrongTypes
        all += claimShapes
        all += references
        all += objectContents
        all += statements
        all += jsonSyntax
        all += resourceLimits
        all += numberCases
        all += integerCases
        return all
    }()

    @Test("each malformed input ends in its status, at its pointer", arguments: cases)
    func malformed(_ c: MalformedCase) {
        let bytes = c.input()
        let verdict = Robustness.verify(bytes, limits: c.limits)
        #expect(verdict.status == c.status, "\(c.name): \(String(describing: verdict.error))")
        guard let error = verdict.error else {
            Issue.record("\(c.name): no error; claims \(verdict.claims.map { "\($0.id): \($0.passed)" })")
            return
        }
        #expect(error.pointer.description == c.pointer, "\(c.name): \(error)")
        for words in c.message {
            #expect(error.description.contains(words), "\(c.name): \"\(words)\" not in: \(error)")
        }
        if c.status == .limitExceeded, case .limitExceeded(_, let kind, _, _) = error {
            #expect(error.description.contains(kind.flag))
        }
        // The file verdict reports no claim as checked once the input is malformed in
        // its structure (objects or claims' shape): only rule inputs stop later.
        #expect(verdict.claims.allSatisfy { $0.passed })
    }

    @Test("a number of exactly 10,000 digits is read (the claim is merely false)")
    func digitLimitBoundary() {
        let value = JSONValue.string("1" + String(repeating: "0", count: 9_999))
        let verdict = Robustness.verify(Robustness.edit(Robustness.base, at: "/objects/s/values/0", to: value))
        #expect(verdict.status == .failed)
        #expect(verdict.error == nil)
        #expect(verdict.claims.first { $0.id == "c-psi" }?.passed == false)
    }

    @Test("uses naming an unknown or a later claim makes the claim fail (exit 1) at its pointer")
    func usesFailures() {
        for (name, pointer) in [("nope", "/claims/3/uses/0"), ("c-sum", "/claims/3/uses/0")] {
            let verdict = Robustness.verify(Robustness.edit(Robustness.base, at: "/claims/3/uses/0", to: .string(name)))
            #expect(verdict.status == .failed)
            guard case .failed(let failure)? = verdict.claims.first(where: { $0.id == "c-bits" })?.outcome else {
                Issue.record("c-bits did not fail for uses \(name)")
                continue
            }
            #expect(failure.pointer.description == pointer)
            // The claim that depends on it fails too.
            #expect(verdict.claims.first { $0.id == "c-sum" }?.passed == false)
        }
    }

    @Test("the rule a claim names is checked before its inputs")
    func ruleBeforeInputs() {
        let claim = Robustness.json(#"{"id": "x", "rule": "no-such-rule", "inputs": {"anything": 5}, "statement": {}}"#)
        let verdict = Robustness.verify(Robustness.certificate(objects: [], claims: [claim]))
        #expect(verdict.status == .malformed)
        #expect(verdict.error?.pointer.description == "/claims/0/rule")
    }
}

extension Robustness {
    /// A transformation: the text with the first occurrence of `target` replaced (unchanged if absent).
    static func replacingFirst(_ target: String, with replacement: String) -> @Sendable (String) -> String {
        { text in
            guard let range = text.range(of: target) else { return text }
            return text.replacingCharacters(in: range, with: replacement)
        }
    }
}
