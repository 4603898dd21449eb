/// An object key, compared and hashed code point by code point (its UTF-8 bytes), as RFC
/// 8259 sec. 8.3 suggests, not up to Unicode canonical equivalence as Swift strings are:
/// hashing a String normalises it, which takes time quadratic in a run of combining marks
/// (a 320 KB key of alternating marks took 53 s to check for duplicates). Every key of the
/// format is ASCII, where the two comparisons agree.
package struct JSONKey: Hashable, Sendable {
    package let text: String

    package init(_ text: String) { self.text = text }

    package static func == (a: JSONKey, b: JSONKey) -> Bool { a.text.utf8.elementsEqual(b.text.utf8) }

    package func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
