import CGMP

/// Facts about the linked GMP library.
public enum GMPLibrary {
    /// The version string of the GMP library this program runs with, e.g. "6.2.1".
    public static var version: String { String(cString: cgmp_version()) }
}
