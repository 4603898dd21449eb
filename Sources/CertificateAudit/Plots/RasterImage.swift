import Algorithms
import Foundation

/// A two-colour raster as an inline PNG (a `data:` URI: nothing is fetched at view time).
///
/// Used for ±1 functions with too many cells to draw as steps: every cell is one pixel,
/// so the picture is the whole function, exactly. The PNG is written by hand (palette
/// image, stored deflate blocks, CRC-32 and Adler-32), so no image library is needed.
enum RasterImage {
    /// `pixels[row][column]` is true for the first colour. Colours are (r, g, b).
    static func png(_ pixels: [[Bool]], on: (UInt8, UInt8, UInt8), off: (UInt8, UInt8, UInt8)) -> [UInt8] {
        let height = pixels.count, width = pixels.first?.count ?? 0
        var raw: [UInt8] = []
        raw.reserveCapacity(height * (width + 1))
        for row in pixels {
            raw.append(0) // filter: none
            for p in row { raw.append(p ? 1 : 0) }
        }
        var out: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        chunk("IHDR", bigEndian(UInt32(width)) + bigEndian(UInt32(height)) + [8, 3, 0, 0, 0], into: &out)
        chunk("PLTE", [off.0, off.1, off.2, on.0, on.1, on.2], into: &out)
        chunk("IDAT", zlibStored(raw), into: &out)
        chunk("IEND", [], into: &out)
        return out
    }

    static func dataURI(_ png: [UInt8]) -> String {
        "data:image/png;base64," + Data(png).base64EncodedString()
    }

    static func chunk(_ type: String, _ data: [UInt8], into out: inout [UInt8]) {
        let typeBytes = Array(type.utf8)
        out += bigEndian(UInt32(data.count)) + typeBytes + data
        out += bigEndian(crc32(typeBytes + data))
    }

    /// A zlib stream of stored (uncompressed) deflate blocks of at most 65,535 bytes.
    static func zlibStored(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]
        // No data is one empty final block.
        let blocks = data.isEmpty ? [data[...]] : Array(data.chunks(ofCount: 65_535))
        for block in blocks {
            let length = UInt16(block.count)
            out.append(block.endIndex == data.endIndex ? 1 : 0)
            out += [UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8(~length >> 8)]
            out += block
        }
        return out + bigEndian(adler32(data))
    }

    static func bigEndian(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)] }

    static let crcTable: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in bytes { c = crcTable[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }

    static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        for x in bytes {
            a = (a + UInt32(x)) % 65_521
            b = (b + a) % 65_521
        }
        return (b << 16) | a
    }
}
