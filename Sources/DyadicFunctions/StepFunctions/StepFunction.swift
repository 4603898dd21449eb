import ExactArithmetic

/// A step function on [0, 1) with rational breakpoints and values (MATH.md sec. 2).
///
/// f(x) = v_i on the half-open piece [t_i, t_{i+1}), with 0 = t_0 < ... < t_n = 1, so f
/// is right-continuous. The stored form is canonical: adjacent equal values are
/// merged, so two step functions are equal (as functions, almost everywhere) exactly
/// when their representations are equal, and `breakpointCount` is the number of
/// breakpoints of the canonical form (the n of Corollary N2).
///
/// ```swift
/// let f = try StepFunction(breakpoints: [0, 1/2, 1], values: [1, -1])   // Haar psi
/// f.innerProduct(with: f)          // 1
/// ```
public struct StepFunction: Hashable, Sendable {
    /// The breakpoints 0 = t_0 < t_1 < ... < t_n = 1.
    public let breakpoints: [Rational]
    /// The values v_0 ... v_{n-1}; v_i holds on [t_i, t_{i+1}), and v_i != v_{i+1}.
    public let values: [Rational]
    /// Whether every value is +1 or -1; found once, when the function is made, since
    /// rules ask it of every coordinate of every class element.
    public let isSignValued: Bool

    /// The step function with these breakpoints and values, in canonical form.
    ///
    /// - Throws: when there are fewer than two breakpoints, the first is not 0, the
    ///   last is not 1, they do not increase strictly, or the value count is not one
    ///   less than the breakpoint count.
    public init(breakpoints: [Rational], values: [Rational]) throws(DyadicFunctionError) {
        try StepFunction.checkPartition(breakpoints)
        try DyadicFunctionError.checkCount("step function values (one per piece)", expected: breakpoints.count - 1, found: values.count)
        self.init(mergingValidBreakpoints: breakpoints, values: values)
    }

    /// Checks a partition 0 = t_0 < ... < t_n = 1 of [0, 1) (of step or piecewise-linear
    /// functions): at least two points, the first 0, the last 1, strictly increasing.
    static func checkPartition(_ t: [Rational]) throws(DyadicFunctionError) {
        guard t.count >= 2 else { throw .tooFewBreakpoints(count: t.count) }
        guard t[0].isZero else { throw .firstBreakpointNotZero(t[0]) }
        guard t[t.count - 1] == Rational.one else { throw .lastBreakpointNotOne(t[t.count - 1]) }
        for i in 1..<t.count where !(t[i - 1] < t[i]) { throw .breakpointsNotIncreasing(index: i) }
    }

    /// Canonicalizes valid data: drops every breakpoint between two equal values.
    internal init(mergingValidBreakpoints breakpoints: [Rational], values: [Rational]) {
        var keptBreakpoints = [breakpoints[0]]
        var keptValues = [values[0]]
        keptBreakpoints.reserveCapacity(breakpoints.count)
        keptValues.reserveCapacity(values.count)
        for i in 1..<values.count where values[i] != keptValues[keptValues.count - 1] {
            keptBreakpoints.append(breakpoints[i])
            keptValues.append(values[i])
        }
        keptBreakpoints.append(breakpoints[breakpoints.count - 1])
        self.init(canonicalBreakpoints: keptBreakpoints, values: keptValues)
    }

    /// Wraps data that is already valid and canonical.
    internal init(canonicalBreakpoints: [Rational], values: [Rational]) {
        self.breakpoints = canonicalBreakpoints
        self.values = values
        self.isSignValued = values.allSatisfy { $0 == Rational.one || $0 == -Rational.one }
        #if DYADCERT_INVARIANTS
            precondition(breakpoints.count == values.count + 1 && breakpoints.first == 0 && breakpoints.last == 1)
            for i in 1..<breakpoints.count { precondition(breakpoints[i - 1] < breakpoints[i]) }
            for i in 1..<values.count { precondition(values[i - 1] != values[i]) }
        #endif
    }

    /// The constant function c.
    public init(constant c: Rational) {
        self.init(canonicalBreakpoints: [0, 1], values: [c])
    }

    /// The dyadic step function of level J with value `cellValues[k]` on I(J, k); the
    /// level is log2 of the count, which must be a power of two.
    public init(cellValues: [Rational]) throws(DyadicFunctionError) {
        let count = cellValues.count
        guard count > 0 && count & (count - 1) == 0 else {
            throw .invalidParameter("a dyadic step function of level J needs 2^J cell values, found \(count)")
        }
        let level = count.trailingZeroBitCount
        let breakpoints = (0...count).map { Dyadic(mantissa: BigInt($0), exponent: level).rational }
        self.init(mergingValidBreakpoints: breakpoints, values: cellValues)
    }

    /// The number of pieces of the canonical form.
    public var pieceCount: Int { values.count }

    /// The number of breakpoints inside (0, 1) of the canonical form: the least
    /// number of jumps any representation of this function has.
    public var breakpointCount: Int { values.count - 1 }

    /// The breakpoints inside (0, 1).
    public var interiorBreakpoints: ArraySlice<Rational> { breakpoints.dropFirst().dropLast() }

    /// The index i with t_i <= x < t_{i+1}, for x in [0, 1) (binary search; x outside
    /// [0, 1) gives the first or last piece).
    public func pieceIndex(containing x: Rational) -> Int {
        StepFunction.pieceIndex(of: x, in: breakpoints)
    }

    /// The index i with t_i <= x < t_{i+1} in a partition 0 = t_0 < ... < t_n = 1 of
    /// [0, 1), by binary search (x below t_1 gives 0, x at or above t_{n-1} gives n-1).
    public static func pieceIndex(of x: Rational, in t: [Rational]) -> Int {
        max(partitioningIndex(0, t.count - 1) { t[$0] > x } - 1, 0)
    }

    /// The least J such that every breakpoint is a multiple of 2^-J, if the
    /// breakpoints are dyadic; then f is a dyadic step function of that level.
    public var dyadicLevel: Int? {
        breakpoints.mapAll(\.dyadicExponent)?.max()
    }

    /// The 2^J values on the level-J cells, if f is a dyadic step function of level <= J.
    public func cellValues(level: Int) throws(DyadicFunctionError) -> [Rational] {
        guard let own = dyadicLevel, own <= level else { throw .notDyadicOfLevel(level: level) }
        try DyadicFunctionError.checkLevel(level, in: 0...30) // level >= the own level >= 0
        var cells = [Rational]()
        cells.reserveCapacity(1 << level)
        for i in 0..<values.count {
            cells.append(contentsOf: repeatElement(values[i], count: cellBoundary(i + 1, level: level) - cellBoundary(i, level: level)))
        }
        return cells
    }

    /// k with breakpoint i = k / 2^level, for a function of dyadic level <= `level` <= 62
    /// (the callers check both, so k is an integer in 0...2^level).
    func cellBoundary(_ i: Int, level: Int) -> Int {
        let k = breakpoints[i].timesPowerOfTwo(level)
        guard k.denominator == 1, let boundary = k.numerator.intValue else {
            preconditionFailure("breakpoint \(i) is not a cell boundary at level \(level)")
        }
        return boundary
    }

    /// The composition g o f: the same breakpoints, values g(v_i) (MATH.md sec. 2).
    public func mapValues<E: Error>(_ g: (Rational) throws(E) -> Rational) throws(E) -> StepFunction {
        StepFunction(mergingValidBreakpoints: breakpoints, values: try values.map(g))
    }
}

/// The first index in low..<high at which `isAbove` holds, or `high` when it holds
/// nowhere, for a predicate that is false and then true along the range: the one
/// binary search of the trusted base (pieces of a partition, runs of parameter codes,
/// the thresholds of the network sweep).
@inline(__always)
func partitioningIndex(_ low: Int, _ high: Int, where isAbove: (Int) -> Bool) -> Int {
    var low = low, high = high
    while low < high {
        let mid = (low &+ high) >> 1
        if isAbove(mid) { high = mid } else { low = mid + 1 }
    }
    return low
}

extension Sequence {
    /// `map(transform)` when `transform` gives a value for every element; nil as soon as
    /// it gives nil for one (the later elements are not transformed).
    func mapAll<T>(_ transform: (Element) -> T?) -> [T]? {
        var result: [T] = []
        result.reserveCapacity(underestimatedCount)
        for element in self {
            guard let value = transform(element) else { return nil }
            result.append(value)
        }
        return result
    }
}
