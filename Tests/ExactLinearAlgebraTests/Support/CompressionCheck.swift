import ExactArithmetic
import ExactLinearAlgebra

/// `compress-preserves` as a standalone check (the kernel's rule computes it itself;
/// only the tests use this value): a compressed network computes exactly the same outputs as
/// the original on the data, V' Phi' + c' 1^T = V Phi + c 1^T (MATH sec. 11).
struct CompressionCheck: Sendable, Equatable {
    /// The first (output d, point i) where the outputs differ, with both values.
    let firstDifference: (output: Int, point: Int, original: Rational, compressed: Rational)?
    /// Active units before and after.
    let originalActiveUnits: Int
    let compressedActiveUnits: Int
    var holds: Bool { firstDifference == nil }

    /// Compares both networks' outputs on data X (d x N).
    ///
    /// - Throws: when the networks' input or output dimensions differ from each other
    ///   or from the data, or over a limit.
    init(
        original: ShallowReLUNetwork, compressed: ShallowReLUNetwork, data: RationalMatrix,
        limits: MatrixLimits = .standard
    ) throws(MatrixError) {
        guard original.inputDimension == compressed.inputDimension, original.outputDimension == compressed.outputDimension else {
            throw .dimensionMismatch(
                operation: "compression: the same inputs and outputs",
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

    static func == (l: CompressionCheck, r: CompressionCheck) -> Bool {
        l.originalActiveUnits == r.originalActiveUnits && l.compressedActiveUnits == r.compressedActiveUnits
            && l.firstDifference?.output == r.firstDifference?.output && l.firstDifference?.point == r.firstDifference?.point
    }
}
