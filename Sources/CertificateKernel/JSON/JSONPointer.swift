/// A location inside a JSON document (RFC 6901), such as `/claims/3/id`.
///
/// A pointer is a list of reference tokens: object keys, and array indices written
/// in decimal. Its text puts `/` before each token and escapes `~` as `~0` and `/`
/// as `~1`; the root (the whole document) is the empty string. Messages use
/// ``display``, which shows the root as `/`.
///
/// ```swift
/// let pointer = JSONPointer.root.appending("claims").appending(3).appending("a/b")
/// pointer.description  // "/claims/3/a~1b"
/// JSONPointer.root.display  // "/"
/// ```
public struct JSONPointer: Hashable, Sendable, CustomStringConvertible {
    /// The reference tokens, outermost first, unescaped.
    public private(set) var tokens: [String]

    /// The pointer to the whole document.
    public static let root = JSONPointer()

    /// The pointer to the whole document.
    public init() {
        tokens = []
    }

    /// A pointer with these unescaped reference tokens, outermost first.
    public init(tokens: [String]) {
        self.tokens = tokens
    }

    /// Parses the RFC 6901 text of a pointer: empty for the root, otherwise `/`
    /// before each token, with `~0` for `~` and `~1` for `/`. Returns nil for text
    /// that does not start with `/` or has `~` not followed by `0` or `1`.
    public init?(_ text: String) {
        if text.isEmpty {
            self.init()
            return
        }
        let utf8 = Array(text.utf8)
        guard utf8.first == UInt8(ascii: "/") else { return nil }
        var tokens: [String] = []
        var current: [UInt8] = []
        var index = 1
        while index <= utf8.count {
            if index == utf8.count || utf8[index] == UInt8(ascii: "/") {
                tokens.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
                index += 1
                continue
            }
            let byte = utf8[index]
            if byte == UInt8(ascii: "~") {
                guard index + 1 < utf8.count else { return nil }
                switch utf8[index + 1] {
                case UInt8(ascii: "0"): current.append(UInt8(ascii: "~"))
                case UInt8(ascii: "1"): current.append(UInt8(ascii: "/"))
                default: return nil
                }
                index += 2
            } else {
                current.append(byte)
                index += 1
            }
        }
        self.init(tokens: tokens)
    }

    /// Whether this is the pointer to the whole document.
    public var isRoot: Bool { tokens.isEmpty }

    /// The pointer to the member named `key` of the object this pointer designates.
    public func appending(_ key: String) -> JSONPointer {
        var result = self
        result.tokens.append(key)
        return result
    }

    /// The pointer to element `index` of the array this pointer designates.
    public func appending(_ index: Int) -> JSONPointer {
        appending(String(index))
    }

    /// The RFC 6901 text: `""` for the root, otherwise `/token/token...` with `~`
    /// written `~0` and `/` written `~1`.
    public var description: String {
        var text = ""
        for token in tokens {
            text += "/"
            for character in token.unicodeScalars {
                switch character {
                case "~": text += "~0"
                case "/": text += "~1"
                default: text.unicodeScalars.append(character)
                }
            }
        }
        return text
    }

    /// The text for messages: like ``description``, but the root is shown as `/`.
    public var display: String {
        isRoot ? "/" : description
    }
}
