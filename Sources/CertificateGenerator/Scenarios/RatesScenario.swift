import CertificateKernel
import DyadicFunctions
import ExactArithmetic
import DyadicConstructions

/// `rates`: the separation and the Haar entropy across scales, in one certificate
/// (MATH.md sec. 7-8).
///
/// Rows over the depth J (readouts m_d = 2^(J-1) + d, d < D_J = min(D, 2^(J-1))): the
/// separate and joint description lengths at eps = 1/2 (Lemmas S, J, B), the sign-coded
/// family's 2^J - 1 code bits realising every F_sigma (Lemma NF) and the first-layer units
/// separate networks need at every eps in (0, 1) (Lemma N2e, `eps-below` 1), with the gaps
/// of each row and growth claims between consecutive rows (separate bits double with J,
/// times D_(J+1)/D_J; joint bits stay at most 2^J - 1).
///
/// Haar rows: for each amplitude ratio rho (a_j = rho^(j+1)) and eps = 2^-k, the packing
/// corollary of Lemma H1 and the truncation cover of Lemma H2 bracket log2 N(eps, H_J(a))
/// between 2^L - 1 values; log2 N grows like eps^(-1/alpha) with rho = 2^-alpha, so the
/// exponent 1/alpha is the slope of log2 of the bracket against log2(1/eps). Growth
/// claims: from each eps, the first grid eps at which the lower bound exceeds twice the
/// upper bound at eps (log2 N more than doubles), and for eps/2 the upper bound against
/// four times the lower bound at eps.
public struct RatesScenario: Scenario {
    public let levels: ClosedRange<Int>
    public let tasks: Int
    public let haarLevels: Int
    public let epsExponents: ClosedRange<Int>
    public let ratios: [Rational]
    public let seed: UInt64

    public static let defaultRatios: [Rational] = [Rational(1) / 2, Rational(1) / 3, Rational(2) / 3]

    public init(
        levels: ClosedRange<Int> = 2...14, tasks: Int = 8, haarLevels: Int = 20, epsExponents: ClosedRange<Int> = 1...10,
        ratios: [Rational] = RatesScenario.defaultRatios, seed: UInt64 = 1
    ) throws {
        guard levels.lowerBound >= 2, levels.upperBound <= 20 else {
            throw GeneratorError("--levels must be a range A..B with 2 <= A <= B <= 20")
        }
        guard tasks >= 1 && tasks <= 1 << 16 else { throw GeneratorError("--tasks must be between 1 and 65536") }
        guard (1...20).contains(haarLevels) else { throw GeneratorError("--haar-levels must be between 1 and 20") }
        guard epsExponents.lowerBound >= 1, epsExponents.upperBound <= 60 else {
            throw GeneratorError("--eps-exponents must be a range A..B with 1 <= A <= B <= 60")
        }
        guard !ratios.isEmpty else { throw GeneratorError("at least one amplitude ratio is required") }
        for rho in ratios {
            guard rho.signum > 0 && rho < Rational.one else { throw GeneratorError("amplitude ratio \(rho) is not in (0, 1)") }
            guard rho.numerator.bitLength + rho.denominator.bitLength <= 32 else {
                throw GeneratorError("amplitude ratio \(rho) must be a small fraction")
            }
        }
        guard Set(ratios).count == ratios.count else { throw GeneratorError("amplitude ratios must be distinct") }
        self.levels = levels
        self.tasks = tasks
        self.haarLevels = haarLevels
        self.epsExponents = epsExponents
        self.ratios = ratios
        self.seed = seed
    }

    /// D_J = min(D, 2^(J-1)): the number of readouts at depth J.
    public func tasks(atLevel J: Int) -> Int { min(tasks, 1 << (J - 1)) }

    /// One row of the table over J, as the generator computes it (the kernel recomputes
    /// every figure from the certificate).
    public struct Row: Sendable, Equatable {
        public let levels: Int
        public let tasks: Int
        public let separateBits: BigInt
        public let jointBits: BigInt
        public let familyBits: BigInt
        public let separateFirstLayerUnits: BigInt
        public let familyFirstLayerUnits: BigInt
    }

    /// One Haar row: the bracket on log2 N(2^-k, H_J(a)) for one ratio (lower nil when
    /// the packing corollary gives nothing, eps >= a_0).
    public struct HaarRow: Sendable, Equatable {
        public let ratio: Rational
        public let exponent: Int
        public let lower: BigInt?
        public let packingLevel: Int?
        public let upper: BigInt
        public let coverLevel: Int
    }

    public func rows() throws -> [Row] {
        try levels.map { J in
            let readouts = SeparationScenario.defaultReadouts(levels: J, tasks: tasks(atLevel: J))
            let separate = try readouts.reduce(BigInt.zero) { $0 + (try ReadoutCount.separateLog2(readout: $1)) }
            let joint = try ReadoutCount.jointLog2(readouts: readouts, levels: J)
            let trunk = BigInt.powerOfTwo(J) - 1
            return Row(
                levels: J, tasks: readouts.count, separateBits: separate, jointBits: joint, familyBits: trunk,
                separateFirstLayerUnits: BigInt(readouts.count) * BigInt.powerOfTwo(J - 1), familyFirstLayerUnits: trunk)
        }
    }

    /// a_j = rho^(j+1), j < haarLevels.
    func amplitudes(_ rho: Rational) -> [Rational] {
        var a: [Rational] = [], power = Rational.one
        for _ in 0..<haarLevels {
            power = power * rho
            a.append(power)
        }
        return a
    }

    public func haarRows(ratio rho: Rational) throws -> [HaarRow] {
        let a = amplitudes(rho)
        return try epsExponents.map { k in
            let eps = Rational.one.timesPowerOfTwo(-k)
            let p = HaarCoveringBounds.bestPackingLevel(amplitudes: a, eps: eps)
            guard let c = HaarCoveringBounds.bestCoverLevel(amplitudes: a, eps: eps) else {
                throw GeneratorError("internal: no cover level at eps = \(eps)")
            }
            return HaarRow(
                ratio: rho, exponent: k, lower: p.map { HaarCoveringBounds.bits(truncationLevel: $0) }, packingLevel: p,
                upper: HaarCoveringBounds.bits(truncationLevel: c), coverLevel: c)
        }
    }

    /// A name fragment for rho, e.g. "1-2" for 1/2.
    static func tag(_ rho: Rational) -> String { "\(rho.numerator)-\(rho.denominator)" }

    public func certificate() throws -> CertificateBuilder {
        let rows = try rows()
        let half = try Rational(1, 2)
        let epsBelow = Rational.one
        let first = rows[0], last = rows[rows.count - 1]
        var b = CertificateBuilder(
            description: """
                Rates across scales. Depth J = \(levels.lowerBound)..\(levels.upperBound) with D_J = min(\(tasks), 2^(J-1)) readouts \
                m_d = 2^(J-1) + d: separate coding needs D_J 2^(J-1) bits at eps = 1/2 (Lemmas S, B; \(first.separateBits) at J = \(first.levels), \
                \(last.separateBits) at J = \(last.levels)), joint coding log2 |K_M| bits (Lemmas J, B; \(first.jointBits) to \(last.jointBits)), \
                the sign-coded network family realises every F_sigma with 2^J - 1 code bits (Lemma NF), and separate networks need at \
                least D_J 2^(J-1) first-layer units at every eps in (0, 1) (Lemma N2e). Separate bits double from one J to the next \
                (times D_(J+1)/D_J) while joint bits stay at most 2^J - 1. Haar feature: for amplitude ratios \
                \(ratios.map(\.description).joined(separator: ", ")) (a_j = rho^(j+1), depth \(haarLevels)) and eps = 2^-k, \
                k = \(epsExponents.lowerBound)..\(epsExponents.upperBound), log2 N(eps, H_J(a)) is bracketed between 2^L - 1 values \
                (Lemmas H1, H2); log2 N grows like eps^(-1/alpha) with rho = 2^-alpha, and the growth claims compare the brackets \
                at different eps.
                """)
        for row in rows {
            let J = row.levels
            let readouts = SeparationScenario.defaultReadouts(levels: J, tasks: row.tasks)
            let signs = try SignTree.random(levels: J, seed: seed)
            b.signTree("sigma-J\(J)", levels: J, bits: signs.hex)
            b.readoutClass("K-J\(J)", levels: J, readouts: readouts)
            b.signCodedNetwork("N-J\(J)", signs: "sigma-J\(J)", readouts: readouts)
        }
        for ratio in ratios {
            let a = amplitudes(ratio)
            b.haarClass("H-\(Self.tag(ratio))", levels: haarLevels, amplitudes: ratio == half ? .balanced : .values(a))
        }

        for row in rows {
            let J = row.levels, s = "J\(J)", K = "K-\(s)"
            let separateSizes = try SeparationScenario.defaultReadouts(levels: J, tasks: row.tasks).map {
                try ReadoutCount.separateLog2(readout: $0)
            }
            b.readoutCount(
                "joint-size-\(s)", "J = \(J), D = \(row.tasks): log2 |K_M| = \(row.jointBits) (Lemma J).", class: K, coding: .joint,
                log2Size: row.jointBits)
            b.readoutCount(
                "separate-sizes-\(s)", "J = \(J): log2 |K_m| = 2^(J-1) for each of the \(row.tasks) readouts (Lemma S).", class: K,
                coding: .separate, log2Sizes: separateSizes, total: row.separateBits)
            b.binaryClass(
                "joint-bits-\(s)", "J = \(J): joint description length at eps = 1/2 (Lemma B).", uses: ["joint-size-\(s)"], class: K,
                eps: half, coding: .joint, bits: row.jointBits)
            b.binaryClass(
                "separate-bits-\(s)", "J = \(J): separate description length at eps = 1/2 (Lemma B per task).",
                uses: ["separate-sizes-\(s)"], class: K, eps: half, coding: .separate, bits: row.separateBits)
            b.networkRealisesForAllSigns(
                "family-\(s)",
                "J = \(J): the sign-coded family realises F_sigma for every sign tree with 2^J - 1 = \(row.familyBits) code bits (Lemma NF).",
                network: "N-\(s)", class: K, outputs: row.tasks, bits: row.familyBits)
            b.networkWidthLower(
                "separate-width-\(s)",
                "J = \(J): separate networks within any eps in (0, 1) of the outputs need at least D_J 2^(J-1) = \(row.separateFirstLayerUnits) first-layer units (Lemma N2e).",
                mode: .separate, class: K, epsBelow: epsBelow, firstLayerUnitsAtLeast: row.separateFirstLayerUnits)

            let separateTerm = { (c: Rational) in
                Term(
                    "separate-bits-\(s)", .bits, c, meaning: Meaning(measure: .descriptionBits, subject: [K], eps: half, coding: .separate))
            }
            let jointTerm = { (c: Rational) in
                Term("joint-bits-\(s)", .bits, c, meaning: Meaning(measure: .descriptionBits, subject: [K], eps: half, coding: .joint))
            }
            let familyTerm = Term("family-\(s)", .bits, -1, meaning: Meaning(measure: .realisingNetworkBits, subject: [K], coding: .joint))
            let strict = row.jointBits < row.familyBits
            b.bits(
                "joint-below-family-\(s)",
                "J = \(J): joint bits \(row.jointBits) \(strict ? "<" : "<=") 2^J - 1 = \(row.familyBits), the family's code bits.",
                uses: ["joint-bits-\(s)"], terms: [jointTerm(1)], strict ? .less : .lessOrEqual, Rational(row.familyBits))
            b.bits(
                "network-bits-gap-\(s)",
                "J = \(J): separate bits minus the family's code bits is at least \(row.separateBits - row.familyBits).",
                uses: ["separate-bits-\(s)", "family-\(s)"], terms: [separateTerm(1), familyTerm], .greaterOrEqual,
                Rational(row.separateBits - row.familyBits))
            b.bits(
                "network-width-gap-\(s)",
                "J = \(J): separate networks need at least \(row.separateFirstLayerUnits - row.familyFirstLayerUnits) more first-layer units than the family's \(row.familyFirstLayerUnits).",
                uses: ["separate-width-\(s)", "family-\(s)"],
                terms: [
                    Term(
                        "separate-width-\(s)", .firstLayerUnits, 1,
                        meaning: Meaning(measure: .realisingFirstLayerUnits, subject: [K], epsBelow: epsBelow, coding: .separate)),
                    Term("family-\(s)", .firstLayerUnits, -1, meaning: Meaning(measure: .firstLayerUnits, subject: ["N-\(s)"])),
                ], .greaterOrEqual, Rational(row.separateFirstLayerUnits - row.familyFirstLayerUnits))
        }
        // Growth between consecutive rows: separate(J+1) = 2 (D_(J+1)/D_J) separate(J), exactly.
        for (row, next) in zip(rows, rows.dropFirst()) {
            let s = "J\(row.levels)", t = "J\(next.levels)"
            let factor = try Rational(numerator: 2 * BigInt(next.tasks), denominator: BigInt(row.tasks))
            func term(_ claim: String, _ K: String, _ c: Rational, _ coding: Coding) -> Term {
                Term(claim, .bits, c, meaning: Meaning(measure: .descriptionBits, subject: [K], eps: half, coding: coding))
            }
            b.bits(
                "separate-growth-\(t)",
                factor == Rational(2)
                    ? "From J = \(row.levels) to \(next.levels) the separate bits exactly double: \(row.separateBits) -> \(next.separateBits)."
                    : "From J = \(row.levels) to \(next.levels) the separate bits grow by 2 D_(J+1)/D_J = \(factor): \(row.separateBits) -> \(next.separateBits).",
                uses: ["separate-bits-\(t)", "separate-bits-\(s)"],
                terms: [term("separate-bits-\(t)", "K-\(t)", 1, .separate), term("separate-bits-\(s)", "K-\(s)", -factor, .separate)],
                .equal, .zero)
            b.bits(
                "joint-growth-\(t)",
                "From J = \(row.levels) to \(next.levels) the joint bits grow by \(next.jointBits - row.jointBits): \(row.jointBits) -> \(next.jointBits).",
                uses: ["joint-bits-\(t)", "joint-bits-\(s)"],
                terms: [term("joint-bits-\(t)", "K-\(t)", 1, .joint), term("joint-bits-\(s)", "K-\(s)", -1, .joint)], .equal,
                Rational(next.jointBits - row.jointBits))
        }

        // Haar brackets and their growth as eps halves.
        for ratio in ratios {
            let tag = Self.tag(ratio), H = "H-\(tag)"
            let a = amplitudes(ratio)
            let haar = try haarRows(ratio: ratio)
            for h in haar {
                let k = h.exponent, eps = Rational.one.timesPowerOfTwo(-k)
                if let lower = h.lower, let L = h.packingLevel {
                    b.haarPacking(
                        "packing-\(tag)-k\(k)",
                        "rho = \(ratio), eps = 2^-\(k) < a_\(L - 1) = \(a[L - 1]): log2 N(eps, H) >= 2^\(L) - 1 = \(lower) (Lemma H1).",
                        class: H, level: L, eps: eps, bitsAtLeast: lower)
                }
                b.haarCover(
                    "cover-\(tag)-k\(k)",
                    "rho = \(ratio), eps = 2^-\(k) >= sum_{j>=\(h.coverLevel)} a_j: log2 N(eps, H) <= 2^\(h.coverLevel) - 1 = \(h.upper) (Lemma H2).",
                    class: H, level: h.coverLevel, eps: eps, bitsAtMost: h.upper)
            }
            func term(_ kind: String, _ h: HaarRow, _ c: Rational) -> Term {
                Term(
                    "\(kind)-\(tag)-k\(h.exponent)", .bits, c,
                    meaning: Meaning(
                        measure: .descriptionBits, subject: [H], eps: Rational.one.timesPowerOfTwo(-h.exponent), coding: .joint))
            }
            for (i, h) in haar.enumerated() {
                // Doubling: the first k' > k with lower(k') > 2 upper(k).
                if let later = haar[(i + 1)...].first(where: { $0.lower.map { $0 > 2 * h.upper } ?? false }), let lower = later.lower {
                    b.bits(
                        "doubling-\(tag)-k\(h.exponent)",
                        "rho = \(ratio): from eps = 2^-\(h.exponent) to 2^-\(later.exponent) log2 N more than doubles: log2 N(2^-\(later.exponent)) >= \(lower) > 2 * \(h.upper) >= 2 log2 N(2^-\(h.exponent)).",
                        uses: ["packing-\(tag)-k\(later.exponent)", "cover-\(tag)-k\(h.exponent)"],
                        terms: [term("packing", later, 1), term("cover", h, -2)], .greaterOrEqual, Rational(lower - 2 * h.upper))
                }
                // At most: halving eps, the upper bound at eps/2 against 4 times the lower bound at eps.
                if i + 1 < haar.count, let lower = h.lower {
                    let next = haar[i + 1]
                    b.bits(
                        "at-most-\(tag)-k\(next.exponent)",
                        "rho = \(ratio): halving eps from 2^-\(h.exponent) multiplies log2 N by at most 4 plus \(next.upper - 4 * lower): log2 N(2^-\(next.exponent)) <= \(next.upper), log2 N(2^-\(h.exponent)) >= \(lower).",
                        uses: ["cover-\(tag)-k\(next.exponent)", "packing-\(tag)-k\(h.exponent)"],
                        terms: [term("cover", next, 1), term("packing", h, -4)], .lessOrEqual, Rational(next.upper - 4 * lower))
                }
            }
        }
        return b
    }
}
