import DyadicFunctions
import ExactArithmetic
import Testing
@testable import CertificateGenerator

/// The numbers the generator states, against brute force computed here from the
/// closed form of MATH.md sec. 6 (so a wrong generator is caught even if the kernel
/// were wrong the same way).
@Suite("Generated values against brute force")
struct GeneratedValuesTests {
    /// f_{m,sigma} on the cells of level J by the closed form, as a bit pattern
    /// (bit c set when the value is -1), with sigma given by its node bits.
    static func output(m: Int, J: Int, tree: Int) -> Int {
        var pattern = 0
        for c in 0..<(1 << J) {
            var negative = m.nonzeroBitCount % 2 == 1 // (-1)^|m|
            for n in 0..<J where m >> n & 1 == 1 {
                if c >> (J - 1 - n) & 1 == 1 { negative.toggle() } // w_m(x): digit n of x
                let node = (1 << n) - 1 + (c >> (J - n)) // sigma(n, anc_n(x))
                if tree >> node & 1 == 1 { negative.toggle() }
            }
            if negative { pattern |= 1 << c }
        }
        return pattern
    }

    @Test("joint and separate bits for every readout set at J <= 3")
    func bitsByEnumeration() throws {
        for J in 1...3 {
            let trees = 1 << ((1 << J) - 1)
            for mask in 1..<(1 << ((1 << J) - 1)) {
                let readouts = (1..<(1 << J)).filter { mask >> ($0 - 1) & 1 == 1 }
                var tuples = Set<[Int]>()
                var single = [Set<Int>](repeating: [], count: readouts.count)
                for tree in 0..<trees {
                    let tuple = readouts.map { Self.output(m: $0, J: J, tree: tree) }
                    tuples.insert(tuple)
                    for d in 0..<readouts.count { single[d].insert(tuple[d]) }
                }
                let text = try SeparationScenario(levels: J, readouts: readouts, seed: 5).certificate().text
                let joint = BigInt(tuples.count).ceilLog2
                let separate = single.reduce(0) { $0 + BigInt($1.count).ceilLog2 }
                #expect(text.contains("\"log2-size\": \"\(joint)\""), "J=\(J) readouts=\(readouts): joint \(joint)")
                #expect(text.contains("\"total\": \"\(separate)\""), "J=\(J) readouts=\(readouts): separate \(separate)")
            }
        }
    }
}
