import CanonicalJSON
import Foundation
import Testing
@testable import CertificateKernel

/// The format is defined once: the rule and object declarations of the kernel, the
/// headings, examples and key list of Certificates/FORMAT.md, and the definitions of
/// Certificates/dyadcert-1.schema.json must agree on every rule, object kind, key and
/// closed word set. Each document is parsed here, independently of the kernel's reader.
@Suite("Format declarations agree with FORMAT.md and the JSON Schema")
struct FormatDeclarationTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let formatText: String = (try? String(contentsOf: root.appendingPathComponent("Certificates/FORMAT.md"), encoding: .utf8)) ?? ""
    static var schema: [String: Any] {
        guard let data = try? Data(contentsOf: root.appendingPathComponent("Certificates/dyadcert-1.schema.json")),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return [:] }
        return object
    }
    static var definitions: [String: Any] { schema["$defs"] as? [String: Any] ?? [:] }

    /// The lines of FORMAT.md from the heading starting with `start` up to the next
    /// heading starting with `end`.
    static func section(from start: String, to end: String) -> [Substring] {
        let lines = formatText.split(separator: "\n", omittingEmptySubsequences: false)
        guard let a = lines.firstIndex(where: { $0.hasPrefix(start) }) else { return [] }
        let b = lines[(a + 1)...].firstIndex(where: { $0.hasPrefix(end) }) ?? lines.endIndex
        return Array(lines[a..<b])
    }

    /// The words in backquotes on a line.
    static func quoted(_ line: Substring) -> [String] {
        line.split(separator: "`", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }

    /// The JSON blocks after a `<!-- marker -->` line in some lines.
    static func examples(_ marker: String, in lines: [Substring]) -> [String] {
        var result: [String] = []
        var i = 0
        while i < lines.count {
            if lines[i] == "<!-- \(marker) -->", i + 1 < lines.count, lines[i + 1] == "```json" {
                var j = i + 2, block: [Substring] = []
                while j < lines.count, lines[j] != "```" {
                    block.append(lines[j])
                    j += 1
                }
                result.append(block.joined(separator: "\n"))
                i = j
            }
            i += 1
        }
        return result
    }

    static func json(_ text: String) -> Any? {
        try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    }

    /// Every key of the object schemas reachable through properties/then/else/oneOf/anyOf/allOf.
    static func keys(of schema: Any?, member: String? = nil) -> Set<String> {
        guard let schema = schema as? [String: Any] else { return [] }
        var result: Set<String> = []
        let properties = schema["properties"] as? [String: Any] ?? [:]
        if let member {
            result.formUnion(keys(of: properties[member]))
        } else {
            result.formUnion(properties.keys)
        }
        for combinator in ["oneOf", "anyOf", "allOf"] {
            for branch in schema[combinator] as? [Any] ?? [] { result.formUnion(keys(of: branch, member: member)) }
        }
        for branch in ["then", "else"] { result.formUnion(keys(of: schema[branch], member: member)) }
        return result
    }

    static func enumValues(_ name: String) -> [String] {
        (definitions[name] as? [String: Any])?["enum"] as? [String] ?? []
    }

    @Test func documentsAreThere() {
        #expect(Self.formatText.count > 10_000)
        #expect(Self.definitions.count > 40)
    }

    // MARK: Rules

    @Test func ruleNamesAgree() {
        let declared = RuleName.allCases.map(\.rawValue)
        let headings = Self.formatText.split(separator: "\n").filter { $0.hasPrefix("### 5.") }.flatMap { Self.quoted($0) }
        #expect(headings == declared, "FORMAT.md sec. 5 headings")
        let claim = Self.definitions["claim"] as? [String: Any]
        let schemaRules = ((claim?["properties"] as? [String: Any])?["rule"] as? [String: Any])?["enum"] as? [String] ?? []
        #expect(schemaRules == declared, "the schema's claim.rule enum")
        let ruleDefinitions = Self.definitions.keys.filter { $0.hasPrefix("rule-") }.map { String($0.dropFirst(5)) }
        #expect(Set(ruleDefinitions) == Set(declared), "the schema's rule-* definitions")
    }

    @Test func ruleKeysAgreeWithTheSchema() {
        for name in RuleName.allCases {
            let definition = Self.definitions["rule-\(name.rawValue)"]
            #expect(Self.keys(of: definition, member: "inputs") == Set(name.declaration.inputs), "inputs of \(name.rawValue)")
            #expect(Self.keys(of: definition, member: "statement") == Set(name.declaration.statement), "statement of \(name.rawValue)")
        }
        #expect(Self.keys(of: Self.definitions["term"]) == Set(FormatStructure.bitsTerm.keys))
        #expect(Self.keys(of: Self.definitions["meaning"]) == Set(FormatStructure.meaning.keys))
    }

    /// The nested structures agree with their schema definitions.
    @Test func structureKeysAgreeWithTheSchema() {
        #expect(Set((Self.schema["properties"] as? [String: Any] ?? [:]).keys) == Set(FormatStructure.certificate.keys))
        for structure in [FormatStructure.claim, .layer, .unit] {
            #expect(Self.keys(of: Self.definitions[structure.rawValue]) == Set(structure.keys), "\(structure.rawValue)")
        }
        #expect(Self.keys(of: Self.definitions["class-element"]) == Set(FormatStructure.inlineSigns.keys), "an inline sign tree")
        let matrix = (Self.definitions["object-matrix"] as? [String: Any])
        #expect(Self.keys(of: matrix, member: "dyadic") == Set(FormatStructure.dyadicMatrix.keys), "the dyadic encoding of a matrix")
    }

    /// Every key a rule declares is named in its FORMAT.md section, and every key of the
    /// section's example claims is declared.
    @Test func ruleKeysAgreeWithFormatSections() {
        for (n, name) in RuleName.allCases.enumerated() {
            let lines = Self.section(from: "### 5.\(n + 1) `\(name.rawValue)`", to: "##")
            #expect(!lines.isEmpty, "section 5.\(n + 1) is \(name.rawValue)")
            let named = Set(Self.quoted(Substring(lines.joined(separator: " "))))
            for key in name.declaration.inputs + name.declaration.statement {
                #expect(named.contains(key), "FORMAT.md sec. 5.\(n + 1) does not name the key \(key) of \(name.rawValue)")
            }
            for example in Self.examples("claim", in: lines) {
                let claim = Self.json(example) as? [String: Any]
                #expect(claim?["rule"] as? String == name.rawValue, "an example of sec. 5.\(n + 1)")
                let inputs = Set((claim?["inputs"] as? [String: Any] ?? [:]).keys),
                    statement = Set((claim?["statement"] as? [String: Any] ?? [:]).keys)
                #expect(inputs.isSubset(of: name.declaration.inputs), "example inputs of \(name.rawValue): \(inputs)")
                #expect(statement.isSubset(of: name.declaration.statement), "example statement of \(name.rawValue): \(statement)")
            }
        }
    }

    // MARK: Objects

    @Test func objectKindsAgree() {
        let declared = ObjectKind.allCases.map(\.rawValue)
        let headings = Self.section(from: "## 4.", to: "## 5.").filter { $0.hasPrefix("#### ") }.flatMap { Self.quoted($0) }
        #expect(Set(headings) == Set(declared), "FORMAT.md sec. 4 headings")
        #expect(headings.count == declared.count)
        let schemaKinds = Self.definitions.keys.filter { $0.hasPrefix("object-") }.map { String($0.dropFirst(7)) }
        #expect(Set(schemaKinds) == Set(declared), "the schema's object-* definitions")
        for kind in ObjectKind.allCases {
            #expect(Self.keys(of: Self.definitions["object-\(kind.rawValue)"]) == Set(kind.keys), "keys of \(kind.rawValue)")
        }
        // Every example object of sec. 4 uses only its kind's keys.
        for example in Self.examples("object", in: Self.section(from: "## 4.", to: "## 5.")) {
            var text = example.trimmingCharacters(in: .whitespacesAndNewlines)
            if text.hasSuffix(",") { text.removeLast() }
            let table = Self.json("{" + text + "}") as? [String: Any]
            #expect(table != nil, "an example of sec. 4 parses: \(text.prefix(60))")
            for (name, value) in table ?? [:] {
                let object = value as? [String: Any] ?? [:]
                let kind = ObjectKind.allCases.first { $0.rawValue == object["kind"] as? String }
                #expect(kind != nil, "example object \(name) has a known kind")
                if let kind { #expect(Set(object.keys).isSubset(of: kind.keys), "example object \(name): \(object.keys.sorted())") }
            }
        }
    }

    // MARK: Words and key order

    @Test func closedWordSetsAgree() {
        #expect(Self.enumValues("relation") == Relation.allCases.map(\.rawValue))
        #expect(Self.enumValues("coding") == Coding.allCases.map(\.rawValue))
        #expect(Self.enumValues("measure") == Measure.allCases.map(\.rawValue))
        // The measure column (the third) of the table of facts in FORMAT.md sec. 5.0.
        let rows = Self.section(from: "**Established facts.**", to: "`gram`, `orthonormal").filter { $0.hasPrefix("| `") }
        let formatMeasures = Set(
            rows.flatMap { row in
                let columns = row.split(separator: "|", omittingEmptySubsequences: false)
                return columns.count > 3 ? Self.quoted(columns[3]) : []
            })
        #expect(formatMeasures == Set(Measure.allCases.map(\.rawValue)), "FORMAT.md sec. 5.0 measures")
    }

    /// The canonical key order is derived from the declarations: it holds exactly the
    /// declared keys, once each, and keeps the order of every declared list; FORMAT.md
    /// sec. 2.6 lists exactly that order.
    @Test func canonicalKeyOrderIsDerivedFromTheDeclarations() {
        let order = CanonicalCertificate.keyOrder
        let lists = FormatStructure.allKeyLists
        #expect(Set(order).count == order.count, "no key twice")
        #expect(Set(order) == Set(lists.joined()), "exactly the declared keys")
        for list in lists {
            let ranks = list.compactMap { order.firstIndex(of: $0) }
            #expect(ranks == ranks.sorted() && ranks.count == list.count, "\(list) keeps its order")
        }
        #expect(lists.contains(RuleName.gram.declaration.statement) && lists.contains(ObjectKind.matrix.keys))
        let lines = Self.section(from: "### 2.6", to: "### ")
        guard let start = lines.firstIndex(where: { $0.contains("fixed key order") }) else {
            Issue.record("FORMAT.md sec. 2.6 has no key order")
            return
        }
        let text = lines[start...].prefix { !$0.hasPrefix("- except") }.joined(separator: " ")
        let quoted = text.split(separator: "`", omittingEmptySubsequences: false)
        let listed = quoted.count > 1 ? quoted[1].split(separator: " ").map(String.init) : []
        #expect(listed == order, "FORMAT.md sec. 2.6 key order")
    }
}
