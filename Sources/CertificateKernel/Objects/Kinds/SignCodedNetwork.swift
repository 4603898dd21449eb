import DyadicFunctions

extension ObjectStore {
    /// A `sign-coded-network`: the member N_sigma of the sign-coded family (MATH.md sec. 8,
    /// Lemma NF), built from its recipe; it remembers the family's parameters (J and the
    /// readouts) for `network-realises-for-all-signs`.
    func buildSignCodedNetwork(_ f: Fields, _ kind: ObjectKind, _ context: ReadingContext) throws(KernelError) -> KernelObject {
        let p = f.pointer
        let (signs, readouts) = try signsAndReadouts(f, context, size: ObjectStore.signCodedNetworkSize)
        let J = signs.levels
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
