import ExactArithmetic

/// Bounds on log2 N(eps, H_J(a)) for the Haar class H_J(a) = {h_sigma : all sign trees}
/// with positive amplitudes a_0..a_{J-1} (MATH.md sec. 7, Lemmas H1 and H2).
///
/// The kernel's `haar-packing` and `haar-cover` rules check the lemmas' side conditions
/// themselves; the generator's level choices are in DyadicConstructions.
public enum HaarCoveringBounds {
    /// 2^L - 1, the bound both lemmas state.
    public static func bits(truncationLevel L: Int) -> BigInt {
        BigInt.powerOfTwo(L) - 1
    }
}
