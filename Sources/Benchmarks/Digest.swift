import Crypto
import ExactArithmetic

/// SHA-256 helpers for the kit's result lines (swift-crypto).
enum Digest {
    /// Lowercase hex SHA-256 of the UTF-8 bytes of `text`.
    static func sha256Hex(_ text: String) -> String {
        hex(SHA256.hash(data: Array(text.utf8)))
    }

    /// "sha256 of a rational": the hash of `P/Q` in lowercase hexadecimal.
    static func sha256Hex(_ value: Rational) -> String {
        sha256Hex(value.hexDigestText)
    }

    static func hex(_ digest: SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// An incremental SHA-256 over text pieces (for long joined lists).
struct StreamingDigest {
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
        hasher.update(data: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    mutating func finalizeHex() -> String {
        flush()
        return Digest.hex(hasher.finalize())
    }
}
