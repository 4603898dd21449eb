/// `orthonormal-for-all-signs`: Theorem O. With balanced amplitudes and distinct
/// readouts 1 <= m_d < 2^J, <f_d, f_e> = [d = e] for EVERY sign tree of depth J.
///
/// Inputs: `levels` (J) and `readouts`. Statement: `gram` = "identity". The kernel
/// checks the side conditions of the theorem; the universal statement is sound by
/// Lemma R and Theorem O (their brute-force tests are in the test suite).
enum OrthonormalForAllSignsRule: TypedRule {
    static let declaration = RuleDeclaration(
        name: .orthonormalForAllSigns, lemma: "Lemma R and Theorem O (MATH.md sec. 5, 6)",
        inputs: ["levels", "readouts"], statement: ["gram"])

    struct Claim {
        /// J, the depth of every sign tree.
        let levels: Int
        /// m_1, ..., m_D.
        let readouts: Located<[Int]>
    }

    static func decode(_ claim: CertificateDocument.ClaimEntry, _ context: CheckContext) throws(KernelError) -> Claim {
        _ = try claim.statement.word("gram", GramWord.self)
        let J = try claim.inputs.integer("levels", in: 1...62)
        let readouts = try claim.inputs.integers("readouts", in: 0...Int.max)
        return Claim(levels: J, readouts: Located(value: readouts, pointer: claim.inputs.pointer.appending("readouts")))
    }

    static func check(_ claim: Claim, _ context: CheckContext) throws(KernelError) -> RuleResult {
        let (J, readouts, at) = (claim.levels, claim.readouts.value, claim.readouts.pointer)
        let summary = "for all sign trees of depth \(J): <f_d, f_e> = [d = e] for readouts \(abbreviate(readouts))"
        guard !readouts.isEmpty else { return .fails(summary, "no readouts are given", at: at) }
        var seen: [Int: Int] = [:]
        for (d, m) in readouts.enumerated() {
            guard m >= 1 && m < 1 << J else {
                return .fails(
                    summary, "readout \(d) is \(m), outside 1..<2^\(J); Theorem O needs 1 <= m_d < 2^J",
                    expected: "1 <= m_\(d) < \(1 << J)", computed: "m_\(d) = \(m)", at: at.appending(d))
            }
            if let e = seen[m] {
                return .fails(
                    summary, "readouts \(e) and \(d) are both \(m): equal outputs have inner product 1, not 0",
                    expected: "distinct readouts", computed: "m_\(e) = m_\(d) = \(m)", at: at.appending(d))
            }
            seen[m] = d
        }
        return .holds(summary)
    }
}

/// A short rendering of an index list for verdict lines.
func abbreviate(_ values: [Int]) -> String {
    values.count <= 6
        ? "[" + values.map(String.init).joined(separator: ",") + "]"
        : "[\(values[0]),\(values[1]),...,\(values[values.count - 1])] (\(values.count))"
}
