import ExactArithmetic
import Testing
@testable import CertificateKernel
import MatrixKernel

/// A seeded mutation loop over the shipped certificates (PRODUCT.md, "Reliability and
/// security"): every mutant ends in a verdict or a located error, and every mutant the
/// kernel accepts is still true by the independent oracle.
@Suite("Robustness: seeded mutations of the shipped certificates")
struct MutationLoopTests {
    /// Limits that keep every mutant fast in a debug build: the hand-written certificates
    /// (enumerations of 128 sign trees, a few hundred cells) and the small flagship ones
    /// verify within them; mutants of the large flagship ones end in exit code 3 at once.
    static var limits: VerificationLimits {
        var limits = VerificationLimits()
        limits.maximumLevel = 8
        limits.maximumCells = 1 << 16
        limits.maximumEnumeration = 1 << 12
        limits.maximumNetworkSize = 1 << 14
        return limits
    }

    struct Original {
        let name: String
        let bytes: [UInt8]
        let root: JSONValue
        /// The canonical texts of the original's claims, references expanded.
        let expanded: Set<String>
        let verifies: Bool
    }

    /// The shipped certificates, parsed; `verifies` tells whether the original verifies
    /// within the test's limits (the large flagship certificates stop at a limit).
    /// The rules of MATH.md sec. 11-12, which this oracle does not model; their shipped
    /// certificates are recomputed by the Fraction reference
    /// (Tests/CertificateKernelTests/Reference/seed004_reference.py) instead.
    static let rulesWithoutOracle: Set<String> = [
        "relu-interpolates", "weight-decay", "neuron-sharing", "width-from-rank", "mtl-gap", "penalised-mtl-gap", "mtl-screen",
        "compress-preserves", "lasso-gap", "lasso-screen", "support", "support-variability",
    ]

    static func originals() -> [Original] {
        Robustness.shippedCertificates.compactMap { name, bytes in
            guard let root = try? JSONParser.parse(bytes), let doc = IndependentOracle.Document(root) else { return nil }
            let modelled = doc.claims.allSatisfy { claim in
                guard case .object(let o) = claim, case .string(let rule)? = o["rule"] else { return true }
                return !rulesWithoutOracle.contains(rule)
            }
            guard modelled else { return nil }
            let verifies = Verifier(limits: limits, extensions: [.matrices]).verify(bytes: bytes, path: name).status == .verified
            return Original(name: name, bytes: bytes, root: root, expanded: Set(IndependentOracle.expandedClaims(doc)), verifies: verifies)
        }
    }

    /// What the oracle says about an accepted certificate: the claims that are identical to
    /// claims of the original, recomputed true, recomputed false, or undecided.
    struct Judgement {
        var identical = 0
        var recomputed = 0
        var unsound: [String] = []
        var undecided: [String] = []
    }

    static func judge(_ bytes: [UInt8], against original: Original) -> Judgement {
        var judgement = Judgement()
        guard let root = try? JSONParser.parse(bytes), let doc = IndependentOracle.Document(root) else {
            judgement.unsound.append("accepted, but the oracle cannot read it")
            return judgement
        }
        var model: IndependentOracle.Model? = nil
        var modelError: String? = nil
        for (i, text) in IndependentOracle.expandedClaims(doc).enumerated() {
            if original.expanded.contains(text) {
                judgement.identical += 1
                continue
            }
            if model == nil && modelError == nil {
                do { model = try IndependentOracle.Model(doc) } catch { modelError = "\(error)" }
            }
            guard let model else {
                judgement.undecided.append("claim \(i): the oracle cannot rebuild the objects: \(modelError ?? "")")
                continue
            }
            switch IndependentOracle.check(i, model) {
            case .holds: judgement.recomputed += 1
            case .isFalse(let why): judgement.unsound.append("claim \(i): \(why)")
            case .unknown(let why): judgement.undecided.append("claim \(i): \(why)")
            }
        }
        return judgement
    }

    @Test("the oracle recomputes every shipped claim as true, and catches false ones")
    func oracleSelfCheck() throws {
        var checked = 0
        for original in Self.originals() where original.verifies {
            let doc = try #require(IndependentOracle.Document(original.root))
            let model = try IndependentOracle.Model(doc)
            for i in 0..<doc.claims.count {
                #expect(IndependentOracle.check(i, model) == .holds, "\(original.name) claim \(i)")
                checked += 1
            }
        }
        #expect(checked >= 50)
        // False variants of true claims: the oracle must say so.
        let falseEdits: [(String, String, JSONValue)] = [
            ("separation-depth-2", "/claims/8/statement/bound", "2"), // gap >= 2 (it is 1)
            ("separation-depth-2", "/claims/0/statement/bound", "1/8"), // u = u-expected up to 1/8 (it is 0, and "=")
            ("haar-system", "/claims/0/statement/matrix/2/2", "1"), // <psi10, psi10> = 1 (it is 1/2)
            ("haar-system", "/claims/2/statement/bound", "1"), // ||f - g|| < 1 (it is 1)
            ("triangle-wave-order-3", "/claims/1/statement/distance-at-least", "1/2"),
            ("triangle-wave-order-3", "/claims/7/statement/first-layer-units-at-least", "9"),
            ("triangle-wave-order-3", "/claims/10/statement/bits", "15"),
            ("triangle-wave-order-3", "/claims/6/statement/bound", "7"), // at most 7 first-layer units (it has 8)
            ("lemma-j-table", "/claims/0/statement/log2-size", "6"),
            ("lemma-j-table", "/claims/2/statement/value", "31"),
            ("haar-class-bounds", "/claims/0/statement/bits-at-least", "4"),
            ("haar-class-bounds", "/claims/1/statement/bits-at-most", "2"),
            ("haar-class-bounds", "/claims/2/inputs/eps", "1/4"),
            ("haar-class-bounds", "/claims/3/inputs/eps", "1/5"),
            ("haar-class-bounds", "/claims/4/statement/value", "3"),
            ("theorem-o-depth-3", "/claims/5/statement/bits", "8"),
        ]
        for (name, pointer, value) in falseEdits {
            let original = try #require(Self.originals().first { $0.name.contains(name) })
            let edited = Robustness.edit(original.root, at: pointer, to: value)
            let doc = try #require(IndependentOracle.Document(edited))
            let model = try IndependentOracle.Model(doc)
            let index = try #require(Int(pointer.split(separator: "/")[1]))
            guard case .isFalse = IndependentOracle.check(index, model) else {
                Issue.record("the oracle does not see that \(name) \(pointer) = \(value) is false")
                continue
            }
            // And the kernel agrees that it is false.
            #expect(
                Verifier(limits: Self.limits, extensions: [.matrices]).verify(bytes: Robustness.bytes(edited), path: name).status
                    == .failed, "\(name) \(pointer)")
        }
    }

    @Test("renaming an object everywhere keeps every claim identical for the oracle")
    func renamingIsIdentity() throws {
        for original in Self.originals() where original.verifies {
            guard case .object(let top) = original.root, case .object(let objects)? = top["objects"], let name = objects.keys.first else {
                continue
            }
            var value = Robustness.rename(original.root, at: JSONPointer(tokens: ["objects", name]).description, to: "renamed")
            var places: [([String], JSONValue)] = []
            CertificateMutator.places(original.root, into: &places)
            for (at, v) in places where v == .string(name) && at.last != "coding" && (at.first == "claims" || at.count > 2) {
                value = Robustness.edit(value, at: at[...], to: "renamed")
            }
            let bytes = Robustness.bytes(value)
            #expect(
                Verifier(limits: Self.limits, extensions: [.matrices]).verify(bytes: bytes, path: original.name).status == .verified,
                "\(original.name)")
            let judgement = Self.judge(bytes, against: original)
            #expect(judgement.unsound.isEmpty && judgement.undecided.isEmpty && judgement.recomputed == 0, "\(original.name): \(judgement)")
        }
    }

    @Test("4,000 seeded mutants: no crash, status in 0...3, every accepted mutant true")
    func mutationLoop() {
        let all = Self.originals()
        let verifying = all.filter(\.verifies)
        #expect(all.count >= 6 && verifying.count >= 6)
        guard !verifying.isEmpty else { return }
        var mutator = CertificateMutator(seed: 0xD7AD_CE27_2026)
        var statuses: [FileVerdict.Status: Int] = [:]
        var kinds: [String: Int] = [:]
        var identicalMutants = 0, recomputedMutants = 0, recomputedClaims = 0
        var problems: [String] = []
        var recomputedExamples: [String] = []
        let total = 4_000
        let clock = ContinuousClock()
        let start = clock.now
        for n in 0..<total {
            // Mostly certificates that verify within the limits; the others' mutants mostly stop at a limit.
            let original = mutator.chance(85) ? verifying[n % verifying.count] : all[n % all.count]
            var bytes: [UInt8]
            var description: String
            if mutator.chance(35) {
                (bytes, description) = mutator.mutateBytes(original.bytes)
                kinds["bytes", default: 0] += 1
            } else {
                var value = original.root
                var steps: [String] = []
                for _ in 0..<(1 + mutator.below(2)) {
                    for _ in 0..<20 {
                        if let (mutated, what) = mutator.mutateStructure(value) {
                            value = mutated
                            steps.append(what)
                            break
                        }
                    }
                }
                bytes = Robustness.bytes(value)
                description = steps.joined(separator: "; ")
                kinds["structure", default: 0] += 1
            }
            let verdict = Verifier(limits: Self.limits, extensions: [.matrices]).verify(bytes: bytes, path: original.name)
            statuses[verdict.status, default: 0] += 1
            #expect((0...3).contains(verdict.status.exitCode))
            if let error = verdict.error {
                #expect(verdict.status == (error.isLimit ? .limitExceeded : .malformed))
                #expect(!error.description.isEmpty)
            }
            guard verdict.status == .verified else { continue }
            let judgement = Self.judge(bytes, against: original)
            if judgement.recomputed > 0 {
                recomputedMutants += 1
                if recomputedExamples.count < 12 { recomputedExamples.append("\(original.name): \(description)") }
            } else {
                identicalMutants += 1
            }
            recomputedClaims += judgement.recomputed
            for problem in judgement.unsound {
                problems.append(
                    "UNSOUND ACCEPTANCE: mutant \(n) of \(original.name) (\(description)): \(problem)\n\(String(decoding: bytes, as: UTF8.self))"
                )
            }
            for problem in judgement.undecided {
                problems.append(
                    "UNDECIDED (the oracle cannot recompute it; lead, please look): mutant \(n) of \(original.name) (\(description)): \(problem)\n\(String(decoding: bytes, as: UTF8.self))"
                )
            }
        }
        let elapsed = clock.now - start
        print(
            """
            mutation loop: \(total) mutants (\(kinds["bytes"] ?? 0) byte-level, \(kinds["structure"] ?? 0) structure-aware) in \(elapsed): \
            accepted \(statuses[.verified] ?? 0) (\(identicalMutants) with every claim identical to the original's, \(recomputedMutants) with \
            \(recomputedClaims) changed claims recomputed true), failed \(statuses[.failed] ?? 0), malformed \(statuses[.malformed] ?? 0), \
            limited \(statuses[.limitExceeded] ?? 0)
            accepted with changed claims, recomputed true (examples):
            \(recomputedExamples.map { "  " + $0 }.joined(separator: "\n"))
            """)
        #expect(statuses.values.reduce(0, +) == total)
        #expect((statuses[.verified] ?? 0) > 0 && (statuses[.failed] ?? 0) > 0 && (statuses[.malformed] ?? 0) > 0)
        #expect(
            problems.isEmpty,
            "\(problems.count) accepted mutants are not known to be true:\n\(problems.prefix(3).joined(separator: "\n\n"))")
    }
}
