import DyadicFunctions
import ExactArithmetic

/// `gram`: <f_i, f_j> = G_ij for listed functions (MATH.md sec. 2).
///
/// Inputs: `functions` (names; lists are spliced in). Statement: either `matrix`
/// ("identity" or the full D x D array of exact entries) or `diagonal` (D exact
/// entries; every off-diagonal entry is stated to be 0). The kernel decides every entry
/// exactly (by XOR and popcount for +-1 functions of one level, by merging breakpoints
/// otherwise) and reports the first entry that differs. Against a diagonal statement it
/// computes only the entries that can be nonzero: those of signed Walsh characters of
/// the same frequency, or of functions whose supports overlap (MATH.md sec. 4,
/// "Walsh functions are characters"); every other entry is 0 on both sides.
enum GramRule: VariantRule {
    static let declaration = RuleDeclaration(
        name: .gram, lemma: "MATH.md sec. 2 (exact inner products over the common refinement)",
        inputs: ["functions"], statement: ["matrix", "diagonal"])
    static let maximumFunctions = 1 << 14

    /// The stated Gram matrix, as written.
    enum Stated {
        /// `diagonal`: D entries, every off-diagonal entry 0.
        case diagonal(Located<[Rational]>)
        /// `matrix` = "identity".
        case identity(JSONPointer)
        /// `matrix` as D rows of D entries.
        case matrix(Located<[[Rational]]>)
    }

    struct Claim {
        /// f_1, ..., f_D.
        let functions: [KernelFunction]
        let stated: Stated
    }

    /// Rejects the statement's keys outside its variant (`diagonal` or `matrix`) first.
    static func decode(_ claim: CertificateDocument.ClaimEntry, _ context: CheckContext) throws(KernelError) -> Claim {
        try claim.inputs.allowOnly(declaration.inputs)
        try claim.statement.allowOnly(claim.statement.has("diagonal") ? ["diagonal"] : ["matrix"])
        let located = try claim.inputs.located("functions", context.objects.functions)
        let (functions, at) = (located.value, located.pointer)
        let D = functions.count
        guard D >= 1 else { throw .malformed(pointer: at, expected: "at least one function", found: "none") }
        guard D <= maximumFunctions, D * D <= context.limits.maximumCells else {
            throw .limitExceeded(
                pointer: at, limit: .cells, value: "\(ReadingContext.product(D, D)) Gram entries",
                maximum: D > maximumFunctions
                    ? .fixed("of \(maximumFunctions) functions, whatever --max-cells is") : .raisable(context.limits.maximumCells))
        }
        // Every entry takes one pass over two functions (words for packed ones), and sums
        // its terms exactly: charge the numbers those sums may form too.
        var steps = ReadingContext.product(D, D, 2 * max(1, functions.workSize / D))
        if functions.contains(where: { if case .step(let f) = $0 { f.dyadicLevel == nil } else { false } }) {
            // A function that is not dyadic sends every entry through the merge of rational
            // pieces (GramMatrix.Path.general): a packed function becomes up to 64 pieces a
            // word, and a piece costs what it costs `sup-distance` (SupDistanceRule.stepsPerWord).
            let pieces = functions.reduce(0) { total, f in
                if case .packed(let p) = f { return total + p.words.count * SupDistanceRule.stepsPerWord }
                return total + f.workSize
            }
            steps = ReadingContext.product(D, D, 2 * max(1, pieces / D), SupDistanceRule.stepsPerWord)
        }
        try context.readingContext.chargeWork(steps, at: at)
        let sizes = functions.map(entrySizes)
        try context.readingContext.chargeSum(
            terms: steps, termBits: 2 * (sizes.map(\.term).max() ?? 0), sumBits: 2 * (sizes.map(\.sum).max() ?? 0), at: at)
        return Claim(functions: functions, stated: try stated(claim.statement, D))
    }

    /// One function's share of the sizes in <f, g> = sum over the common refinement of
    /// (end - start) f g: a term has at most term(f) + term(g) bits (a difference of two
    /// breakpoints, times a value of each), and a partial sum at most sum(f) + sum(g)
    /// (its denominator divides the lcm of both functions' breakpoint and value
    /// denominators, and |<f, g>| < 2^(numerator bits of f + of g)). See ``NumberSizes``.
    static func entrySizes(_ f: KernelFunction) -> (term: Int, sum: Int) {
        switch f {
        case .packed(let p): // breakpoints k / 2^J, values +-1
            return (term: p.level + 3, sum: p.level + 1)
        case .step(let f):
            let (t, v) = (NumberSizes(f.breakpoints), NumberSizes(f.values))
            return (term: t.longest + v.longest + 1, sum: t.denominator + v.denominator + v.numerator)
        }
    }

    /// The stated matrix: `diagonal`, or `matrix` ("identity" or D rows of D entries).
    static func stated(_ statement: Fields, _ D: Int) throws(KernelError) -> Stated {
        if statement.has("diagonal") {
            let diagonal = try statement.located("diagonal", statement.rationals)
            guard diagonal.value.count == D else {
                throw .malformed(
                    pointer: diagonal.pointer, expected: "\(D) diagonal entries (one per function)", found: "\(diagonal.value.count)")
            }
            return .diagonal(diagonal)
        }
        let matrixPointer = statement.pointer.appending("matrix")
        switch try statement.value("matrix") {
        case .string:
            _ = try statement.word("matrix", GramWord.self)
            return .identity(matrixPointer)
        case .array(let rows):
            guard rows.count == D else {
                throw .malformed(pointer: matrixPointer, expected: "\(D) rows (one per function)", found: "\(rows.count) rows")
            }
            let entries = try rows.enumerated().map { i, row throws(KernelError) in
                guard case .array(let cells) = row, cells.count == D else {
                    throw .malformed(pointer: matrixPointer.appending(i), expected: "a row of \(D) numbers", found: Fields.describe(row))
                }
                return try cells.enumerated().map { j, cell throws(KernelError) in
                    try Fields.rational(cell, at: matrixPointer.appending(i).appending(j), context: statement.context)
                }
            }
            return .matrix(Located(value: entries, pointer: matrixPointer))
        default:
            throw .malformed(
                pointer: matrixPointer, expected: "\"identity\" or an array of rows", found: Fields.describe(try statement.value("matrix")))
        }
    }

    static func check(_ claim: Claim, _ context: CheckContext) throws(KernelError) -> RuleResult {
        let D = claim.functions.count
        // The stated entries, and where entry (i, j) is written: a false entry is named
        // where it is written; an identity is named as a whole.
        let stated: StatedGram, written: String, at: (Int, Int) -> JSONPointer
        switch claim.stated {
        case .diagonal(let diagonal):
            (stated, written) = (.diagonal(diagonal.value), "stated diagonal matrix")
            at = { i, j in i == j ? diagonal.pointer.appending(i) : diagonal.pointer }
        case .identity(let pointer): (stated, written, at) = (.diagonal(Array(repeating: 1, count: D)), "identity", { _, _ in pointer })
        case .matrix(let matrix):
            let table = matrix.value
            (stated, written) = (.entries { i, j in table[i][j] }, "stated \(D)x\(D) matrix")
            at = { i, j in matrix.pointer.appending(i).appending(j) }
        }
        let summary = "Gram matrix of \(D) functions = \(written)"
        guard let (i, j, computed) = firstMismatch(claim.functions, stated) else { return .holds(summary) }
        return .fails(
            summary, "entry (\(i), \(j)) of the Gram matrix differs",
            expected: "<f_\(i), f_\(j)> = \(stated.entry(i, j))", computed: "<f_\(i), f_\(j)> = \(computed)", at: at(i, j))
    }

    /// The first (row-major) entry whose exact value differs from `stated`, if any.
    static func firstMismatch(_ functions: [KernelFunction], _ stated: StatedGram) -> (Int, Int, Rational)? {
        let packed = functions.compactMap { f -> PackedSignFunction? in if case .packed(let p) = f { return p } else { return nil } }
        if packed.count == functions.count, let level = packed.first?.level, packed.allSatisfy({ $0.level == level }) {
            return GramMatrix.firstMismatch(packed, stated: stated).map { ($0.row, $0.column, $0.value) }
        }
        return GramMatrix.firstMismatch(functions.map(\.stepFunction), stated: stated).map { ($0.row, $0.column, $0.value) }
    }
}
