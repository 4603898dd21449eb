import CertificateKernel

/// The canonical text of a certificate: every object's members in one fixed key order,
/// numbers only as canonical strings (the reader rejects anything else), the layout
/// of ``CanonicalJSONWriter``, and a final newline. Writing a parsed canonical file
/// gives the same bytes.
public enum CanonicalCertificate {
    /// The canonical key order, derived from the format's declarations
    /// (``FormatStructure/allKeyLists``): every declared list keeps its own order, so each
    /// JSON object of a certificate has its members in the order its declaration lists
    /// them. A key's rank is its position here; keys not declared (which the reader
    /// rejects anyway) come after, in code-point order. FORMAT.md sec. 2.6 prints it.
    public static let keyOrder: [String] = mergedOrder(FormatStructure.allKeyLists)

    /// The one order of all keys of `lists` that keeps each list's order, choosing among
    /// the keys free to come next the one that appears first in `lists` (Kahn's algorithm
    /// on the edges between neighbours of a list). Stops the program when two lists
    /// order two keys differently: a declaration out of order, which a test rules out.
    static func mergedOrder(_ lists: [[String]]) -> [String] {
        var keys: [String] = []
        var position: [String: Int] = [:]
        for key in lists.joined() where position[key] == nil {
            position[key] = keys.count
            keys.append(key)
        }
        var successors = Array(repeating: Set<Int>(), count: keys.count)
        var predecessors = Array(repeating: 0, count: keys.count)
        for list in lists {
            let indices = list.compactMap { position[$0] } // every key has a position
            for (i, j) in zip(indices, indices.dropFirst()) where successors[i].insert(j).inserted {
                predecessors[j] += 1
            }
        }
        var order: [String] = []
        var placed = Array(repeating: false, count: keys.count)
        while order.count < keys.count {
            guard let next = keys.indices.first(where: { !placed[$0] && predecessors[$0] == 0 }) else {
                preconditionFailure("the format's key lists order some keys differently")
            }
            placed[next] = true
            order.append(keys[next])
            for j in successors[next] { predecessors[j] -= 1 }
        }
        return order
    }

    private static let rank: [String: Int] = Dictionary(uniqueKeysWithValues: keyOrder.enumerated().map { ($1, $0) })

    /// The same JSON value with every object's members in the canonical key order.
    /// The members of the `objects` table keep their order (it is the definition order).
    public static func canonicalize(_ value: JSONValue, isObjectTable: Bool = false) -> JSONValue {
        switch value {
        case .object(let object):
            var members = object.members.map {
                (key: $0.key, value: canonicalize($0.value, isObjectTable: $0.key == "objects" && !isObjectTable))
            }
            if !isObjectTable {
                members.sort { a, b in
                    let ra = rank[a.key] ?? Int.max, rb = rank[b.key] ?? Int.max
                    return ra != rb
                        ? ra < rb : Array(a.key.unicodeScalars.map(\.value)).lexicographicallyPrecedes(b.key.unicodeScalars.map(\.value))
                }
            } else {
                members = object.members.map { (key: $0.key, value: canonicalize($0.value)) }
            }
            return .object(JSONObject(members))
        case .array(let items):
            return .array(items.map { canonicalize($0) })
        default:
            return value
        }
    }

    /// The canonical text of a certificate (or of any JSON value, keys reordered).
    public static func text(_ value: JSONValue) -> String {
        CanonicalJSONWriter.write(canonicalize(value))
    }
}
