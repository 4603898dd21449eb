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

    /// A pointer with these unescaped reference tokens, outermost first (by default
    /// none: the pointer to the whole document).
    public init(tokens: [String] = []) {
        self.tokens = tokens
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
