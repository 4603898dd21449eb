import CertificateKernel
import DyadicConstructions
import ExactArithmetic
import ExactLinearAlgebra
import Foundation

/// `multitask-compression`: a wide shallow ReLU network that interpolates synthetic data
/// exactly, pruned by the multi-task lasso (MATH.md sec. 11), with every claim of the
/// seed-004 rules about both networks.
///
/// The construction (all numbers are float64 values on fixed dyadic grids, converted
/// exactly; the draws come from a splitmix64 generator, so the same options give the
/// same bytes):
/// - Data X: N points uniform in [-1, 1]^d (grid 2^-20). A small *teacher* network with
///   t units (t = min(D + ceil(D/2), K/4), at least 1) and output bias c gives the
///   targets Y = teacher(X), computed exactly.
/// - The wide network has K units, all active. Each teacher unit j appears as several
///   positively rescaled copies (w, b) -> 2^e (w, b) with distinct e, whose output
///   weights alpha 2^-e v_j (alpha > 0, summing to 1) add up to v_j (Lemma RS). The
///   remaining units come in pairs on one random feature (w, b), at two scales, with
///   output weights a 2^-e1 and -a 2^-e2 that cancel exactly. So the wide network
///   interpolates (X, Y) exactly by construction, with no linear solve: a generic
///   interpolating output layer for K >= N would need a dense exact N x N solve whose
///   entries grow to about N times the input's bits, far beyond a certificate's size at
///   N = 1000.
/// - Pruning: the penalised multi-task lasso with Phi (the wide network's features) and
///   Psi = Y - c 1^T, solved in floating point by block coordinate descent
///   (``MultiTaskLassoSolver``); its support S is then solved exactly over Q
///   (V_S Phi_S = Psi, Bareiss elimination). Should the float support miss a direction
///   the data needs (the system is then inconsistent), the 64 units with the largest
///   weights of the lasso at lambda / 1024 are added; should that fail too, the largest
///   copy of each teacher unit. The description says which support was used.
/// - Exact repair for the duality claims: the float solution V rounded to a grid (any V
///   is a primal point), the residual rounded to 40 significant bits and scaled by a
///   dyadic until ||Theta phi_k|| <= lambda holds exactly (Lemma PD), the same residual
///   scaled into ||Lambda phi_k|| <= 1 for the constrained problem (Lemma MD), and dyadic
///   u_k >= ||v_k||. Every stated figure is computed exactly here and re-checked by the
///   kernel.
public struct MultitaskCompressionScenario: Scenario {
    public let points: Int
    public let inputs: Int
    public let outputs: Int
    public let units: Int
    /// lambda as a fraction of lambda_max = max_k ||Psi phi_k|| (rounded to 8 significant bits).
    public let lambdaRatio: Rational
    public let seed: UInt64

    /// Grid exponents: X on 2^-20, weights and biases on 2^-24, the float solution on 2^-36.
    static let inputBits = 20, weightBits = 24, solutionBits = 36

    public init(points: Int, inputs: Int, outputs: Int, units: Int, lambdaRatio: Rational, seed: UInt64) throws {
        guard (1...100_000).contains(points) else { throw GeneratorError("--points must be between 1 and 100000") }
        guard (1...1000).contains(inputs) else { throw GeneratorError("--inputs must be between 1 and 1000") }
        guard (1...1000).contains(outputs) else { throw GeneratorError("--outputs must be between 1 and 1000") }
        guard (2...100_000).contains(units) else { throw GeneratorError("--units must be between 2 and 100000") }
        guard lambdaRatio.signum > 0, lambdaRatio < 1 else { throw GeneratorError("--lambda must be in (0, 1) (a fraction of lambda_max)") }
        self.points = points
        self.inputs = inputs
        self.outputs = outputs
        self.units = units
        self.lambdaRatio = lambdaRatio
        self.seed = seed
    }

    /// The number of teacher units t.
    public static func teacherUnits(outputs D: Int, units K: Int) -> Int { max(1, min(D + (D + 1) / 2, K / 4)) }

    // MARK: - Random draws (arithmetic only: no libm, so the bytes are the same everywhere)

    struct Draws {
        var rng: SplitMix64
        /// Uniform in [0, 1) with 53 random bits.
        mutating func uniform() -> Double { Double(rng.next() >> 11) * 0x1p-53 }
        /// Approximately standard normal: the centred sum of 12 uniforms.
        mutating func normal() -> Double {
            var s = 0.0
            for _ in 0..<12 { s += uniform() }
            return s - 6
        }
        /// x rounded to the grid 2^-bits, exactly (a float64 value).
        static func grid(_ x: Double, _ bits: Int) -> Rational {
            let scaled = (x * Double(sign: .plus, exponent: bits, significand: 1)).rounded()
            // Beyond 2^62 the grid is finer than the double itself: x is its own rounding.
            guard abs(scaled) < 0x1p62 else { return MultiTaskLassoSolver.exact(x) }
            return Rational(BigInt(Int(scaled))).timesPowerOfTwo(-bits)
        }
        mutating func integer(below n: Int) -> Int { Int(rng.next() % UInt64(n)) }
    }

    /// A wide unit: its input weights and bias as multiples of one feature (scale 2^e),
    /// and its output weights.
    struct Unit {
        let feature: Int
        let exponent: Int
        var output: [Rational]
        let teacher: Bool
    }

    // MARK: - The certificate

    public func certificate() throws -> CertificateBuilder {
        let N = points, d = inputs, D = outputs, K = units
        var draws = Draws(rng: SplitMix64(seed: seed &* 0x9E37_79B9_7F4A_7C15 &+ 4))
        let limits = MatrixLimits(maximumEntries: 1 << 30, maximumEntryBits: 1 << 24, maximumWork: 1 << 50)

        // Data.
        let xEntries = (0..<(d * N)).map { _ in Draws.grid(2 * draws.uniform() - 1, Self.inputBits) }
        let X = try RationalMatrix(rows: d, columns: N, entries: xEntries, limits: limits)
        // Features (w, b): teacher features first, then noise features.
        let t = Self.teacherUnits(outputs: D, units: K)
        let copies = max(1, min(3, (K / 2) / t))
        var teacherCount = t * copies
        if (K - teacherCount) % 2 == 1 { teacherCount += 1 }
        let pairs = (K - teacherCount) / 2
        let featureCount = t + pairs
        let spread = 1 / Double(d).squareRoot()
        var featureW: [[Rational]] = [], featureB: [Rational] = []
        for f in 0..<featureCount {
            // A feature must be nonzero somewhere on the data (redrawn a few times otherwise).
            var w: [Rational] = [], b = Rational.zero
            for attempt in 0..<32 {
                w = (0..<d).map { _ in Draws.grid(draws.normal() * spread, Self.weightBits) }
                b = Draws.grid(draws.uniform() - 0.5, Self.weightBits)
                let live = (0..<N).contains { i in
                    var s = b
                    for j in 0..<d { s += w[j] * X[j, i] }
                    return s.signum > 0
                }
                if live || attempt == 31 { break }
            }
            _ = f
            featureW.append(w)
            featureB.append(b)
        }
        let teacherV: [[Rational]] = (0..<t).map { _ in (0..<D).map { _ in Draws.grid(draws.normal(), Self.weightBits) } }
        let c: [Rational] = (0..<D).map { _ in Draws.grid(draws.normal(), Self.weightBits) }

        // Wide units.
        var wide: [Unit] = []
        let exponentChoices = [0, 1, -1, 2]
        for j in 0..<t {
            let n = copies + (j == 0 ? teacherCount - t * copies : 0)
            // Distinct scales, in a random order; positive shares alpha (multiples of 2^-8) summing to 1.
            var exps = Array(exponentChoices.prefix(min(n, exponentChoices.count)))
            while exps.count < n { exps.append(-exps.count) }
            exps.seededShuffle { draws.integer(below: $0) }
            var cuts = Set<Int>()
            while cuts.count < n - 1 { cuts.insert(1 + draws.integer(below: 255)) }
            let bounds = [0] + cuts.sorted() + [256]
            for m in 0..<n {
                let alpha = Rational(bounds[m + 1] - bounds[m]).timesPowerOfTwo(-8)
                wide.append(
                    Unit(feature: j, exponent: exps[m], output: teacherV[j].map { $0 * alpha.timesPowerOfTwo(-exps[m]) }, teacher: true))
            }
        }
        for p in 0..<pairs {
            let a: [Rational] = (0..<D).map { _ in Draws.grid(draws.normal(), Self.weightBits) }
            let e1 = draws.integer(below: 3) - 1, e2 = draws.integer(below: 3) - 1
            wide.append(Unit(feature: t + p, exponent: e1, output: a.map { $0.timesPowerOfTwo(-e1) }, teacher: false))
            wide.append(Unit(feature: t + p, exponent: e2, output: a.map { -$0.timesPowerOfTwo(-e2) }, teacher: false))
        }
        wide.seededShuffle { draws.integer(below: $0) }

        let W = try RationalMatrix(wide.map { u in featureW[u.feature].map { $0.timesPowerOfTwo(u.exponent) } }, columns: d, limits: limits)
        let b = wide.map { featureB[$0.feature].timesPowerOfTwo($0.exponent) }
        let Vwide = try RationalMatrix((0..<D).map { dd in wide.map { $0.output[dd] } }, columns: K, limits: limits)
        let wideNet = try ShallowReLUNetwork(inputWeights: W, biases: b, outputWeights: Vwide, outputBias: c)
        let phi = try wideNet.features(on: X, limits: limits)
        let Y = try wideNet.outputs(features: phi, limits: limits)
        let psi = try Y.addingToEveryColumn(c.map { -$0 }, limits: limits)

        // Float lasso.
        let phiFloat = phi.entries.map(\.approximateDouble)
        let psiFloat = psi.entries.map(\.approximateDouble)
        var lambdaMax = 0.0
        for k in 0..<K {
            var n2 = 0.0
            for dd in 0..<D {
                var s = 0.0
                for i in 0..<N { s += psiFloat[dd * N + i] * phiFloat[k * N + i] }
                n2 += s * s
            }
            lambdaMax = max(lambdaMax, n2.squareRoot())
        }
        guard lambdaMax > 0 else { throw GeneratorError("internal: Psi is orthogonal to every feature (lambda_max = 0)") }
        let lambda = Self.roundedDyadic(lambdaRatio.approximateDouble * lambdaMax, significantBits: 8)
        let solution = MultiTaskLassoSolver.solve(
            flatFeatures: phiFloat, units: K, flatTargets: psiFloat, outputs: D, points: N,
            lambda: lambda.approximateDouble, maximumSweeps: 60, tolerance: 1e-12)

        // Exact penalised certificate (Lemma PD).
        let vPen = try RationalMatrix(
            rows: D, columns: K, entries: solution.weights.map { Draws.grid($0, Self.solutionBits) }, limits: limits)
        let residual = try psi.subtracting(vPen.multiplied(by: phi, limits: limits), limits: limits)
        let theta = try Self.dualPoint(residual, phi: phi, bound: lambda, limits: limits)
        let penalisedBounds = try vPen.columnSquaredNorms(limits: limits).map(MultiTaskLassoSolver.upperSquareRoot)
        let half = Rational.one.timesPowerOfTwo(-1)
        let gapPenalised =
            half * (try residual.squaredFrobeniusNorm(limits: limits)) + lambda * Rational.sum(penalisedBounds)
            - (try theta.frobeniusInnerProduct(psi, limits: limits)) + half * (try theta.squaredFrobeniusNorm(limits: limits))

        // Screening (Lemma GS), decided as the kernel does.
        let a = try phi.multiplied(by: theta.transposed, limits: limits).rowSquaredNorms(limits: limits)
        let phiNorms = try phi.rowSquaredNorms(limits: limits)
        let screened = (0..<K).filter { SquareRootSum.isLess(sqrtOf: a[$0], plusSqrtOf: 2 * gapPenalised * phiNorms[$0], than: lambda) }

        // The float lasso at lambda' = lambda / 1024, warm-started from the solution at
        // lambda: its support is the second try for pruning, its residual a constrained dual.
        let lambdaFine = lambda.timesPowerOfTwo(-10)
        let fine = MultiTaskLassoSolver.solve(
            flatFeatures: phiFloat, units: K, flatTargets: psiFloat, outputs: D, points: N,
            lambda: lambdaFine.approximateDouble, maximumSweeps: 20, tolerance: 1e-12, initial: solution.weights)

        // Pruning: the exact output layer on the float support.
        let byNorm: (Int, Int) -> Bool = { phiNorms[$0] > phiNorms[$1] || (phiNorms[$0] == phiNorms[$1] && $0 < $1) }
        let support = (0..<K).filter { k in (0..<D).contains { solution.weights[$0 * K + k] != 0 } }
        var kept = support.sorted(by: byNorm)
        var fallback = "that support"
        var vKept = kept.count <= 400 ? MultiTaskLassoSolver.solveOnSupport(features: phi, targets: psi, kept: kept) : nil
        if vKept == nil {
            // Second try: add the 64 units with the largest weights at lambda / 1024.
            let weightNorm = (0..<K).map { k in (0..<D).reduce(0.0) { $0 + fine.weights[$1 * K + k] * fine.weights[$1 * K + k] } }
            let extra = (0..<K).filter { weightNorm[$0] > 0 && !support.contains($0) }.sorted {
                weightNorm[$0] > weightNorm[$1] || (weightNorm[$0] == weightNorm[$1] && $0 < $1)
            }.prefix(64)
            kept = (support + extra).sorted(by: byNorm)
            vKept = kept.count <= 400 ? MultiTaskLassoSolver.solveOnSupport(features: phi, targets: psi, kept: kept) : nil
            fallback =
                "that support and the \(extra.count) units with the largest weights at lambda / 1024 (the support alone was inconsistent)"
        }
        if vKept == nil {
            fallback = "that support plus the largest copy of each teacher unit (the float supports were inconsistent)"
            // The largest copy of each teacher unit (the feature with the largest norm).
            var largest: [Int: Int] = [:]
            for k in 0..<K where wide[k].teacher {
                let f = wide[k].feature
                if largest[f] == nil || wide[k].exponent > wide[largest[f]!].exponent { largest[f] = k }
            }
            let extra = largest.values.sorted().filter { !support.contains($0) }
            kept = (extra + support.prefix(max(0, 400 - extra.count))).sorted(by: byNorm)
            vKept = MultiTaskLassoSolver.solveOnSupport(features: phi, targets: psi, kept: kept)
        }
        guard let vS = vKept else { throw GeneratorError("internal: the pruned output layer has no exact solution") }
        // Keep the units with a nonzero exact weight, in the wide network's order.
        let keptPairs = kept.enumerated().filter { (s, _) in (0..<D).contains { !vS.isZero($0, s) } }.sorted { $0.element < $1.element }
        let prunedUnits = keptPairs.map(\.element)
        let vPruned = try RationalMatrix(
            (0..<D).map { dd in keptPairs.map { vS[dd, $0.offset] } }, columns: prunedUnits.count, limits: limits)
        let prunedNet = try ShallowReLUNetwork(
            inputWeights: W.selectingRows(prunedUnits), biases: prunedUnits.map { b[$0] },
            outputWeights: vPruned, outputBias: c)
        // The pruned weights as a D x K point of the constrained problem.
        var vFullRows = Array(repeating: Array(repeating: Rational.zero, count: K), count: D)
        for (s, k) in prunedUnits.enumerated() { for dd in 0..<D { vFullRows[dd][k] = vPruned[dd, s] } }
        let vFull = try RationalMatrix(vFullRows, columns: K, limits: limits)
        // The constrained dual: the best (largest <Lambda, Psi>) of three candidates, each
        // scaled into ||Lambda phi_k|| <= 1 exactly: the lasso residual divided by lambda;
        // the same at lambda / 1024; and the least-norm Lambda with Lambda phi_k =
        // v_k / ||v_k|| on the pruned units (what a dual optimum satisfies on the support of
        // an optimum), U (Phi_S Phi_S^T)^-1 Phi_S, computed in floating point.
        var candidates: [RationalMatrix] = [
            try Self.dualPoint(
                try RationalMatrix(rows: D, columns: N, entries: residual.entries.map { $0 / lambda }, limits: limits),
                phi: phi, bound: .one, limits: limits)
        ]
        // As lambda' -> 0, the residual divided by lambda' tends to a dual optimum of the constrained problem.
        let vFine = try RationalMatrix(rows: D, columns: K, entries: fine.weights.map { Draws.grid($0, Self.solutionBits) }, limits: limits)
        let residualFine = try psi.subtracting(vFine.multiplied(by: phi, limits: limits), limits: limits)
        candidates.append(
            try Self.dualPoint(
                try RationalMatrix(rows: D, columns: N, entries: residualFine.entries.map { $0 / lambdaFine }, limits: limits),
                phi: phi, bound: .one, limits: limits))
        if let leastNorm = Self.leastNormDual(phi: phiFloat, points: N, support: prunedUnits, weights: vPruned) {
            candidates.append(
                try Self.dualPoint(
                    try RationalMatrix(rows: D, columns: N, entries: leastNorm.map(MultiTaskLassoSolver.exact), limits: limits),
                    phi: phi, bound: .one, limits: limits))
        }
        let dualValues = try candidates.map { try $0.frobeniusInnerProduct(psi, limits: limits) }
        let best = dualValues.indices.max { dualValues[$0] < dualValues[$1] }!
        let lambdaDual = candidates[best]
        let dualSource = [
            "the float lasso residual divided by lambda", "the float lasso residual at lambda / 1024 divided by lambda / 1024",
            "the least-norm Lambda with Lambda phi_k = v_k / ||v_k|| on the pruned units (computed in floating point)",
        ][best]
        let constrainedBounds = try vFull.columnSquaredNorms(limits: limits).map(MultiTaskLassoSolver.upperSquareRoot)
        let gapConstrained = Rational.sum(constrainedBounds) - (try lambdaDual.frobeniusInnerProduct(psi, limits: limits))

        // Widths, sharing, weight decay.
        let width = try WidthFromRank(targets: Y, outputBias: c, limits: limits)
        let wideSharing = NeuronSharing(network: wideNet), prunedSharing = NeuronSharing(network: prunedNet)
        let capN2ND = Int(min(Double(N) * Double(N), Double(N) * Double(D)))

        var builder = CertificateBuilder(
            description: """
                Multi-task compression (MATH.md sec. 11): N = \(N) points in [-1, 1]^\(d), D = \(D) outputs, targets from a \(t)-unit \
                teacher; a wide shallow ReLU network with K = \(K) active units (rescaled copies of the teacher units and pairs of \
                units whose outputs cancel) interpolates them exactly; the penalised multi-task lasso at lambda = \(lambda) \
                (\(lambdaRatio) of lambda_max, block coordinate descent, \(solution.sweeps) sweeps) has float support \(support.count); \
                the exact output layer on \(fallback) \
                gives a pruned network with \(prunedUnits.count) units that computes the same outputs on the data. Seed \(seed).
                """)
        builder.matrix("X", X)
        builder.matrix("Y", Y)
        builder.matrix("W", W)
        builder.matrix("b", try RationalMatrix.column(b, limits: limits))
        builder.matrix("V", Vwide)
        builder.matrix("c", try RationalMatrix.column(c, limits: limits))
        builder.matrix("W-pruned", prunedNet.inputWeights)
        builder.matrix("b-pruned", try RationalMatrix.column(prunedNet.biases, limits: limits))
        builder.matrix("V-pruned", vPruned)
        builder.matrix("V-pruned-full", vFull)
        builder.matrix("V-lasso", vPen)
        builder.matrix("Theta", theta)
        builder.matrix("Lambda", lambdaDual)
        builder.reluNetwork("wide", inputWeights: "W", biases: "b", outputWeights: "V", outputBias: "c")
        builder.reluNetwork("pruned", inputWeights: "W-pruned", biases: "b-pruned", outputWeights: "V-pruned", outputBias: "c")
        builder.reluData("data", inputs: "X", targets: "Y")

        builder.reluInterpolates("wide-fits", "The wide network fits the \(N) points exactly.", network: "wide", data: "data")
        builder.reluInterpolates("pruned-fits", "The pruned network fits the \(N) points exactly.", network: "pruned", data: "data")
        builder.compressPreserves(
            "prune", "Keeping \(prunedUnits.count) of the \(K) units with the exact output layer V-pruned changes no output on the data.",
            data: "data", original: "wide", compressed: "pruned", unitsBefore: wideSharing.activeCount,
            unitsAfter: prunedSharing.activeCount)
        builder.widthFromRank(
            "width",
            "rank(Y) = \(width.targetRank): every shallow ReLU network interpolating the data has at least \(width.universalLowerBound) units; the pruned network needs rank(Y - c 1^T) = \(width.centredRank ?? 0).",
            network: "pruned", data: "data", rank: width.targetRank, widthLower: width.universalLowerBound,
            centredRank: width.centredRank ?? 0)
        for (name, net, sharing) in [("wide", wideNet, wideSharing), ("pruned", prunedNet, prunedSharing)] {
            builder.neuronSharing(
                "\(name)-sharing",
                "\(sharing.activeCount) active units of the \(name) network, \(sharing.sharedCount) used by two or more outputs.",
                network: name, activeUnits: sharing.activeCount, sharedUnits: sharing.sharedCount,
                unitsPerOutput: sharing.unitsUsedByOutput.map(\.count))
            let v2 = try net.outputWeightSquaredNorms(limits: limits), w2 = try net.inputWeightSquaredNorms(limits: limits)
            let products = zip(v2, w2).map { $0 * $1 }
            let upper = products.map(MultiTaskLassoSolver.upperSquareRoot), lower = products.map(MultiTaskLassoSolver.lowerSquareRoot)
            let wd = half * (Rational.sum(v2) + Rational.sum(w2))
            let balanced = zip(v2, w2).allSatisfy { $0 == $1 }
            builder.weightDecay(
                "\(name)-weight-decay",
                "The exact weight decay of the \(name) network and a bracket of its path norm R = sum_k ||v_k|| ||w_k|| (Lemma WD: R <= WD).",
                network: name, pathNormUpper: upper, pathNormLower: lower, weightDecay: wd, balanced: balanced,
                pathNormUpperBound: Rational.sum(upper), pathNormLowerBound: Rational.sum(lower))
        }
        builder.mtlGap(
            "constrained-gap",
            "The pruned output layer, as a point of min sum_k ||v_k|| s.t. V Phi = Psi over all \(K) units (Phi of the wide network, Psi = Y - c 1^T), is within delta of the optimum: Lambda is \(dualSource), scaled into ||Lambda phi_k|| <= 1 (Lemma MD).",
            network: "wide", weights: "V-pruned-full", data: "data", dual: "Lambda", unitBounds: constrainedBounds, delta: gapConstrained)
        builder.penalisedMtlGap(
            "penalised-gap",
            "The float lasso solution (rounded to 2^-\(Self.solutionBits)) is within delta of the penalised optimum at lambda = \(lambda): Theta is its residual scaled into ||Theta phi_k|| <= lambda (Lemma PD).",
            network: "wide", weights: "V-lasso", data: "data", dual: "Theta", unitBounds: penalisedBounds, lambda: lambda,
            delta: gapPenalised)
        builder.mtlScreen(
            "screen",
            "\(screened.count) of the \(K) units are zero in every minimiser of the penalised lasso at lambda = \(lambda) (Lemma GS): every optimal pruning at this lambda keeps at most \(K - screened.count) units.",
            uses: ["penalised-gap"], units: screened, gap: "penalised-gap", screened: screened.count)
        // The `bits` claims are tight (bound = the exact value), so each fails when its bound moves by one.
        let unitsWide = wideSharing.activeCount, unitsPruned = prunedSharing.activeCount
        func unitsTerm(_ claim: String, _ coefficient: Rational, of network: String) -> Term {
            Term(claim, .units, coefficient, meaning: Meaning(measure: .activeUnits, subject: [network]))
        }
        builder.bits(
            "pruned-width-cap",
            "The pruned network's \(unitsPruned) units, against min(N^2, N D) = \(capN2ND) (some optimal network always has at most that many): \(capN2ND - unitsPruned) below.",
            uses: ["pruned-sharing"], terms: [unitsTerm("pruned-sharing", .one, of: "pruned")], constant: Rational(-capN2ND), .lessOrEqual,
            Rational(unitsPruned - capN2ND))
        builder.bits(
            "pruned-width-rank",
            "The pruned network's units exceed the bound rank(Y) - 1 that every interpolating network meets (Lemma RW) by \(unitsPruned - width.universalLowerBound).",
            uses: ["pruned-sharing", "width"],
            terms: [
                unitsTerm("pruned-sharing", .one, of: "pruned"),
                Term("width", .rank, -1, meaning: Meaning(measure: .rank, subject: ["data"])),
            ], constant: .one, .greaterOrEqual, Rational(unitsPruned - width.universalLowerBound))
        builder.bits(
            "compression", "Pruning removed \(unitsWide - unitsPruned) of the \(unitsWide) units.", uses: ["wide-sharing", "prune"],
            terms: [unitsTerm("wide-sharing", .one, of: "wide"), unitsTerm("prune", -1, of: "pruned")], .greaterOrEqual,
            Rational(unitsWide - unitsPruned))
        return builder
    }

    /// The least-norm D x N matrix Lambda with Lambda phi_k = v_k / ||v_k|| for the units k
    /// of `support` (row-major), in floating point: U (Phi_S Phi_S^T)^-1 Phi_S by Gaussian
    /// elimination with partial pivoting; nil when Phi_S Phi_S^T is numerically singular.
    static func leastNormDual(phi: [Double], points N: Int, support: [Int], weights v: RationalMatrix) -> [Double]? {
        let s = support.count, D = v.rows
        guard s > 0 else { return nil }
        // G = Phi_S Phi_S^T, augmented with U^T (s x D): solve G M^T = U^T.
        var a = [Double](repeating: 0, count: s * (s + D))
        for p in 0..<s {
            for q in 0..<s {
                var sum = 0.0
                for i in 0..<N { sum += phi[support[p] * N + i] * phi[support[q] * N + i] }
                a[p * (s + D) + q] = sum
            }
            let column = (0..<D).map { v[$0, p].approximateDouble }
            let norm = column.reduce(0) { $0 + $1 * $1 }.squareRoot()
            guard norm > 0 else { return nil }
            for d in 0..<D { a[p * (s + D) + s + d] = column[d] / norm }
        }
        let width = s + D
        for c in 0..<s {
            guard let p = (c..<s).max(by: { abs(a[$0 * width + c]) < abs(a[$1 * width + c]) }), abs(a[p * width + c]) > 1e-300 else {
                return nil
            }
            if p != c { for j in 0..<width { a.swapAt(c * width + j, p * width + j) } }
            let pivot = a[c * width + c]
            for r in 0..<s where r != c {
                let f = a[r * width + c] / pivot
                if f == 0 { continue }
                for j in c..<width { a[r * width + j] -= f * a[c * width + j] }
            }
        }
        // M^T[p][d] = a[p][s + d] / a[p][p]; Lambda = M Phi_S.
        var lambda = [Double](repeating: 0, count: D * N)
        for p in 0..<s {
            for d in 0..<D {
                let m = a[p * width + s + d] / a[p * width + p]
                if m == 0 { continue }
                for i in 0..<N { lambda[d * N + i] += m * phi[support[p] * N + i] }
            }
        }
        return lambda.allSatisfy(\.isFinite) ? lambda : nil
    }

    /// x rounded to `significantBits` significant bits (a positive dyadic).
    static func roundedDyadic(_ x: Double, significantBits: Int) -> Rational {
        let e = Int(x.exponent) - significantBits + 1
        let m = (x * Double(sign: .plus, exponent: -e, significand: 1)).rounded()
        return Rational(BigInt(Int(m))).timesPowerOfTwo(e)
    }

    /// A dual point s R~ with ||s R~ phi_k||^2 <= bound^2 for every k, checked exactly:
    /// R~ is the residual with 40 significant bits (relative to its largest entry) and
    /// s a dyadic with 20 significant bits, lowered until the check holds.
    static func dualPoint(_ residual: RationalMatrix, phi: RationalMatrix, bound: Rational, limits: MatrixLimits) throws -> RationalMatrix {
        let largest = residual.entries.map { abs($0.approximateDouble) }.max() ?? 0
        guard largest > 0 else {
            return try RationalMatrix(
                rows: residual.rows, columns: residual.columns, entries: residual.entries.map { _ in .zero }, limits: limits)
        }
        let bits = 40 - Int(largest.exponent)
        let rounded = try RationalMatrix(
            rows: residual.rows, columns: residual.columns,
            entries: residual.entries.map { Draws.grid($0.approximateDouble, bits) }, limits: limits)
        let norms = try phi.multiplied(by: rounded.transposed, limits: limits).rowSquaredNorms(limits: limits)
        let m = norms.max() ?? .zero
        let bound2 = bound * bound
        if m <= bound2 { return rounded }
        var s = roundedDyadic(bound.approximateDouble / m.approximateDouble.squareRoot() * (1 - 0x1p-30), significantBits: 20)
        while s * s * m > bound2 { s = s - s.timesPowerOfTwo(-20) }
        return try RationalMatrix(rows: rounded.rows, columns: rounded.columns, entries: rounded.entries.map { $0 * s }, limits: limits)
    }
}

extension CertificateBuilder {
    /// A `matrix` object holding m: the dyadic encoding (one exponent per row, int64
    /// mantissas in base64, or wide mantissas when one does not fit) when every entry is
    /// dyadic, rational entries otherwise.
    mutating func matrix(_ name: String, _ m: RationalMatrix) {
        let rows = m.rows, columns = m.columns
        var exponents: [Int] = []
        var mantissas: [BigInt] = []
        mantissas.reserveCapacity(rows * columns)
        for i in 0..<rows {
            let row = m.row(i)
            guard row.allSatisfy({ $0.denominator.isPowerOfTwo }) else {
                matrix(name, rows: rows, columns: columns, entries: (0..<rows).map { m.row($0) })
                return
            }
            let e = row.map { $0.denominator.bitLength - 1 }.max() ?? 0
            exponents.append(e)
            mantissas.append(contentsOf: row.map { $0.numerator << (e - ($0.denominator.bitLength - 1)) })
        }
        let rowExponents: any ClaimValue = Set(exponents).count <= 1 ? exponents.first ?? 0 : exponents
        let dyadic: DyadicMatrixForm
        if mantissas.allSatisfy({ $0.bitLength <= 63 }) {
            let words = mantissas.map { Int64(Int(exactly: $0)!) }
            dyadic = DyadicMatrixForm(rowExponents: rowExponents, columnExponents: 0, mantissas: words)
        } else {
            let wide = (0..<rows).map { i in Array(mantissas[(i * columns)..<((i + 1) * columns)]) }
            dyadic = DyadicMatrixForm(rowExponents: rowExponents, columnExponents: 0, wideMantissas: wide)
        }
        matrix(name, rows: rows, columns: columns, dyadic: dyadic)
    }
}
