import CertificateKernel
import ExactArithmetic

/// What a certificate will ask of the verifier, estimated from the generator's options
/// before anything is built, so that `dyadcert generate` can refuse a request the
/// verifier's limits (``VerificationLimits``) would reject, at once and without the
/// memory and time of building it.
///
/// Every value is a lower bound of what the kernel charges for the finished certificate
/// (the same formulas as its object readers and rules, FORMAT.md sec. 7, or smaller
/// terms of them): a refusal is therefore never wrong. A request within every estimate
/// can still exceed a limit the estimate does not model; `generate --verify` then
/// reports it as a limit (exit code 3).
public struct SizeEstimate: Sendable, Equatable {
    /// One estimated quantity, checked against one limit.
    public struct Item: Sendable, Equatable {
        public let limit: LimitKind
        public let value: Int
        /// What is counted, for the message (e.g. "the sign tree's depth J").
        public let what: String
    }

    public let items: [Item]

    /// The first estimated quantity above its limit, or nil when all are within.
    public func firstExceeded(_ limits: VerificationLimits) -> Item? {
        items.first { $0.value > limits.value(of: $0.limit) }
    }

    /// `WHAT = VALUE, above the TITLE limit MAXIMUM (HINT)`, for the refusal message.
    public static func message(_ item: Item, _ limits: VerificationLimits) -> String {
        let maximum = limits.value(of: item.limit)
        return
            "\(item.what) = \(item.value == Int.max ? "more than \(Int.max)" : String(item.value)), above the \(item.limit.title) limit \(maximum) (\(item.limit.hint(current: maximum)))"
    }

    /// a * b * ..., saturating at Int.max (negative factors count as 0).
    static func product(_ factors: Int...) -> Int { Int.saturatingProduct(factors) }

    /// a + b + ..., saturating at Int.max.
    static func sum(_ terms: Int...) -> Int {
        var result = 0
        for t in terms {
            let (s, overflow) = result.addingReportingOverflow(max(t, 0))
            if overflow { return Int.max }
            result = s
        }
        return result
    }

    /// 2^k, saturating at Int.max.
    static func power(_ k: Int) -> Int { k >= 62 ? Int.max : 1 << max(k, 0) }

    /// Packed 64-bit words of a level-J function.
    static func words(_ J: Int) -> Int { max(1, power(J) / 64) }

    /// Decimal digits of n >= 0.
    static func digits(_ n: Int) -> Int { String(max(n, 0)).count }

    /// `generate separation`: depth J, D readouts below 2^J.
    ///
    /// Levels: the sign tree and the readout class have level J. Cells: the sign tree
    /// (2^J), the D task outputs (2^J each) and the network (2^J). Network size: the
    /// kernel's own bound for the `sign-coded-network` N, 24 * 2^J + 4 D (J + 2). Work: the
    /// Gram matrix of the D outputs (D^2 x 2 x their packed words) and the network's
    /// evaluation on its 2^J pieces (at least D + 1 steps each); once the scenario has
    /// built N, `networkRealisesWork`, what the kernel charges `network-realises` for it
    /// (its largest claim by far, from J = 10 on), replaces the evaluation term. File size:
    /// the sign tree's hex digits (2^J / 4) and the readouts, written three times.
    public static func separation(levels J: Int, readouts D: Int, largestReadout: Int, networkRealisesWork: Int? = nil)
        -> SizeEstimate
    {
        SizeEstimate(items: [
            Item(limit: .level, value: J, what: "the sign tree's depth J"),
            Item(
                limit: .networkSize, value: ObjectStore.signCodedNetworkSize(levels: J, readouts: D),
                what: "the sign-coded network's size 24 * 2^J + 4 D (J + 2)"),
            Item(
                limit: .cells, value: product(D + 2, power(J)),
                what: "the cells of the sign tree, the D task outputs and the network, (D + 2) 2^J"),
            Item(
                limit: .work, value: sum(product(D, D, 2 * words(J)), networkRealisesWork ?? product(power(J), D + 1)),
                what: networkRealisesWork == nil
                    ? "the work of the Gram matrix and the network evaluation (a lower bound)"
                    : "the work of the Gram matrix and of network-realises' sweep (a lower bound)"),
            Item(
                limit: .fileSize, value: sum(power(J) / 4, product(3, D, digits(largestReadout) + 4)),
                what: "the file size in bytes (a lower bound)"),
        ])
    }

    public static func haarEntropy(levels J: Int) -> SizeEstimate {
        SizeEstimate(items: [Item(limit: .level, value: J, what: "the Haar classes' depth J")])
    }

    /// `generate triangle`: T^(n) with 2^(n-1) teeth against P first-layer units.
    ///
    /// The explicit approximation has b = floor(P / 2^n) 2^n breakpoints (the
    /// non-strict greedy at t' = 1/k', k' = floor(P / 2^n) + 1, as in
    /// ``TriangleScenario``), and a network only when b > 0. Level: the triangle wave's
    /// order n. Cells: T^(n) (2^n) and the network's output (b + 1 pieces). Network
    /// size: b first-layer units with one weight each and the output unit with b
    /// weights, sum of (weights + 2) = 4b + 2. File size: the step function's b
    /// breakpoints and the network's b units, at least 40 bytes each.
    public static func triangle(teeth: Int, units P: Int) -> SizeEstimate {
        let n = teeth.trailingZeroBitCount + 1
        let b = n >= 62 ? 0 : (max(P, 0) >> n) << n
        return SizeEstimate(items: [
            Item(limit: .level, value: n, what: "the triangle wave's order n (2^(n-1) teeth)"),
            Item(
                limit: .networkSize, value: b > 0 ? sum(product(4, b), 2) : 0,
                what: "the network's size 4b + 2 (b = \(b) first-layer units)"),
            Item(
                limit: .cells, value: sum(power(n), b > 0 ? b + 1 : 0), what: "the cells of T^(n) and of the network's output, 2^n + b + 1"),
            Item(limit: .fileSize, value: product(40, b), what: "the file size in bytes (a lower bound)"),
        ])
    }

    /// `generate walsh-basis`: the 2^J Walsh functions and the 2^J Haar functions.
    ///
    /// Cells: the kernel charges 2^(2J) for the Walsh basis and 4 * 2^J for the Haar
    /// basis. Work: the Walsh Gram matrix, (2^J)^2 entries of 2 x its packed words.
    public static func walshBasis(levels J: Int) -> SizeEstimate {
        SizeEstimate(items: [
            Item(limit: .level, value: J, what: "the level J"),
            Item(
                limit: .cells, value: sum(product(power(J), power(J)), product(4, power(J))),
                what: "the cells of the Walsh and Haar bases, 2^(2J) + 4 * 2^J"),
            Item(limit: .work, value: product(power(J), power(J), 2 * words(J)), what: "the work of the Walsh Gram matrix (a lower bound)"),
        ])
    }

    /// `generate rates`: one row per depth J in `levels` (a sign tree, a readout class
    /// and a sign-coded network with D_J = min(D, 2^(J-1)) outputs each), and Haar classes
    /// of depth `haarLevels`. Level: the largest depth. Network size: the sign-coded
    /// network of the largest row, by the formula of `separation`. Cells: each row's sign
    /// tree and network, 2 * 2^J. File size: the sign trees' hex digits, 2^J / 4 per row.
    public static func rates(levels: ClosedRange<Int>, tasks D: Int, haarLevels: Int) -> SizeEstimate {
        let J = levels.upperBound, top = min(D, power(J - 1))
        return SizeEstimate(items: [
            Item(limit: .level, value: max(J, haarLevels), what: "the largest depth (rows and Haar classes)"),
            Item(
                limit: .networkSize, value: sum(product(16, power(J)), product(4, top, J + 2)),
                what: "the largest network's size 16 * 2^J + 4 D_J (J + 2)"),
            Item(
                limit: .cells, value: levels.reduce(0) { sum($0, product(2, power($1))) },
                what: "the cells of every row's sign tree and network, sum over J of 2 * 2^J"),
            Item(limit: .fileSize, value: levels.reduce(0) { sum($0, power($1) / 4) }, what: "the file size in bytes (a lower bound)"),
        ])
    }

    /// `generate multitask-compression`: N points in dimension d, D outputs, K units.
    ///
    /// Cells: the matrices X (d N), Y, Theta and Lambda (D N each), W (K d), b (K), and
    /// the three D x K weight matrices of the wide network, the lasso solution and the
    /// pruned layer. Network size: the wide network, K (d + D + 1) + D. Work: what
    /// `relu-interpolates` charges for the wide network, K (d + D) N, plus the features
    /// K d N and products 2 D K N charged by each of the two gap claims. File size: the
    /// base64 mantissas of X, W and the wide network's V (at least 32/3 bytes each; these
    /// three are always on grids with int64 mantissas, the other matrices may be written
    /// more compactly).
    public static func multitaskCompression(points N: Int, inputs d: Int, outputs D: Int, units K: Int) -> SizeEstimate {
        SizeEstimate(items: [
            Item(
                limit: .cells, value: sum(product(d, N), product(3, D, N), product(K, d), K, product(3, D, K)),
                what: "the matrix entries d N + 3 D N + K d + K + 3 D K"),
            Item(limit: .networkSize, value: sum(product(K, d + D + 1), D), what: "the wide network's size K (d + D + 1) + D"),
            Item(
                limit: .work, value: sum(product(K, d + D, N), product(2, K, d, N), product(4, D, K, N)),
                what: "the work of the interpolation and duality-gap checks (a lower bound)"),
            Item(
                limit: .fileSize, value: product(10, sum(product(d, N), product(K, d), product(D, K))),
                what: "the file size in bytes (a lower bound)"),
        ])
    }
}
