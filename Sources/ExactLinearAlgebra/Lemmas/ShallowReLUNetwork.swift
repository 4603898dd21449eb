import ExactArithmetic

/// A shallow vector-valued ReLU network on inputs in Q^d (MATH sec. 11):
/// f(x) = sum_k v_k r(w_k . x + b_k) + c, with K units.
///
/// `inputWeights` is W (K x d, row k = w_k), `biases` is b (K), `outputWeights` is
/// V (D x K, column k = v_k) and `outputBias` is c (D). Deep networks compose such
/// layers; the checks of sec. 11 are about one layer of units and its readout.
public struct ShallowReLUNetwork: Sendable {
    /// W: K x d, row k is w_k.
    public let inputWeights: RationalMatrix
    /// b: one bias per unit.
    public let biases: [Rational]
    /// V: D x K, column k is v_k.
    public let outputWeights: RationalMatrix
    /// c: one bias per output.
    public let outputBias: [Rational]

    /// The network from its parts.
    ///
    /// - Throws: ``MatrixError/dimensionMismatch(operation:left:right:)`` unless W is
    ///   K x d, b has K entries, V is D x K and c has D entries.
    public init(inputWeights: RationalMatrix, biases: [Rational], outputWeights: RationalMatrix, outputBias: [Rational]) throws(MatrixError)
    {
        guard biases.count == inputWeights.rows else {
            throw .dimensionMismatch(
                operation: "network: one bias per unit", left: inputWeights.shape, right: MatrixShape(rows: biases.count, columns: 1))
        }
        guard outputWeights.columns == inputWeights.rows else {
            throw .dimensionMismatch(operation: "network: V has one column per unit", left: outputWeights.shape, right: inputWeights.shape)
        }
        guard outputBias.count == outputWeights.rows else {
            throw .dimensionMismatch(
                operation: "network: one output bias per output", left: outputWeights.shape,
                right: MatrixShape(rows: outputBias.count, columns: 1))
        }
        self.inputWeights = inputWeights
        self.biases = biases
        self.outputWeights = outputWeights
        self.outputBias = outputBias
    }

    /// K, the number of units.
    public var units: Int { inputWeights.rows }
    /// d, the input dimension.
    public var inputDimension: Int { inputWeights.columns }
    /// D, the number of outputs.
    public var outputDimension: Int { outputWeights.rows }

    /// The features Phi (K x N) on data X (d x N, column i = x_i):
    /// Phi[k][i] = r(w_k . x_i + b_k), computed exactly (one integer product).
    public func features(on data: RationalMatrix, limits: MatrixLimits = .standard) throws(MatrixError) -> RationalMatrix {
        guard data.rows == inputDimension else {
            throw .dimensionMismatch(operation: "network inputs: data has d rows", left: inputWeights.shape, right: data.shape)
        }
        return try inputWeights.multiplied(by: data, limits: limits).addingToEveryColumn(biases, limits: limits).relu
    }

    /// The outputs V Phi + c 1^T (D x N) for precomputed features Phi.
    public func outputs(features: RationalMatrix, limits: MatrixLimits = .standard) throws(MatrixError) -> RationalMatrix {
        try outputWeights.multiplied(by: features, limits: limits).addingToEveryColumn(outputBias, limits: limits)
    }

    /// The outputs f(x_1), ..., f(x_N) as the columns of a D x N matrix.
    public func outputs(on data: RationalMatrix, limits: MatrixLimits = .standard) throws(MatrixError) -> RationalMatrix {
        try outputs(features: features(on: data, limits: limits), limits: limits)
    }
}
