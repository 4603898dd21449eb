import DyadicFunctions
import ExactArithmetic

extension KernelFunction {
    /// ||f - g||_inf exactly. Two +-1 functions of one level differ by 0 or 2 on every
    /// cell, so their distance is 2 exactly when their packed bits differ.
    func supDistance(to other: KernelFunction) -> Rational {
        if case .packed(let a) = self, case .packed(let b) = other, a.level == b.level {
            return a.words == b.words ? 0 : 2
        }
        return stepFunction.supDistance(to: other.stepFunction).value
    }
}

extension [KernelFunction] {
    /// The steps one pass over every coordinate of a tuple takes, for work estimates.
    var workSize: Int { reduce(0) { $0 + $1.workSize } }
}

extension [[KernelFunction]] {
    /// The work of one sup distance or hash of the largest of these tuples, to charge every
    /// pair or element of a class at: its words when every coordinate is packed at one
    /// level across the tuples (compared word by word), otherwise 64 per piece or word
    /// (``SupDistanceRule/stepsPerWord``), since distances then merge rational pieces and a
    /// packed word may become 64 of them. The largest, not the first: a class whose first
    /// element was a constant charged every pair of 65,536-piece elements 2 steps.
    var largestDistanceWork: Int {
        let largest = map(\.workSize).max() ?? 1
        return Swift.max(1, isPackedAlike ? largest : Int.saturatingProduct([largest, SupDistanceRule.stepsPerWord]))
    }

    /// Whether coordinate d of every tuple is packed, at one level per d: then the tuples
    /// compare and hash by their words.
    var isPackedAlike: Bool {
        let first = self.first ?? []
        return allSatisfy { element in
            element.count == first.count
                && zip(element, first).allSatisfy { f, g in
                    if case .packed(let p) = f, case .packed(let q) = g { p.level == q.level } else { false }
                }
        }
    }
}

/// ||F - G||_inf = max over coordinates d of ||f_d - g_d||_inf (MATH.md sec. 2).
func vectorSupDistance(_ f: [KernelFunction], _ g: [KernelFunction]) -> Rational {
    zip(f, g).reduce(Rational.zero) { best, pair in max(best, pair.0.supDistance(to: pair.1)) }
}

/// The elements of a class, generated from their parameters.
enum ClassElements {
    /// The number of elements a full enumeration visits (sign trees, or listed elements).
    /// For sign-tree classes of depth J >= 7 (2^(2^J - 1) >= 2^127 trees) it is capped at
    /// 2^63, more than any limit allows: the exact count would take 2^J bits.
    static func count(_ k: KernelClass) -> BigInt {
        switch k {
        case .readout(let levels, _), .haar(let levels, _):
            return BigInt.powerOfTwo(min((1 << min(levels, 7)) - 1, 63))
        case .finite(let elements):
            return BigInt(elements.count)
        }
    }

    /// The count for messages: "2^(2^J - 1)" written out for sign-tree classes.
    static func countDescription(_ k: KernelClass) -> String {
        switch k {
        case .readout(let levels, _) where levels > 5, .haar(let levels, _) where levels > 5: "2^\((1 << min(levels, 62)) - 1)"
        default: count(k).description
        }
    }

    /// The element of a sign-tree class for one sign tree.
    static func element(_ k: KernelClass, signs: SignTree) throws(DyadicFunctionError) -> [KernelFunction] {
        switch k {
        case .readout(_, let readouts):
            let indices = try readouts.map { m throws(DyadicFunctionError) in try WalshReadout(index: m) }
            return try TaskOutput.packedOutputs(signs: signs, readouts: indices).map { .packed($0) }
        case .haar(_, let amplitudes):
            return [.step(try RademacherHaarFeature(signs: signs, amplitudes: amplitudes).stepFunction)]
        case .finite:
            throw .invalidParameter("a finite class has no sign-tree parameters")
        }
    }

    /// The 64-bit words one cell value of h_sigma may need for these amplitudes: the sum
    /// of all amplitudes over their least common denominator (1 for small dyadic ones).
    static func cellWords(_ amplitudes: [Rational]) -> Int {
        var denominator = BigInt(1)
        var numeratorBits = 0
        for a in amplitudes {
            denominator = BigInt.lcm(denominator, a.denominator)
            numeratorBits = max(numeratorBits, a.numerator.bitLength)
        }
        return 1 + (2 * denominator.bitLength + numeratorBits + 8) / 64
    }

    /// The cells to charge for h_sigma beyond its 2^J cells, for its amplitudes' size.
    static func extraCells(levels: Int, amplitudes: [Rational]) -> Int {
        ReadingContext.product(1 << min(levels, 62), cellWords(amplitudes) - 1)
    }

    /// Charges h_sigma's 2^J cell values for explicit amplitudes: the cells their words
    /// take beyond 2^J (``extraCells(levels:amplitudes:)``), and their work.
    static func chargeFeature(levels: Int, amplitudes: [Rational], _ context: ReadingContext, at pointer: JSONPointer)
        throws(KernelError)
    {
        try context.chargeCells(count: extraCells(levels: levels, amplitudes: amplitudes), at: pointer)
        try chargeFeatureSums(levels: levels, amplitudes: amplitudes, count: 1, context, at: pointer)
    }

    /// Charges the work of `count` features' cell values: 2^J exact sums of J amplitudes
    /// each, whose numbers may outgrow the amplitudes (``NumberSizes``).
    static func chargeFeatureSums(levels: Int, amplitudes: [Rational], count: Int, _ context: ReadingContext, at pointer: JSONPointer)
        throws(KernelError)
    {
        let (terms, sizes) = (ReadingContext.product(count, 1 << min(levels, 62), levels), NumberSizes(amplitudes))
        try context.chargeWork(terms, at: pointer)
        try context.chargeSum(terms: terms, termBits: sizes.longest, sumBits: sizes.sumBits(terms: levels), at: pointer)
    }

    /// The cells one element of a sign-tree class occupies (64-bit words for rational values).
    static func cellsPerElement(_ k: KernelClass) -> Int {
        switch k {
        case .readout(let levels, let readouts): ReadingContext.product(1 << min(levels, 62), readouts.count)
        case .haar(let levels, let amplitudes): ReadingContext.product(1 << min(levels, 62), cellWords(amplitudes))
        case .finite: 0
        }
    }

    /// Every element, after checking the enumeration limit.
    static func all(_ k: KernelClass, _ context: ReadingContext, at pointer: JSONPointer) throws(KernelError) -> [[KernelFunction]] {
        let (n, limits) = (count(k), context.limits)
        guard n <= BigInt(limits.maximumEnumeration), let elementCount = n.intValue else {
            throw .limitExceeded(
                pointer: pointer, limit: .enumeration, value: countDescription(k),
                maximum: .exceeded(by: n, of: .enumeration, maximum: limits.maximumEnumeration))
        }
        switch k {
        case .finite(let elements):
            return elements
        case .readout(let levels, _), .haar(let levels, _):
            // The enumerated elements are all held at once: bound their cells too.
            let (cells, overflow) = elementCount.multipliedReportingOverflow(by: cellsPerElement(k))
            guard !overflow, cells <= limits.maximumCells else {
                throw .limitExceeded(
                    pointer: pointer, limit: .cells, value: overflow ? "more than \(Int.max)" : String(cells),
                    maximum: overflow
                        ? .pastLargestSetting(limits.maximumCells) : .exceeded(by: BigInt(cells), of: .cells, maximum: limits.maximumCells))
            }
            if case .haar(_, let amplitudes) = k {
                try chargeFeatureSums(levels: levels, amplitudes: amplitudes, count: elementCount, context, at: pointer)
            }
            do {
                return try (0..<elementCount).map { number throws(DyadicFunctionError) in
                    try element(k, signs: try SignTree(levels: levels, number: number))
                }
            } catch { throw ObjectStore.invalid(error, at: pointer, what: "an enumerable class") }
        }
    }
}
