import CertificateKernel

extension ClaimVerdict {
    /// The claim's canonical JSON text (canonical key order and layout), from which
    /// reports compute the claim's digest; no verdict depends on it.
    public var canonicalText: String { CanonicalCertificate.text(json) }
}
