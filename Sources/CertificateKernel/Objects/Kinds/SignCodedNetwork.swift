import DyadicFunctions
import ExactArithmetic

extension ObjectStore {
    /// A `sign-coded-network`: the member N_sigma of the sign-coded family (MATH.md sec. 8,
    /// Lemma NF), built from its recipe; it remembers the family's parameters (J and the
    /// readouts) for `network-realises-for-all-signs`.
    func buildSignCodedNetwork(_ f: Fields, _ kind: ObjectKind, _ context: ReadingContext) throws(KernelError) -> KernelObject {
        let p = f.pointer
        try f.allowOnly(kind.keys)
        let signs = try signTree(try f.value("signs"), at: p.appending("signs"))
        let J = signs.levels
        let readouts = try f.integers("readouts", in: 1...(1 << J) - 1)
        try ObjectStore.checkDistinct(readouts, at: p.appending("readouts"))
        let size = ObjectStore.signCodedNetworkSize(levels: J, readouts: readouts.count)
        guard size <= context.limits.maximumNetworkSize else {
            throw .limitExceeded(
                pointer: p, limit: .networkSize, value: "about \(size)", maximum: String(context.limits.maximumNetworkSize))
        }
        try context.chargeCells(level: J, at: p)
        do {
            let family = try SignCodedNetworkFamily(
                levels: J, readouts: readouts.map { m throws(DyadicFunctionError) in try WalshReadout(index: m) })
            let coded = try family.member(signs: signs)
            return .network(
                KernelNetwork(
                    network: coded.network, codes: coded.codes.map { $0 }, recipe: "sign-coded-network",
                    signCodedFamily: SignCodedFamilyParameters(levels: J, readouts: readouts)))
        } catch { throw ObjectStore.invalid(error, at: p, what: "a sign-coded network") }
    }
}
