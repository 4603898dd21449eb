import DyadicFunctions

extension ObjectStore {
    /// A `joint-network`: the joint construction of MATH.md sec. 8, built from its recipe.
    func buildJointNetwork(_ f: Fields, _ kind: ObjectKind, _ context: ReadingContext) throws(KernelError) -> KernelObject {
        let p = f.pointer
        let (signs, readouts) = try signsAndReadouts(f, context, size: ObjectStore.jointNetworkSize)
        do {
            let coded = try NetworkBuilder.joint(
                signs: signs, readouts: readouts.map { m throws(DyadicFunctionError) in try WalshReadout(index: m) })
            return .network(KernelNetwork(network: coded.network, codes: coded.codes.map { $0 }, recipe: "joint-network"))
        } catch { throw ObjectStore.invalid(error, at: p, what: "a joint network") }
    }

    /// The recipe of a network built from a sign tree and Walsh readouts (`joint-network`,
    /// `sign-coded-network`): the sign tree at `signs` (depth J), distinct readout indices
    /// 1 <= m < 2^J at `readouts`, and the network's `size`(J, D) (units plus parameters)
    /// checked against `--max-network-size` and its 2^J cells charged before it is built.
    func signsAndReadouts(
        _ f: Fields, _ context: ReadingContext, size: (_ levels: Int, _ readouts: Int) -> Int
    ) throws(KernelError) -> (signs: SignTree, readouts: [Int]) {
        let p = f.pointer
        let signs = try signTree(try f.value("signs"), at: p.appending("signs"))
        let J = signs.levels
        let readouts = try f.integers("readouts", in: 1...(1 << J) - 1)
        try ObjectStore.checkDistinct(readouts, at: p.appending("readouts"))
        let size = size(J, readouts.count)
        try context.checkLimit(.networkSize, size, described: "about \(size)", at: p)
        try context.chargeCells(level: J, at: p)
        return (signs, readouts)
    }
}
