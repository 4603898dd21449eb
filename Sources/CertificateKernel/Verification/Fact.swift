import ExactArithmetic

/// Joint coding describes the tuple class; separate coding describes each coordinate
/// class on its own and adds up (MATH.md sec. 7). Also the `mode` of
/// `network-width-lower` (one network for all outputs, or one network per output).
public enum Coding: String, FormatWord {
    case joint, separate
}

/// What an established number counts (MATH.md sec. 10, "the meaning of quantities").
/// For separate coding a class measure is the sum over the coordinate classes K_d.
public enum Measure: String, FormatWord {
    /// N(eps, K): the covering number at eps.
    case coveringNumber = "covering-number"
    /// ceil(log2 N(eps, K)): the description length at eps.
    case descriptionBits = "description-bits"
    /// |K|: the number of distinct elements.
    case size
    /// log2 |K|.
    case log2Size = "log2-size"
    /// ceil(log2 |K|).
    case sizeBits = "size-bits"
    /// The total code length of a network's parameters (MATH.md sec. 8).
    case codeBits = "code-bits"
    /// Unit, hidden-unit, parameter, first-layer-unit and layer counts of one network.
    case units
    case hiddenUnits = "hidden-units"
    case parameters
    case firstLayerUnits = "first-layer-units"
    case layers
    /// The least number of first-layer units of Heaviside networks (one for all, or one
    /// per function, by coding) that realise the subject functions (Corollary N2).
    case realisingFirstLayerUnits = "realising-first-layer-units"
    /// The least total code length of a family of Heaviside networks of one architecture,
    /// differing only in their coded parameters, that realises every element of the
    /// subject class exactly (one network per element; MATH.md sec. 8, Lemma NF).
    case realisingNetworkBits = "realising-network-bits"
    /// ||f - g||_inf for the subject [f, g].
    case supDistance = "sup-distance"
    /// inf over step functions s with at most P breakpoints of ||g - s||_inf (Lemma T).
    case stepApproximationError = "step-approximation-error"
    /// n_<(t): the number of intervals of the strict greedy partition of g at threshold t.
    case greedyIntervals = "greedy-intervals"
    /// The value of the linear combination a `bits` claim bounds.
    case value
    /// MATH.md sec. 11-12 (seeds 004 and 003), about a shallow ReLU network, its data and
    /// a regularisation parameter lambda: the weight decay WD and the path norm R of a
    /// network; its active and shared units; rank(Y) of data; the units of every shallow
    /// network interpolating the data (Lemma RW); a multi-task or lasso duality gap
    /// bound; the number of units or features zero in every minimiser (Lemmas GS, LS)
    /// and the units of every minimiser; support sizes of heads.
    case weightDecay = "weight-decay"
    case pathNorm = "path-norm"
    case activeUnits = "active-units"
    case sharedUnits = "shared-units"
    case rank
    case interpolatingWidth = "interpolating-width"
    case dualityGap = "duality-gap"
    case screenedUnits = "screened-units"
    case optimalWidth = "optimal-width"
    case lassoGap = "lasso-gap"
    case screenedFeatures = "screened-features"
    case supportSize = "support-size"
    case unionSize = "union-size"

    /// Whether the measure is about a class at an accuracy eps and non-increasing in
    /// eps, so that Lemma E transfers its bounds to other eps.
    package var isMonotoneInEps: Bool { self == .coveringNumber || self == .descriptionBits }
}

/// What an established number is about: the measure, its subject (object or claim
/// names), and the parameters the measure has (eps, coding, P, t).
public struct Meaning: Sendable, Equatable, CustomStringConvertible {
    public var measure: Measure
    /// The object names the number is about (a class, a network, the functions f and g,
    /// the functions realised), or for `value` the claim's name.
    public var subject: [String]
    public var eps: Rational? = nil
    /// b of a statement for every eps with 0 < eps < b (`network-width-lower` with
    /// `eps-below`, Lemma N2e): the number is a bound at each such eps.
    public var epsBelow: Rational? = nil
    public var coding: Coding? = nil
    /// P of `step-approximation-error`.
    public var maxBreakpoints: BigInt? = nil
    /// t of `greedy-intervals`.
    public var threshold: Rational? = nil
    /// lambda of a multi-task or lasso problem (MATH.md sec. 11-12), in the units the
    /// claim states it.
    public var lambda: Rational? = nil
    /// The task t of a per-task lasso quantity (MATH.md sec. 12).
    public var task: Int? = nil

    package init(
        measure: Measure, subject: [String], eps: Rational? = nil, epsBelow: Rational? = nil, coding: Coding? = nil,
        maxBreakpoints: BigInt? = nil, threshold: Rational? = nil, lambda: Rational? = nil, task: Int? = nil
    ) {
        self.measure = measure
        self.subject = subject
        self.eps = eps
        self.epsBelow = epsBelow
        self.coding = coding
        self.maxBreakpoints = maxBreakpoints
        self.threshold = threshold
        self.lambda = lambda
        self.task = task
    }

    /// The meaning in the notation of MATH.md, e.g. `ceil log2 N(1/2, K, separate)`. A
    /// subject of more than 16 names shows its first 8 and their count: a `bits` claim
    /// spells the meaning of each of its terms, and 2,000 terms over a fact about 200,000
    /// names built a verdict line of 400 million names.
    public var description: String {
        let names =
            subject.count <= 16
            ? subject.joined(separator: ", ") : subject.prefix(8).joined(separator: ", ") + ", ... (\(subject.count) names)"

        let c = coding?.rawValue ?? "?"
        let s = task.map { "\(names), task \($0)" } ?? names
        let e = eps?.description ?? "?"
        switch measure {
        case .coveringNumber: return "N(\(e), \(s), \(c))"
        case .descriptionBits: return "ceil log2 N(\(e), \(s), \(c))"
        case .size: return "|\(s)| (\(c))"
        case .log2Size: return "log2 |\(s)| (\(c))"
        case .sizeBits: return "ceil log2 |\(s)| (\(c))"
        case .codeBits: return "code-bits(\(s))"
        case .units, .hiddenUnits, .parameters, .firstLayerUnits, .layers: return "\(measure.rawValue)(\(s))"
        case .realisingFirstLayerUnits:
            let within = eps.map { "within \($0) of" } ?? epsBelow.map { "within every eps < \($0) of" } ?? "realising"
            return "first-layer-units(\(c) networks \(within) \(subject.count == 1 ? s : "[\(s)]"))"
        case .realisingNetworkBits: return "code-bits(\(c) network family realising every element of \(s))"
        case .supDistance: return "||\(subject.first ?? "?") - \(subject.dropFirst().first ?? "?")||_inf"
        case .stepApproximationError: return "dist(\(s), steps with <= \(maxBreakpoints?.description ?? "?") breakpoints)"
        case .greedyIntervals: return "n_<(\(threshold?.description ?? "?"), \(s))"
        case .value: return "value(\(s))"
        case .weightDecay: return "WD(\(s))"
        case .pathNorm: return "R(\(s))"
        case .activeUnits, .sharedUnits, .screenedUnits, .screenedFeatures, .supportSize, .unionSize, .dualityGap, .lassoGap:
            return "\(measure.rawValue)(\(s)\(lambda.map { ", lambda = \($0)" } ?? ""))"
        case .rank: return "rank(\(s))"
        case .interpolatingWidth: return "units of every shallow ReLU network interpolating \(s)"
        case .optimalWidth: return "units of every minimiser(\(s), lambda = \(lambda?.description ?? "?"))"
        }
    }

    /// The members in which this (stated) meaning differs from an established one, each
    /// with both values (`eps: 1 stated, 1/2 established`), for messages: two meanings
    /// whose notation is the same (a member the notation does not show) still read apart.
    package func differences(from other: Meaning) -> [String] {
        func show<T>(_ value: T?) -> String { value.map { "\($0)" } ?? "none" }
        let fields: [(name: String, stated: String, established: String)] = [
            ("measure", measure.rawValue, other.measure.rawValue),
            ("subject", "[\(subject.joined(separator: ", "))]", "[\(other.subject.joined(separator: ", "))]"),
            ("eps", show(eps), show(other.eps)), ("eps-below", show(epsBelow), show(other.epsBelow)),
            ("coding", show(coding?.rawValue), show(other.coding?.rawValue)),
            ("max-breakpoints", show(maxBreakpoints), show(other.maxBreakpoints)),
            ("threshold", show(threshold), show(other.threshold)), ("lambda", show(lambda), show(other.lambda)),
            ("task", show(task), show(other.task)),
        ]
        return fields.filter { $0.stated != $0.established }.map { "\($0.name): \($0.stated) stated, \($0.established) established" }
    }
}

/// The names under which a `bits` term refers to an established number (FORMAT.md
/// sec. 5.0). A name alone does not say what the number means: the fact's ``Meaning``
/// does; the name only keeps format dyadcert/1's references working.
public enum QuantityName: String, FormatWord {
    case distance
    case greedyIntervals = "greedy-intervals"
    case coveringNumber = "covering-number"
    case bits
    case log2Size = "log2-size"
    case descriptionBits = "description-bits"
    case sizeBits = "size-bits"
    case size
    case firstLayerUnits = "first-layer-units"
    case units
    case hiddenUnits = "hidden-units"
    case parameters, layers, value
    case weightDecay = "weight-decay"
    case pathNorm = "path-norm"
    case sharedUnits = "shared-units"
    case rank
    case widthLower = "width-lower"
    case mtlGap = "mtl-gap"
    case screenedUnits = "screened-units"
    case optimalWidthUpper = "optimal-width-upper"
    case lassoGap = "lasso-gap"
    case screenedFeatures = "screened-features"
    case supportSize = "support-size"
    case unionSize = "union-size"
}

/// A verified number with its meaning: the bound [lower, upper] is sound for the
/// number the meaning describes.
public struct Fact: Sendable, Equatable, CustomStringConvertible {
    public let name: QuantityName
    public let meaning: Meaning
    public let bound: Quantity

    package init(_ name: QuantityName, _ meaning: Meaning, _ bound: Quantity) {
        self.name = name
        self.meaning = meaning
        self.bound = bound
    }

    public var description: String { "\(meaning) \(bound)" }
}
