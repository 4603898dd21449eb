import Dispatch
import Synchronization

/// Checks certificates: parses strictly, rebuilds the objects, and checks every claim
/// in file order with its rule. A claim may use only earlier claims, and a claim whose
/// dependency failed fails too. Nothing a certificate states is accepted unless the
/// kernel recomputed it or it follows from the named lemma's checked side conditions.
public struct Verifier: Sendable {
    public var limits: VerificationLimits
    /// How many claims of one certificate may be checked at the same time.
    public var jobs: Int
    /// The trusted extensions whose rules and object kinds this verifier checks besides the
    /// core's (`[.matrices]` for MATH.md sec. 11-12); without them such claims are errors.
    public var extensions: [KernelExtension]

    public init(limits: VerificationLimits = VerificationLimits(), jobs: Int = 1, extensions: [KernelExtension] = []) {
        self.limits = limits
        self.jobs = max(1, jobs)
        self.extensions = extensions
    }

    /// Verifies a certificate given as bytes; `path` only names it in the verdict, and
    /// `observer` hears each claim's check start and end.
    public func verify(bytes: [UInt8], path: String, observer: (@Sendable (ClaimEvent) -> Void)? = nil) -> FileVerdict {
        guard bytes.count <= limits.maximumFileSize else {
            return FileVerdict(
                path: path, description: nil, claims: [],
                error: .limitExceeded(
                    pointer: JSONPointer(), limit: .fileSize, value: String(bytes.count), maximum: .raisable(limits.maximumFileSize)))
        }
        var jsonLimits = JSONLimits()
        jsonLimits.maximumBytes = limits.maximumFileSize
        jsonLimits.maximumStringBytes = limits.maximumFileSize // so --max-file-size governs both
        let root: JSONValue
        do {
            root = try JSONParser.parse(bytes, limits: jsonLimits)
        } catch {
            let kernelError: KernelError =
                error.isLimit
                ? .limitExceeded(
                    pointer: error.pointer, limit: .fileSize, value: error.description, maximum: .raisable(limits.maximumFileSize))
                : .malformed(pointer: error.pointer, expected: "well-formed JSON (RFC 8259)", found: error.description)
            return FileVerdict(path: path, description: nil, claims: [], error: kernelError)
        }
        let context = ReadingContext(limits: limits)
        let document: CertificateDocument
        let objects: ObjectStore
        do {
            document = try CertificateDocument(root, context: context)
            objects = try ObjectStore(document.objects, context: context, extensions: extensions)
        } catch {
            return FileVerdict(path: path, description: nil, claims: [], error: error)
        }
        return check(document, objects: objects, context: context, path: path, observer: observer)
    }

    /// The claims' dependency depth: 0 for claims that use nothing valid.
    private func waves(_ claims: [CertificateDocument.ClaimEntry], index: [String: Int]) -> [[Int]] {
        var depth = [Int](repeating: 0, count: claims.count)
        for claim in claims {
            for id in claim.uses {
                if let j = index[id], j < claim.index { depth[claim.index] = max(depth[claim.index], depth[j] + 1) }
            }
        }
        let levels = (depth.max() ?? 0) + 1
        var result = [[Int]](repeating: [], count: levels)
        for (i, d) in depth.enumerated() { result[d].append(i) }
        return result
    }

    private func check(
        _ document: CertificateDocument, objects: ObjectStore, context: ReadingContext, path: String,
        observer: (@Sendable (ClaimEvent) -> Void)?
    ) -> FileVerdict {
        let claims = document.claims
        let slots = VerdictSlots(count: claims.count)
        let claimIndex = Dictionary(claims.map { ($0.id, $0.index) }, uniquingKeysWith: { _, last in last })
        let done = Counter()
        for wave in waves(claims, index: claimIndex) {
            let work: @Sendable (Int) -> Void = { k in
                let claim = claims[wave[k]]
                observer?(.started(index: claim.index))
                slots.set(claim.index, self.checkClaim(claim, index: claimIndex, objects: objects, context: context, slots: slots))
                observer?(.finished(index: claim.index, id: claim.id, done: done.increment(), total: claims.count))
            }
            if jobs == 1 || wave.count == 1 {
                for k in 0..<wave.count { work(k) }
            } else {
                let gate = DispatchSemaphore(value: jobs)
                DispatchQueue.concurrentPerform(iterations: wave.count) { k in
                    gate.wait()
                    work(k)
                    gate.signal()
                }
            }
        }
        // Report in file order; the first error (in file order) stops the report there.
        var verdicts: [ClaimVerdict] = []
        for i in 0..<claims.count {
            switch slots.get(i) {
            case .verdict(let v, _): verdicts.append(v)
            case .error(let e): return FileVerdict(path: path, description: document.description, claims: verdicts, error: e)
            case nil: break
            }
        }
        return FileVerdict(path: path, description: document.description, claims: verdicts, error: nil)
    }

    private func checkClaim(
        _ claim: CertificateDocument.ClaimEntry, index: [String: Int], objects: ObjectStore, context: ReadingContext, slots: VerdictSlots
    ) -> VerdictSlots.Entry {
        let rule: any Rule.Type
        switch claim.rule.checker {
        case .core(let coreRule): rule = coreRule
        case .matrixKernel:
            guard let extensionRule = extensions.rule(claim.rule) else {
                return .error([KernelExtension].unsupported(claim.rule.rawValue, at: claim.pointer.appending("rule"), what: "a rule"))
            }
            rule = extensionRule
        }
        func verdict(_ summary: String, _ failure: ClaimFailure?) -> ClaimVerdict {
            ClaimVerdict(
                id: claim.id, rule: claim.rule.rawValue, lemma: rule.lemma, summary: summary, json: claim.json,
                outcome: failure.map { .failed($0) } ?? .passed)
        }
        // Dependencies: earlier claims only, and all of them verified. A dependency
        // problem makes the claim fail, but its inputs are still read, so that malformed
        // input is reported as such (exit 2) whatever else is wrong.
        var used: [EstablishedClaim] = []
        var dependencyFailure: ClaimFailure? = nil
        for (k, id) in claim.uses.enumerated() where dependencyFailure == nil {
            let reason: String
            if let j = index[id], j < claim.index {
                if case .verdict(let v, let established?) = slots.get(j), v.passed {
                    used.append(established)
                    continue
                }
                reason = "depends on failed claim \(id)"
            } else if let j = index[id] {
                reason =
                    j == claim.index
                    ? "uses \(id), which is this claim itself"
                    : "uses \(id), which is not an earlier claim (claim \(j) comes after claim \(claim.index))"
            } else {
                reason = "uses \(id), but no claim has that name"
            }
            dependencyFailure = ClaimFailure(
                reason: reason, expected: nil, computed: nil, pointer: claim.pointer.appending("uses").appending(k))
        }
        do {
            let result = try rule.check(claim, CheckContext(objects: objects, limits: limits, readingContext: context, usedInOrder: used))
            if let dependencyFailure { return .verdict(verdict(result.summary, dependencyFailure), nil) }
            let established = result.failure == nil ? EstablishedClaim(id: claim.id, rule: claim.rule.rawValue, facts: result.facts) : nil
            return .verdict(verdict(result.summary, result.failure), established)
        } catch {
            return .error(error)
        }
    }
}

/// What the verifier reports while it checks a certificate's claims, for progress displays
/// and timings outside the kernel. No verdict depends on it.
public enum ClaimEvent: Sendable {
    /// The check of the claim at `index` (file order) starts.
    case started(index: Int)
    /// The check of the claim at `index` ended; `done` of the certificate's `total` claims
    /// are checked.
    case finished(index: Int, id: String, done: Int, total: Int)
}

/// Results of concurrently checked claims, each slot written once.
final class VerdictSlots: Sendable {
    enum Entry: Sendable {
        /// A verdict, with what later claims see of the claim when it holds (nil otherwise).
        case verdict(ClaimVerdict, EstablishedClaim?)
        case error(KernelError)
    }

    private let entries: Mutex<[Entry?]>

    init(count: Int) { entries = Mutex(Array(repeating: nil, count: count)) }

    func set(_ i: Int, _ entry: Entry) { entries.withLock { $0[i] = entry } }
    func get(_ i: Int) -> Entry? { entries.withLock { $0[i] } }
}

/// A thread-safe counter for progress reports.
final class Counter: Sendable {
    private let value = Mutex(0)
    func increment() -> Int {
        value.withLock {
            $0 += 1
            return $0
        }
    }
}
