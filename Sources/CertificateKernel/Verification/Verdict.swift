/// The verdict on one claim.
public struct ClaimVerdict: Sendable {
    public enum Outcome: Sendable, Equatable {
        case passed
        case failed(ClaimFailure)
    }

    public let id: String
    public let rule: String
    /// The lemma that makes the rule sound.
    public let lemma: String
    /// A short statement of the claim.
    public let summary: String
    /// The claim as read (its JSON value), from which reports compute the claim's
    /// canonical text and digest outside the kernel.
    public let json: JSONValue
    public let outcome: Outcome

    public var passed: Bool { outcome == .passed }
}

/// The verdict on one certificate file.
public struct FileVerdict: Sendable {
    public enum Status: String, Sendable {
        /// Every claim verified (exit 0).
        case verified
        /// Some claim is false (exit 1).
        case failed
        /// Unreadable or malformed input (exit 2).
        case malformed
        /// A resource limit was exceeded (exit 3).
        case limitExceeded = "limit-exceeded"

        /// The exit code of `dyadcert verify` for this status.
        public var exitCode: Int32 {
            switch self {
            case .verified: return 0
            case .failed: return 1
            case .malformed: return 2
            case .limitExceeded: return 3
            }
        }
    }

    /// The file's name as given.
    public let path: String
    /// The certificate's description, when it could be read.
    public let description: String?
    /// The claims checked (all of them unless an error stopped the check).
    public let claims: [ClaimVerdict]
    /// Why the file could not be checked completely.
    public let error: KernelError?

    public init(path: String, description: String?, claims: [ClaimVerdict], error: KernelError?) {
        self.path = path
        self.description = description
        self.claims = claims
        self.error = error
    }

    public var status: Status {
        if let error { return error.isLimit ? .limitExceeded : .malformed }
        return claims.allSatisfy(\.passed) ? .verified : .failed
    }
}
