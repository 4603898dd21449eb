import ExactArithmetic
import Foundation
import Testing
@testable import CertificateKernel
import MatrixKernel

/// Work that is quadratic within every size limit (a network whose sweep touches every
/// consumer of a wide sum at every piece) is refused before it starts, under --max-work;
/// a network as wide whose sweep is linear is charged linearly and evaluated.
@Suite("Robustness: the work budget")
struct WorkBudgetTests {
    /// `n` first-layer units at thresholds i/(n+1), the given middle layers, and one
    /// linear output reading unit 0 of the last of them; the claim says the output is 0.
    static func network(_ n: Int, middle: [[String]]) -> String {
        var first: [String] = []
        for i in 1...n {
            let threshold = (try? Rational(i, n + 1)) ?? .zero // canonical text, e.g. 2/4 -> 1/2
            first.append("{\"activation\": \"heaviside\", \"inputs\": [\"0\"], \"weights\": [\"1\"], \"bias\": \"\(-threshold)\"}")
        }
        let output = "{\"activation\": \"linear\", \"inputs\": [\"0\"], \"weights\": [\"1\"], \"bias\": \"0\"}"
        let layers = ([first] + middle + [[output]]).map { "{\"units\": [\($0.joined(separator: ","))]}" }
        return """
            {"format": "dyadcert/1", "objects": {
              "net": {"kind": "heaviside-network", "layers": [\(layers.joined(separator: ", "))]},
              "zero": {"kind": "step-function", "breakpoints": ["0", "1"], "values": ["0"]}},
             "claims": [{"id": "r", "rule": "network-realises", "inputs": {"network": "net", "functions": ["zero"]}, "statement": {"outputs": "1"}}]}
            """
    }

    /// Second layer: `n` Heaviside units that each read two neighbouring first-layer units.
    /// Each first-layer unit changes at one piece and feeds two of them: a linear sweep.
    static func pairsNetwork(_ n: Int) -> String {
        var second: [String] = []
        for i in 0..<n - 1 {
            second.append(
                "{\"activation\": \"heaviside\", \"inputs\": [\"\(i)\", \"\(i + 1)\"], \"weights\": [\"1\", \"1\"], \"bias\": \"-2\"}")
        }
        second.append("{\"activation\": \"heaviside\", \"inputs\": [\"0\", \"\(n - 1)\"], \"weights\": [\"1\", \"1\"], \"bias\": \"-2\"}")
        return network(n, middle: [second])
    }

    /// Second layer: one linear unit summing all `n` first-layer units (it changes at
    /// every piece); third layer: `n` linear units reading it. Every piece touches all `n`:
    /// the sweep is quadratic, with a network of about 3n units and parameters.
    static func wideSumNetwork(_ n: Int) -> String {
        let inputs = (0..<n).map { "\"\($0)\"" }.joined(separator: ","), ones = Array(repeating: "\"1\"", count: n).joined(separator: ",")
        let sum = "{\"activation\": \"linear\", \"inputs\": [\(inputs)], \"weights\": [\(ones)], \"bias\": \"0\"}"
        let reader = "{\"activation\": \"linear\", \"inputs\": [\"0\"], \"weights\": [\"1\"], \"bias\": \"0\"}"
        return network(n, middle: [[sum], Array(repeating: reader, count: n)])
    }

    @Test("a network whose sweep is quadratic is refused under a small work budget, with the flag, before evaluating")
    func quadraticSweepRefused() {
        var limits = VerificationLimits()
        limits.maximumWork = 1_000_000
        let clock = ContinuousClock()
        let start = clock.now
        // The sum changes at each of the 2001 pieces but the first and pushes to 2000
        // units each time: at least 2000 * 2000 = 4e6 steps > 1e6.
        let verdict = Verifier(limits: limits, extensions: [.matrices]).verify(bytes: Array(Self.wideSumNetwork(2000).utf8), path: "wide")
        #expect(verdict.status == .limitExceeded)
        #expect(verdict.error?.pointer.description == "/claims/0/inputs/network")
        #expect(verdict.error?.description.contains("--max-work") == true)
        #expect(clock.now - start < .seconds(10))
    }

    @Test("a network as wide whose sweep is linear is evaluated under the same budget")
    func linearSweepEvaluated() {
        var limits = VerificationLimits()
        limits.maximumWork = 1_000_000
        // 2000 first-layer changes, each pushed to two units: some 2e4 steps. The output
        // reads H(x_0 + x_1 - 2), 1 once both are on, so the claim that it is 0 is false.
        let verdict = Verifier(limits: limits, extensions: [.matrices]).verify(bytes: Array(Self.pairsNetwork(2000).utf8), path: "pairs")
        #expect(verdict.status == .failed)
    }

    @Test("the quadratic network within the budget is evaluated (and the claim checked)")
    func quadraticSweepWithinBudget() {
        // The output is the number of thresholds at or below x: not zero.
        let verdict = Verifier(extensions: [.matrices]).verify(bytes: Array(Self.wideSumNetwork(50).utf8), path: "wide")
        #expect(verdict.status == .failed)
    }

    @Test("the budget is shared by all claims of a certificate")
    func cumulative() throws {
        // Two Gram claims of 64 Walsh functions at level 12 (64 * 64 * 128 steps each).
        let text = """
            {"format": "dyadcert/1", "objects": {"W": {"kind": "walsh-basis", "levels": "6"}},
             "claims": [
              {"id": "a", "rule": "gram", "inputs": {"functions": ["W"]}, "statement": {"matrix": "identity"}},
              {"id": "b", "rule": "gram", "inputs": {"functions": ["W"]}, "statement": {"matrix": "identity"}}]}
            """
        // One claim costs 64 * 64 * 2 = 8192 steps: a budget of 10000 admits one, not two.
        var limits = VerificationLimits()
        limits.maximumWork = 10_000
        let verdict = Verifier(limits: limits, extensions: [.matrices]).verify(bytes: Array(text.utf8), path: "two")
        #expect(verdict.status == .limitExceeded)
        #expect(verdict.claims.count == 1 && verdict.claims[0].passed)
        #expect(verdict.error?.pointer.description == "/claims/1/inputs/functions")
        limits.maximumWork = 20_000
        #expect(Verifier(limits: limits, extensions: [.matrices]).verify(bytes: Array(text.utf8), path: "two").status == .verified)
    }

    /// A charge so large that the running total plus it overflows an Int is the cell (or
    /// work) limit, stated as "more than" the limit: the message added them unchecked, a
    /// trap (counts this large come from no certificate today; the charge must not rely on it).
    @Test func chargesBeyondIntAreTheLimitNotATrap() {
        let context = ReadingContext(limits: VerificationLimits())
        let at = JSONPointer().appending("objects")
        #expect(throws: Never.self) { try context.chargeCells(count: 1000, at: at) }
        // 1000 + (Int.max - 1000) is Int.max exactly; one more overflows.
        for (count, total) in [(Int.max, "more than 268435456"), (Int.max - 999, "more than 268435456"), (Int.max - 1000, "\(Int.max)")] {
            #expect {
                try context.chargeCells(count: count, at: at)
            } throws: {
                ($0 as? KernelError)?.description.contains("number of cells \(total) exceeds the limit 268435456") == true
                    && ($0 as? KernelError)?.raisable == false
            }
        }
        #expect(throws: Never.self) { try context.chargeWork(1000, at: at) }
        #expect {
            try context.chargeWork(Int.max - 999, at: at)
        } throws: {
            ($0 as? KernelError)?.description.contains("more than 4294967296 exceeds the limit 4294967296") == true
                && ($0 as? KernelError)?.raisable == false
        }
    }

    /// A certificate's cells or work past the limit in force: raisable while the total stays
    /// within the flag's largest setting (2^40 cells, 2^50 steps), and one unit past that
    /// no setting admits it, which the message and `raisable` say.
    @Test func chargesPastTheLargestSettingAreNotRaisable() {
        let at = JSONPointer().appending("objects")
        for (kind, largest) in [(LimitKind.cells, 1 << 40), (.work, 1 << 50)] {
            let context = ReadingContext(limits: VerificationLimits())
            let charge: (Int) throws(KernelError) -> Void = { n throws(KernelError) in
                kind == .cells ? try context.chargeCells(count: n, at: at) : try context.chargeWork(n, at: at)
            }
            #expect(throws: Never.self) { try charge(1) }
            // 1 + (largest - 1) is the largest setting exactly: a larger flag admits it.
            #expect { try charge(largest - 1) } throws: { ($0 as? KernelError)?.raisable == true }
            #expect {
                try charge(largest)
            } throws: { error in
                let error = error as? KernelError
                return error?.raisable == false
                    && error?.description.contains("\(largest + 1) exceeds the limit") == true
                    && error?.description.contains("no setting of \(kind.flag) admits more than \(largest)") == true
            }
        }
    }

    /// A step on long numbers costs more: (ceil(b / 256))^2 once the certificate's longest
    /// number has b bits (a gram claim over 10,000-digit values took minutes on a budget
    /// charged as if its numbers were short). The same claim over the values 2^300 (301
    /// bits) and 2^600 (601 bits) beside 1 is charged 4 and 9 times what it is over 2
    /// and 1, read off the limit message under --max-work 1.
    @Test func stepsOnLongNumbersCostMore() throws {
        func charged(value: String) throws -> Int {
            let functions = Array(repeating: "\"f\"", count: 8).joined(separator: ",")
            let text = """
                {"format": "dyadcert/1", "objects": {"f": {"kind": "step-function", "breakpoints": ["0", "1/3", "1"], "values": ["\(value)", "1"]}},
                 "claims": [{"id": "g", "rule": "gram", "inputs": {"functions": [\(functions)]}, "statement": {"matrix": "identity"}}]}
                """
            var limits = VerificationLimits()
            limits.maximumWork = 1
            let error = try #require(Verifier(limits: limits).verify(bytes: Array(text.utf8), path: "t").error)
            let words = error.description.components(separatedBy: " ")
            let index = try #require(words.firstIndex(of: "exceeds"), "\(error)")
            return try #require(Int(words[index - 1]), "\(error)")
        }
        // 2^300 and 2^600 in decimal (Python: str(2**300), str(2**600)).
        let twoTo300 = "2037035976334486086268445688409378161051468393665936250636140449354381299763336706183397376"
        let twoTo600 =
            "4149515568880992958512407863691161151012446232242436899995657329690652811412908146399707048947103794288197886611300789182395151075411775307886874834113963687061181803401509523685376"
        let short = try charged(value: "2")
        #expect(short > 1)
        #expect(try charged(value: twoTo300) == 4 * short)
        #expect(try charged(value: twoTo600) == 9 * short)
        // A number of exactly 256 bits (2^255) still costs 1.
        let twoTo255 = "57896044618658097711785492504343953926634992332820282019728792003956564819968"
        #expect(try charged(value: twoTo255) == short)
        #expect(ReadingContext.stepBits == 256)
    }
}
