import CertificateKernel

extension KernelExtension {
    /// The trusted extension for MATH.md sec. 11-12 (seeds 004 and 003): the objects
    /// `matrix`, `relu-network` and `relu-data`, and the checks of the ReLU-network rules
    /// (`relu-interpolates`, `weight-decay`, `neuron-sharing`, `width-from-rank`,
    /// `compress-preserves`), the multi-task lasso rules (`mtl-gap`, `penalised-mtl-gap`,
    /// `mtl-screen`) and the lasso rules (`lasso-gap`, `lasso-screen`, `support`,
    /// `support-variability`), on exact linear algebra.
    ///
    /// ```swift
    /// let verifier = Verifier(extensions: [.matrices])
    /// ```
    public static let matrices = KernelExtension(
        rules: [
            ReLUInterpolatesRule.self, WeightDecayRule.self, NeuronSharingRule.self, WidthFromRankRule.self,
            CompressPreservesRule.self, MultiTaskGapRule.self, PenalisedMultiTaskGapRule.self, MultiTaskScreenRule.self,
            LassoGapRule.self, LassoScreenRule.self, SupportRule.self, SupportVariabilityRule.self,
        ],
        objectBuilders: [
            .matrix: ObjectStore.buildMatrix,
            .reluNetwork: ObjectStore.buildReLUNetwork,
            .reluData: ObjectStore.buildReLUData,
        ])
}
