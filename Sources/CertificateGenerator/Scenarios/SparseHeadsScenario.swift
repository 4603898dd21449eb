import Algorithms
import CertificateKernel
import DyadicConstructions
import ExactArithmetic
import ExactLinearAlgebra
import Foundation

/// `sparse-heads` (seed 003, MATH.md sec. 12): T tasks with sparse linear heads on one
/// shared, disentangled representation X (n x p), certified exactly.
///
/// The instance: X has independent entries (each the sum of three uniform draws, about
/// unit variance) on the grid 2^-15; the true supports S_t are the edges at vertex t of
/// an s-regular circulant graph on the T tasks (one feature per edge, features placed
/// by a seeded permutation), so every feature is used by exactly two tasks whose
/// supports share only it: support variability holds by construction (s = 1: one
/// feature per task). True weights lie in +-[1, 2); targets y_t = X w_t + noise of
/// standard deviation about 1/8, all exact dyadics computed in integers.
///
/// The certificate: per task, a lasso head solved in floating point (``LassoSolver``)
/// and rounded to a dyadic grid, a dual point (the residual / n, scaled into
/// feasibility and checked exactly) and the gap P_t - D_t rounded up to a short dyadic
/// (`lasso-gap`, Lemma LD); the features zero in every optimal head (`lasso-screen`,
/// Lemma LS); the supports, fractions and union with the bound on every optimal head's
/// support (`support`); support variability of the true and (when it holds) the solved
/// supports (`support-variability`); the group lasso at lambda_G = ceil(sqrt(T)) lambda
/// through `penalised-mtl-gap` and `mtl-screen` in group-lasso units (Lemma GL), and
/// the group heads' supports. Deterministic: the same options give the same bytes.
public struct SparseHeadsScenario: Scenario {
    public let tasks: Int
    public let features: Int
    public let samples: Int
    public let sparsity: Int
    public let lambda: Rational
    public let seed: UInt64

    /// Grid exponents: X = mantissa / 2^15, true weights / 2^8, targets / 2^23.
    static let featureExponent = 15, weightExponent = 8, targetExponent = 23

    /// - Throws: ``GeneratorError`` for options that admit no such instance.
    public init(tasks: Int, features: Int, samples: Int, sparsity: Int, lambda: Rational? = nil, seed: UInt64 = 1) throws {
        guard (1...4096).contains(tasks) else { throw GeneratorError("--tasks must be between 1 and 4096") }
        guard (1...1 << 20).contains(features) else { throw GeneratorError("--features must be between 1 and 2^20") }
        guard (1...1 << 24).contains(samples) else { throw GeneratorError("--samples must be between 1 and 2^24") }
        guard sparsity >= 1 else { throw GeneratorError("--sparsity must be at least 1") }
        if sparsity >= 2 {
            guard sparsity <= tasks - 1 else {
                throw GeneratorError(
                    "--sparsity \(sparsity) needs at least \(sparsity + 1) tasks (each feature is shared by two tasks; supports come from an s-regular graph on the tasks)"
                )
            }
            guard sparsity % 2 == 0 || tasks % 2 == 0 else {
                throw GeneratorError("an odd --sparsity needs an even number of tasks (an s-regular graph on T vertices)")
            }
        }
        let union = sparsity == 1 ? tasks : tasks * sparsity / 2
        guard union <= features else {
            throw GeneratorError("the supports need \(union) distinct features, more than --features \(features)")
        }
        let lambda = lambda ?? SparseHeadsScenario.defaultLambda(samples: samples, features: features)
        guard lambda.signum > 0 else { throw GeneratorError("--lambda must be positive") }
        self.tasks = tasks
        self.features = features
        self.samples = samples
        self.sparsity = sparsity
        self.lambda = lambda
        self.seed = seed
    }

    /// The default lambda: the least power of two >= (1/2) sqrt(b/n), b the bit length
    /// of p (a few times the noise level 1/8 times sqrt(2 ln p / n), the size of the
    /// largest correlation of a feature with the noise). Computed with a correctly
    /// rounded square root only, so it is the same on every platform.
    public static func defaultLambda(samples n: Int, features p: Int) -> Rational {
        let v = 0.5 * (Double(Int.bitWidth - p.leadingZeroBitCount) / Double(n)).squareRoot()
        let k = Int(v.exponent) + (v.significand == 1 ? 0 : 1)
        return Rational.one.timesPowerOfTwo(k)
    }

    /// The true supports: s = 1 gives feature perm[t] to task t; s >= 2 the edges of
    /// the circulant graph with offsets 1..s/2 (and T/2 for odd s), edge e taking
    /// feature perm[e]. Each S_t is sorted ascending.
    static func trueSupports(tasks T: Int, sparsity s: Int, permutation perm: [Int]) -> [[Int]] {
        var supports = [[Int]](repeating: [], count: T)
        if s == 1 {
            for t in 0..<T { supports[t] = [perm[t]] }
            return supports
        }
        var e = 0
        for d in 1...(s / 2) {
            for t in 0..<T {
                supports[t].append(perm[e])
                supports[(t + d) % T].append(perm[e])
                e += 1
            }
        }
        if s % 2 == 1 {
            for t in 0..<(T / 2) {
                supports[t].append(perm[e])
                supports[t + T / 2].append(perm[e])
                e += 1
            }
        }
        return supports.map { $0.sorted() }
    }

    /// A uniform draw in -2^15 ..< 2^15.
    static func draw(_ rng: inout SplitMix64) -> Int { Int(rng.next() >> 48) - 32768 }

    /// The instance as integer mantissas: X (n x p, row-major, / 2^15), the true heads
    /// (T x p, / 2^8) and Y (n x T, row-major, / 2^23).
    struct Instance {
        let x: [Int64]
        let trueHeads: [Int64]
        let y: [Int64]
        let supports: [[Int]]
    }

    func instance() -> Instance {
        let n = samples, p = features, T = tasks
        var rng = SplitMix64(seed: seed)
        var perm = Array(0..<p)
        perm.seededShuffle { Int(rng.next() % UInt64($0)) }
        let supports = Self.trueSupports(tasks: T, sparsity: sparsity, permutation: perm)
        var x = [Int64](repeating: 0, count: n * p)
        for k in x.indices { x[k] = Int64(Self.draw(&rng) + Self.draw(&rng) + Self.draw(&rng)) }
        var heads = [Int64](repeating: 0, count: T * p)
        for t in 0..<T {
            for j in supports[t] {
                let magnitude = 256 + Int64(rng.next() >> 56) // [256, 512) / 2^8 = [1, 2)
                heads[t * p + j] = rng.next() & 1 == 0 ? magnitude : -magnitude
            }
        }
        // y_t = X w_t + e_t with e = (three uniform draws) / 2^18: exact in units of 2^-23.
        var y = [Int64](repeating: 0, count: n * T)
        for i in 0..<n {
            for t in 0..<T {
                var s: Int64 = 0
                for j in supports[t] { s += x[i * p + j] * heads[t * p + j] }
                let noise = Int64(Self.draw(&rng) + Self.draw(&rng) + Self.draw(&rng))
                y[i * T + t] = s + noise << (Self.targetExponent - Self.featureExponent - 3)
            }
        }
        return Instance(x: x, trueHeads: heads, y: y, supports: supports)
    }

    /// g rounded up to a dyadic with about `bits` significant bits (0 stays 0).
    static func roundedUp(_ g: Rational, bits: Int = 20) -> Rational {
        guard g.signum > 0 else { return .zero }
        let q = g.numerator.bitLength - g.denominator.bitLength
        let k = bits - q
        return Rational(g.timesPowerOfTwo(k).ceiling).timesPowerOfTwo(-k)
    }

    /// Floats rounded to one shared dyadic grid 2^-E with |mantissa| < 2^52 (so each
    /// rounded value is itself a double): the mantissas and E.
    static func grid(_ values: [Double]) -> (mantissas: [Int64], exponent: Int) {
        let largest = values.reduce(0.0) { max($0, abs($1)) }
        guard largest > 0 else { return (Array(repeating: 0, count: values.count), 0) }
        let e = 50 - Int(largest.exponent)
        let scale = Double(sign: .plus, exponent: e, significand: 1)
        return (values.map { Int64(($0 * scale).rounded()) }, e)
    }

    /// The doubles m / 2^E.
    static func doubles(_ mantissas: [Int64], exponent e: Int) -> [Double] {
        let scale = Double(sign: .plus, exponent: -e, significand: 1)
        return mantissas.map { Double($0) * scale }
    }

    /// Float heads (one row of p weights per task) rounded to one shared grid 2^-E: the
    /// mantissas (row-major) and E, the exact heads, and the rounded heads as floats.
    static func gridHeads(_ heads: [[Double]], features p: Int) throws -> (
        mantissas: [Int64], exponent: Int, exact: RationalMatrix, rounded: [[Double]]
    ) {
        let (mantissas, e) = grid(heads.flatMap { $0 })
        let matrix = try exact(mantissas, rows: heads.count, columns: p, exponent: e)
        return (mantissas, e, matrix, mantissas.chunks(ofCount: p).map { doubles(Array($0), exponent: e) })
    }

    /// The exact matrix c m / 2^E (rows x columns, row-major).
    static func exact(_ mantissas: [Int64], rows: Int, columns: Int, exponent e: Int, factor c: BigInt = 1) throws -> RationalMatrix {
        let numerators = try IntegerMatrix(rows: rows, columns: columns, entries: mantissas.map { BigInt(Int($0)) })
        let denominator = BigInt(1) << max(e, 0), factor = (BigInt(1) << max(-e, 0)) * c
        let scaled =
            factor == 1 ? numerators : try IntegerMatrix(rows: rows, columns: columns, entries: numerators.entries.map { $0 * factor })
        return try RationalMatrix(
            numerators: scaled, rowDenominators: Array(repeating: denominator, count: rows),
            columnDenominators: Array(repeating: BigInt(1), count: columns))
    }

    /// The exact column of m / 2^E.
    static func exactColumn(_ mantissas: [Int64], exponent e: Int) -> [Rational] {
        mantissas.map { Rational(Dyadic(mantissa: BigInt(Int($0)), exponent: e)) }
    }

    public func certificate() throws -> CertificateBuilder {
        let n = samples, p = features, T = tasks
        let inst = instance()
        let design = LassoSolver.Design(
            samples: n, features: p,
            columns: (0..<(p * n)).map { k in
                Double(inst.x[(k % n) * p + k / n]) / Double(1 << Self.featureExponent)
            })
        let ys: [[Double]] = (0..<T).map { t in (0..<n).map { Double(inst.y[$0 * T + t]) / Double(1 << Self.targetExponent) } }
        let x = try Self.exact(inst.x, rows: n, columns: p, exponent: Self.featureExponent)
        let yExact = try Self.exact(inst.y, rows: n, columns: T, exponent: Self.targetExponent)
        let lambdaFloat = lambda.approximateDouble
        let margin = 1 - 0x1p-36

        // Per-task lasso heads, rounded to one grid.
        let floatHeads = (0..<T).map { LassoSolver.solve(design, target: ys[$0], lambda: lambdaFloat) }
        let (headMantissas, headExponent, heads, roundedHeads) = try Self.gridHeads(floatHeads, features: p)

        let supports = Supports(heads: heads)
        let violation =
            supports.variabilityViolation.map {
                " The solved supports do not satisfy support variability (every solved support containing feature \($0.feature) also contains feature \($0.alsoInEverySupport)); it is claimed for the true supports only."
            } ?? ""
        var b = CertificateBuilder(
            description: """
                Seed 003 (MATH.md sec. 12): \(T) tasks with sparse lasso heads on one shared, disentangled representation X \
                (\(n) samples x \(p) features, seed \(seed)), true supports of \(sparsity) features each from a \(sparsity)-regular \
                graph on the tasks, lambda = \(lambda). Per task: the lasso gap (Lemma LD) and the features zero in every optimal \
                head (Lemma LS); the supports, their fractions and union, and a bound on every optimal head's support; support \
                variability; the group lasso across tasks (Lemmas GL, PD, GS).
                """ + violation)
        b.matrix(
            "X", mantissas: inst.x, rows: n, columns: p, exponent: Self.featureExponent,
            source: "synthetic representation: splitmix64 seed \(seed), each entry a sum of three uniform draws on the grid 2^-15")
        b.matrix(
            "Y", mantissas: inst.y, rows: n, columns: T, exponent: Self.targetExponent,
            source: "targets y_t = X w_t + noise (sd about 1/8), one column per task")
        b.matrix(
            "W-true", mantissas: inst.trueHeads, rows: T, columns: p, exponent: Self.weightExponent,
            source: "the true heads that generated Y, one row per task")
        b.matrix(
            "W", mantissas: headMantissas, rows: T, columns: p, exponent: headExponent,
            source: "lasso heads by coordinate descent in float64, rounded to the grid 2^-\(headExponent)")

        // Dual points: theta_t = s (y_t - X w_t) / n, s <= 1 scaling into |x_j . theta| <= lambda.
        var gapClaims: [(id: String, result: Lasso.GapResult)] = []
        for t in 0..<T {
            let r = LassoSolver.residual(design, target: ys[t], head: roundedHeads[t])
            var theta = r.map { $0 / Double(n) }
            let largest = design.largestCorrelation(theta)
            if largest > lambdaFloat * margin { theta = theta.map { $0 * (lambdaFloat * margin / largest) } }
            var result: Lasso.GapResult? = nil
            var dual: (mantissas: [Int64], exponent: Int) = ([], 0)
            for _ in 0..<64 {
                dual = Self.grid(theta)
                let candidate = try Lasso.checkGap(
                    features: x, targets: yExact.column(t), head: heads.row(t),
                    dual: Self.exactColumn(dual.mantissas, exponent: dual.exponent), lambda: lambda, delta: .zero)
                if case .dualInfeasible = candidate.violation {
                    theta = theta.map { $0 * (1 - 0x1p-20) }
                    continue
                }
                result = candidate
                break
            }
            guard let result else { throw GeneratorError("task \(t): no feasible dual point found") }
            let name = "theta\(t)"
            b.matrix(
                name, mantissas: dual.mantissas, rows: n, columns: 1, exponent: dual.exponent,
                source: "dual point of task \(t): the residual / n, scaled into feasibility")
            gapClaims.append(("gap\(t)", result))
        }
        for (t, (id, result)) in gapClaims.enumerated() {
            b.lassoGap(
                id, "Task \(t): the head is within delta of the lasso optimum (exact gap \(result.gap.approximateDouble)).", features: "X",
                targets: "Y", heads: "W", task: t, dual: "theta\(t)", lambda: lambda, delta: Self.roundedUp(result.gap))
        }
        // Screening (Lemma LS) with the exact gap, as the kernel does.
        var screens: [String] = []
        var optimalUpper = [Int](repeating: p, count: T)
        for (t, (id, result)) in gapClaims.enumerated() {
            let scale = 2 * result.gap / Rational(n)
            let screened = (0..<p).filter { j in
                guard heads.isZero(t, j) else { return false }
                let slack = lambda - result.correlations[j].magnitude
                return slack.signum > 0 && scale * result.featureSquaredNorms[j] < slack * slack
            }
            guard !screened.isEmpty else { continue }
            optimalUpper[t] = p - screened.count
            let screenID = "screen\(t)"
            screens.append(screenID)
            b.lassoScreen(
                screenID, "\(screened.count) of the \(p) features are zero in every optimal head of task \(t).", uses: [id],
                features: screened, gap: id, screened: screened.count)
        }
        b.support(
            "supports",
            "The supports of the solved heads, their fractions of the \(p) features and their union (\(supports.union.count) features); every optimal head of task t uses at most optimal-upper[t] features.",
            uses: screens, heads: "W", screens: screens.isEmpty ? nil : screens,
            lasso: screens.isEmpty ? nil : (features: "X", targets: "Y", lambda: lambda), sizes: supports.supports.map(\.count),
            union: supports.union.count, fractions: supports.fractions, optimalUpper: screens.isEmpty ? nil : optimalUpper)
        let trueHeads = try Self.exact(inst.trueHeads, rows: T, columns: p, exponent: Self.weightExponent)
        let trueSupports = Supports(heads: trueHeads)
        b.support(
            "true-supports", "The true supports: \(sparsity) features per task, \(trueSupports.union.count) in all.", heads: "W-true",
            sizes: trueSupports.supports.map(\.count), union: trueSupports.union.count, fractions: trueSupports.fractions)
        guard trueSupports.variabilityViolation == nil else {
            throw GeneratorError("internal: the true supports violate support variability")
        }
        b.supportVariability(
            "true-variability",
            "The true supports satisfy support variability: each feature is shared by two tasks whose supports have only it in common.",
            heads: "W-true")
        if supports.variabilityViolation == nil {
            b.supportVariability("variability", "The supports of the solved heads satisfy support variability.", heads: "W")
        }

        try groupLasso(&b, design: design, ys: ys, x: x, y: yExact)
        return b
    }

    /// lambda_G = ceil(sqrt(T)) lambda: the group norm of an inactive feature's
    /// correlations over T tasks grows like sqrt(T).
    public var groupLambda: Rational {
        var k = Int(Double(tasks).squareRoot())
        while k * k < tasks { k += 1 }
        while k > 1, (k - 1) * (k - 1) >= tasks { k -= 1 }
        return lambda * Rational(k)
    }

    /// The group lasso across tasks: heads WG (T x p), the dual point ThetaG (T x n,
    /// group-lasso units) = s (Y - X WG^T)^T / n scaled into ||ThetaG x_j|| <= lambda_G,
    /// unit bounds u_j >= ||WG[:, j]||; `penalised-mtl-gap`, `mtl-screen` and `support`.
    func groupLasso(_ b: inout CertificateBuilder, design: LassoSolver.Design, ys: [[Double]], x: RationalMatrix, y: RationalMatrix) throws
    {
        let n = samples, p = features, T = tasks
        let lambdaG = groupLambda, lambdaFloat = lambdaG.approximateDouble
        let floatHeads = LassoSolver.solveGroup(design, targets: ys, lambda: lambdaFloat)
        let (headMantissas, headExponent, heads, rounded) = try Self.gridHeads(floatHeads, features: p)
        var theta = (0..<T).map { t in LassoSolver.residual(design, target: ys[t], head: rounded[t]).map { $0 / Double(n) } }
        var largest = 0.0
        for j in 0..<p {
            var s = 0.0
            for t in 0..<T {
                let c = design.dot(j, theta[t])
                s += c * c
            }
            largest = max(largest, s.squareRoot())
        }
        if largest > lambdaFloat * (1 - 0x1p-36) { theta = theta.map { $0.map { $0 * (lambdaFloat * (1 - 0x1p-36) / largest) } } }
        let unitBounds = try heads.columnSquaredNorms().map(MultiTaskLassoSolver.upperSquareRoot)
        let phi = x.transposed, psi = y.transposed
        var found: (result: MultiTaskLasso.PenalisedResult, dual: (mantissas: [Int64], exponent: Int))? = nil
        for _ in 0..<64 {
            let dual = Self.grid(theta.flatMap { $0 })
            // Theta = n ThetaG in multi-task units (Lemma GL).
            let scaled = try Self.exact(dual.mantissas.map { $0 }, rows: T, columns: n, exponent: dual.exponent, factor: BigInt(n))
            let result = try MultiTaskLasso.checkPenalised(
                features: phi, targets: psi, weights: heads, dual: scaled,
                lambda: lambdaG * Rational(n), unitBounds: unitBounds, delta: .zero)
            if case .dualInfeasible = result.violation {
                theta = theta.map { $0.map { $0 * (1 - 0x1p-20) } }
                continue
            }
            if let v = result.violation, case .gapTooLarge = v {
            } else if let v = result.violation {
                throw GeneratorError("internal: the group-lasso certificate fails: \(v)")
            }
            found = (result, dual)
            break
        }
        guard let found else { throw GeneratorError("group lasso: no feasible dual point found") }
        let (result, dual) = found
        b.matrix(
            "WG", mantissas: headMantissas, rows: T, columns: p, exponent: headExponent,
            source: "group-lasso heads by block coordinate descent in float64, rounded to the grid 2^-\(headExponent)")
        b.matrix(
            "ThetaG", mantissas: dual.mantissas, rows: T, columns: n, exponent: dual.exponent,
            source: "group-lasso dual point (tasks x samples, group-lasso units): the residual / n, scaled into feasibility")
        // The gap in group-lasso units is the multi-task gap / n.
        let gap = result.gapBound / Rational(n)
        b.penalisedMtlGap(
            "group",
            "The group lasso across the \(T) tasks at lambda_G = \(lambdaG) in group-lasso units (Lemma GL: the kernel checks n P_G with lambda_MTL = n lambda_G and Theta = n ThetaG); exact gap \(gap.approximateDouble).",
            features: "X", targets: "Y", heads: "WG", dual: "ThetaG", unitBounds: unitBounds, lambda: lambdaG, delta: Self.roundedUp(gap))
        // Lemma GS in multi-task units, with the exact multi-task gap (the kernel uses n G, G the exact group gap).
        let units = (0..<p).filter { j in
            (0..<T).allSatisfy { heads.isZero($0, j) }
                && SquareRootSum.isLess(
                    sqrtOf: result.dualSquaredNorms[j], plusSqrtOf: 2 * result.gapBound * result.featureSquaredNorms[j], than: result.lambda
                )
        }
        if !units.isEmpty {
            b.mtlScreen(
                "group-screen", "\(units.count) of the \(p) features are zero in every group-lasso optimum.", uses: ["group"], units: units,
                gap: "group", screened: units.count)
        }
        let supports = Supports(heads: heads)
        b.support(
            "group-supports",
            "The supports of the group-lasso heads and their union (\(supports.union.count) features): the heads share features by construction.",
            heads: "WG", sizes: supports.supports.map(\.count), union: supports.union.count, fractions: supports.fractions)
    }
}

extension SizeEstimate {
    /// `generate sparse-heads`: T tasks, p features, n samples.
    ///
    /// Cells: the matrices X (n p), Y (n T), W-true, W and WG (T p each), the T dual
    /// points (n each) and ThetaG (T n). Work: what the kernel charges the T `lasso-gap`
    /// claims (3 n p each) and `penalised-mtl-gap` (2 T p n); the screening claims come
    /// on top. File size: the base64 mantissas of X alone (8 bytes per entry, 4/3 of
    /// that in base64).
    public static func sparseHeads(tasks T: Int, features p: Int, samples n: Int) -> SizeEstimate {
        SizeEstimate(items: [
            Item(
                limit: .cells, value: sum(product(n, p), product(n, T), product(3, T, p), product(2, T, n)),
                what: "the entries of X, Y, the three head matrices and the dual points, n p + n T + 3 T p + 2 T n"),
            Item(
                limit: .work, value: sum(product(3, T, n, p), product(2, T, p, n)),
                what: "the work of the gap claims, 5 T n p (a lower bound)"),
            Item(limit: .fileSize, value: product(n, p, 32) / 3, what: "the file size in bytes (a lower bound: X's base64 mantissas)"),
        ])
    }
}

extension CertificateBuilder {
    /// A `matrix` object in the dyadic encoding: entry (i, j) = mantissa / 2^E.
    mutating func matrix(_ name: String, mantissas: [Int64], rows: Int, columns: Int, exponent e: Int, source: String? = nil) {
        let dyadic = DyadicMatrixForm(rowExponents: 0, columnExponents: e, mantissas: mantissas)
        matrix(name, rows: rows, columns: columns, dyadic: dyadic, source: source)
    }
}
