// The split of the trusted kernel by paper: CertificateKernel checks the core paper's
// rules (MATH.md sec. 2-10) and the trusted extension MatrixKernel those of sec. 11-12.
// A verifier without the extension must refuse, with a located error, every claim and
// object that needs it, and must give every other certificate exactly the verdict the
// complete verifier gives.
import Testing
@testable import CertificateKernel
import MatrixKernel

@Suite("Kernel extensions")
struct KernelExtensionTests {
    /// The rules and object kinds MATH.md sec. 11-12 adds, written out here (not read from
    /// the kernel), so a rule that moved between the two kernels makes the test fail.
    static let matrixRules: Set<String> = [
        "relu-interpolates", "weight-decay", "neuron-sharing", "width-from-rank", "mtl-gap", "penalised-mtl-gap",
        "mtl-screen", "compress-preserves", "lasso-gap", "lasso-screen", "support", "support-variability",
    ]
    static let matrixKinds: Set<String> = ["matrix", "relu-network", "relu-data"]

    @Test("the core checks exactly the core rules; the extension exactly the rest")
    func partition() {
        for name in RuleName.allCases {
            let inCore = name.checker.isCore
            #expect(inCore == !Self.matrixRules.contains(name.rawValue), "\(name.rawValue)")
            #expect((KernelExtension.matrices.rules[name] != nil) == Self.matrixRules.contains(name.rawValue), "\(name.rawValue)")
            // The extension's checker carries the declaration the core gives the format.
            if let rule = KernelExtension.matrices.rules[name] {
                #expect(rule.declaration.inputs == name.declaration.inputs && rule.declaration.statement == name.declaration.statement)
            }
        }
        #expect(Set(KernelExtension.matrices.objectBuilders.keys.map(\.rawValue)) == Self.matrixKinds)
    }

    @Test("without the extension, shipped certificates of the core verify exactly as with it")
    func coreCertificatesIndependentOfExtension() throws {
        var coreFiles = 0
        for (name, bytes) in Robustness.shippedCertificates {
            let text = String(decoding: bytes, as: UTF8.self)
            let usesMatrices =
                Self.matrixRules.contains { text.contains("\"rule\": \"\($0)\"") || text.contains("\"rule\":\"\($0)\"") }
                || Self.matrixKinds.contains { text.contains("\"kind\": \"\($0)\"") || text.contains("\"kind\":\"\($0)\"") }
            let complete = Verifier(extensions: [.matrices]).verify(bytes: bytes, path: name)
            let core = Verifier().verify(bytes: bytes, path: name)
            if usesMatrices {
                #expect(core.status == .malformed, "\(name)")
                #expect(core.error?.description.contains("MatrixKernel") == true, "\(name)")
                #expect(complete.status == .verified, "\(name)")
            } else {
                coreFiles += 1
                #expect(core.status == complete.status, "\(name)")
                #expect(core.claims.map(\.summary) == complete.claims.map(\.summary), "\(name)")
                #expect(core.claims.map(\.passed) == complete.claims.map(\.passed), "\(name)")
            }
        }
        #expect(coreFiles >= 10)
    }

    @Test("a core verifier names the rule it does not check, at /claims/i/rule")
    func missingRuleIsLocated() {
        let text = """
            {"format":"dyadcert/1","objects":{},"claims":[
              {"id":"c1","rule":"support-variability","inputs":{"heads":["B"]},"statement":{"holds":"true"}}]}
            """
        let verdict = Verifier().verify(bytes: Array(text.utf8), path: "t")
        #expect(verdict.status == .malformed)
        #expect(verdict.error?.pointer.description == "/claims/0/rule")
        #expect(verdict.error?.description.contains("\"support-variability\" is checked by the trusted extension MatrixKernel") == true)
    }

    @Test("a core verifier names the object kind it does not build, at /objects/name/kind")
    func missingObjectKindIsLocated() {
        let text = """
            {"format":"dyadcert/1","objects":{"X":{"kind":"matrix","rows":"1","columns":"1","entries":[["1"]]}},"claims":[
              {"id":"c1","rule":"sup-distance","inputs":{"f":"X","g":"X"},"statement":{"relation":"=","bound":"0"}}]}
            """
        let verdict = Verifier().verify(bytes: Array(text.utf8), path: "t")
        #expect(verdict.status == .malformed)
        #expect(verdict.error?.pointer.description == "/objects/X/kind")
        #expect(verdict.error?.description.contains("\"matrix\" is checked by the trusted extension MatrixKernel") == true)
        // With the extension the matrix is built, and the claim fails on the object's kind.
        let complete = Verifier(extensions: [.matrices]).verify(bytes: Array(text.utf8), path: "t")
        #expect(complete.error?.description.contains("found a reference to a matrix") == true)
    }

    @Test("an extension cannot replace a core rule")
    func extensionCannotOverrideCore() {
        // A rogue extension that declares `sup-distance` with a checker that accepts
        // everything: the verifier never consults extensions for core rules.
        let rogue = KernelExtension(rules: [AcceptEverything.self], objectBuilders: [:])
        let text = """
            {"format":"dyadcert/1","objects":{"f":{"kind":"step-function","breakpoints":["0","1"],"values":["0"]},
              "g":{"kind":"step-function","breakpoints":["0","1"],"values":["1"]}},"claims":[
              {"id":"c1","rule":"sup-distance","inputs":{"f":"f","g":"g"},"statement":{"relation":"=","bound":"0"}}]}
            """
        let verdict = Verifier(extensions: [rogue]).verify(bytes: Array(text.utf8), path: "t")
        #expect(verdict.status == .failed)
    }
}

/// A false checker for `extensionCannotOverrideCore`: it accepts every claim.
private enum AcceptEverything: Rule {
    static let declaration = RuleName.supDistance.declaration
    static func check(_ claim: CertificateDocument.ClaimEntry, _ context: CheckContext) throws(KernelError) -> RuleResult {
        .holds("anything")
    }
}

extension RuleName.Checker {
    fileprivate var isCore: Bool {
        if case .core = self { return true }
        return false
    }
}
