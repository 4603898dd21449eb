import DyadicFunctions

extension ObjectStore {
    /// A `one-layer-network` realising the given step functions.
    func buildOneLayerNetwork(_ f: Fields, _ kind: ObjectKind, _ context: ReadingContext) throws(KernelError) -> KernelObject {
        let p = f.pointer
        let targets = try functions(try f.value("functions"), at: p.appending("functions"))
        let steps = targets.map(\.stepFunction)
        let size = ObjectStore.oneLayerNetworkSize(pieces: steps.reduce(0) { $0 + $1.pieceCount }, outputs: steps.count)
        try context.checkLimit(.networkSize, size, at: p)
        // The network is held with every other object: its units and parameters count
        // against the cells, and building it hashes and sorts the breakpoints and searches
        // each one (64 steps a piece, as SupDistanceRule.stepsPerWord).
        try context.chargeCells(count: size, at: p)
        try context.chargeWork(ReadingContext.product(size, SupDistanceRule.stepsPerWord), at: p)
        do {
            let network = try NetworkBuilder.oneLayer(realising: steps)
            return .network(KernelNetwork(network: network, codes: ParameterCodeTable(uniform: nil, for: network), recipe: nil))
        } catch { throw ObjectStore.invalid(error, at: p, what: "functions a one-layer network can realise") }
    }
}
