import ArgumentParser
import CertificateAudit
import Foundation

/// `dyadcert audit FILE`: the human-readable derivation of a certificate.
struct Audit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a human-readable audit of a certificate (Markdown, or one self-contained HTML file with plots).",
        discussion: "Every claim is re-verified by the kernel; the report shows each claim's rule, lemma, dependencies and exact values (fraction and decimal)."
    )

    @Argument(help: "The certificate file.")
    var file: String

    @Option(help: "markdown, html, or latex (the results table and claim list for a paper's appendix).")
    var format: AuditFormat = .markdown

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    @Option(help: "Shorthand for --format html -o FILE.")
    var html: String?

    @Flag(help: "With --format latex: a complete document instead of a fragment to \\input.")
    var standalone = false

    enum AuditFormat: String, ExpressibleByArgument, CaseIterable { case markdown, html, latex }

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            FileHandle.standardError.write(Data("error: \(file): cannot read the file\n".utf8))
            throw ExitCode(2)
        }
        let document: AuditDocument
        do { document = try AuditDocument(bytes: [UInt8](data), path: file) } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(2)
        }
        let useHTML = html != nil || format == .html
        let text = useHTML ? HTMLAudit.render(document)
            : format == .latex ? LaTeXAudit.render(document, standalone: standalone) : MarkdownAudit.render(document)
        if let path = html ?? output {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        } else {
            print(text, terminator: "")
        }
    }
}
