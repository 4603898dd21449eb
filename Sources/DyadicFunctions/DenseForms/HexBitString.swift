/// The lowercase-hex packing of bit strings used in certificates.
///
/// A bit string b_0 b_1 ... b_{n-1} is written as ceil(n/4) lowercase hex digits such
/// that the digits, read in binary left to right, spell the bit string: digit t holds
/// b_{4t} (its most significant bit) to b_{4t+3}. Padding bits after b_{n-1} must be
/// zero. The length n is always given separately, so the packing is unambiguous and
/// every bit string has exactly one encoding.
///
/// Example: n = 6, bits 1 0 1 1 0 1 → binary 1011 01(00) → "b4".
///
/// The kernel only decodes; `encode(count:bit:)` is in DyadicConstructions.
public enum HexBitString {
    /// Decodes exactly `count` bits into words (bit i of the string is bit i % 64 of
    /// word i / 64), or throws with the reason.
    public static func decode(_ text: some StringProtocol, count: Int) throws(DyadicFunctionError) -> [UInt64] {
        guard count >= 0 else { throw .malformedBitString("negative length \(count)") }
        let expectedDigits = (count + 3) / 4
        let bytes = text.utf8
        guard bytes.count == expectedDigits else {
            throw .malformedBitString("\(count) bits need exactly \(expectedDigits) hex digits, found \(bytes.count) characters")
        }
        var words = [UInt64](repeating: 0, count: (count + 63) / 64)
        var position = 0
        for byte in bytes {
            let nibble: Int
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = Int(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = Int(byte - UInt8(ascii: "a")) + 10
            default:
                throw .malformedBitString("character \(position / 4 + 1) is not a lowercase hex digit")
            }
            for offset in 0..<4 where nibble & (8 >> offset) != 0 {
                let i = position + offset
                guard i < count else { throw .malformedBitString("padding bits after bit \(count) must be zero") }
                words[i >> 6] |= 1 << UInt64(i & 63)
            }
            position += 4
        }
        return words
    }
}
