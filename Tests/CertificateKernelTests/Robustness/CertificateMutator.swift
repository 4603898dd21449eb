import ExactArithmetic
@testable import CertificateKernel
import TestSupport

/// Seeded mutations of certificates: byte-level (delete, insert, replace bytes, duplicate
/// spans) and structure-aware (change a number, flip a hex digit, drop or duplicate an
/// array element, swap two claims, delete or add a member, rename a reference, rename
/// an object everywhere).
struct CertificateMutator {
    var rng: SplitMix64

    init(seed: UInt64) { rng = SplitMix64(seed: seed) }

    mutating func below(_ n: Int) -> Int { n <= 1 ? 0 : Int(rng.next() % UInt64(n)) }
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
    mutating func pick<T>(_ items: [T]) -> T? { items.isEmpty ? nil : items[below(items.count)] }

    // MARK: - Bytes

    static let interestingBytes: [UInt8] =
        Array(#"{}[],:"\/0123456789-+.eEtfnulraxb "#.utf8)
        + [0x00, 0x09, 0x0A, 0x0D, 0x1F, 0x7F, 0x80, 0xBF, 0xC0, 0xC3, 0xE2, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF]

    /// One to three byte-level edits.
    mutating func mutateBytes(_ input: [UInt8]) -> (bytes: [UInt8], description: String) {
        var bytes = input
        var done: [String] = []
        for _ in 0...below(3) {
            let position = below(bytes.count)
            let byte = chance(50) ? Self.interestingBytes[below(Self.interestingBytes.count)] : UInt8(truncatingIfNeeded: rng.next())
            switch below(5) {
            case 0 where !bytes.isEmpty:
                let end = min(bytes.count, position + 1 + below(4))
                bytes.removeSubrange(position..<end)
                done.append("delete \(position)..<\(end)")
            case 1:
                bytes.insert(byte, at: min(position, bytes.count))
                done.append("insert \(byte) at \(position)")
            case 2 where !bytes.isEmpty:
                bytes[position] = byte
                done.append("replace \(position) by \(byte)")
            case 3 where !bytes.isEmpty:
                let end = min(bytes.count, position + 1 + below(16))
                let target = below(bytes.count + 1)
                bytes.insert(contentsOf: Array(bytes[position..<end]), at: target)
                done.append("duplicate \(position)..<\(end) at \(target)")
            default:
                // A digit changed inside a number string: keeps the JSON valid more often.
                let digits = bytes.indices.filter { (48...57).contains(bytes[$0]) }
                if let i = pick(digits) {
                    bytes[i] = UInt8(48 + below(10))
                    done.append("digit at \(i) -> \(bytes[i] - 48)")
                }
            }
        }
        return (bytes, done.joined(separator: "; "))
    }

    // MARK: - Structure

    /// Every place in a JSON value: its pointer tokens and value.
    static func places(_ value: JSONValue, _ prefix: [String] = [], into result: inout [([String], JSONValue)]) {
        result.append((prefix, value))
        switch value {
        case .object(let object):
            for (key, member) in object { places(member, prefix + [key], into: &result) }
        case .array(let items):
            for (i, item) in items.enumerated() { places(item, prefix + [String(i)], into: &result) }
        default:
            break
        }
    }

    static func isHexBits(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    /// A new canonical number near `value`.
    mutating func nudge(_ value: Rational) -> (Rational, String) {
        let thousandth = (try? Rational(1, 1000)) ?? Rational.one
        switch below(8) {
        case 0: return (value + Rational.one, "+1")
        case 1: return (value - Rational.one, "-1")
        case 2: return (value + thousandth, "+1/1000")
        case 3: return (value - thousandth, "-1/1000")
        case 4: return (-value, "negate")
        case 5: return (value * Rational(2), "x2")
        case 6: return (value * ((try? Rational(1, 2)) ?? Rational.one), "/2")
        default: return (value * Rational(3), "x3")
        }
    }

    /// One structure-aware edit of a parsed certificate, or nil when the chosen kind
    /// does not apply.
    mutating func mutateStructure(_ root: JSONValue) -> (value: JSONValue, description: String)? {
        var all: [([String], JSONValue)] = []
        Self.places(root, into: &all)
        let strings: [([String], String)] = all.compactMap { if case .string(let s) = $0.1 { return ($0.0, s) } else { return nil } }
        let numbers = strings.compactMap { place -> ([String], Rational)? in
            guard let r = try? Rational(parsing: place.1) else { return nil }
            return (place.0, r)
        }
        let objectNames: [String] = {
            guard case .object(let top) = root, case .object(let table)? = top["objects"] else { return [] }
            return table.keys
        }()
        func pointer(_ tokens: [String]) -> String { JSONPointer(tokens: tokens).description }

        switch below(12) {
        case 0, 1, 2:
            guard let (at, value) = pick(numbers) else { return nil }
            let (changed, how) = nudge(value)
            return (
                Robustness.edit(root, at: at[...], to: .string(changed.description)),
                "number at \(pointer(at)) \(how): \(value) -> \(changed)"
            )
        case 3:
            guard let (at, old) = pick(strings), let (_, other) = pick(strings), old != other else { return nil }
            return (Robustness.edit(root, at: at[...], to: .string(other)), "string at \(pointer(at)): \"\(old)\" -> \"\(other)\"")
        case 4:
            let hex = strings.filter { $0.0.last == "bits" && Self.isHexBits($0.1) }
            guard let (at, text) = pick(hex) else { return nil }
            var bytes = Array(text.utf8)
            let i = below(bytes.count)
            let digits = Array("0123456789abcdef".utf8)
            let old = bytes[i]
            repeat { bytes[i] = digits[below(16)] } while bytes[i] == old
            let changed = String(decoding: bytes, as: UTF8.self)
            return (Robustness.edit(root, at: at[...], to: .string(changed)), "hex at \(pointer(at)): \(text) -> \(changed)")
        case 5:
            let arrays = all.filter { if case .array(let items) = $0.1 { return !items.isEmpty } else { return false } }
            guard let (at, value) = pick(arrays), case .array(var items) = value else { return nil }
            let i = below(items.count)
            if chance(50) {
                items.remove(at: i)
                return (Robustness.edit(root, at: at[...], to: .array(items)), "drop element \(i) of \(pointer(at))")
            }
            items.insert(items[i], at: below(items.count + 1))
            return (Robustness.edit(root, at: at[...], to: .array(items)), "duplicate element \(i) of \(pointer(at))")
        case 6:
            guard case .array(var claims)? = Robustness.value(at: "/claims", in: root), claims.count >= 2 else { return nil }
            let i = below(claims.count), j = below(claims.count)
            guard i != j else { return nil }
            claims.swapAt(i, j)
            return (Robustness.edit(root, at: "/claims", to: .array(claims)), "swap claims \(i) and \(j)")
        case 7:
            let members = all.filter {
                !$0.0.isEmpty
                    && Robustness.value(at: $0.0.dropLast(), in: root).map { if case .object = $0 { return true } else { return false } }
                        == true
            }
            guard let (at, _) = pick(members) else { return nil }
            return (Robustness.edit(root, at: at[...], to: nil), "delete member \(pointer(at))")
        case 8:
            let objects = all.filter { if case .object = $0.1 { return true } else { return false } }
            guard let (at, _) = pick(objects) else { return nil }
            let key = pick(["note", "colour", "bound", "levels", "uses", "kind", "x"]) ?? "x"
            if Robustness.value(at: (at + [key])[...], in: root) != nil { return nil }
            let value: JSONValue = pick(["1", .number("1"), .array([]), .object(JSONObject()), .null]) ?? "1"
            return (Robustness.edit(root, at: (at + [key])[...], to: value), "add member \(key) to \(pointer(at))")
        case 9:
            // Rename one reference to another object's name.
            let references = strings.filter {
                objectNames.contains($0.1) && $0.0.first == "claims"
                    || (objectNames.contains($0.1) && $0.0.count > 2 && $0.0[0] == "objects")
            }
            guard let (at, old) = pick(references), let other = pick(objectNames), other != old else { return nil }
            return (Robustness.edit(root, at: at[...], to: .string(other)), "reference at \(pointer(at)): \(old) -> \(other)")
        case 10:
            // Rename an object everywhere (definition and every reference): the same certificate.
            guard let old = pick(objectNames) else { return nil }
            let new = "renamed-" + old
            var value = Robustness.rename(root, at: JSONPointer(tokens: ["objects", old]).description, to: new)
            for (at, text) in strings
            where text == old && (at.first == "claims" || (at.first == "objects" && at.count > 2)) && at.last != "coding" {
                value = Robustness.edit(value, at: at[...], to: .string(new))
            }
            return (value, "rename object \(old) -> \(new) everywhere")
        default:
            // Change a claim's id (and nothing else).
            guard case .array(let claims)? = Robustness.value(at: "/claims", in: root), !claims.isEmpty else { return nil }
            let i = below(claims.count)
            return (Robustness.edit(root, at: ["claims", String(i), "id"], to: .string("claim-\(rng.next() % 1000)")), "rename claim \(i)")
        }
    }
}
