/// Writes a JSON value in DyadCert's one canonical layout.
///
/// The layout, so that equal values give byte-identical files:
/// - two-space indentation; the document ends with exactly one newline;
/// - an object is `{`, one member per line as `"key": value` (members in the
///   object's order, separated by `,`), then `}` on its own line at the object's
///   indentation; the empty object is `{}`;
/// - an array of scalars only (strings, numbers, booleans, nulls) is one line,
///   `["a", "b"]`, and the empty array is `[]`; any other array has one element per
///   line, like an object;
/// - strings escape `"` `\` and the control characters below U+0020 only: `\b \f
///   \n \r \t` by name, the others as `\u00xx` with lowercase hex; everything else,
///   `/` and non-ASCII included, is written as raw UTF-8;
/// - numbers are written as their numeral text (see ``JSONValue/isValidNumber(_:)``).
///
/// ```swift
/// CanonicalJSONWriter.write(["id": "c1", "values": ["1/2", "3/8"]])
/// // {
/// //   "id": "c1",
/// //   "values": ["1/2", "3/8"]
/// // }
/// ```
///
/// For every value whose numbers are valid numerals, parsing the output gives the
/// value back, and writing that again gives the same bytes.
public enum CanonicalJSONWriter {
    /// The canonical text of `value`.
    public static func write(_ value: JSONValue) -> String {
        String(decoding: writeUTF8(value), as: UTF8.self)
    }

    /// The canonical text of `value`, as UTF-8 bytes.
    public static func writeUTF8(_ value: JSONValue) -> [UInt8] {
        var output: [UInt8] = []
        append(value, indentation: 0, to: &output)
        output.append(_ASCII.lineFeed)
        return output
    }

    private static func append(_ value: JSONValue, indentation: Int, to output: inout [UInt8]) {
        switch value {
        case .object(let object):
            if object.isEmpty {
                output.append(contentsOf: "{}".utf8)
                return
            }
            output.append(_ASCII.openBrace)
            var first = true
            for (key, member) in object {
                if !first {
                    output.append(_ASCII.comma)
                }
                first = false
                output.append(_ASCII.lineFeed)
                appendIndentation(indentation + 1, to: &output)
                appendString(key, to: &output)
                output.append(_ASCII.colon)
                output.append(_ASCII.space)
                append(member, indentation: indentation + 1, to: &output)
            }
            output.append(_ASCII.lineFeed)
            appendIndentation(indentation, to: &output)
            output.append(_ASCII.closeBrace)
        case .array(let elements):
            if elements.allSatisfy(\.isScalar) {
                output.append(_ASCII.openBracket)
                for (index, element) in elements.enumerated() {
                    if index > 0 {
                        output.append(_ASCII.comma)
                        output.append(_ASCII.space)
                    }
                    append(element, indentation: indentation, to: &output)
                }
                output.append(_ASCII.closeBracket)
                return
            }
            output.append(_ASCII.openBracket)
            for (index, element) in elements.enumerated() {
                if index > 0 {
                    output.append(_ASCII.comma)
                }
                output.append(_ASCII.lineFeed)
                appendIndentation(indentation + 1, to: &output)
                append(element, indentation: indentation + 1, to: &output)
            }
            output.append(_ASCII.lineFeed)
            appendIndentation(indentation, to: &output)
            output.append(_ASCII.closeBracket)
        case .string(let text):
            appendString(text, to: &output)
        case .number(let numeral):
            output.append(contentsOf: numeral.utf8)
        case .bool(let flag):
            output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .null:
            output.append(contentsOf: "null".utf8)
        }
    }

    private static func appendIndentation(_ level: Int, to output: inout [UInt8]) {
        for _ in 0..<(2 * level) {
            output.append(_ASCII.space)
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    private static func appendString(_ text: String, to output: inout [UInt8]) {
        output.append(_ASCII.quote)
        for byte in text.utf8 {
            switch byte {
            case _ASCII.quote, _ASCII.backslash:
                output.append(_ASCII.backslash)
                output.append(byte)
            case 0x08:
                output.append(_ASCII.backslash)
                output.append(_ASCII.lowerB)
            case 0x0C:
                output.append(_ASCII.backslash)
                output.append(_ASCII.lowerF)
            case 0x0A:
                output.append(_ASCII.backslash)
                output.append(_ASCII.lowerN)
            case 0x0D:
                output.append(_ASCII.backslash)
                output.append(_ASCII.lowerR)
            case 0x09:
                output.append(_ASCII.backslash)
                output.append(_ASCII.lowerT)
            case 0x00..<0x20:
                output.append(contentsOf: #"\u00"#.utf8)
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0x0F)])
            default:
                output.append(byte)
            }
        }
        output.append(_ASCII.quote)
    }
}
