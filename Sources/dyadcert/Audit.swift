import ArgumentParser
import CertificateAudit
import CertificateKernel
import Foundation

/// `dyadcert audit PATH...`: the human-readable derivation of certificates.
struct Audit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a human-readable audit of certificates (Markdown, or one self-contained HTML file with plots).",
        discussion: """
            Every claim is re-verified by the kernel (with the limit flags below); the report shows each claim's \
            rule, lemma, dependencies and exact values (fraction and decimal). PATH may be a file or a directory \
            (searched recursively for *.dyadcert.json). With several certificates, -o names a directory that \
            receives one report per certificate (NAME.md or NAME.html); Markdown without -o goes to standard \
            output, one report after the other. The report is written whatever the verdict, and the exit status \
            is verify's: 0 every claim verified; 1 some claim is false; 2 unreadable or malformed input, or a \
            report that cannot be written; 3 a resource limit was exceeded; 64 a usage error.
            """
    )

    @Argument(help: "Certificate files or directories.")
    var paths: [String]

    @Option(help: "markdown, html, or latex (the results table and claim list for a paper's appendix).")
    var format: AuditFormat = .markdown

    @Option(name: .shortAndLong, help: "Write to this file (one certificate) or into this directory (several) instead of standard output.")
    var output: String?

    @Option(help: "Shorthand for --format html -o FILE.")
    var html: String?

    @Flag(help: "With --format latex: a complete document instead of a fragment to \\input.")
    var standalone = false

    @OptionGroup var limits: LimitOptions

    enum AuditFormat: String, ExpressibleByArgument, CaseIterable { case markdown, html, latex }

    func validate() throws {
        guard !paths.isEmpty else { throw ValidationError("give at least one certificate file or directory") }
        if html != nil && output != nil { throw ValidationError("give --html FILE or -o FILE, not both") }
    }

    func run() throws {
        let files = try CertificateFiles.expandOrExit(paths)
        let useHTML = html != nil || format == .html
        let destination = html ?? output
        let several = files.count > 1
        if several {
            guard let destination else {
                if useHTML || format == .latex { throw ValidationError("HTML and LaTeX audits of several certificates need -o DIRECTORY") }
                return try auditAll(files, useHTML: false, directory: nil)
            }
            var isDirectory: ObjCBool = false
            if !FileManager.default.fileExists(atPath: destination, isDirectory: &isDirectory) {
                do { try FileManager.default.createDirectory(atPath: destination, withIntermediateDirectories: true) } catch {
                    FileHandle.standardError.write(Data("error: \(destination): cannot create the directory for the reports\n".utf8))
                    throw ExitCode(2)
                }
            } else if !isDirectory.boolValue {
                throw ValidationError("with several certificates, -o must name a directory (\(destination) is a file)")
            }
            return try auditAll(files, useHTML: useHTML, directory: destination)
        }
        var code: Int32 = 0
        if let text = report(files[0], useHTML: useHTML, code: &code) {
            if let problem = destination.flatMap({ OutputFile.write(text, to: $0) }) {
                FileHandle.standardError.write(Data("error: \(problem)\n".utf8))
                code = 2
            } else if destination == nil {
                print(text, terminator: "")
            }
        }
        if code != 0 { throw ExitCode(code) }
    }

    /// Audits every file, writing each report into `directory` (or to standard output),
    /// and exits with verify's exit code over all of them.
    private func auditAll(_ files: [String], useHTML: Bool, directory: String?) throws {
        var code: Int32 = 0
        var written: Set<String> = []
        for file in files {
            var fileCode: Int32 = 0
            guard let text = report(file, useHTML: useHTML, code: &fileCode) else {
                code = Audit.worse(code, fileCode)
                continue
            }
            code = Audit.worse(code, fileCode)
            guard let directory else {
                print(text, terminator: "")
                continue
            }
            var name = (file as NSString).lastPathComponent
            if name.hasSuffix(CertificateFiles.suffix) { name = String(name.dropLast(CertificateFiles.suffix.count)) }
            var target = (directory as NSString).appendingPathComponent(name + extensionFor(useHTML))
            var k = 2
            while written.contains(target) { // two certificates with one name in different directories
                target = (directory as NSString).appendingPathComponent("\(name)-\(k)" + extensionFor(useHTML))
                k += 1
            }
            written.insert(target)
            if let problem = OutputFile.write(text, to: target) {
                FileHandle.standardError.write(Data("error: \(problem)\n".utf8))
                code = 2
            } else {
                FileHandle.standardError.write(Data("\(file): \(target)\n".utf8))
            }
        }
        if code != 0 { throw ExitCode(code) }
    }

    /// The report of one file (nil when it cannot be read as JSON); `code` becomes the
    /// file's verify exit code, and a message for a failing file goes to standard error.
    private func report(_ file: String, useHTML: Bool, code: inout Int32) -> String? {
        let verificationLimits = limits.verificationLimits
        let bytes: [UInt8]
        switch CertificateFiles.read(file, limit: verificationLimits.maximumFileSize) {
        case .failure(let error):
            FileHandle.standardError.write(Data("error: \(file): \(error)\n".utf8))
            code = error.isLimit ? 3 : 2
            return nil
        case .success(let read): bytes = read
        }
        let document: AuditDocument
        do { document = try AuditDocument(bytes: bytes, path: file, limits: verificationLimits) } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            code = 2
            return nil
        }
        let verdict = document.verdict
        code = verdict.status.exitCode
        if let error = verdict.error {
            FileHandle.standardError.write(Data("error: \(file): \(error)\n".utf8))
        } else if verdict.status == .failed {
            let failed = verdict.claims.filter { !$0.passed }.map(\.id)
            FileHandle.standardError.write(
                Data("\(file): \(failed.count) claim\(failed.count == 1 ? "" : "s") failed: \(failed.joined(separator: ", "))\n".utf8))
        }
        if useHTML { return HTMLAudit.render(document) }
        return format == .latex ? LaTeXAudit.render(document, standalone: standalone) : MarkdownAudit.render(document)
    }

    /// The file extension of one report in a directory of reports.
    private func extensionFor(_ useHTML: Bool) -> String {
        useHTML ? ".html" : format == .latex ? ".tex" : ".md"
    }

    /// verify's precedence: 2 over 3, 3 over 1, 1 over 0.
    static func worse(_ a: Int32, _ b: Int32) -> Int32 {
        for code: Int32 in [2, 3, 1] where a == code || b == code { return code }
        return 0
    }
}
