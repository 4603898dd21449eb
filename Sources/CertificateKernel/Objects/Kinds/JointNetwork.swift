import DyadicFunctions
import ExactArithmetic

extension ObjectStore {
    /// A `joint-network`: the joint construction of MATH.md sec. 8, built from its recipe.
    func buildJointNetwork(_ f: Fields, _ kind: ObjectKind, _ context: ReadingContext) throws(KernelError) -> KernelObject {
        let p = f.pointer
        func invalid(_ error: DyadicFunctionError, _ what: String) -> KernelError { ObjectStore.invalid(error, at: p, what: what) }
        try f.allowOnly(kind.keys)
        let signs = try signTree(try f.value("signs"), at: p.appending("signs"))
        let J = signs.levels
        let readouts = try f.integers("readouts", in: 1...(1 << J) - 1)
        try ObjectStore.checkDistinct(readouts, at: p.appending("readouts"))
        let size = ObjectStore.jointNetworkSize(levels: J, readouts: readouts.count)
        guard size <= context.limits.maximumNetworkSize else {
            throw .limitExceeded(
                pointer: p, limit: .networkSize, value: "about \(size)", maximum: String(context.limits.maximumNetworkSize))
        }
        try context.chargeCells(level: J, at: p)
        do {
            let coded = try NetworkBuilder.joint(
                signs: signs, readouts: readouts.map { m throws(DyadicFunctionError) in try WalshReadout(index: m) })
            return .network(KernelNetwork(network: coded.network, codes: coded.codes.map { $0 }, recipe: "joint-network"))
        } catch { throw invalid(error, "a joint network") }
    }
}
