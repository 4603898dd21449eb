import CertificateKernel

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
/// - numbers are written as their numeral text (the parser accepts only numerals of
///   the JSON grammar).
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
    /// The bytes the layout writes.
    private enum Byte {
        static let lineFeed: UInt8 = 0x0A
        static let space: UInt8 = 0x20
        static let quote: UInt8 = 0x22
        static let comma: UInt8 = 0x2C
        static let colon: UInt8 = 0x3A
        static let openBracket: UInt8 = 0x5B
        static let backslash: UInt8 = 0x5C
        static let closeBracket: UInt8 = 0x5D
        static let lowerB: UInt8 = 0x62
        static let lowerF: UInt8 = 0x66
        static let lowerN: UInt8 = 0x6E
        static let lowerR: UInt8 = 0x72
        static let lowerT: UInt8 = 0x74
        static let openBrace: UInt8 = 0x7B
        static let closeBrace: UInt8 = 0x7D
    }

    /// The canonical text of `value`.
    public static func write(_ value: JSONValue) -> String {
        String(decoding: writeUTF8(value), as: UTF8.self)
    }

    /// The canonical text of `value`, as UTF-8 bytes.
    public static func writeUTF8(_ value: JSONValue) -> [UInt8] {
        var output: [UInt8] = []
        append(value, indentation: 0, to: &output)
        output.append(Byte.lineFeed)
        return output
    }

    private static func append(_ value: JSONValue, indentation: Int, to output: inout [UInt8]) {
        switch value {
        case .object(let object):
            if object.isEmpty {
                output.append(contentsOf: "{}".utf8)
                return
            }
            output.append(Byte.openBrace)
            var first = true
            for (key, member) in object {
                if !first {
                    output.append(Byte.comma)
                }
                first = false
                output.append(Byte.lineFeed)
                appendIndentation(indentation + 1, to: &output)
                appendString(key, to: &output)
                output.append(Byte.colon)
                output.append(Byte.space)
                append(member, indentation: indentation + 1, to: &output)
            }
            output.append(Byte.lineFeed)
            appendIndentation(indentation, to: &output)
            output.append(Byte.closeBrace)
        case .array(let elements):
            if elements.allSatisfy(\.isScalar) {
                output.append(Byte.openBracket)
                for (index, element) in elements.enumerated() {
                    if index > 0 {
                        output.append(Byte.comma)
                        output.append(Byte.space)
                    }
                    append(element, indentation: indentation, to: &output)
                }
                output.append(Byte.closeBracket)
                return
            }
            output.append(Byte.openBracket)
            for (index, element) in elements.enumerated() {
                if index > 0 {
                    output.append(Byte.comma)
                }
                output.append(Byte.lineFeed)
                appendIndentation(indentation + 1, to: &output)
                append(element, indentation: indentation + 1, to: &output)
            }
            output.append(Byte.lineFeed)
            appendIndentation(indentation, to: &output)
            output.append(Byte.closeBracket)
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
            output.append(Byte.space)
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    private static func appendString(_ text: String, to output: inout [UInt8]) {
        output.append(Byte.quote)
        for byte in text.utf8 {
            switch byte {
            case Byte.quote, Byte.backslash:
                output.append(Byte.backslash)
                output.append(byte)
            case 0x08:
                output.append(Byte.backslash)
                output.append(Byte.lowerB)
            case 0x0C:
                output.append(Byte.backslash)
                output.append(Byte.lowerF)
            case 0x0A:
                output.append(Byte.backslash)
                output.append(Byte.lowerN)
            case 0x0D:
                output.append(Byte.backslash)
                output.append(Byte.lowerR)
            case 0x09:
                output.append(Byte.backslash)
                output.append(Byte.lowerT)
            case 0x00..<0x20:
                output.append(contentsOf: #"\u00"#.utf8)
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0x0F)])
            default:
                output.append(byte)
            }
        }
        output.append(Byte.quote)
    }
}
