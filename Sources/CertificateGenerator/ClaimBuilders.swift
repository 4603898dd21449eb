import CertificateKernel
import ExactArithmetic

/// One term of a `bits` claim: a coefficient times the number an earlier claim established
/// under `quantity`, with the meaning the kernel must find for it when one is given.
public struct Term: ClaimValue {
    public let claim: String
    public let quantity: QuantityName
    public let coefficient: Rational
    public let meaning: Meaning?

    public init(_ claim: String, _ quantity: QuantityName, _ coefficient: Rational, meaning: Meaning? = nil) {
        self.claim = claim
        self.quantity = quantity
        self.coefficient = coefficient
        self.meaning = meaning
    }

    /// The term, its meaning encoded with the keys of FORMAT.md sec. 5.0 (``FormatStructure``).
    public var json: JSONValue {
        let encodedMeaning = meaning.map { m -> JSONValue in
            let values: [(any ClaimValue)?] = [
                m.task, m.lambda, m.measure.rawValue, m.subject, m.eps, m.epsBelow, m.coding, m.maxBreakpoints, m.threshold,
            ]
            return .object(declared(FormatStructure.meaning.keys, values, "meaning"))
        }
        let values: [(any ClaimValue)?] = [quantity.rawValue, claim, coefficient, encodedMeaning]
        return .object(declared(FormatStructure.bitsTerm.keys, values, "bits-term"))
    }
}

/// What a `gram` claim states: the identity, a whole matrix, or a diagonal matrix.
public enum GramStatement {
    case identity
    case matrix([[Rational]])
    case diagonal([Rational])
}

/// One builder per rule the generator states. The parameters follow the rule's declaration
/// (``RuleDeclaration``) key by key, in its order and named after its keys; nil leaves an
/// optional key out. The declaration is the only spelling of the keys. Reordering a
/// declaration changes the canonical form, a format change (FORMAT.md sec. 9); a builder
/// left behind then writes certificates that fail, which the scenario tests catch.
extension CertificateBuilder {
    // MARK: The core paper (MATH.md sec. 2-10)

    public mutating func gram(_ id: String, _ description: String, uses: [String] = [], functions: [String], _ gram: GramStatement) {
        let statement: [(any ClaimValue)?]
        switch gram {
        case .identity: statement = ["identity", nil]
        case .matrix(let rows): statement = [rows, nil]
        case .diagonal(let diagonal): statement = [nil, diagonal]
        }
        claim(id, .gram, description, uses: uses, inputs: [functions], statement: statement)
    }

    public mutating func supDistance(
        _ id: String, _ description: String, uses: [String] = [], f: String, g: String, _ relation: Relation, _ bound: Rational
    ) {
        claim(id, .supDistance, description, uses: uses, inputs: [f, g], statement: [relation, bound])
    }

    public mutating func orthonormalForAllSigns(_ id: String, _ description: String, uses: [String] = [], levels: Int, readouts: [Int]) {
        claim(id, .orthonormalForAllSigns, description, uses: uses, inputs: [levels, readouts], statement: ["identity"])
    }

    public mutating func haarPacking(
        _ id: String, _ description: String, uses: [String] = [], class name: String, level: Int, eps: Rational, bitsAtLeast: BigInt
    ) {
        claim(id, .haarPacking, description, uses: uses, inputs: [name, level, eps], statement: [bitsAtLeast])
    }

    public mutating func haarCover(
        _ id: String, _ description: String, uses: [String] = [], class name: String, level: Int, eps: Rational, bitsAtMost: BigInt
    ) {
        claim(id, .haarCover, description, uses: uses, inputs: [name, level, eps], statement: [bitsAtMost])
    }

    public mutating func binaryClass(
        _ id: String, _ description: String, uses: [String] = [], class name: String, eps: Rational, coding: Coding, bits: BigInt
    ) {
        claim(id, .binaryClass, description, uses: uses, inputs: [name, eps, coding], statement: [bits])
    }

    /// `readout-count` with coding joint (`log2-size`) or separate (`log2-sizes` and `total`).
    public mutating func readoutCount(
        _ id: String, _ description: String, uses: [String] = [], class name: String, coding: Coding, log2Size: BigInt? = nil,
        log2Sizes: [BigInt]? = nil, total: BigInt? = nil
    ) {
        claim(id, .readoutCount, description, uses: uses, inputs: [name, coding], statement: [log2Size, log2Sizes, total])
    }

    public mutating func networkRealises(
        _ id: String, _ description: String, uses: [String] = [], network: String, functions: [String], outputs: Int
    ) {
        claim(id, .networkRealises, description, uses: uses, inputs: [network, functions], statement: [outputs])
    }

    /// `network-width-lower` over a class at every eps below `epsBelow`.
    public mutating func networkWidthLower(
        _ id: String, _ description: String, uses: [String] = [], mode: Coding, class name: String, epsBelow: Rational,
        firstLayerUnitsAtLeast: BigInt
    ) {
        claim(
            id, .networkWidthLower, description, uses: uses, inputs: [mode, name, nil, nil, epsBelow],
            statement: [firstLayerUnitsAtLeast])
    }

    /// `network-bits` with the counts it states (nil: not stated).
    public mutating func networkBits(
        _ id: String, _ description: String, uses: [String] = [], network: String, bits: BigInt, units: Int? = nil,
        hiddenUnits: Int? = nil, parameters: Int? = nil, firstLayerUnits: Int? = nil, layers: Int? = nil
    ) {
        claim(
            id, .networkBits, description, uses: uses, inputs: [network],
            statement: [bits, units, hiddenUnits, parameters, firstLayerUnits, layers])
    }

    public mutating func stepApproxLower(
        _ id: String, _ description: String, uses: [String] = [], function: String, maxBreakpoints: Int, threshold: Rational,
        distanceAtLeast: Rational
    ) {
        claim(id, .stepApproxLower, description, uses: uses, inputs: [function, maxBreakpoints, threshold], statement: [distanceAtLeast])
    }

    /// `bits`: sum of the terms (plus `constant`) in `relation` to `bound`.
    public mutating func bits(
        _ id: String, _ description: String, uses: [String] = [], terms: [Term], constant: Rational? = nil, _ relation: Relation,
        _ bound: Rational
    ) {
        claim(id, .bits, description, uses: uses, inputs: [terms, constant], statement: [relation, bound])
    }

    public mutating func networkRealisesForAllSigns(
        _ id: String, _ description: String, uses: [String] = [], network: String, class name: String, outputs: Int, bits: BigInt
    ) {
        claim(id, .networkRealisesForAllSigns, description, uses: uses, inputs: [network, name], statement: [outputs, bits])
    }

    // MARK: Shallow ReLU networks and the multi-task lasso (MATH.md sec. 11)

    public mutating func reluInterpolates(_ id: String, _ description: String, uses: [String] = [], network: String, data: String) {
        claim(id, .reluInterpolates, description, uses: uses, inputs: [network, data, nil], statement: [0])
    }

    public mutating func weightDecay(
        _ id: String, _ description: String, uses: [String] = [], network: String, pathNormUpper: [Rational],
        pathNormLower: [Rational], weightDecay: Rational, balanced: Bool, pathNormUpperBound: Rational, pathNormLowerBound: Rational
    ) {
        claim(
            id, .weightDecay, description, uses: uses, inputs: [network, pathNormUpper, pathNormLower],
            statement: [weightDecay, balanced, pathNormUpperBound, pathNormLowerBound])
    }

    public mutating func neuronSharing(
        _ id: String, _ description: String, uses: [String] = [], network: String, activeUnits: Int, sharedUnits: Int,
        unitsPerOutput: [Int]
    ) {
        claim(id, .neuronSharing, description, uses: uses, inputs: [network], statement: [activeUnits, sharedUnits, unitsPerOutput, nil])
    }

    public mutating func widthFromRank(
        _ id: String, _ description: String, uses: [String] = [], network: String, data: String, rank: Int, widthLower: Int,
        centredRank: Int
    ) {
        claim(id, .widthFromRank, description, uses: uses, inputs: [network, data], statement: [rank, widthLower, centredRank])
    }

    public mutating func mtlGap(
        _ id: String, _ description: String, uses: [String] = [], network: String, weights: String, data: String, dual: String,
        unitBounds: [Rational], delta: Rational
    ) {
        claim(id, .mtlGap, description, uses: uses, inputs: [network, weights, data, nil, dual, unitBounds], statement: [delta])
    }

    /// `penalised-mtl-gap` of a trained layer (`network`, `weights`, `data`) or of
    /// group-sparse heads (`features`, `targets`, `heads`).
    public mutating func penalisedMtlGap(
        _ id: String, _ description: String, uses: [String] = [], network: String? = nil, weights: String? = nil, data: String? = nil,
        features: String? = nil, targets: String? = nil, heads: String? = nil, dual: String, unitBounds: [Rational], lambda: Rational,
        delta: Rational
    ) {
        claim(
            id, .penalisedMtlGap, description, uses: uses,
            inputs: [network, weights, data, features, targets, heads, dual, unitBounds, lambda], statement: [delta])
    }

    public mutating func mtlScreen(_ id: String, _ description: String, uses: [String] = [], units: [Int], gap: String, screened: Int) {
        claim(id, .mtlScreen, description, uses: uses, inputs: [units, gap], statement: [screened])
    }

    public mutating func compressPreserves(
        _ id: String, _ description: String, uses: [String] = [], data: String, original: String, compressed: String, unitsBefore: Int,
        unitsAfter: Int
    ) {
        claim(id, .compressPreserves, description, uses: uses, inputs: [data, original, compressed], statement: [unitsBefore, unitsAfter])
    }

    // MARK: Sparse heads (MATH.md sec. 12)

    public mutating func lassoGap(
        _ id: String, _ description: String, uses: [String] = [], features: String, targets: String, heads: String, task: Int,
        dual: String, lambda: Rational, delta: Rational
    ) {
        claim(id, .lassoGap, description, uses: uses, inputs: [features, targets, heads, task, dual, lambda], statement: [delta])
    }

    public mutating func lassoScreen(_ id: String, _ description: String, uses: [String] = [], features: [Int], gap: String, screened: Int)
    {
        claim(id, .lassoScreen, description, uses: uses, inputs: [features, gap], statement: [screened])
    }

    /// `support`; with `screens`, also `optimal-upper`, and optionally the lasso the screens
    /// must be about.
    public mutating func support(
        _ id: String, _ description: String, uses: [String] = [], heads: String, screens: [String]? = nil,
        lasso: (features: String, targets: String, lambda: Rational)? = nil, sizes: [Int], union: Int, fractions: [Rational],
        optimalUpper: [Int]? = nil
    ) {
        claim(
            id, .support, description, uses: uses, inputs: [lasso?.features, lasso?.targets, heads, lasso?.lambda, screens],
            statement: [sizes, union, fractions, optimalUpper])
    }

    public mutating func supportVariability(_ id: String, _ description: String, uses: [String] = [], heads: String) {
        claim(id, .supportVariability, description, uses: uses, inputs: [heads], statement: [true])
    }
}
