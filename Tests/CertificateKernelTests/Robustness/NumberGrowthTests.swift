import DyadicFunctions
import ExactArithmetic
import Testing
import TestSupport
@testable import CertificateKernel

/// Exact sums form numbers longer than any they add; the kernel charges that work before
/// doing it, from bounds read off the summands (``NumberSizes``, ``ReadingContext/chargeSum``).
/// The bounds are checked against the sizes real sums reach, and each rule that sums is
/// checked to charge it: small certificates whose sums grow took minutes within the default
/// limits (Tests/RedTeam/slow).
@Suite("Robustness: the work of exact sums")
struct NumberGrowthTests {
    /// A mix of the denominators certificates have: powers of two, small odd ones repeated,
    /// and long distinct ones (products of random 60-bit numbers).
    static func randomValues(_ count: Int, seed: UInt64) -> [Rational] {
        var generator = SplitMix64(seed: seed)
        func big(_ words: Int) -> BigInt {
            (0..<words).reduce(BigInt(1)) { product, _ in product * BigInt(Int(generator.next() >> 4) | 1) }
        }
        return (0..<count).map { _ in
            let numerator = BigInt(Int(generator.next() >> 40)) - BigInt(1 << 23)
            let denominator: BigInt
            switch generator.next() % 4 {
            case 0: denominator = BigInt.powerOfTwo(Int(generator.next() % 70))
            case 1: denominator = BigInt([3, 5, 7, 9, 15][Int(generator.next() % 5)]) * BigInt.powerOfTwo(Int(generator.next() % 10))
            case 2: denominator = big(1 + Int(generator.next() % 3))
            default: denominator = big(6)
            }
            return (try? Rational(numerator: numerator, denominator: denominator)) ?? .zero
        }
    }

    static func bits(_ x: Rational) -> Int { max(x.numerator.bitLength, x.denominator.bitLength) }

    /// The balanced sum of `Rational.sum`, level by level, with every addition's operands.
    static func balancedAdditions(_ terms: [Rational]) -> [(Rational, Rational, Rational)] {
        var values = terms, additions: [(Rational, Rational, Rational)] = []
        while values.count > 1 {
            var next: [Rational] = []
            for i in stride(from: 0, to: values.count - 1, by: 2) {
                next.append(values[i] + values[i + 1])
                additions.append((values[i], values[i + 1], next[next.count - 1]))
            }
            if values.count % 2 == 1 { next.append(values[values.count - 1]) }
            values = next
        }
        return additions
    }

    @Test(arguments: [1, 2, 3, 17, 64, 200])
    func sizeBoundsHoldForEveryPartialSum(count: Int) {
        for seed in UInt64(0)..<6 {
            let values = Self.randomValues(count, seed: seed * 1000 + UInt64(count))
            let sizes = NumberSizes(values)
            // The lcm of the denominators, computed directly.
            let lcm = values.reduce(BigInt(1)) { BigInt.lcm($0, $1.denominator) }
            #expect(lcm.bitLength <= sizes.denominator + 1)
            #expect(values.allSatisfy { Self.bits($0) <= sizes.longest })
            #expect(values.allSatisfy { $0.numerator.bitLength <= sizes.numerator })
            for (a, b, sum) in Self.balancedAdditions(values) {
                #expect(Self.bits(a) <= sizes.sumBits(terms: count) && Self.bits(b) <= sizes.sumBits(terms: count))
                #expect(Self.bits(sum) <= sizes.sumBits(terms: count), "seed \(seed)")
            }
            #expect(Self.bits(Rational.sum(values)) <= sizes.sumBits(terms: count))
        }
    }

    @Test func dyadicValuesHaveTheirLargestExponent() {
        let values = (0..<40).map { Dyadic(mantissa: BigInt(2 * $0 + 1), exponent: $0 % 23).rational }
        #expect(NumberSizes(values).denominator == 22)
        #expect(NumberSizes([Rational(1), Rational(-5)]).denominator == 0)
        // 3 and 6 share the odd part 3 (counted once), 12 = 3 * 4 has the largest power of two.
        let thirds = [Rational(1) / Rational(3), Rational(1) / Rational(6), Rational(5) / Rational(12)]
        #expect(NumberSizes(thirds).denominator == 2 + 2)
    }

    /// The charge 4 n B S of ``ReadingContext/chargeSum`` bounds the cost the same model
    /// gives the additions a real balanced sum makes: words(longer operand)^2 each.
    @Test(arguments: [2, 5, 33, 128, 300])
    func sumChargeBoundsTheAdditionsMade(count: Int) throws {
        for seed in UInt64(0)..<4 {
            let values = Self.randomValues(count, seed: 77 + seed * 31 + UInt64(count))
            let sizes = NumberSizes(values)
            let made = Self.balancedAdditions(values).reduce(0) { cost, addition in
                let words = ReadingContext.words(max(Self.bits(addition.0), Self.bits(addition.1)))
                return cost + words * words
            }
            var limits = VerificationLimits()
            limits.maximumWork = 1 << 50
            let context = ReadingContext(limits: limits)
            try context.chargeSum(terms: count, termBits: sizes.longest, sumBits: sizes.sumBits(terms: count), at: JSONPointer())
            // Additions on numbers within one word are the caller's one step per term.
            let charged = try #require(Int(try Self.workCharged(context)))
            #expect(made <= charged + count, "seed \(seed): \(made) > \(charged) + \(count)")
        }
    }

    /// The work a context has charged, read off the limit message of one more step.
    static func workCharged(_ context: ReadingContext) throws -> String {
        do {
            try context.chargeWork(Int(1 << 50), at: JSONPointer())
            return "0"
        } catch {
            let words = error.description.components(separatedBy: " ")
            let total = try #require(words.firstIndex(of: "exceeds").flatMap { Int(words[$0 - 1]) })
            return String(total - (1 << 50))
        }
    }

    // MARK: - The rules charge their sums

    /// Verifies `text` under --max-work `work`.
    static func verify(_ text: String, work: Int) -> FileVerdict {
        var limits = VerificationLimits()
        limits.maximumWork = work
        return Verifier(limits: limits).verify(bytes: Array(text.utf8), path: "t")
    }

    /// n rationals in (0, 1): k / 2^12 (dyadic), or 1 / q for the n distinct odd q from
    /// 2^60 + 1 on (NumberSizes counts each distinct odd part: some 61 n bits).
    static func values(_ n: Int, distinct: Bool) -> [String] {
        (0..<n).map { distinct ? "1/\((1 << 60) + 2 * $0 + 1)" : Self.fraction($0 + 1, 4096) }
    }

    /// n / d in the certificate's canonical form.
    static func fraction(_ n: Int, _ d: Int) -> String {
        ((try? Rational(n, d)) ?? .zero).description
    }

    /// A gram claim of f and 1, f with 64 pieces: its entries sum 64 terms. With dyadic
    /// breakpoints they stay short; with breakpoints of 63 distinct denominators the partial
    /// sums reach thousands of bits, and the same budget refuses the claim.
    @Test func gramChargesItsSums() {
        func certificate(distinct: Bool) -> String {
            var points = Self.values(63, distinct: distinct).compactMap { try? Rational(parsing: $0) }
            points = points.sorted { $0 < $1 }
            if !distinct { points = points.map { $0.timesPowerOfTwo(-1) } }
            let breakpoints = (["0"] + points.map(\.description) + ["1"]).map { "\"\($0)\"" }.joined(separator: ",")
            let values = (0..<64).map { $0 % 2 == 0 ? "\"1\"" : "\"2\"" }.joined(separator: ",")
            return """
                {"format": "dyadcert/1", "objects": {"f": {"kind": "step-function", "breakpoints": [\(breakpoints)], "values": [\(values)]},
                 "one": {"kind": "step-function", "breakpoints": ["0", "1"], "values": ["1"]}},
                 "claims": [{"id": "g", "rule": "gram", "inputs": {"functions": ["f", "one"]}, "statement": {"matrix": [["9", "9"], ["9", "9"]]}}]}
                """
        }
        #expect(Self.verify(certificate(distinct: false), work: 20_000).status == .failed)
        let verdict = Self.verify(certificate(distinct: true), work: 20_000)
        #expect(verdict.status == .limitExceeded)
        #expect(verdict.error?.pointer.description == "/claims/0/inputs/functions")
    }

    /// Lemma H2's tail sum of J - L amplitudes: dyadic amplitudes cost a step each; 20
    /// amplitudes with distinct 60-bit denominators form a sum of some 1,200 bits.
    @Test func haarCoverChargesItsTailSum() {
        func certificate(distinct: Bool) -> String {
            let amplitudes = Self.values(20, distinct: distinct).map { "\"\($0)\"" }.joined(separator: ",")
            return """
                {"format": "dyadcert/1", "objects": {"H": {"kind": "haar-class", "levels": "20", "amplitudes": [\(amplitudes)]}},
                 "claims": [{"id": "c", "rule": "haar-cover", "inputs": {"class": "H", "eps": "1", "level": "0"}, "statement": {"bits-at-most": "0"}}]}
                """
        }
        #expect(Self.verify(certificate(distinct: false), work: 100).status == .verified)
        let verdict = Self.verify(certificate(distinct: true), work: 100)
        #expect(verdict.status == .limitExceeded)
        #expect(verdict.error?.pointer.description == "/claims/0/inputs/level")
    }

    /// TV(g) sums |v_{i+1} - v_i| over g's pieces before the greedy runs.
    @Test func stepApproxLowerChargesTheVariation() {
        func certificate(distinct: Bool) -> String {
            let values = (["0"] + Self.values(63, distinct: distinct) + ["0"]).map { "\"\($0)\"" }.joined(separator: ",")
            let knots = (0...64).map { "\"\(Self.fraction($0, 64))\"" }.joined(separator: ",")
            return """
                {"format": "dyadcert/1", "objects": {"g": {"kind": "piecewise-linear", "knots": [\(knots)], "values": [\(values)]}},
                 "claims": [{"id": "s", "rule": "step-approx-lower", "inputs": {"function": "g", "max-breakpoints": "0", "threshold": "1000"},
                  "statement": {"distance-at-least": "0"}}]}
                """
        }
        #expect(Self.verify(certificate(distinct: false), work: 3_000).status == .failed)
        let verdict = Self.verify(certificate(distinct: true), work: 3_000)
        #expect(verdict.status == .limitExceeded)
        #expect(verdict.error?.pointer.description == "/claims/0/inputs/function")
    }

    /// h_sigma's 2^J cell values each sum J amplitudes (charged when the feature is built).
    @Test func featureChargesItsCellSums() {
        func certificate(distinct: Bool) -> String {
            let amplitudes = Self.values(8, distinct: distinct).map { "\"\($0)\"" }.joined(separator: ",")
            let bits = String(repeating: "5", count: 63) + "4" // 255 bits, the last hex digit's low bit padding
            return """
                {"format": "dyadcert/1", "objects": {"s": {"kind": "sign-tree", "levels": "8", "bits": "\(bits)"},
                 "h": {"kind": "feature", "signs": "s", "amplitudes": [\(amplitudes)]}},
                 "claims": [{"id": "g", "rule": "gram", "inputs": {"functions": ["h"]}, "statement": {"matrix": [["0"]]}}]}
                """
        }
        #expect(Self.verify(certificate(distinct: false), work: 10_000).status == .failed)
        let verdict = Self.verify(certificate(distinct: true), work: 10_000)
        #expect(verdict.status == .limitExceeded)
        #expect(verdict.error?.pointer.description == "/objects/h/amplitudes")
    }

    /// NumberSizes.sweepBits bounds every number an exact sweep forms beyond the first
    /// layer: each unit's partial sums, its pre-activation, and its change between two
    /// points, on random networks with rational weights and chains of linear units.
    @Test(arguments: UInt64(0)..<12)
    func sweepBitsBoundTheNetworksNumbers(seed: UInt64) throws {
        var generator = SplitMix64(seed: 900 + seed)
        func draw(_ n: Int) -> Int { Int(generator.next() % UInt64(n)) }
        let values = Self.randomValues(64, seed: 40 + seed)
        func weight() -> Rational { values[draw(values.count)] }
        let k = 2 + draw(6)
        let first = (0..<k).map { i in
            HeavisideNetwork.Unit(activation: .heaviside, inputs: [0], weights: [1], bias: (try? -Rational(i + 1, k + 1)) ?? .zero)
        }
        var layers = [first], width = k
        let depth = 1 + draw(3)
        for l in 0..<depth {
            let units = (0..<(1 + draw(4))).map { _ in
                let inputs = Array(Set((0..<(1 + draw(width))).map { _ in draw(width) })).sorted()
                return HeavisideNetwork.Unit(
                    activation: l < depth - 1 && draw(3) == 0 ? .heaviside : .linear, inputs: inputs,
                    weights: inputs.map { _ in weight() }, bias: weight())
            }
            layers.append(units)
            width = units.count
        }
        let network = try HeavisideNetwork(layers: layers)
        let bound = NumberSizes.sweepBits(network)
        // The forward pass at each piece's midpoint, with every partial sum.
        var previous: [Rational]? = nil
        for i in 0...k {
            let x = try Rational(2 * i + 1, 2 * (k + 1))
            var inputs = [x], pre: [Rational] = []
            for (l, layer) in layers.enumerated() {
                inputs = layer.map { unit in
                    var t = unit.bias
                    for j in unit.inputs.indices {
                        t += unit.weights[j] * inputs[unit.inputs[j]]
                        if l > 0 { #expect(Self.bits(t) <= bound) }
                    }
                    if l > 0 { pre.append(t) }
                    return unit.activation == .linear ? t : (t.signum >= 0 ? 1 : 0)
                }
            }
            #expect(pre.allSatisfy { Self.bits($0) <= bound })
            if let previous { #expect(zip(pre, previous).allSatisfy { Self.bits($0 - $1) <= bound }) }
            previous = pre
        }
    }

    /// network-realises over an exact (Rational) sweep charges its steps on the numbers the
    /// sweep forms: an output summing 64 weights with distinct 61-bit denominators is
    /// refused under a budget that admits the same network with weights 1/3 or dyadic ones.
    @Test func exactSweepsChargeTheirNumbers() {
        func certificate(weights: [String]) -> String {
            let first = (1...64).map {
                "{\"activation\": \"heaviside\", \"inputs\": [\"0\"], \"weights\": [\"1\"], \"bias\": \"\(Self.fraction(-$0, 65))\"}"
            }
            let inputs = (0..<64).map { "\"\($0)\"" }.joined(separator: ",")
            let output =
                "{\"activation\": \"linear\", \"inputs\": [\(inputs)], \"weights\": [\(weights.map { "\"\($0)\"" }.joined(separator: ","))], \"bias\": \"0\"}"
            return """
                {"format": "dyadcert/1", "objects": {
                  "net": {"kind": "heaviside-network", "layers": [{"units": [\(first.joined(separator: ","))]}, {"units": [\(output)]}]},
                  "zero": {"kind": "step-function", "breakpoints": ["0", "1"], "values": ["0"]}},
                 "claims": [{"id": "r", "rule": "network-realises", "inputs": {"network": "net", "functions": ["zero"]}, "statement": {"outputs": "1"}}]}
                """
        }
        let budget = 5_000
        #expect(Self.verify(certificate(weights: Self.values(64, distinct: false)), work: budget).status == .failed)
        #expect(Self.verify(certificate(weights: Array(repeating: "1/3", count: 64)), work: budget).status == .failed)
        let verdict = Self.verify(certificate(weights: Self.values(64, distinct: true)), work: budget)
        #expect(verdict.status == .limitExceeded)
        #expect(verdict.error?.pointer.description == "/claims/0/inputs/network")
    }

    /// A bits claim sums its terms' ends exactly: 64 coefficients 1/q with distinct q near
    /// 2^60 form a sum of some 4,000 bits, charged before summing.
    @Test func bitsChargesItsSums() {
        func certificate(distinct: Bool) -> String {
            let terms = Self.values(64, distinct: distinct).map { #"{"claim": "size", "quantity": "size", "coefficient": "\#($0)"}"# }
            return """
                {"format": "dyadcert/1", "objects": {"H2": {"kind": "haar-class", "levels": "2", "amplitudes": ["1/2", "1/4"]}},
                 "claims": [
                  {"id": "size", "rule": "enumerate", "inputs": {"class": "H2", "quantity": "size", "coding": "joint"}, "statement": {"value": "8"}},
                  {"id": "sum", "rule": "bits", "uses": ["size"], "inputs": {"terms": [\(terms.joined(separator: ","))]},
                   "statement": {"relation": "<=", "bound": "1000"}}]}
                """
        }
        // The enumerate claim costs 8 elements x 4 pieces = 32 steps; the dyadic sum
        // nothing more, the distinct one 2 x 4 x 65 x 16 = 8,320 more.
        #expect(Self.verify(certificate(distinct: false), work: 6_000).status == .verified)
        let verdict = Self.verify(certificate(distinct: true), work: 6_000)
        #expect(verdict.status == .limitExceeded)
        #expect(verdict.error?.pointer.description == "/claims/1/statement/bound")
    }

    // MARK: - Repeated work is shared

    /// network-width-lower passes over each distinct function once, however often the
    /// claim names it, and charges that pass: 1,000 names of one 64-piece function cost
    /// what one name costs (128 steps), and the count is still 1,000 times its own.
    @Test func widthLowerPassesOverEachFunctionOnce() {
        func certificate(names: Int, stated: Int) -> String {
            let breakpoints = (0...64).map { "\"\(Self.fraction($0, 64))\"" }.joined(separator: ",")
            let values = (0..<64).map { "\"\($0 % 2 == 0 ? 0 : 3)\"" }.joined(separator: ",")
            let references = Array(repeating: "\"f\"", count: names).joined(separator: ",")
            return """
                {"format": "dyadcert/1", "objects": {"f": {"kind": "step-function", "breakpoints": [\(breakpoints)], "values": [\(values)]}},
                 "claims": [{"id": "w", "rule": "network-width-lower", "inputs": {"mode": "separate", "functions": [\(references)]},
                  "statement": {"first-layer-units-at-least": "\(stated)"}}]}
                """
        }
        #expect(Self.verify(certificate(names: 1, stated: 63), work: 128).status == .verified)
        #expect(Self.verify(certificate(names: 1000, stated: 63_000), work: 128).status == .verified)
        #expect(Self.verify(certificate(names: 1000, stated: 63_001), work: 128).status == .failed)
        #expect(Self.verify(certificate(names: 1, stated: 63), work: 127).status == .limitExceeded)
    }

    /// isSignValued is found once when a step function is made, and agrees with its
    /// definition (every value +1 or -1) on functions made every way.
    @Test func signValuedIsTheDefinition() throws {
        var generator = SplitMix64(seed: 5)
        for _ in 0..<200 {
            let n = 1 + Int(generator.next() % 6)
            let values = (0..<n).map { _ in Rational([1, -1, 1, -1, 0, 2][Int(generator.next() % 6)]) }
            let breakpoints = try (0...n).map { try Rational($0, n) }
            let f = try StepFunction(breakpoints: breakpoints, values: values)
            let definition = values.allSatisfy { $0 == 1 || $0 == -1 }
            #expect(f.isSignValued == definition)
            #expect(f.mapValues { -$0 }.isSignValued == definition)
            #expect(f.mapValues { $0 * $0 }.isSignValued == values.allSatisfy { $0 * $0 == 1 })
        }
    }
}
