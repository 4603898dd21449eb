import CanonicalJSON
import CertificateKernel

extension ClaimVerdict {
    /// SHA-256 (lowercase hex) of the claim's canonical JSON text: canonical key order
    /// and layout, so the digest does not depend on how the claim was laid out.
    public var digest: String { SHA256.hex(of: canonicalText) }
}
