import CanonicalJSON
import Foundation
import Testing
@testable import CertificateKernel
import MatrixKernel

/// Shared helpers of the robustness tests: the shipped certificates, a base certificate
/// with one object of most kinds and one claim of most rules, JSON editing by pointer,
/// and verification with a check that nothing but a verdict or a located error comes out.
enum Robustness {
    /// The repository root, found from this file's path (Tests/CertificateKernelTests/Robustness/).
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every `*.dyadcert.json` under Certificates/ in the source tree, sorted by path.
    static let shippedCertificates: [(name: String, bytes: [UInt8])] = {
        let directory = repositoryRoot.appendingPathComponent("Certificates")
        guard let walker = FileManager.default.enumerator(atPath: directory.path) else { return [] }
        var found: [(String, [UInt8])] = []
        while let item = walker.nextObject() as? String {
            guard item.hasSuffix(".dyadcert.json"),
                let data = FileManager.default.contents(atPath: directory.appendingPathComponent(item).path)
            else { continue }
            found.append((item, [UInt8](data)))
        }
        return found.sorted { $0.0 < $1.0 }
    }()

    /// A valid certificate (every claim true) with one object of most kinds and one
    /// claim of most rules; the table of malformed inputs edits it.
    static let baseText = #"""
        {
          "format": "dyadcert/1",
          "description": "Robustness base: one object of most kinds and one claim of most rules.",
          "objects": {
            "sigma": {"kind": "sign-tree", "levels": "2", "bits": "a"},
            "h": {"kind": "feature", "signs": "sigma", "amplitudes": "balanced"},
            "u": {"kind": "feature-shift", "feature": "h"},
            "u-expected": {"kind": "cell-function", "level": "2", "values": ["3/8", "1/8", "5/8", "7/8"]},
            "F": {"kind": "task-outputs", "signs": "sigma", "readouts": ["2", "3"]},
            "K": {"kind": "readout-class", "levels": "2", "readouts": ["2", "3"]},
            "H2": {"kind": "haar-class", "levels": "2", "amplitudes": ["1/2", "1/4"]},
            "s": {"kind": "step-function", "breakpoints": ["0", "1/2", "1"], "values": ["1", "-1"]},
            "psi": {"kind": "haar-function", "level": "0", "index": "0"},
            "T": {"kind": "triangle-wave", "order": "2"},
            "net": {"kind": "heaviside-network", "layers": [
              {"units": [{"activation": "heaviside", "inputs": ["0"], "weights": ["1"], "bias": "-1/2", "weight-codes": ["sign"], "bias-code": "dyadic[2,2]"}]},
              {"units": [{"activation": "linear", "inputs": ["0"], "weights": ["-2"], "bias": "1", "weight-codes": ["int[-4,4]"], "bias-code": "int[-4,4]"}]}
            ]},
            "joint": {"kind": "joint-network", "signs": "sigma", "readouts": ["2", "3"]}
          },
          "claims": [
            {"id": "c-feature", "rule": "sup-distance", "inputs": {"f": "u", "g": "u-expected"}, "statement": {"relation": "=", "bound": "0"}},
            {"id": "c-gram", "rule": "gram", "inputs": {"functions": ["F"]}, "statement": {"matrix": "identity"}},
            {"id": "c-joint", "rule": "readout-count", "inputs": {"class": "K", "coding": "joint"}, "statement": {"log2-size": "3"}},
            {"id": "c-bits", "rule": "binary-class", "uses": ["c-joint"], "inputs": {"class": "K", "eps": "1/2", "coding": "joint"}, "statement": {"bits": "3"}},
            {"id": "c-sum", "rule": "bits", "uses": ["c-bits"], "inputs": {"terms": [{"claim": "c-bits", "quantity": "bits", "coefficient": "1"}]}, "statement": {"relation": ">=", "bound": "3"}},
            {"id": "c-net", "rule": "network-realises", "inputs": {"network": "net", "functions": ["psi"]}, "statement": {"outputs": "1"}},
            {"id": "c-psi", "rule": "sup-distance", "inputs": {"f": "psi", "g": "s"}, "statement": {"relation": "=", "bound": "0"}},
            {"id": "c-enum", "rule": "enumerate", "inputs": {"class": "H2", "quantity": "size", "coding": "joint"}, "statement": {"value": "8"}},
            {"id": "c-pack", "rule": "packing", "inputs": {"class": "H2", "eps": "1/5", "elements": [{"bits": "0"}, {"bits": "2"}, {"bits": "4"}, {"bits": "6"}]}, "statement": {"count": "4"}},
            {"id": "c-lower", "rule": "step-approx-lower", "inputs": {"function": "T", "max-breakpoints": "2", "threshold": "1"}, "statement": {"distance-at-least": "1/2"}},
            {"id": "c-width", "rule": "network-width-lower", "inputs": {"mode": "separate", "class": "K"}, "statement": {"first-layer-units-at-least": "4"}},
            {"id": "c-netbits", "rule": "network-bits", "inputs": {"network": "net"}, "statement": {"bits": "14"}},
            {"id": "c-joint-net", "rule": "network-realises", "inputs": {"network": "joint", "functions": ["F"]}, "statement": {"outputs": "2"}}
          ]
        }
        """#

    static let base: JSONValue = {
        guard let value = try? JSONParser.parse(Array(baseText.utf8)) else { fatalError("the base certificate is not JSON") }
        return value
    }()

    /// A certificate with these objects (members in order) and claims.
    static func certificate(objects: [(String, JSONValue)], claims: [JSONValue]) -> JSONValue {
        var top = JSONObject()
        top["format"] = "dyadcert/1"
        top["objects"] = .object(JSONObject(objects.map { (key: $0.0, value: $0.1) }))
        top["claims"] = .array(claims)
        return .object(top)
    }

    /// The bytes of a JSON value (canonical layout).
    static func bytes(_ value: JSONValue) -> [UInt8] { CanonicalJSONWriter.writeUTF8(value) }

    /// Verifies bytes and checks the answer's shape: an exit status in 0...3 that agrees
    /// with the error, and an error message that names what was expected.
    static func verify(_ bytes: [UInt8], limits: VerificationLimits = VerificationLimits(), path: String = "test.dyadcert.json")
        -> FileVerdict
    {
        let verdict = Verifier(limits: limits, extensions: [.matrices]).verify(bytes: bytes, path: path)
        #expect((0...3).contains(verdict.status.exitCode))
        if let error = verdict.error {
            #expect(verdict.status == (error.isLimit ? .limitExceeded : .malformed))
            #expect(!error.description.isEmpty)
        }
        return verdict
    }

    static func verify(_ value: JSONValue, limits: VerificationLimits = VerificationLimits()) -> FileVerdict {
        verify(bytes(value), limits: limits)
    }

    /// Limits small enough that tests reach every limit quickly.
    static var smallLimits: VerificationLimits {
        var limits = VerificationLimits()
        limits.maximumLevel = 8
        limits.maximumDigits = 200
        limits.maximumCells = 1 << 14
        limits.maximumEnumeration = 1 << 10
        limits.maximumNetworkSize = 1 << 12
        limits.maximumFileSize = 1 << 20
        return limits
    }
}

// MARK: - Editing JSON by pointer (static helpers, so they cannot clash with other test files)

extension Robustness {
    /// The value at an RFC 6901 pointer, or nil.
    static func value(at pointer: String, in root: JSONValue) -> JSONValue? {
        guard let p = JSONPointer(pointer) else { return nil }
        return value(at: p.tokens[...], in: root)
    }

    static func value(at tokens: ArraySlice<String>, in root: JSONValue) -> JSONValue? {
        guard let token = tokens.first else { return root }
        switch root {
        case .object(let object):
            return object[token].flatMap { value(at: tokens.dropFirst(), in: $0) }
        case .array(let items):
            guard let i = Int(token), i >= 0, i < items.count, String(i) == token else { return nil }
            return value(at: tokens.dropFirst(), in: items[i])
        default:
            return nil
        }
    }

    /// `root` with the member or element at `pointer` replaced (nil removes it; a new
    /// object member is appended; the index one past an array's end appends).
    static func edit(_ root: JSONValue, at pointer: String, to newValue: JSONValue?) -> JSONValue {
        guard let p = JSONPointer(pointer) else { return root }
        return edit(root, at: p.tokens[...], to: newValue)
    }

    static func edit(_ root: JSONValue, at tokens: ArraySlice<String>, to newValue: JSONValue?) -> JSONValue {
        guard let token = tokens.first else { return newValue ?? .null }
        let last = tokens.count == 1
        switch root {
        case .object(var object):
            if last {
                object[token] = newValue
            } else if let child = object[token] {
                object[token] = edit(child, at: tokens.dropFirst(), to: newValue)
            }
            return .object(object)
        case .array(var items):
            guard let i = Int(token), i >= 0, i <= items.count else { return root }
            if last {
                if let newValue {
                    if i == items.count { items.append(newValue) } else { items[i] = newValue }
                } else if i < items.count {
                    items.remove(at: i)
                }
            } else if i < items.count {
                items[i] = edit(items[i], at: tokens.dropFirst(), to: newValue)
            }
            return .array(items)
        default:
            return root
        }
    }

    /// `root` with the object member at `pointer` renamed in place (member order kept).
    static func rename(_ root: JSONValue, at pointer: String, to newName: String) -> JSONValue {
        guard let p = JSONPointer(pointer), let name = p.tokens.last else { return root }
        let parentTokens = p.tokens.dropLast()
        guard case .object(let parent)? = value(at: parentTokens[...], in: root) else { return root }
        let renamed = JSONValue.object(JSONObject(parent.members.map { (key: $0.key == name ? newName : $0.key, value: $0.value) }))
        return parentTokens.isEmpty ? renamed : edit(root, at: parentTokens[...], to: renamed)
    }

    /// Parses JSON text written in a test (known to be valid).
    static func json(_ text: String) -> JSONValue {
        guard let value = try? JSONParser.parse(Array(text.utf8)) else { fatalError("test JSON does not parse: \(text)") }
        return value
    }
}
