import Foundation
import Testing

/// `dyadcert generate sparse-heads` on the command line: the shipped flagship is what
/// its command writes, bad options are usage errors (64), and a request over a limit is
/// refused before anything is built (3, naming the flag).
@Suite("generate sparse-heads")
struct SparseHeadsCommandTests {
    typealias CLI = CommandLineTests

    @Test("the flagship's command writes the shipped bytes, and --verify passes its 23 claims")
    func flagship() throws {
        let directory = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("sh.dyadcert.json").path
        let run = try CLI.run([
            "generate", "sparse-heads", "--tasks", "8", "--features", "40", "--samples", "100", "--sparsity", "3", "--seed", "1",
            "--verify", "-o", path,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("verified: 23 claims"))
        let shipped = CLI.root.appendingPathComponent("Certificates/flagship/sparse-heads-T8-p40-n100.dyadcert.json")
        #expect(FileManager.default.contents(atPath: path) == FileManager.default.contents(atPath: shipped.path))
    }

    @Test(
        "options that admit no instance are usage errors",
        arguments: [
            ["--sparsity", "0"], ["--tasks", "3", "--sparsity", "3"], ["--tasks", "5", "--sparsity", "3"],
            ["--lambda", "0"], ["--lambda", "2/4"], ["--lambda", "0.5"], ["--features", "5"],
        ])
    func usage(arguments: [String]) throws {
        let run = try CLI.run(["generate", "sparse-heads"] + arguments)
        #expect(run.status == 64, "\(arguments): \(run.stderr)")
        #expect(run.stderr.contains("Usage: dyadcert generate sparse-heads"), "\(arguments): \(run.stderr)")
    }

    @Test("a request over a limit is refused at once with exit 3 and the flag")
    func limits() throws {
        let run = try CLI.run([
            "generate", "sparse-heads", "--tasks", "50", "--features", "500", "--samples", "2000", "--max-cells", "1000000",
        ])
        #expect(run.status == 3)
        #expect(run.stderr.contains("--max-cells") && run.stderr.contains("nothing was generated") && run.stdout.isEmpty)
        let work = try CLI.run([
            "generate", "sparse-heads", "--tasks", "50", "--features", "500", "--samples", "2000", "--max-work", "1000",
        ])
        #expect(work.status == 3 && work.stderr.contains("--max-work"))
    }
}
