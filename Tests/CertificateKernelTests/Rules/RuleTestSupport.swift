// Test support for the soundness tests of the kernel's rules (MATH.md sec. 10).
//
// Certificates are assembled as JSON text and checked through the public entry point
// `Verifier(extensions: [.matrices]).verify(bytes:path:)`. Expected values never come from the kernel: they are
// worked by hand from MATH.md or computed here by brute force with plain Int arithmetic.
import Testing
@testable import CertificateKernel
import TestSupport
import MatrixKernel

// MARK: - Certificate text

/// A certificate assembled from raw JSON snippets: named objects in definition order and
/// claims in file order.
struct RuleCertificate {
    var objects: [(name: String, json: String)] = []
    var claims: [String] = []

    /// The same certificate with one more object.
    func object(_ name: String, _ json: String) -> RuleCertificate {
        var copy = self
        copy.objects.append((name, json))
        return copy
    }

    /// The same certificate with one more claim.
    func claim(_ id: String, _ rule: String, uses: [String]? = nil, inputs: String, statement: String) -> RuleCertificate {
        var copy = self
        var members = ["\"id\":\(RT.s(id))", "\"rule\":\(RT.s(rule))"]
        if let uses { members.append("\"uses\":\(RT.a(uses))") }
        members.append("\"inputs\":\(inputs)")
        members.append("\"statement\":\(statement)")
        copy.claims.append("{" + members.joined(separator: ",") + "}")
        return copy
    }

    /// The certificate's JSON text.
    var text: String {
        let table = objects.map { "\(RT.s($0.name)):\($0.json)" }.joined(separator: ",\n  ")
        return "{\"format\":\"dyadcert/1\",\n\"objects\":{\n  \(table)},\n\"claims\":[\n  \(claims.joined(separator: ",\n  "))]}\n"
    }

    /// The kernel's verdict on this certificate.
    func verify(jobs: Int = 1) -> FileVerdict {
        RT.verify(text, jobs: jobs)
    }
}

// MARK: - JSON helpers and object snippets

/// Helpers of the rule tests (a namespace, to stay clear of other test files).
enum RT {
    static func verify(_ text: String, jobs: Int = 1) -> FileVerdict {
        Verifier(jobs: jobs, extensions: [.matrices]).verify(bytes: Array(text.utf8), path: "test")
    }

    /// A JSON string literal (test names and numbers never need escapes).
    static func s(_ text: String) -> String { "\"" + text + "\"" }

    /// A JSON array of strings.
    static func a(_ items: [String]) -> String { "[" + items.map(s).joined(separator: ",") + "]" }

    /// A JSON array of integers written as strings.
    static func ints(_ items: [Int]) -> String { a(items.map(String.init)) }

    /// A JSON object from already-encoded member values, in order.
    static func o(_ members: [(String, String)]) -> String {
        "{" + members.map { "\(s($0.0)):\($0.1)" }.joined(separator: ",") + "}"
    }

    static func step(_ breakpoints: [String], _ values: [String]) -> String {
        o([("kind", s("step-function")), ("breakpoints", a(breakpoints)), ("values", a(values))])
    }

    static func constant(_ c: String) -> String { step(["0", "1"], [c]) }

    static func cells(level: Int, _ values: [String]) -> String {
        o([("kind", s("cell-function")), ("level", s(String(level))), ("values", a(values))])
    }

    static func signFunction(level: Int, hex: String) -> String {
        o([("kind", s("sign-function")), ("level", s(String(level))), ("bits", s(hex))])
    }

    /// The +-1 function with value -1 exactly on the listed cells of level `level`.
    static func signFunction(level: Int, negativeCells: Set<Int>) -> String {
        signFunction(level: level, hex: hex(count: 1 << level) { negativeCells.contains($0) })
    }

    static func haarFunction(level: Int, index: Int) -> String {
        o([("kind", s("haar-function")), ("level", s(String(level))), ("index", s(String(index)))])
    }

    static func walshFunction(_ m: Int) -> String {
        o([("kind", s("walsh-function")), ("index", s(String(m)))])
    }

    static func signTree(levels: Int, hex: String) -> String {
        o([("kind", s("sign-tree")), ("levels", s(String(levels))), ("bits", s(hex))])
    }

    /// The sign tree numbered `number`: node i (level-major, node (j, k) = 2^j - 1 + k)
    /// has sign -1 exactly when bit i of `number` is set.
    static func signTree(levels: Int, number: Int) -> String {
        signTree(levels: levels, hex: treeHex(levels: levels, number: number))
    }

    static func treeHex(levels: Int, number: Int) -> String {
        hex(count: (1 << levels) - 1) { number >> $0 & 1 == 1 }
    }

    static func readoutClass(levels: Int, _ readouts: [Int]) -> String {
        o([("kind", s("readout-class")), ("levels", s(String(levels))), ("readouts", ints(readouts))])
    }

    static func haarClass(levels: Int, amplitudes: [String]? = nil) -> String {
        o([("kind", s("haar-class")), ("levels", s(String(levels))), ("amplitudes", amplitudes.map(a) ?? s("balanced"))])
    }

    /// A finite class of single functions (names) or tuples (arrays of names).
    static func finiteClass(_ elements: [String]) -> String {
        o([("kind", s("finite-class")), ("elements", a(elements))])
    }

    static func finiteTupleClass(_ elements: [[String]]) -> String {
        o([("kind", s("finite-class")), ("elements", "[" + elements.map(a).joined(separator: ",") + "]")])
    }

    static func taskOutputs(signs: String, _ readouts: [Int]) -> String {
        o([("kind", s("task-outputs")), ("signs", s(signs)), ("readouts", ints(readouts))])
    }

    /// The certificates' bit-string packing (MATH.md / PRODUCT.md "lowercase hex with an
    /// explicit length"): digit t holds bits 4t (most significant) .. 4t+3; zero padding.
    static func hex(count: Int, _ bit: (Int) -> Bool) -> String {
        let digits = Array("0123456789abcdef")
        var out = ""
        var i = 0
        while i < count {
            var nibble = 0
            for offset in 0..<4 where i + offset < count && bit(i + offset) { nibble |= 8 >> offset }
            out.append(digits[nibble])
            i += 4
        }
        return out
    }

    // MARK: Network snippets

    /// One unit of an explicit network; codes are optional.
    static func unit(
        _ activation: String, inputs: [Int], weights: [String], bias: String,
        weightCodes: [String]? = nil, biasCode: String? = nil
    ) -> String {
        var members: [(String, String)] = [
            ("activation", s(activation)), ("inputs", ints(inputs)), ("weights", a(weights)), ("bias", s(bias)),
        ]
        if let weightCodes { members.append(("weight-codes", a(weightCodes))) }
        if let biasCode { members.append(("bias-code", s(biasCode))) }
        return o(members)
    }

    static func layer(_ units: [String], weightCode: String? = nil, biasCode: String? = nil) -> String {
        var members: [(String, String)] = [("units", "[" + units.joined(separator: ",") + "]")]
        if let weightCode { members.append(("weight-code", s(weightCode))) }
        if let biasCode { members.append(("bias-code", s(biasCode))) }
        return o(members)
    }

    static func network(_ layers: [String]) -> String {
        o([("kind", s("heaviside-network")), ("layers", "[" + layers.joined(separator: ",") + "]")])
    }

    // MARK: - Verdict expectations

    /// The failure of claim `index`, if it failed.
    static func failure(_ v: FileVerdict, _ index: Int) -> ClaimFailure? {
        guard index < v.claims.count, case .failed(let f) = v.claims[index].outcome else { return nil }
        return f
    }

    /// Every claim verified.
    static func expectVerified(_ v: FileVerdict, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(v.error == nil, "unexpected error: \(v.error.map(\.description) ?? "")", sourceLocation: sourceLocation)
        #expect(v.status == .verified, sourceLocation: sourceLocation)
        for (i, c) in v.claims.enumerated() {
            if case .failed(let f) = c.outcome {
                Issue.record(
                    "claim \(i) (\(c.id)) failed: \(f.reason) [expected \(f.expected ?? "-"), computed \(f.computed ?? "-") at \(f.pointer)]",
                    sourceLocation: sourceLocation)
            }
        }
    }

    /// Claim `index` passed (other claims may fail).
    static func expectPassed(_ v: FileVerdict, claim index: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(v.error == nil, "unexpected error: \(v.error.map(\.description) ?? "")", sourceLocation: sourceLocation)
        guard index < v.claims.count else {
            Issue.record("no verdict for claim \(index)", sourceLocation: sourceLocation)
            return
        }
        if let f = failure(v, index) {
            Issue.record("claim \(index) failed: \(f.reason) [at \(f.pointer)]", sourceLocation: sourceLocation)
        }
    }

    /// Claim `index` failed (so the file failed) at `pointer`, with a reason containing
    /// every string of `reason`.
    @discardableResult
    static func expectFailed(
        _ v: FileVerdict, claim index: Int = 0, at pointer: String, reason: [String] = [],
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> ClaimFailure? {
        #expect(v.error == nil, "unexpected error: \(v.error.map(\.description) ?? "")", sourceLocation: sourceLocation)
        #expect(v.status == .failed, sourceLocation: sourceLocation)
        guard let f = failure(v, index) else {
            Issue.record(
                "claim \(index) was not rejected (verdicts: \(v.claims.map { "\($0.id): \($0.passed ? "passed" : "failed")" }))",
                sourceLocation: sourceLocation)
            return nil
        }
        #expect(f.pointer.description == pointer, "pointer \(f.pointer) for reason: \(f.reason)", sourceLocation: sourceLocation)
        for part in reason {
            #expect(f.reason.contains(part), "reason \"\(f.reason)\" lacks \"\(part)\"", sourceLocation: sourceLocation)
        }
        return f
    }

    /// The file is rejected as malformed input (exit code 2) at `pointer`.
    static func expectMalformed(
        _ v: FileVerdict, at pointer: String? = nil, mentioning: [String] = [],
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(v.status == .malformed, sourceLocation: sourceLocation)
        guard let error = v.error else {
            Issue.record("no error; verdicts: \(v.claims.map { "\($0.id): \($0.passed)" })", sourceLocation: sourceLocation)
            return
        }
        if let pointer { #expect(error.pointer.description == pointer, "error: \(error)", sourceLocation: sourceLocation) }
        for part in mentioning {
            #expect(error.description.contains(part), "error \"\(error)\" lacks \"\(part)\"", sourceLocation: sourceLocation)
        }
    }
}

// MARK: - Exact small fractions (test-side, plain Int)

/// A small exact fraction, for expected values worked out in the tests.
struct Q: Hashable, Comparable, CustomStringConvertible {
    let p: Int
    let q: Int

    init(_ p: Int, _ q: Int = 1) {
        precondition(q != 0)
        func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? abs(a) : gcd(b, a % b) }
        let g = max(gcd(p, q), 1)
        let sign = q < 0 ? -1 : 1
        self.p = sign * p / g
        self.q = sign * q / g
    }

    static func + (a: Q, b: Q) -> Q { Q(a.p * b.q + b.p * a.q, a.q * b.q) }
    static func - (a: Q, b: Q) -> Q { Q(a.p * b.q - b.p * a.q, a.q * b.q) }
    static func * (a: Q, b: Q) -> Q { Q(a.p * b.p, a.q * b.q) }
    static prefix func - (a: Q) -> Q { Q(-a.p, a.q) }
    static func < (a: Q, b: Q) -> Bool { a.p * b.q < b.p * a.q }
    var magnitude: Q { Q(abs(p), q) }

    /// The canonical certificate form: "-12" or "3/8".
    var description: String { q == 1 ? "\(p)" : "\(p)/\(q)" }
}

// MARK: - Brute force from the definitions of MATH.md sec. 4-6

enum Brute {
    /// sigma(j, k) = -1 for the tree numbered `tree` (node 2^j - 1 + k is bit of `tree`).
    static func negative(_ tree: Int, _ j: Int, _ k: Int) -> Bool { tree >> ((1 << j) - 1 + k) & 1 == 1 }

    /// s_j on cell c: sigma(j, anc_j(c)) (-1)^(b_j(c)) (MATH.md sec. 5).
    static func s(_ tree: Int, levels J: Int, _ j: Int, cell c: Int) -> Int {
        let sigma = negative(tree, j, c >> (J - j)) ? -1 : 1
        let digit = (c >> (J - 1 - j)) & 1
        return digit == 1 ? -sigma : sigma
    }

    /// h_sigma on the 2^J cells for the given amplitudes.
    static func feature(_ tree: Int, levels J: Int, amplitudes: [Q]) -> [Q] {
        (0..<(1 << J)).map { c in
            (0..<J).reduce(Q(0)) { $0 + amplitudes[$1] * Q(s(tree, levels: J, $1, cell: c)) }
        }
    }

    static func balanced(_ J: Int) -> [Q] { (0..<J).map { Q(1, 1 << ($0 + 1)) } }

    /// The task output w_m o u_sigma on the 2^J cells, straight from the definitions:
    /// 2^(J+1) h = sum_j 2^(J-j) s_j, 2^(J+1) u = that / 2 + 2^J, digit n of u is bit
    /// J - n of 2^(J+1) u, and w_m(y) = prod_{n in bits(m)} (-1)^(b_n(y)).
    static func output(_ tree: Int, levels J: Int, readout m: Int) -> [Int] {
        (0..<(1 << J)).map { c in
            var H = 0
            for j in 0..<J { H += (1 << (J - j)) * s(tree, levels: J, j, cell: c) }
            let U = H / 2 + (1 << J)
            var value = 1
            for n in 0..<(Int.bitWidth - m.leadingZeroBitCount) where m >> n & 1 == 1 {
                if (U >> (J - n)) & 1 == 1 { value = -value }
            }
            return value
        }
    }

    /// The outputs as bit masks (bit c set where the value is -1).
    static func outputMask(_ tree: Int, levels J: Int, readout m: Int) -> Int {
        var mask = 0
        for (c, v) in output(tree, levels: J, readout: m).enumerated() where v == -1 { mask |= 1 << c }
        return mask
    }

    /// 2^(J+1) u_sigma on the 2^J cells (odd integers: u maps cells to midpoints).
    static func scaledU(_ tree: Int, levels J: Int) -> [Int] {
        (0..<(1 << J)).map { c in
            var H = 0
            for j in 0..<J { H += (1 << (J - j)) * s(tree, levels: J, j, cell: c) }
            return H / 2 + (1 << J)
        }
    }

    /// |K_M| (distinct output tuples over all sign trees) and |K_{m_d}| for each d, with
    /// the outputs computed as in `output` (u once per tree, then each readout).
    static func readoutSizes(levels J: Int, _ readouts: [Int]) -> (joint: Int, separate: [Int]) {
        var joint = Set<[Int]>()
        var separate = Array(repeating: Set<Int>(), count: readouts.count)
        // Digit n of u is bit J - n of 2^(J+1) u.
        let uMasks = readouts.map { m in (0..<J).filter { m >> $0 & 1 == 1 }.reduce(0) { $0 | 1 << (J - $1) } }
        for tree in 0..<(1 << ((1 << J) - 1)) {
            let U = scaledU(tree, levels: J)
            var masks: [Int] = []
            for mask in uMasks {
                var out = 0
                for (c, value) in U.enumerated() where (value & mask).nonzeroBitCount & 1 == 1 { out |= 1 << c }
                masks.append(out)
            }
            joint.insert(masks)
            for d in 0..<readouts.count { separate[d].insert(masks[d]) }
        }
        return (joint.count, separate.map(\.count))
    }

    /// log2 of a power of two (precondition: it is one).
    static func log2(_ n: Int) -> Int {
        precondition(n > 0 && n & (n - 1) == 0, "\(n) is not a power of two")
        return n.trailingZeroBitCount
    }

    /// ceil(log2 n) for n >= 1.
    static func ceilLog2(_ n: Int) -> Int {
        var b = 0
        while 1 << b < n { b += 1 }
        return b
    }

    /// The number of sign changes between adjacent cells (canonical breakpoints).
    static func breakpoints(_ values: [Int]) -> Int {
        (1..<values.count).filter { values[$0] != values[$0 - 1] }.count
    }
}

/// A tiny deterministic generator for test data (SplitMix64).
struct RTRandom {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }
}
