/// The untrusted solvers of the `sparse-heads` scenario (MATH.md sec. 12): the lasso of
/// one task and the group lasso across tasks, solved in floating point by coordinate
/// descent. The scenario repairs their output into exact certificate data; a bug here
/// can only produce data that the kernel rejects.
///
/// Features X are n x p, held column by column (`columns[j * n + i]` = X[i][j]).
/// Lasso:       P(w)   = (1/(2n)) ||y - X w||^2 + lambda ||w||_1.
/// Group lasso: P_G(W) = (1/(2n)) ||Y - X W||_F^2 + lambda sum_j ||W[j, :]||.
public enum LassoSolver {
    /// The features, column by column, with their squared norms.
    public struct Design: Sendable {
        public let samples: Int
        public let features: Int
        /// X[i][j] at j * samples + i.
        public let columns: [Double]
        /// ||x_j||^2 per feature.
        public let squaredNorms: [Double]

        public init(samples n: Int, features p: Int, columns: [Double]) {
            precondition(columns.count == n * p, "LassoSolver.Design: \(n) x \(p) needs \(n * p) entries")
            samples = n
            features = p
            self.columns = columns
            squaredNorms = (0..<p).map { j in
                var s = 0.0
                for i in 0..<n { s += columns[j * n + i] * columns[j * n + i] }
                return s
            }
        }

        /// x_j . v.
        @inline(__always)
        func dot(_ j: Int, _ v: [Double]) -> Double {
            var s = 0.0
            columns.withUnsafeBufferPointer { x in
                v.withUnsafeBufferPointer { v in
                    let base = j * samples
                    for i in 0..<samples { s += x[base + i] * v[i] }
                }
            }
            return s
        }

        /// v += c x_j.
        @inline(__always)
        func axpy(_ c: Double, _ j: Int, _ v: inout [Double]) {
            columns.withUnsafeBufferPointer { x in
                v.withUnsafeMutableBufferPointer { v in
                    let base = j * samples
                    for i in 0..<samples { v[i] += c * x[base + i] }
                }
            }
        }

        /// max_j |x_j . v|.
        public func largestCorrelation(_ v: [Double]) -> Double {
            (0..<features).reduce(0) { max($0, abs(dot($1, v))) }
        }
    }

    /// Soft thresholding S(z, t) = sign(z) max(|z| - t, 0).
    @inline(__always)
    static func soft(_ z: Double, _ t: Double) -> Double {
        z > t ? z - t : (z < -t ? z + t : 0)
    }

    /// The lasso head of one task by cyclic coordinate descent with an active set: a
    /// full sweep over all features, then sweeps over the nonzero ones until no weight
    /// moves by more than `tolerance` (relative to max(1, |w_j|)), repeated until a full sweep moves nothing. Each
    /// step is the exact minimiser over w_j with the others fixed:
    /// w_j <- S(w_j + x_j . r / ||x_j||^2, n lambda / ||x_j||^2), r = y - X w.
    public static func solve(
        _ x: Design, target y: [Double], lambda: Double,
        maximumSweeps: Int = 10_000, tolerance: Double = 1e-15
    ) -> [Double] {
        let n = x.samples, p = x.features
        precondition(y.count == n, "LassoSolver.solve: the target has \(y.count) entries, not \(n)")
        var w = [Double](repeating: 0, count: p)
        var r = y
        let threshold = Double(n) * lambda
        /// One sweep over `set`; returns the largest move.
        func sweep(_ set: [Int]) -> Double {
            var largest = 0.0
            for j in set where x.squaredNorms[j] > 0 {
                let c = x.squaredNorms[j]
                let new = soft(w[j] * c + x.dot(j, r), threshold) / c
                let move = new - w[j]
                if move != 0 {
                    x.axpy(-move, j, &r)
                    w[j] = new
                    largest = max(largest, abs(move) / max(1, abs(new)))
                }
            }
            return largest
        }
        activeSetDescent(features: p, maximumSweeps: maximumSweeps, tolerance: tolerance, sweep: sweep) { w[$0] != 0 }
        return w
    }

    /// The group lasso by block coordinate descent (one block per feature j: its
    /// weights W[j, :] in all T heads), with an active set as in ``solve``. Each step is
    /// the exact block minimiser: z = W[j, :] + x_j^T R / ||x_j||^2 and
    /// W[j, :] <- z (1 - n lambda / (||x_j||^2 ||z||))_+, R = Y - X W.
    ///
    /// - Returns: the heads, `heads[t][j]` = W[j][t].
    public static func solveGroup(
        _ x: Design, targets: [[Double]], lambda: Double,
        maximumSweeps: Int = 10_000, tolerance: Double = 1e-15
    ) -> [[Double]] {
        let n = x.samples, p = x.features, T = targets.count
        precondition(targets.allSatisfy { $0.count == n }, "LassoSolver.solveGroup: every target has \(n) entries")
        var w = [[Double]](repeating: [Double](repeating: 0, count: p), count: T)
        var r = targets
        let threshold = Double(n) * lambda
        func sweep(_ set: [Int]) -> Double {
            var largest = 0.0
            var z = [Double](repeating: 0, count: T)
            for j in set where x.squaredNorms[j] > 0 {
                let c = x.squaredNorms[j]
                var norm2 = 0.0
                for t in 0..<T {
                    z[t] = w[t][j] + x.dot(j, r[t]) / c
                    norm2 += z[t] * z[t]
                }
                let norm = norm2.squareRoot()
                let shrink = norm > 0 ? max(0, 1 - threshold / (c * norm)) : 0
                for t in 0..<T {
                    let new = z[t] * shrink, move = new - w[t][j]
                    if move == 0 { continue }
                    x.axpy(-move, j, &r[t])
                    w[t][j] = new
                    largest = max(largest, abs(move) / max(1, abs(new)))
                }
            }
            return largest
        }
        activeSetDescent(features: p, maximumSweeps: maximumSweeps, tolerance: tolerance, sweep: sweep) { j in
            (0..<T).contains { w[$0][j] != 0 }
        }
        return w
    }

    /// The active-set schedule of both solvers: a full sweep over all `features`, then
    /// sweeps over the active ones (`isActive`, read after the full sweep) until none moves
    /// a weight by more than `tolerance`, repeated until a full sweep moves nothing or
    /// `maximumSweeps` sweeps (full or not) are done. `sweep` runs one sweep over a list
    /// of features and returns its largest relative move.
    static func activeSetDescent(
        features p: Int, maximumSweeps: Int, tolerance: Double, sweep: ([Int]) -> Double, isActive: (Int) -> Bool
    ) {
        var sweeps = 0
        func counted(_ set: [Int]) -> Double {
            sweeps += 1
            return sweep(set)
        }
        let all = Array(0..<p)
        while sweeps < maximumSweeps {
            if counted(all) <= tolerance { break }
            let active = all.filter(isActive)
            while sweeps < maximumSweeps, counted(active) > tolerance {}
        }
    }

    /// The residual y - X w.
    public static func residual(_ x: Design, target y: [Double], head w: [Double]) -> [Double] {
        var r = y
        for j in 0..<x.features where w[j] != 0 { x.axpy(-w[j], j, &r) }
        return r
    }
}
