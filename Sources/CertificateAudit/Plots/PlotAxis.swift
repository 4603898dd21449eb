import ExactArithmetic
import Foundation

/// One axis of a plot: where a data value goes (0 at the start of the axis, 1 at its
/// end), the ticks with their exact labels, and the axis label.
///
/// Tick values are exact rationals, labelled by their exact text (`3/4`, `-1`, `512`),
/// never rounded decimals. Linear axes tick at multiples k 2^e of one power of two, so a
/// function with values in [-1, 1] gets -1, -1/2, 0, 1/2, 1; a log axis in bits ticks at
/// powers of two and is labelled in bits, not in log2 of bits. Data coordinates are
/// doubles (pixel positions only; no value that is checked passes through here).
struct PlotAxis {
    struct Tick {
        let value: Rational
        /// 0 at the start of the axis, 1 at its end.
        let position: Double
        var label: String { value.description }
    }

    let label: Prose
    let ticks: [Tick]
    /// Data value to position along the axis (0...1).
    let position: (Double) -> Double

    /// A linear axis that covers [low, high] with dyadic ticks: the step is the smallest
    /// power of two 2^e with at most `maximumIntervals` intervals, and the axis runs from
    /// floor(low / 2^e) 2^e to ceil(high / 2^e) 2^e, so both ends are ticks.
    static func dyadic(covering low: Double, _ high: Double, label: Prose, maximumIntervals: Int = 4) -> PlotAxis {
        // Data far outside any sensible axis (values from a hostile certificate) are clamped.
        var low = low.isFinite ? min(max(low, -1e12), 1e12) : 0, high = high.isFinite ? min(max(high, -1e12), 1e12) : 1
        if !(high > low) {
            low -= 1
            high += 1
        }
        var e = stepExponent(low, high, maximumIntervals: max(1, maximumIntervals))
        while e < 100, max(abs(low), abs(high)) / pow2(e) > 1e15 { e += 1 } // tick indices stay Ints
        let first = (low / pow2(e)).rounded(.down), last = (high / pow2(e)).rounded(.up)
        let start = Rational(Int(first)).timesPowerOfTwo(e), end = Rational(Int(last)).timesPowerOfTwo(e)
        return linear(from: start, to: end, ticks: (Int(first)...Int(last)).map { Rational($0).timesPowerOfTwo(e) }, label: label)
    }

    /// A linear axis from `start` to `end` with the given exact ticks.
    static func linear(from start: Rational, to end: Rational, ticks: [Rational], label: Prose) -> PlotAxis {
        let a = start.approximateDouble, b = end.approximateDouble
        let span = b > a ? b - a : 1
        let map: (Double) -> Double = { ($0 - a) / span }
        return PlotAxis(label: label, ticks: ticks.map { Tick(value: $0, position: map($0.approximateDouble)) }, position: map)
    }

    /// [0, width] with ticks at 0, width/k, ..., width (exact; dyadic when width is).
    static func window(_ width: Rational, parts: Int, label: Prose) -> PlotAxis {
        let ticks = (0...parts).map { width * Rational($0) / Rational(parts) }
        return linear(from: Rational(0), to: width, ticks: ticks, label: label)
    }

    /// A log2 axis for positive values in [low, high], ticked at powers of two 2^a (every
    /// `stride`-th exponent, at most `maximumTicks` ticks), labelled by their exact values.
    static func logarithmic(covering low: Double, _ high: Double, label: Prose, maximumTicks: Int = 10) -> PlotAxis {
        func clamp(_ x: Double) -> Double { x.isFinite ? min(max(x, 1e-300), 1e300) : 1e300 }
        let a0 = Int(log2(clamp(low)).rounded(.down)), a1 = max(Int(log2(clamp(high)).rounded(.up)), a0 + 1)
        let stride = max(1, (a1 - a0 + maximumTicks - 2) / max(1, maximumTicks - 1))
        let first = a0 - ((a0 % stride) + stride) % stride
        var last = first
        while last < a1 { last += stride }
        let map: (Double) -> Double = { (log2($0) - Double(first)) / Double(last - first) }
        let ticks = Swift.stride(from: first, through: last, by: stride).map { a in
            Tick(value: Rational(1).timesPowerOfTwo(a), position: Double(a - first) / Double(last - first))
        }
        return PlotAxis(label: label, ticks: ticks, position: map)
    }

    /// A log axis through the given positive exact values (ticks at those values, at most
    /// `maximumTicks` of them, evenly thinned), optionally reversed (largest value first).
    static func logarithmic(through values: [Rational], reversed: Bool, label: Prose, maximumTicks: Int = 10) -> PlotAxis {
        let sorted = values.filter { $0.signum > 0 }.sorted()
        guard let smallest = sorted.first, let largest = sorted.last, largest > smallest else {
            return dyadic(covering: sorted.first?.approximateDouble ?? 0, sorted.first?.approximateDouble ?? 1, label: label)
        }
        let lo = log2(min(max(smallest.approximateDouble, 1e-300), 1e300)), hi = log2(min(max(largest.approximateDouble, 1e-300), 1e300))
        guard hi > lo else { return dyadic(covering: 0, 1, label: label) }
        let map: (Double) -> Double = { v in
            let t = (log2(v) - lo) / (hi - lo)
            return reversed ? 1 - t : t
        }
        var unique: [Rational] = []
        for v in sorted where unique.last != v { unique.append(v) }
        let stride = max(1, (unique.count + maximumTicks - 1) / maximumTicks)
        let shown = unique.enumerated().filter { $0.offset % stride == 0 || $0.offset == unique.count - 1 }.map(\.element)
        return PlotAxis(label: label, ticks: shown.map { Tick(value: $0, position: map($0.approximateDouble)) }, position: map)
    }

    /// The exponent e of the tick step 2^e.
    static func stepExponent(_ low: Double, _ high: Double, maximumIntervals: Int) -> Int {
        func intervals(_ e: Int) -> Double { (high / pow2(e)).rounded(.up) - (low / pow2(e)).rounded(.down) }
        var e = Int(log2(high - low).rounded(.up)) + 1
        while e > -60, intervals(e - 1) <= Double(maximumIntervals) { e -= 1 }
        return e
    }

    static func pow2(_ e: Int) -> Double { Double(sign: .plus, exponent: e, significand: 1) }
}
