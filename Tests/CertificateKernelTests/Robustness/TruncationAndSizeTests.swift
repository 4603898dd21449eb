import Testing
@testable import CertificateKernel

/// Truncated certificates and very large inputs: each ends quickly in a located error.
@Suite("Robustness: truncated and very large inputs")
struct TruncationAndSizeTests {
    /// Limits under which the hand-written certificates verify quickly in a debug build,
    /// and the large flagship ones stop at once with exit code 3.
    static var testLimits: VerificationLimits { MutationLoopTests.limits }

    @Test("the shipped certificates are found; each verifies or stops at a limit of the test")
    func shippedCertificatesVerify() {
        #expect(Robustness.shippedCertificates.count >= 6)
        var verified = 0
        for (name, bytes) in Robustness.shippedCertificates {
            let verdict = Robustness.verify(bytes, limits: Self.testLimits, path: name)
            #expect(verdict.status == .verified || verdict.status == .limitExceeded, "\(name): \(String(describing: verdict.error))")
            if verdict.status == .verified { verified += 1 }
        }
        #expect(verified >= 6)
    }

    /// The offsets a certificate is cut at: every byte of the first and last 100, and
    /// about 300 evenly spaced ones in between (at least every 7th byte).
    static func offsets(_ count: Int) -> [Int] {
        var result = Set<Int>()
        for i in 0..<min(count, 100) { result.insert(i) }
        for i in max(0, count - 100)..<count { result.insert(i) }
        for i in stride(from: 0, to: count, by: max(7, count / 300)) { result.insert(i) }
        return result.sorted()
    }

    @Test("a certificate cut at any offset is malformed JSON, located inside the document")
    func truncated() {
        var checked = 0
        for (name, bytes) in Robustness.shippedCertificates {
            guard let full = try? JSONParser.parse(bytes) else {
                Issue.record("\(name) does not parse")
                continue
            }
            // Trailing whitespace may be cut without harm.
            var end = bytes.count
            while end > 0, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[end - 1]) { end -= 1 }
            for offset in Self.offsets(bytes.count) {
                let verdict = Robustness.verify(Array(bytes[0..<offset]), limits: Self.testLimits, path: name)
                checked += 1
                if offset >= end {
                    #expect(verdict.status == .verified || verdict.status == .limitExceeded, "\(name) cut at \(offset) of \(bytes.count)")
                    continue
                }
                #expect(verdict.status == .malformed, "\(name) cut at \(offset): \(verdict.status)")
                guard let error = verdict.error else {
                    Issue.record("\(name) cut at \(offset): no error")
                    continue
                }
                #expect(error.description.contains("unexpected end of input"), "\(name) cut at \(offset): \(error)")
                // The pointer names a value of the complete document, or a member about to be added to one.
                let tokens = error.pointer.tokens
                #expect(
                    Robustness.value(at: tokens[...], in: full) != nil || Robustness.value(at: tokens.dropLast(), in: full) != nil,
                    "\(name) cut at \(offset): pointer \(error.pointer.display) is not in the document")
            }
        }
        #expect(checked > 1000)
    }

    @Test("every byte of a small certificate removed in turn: an answer every time")
    func singleByteDeletions() {
        guard let (name, bytes) = Robustness.shippedCertificates.min(by: { $0.bytes.count < $1.bytes.count }) else { return }
        var statuses: [FileVerdict.Status: Int] = [:]
        var whitespaceKept = true
        for i in 0..<bytes.count {
            var cut = bytes
            cut.remove(at: i)
            let status = Robustness.verify(cut, path: name).status
            statuses[status, default: 0] += 1
            // Deleting whitespace between tokens changes nothing.
            if bytes[i] == 0x0A || (bytes[i] == 0x20 && i > 0 && bytes[i - 1] == 0x20) {
                whitespaceKept = whitespaceKept && status == .verified
            }
        }
        #expect(whitespaceKept)
        #expect((statuses[.malformed] ?? 0) > 100)
        let answered: Int = statuses.values.reduce(0, +)
        #expect(answered == bytes.count)
    }

    /// `{"format": "dyadcert/1", "description": "aaaa...", "claims": []}` with `count` a's.
    static func hugeDescription(_ count: Int) -> [UInt8] {
        let head = Array(#"{"format": "dyadcert/1", "description": ""#.utf8), tail = Array(#"", "claims": []}"#.utf8)
        var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: head.count + count + tail.count)
        bytes.withUnsafeMutableBufferPointer { buffer in
            for (i, b) in head.enumerated() { buffer[i] = b }
            for (i, b) in tail.enumerated() { buffer[head.count + count + i] = b }
        }
        return bytes
    }

    @Test("a 100 MB string against a small file size limit: exit 3 at the root, at once")
    func hugeStringSmallLimit() {
        var limits = VerificationLimits()
        limits.maximumFileSize = 1 << 20
        let clock = ContinuousClock()
        let start = clock.now
        let verdict = Robustness.verify(Self.hugeDescription(100_000_000), limits: limits)
        #expect(verdict.status == .limitExceeded)
        #expect(verdict.error?.pointer.isRoot == true)
        #expect(verdict.error?.description.contains("--max-file-size") == true)
        #expect(clock.now - start < .seconds(5))
    }

    /// The string limit follows --max-file-size (a string cannot be longer than its file):
    /// under the default 256 MiB the 100 MB description is read, and the document is
    /// then malformed for its empty claims.
    @Test("a 100 MB string against the default limits: read, then exit 2, quickly")
    func hugeStringDefaultLimits() {
        let clock = ContinuousClock()
        let start = clock.now
        let verdict = Robustness.verify(Self.hugeDescription(100_000_000))
        #expect(verdict.status == .malformed, "\(String(describing: verdict.error))")
        #expect(verdict.error?.pointer.description == "/claims")
        #expect(clock.now - start < .seconds(20))
    }

    @Test("100 MB of whitespace, and 100 MB of opening brackets: exit 2, quickly")
    func hugeJunk() {
        let clock = ContinuousClock()
        let start = clock.now
        let spaces = Robustness.verify([UInt8](repeating: 0x20, count: 100_000_000))
        #expect(spaces.status == .malformed)
        #expect(spaces.error?.description.contains("unexpected end of input") == true)
        let brackets = Robustness.verify([UInt8](repeating: UInt8(ascii: "["), count: 100_000_000))
        #expect(brackets.status == .malformed)
        #expect(brackets.error?.description.contains("nested more than") == true)
        #expect(clock.now - start < .seconds(20))
    }

    @Test("a file one byte over the size limit is refused before parsing; one at the limit is read")
    func fileSizeBoundary() {
        let bytes = Robustness.bytes(Robustness.base)
        var limits = VerificationLimits()
        limits.maximumFileSize = bytes.count - 1
        #expect(Robustness.verify(bytes, limits: limits).status == .limitExceeded)
        limits.maximumFileSize = bytes.count
        #expect(Robustness.verify(bytes, limits: limits).status == .verified)
    }

    @Test("many claims and many objects within the limits verify, and fast")
    func manySmallThings() {
        var objects: [(String, JSONValue)] = []
        var claims: [JSONValue] = []
        for i in 0..<300 {
            objects.append(
                (
                    "f\(i)",
                    Robustness.json(#"{"kind": "step-function", "breakpoints": ["0", "1/\#(i + 2)", "1"], "values": ["\#(i)", "0"]}"#)
                ))
            claims.append(
                Robustness.json(
                    #"{"id": "c\#(i)", "rule": "sup-distance", "inputs": {"f": "f\#(i)", "g": "f0"}, "statement": {"relation": "<=", "bound": "\#(i)"}}"#
                ))
        }
        let verdict = Robustness.verify(Robustness.certificate(objects: objects, claims: claims))
        #expect(verdict.status == .verified, "\(String(describing: verdict.error)) \(verdict.claims.filter { !$0.passed }.map(\.id))")
        #expect(verdict.claims.count == 300)
    }
}
