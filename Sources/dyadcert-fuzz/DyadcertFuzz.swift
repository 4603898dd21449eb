// The fuzzing harness of the certificate kernel (PRODUCT.md, "Reliability and security").
//
// Built with `-Xswiftc -sanitize=fuzzer -Xswiftc -DFUZZING`, `main` hands the command
// line to libFuzzer's driver, which calls `LLVMFuzzerTestOneInput` with each input (and
// replays a crash file given as an argument); built normally, this is a replay tool that
// runs the same checks on the files named on its command line (a corpus directory, or
// the crash file libFuzzer wrote). See README, "Fuzzing the kernel".
import CanonicalJSON
import CertificateAudit
import CertificateKernel
import MatrixKernel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Small limits, so that a single input cannot make one run slow: the fuzzer looks for
/// crashes, traps and hangs, and every limit path is as interesting as the work it bounds.
let fuzzLimits: VerificationLimits = {
    var limits = VerificationLimits()
    limits.maximumLevel = 8
    limits.maximumDigits = 200
    limits.maximumCells = 1 << 14
    limits.maximumEnumeration = 1 << 10
    limits.maximumNetworkSize = 1 << 12
    limits.maximumFileSize = 1 << 20
    return limits
}()

/// Writes a line to standard error (file descriptor 2).
func printError(_ text: String) {
    var line = text + "\n"
    line.withUTF8 { buffer in _ = write(2, buffer.baseAddress, buffer.count) }
}

/// Stops the process (a crash libFuzzer reports and saves) when an invariant of the
/// kernel's answer does not hold.
func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition {
        printError("dyadcert-fuzz: invariant violated: \(message())")
        abort()
    }
}

/// The value a JSON pointer designates, or nil.
func resolve(_ tokens: ArraySlice<String>, in value: JSONValue) -> JSONValue? {
    guard let token = tokens.first else { return value }
    switch value {
    case .object(let object):
        return object[token].flatMap { resolve(tokens.dropFirst(), in: $0) }
    case .array(let items):
        guard let index = Int(token), index >= 0, index < items.count, String(index) == token else { return nil }
        return resolve(tokens.dropFirst(), in: items[index])
    default:
        return nil
    }
}

/// Feeds one input to the strict JSON parser, the verifier and the audit, and checks
/// what they answer: the parser gives a value that the canonical writer round-trips, or
/// an error placed inside the input; the verifier gives a status in 0...3 that agrees
/// with its error, and an error's pointer names a place in the document (its parent
/// exists); an input that parses gets an audit in every format (the audit is untrusted,
/// but `dyadcert audit` must not trap on hostile input either).
func fuzzOne(_ bytes: [UInt8]) {
    defer { auditOne(bytes) }
    var root: JSONValue? = nil
    do {
        let value = try JSONParser.parse(bytes)
        let written = CanonicalJSONWriter.writeUTF8(value)
        let again = try? JSONParser.parse(written)
        require(again == value, "the canonical text does not parse back to the same value")
        root = value
    } catch {
        require(error.offset >= 0 && error.offset <= bytes.count, "syntax error offset \(error.offset) outside the input")
        require(!error.description.isEmpty, "empty syntax error message")
    }

    let verdict = Verifier(limits: fuzzLimits, jobs: 1, extensions: [.matrices]).verify(bytes: bytes, path: "fuzz-input")
    let code = verdict.status.exitCode
    require((0...3).contains(code), "exit code \(code)")
    if let error = verdict.error {
        require(code == (error.isLimit ? 3 : 2), "status \(verdict.status) disagrees with the error \(error)")
        require(!error.description.isEmpty, "empty error message")
        if let root, !error.isLimit {
            // A malformed-input error points at the bad value, or at the missing member
            // of an object that exists.
            let tokens = error.pointer.tokens
            require(
                resolve(tokens[...], in: root) != nil || resolve(tokens.dropLast(), in: root) != nil,
                "error pointer \(error.pointer.display) names no place in the document: \(error)")
        }
    } else {
        require(root != nil, "a document the parser rejects was not reported as malformed")
        require(code <= 1, "status \(verdict.status) without an error")
        for claim in verdict.claims {
            if case .failed(let failure) = claim.outcome, let root {
                let tokens = failure.pointer.tokens
                require(
                    resolve(tokens[...], in: root) != nil || resolve(tokens.dropLast(), in: root) != nil,
                    "failure pointer \(failure.pointer.display) names no place in the document")
            }
        }
    }
}

/// Renders the audit of one input in Markdown, HTML and LaTeX: a JSON object gets three
/// non-empty reports whose verdict agrees with the verifier's, anything else an error.
func auditOne(_ bytes: [UInt8]) {
    let document: AuditDocument
    do { document = try AuditDocument(bytes: bytes, path: "fuzz-input", limits: fuzzLimits) } catch {
        require(!String(describing: error).isEmpty, "empty audit error")
        return
    }
    let verdict = Verifier(limits: fuzzLimits, jobs: 1, extensions: [.matrices]).verify(bytes: bytes, path: "fuzz-input")
    require(
        document.verdict.status == verdict.status, "the audit's verdict \(document.verdict.status) is not the verifier's \(verdict.status)")
    let markdown = MarkdownAudit.render(document), html = HTMLAudit.render(document)
    let latex = LaTeXAudit.render(document, standalone: true)
    require(!markdown.isEmpty && html.hasSuffix("</html>\n") && latex.hasSuffix("\\end{document}\n"), "an audit format rendered no report")
}

/// libFuzzer's entry point: one input per call.
@_cdecl("LLVMFuzzerTestOneInput")
public func LLVMFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = (data == nil || size == 0) ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    fuzzOne(bytes)
    return 0
}

#if FUZZING

    /// libFuzzer's driver (in the runtime that `-sanitize=fuzzer` links). SwiftPM names the
    /// executable's entry point itself, so `main` below hands the command line to libFuzzer
    /// instead of relying on libFuzzer's own `main`.
    @_silgen_name("LLVMFuzzerRunDriver")
    func LLVMFuzzerRunDriver(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt

    @main
    struct FuzzDriver {
        static func main() {
            var argc = CommandLine.argc
            var argv = CommandLine.unsafeArgv
            exit(LLVMFuzzerRunDriver(&argc, &argv, { data, size in LLVMFuzzerTestOneInput(data, size) }))
        }
    }

#else

    /// Replays files (or every file of a directory) through the fuzz target's checks.
    @main
    struct FuzzReplay {
        static func main() {
            let arguments = Array(CommandLine.arguments.dropFirst())
            if arguments.isEmpty || arguments.contains("--help") {
                print("usage: dyadcert-fuzz FILE-OR-DIRECTORY...  (replays inputs through the fuzz target's checks)")
                exit(arguments.isEmpty ? 2 : 0)
            }
            var count = 0
            for argument in arguments {
                for path in files(argument) {
                    guard let bytes = readFile(path) else {
                        printError("dyadcert-fuzz: cannot read \(path)")
                        exit(2)
                    }
                    fuzzOne(bytes)
                    let verdict = Verifier(limits: fuzzLimits, jobs: 1, extensions: [.matrices]).verify(bytes: bytes, path: path)
                    print("\(verdict.status.rawValue)\t\(path)\(verdict.error.map { "\t\($0)" } ?? "")")
                    count += 1
                }
            }
            print("replayed \(count) inputs, no invariant violated")
        }

        /// The path itself, or the regular files directly inside a directory (sorted).
        static func files(_ path: String) -> [String] {
            guard let directory = opendir(path) else { return [path] }
            defer { closedir(directory) }
            var names: [String] = []
            while let entry = readdir(directory) {
                let name = withUnsafePointer(to: entry.pointee.d_name) {
                    $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
                }
                if !name.hasPrefix(".") { names.append(path + "/" + name) }
            }
            return names.sorted()
        }

        static func readFile(_ path: String) -> [UInt8]? {
            guard let file = fopen(path, "rb") else { return nil }
            defer { fclose(file) }
            var bytes: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let n = fread(&buffer, 1, buffer.count, file)
                if n > 0 { bytes.append(contentsOf: buffer[0..<n]) }
                if n < buffer.count { break }
            }
            return ferror(file) == 0 ? bytes : nil
        }
    }

#endif
