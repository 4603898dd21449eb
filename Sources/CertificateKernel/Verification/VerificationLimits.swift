/// A resource the kernel bounds before doing any work, with its command-line flag.
public enum LimitKind: String, Sendable, CaseIterable {
    case level, digits, cells, enumeration, networkSize, work, fileSize

    /// The flag of `dyadcert verify` that raises this limit.
    public var flag: String { names.flag }

    /// What is counted, for messages.
    public var title: String { names.title }

    /// The flag and what is counted, one row per limit.
    private var names: (flag: String, title: String) {
        switch self {
        case .level: ("--max-level", "level")
        case .digits: ("--max-digits", "number of digits")
        case .cells: ("--max-cells", "number of cells")
        case .enumeration: ("--max-enumeration", "enumeration size")
        case .networkSize: ("--max-network-size", "network size (units plus parameters)")
        case .work: ("--max-work", "work (elementary steps of all claims of the certificate)")
        case .fileSize: ("--max-file-size", "file size in bytes")
        }
    }

    /// The largest value the flag accepts (`--max-level` 40, `--max-work` 2^50, others 2^40).
    public var largestSetting: Int {
        switch self {
        case .level: return 40
        case .work: return 1 << 50
        default: return 1 << 40
        }
    }

    /// How to raise the limit, for messages.
    public var hint: String {
        switch self {
        case .level: return "raise it with --max-level, up to 40"
        default: return "raise it with \(flag)"
        }
    }

    /// What a message says of a value that no setting of the flag admits.
    public func noSettingAdmits(moreThan largest: Int) -> String { "no setting of \(flag) admits more than \(largest)" }

    /// How to raise the limit when it stands at `current`: nothing to suggest once it
    /// is at the largest value its flag accepts.
    public func hint(current: Int) -> String {
        current >= largestSetting ? "\(flag) is already at its largest value \(largestSetting)" : hint
    }
}

/// The resource limits of a verification run. Every size is checked before memory is
/// allocated or GMP is called, so hostile input ends with exit code 3, never with the
/// process running out of memory.
public struct VerificationLimits: Sendable, Equatable {
    /// The largest level J of any dyadic object (2^J cells).
    public var maximumLevel = 20
    /// The largest number of decimal digits in one number (numerator and denominator together).
    public var maximumDigits = 10_000
    /// The largest total number of level-J cells of all dense objects of one certificate.
    public var maximumCells = 1 << 28
    /// The largest number of elements a brute-force enumeration may visit.
    public var maximumEnumeration = 1 << 20
    /// The largest network: units plus parameters (per network).
    public var maximumNetworkSize = 1 << 24
    /// The largest total work, in elementary steps (estimated before each expensive
    /// computation: network evaluations, Gram matrices, enumerations, greedy sweeps), of
    /// all claims of one certificate. It bounds the running time of work that is
    /// quadratic within every other limit.
    public var maximumWork = 1 << 32
    /// The largest certificate file in bytes.
    public var maximumFileSize = 256 << 20

    public init() {}

    /// The value of one limit, for messages and the verdict report.
    public func value(of kind: LimitKind) -> Int {
        switch kind {
        case .level: return maximumLevel
        case .digits: return maximumDigits
        case .cells: return maximumCells
        case .enumeration: return maximumEnumeration
        case .networkSize: return maximumNetworkSize
        case .work: return maximumWork
        case .fileSize: return maximumFileSize
        }
    }
}
