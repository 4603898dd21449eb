import CertificateKernel
import ExactArithmetic
import Testing
@testable import CertificateGenerator
import MatrixKernel

/// `generate` refuses a request when ``SizeEstimate`` puts it above a limit. That
/// refusal is sound only if every estimate is a lower bound of what the kernel charges:
/// with a limit set one below an estimate, the kernel must reject the finished
/// certificate for that same limit (or an earlier one), and with every limit at the
/// estimates the request must not be refused.
@Suite("Size estimates bound the kernel's charges from below")
struct SizeEstimateTests {
    /// The kernel's verdict on `builder`'s certificate with one limit set to `value`.
    static func verdict(_ builder: CertificateBuilder, _ kind: LimitKind, _ value: Int) -> FileVerdict {
        var limits = VerificationLimits()
        switch kind {
        case .level: limits.maximumLevel = value
        case .digits: limits.maximumDigits = value
        case .cells: limits.maximumCells = value
        case .enumeration: limits.maximumEnumeration = value
        case .networkSize: limits.maximumNetworkSize = value
        case .work: limits.maximumWork = value
        case .fileSize: limits.maximumFileSize = value
        }
        return Verifier(limits: limits, jobs: 1, extensions: [.matrices]).verify(bytes: Array(builder.text.utf8), path: "estimate")
    }

    /// One below each estimate, the kernel rejects the certificate with that limit.
    static func expectLowerBounds(_ estimate: SizeEstimate, _ builder: CertificateBuilder, _ what: String) {
        #expect(estimate.firstExceeded(VerificationLimits()) == nil, "\(what) is refused at the default limits")
        #expect(verdict(builder, .work, VerificationLimits().maximumWork).status == .verified, "\(what) verifies")
        for item in estimate.items where item.value >= 1 {
            let result = verdict(builder, item.limit, item.value - 1)
            guard case .limitExceeded(_, let kind, _, _)? = result.error else {
                Issue.record(
                    "\(what): \(item.what) = \(item.value), but the kernel accepts the limit \(item.value - 1): status \(result.status)")
                continue
            }
            #expect(kind == item.limit, "\(what): \(item.what): the kernel stopped at \(kind) instead")
        }
    }

    @Test("separation, over depths and task counts")
    func separation() throws {
        for (J, D) in [(1, 1), (2, 2), (3, 4), (4, 3), (5, 8), (6, 2), (8, 16)] {
            let readouts = SeparationScenario.defaultReadouts(levels: J, tasks: D)
            let scenario = try SeparationScenario(levels: J, readouts: readouts, seed: 7)
            let builder = try scenario.certificate()
            Self.expectLowerBounds(
                .separation(levels: J, readouts: D, largestReadout: readouts.max()!), builder, "separation J=\(J) D=\(D)")
            // With the network built, the estimate also counts the kernel's charge for
            // network-realises: still a lower bound, and now within a factor 2 of the whole
            // certificate's work, so generate refuses what verify would refuse but for that
            // margin.
            let sweep = SizeEstimate.separation(
                levels: J, readouts: D, largestReadout: readouts.max()!, networkRealisesWork: try scenario.networkRealisesWork())
            Self.expectLowerBounds(sweep, builder, "separation J=\(J) D=\(D) with the sweep")
            let work = sweep.items.first { $0.limit == .work }?.value ?? 0
            #expect(Self.verdict(builder, .work, 2 * work).status == .verified, "separation J=\(J) D=\(D): work \(work) is not within 2x")
        }
    }

    @Test("walsh-basis, triangle and haar-entropy")
    func others() throws {
        for J in [0, 1, 3, 5] {
            Self.expectLowerBounds(.walshBasis(levels: J), try WalshBasisScenario(levels: J).certificate(), "walsh-basis J=\(J)")
        }
        for (teeth, units) in [(1, 0), (2, 3), (8, 16), (4, 40)] {
            Self.expectLowerBounds(
                .triangle(teeth: teeth, units: units), try TriangleScenario(teeth: teeth, units: units).certificate(),
                "triangle \(teeth)/\(units)")
        }
        for J in [2, 6] {
            Self.expectLowerBounds(
                .haarEntropy(levels: J), try HaarEntropyScenario(levels: J, ratio: Rational(1, 2)).certificate(), "haar-entropy J=\(J)")
        }
    }

    @Test("rates, over small ranges")
    func rates() throws {
        for (levels, D) in [(2...3, 2), (3...5, 4)] {
            let builder = try RatesScenario(levels: levels, tasks: D, haarLevels: 6, epsExponents: 1...4).certificate()
            Self.expectLowerBounds(.rates(levels: levels, tasks: D, haarLevels: 6), builder, "rates \(levels) D=\(D)")
        }
    }

    @Test("the refusal names the estimate, the limit in force and the flag")
    func message() {
        let estimate = SizeEstimate.separation(levels: 24, readouts: 64, largestReadout: (1 << 23) + 63)
        var limits = VerificationLimits()
        let item = try! #require(estimate.firstExceeded(limits))
        #expect(item.limit == .level && item.value == 24)
        #expect(
            SizeEstimate.message(item, limits)
                == "the sign tree's depth J = 24, above the level limit 20 (raise it with --max-level, up to 40)")
        limits.maximumLevel = 40
        let next = try! #require(estimate.firstExceeded(limits))
        // The sign-coded network: 24 * 2^24 + 4 * 64 * 26 = 402,653,184 + 6,656.
        #expect(next.limit == .networkSize && next.value == 402_659_840)
    }
}
