import CertificateKernel

// The format's declarations as the canonical key order and the generator read them; the
// kernel reads each rule's declaration from its checker and never needs the lists.

extension RuleName {
    /// The rule's declaration: its lemma and keys, part of the format whichever kernel
    /// checks the rule.
    public var declaration: RuleDeclaration {
        switch checker {
        case .core(let rule): rule.declaration
        case .matrixKernel(let declaration): declaration
        }
    }
}

extension FormatStructure {
    /// Every key list of the format, one per kind of JSON object a certificate may hold:
    /// the certificate and its claims, every object kind, every rule's inputs and
    /// statement, and the nested structures.
    public static var allKeyLists: [[String]] {
        [certificate.keys, claim.keys] + ObjectKind.allCases.map(\.keys) + [layer.keys, unit.keys, inlineSigns.keys]
            + RuleName.allCases.flatMap { [$0.declaration.inputs, $0.declaration.statement] }
            + [bitsTerm.keys, meaning.keys, dyadicMatrix.keys]
    }
}
