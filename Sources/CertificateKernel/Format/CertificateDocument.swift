/// A certificate after the structural checks of format dyadcert/1 (Certificates/FORMAT.md):
/// the format tag, the named objects in order, and the claims in order.
package struct CertificateDocument {
    /// The format tag this kernel reads.
    static let format = "dyadcert/1"

    struct ObjectEntry {
        let id: String
        let fields: Fields
    }

    package struct ClaimEntry {
        package let index: Int
        package let id: String
        package let rule: RuleName
        package let description: String?
        package let uses: [String]
        package let inputs: Fields
        package let statement: Fields
        package let pointer: JSONPointer
        /// The claim exactly as written (for its digest).
        let json: JSONValue
    }

    let description: String?
    let objects: [ObjectEntry]
    let claims: [ClaimEntry]

    /// Reads the top level and the shape of every claim; objects and rule inputs are
    /// read later by the object builder and the rules.
    init(_ root: JSONValue, context: ReadingContext) throws(KernelError) {
        let top = try Fields(
            root, at: JSONPointer(), context: context, what: "a certificate object with the fields \"format\" and \"claims\"")
        try top.allowOnly(FormatStructure.certificate.keys)
        let format = try top.string("format")
        guard format == CertificateDocument.format else {
            throw .malformed(
                pointer: JSONPointer().appending("format"), expected: "\"\(CertificateDocument.format)\"",
                found: "\"\(Fields.shorten(format))\"")
        }
        description = try top.optionalString("description")

        var objects: [ObjectEntry] = []
        if top.has("objects") {
            let table = try top.fields("objects", what: "an object mapping names to object definitions")
            for key in table.object.keys {
                let at = table.pointer.appending(key)
                guard Fields.isIdentifier(key) else {
                    throw .malformed(
                        pointer: at, expected: "an object name (a letter or _, then letters, digits, _ . : -; at most 64 characters)",
                        found: "\"\(Fields.shorten(key))\"")
                }
                objects.append(ObjectEntry(id: key, fields: try table.fields(key, what: "an object definition with a \"kind\"")))
            }
        }
        self.objects = objects

        let items = try top.array("claims", what: "an array of claims")
        guard !items.isEmpty else {
            throw .malformed(pointer: JSONPointer().appending("claims"), expected: "at least one claim", found: "an empty array")
        }
        var claims: [ClaimEntry] = []
        var seen: [String: Int] = [:]
        for (i, item) in items.enumerated() {
            let at = JSONPointer().appending("claims").appending(i)
            let claim = try Fields(item, at: at, context: context, what: "a claim object")
            try claim.allowOnly(FormatStructure.claim.keys)
            let id = try claim.identifier("id")
            if let first = seen[id] {
                throw .malformed(
                    pointer: at.appending("id"), expected: "a claim name not used before",
                    found: "\"\(id)\", already the name of claim \(first)")
            }
            seen[id] = i
            let rule: RuleName = try claim.word("rule")
            let uses = claim.has("uses") ? try claim.identifiers("uses") : []
            claims.append(
                ClaimEntry(
                    index: i, id: id, rule: rule, description: try claim.optionalString("description"), uses: uses,
                    inputs: try claim.fields("inputs", what: "an object with the rule's inputs"),
                    statement: try claim.fields("statement", what: "an object with the claim's statement"),
                    pointer: at, json: item))
        }
        self.claims = claims
    }
}
