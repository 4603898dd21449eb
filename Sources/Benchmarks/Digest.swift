import CertificateDigest
import ExactArithmetic
import DyadicConstructions

/// SHA-256 helpers for the kit's result lines.
enum Digest {
    /// Lowercase hex SHA-256 of the UTF-8 bytes of `text`.
    static func sha256Hex(_ text: String) -> String {
        SHA256.hex(of: text)
    }

    /// "sha256 of a rational": the hash of `P/Q` in lowercase hexadecimal.
    static func sha256Hex(_ value: Rational) -> String {
        sha256Hex(value.hexDigestText)
    }
}

/// An incremental SHA-256 over text pieces (for long joined lists).
struct StreamingDigest: ~Copyable {
    private var hasher = SHA256()
    private var buffer: [UInt8] = []

    mutating func append(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    mutating func appendBytes(_ bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    private mutating func flush() {
        hasher.update(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    consuming func finalizeHex() -> String {
        flush()
        return hasher.finalizeHex()
    }
}
