import CanonicalJSON
import ArgumentParser
import CertificateKernel
import Foundation
import MatrixKernel

/// `dyadcert shrink FILE -o MIN`: the smallest certificate that still shows a failure.
///
/// For a failing claim (the first, or the one named with `--claim`), the shrunk
/// certificate keeps only what that claim needs: the claims of its `uses` chain (and
/// every claim a `bits` term names), and the objects named anywhere in those claims'
/// inputs or, transitively, in those objects' definitions. The result is verified; it
/// is written only if the claim fails there with the same reason, stated and computed
/// values, so a bug report or a paper's referee gets a certificate of a few objects that
/// reproduces the failure.
struct Shrink: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the smallest certificate that still fails the way a claim of FILE fails, and the bound that would have passed.",
        discussion: """
            Keeps the failing claim (the first failing claim, or --claim ID), the claims it uses (transitively) \
            and the objects they name (transitively); verifies the result and writes it only if the claim fails \
            there the same way. Then prints what the kernel computed where the rule computes it (for example the \
            exact sup distance or bit count): the tightest statement that would have passed. \
            Exit status: 0 the shrunk certificate was written; 2 the file is unreadable or malformed, no claim \
            fails (or the named one passes), the result does not fail the same way, or it cannot be written; \
            3 a resource limit was exceeded; 64 a usage error.
            """
    )

    @Argument(help: "The certificate file with a failing claim.")
    var file: String

    @Option(name: .shortAndLong, help: "The shrunk certificate file to write (standard output when omitted).")
    var output: String?

    @Option(help: "The id of the failing claim to keep (default: the first failing claim).")
    var claim: String?

    @OptionGroup var limits: LimitOptions

    func run() throws {
        let verifier = Verifier(
            limits: limits.verificationLimits, jobs: ProcessInfo.processInfo.activeProcessorCount, extensions: [.matrices])
        let bytes: [UInt8]
        switch CertificateFiles.read(file, limit: verifier.limits.maximumFileSize) {
        case .failure(let error): return try Shrink.fail("\(file): \(error)", code: error.isLimit ? 3 : 2)
        case .success(let read): bytes = read
        }
        let verdict = verifier.verify(bytes: bytes, path: file)
        if let error = verdict.error {
            return try Shrink.fail(
                "\(file): \(error) (shrink needs a certificate the kernel can check to the end)", code: verdict.status.exitCode)
        }
        let target: ClaimVerdict
        if let claim {
            guard let named = verdict.claims.first(where: { $0.id == claim }) else {
                throw ValidationError("\(file) has no claim '\(claim)' (claims: \(verdict.claims.map(\.id).joined(separator: ", ")))")
            }
            guard !named.passed else { return try Shrink.fail("\(file)#\(claim) verifies; shrink needs a failing claim", code: 2) }
            target = named
        } else {
            guard let first = verdict.claims.first(where: { !$0.passed }) else {
                return try Shrink.fail("\(file): every claim verifies; nothing to shrink", code: 2)
            }
            target = first
        }
        guard case .failed(let failure) = target.outcome else { return }
        // The file verified without error, so it is well-formed JSON with this layout.
        guard let root = try? JSONParser.parse(bytes), let shrunk = Shrink.minimal(root, keeping: target.id, source: file) else {
            return try Shrink.fail("\(file): cannot read the certificate's objects and claims", code: 2)
        }
        let text = CanonicalCertificate.text(shrunk.document)
        // The shrunk certificate must fail the same way.
        let again = verifier.verify(bytes: Array(text.utf8), path: output ?? "<shrunk>")
        guard again.error == nil, case .failed(let repeated)? = again.claims.first(where: { $0.id == target.id })?.outcome,
            Shrink.sameFailure(failure, repeated)
        else {
            return try Shrink.fail(
                "internal: the shrunk certificate does not fail the way \(file)#\(target.id) does; nothing was written", code: 2)
        }
        try OutputFile.emit(text, to: output)
        let note = """
            \(file)#\(target.id) (\(target.rule)) fails: \(failure.reason) (at \(failure.pointer.display))
            kept \(shrunk.claims) of \(shrunk.originalClaims) claims and \(shrunk.objects) of \(shrunk.originalObjects) objects\(output.map { " in \($0)" } ?? "")
            \(Shrink.tightest(failure))

            """
        FileHandle.standardError.write(Data(note.utf8))
    }

    static func fail(_ message: String, code: Int32) throws {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
        throw ExitCode(code)
    }

    /// What would have passed: the kernel's computed value where the rule computes one.
    static func tightest(_ failure: ClaimFailure) -> String {
        if failure.reason.hasPrefix("depends on failed claim") || failure.reason.hasPrefix("uses ") {
            return "no bound: the claim fails through its dependency; shrink that claim (--claim) for its own failure"
        }
        guard let computed = failure.computed else {
            return "no bound: this rule computes no value for this failure (\(failure.reason))"
        }
        return "tightest passing statement, as the kernel computed it: \(computed)" + (failure.expected.map { " (stated: \($0))" } ?? "")
    }

    /// The same reason, stated and computed values, and the same place within the claim.
    static func sameFailure(_ a: ClaimFailure, _ b: ClaimFailure) -> Bool {
        a.reason == b.reason && a.expected == b.expected && a.computed == b.computed
            && Array(a.pointer.tokens.dropFirst(2)) == Array(b.pointer.tokens.dropFirst(2))
    }

    /// The shrunk document and how much of the original it keeps.
    struct Result {
        let document: JSONValue
        let claims: Int, originalClaims: Int
        let objects: Int, originalObjects: Int
    }

    /// The certificate holding only what claim `id` needs (nil when `root` does not have
    /// the top-level layout of a certificate). Pure: it reads names, it checks nothing.
    static func minimal(_ root: JSONValue, keeping id: String, source: String) -> Result? {
        guard case .object(let top) = root, case .object(let objects)? = top["objects"], case .array(let claims)? = top["claims"] else {
            return nil
        }
        var claimByID: [String: JSONObject] = [:]
        for case .object(let c) in claims { if case .string(let name)? = c["id"] { claimByID[name] = c } }
        guard claimByID[id] != nil else { return nil }

        // Claims: the uses chain, and the claims `bits` terms name.
        var neededClaims: Set<String> = []
        var pending = [id]
        while let next = pending.popLast() {
            guard neededClaims.insert(next).inserted, let c = claimByID[next] else { continue }
            if case .array(let uses)? = c["uses"] { for case .string(let u) in uses { pending.append(u) } }
            if let inputs = c["inputs"] { pending += strings(in: inputs, underKey: "claim") }
        }
        // Objects: every name in those claims' inputs, then in the objects' definitions.
        var neededObjects: Set<String> = []
        var names = neededClaims.compactMap { claimByID[$0]?["inputs"] }.flatMap { strings(in: $0, underKey: nil) }
        while let name = names.popLast() {
            guard let definition = objects[name], neededObjects.insert(name).inserted else { continue }
            if case .object(let fields) = definition {
                for (key, value) in fields where key != "kind" { names += strings(in: value, underKey: nil) }
            }
        }
        let keptObjects = objects.members.filter { neededObjects.contains($0.key) }
        let keptClaims = claims.filter { value in
            if case .object(let c) = value, case .string(let name)? = c["id"] { return neededClaims.contains(name) }
            return false
        }
        var members: [(key: String, value: JSONValue)] = []
        for (key, value) in top.members {
            switch key {
            case "objects": members.append((key, .object(JSONObject(keptObjects))))
            case "claims": members.append((key, .array(keptClaims)))
            case "description":
                let original: String
                if case .string(let text) = value { original = text } else { original = "" }
                members.append(
                    (
                        key,
                        .string(
                            "Shrunk by dyadcert shrink from \((source as NSString).lastPathComponent) to the claim \(id) and what it needs. \(original)"
                        )
                    ))
            default: members.append((key, value))
            }
        }
        return Result(
            document: .object(JSONObject(members)), claims: keptClaims.count, originalClaims: claims.count,
            objects: keptObjects.count, originalObjects: objects.count)
    }

    /// Every string in `value` (only those under `key`, when given), depth first.
    static func strings(in value: JSONValue, underKey key: String?) -> [String] {
        switch value {
        case .string(let text): return key == nil ? [text] : []
        case .array(let items): return items.flatMap { strings(in: $0, underKey: key) }
        case .object(let object):
            return object.members.flatMap { member -> [String] in
                if let key, member.key == key { return strings(in: member.value, underKey: nil) }
                return strings(in: member.value, underKey: key)
            }
        default: return []
        }
    }
}
