import Testing
import ExactArithmetic
@testable import DyadicFunctions
import TestSupport

/// HexBitString (the certificate packing of bit strings) and SignTree (node numbering,
/// hex form, enumeration and the seeded draw).
@Suite struct FoundationBitStringTests {
    /// The packing recomputed from its definition: digit t spells b_{4t} .. b_{4t+3}.
    static func referenceHex(_ bits: [Bool]) -> String {
        var out = ""
        for t in stride(from: 0, to: bits.count, by: 4) {
            var value = 0
            for i in t..<(t + 4) { value = 2 * value + (i < bits.count && bits[i] ? 1 : 0) }
            out += String(value, radix: 16)
        }
        return out
    }

    static func referenceWords(_ bits: [Bool]) -> [UInt64] {
        var words = [UInt64](repeating: 0, count: (bits.count + 63) / 64)
        for i in bits.indices where bits[i] { words[i / 64] |= UInt64(1) << UInt64(i % 64) }
        return words
    }

    static func decodeError(_ text: String, _ count: Int) -> DyadicFunctionError? {
        FDN.error { () throws(DyadicFunctionError) in try HexBitString.decode(text, count: count) }
    }

    static func isMalformed(_ e: DyadicFunctionError?) -> Bool {
        if case .malformedBitString? = e { return true }
        return false
    }

    // MARK: HexBitString

    @Test func roundTripForEveryLengthUpTo70() throws {
        var rng = SplitMix64(seed: 0xF3_01)
        for n in 0...70 {
            for round in 0..<8 {
                let bits: [Bool] = (0..<n).map { _ in round == 0 ? true : round == 1 ? false : FDN.chance(&rng, 50) }
                let text = HexBitString.encode(count: n) { bits[$0] }
                #expect(text == Self.referenceHex(bits), "n=\(n)")
                #expect(text.count == (n + 3) / 4)
                let words = try HexBitString.decode(text, count: n)
                #expect(words == Self.referenceWords(bits), "n=\(n) \(text)")
                // Decoding a substring works too.
                let padded = "x" + text + "y"
                let inner = padded.dropFirst().dropLast()
                #expect(try HexBitString.decode(inner, count: n) == words)
            }
        }
    }

    @Test func documentedExample() throws {
        let bits = [true, false, true, true, false, true]
        #expect(HexBitString.encode(count: 6) { bits[$0] } == "b4")
        // bit i is bit i of the word: bits 0, 2, 3, 5.
        #expect(try HexBitString.decode("b4", count: 6) == [UInt64(1 << 0 | 1 << 2 | 1 << 3 | 1 << 5)])
        #expect(HexBitString.encode(count: 0) { _ in true } == "")
        #expect(try HexBitString.decode("", count: 0) == [])
        #expect(try HexBitString.decode("8", count: 1) == [1])
        #expect(try HexBitString.decode("1", count: 4) == [8])
    }

    @Test func decodeRejectsMalformedText() {
        // Wrong length.
        #expect(Self.isMalformed(Self.decodeError("b", 6)))
        #expect(Self.isMalformed(Self.decodeError("b40", 6)))
        #expect(Self.isMalformed(Self.decodeError("", 1)))
        #expect(Self.isMalformed(Self.decodeError("0", 0)))
        #expect(Self.isMalformed(Self.decodeError("00000000000000000", 64)))
        // Uppercase and non-hex characters.
        #expect(Self.isMalformed(Self.decodeError("B4", 6)))
        #expect(Self.isMalformed(Self.decodeError("bF", 8)))
        #expect(Self.isMalformed(Self.decodeError("g4", 6)))
        #expect(Self.isMalformed(Self.decodeError(" 4", 6)))
        #expect(Self.isMalformed(Self.decodeError("-4", 6)))
        #expect(Self.isMalformed(Self.decodeError("0x", 8)))
        #expect(Self.isMalformed(Self.decodeError("é", 8))) // two UTF-8 bytes, two digits expected
        #expect(Self.isMalformed(Self.decodeError("é", 4)))
        #expect(Self.isMalformed(Self.decodeError("٣", 8))) // an Arabic-Indic digit
        // Non-zero padding bits: n = 6 leaves two padding bits in the last digit.
        #expect(Self.isMalformed(Self.decodeError("b5", 6))) // 0101: bit 7 set
        #expect(Self.isMalformed(Self.decodeError("b6", 6))) // 0110: bit 6 set
        #expect(Self.decodeError("b4", 6) == nil)
        #expect(Self.decodeError("bc", 6) == nil) // 1100: bits 4, 5 are real bits
        for n in [1, 2, 3, 5, 7, 65, 66, 67] {
            let digits = (n + 3) / 4
            let padding = digits * 4 - n
            // The lowest padding bit of the last digit.
            let text = String(repeating: "0", count: digits - 1) + String(1, radix: 16)
            #expect(Self.isMalformed(Self.decodeError(text, n)) == (padding > 0), "n=\(n)")
        }
        // Negative length.
        #expect(Self.isMalformed(Self.decodeError("", -1)))
        #expect(Self.isMalformed(Self.decodeError("0", -4)))
    }

    // MARK: SignTree

    /// A sign tree by the documented numbering: node (j,k) = 2^j - 1 + k, hex bit 1 = -1.
    static func referenceTreeHex(levels J: Int, sign: (Int, Int) -> Int) -> String {
        var bits: [Bool] = []
        for j in 0..<J { for k in 0..<(1 << j) { bits.append(sign(j, k) == -1) } }
        return referenceHex(bits)
    }

    @Test func signTreeHexRoundTripAndNumbering() throws {
        var rng = SplitMix64(seed: 0xF3_02)
        for J in 1...9 {
            for _ in 0..<4 {
                var signs: [[Int]] = []
                for j in 0..<J { signs.append((0..<(1 << j)).map { _ in FDN.chance(&rng, 50) ? -1 : 1 }) }
                let tree = try SignTree(levels: J) { signs[$0][$1] }
                #expect(tree.levels == J && tree.nodeCount == (1 << J) - 1)
                let text = Self.referenceTreeHex(levels: J) { signs[$0][$1] }
                #expect(tree.hex == text)
                let decoded = try SignTree(levels: J, hex: text)
                #expect(decoded == tree)
                for j in 0..<J {
                    for k in 0..<(1 << j) {
                        #expect(decoded.sign(level: j, index: k) == signs[j][k])
                        #expect(tree.isNegative(node: (1 << j) - 1 + k) == (signs[j][k] == -1))
                    }
                }
            }
        }
    }

    @Test func signTreeDocumentedExamples() throws {
        let one = try SignTree(levels: 1, hex: "8")
        #expect(one.sign(level: 0, index: 0) == -1)
        let two = try SignTree(levels: 2, hex: "4")
        #expect([two.sign(level: 0, index: 0), two.sign(level: 1, index: 0), two.sign(level: 1, index: 1)] == [1, -1, 1])
        // J = 3: 7 nodes in two digits, "d2" = 1101 001(0): nodes 0,1,3,6 negative.
        let three = try SignTree(levels: 3, hex: "d2")
        let expected = [-1, -1, 1, -1, 1, 1, -1]
        for i in 0..<7 { #expect((three.isNegative(node: i) ? -1 : 1) == expected[i]) }
        #expect(three.sign(level: 2, index: 3) == -1 && three.sign(level: 1, index: 1) == 1)
        #expect(FDN.error { () throws(DyadicFunctionError) in try SignTree(levels: 3, hex: "d3") } != nil) // padding bit
    }

    @Test func signTreeConstructionErrors() {
        func err(_ body: () throws(DyadicFunctionError) -> SignTree) -> DyadicFunctionError? { FDN.error(body) }
        #expect(
            err { () throws(DyadicFunctionError) in try SignTree(levels: 0) { _, _ in 1 } } == .levelOutOfRange(level: 0, range: 1...30))
        #expect(
            err { () throws(DyadicFunctionError) in try SignTree(levels: 31) { _, _ in 1 } } == .levelOutOfRange(level: 31, range: 1...30))
        #expect(
            err { () throws(DyadicFunctionError) in try SignTree(levels: 3) { j, k in j == 2 && k == 1 ? 0 : 1 } }
                == .notSignValued(index: 4, value: 0))
        #expect(
            err { () throws(DyadicFunctionError) in try SignTree(levels: 2) { j, _ in j == 1 ? 2 : -1 } }
                == .notSignValued(index: 1, value: 2))
        #expect(err { () throws(DyadicFunctionError) in try SignTree(levels: 0, hex: "") } == .levelOutOfRange(level: 0, range: 1...30))
        #expect(Self.isMalformed(err { () throws(DyadicFunctionError) in try SignTree(levels: 2, hex: "40") }))
        #expect(Self.isMalformed(err { () throws(DyadicFunctionError) in try SignTree(levels: 2, hex: "A") }))
        #expect(err { () throws(DyadicFunctionError) in try SignTree(levels: 7, number: 0) } == .levelOutOfRange(level: 7, range: 1...6))
        #expect(err { () throws(DyadicFunctionError) in try SignTree(levels: 0, number: 0) } == .levelOutOfRange(level: 0, range: 1...6))
        #expect(
            err { () throws(DyadicFunctionError) in try SignTree(levels: 2, number: 8) }
                == .indexOutOfRange(what: "sign tree number", index: 8, range: 0..<8))
        #expect(
            err { () throws(DyadicFunctionError) in try SignTree(levels: 2, number: -1) }
                == .indexOutOfRange(what: "sign tree number", index: -1, range: 0..<8))
        #expect(err { () throws(DyadicFunctionError) in try SignTree(levels: 6, number: Int.max) } == nil)
        #expect(
            err { () throws(DyadicFunctionError) in try SignTree.random(levels: 0, seed: 1) } == .levelOutOfRange(level: 0, range: 1...30))
    }

    @Test func numberedTreesAreAllDistinctAndFollowTheNumbering() throws {
        for J in 1...4 {
            let count = 1 << ((1 << J) - 1)
            var seen = Set<SignTree>()
            var hexes = Set<String>()
            for number in 0..<count {
                let tree = try SignTree(levels: J, number: number)
                for j in 0..<J {
                    for k in 0..<(1 << j) {
                        let node = (1 << j) - 1 + k
                        #expect(tree.sign(level: j, index: k) == ((number >> node) & 1 == 1 ? -1 : 1))
                    }
                }
                // Equal to the same tree built sign by sign.
                if number % 97 == 0 || J < 4 {
                    #expect(try SignTree(levels: J) { j, k in (number >> ((1 << j) - 1 + k)) & 1 == 1 ? -1 : 1 } == tree)
                }
                seen.insert(tree)
                hexes.insert(tree.hex)
            }
            #expect(seen.count == count && hexes.count == count)
        }
        let six = try SignTree(levels: 6, number: (1 << 62) | 1)
        #expect(six.sign(level: 0, index: 0) == -1 && six.sign(level: 5, index: 31) == -1 && six.sign(level: 5, index: 30) == 1)
    }

    @Test func randomTreesDrawInJMajorOrderWithTheTopBit() throws {
        for J in 1...10 {
            for seed: UInt64 in [0, 1, 42, 0xDEAD_BEEF, UInt64.max] {
                let tree = try SignTree.random(levels: J, seed: seed)
                var generator = SplitMix64(seed: seed)
                for j in 0..<J {
                    for k in 0..<(1 << j) {
                        let x = generator.next()
                        #expect(tree.sign(level: j, index: k) == (x >> 63 == 0 ? 1 : -1), "J=\(J) seed=\(seed) (\(j),\(k))")
                    }
                }
                // random(levels:using:) consumes exactly one draw per node.
                var a = SplitMix64(seed: seed), b = SplitMix64(seed: seed)
                let viaGenerator = try SignTree.random(levels: J, using: &a)
                #expect(viaGenerator == tree)
                for _ in 0..<((1 << J) - 1) { _ = b.next() }
                #expect(a.next() == b.next())
            }
        }
        // The generator is splitmix64: the reference first output for state 0.
        var g = SplitMix64(seed: 0)
        #expect(g.next() == 0xE220_A839_7B1D_CDAF)
    }
}
