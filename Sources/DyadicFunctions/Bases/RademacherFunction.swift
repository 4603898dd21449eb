import ExactArithmetic

/// The Rademacher function r_n(x) = (-1)^(b_n(x)) = psi(S_n(x)) = sum_k psi(n, k)(x)
/// (MATH.md sec. 4), where b_n(x) is the (n+1)-th binary digit of x. r_n is constant
/// on level-(n+1) cells: +1 on I(n+1, 2i), -1 on I(n+1, 2i+1).
public struct RademacherFunction: Hashable, Sendable {
    /// The index n >= 0.
    public let index: Int

    public init(index: Int) throws(DyadicFunctionError) {
        try DyadicFunctionError.checkIndex("Rademacher index", index, in: 0..<PackedSignFunction.maximumLevel)
        self.index = index
    }

    /// r_n as a packed +-1 function of level n+1.
    public var packed: PackedSignFunction {
        PackedSignFunction(level: index + 1) { $0 & 1 == 1 }
    }
}
