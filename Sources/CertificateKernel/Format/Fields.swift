import ExactArithmetic

/// Strict, pointer-aware access to the members of one JSON object of a certificate.
///
/// Every accessor names the JSON pointer of what it reads, so every error says where
/// the problem is and what was expected. Numbers must be JSON strings in the one
/// canonical form (`-12`, `3/8`); digits are counted before any conversion.
package struct Fields {
    package let object: JSONObject
    package let pointer: JSONPointer
    package let context: ReadingContext

    package init(_ value: JSONValue, at pointer: JSONPointer, context: ReadingContext, what: String = "an object") throws(KernelError) {
        guard case .object(let object) = value else {
            throw .malformed(pointer: pointer, expected: what, found: Fields.describe(value))
        }
        self.object = object
        self.pointer = pointer
        self.context = context
    }

    /// Rejects every member whose key is not in `allowed`.
    package func allowOnly(_ allowed: [String]) throws(KernelError) {
        // Compared as JSONKeys: comparing Strings normalises a key of many combining marks.
        for key in object.keys where !allowed.contains(where: { JSONKey($0) == JSONKey(key) }) {
            throw .malformed(
                pointer: pointer.appending(key),
                expected: allowed.isEmpty ? "no fields here" : "one of the fields \(allowed.map { "\"\($0)\"" }.joined(separator: ", "))",
                found: "the unknown field \"\(key)\"")
        }
    }

    package func has(_ key: String) -> Bool { object[key] != nil }

    package func value(_ key: String) throws(KernelError) -> JSONValue {
        guard let value = object[key] else {
            throw .malformed(pointer: pointer.appending(key), expected: "the required field \"\(key)\"", found: "nothing")
        }
        return value
    }

    package func string(_ key: String) throws(KernelError) -> String {
        try Fields.string(try value(key), at: pointer.appending(key))
    }

    package func optionalString(_ key: String) throws(KernelError) -> String? {
        has(key) ? try string(key) : nil
    }

    package func identifier(_ key: String) throws(KernelError) -> String {
        try Fields.identifier(try value(key), at: pointer.appending(key))
    }

    package func rational(_ key: String) throws(KernelError) -> Rational {
        try Fields.rational(try value(key), at: pointer.appending(key), context: context)
    }

    package func integer(_ key: String, in range: ClosedRange<Int>, limit: LimitKind? = nil) throws(KernelError) -> Int {
        try Fields.integer(try value(key), at: pointer.appending(key), in: range, limit: limit, context: context)
    }

    /// The reader of integers in `range`, to pass to `located`.
    package func integer(in range: ClosedRange<Int>) -> (String) throws(KernelError) -> Int {
        { key throws(KernelError) in try integer(key, in: range) }
    }

    package func bigInteger(_ key: String) throws(KernelError) -> BigInt {
        try Fields.bigInteger(try value(key), at: pointer.appending(key), context: context)
    }

    package func array(_ key: String, what: String = "an array") throws(KernelError) -> [JSONValue] {
        let value = try value(key)
        guard case .array(let items) = value else {
            throw .malformed(pointer: pointer.appending(key), expected: what, found: Fields.describe(value))
        }
        return items
    }

    /// The array at `key` (`what` describes it), each item read by `read` at its pointer.
    package func array<T>(_ key: String, what: String, _ read: (JSONValue, JSONPointer) throws(KernelError) -> T) throws(KernelError) -> [T]
    {
        try array(key, what: what).enumerated().map { i, item throws(KernelError) in try read(item, pointer.appending(key).appending(i)) }
    }

    package func rationals(_ key: String) throws(KernelError) -> [Rational] {
        try array(key, what: "an array of numbers written as strings") { item, at throws(KernelError) in
            try Fields.rational(item, at: at, context: context)
        }
    }

    package func integers(_ key: String, in range: ClosedRange<Int>) throws(KernelError) -> [Int] {
        try array(key, what: "an array of integers written as strings") { item, at throws(KernelError) in
            try Fields.integer(item, at: at, in: range, limit: nil, context: context)
        }
    }

    package func identifiers(_ key: String) throws(KernelError) -> [String] { try array(key, what: "an array of names", Fields.identifier) }

    /// What `read` reads at `key` (a reader of this object's fields), with the pointer of
    /// `key`, so that a check can name where it is written.
    package func located<T>(_ key: String, _ read: (String) throws(KernelError) -> T) throws(KernelError) -> Located<T> {
        Located(value: try read(key), pointer: pointer.appending(key))
    }

    /// What `read` reads from the required value at `key` (a reader of values at a
    /// pointer, such as an object reference), with the pointer of `key`.
    package func located<T>(_ key: String, _ read: (JSONValue, JSONPointer) throws(KernelError) -> T) throws(KernelError) -> Located<T> {
        Located(value: try read(try value(key), pointer.appending(key)), pointer: pointer.appending(key))
    }

    package func fields(_ key: String, what: String = "an object") throws(KernelError) -> Fields {
        try Fields(try value(key), at: pointer.appending(key), context: context, what: what)
    }

    /// A required word of a closed set (relation, coding, measure, ...): a string that is
    /// one of the words of W. The one reader of closed word sets.
    package func word<W: FormatWord>(_ key: String, _ type: W.Type = W.self) throws(KernelError) -> W {
        let text = try string(key)
        guard let word = W.allCases.first(where: { $0.rawValue == text }) else {
            throw .malformed(
                pointer: pointer.appending(key), expected: "one of \(W.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))",
                found: "\"\(Fields.shorten(text))\"")
        }
        return word
    }

    // MARK: - Values at a pointer

    package static func string(_ value: JSONValue, at pointer: JSONPointer) throws(KernelError) -> String {
        guard case .string(let text) = value else {
            throw .malformed(pointer: pointer, expected: "a string", found: describe(value))
        }
        return text
    }

    /// Names of objects and claims: a letter or underscore, then letters, digits and
    /// `_ . : -`, at most 64 characters.
    package static func identifier(_ value: JSONValue, at pointer: JSONPointer) throws(KernelError) -> String {
        let text = try string(value, at: pointer)
        guard isIdentifier(text) else {
            throw .malformed(
                pointer: pointer, expected: "a name (a letter or _, then letters, digits, _ . : -; at most 64 characters)",
                found: "\"\(shorten(text))\"")
        }
        return text
    }

    package static func isIdentifier(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let first = bytes.first, bytes.count <= 64 else { return false }
        func letter(_ b: UInt8) -> Bool { (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == 95 }
        guard letter(first) else { return false }
        return bytes.allSatisfy { letter($0) || ($0 >= 48 && $0 <= 57) || $0 == 46 || $0 == 58 || $0 == 45 }
    }

    package static func rational(_ value: JSONValue, at pointer: JSONPointer, context: ReadingContext) throws(KernelError) -> Rational {
        let text = try numeral(value, at: pointer)
        do {
            let value = try Rational(parsing: text, digitLimit: context.limits.maximumDigits)
            context.noteNumber(bits: max(value.numerator.bitLength, value.denominator.bitLength))
            return value
        } catch {
            throw numberError(error, text: text, at: pointer, context: context, expected: "a canonical number such as -12 or 3/8")
        }
    }

    package static func bigInteger(_ value: JSONValue, at pointer: JSONPointer, context: ReadingContext) throws(KernelError) -> BigInt {
        let text = try numeral(value, at: pointer)
        do {
            let value = try BigInt(parsing: text, digitLimit: context.limits.maximumDigits)
            context.noteNumber(bits: value.bitLength)
            return value
        } catch {
            throw numberError(error, text: text, at: pointer, context: context, expected: "a canonical integer such as -12")
        }
    }

    package static func integer(
        _ value: JSONValue, at pointer: JSONPointer, in range: ClosedRange<Int>, limit: LimitKind?, context: ReadingContext
    )
        throws(KernelError) -> Int
    {
        let number = try bigInteger(value, at: pointer, context: context)
        guard let n = number.intValue, range.contains(n) else {
            if let limit, number > BigInt(range.upperBound) {
                // Past the field's fixed range: no setting of the flag admits the value.
                let maximum = min(range.upperBound, context.limits.value(of: limit))
                throw .limitExceeded(
                    pointer: pointer, limit: limit, value: shorten(number.description),
                    maximum: .fixed("\(maximum); \(limit.noSettingAdmits(moreThan: min(range.upperBound, limit.largestSetting))) here"))
            }
            throw .malformed(
                pointer: pointer, expected: "an integer from \(range.lowerBound) to \(range.upperBound)", found: shorten(number.description)
            )
        }
        return n
    }

    private static func numeral(_ value: JSONValue, at pointer: JSONPointer) throws(KernelError) -> String {
        switch value {
        case .string(let text): return text
        case .number(let raw):
            throw .malformed(
                pointer: pointer, expected: "a number written as a string, e.g. \"\(shorten(raw))\"",
                found: "the JSON number \(shorten(raw))")
        default:
            throw .malformed(pointer: pointer, expected: "a number written as a string", found: describe(value))
        }
    }

    private static func numberError(
        _ error: NumberSyntaxError, text: String, at pointer: JSONPointer, context: ReadingContext, expected: String
    ) -> KernelError {
        if case .tooManyDigits(let limit) = error.reason {
            return .limitExceeded(pointer: pointer, limit: .digits, value: "more than \(limit)", maximum: .raisable(limit))
        }
        return .malformed(
            pointer: pointer, expected: expected, found: "\"\(shorten(text))\" (\(error.explanation), at character \(error.position))")
    }

    /// A short description of a JSON value for messages.
    package static func describe(_ value: JSONValue) -> String {
        switch value {
        case .object: return "an object"
        case .array(let items): return "an array of \(items.count) items"
        case .string(let text): return "the string \"\(shorten(text))\""
        case .number(let raw): return "the JSON number \(shorten(raw))"
        case .bool(let b): return "the boolean \(b)"
        case .null: return "null"
        }
    }

    /// Text cut to 40 characters for messages.
    package static func shorten(_ text: String) -> String {
        text.count <= 40 ? text : String(text.prefix(37)) + "..."
    }
}
