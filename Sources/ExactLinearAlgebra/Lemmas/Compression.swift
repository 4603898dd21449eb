import ExactArithmetic

/// `compress-preserves`: a compressed network computes exactly the same outputs as
/// the original on the data, V' Phi' + c' 1^T = V Phi + c 1^T (MATH sec. 11).
public struct CompressionCheck: Sendable, Equatable {
    /// The first (output d, point i) where the outputs differ, with both values.
    public let firstDifference: (output: Int, point: Int, original: Rational, compressed: Rational)?
    /// Active units before and after.
    public let originalActiveUnits: Int
    public let compressedActiveUnits: Int
    public var holds: Bool { firstDifference == nil }

    /// Compares both networks' outputs on data X (d x N).
    ///
    /// - Throws: when the networks' input or output dimensions differ from each other
    ///   or from the data, or over a limit.
    public init(original: ShallowReLUNetwork, compressed: ShallowReLUNetwork, data: RationalMatrix,
                limits: MatrixLimits = .standard) throws(MatrixError) {
        guard original.inputDimension == compressed.inputDimension, original.outputDimension == compressed.outputDimension else {
            throw .dimensionMismatch(operation: "compression: the same inputs and outputs",
                                     left: MatrixShape(rows: original.outputDimension, columns: original.inputDimension),
                                     right: MatrixShape(rows: compressed.outputDimension, columns: compressed.inputDimension))
        }
        let before = try original.outputs(on: data, limits: limits)
        let after = try compressed.outputs(on: data, limits: limits)
        let difference = try after.subtracting(before, limits: limits)
        var first: (Int, Int, Rational, Rational)? = nil
        search: for d in 0..<difference.rows {
            for i in 0..<difference.columns where !difference.isZero(d, i) {
                first = (d, i, before[d, i], after[d, i])
                break search
            }
        }
        firstDifference = first
        originalActiveUnits = NeuronSharing(network: original).activeCount
        compressedActiveUnits = NeuronSharing(network: compressed).activeCount
    }

    public static func == (l: CompressionCheck, r: CompressionCheck) -> Bool {
        l.originalActiveUnits == r.originalActiveUnits && l.compressedActiveUnits == r.compressedActiveUnits
            && l.firstDifference?.output == r.firstDifference?.output && l.firstDifference?.point == r.firstDifference?.point
    }
}
