import ExactArithmetic

/// Why a certificate could not be checked: it is malformed (exit code 2) or it exceeds
/// a resource limit (exit code 3). A claim that is merely false is not an error: it is
/// a failed verdict (exit code 1).
public enum KernelError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Unreadable or malformed input: at `pointer`, `expected` was required but `found`.
    case malformed(pointer: JSONPointer, expected: String, found: String)
    /// A resource limit was exceeded before any work was done.
    case limitExceeded(pointer: JSONPointer, limit: LimitKind, value: String, maximum: LimitBound)

    /// The JSON pointer of the problem.
    public var pointer: JSONPointer {
        switch self {
        case .malformed(let pointer, _, _), .limitExceeded(let pointer, _, _, _): return pointer
        }
    }

    /// True for resource limits (exit code 3), false for malformed input (exit code 2).
    public var isLimit: Bool {
        if case .limitExceeded = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case .malformed(let pointer, let expected, let found):
            return "at \(pointer.display): expected \(expected), found \(found)"
        case .limitExceeded(let pointer, let limit, let value, let maximum):
            let exceeds = "at \(pointer.display): \(limit.title) \(value) exceeds the limit"
            switch maximum {
            case .raisable(let bound): return "\(exceeds) \(bound) (\(limit.hint(current: bound)))"
            case .pastLargestSetting(let bound):
                return "\(exceeds) \(bound); \(limit.noSettingAdmits(moreThan: limit.largestSetting))"
            case .fixed(let bound): return "\(exceeds) \(bound)"
            }
        }
    }

    /// For a limit: whether some larger setting of its flag may admit the value; false
    /// when the bound is fixed, the value is past the flag's largest setting, or the flag
    /// stands at its largest setting already. Nil for malformed input.
    public var raisable: Bool? {
        guard case .limitExceeded(_, let limit, _, let maximum) = self else { return nil }
        switch maximum {
        case .raisable(let bound): return bound < limit.largestSetting
        case .pastLargestSetting, .fixed: return false
        }
    }
}

/// The bound a resource limit held a value to.
public enum LimitBound: Equatable, Sendable {
    /// A bound that raising the limit's flag raises: the setting in force, or a bound
    /// derived from it that stays below the flag's largest setting. The message says how to
    /// raise it.
    case raisable(Int)
    /// The setting in force, for a value that even the flag's largest setting refuses.
    case pastLargestSetting(Int)
    /// A bound that no flag raises; the text says what it is.
    case fixed(String)

    /// The bound for a value of `kind` above the setting in force, `maximum`: raisable while
    /// the value is within the flag's largest setting, past it otherwise (no setting admits it).
    package static func exceeded(by value: BigInt, of kind: LimitKind, maximum: Int) -> LimitBound {
        value > BigInt(kind.largestSetting) ? .pastLargestSetting(maximum) : .raisable(maximum)
    }
}
