/// What a trusted extension of the kernel adds: the checks of rules, and the builders of
/// object kinds, that the format declares (``RuleName``, ``ObjectKind``) but this target
/// does not implement. DyadCert has one extension, the target `MatrixKernel` (MATH.md
/// sec. 11-12, seeds 004 and 003), whose value is `KernelExtension.matrices`.
///
/// A verifier without the extension a certificate needs stops on the first such rule or
/// object with a malformed-input error (exit 2) that names the extension. An extension
/// cannot replace a core rule or object kind: the verifier consults it only for the
/// names the core declares as the extension's.
public struct KernelExtension: Sendable {
    /// Builds one object of a kind the extension defines, from its definition's fields,
    /// with the objects defined before it.
    package typealias ObjectBuilder =
        @Sendable (_ objects: ObjectStore, _ fields: Fields, _ context: ReadingContext) throws(KernelError) -> KernelObject

    /// The name of the one extension (`.matrices`, the target `MatrixKernel`), for the
    /// error when a certificate needs it and the verifier was not given it.
    static let matricesName = "MatrixKernel"

    package let rules: [RuleName: any Rule.Type]
    package let objectBuilders: [ObjectKind: ObjectBuilder]

    package init(rules: [any Rule.Type], objectBuilders: [ObjectKind: ObjectBuilder]) {
        self.rules = Dictionary(rules.map { ($0.declaration.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.objectBuilders = objectBuilders
    }
}

/// An object of a kind an extension builds (for `MatrixKernel`: a matrix, a ReLU network,
/// ReLU data), held by the core as ``KernelObject/extended(_:)``.
package protocol ExtensionObject: Sendable {
    /// The kind of object, for messages ("a matrix").
    var kindName: String { get }
}

extension [KernelExtension] {
    /// The checker of a rule the format declares as an extension's, if one of these
    /// extensions has it.
    func rule(_ name: RuleName) -> (any Rule.Type)? {
        lazy.compactMap { $0.rules[name] }.first
    }

    /// The builder of an object kind the core does not build, if one of these extensions
    /// has it.
    func objectBuilder(_ kind: ObjectKind) -> KernelExtension.ObjectBuilder? {
        lazy.compactMap { $0.objectBuilders[kind] }.first
    }

    /// The error for a rule or an object kind that no extension given to the verifier
    /// checks or builds.
    static func unsupported(_ word: String, at pointer: JSONPointer, what: String) -> KernelError {
        .malformed(
            pointer: pointer,
            expected:
                "\(what) this verifier checks (\"\(word)\" is checked by the trusted extension \(KernelExtension.matricesName), which this verifier was not given)",
            found: "\"\(word)\"")
    }
}
