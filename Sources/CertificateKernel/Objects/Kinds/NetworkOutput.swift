import DyadicFunctions

extension ObjectStore {
    /// A `network-output`: output d of a network as the step function it computes (Lemma N1).
    func buildNetworkOutput(_ f: Fields, _ kind: ObjectKind, _ context: ReadingContext) throws(KernelError) -> KernelObject {
        let p = f.pointer
        let net = try network(try f.value("network"), at: p.appending("network"))
        let d = try f.integer("output", in: 0...(net.network.outputCount - 1))
        try context.chargeCells(count: net.network.firstLayerWidth + 1, at: p)
        let evaluator = NetworkEvaluator(net.network)
        let sweep = evaluator.sweepWork(readingPerPiece: net.network.outputCount)
        try context.chargeWork(sweep, at: p.appending("network"))
        if !evaluator.runsOnIntegers {
            try context.chargeGrowth(steps: sweep, numberBits: NumberSizes.sweepBits(net.network), at: p.appending("network"))
        }
        return .function(.step(net.network.realisedFunctions(evaluator: evaluator)[d]))
    }
}
