import ArgumentParser
import CertificateKernel

/// The resource limits of the kernel (FORMAT.md sec. 7), each with its default and its
/// flag: one option group shared by `verify`, `generate`, `audit` and `shrink`, so the
/// names, defaults and ranges agree.
struct LimitOptions: ParsableArguments {
    @Option(help: "Largest level J of a dyadic object.")
    var maxLevel: Int = VerificationLimits().maximumLevel
    @Option(help: "Largest number of digits in one number.")
    var maxDigits: Int = VerificationLimits().maximumDigits
    @Option(help: "Largest total number of cells of all dense objects of one certificate.")
    var maxCells: Int = VerificationLimits().maximumCells
    @Option(help: "Largest brute-force enumeration.")
    var maxEnumeration: Int = VerificationLimits().maximumEnumeration
    @Option(help: "Largest network (units plus parameters).")
    var maxNetworkSize: Int = VerificationLimits().maximumNetworkSize
    @Option(
        help:
            "Largest total work of one certificate's claims, in elementary steps (estimated before the work; a step on numbers longer than 256 bits costs more, FORMAT.md sec. 7)."
    )
    var maxWork: Int = VerificationLimits().maximumWork
    @Option(help: "Largest certificate file in bytes.")
    var maxFileSize: Int = VerificationLimits().maximumFileSize

    func validate() throws {
        guard (0...LimitKind.level.largestSetting).contains(maxLevel) else {
            throw ValidationError("--max-level must be between 0 and \(LimitKind.level.largestSetting)")
        }
        // The ranges are the kernel's (LimitKind.largestSetting: 2^40, 2^50 for the work).
        let settings: [(LimitKind, Int)] = [
            (.digits, maxDigits), (.cells, maxCells), (.enumeration, maxEnumeration), (.networkSize, maxNetworkSize),
            (.fileSize, maxFileSize), (.work, maxWork),
        ]
        for (kind, value) in settings where !(1...kind.largestSetting).contains(value) {
            throw ValidationError("\(kind.flag) must be between 1 and 2^\(kind.largestSetting.trailingZeroBitCount)")
        }
    }

    var verificationLimits: VerificationLimits {
        var limits = VerificationLimits()
        limits.maximumLevel = maxLevel
        limits.maximumDigits = maxDigits
        limits.maximumCells = maxCells
        limits.maximumEnumeration = maxEnumeration
        limits.maximumNetworkSize = maxNetworkSize
        limits.maximumFileSize = maxFileSize
        limits.maximumWork = maxWork
        return limits
    }
}
