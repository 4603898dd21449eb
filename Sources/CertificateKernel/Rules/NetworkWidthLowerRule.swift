import DyadicFunctions
import ExactArithmetic

/// `network-width-lower`: any Heaviside network realising given step functions, or
/// approximating them within eps, has at least n first-layer units (Corollary N2,
/// Lemma N2e).
///
/// Inputs: `mode` ("separate": one network per function, so the counts add up;
/// "joint": one network for all, so the union of breakpoints counts), optionally `eps`
/// (> 0: networks within eps in sup norm of each function; absent: exact realisation)
/// or `eps-below` (b > 0: the bound holds at every eps with 0 < eps < b), and either
/// `functions` (the kernel counts the canonical breakpoints, with eps only those where
/// the function jumps by more than 2 eps, with eps-below b those where it jumps by at
/// least 2b, which is more than 2 eps for every eps < b) or `class` (a readout-class: for
/// every sign tree, output d changes sign exactly once inside every level-top(m_d) cell,
/// at its midpoint, giving sum_d 2^top(m_d) separately and the sum of 2^t over the
/// distinct tops t jointly; the jumps are 2, so they count for every eps < 1, none
/// counts for eps >= 1, and with eps-below they count for every eps < b iff b <= 1).
/// Statement: `first-layer-units-at-least`. Establishes `first-layer-units` >= the
/// stated value, with eps (or eps-below) in its meaning.
enum NetworkWidthLowerRule: VariantRule {
    static let declaration = RuleDeclaration(
        name: .networkWidthLower, lemma: "Lemma N1, Corollary N2 and Lemma N2e (MATH.md sec. 8)",
        inputs: ["mode", "class", "functions", "eps", "eps-below"], statement: ["first-layer-units-at-least"])

    /// What the networks realise: every element of a readout class, or given functions.
    enum Targets {
        /// A readout-class: its name and readouts m_1, ..., m_D.
        case readoutClass(name: String, readouts: [Int])
        /// Functions, each once with the number of times the claim names it (a pass over
        /// one function serves all its names), and the names.
        case functions([(function: KernelFunction, times: Int)], names: [String])
    }

    struct Claim {
        /// "separate" (one network per function) or "joint" (one network for all).
        let mode: Coding
        let eps: Rational?
        /// b of `eps-below`: the bound holds at every eps with 0 < eps < b.
        let epsBelow: Rational?
        let targets: Targets
        let stated: Located<BigInt>
    }

    /// Rejects the input keys outside its variant's (`class` or `functions`) first.
    static func decode(_ claim: CertificateDocument.ClaimEntry, _ context: CheckContext) throws(KernelError) -> Claim {
        let usesClass = claim.inputs.has("class")
        try claim.inputs.allowOnly(usesClass ? ["mode", "class", "eps", "eps-below"] : ["mode", "functions", "eps", "eps-below"])
        try claim.statement.allowOnly(declaration.statement)
        let mode: Coding = try claim.inputs.word("mode")
        if claim.inputs.has("eps") && claim.inputs.has("eps-below") {
            throw .malformed(
                pointer: claim.inputs.pointer.appending("eps-below"), expected: "either \"eps\" or \"eps-below\", not both", found: "both")
        }
        let eps = claim.inputs.has("eps") ? try ClassInputs.epsilon(claim.inputs) : nil
        let epsBelow =
            claim.inputs.has("eps-below") ? try ClassInputs.positive(claim.inputs, "eps-below", "a positive bound b on eps") : nil
        let stated = try claim.statement.located("first-layer-units-at-least", claim.statement.bigInteger)
        let targets: Targets
        if usesClass {
            let (name, (_, readouts)) = try ClassInputs.readoutClass(claim.inputs, context)
            targets = .readoutClass(name: name, readouts: readouts)
        } else {
            let references = try claim.inputs.array("functions", what: "an array of function names")
            let at = claim.inputs.pointer.appending("functions")
            let all = try context.objects.functions(references, at: at)
            // Each function named once, by its reference (list members by list and place),
            // then equal functions of different names once: a name repeated 20,000 times
            // hashed its 65,536 pieces each time.
            var names: [String] = []
            for (i, reference) in references.enumerated() {
                let name = try Fields.identifier(reference, at: at.appending(i))
                if case .functionList(let list) = try context.objects.resolve(reference, at: at.appending(i)) {
                    names += list.indices.map { "\(name)#\($0)" }
                } else {
                    names.append(name)
                }
            }
            let functions = distinct(all, names: names)
            // One pass over each distinct function: a difference and a comparison per piece;
            // jointly, a packed function becomes a step function of up to 64 pieces a word.
            let work = functions.reduce(0) { total, named in
                if case .packed = named.function, mode == .joint { return total + named.function.workSize * SupDistanceRule.stepsPerWord }
                return total + named.function.workSize
            }
            try context.readingContext.chargeWork(ReadingContext.product(2, work), at: at)
            targets = .functions(functions, names: try claim.inputs.identifiers("functions"))
        }
        return Claim(mode: mode, eps: eps, epsBelow: epsBelow, targets: targets, stated: stated)
    }

    static func check(_ claim: Claim, _ context: CheckContext) throws(KernelError) -> RuleResult {
        let (mode, eps, epsBelow, stated) = (claim.mode, claim.eps, claim.epsBelow, claim.stated.value)
        // Lemma N2e: at one eps a breakpoint counts when the jump exceeds 2 eps (every jump,
        // exactly). At every eps < b it counts iff the jump exceeds 2 eps for all of them,
        // i.e. iff the jump is at least 2b.
        let threshold = eps.map { 2 * $0 } ?? Rational.zero
        func counts(_ jump: Rational) -> Bool {
            if let epsBelow { return jump >= 2 * epsBelow }
            return jump > threshold
        }
        let bound = countingBreakpoints(claim.targets, mode, counts)
        let subject: String, subjectNames: [String]
        switch claim.targets {
        case .readoutClass(let name, _): (subject, subjectNames) = ("every element of \(name)", [name])
        case .functions(let functions, let names):
            (subject, subjectNames) = ("\(functions.reduce(0) { $0 + $1.times }) functions", names)
        }
        let accuracy = eps.map { "within \($0) of" } ?? epsBelow.map { "within every eps < \($0) of" } ?? "realising"
        let summary = "\(mode) networks \(accuracy) \(subject) need >= \(stated) first-layer units"
        guard stated <= bound else {
            let lemma = eps == nil && epsBelow == nil ? "Corollary N2" : "Lemma N2e"
            let counted =
                eps.map { "breakpoints with jump > \(2 * $0)" } ?? epsBelow.map { "breakpoints with jump >= \(2 * $0)" } ?? "breakpoints"
            return .fails(
                summary, "\(lemma) gives at least \(bound) first-layer units, not \(stated)",
                expected: "first-layer-units-at-least <= \(bound)", computed: "\(counted): \(bound)", at: claim.stated.pointer)
        }
        let meaning = Meaning(measure: .realisingFirstLayerUnits, subject: subjectNames, eps: eps, epsBelow: epsBelow, coding: mode)
        return .holds(summary, [Fact(.firstLayerUnits, meaning, .atLeast(Rational(stated)))])
    }

    /// The number of breakpoints that count (Corollary N2, Lemma N2e): summed over the
    /// targets for separate networks, of their union for one joint network.
    static func countingBreakpoints(_ targets: Targets, _ mode: Coding, _ counts: (Rational) -> Bool) -> BigInt {
        switch targets {
        case .readoutClass(_, let readouts):
            // The outputs are +-1 valued: every jump is 2.
            guard counts(Rational(2)) else { return .zero }
            let tops = readouts.map(Bits.top)
            return (mode == .separate ? tops : Array(Set(tops))).reduce(BigInt.zero) { $0 + BigInt.powerOfTwo($1) }
        case .functions(let functions, _):
            if mode == .separate {
                return functions.reduce(BigInt.zero) { count, named in
                    let f = named.function
                    // A +-1 function jumps by 2 at each breakpoint: the count needs no pass.
                    let own =
                        f.isSignValued ? (counts(Rational(2)) ? f.breakpointCount : 0) : countingBreakpoints(f.stepFunction, counts).count
                    return count + BigInt(own) * BigInt(named.times)
                }
            }
            return BigInt(Set(functions.flatMap { countingBreakpoints($0.function.stepFunction, counts) }).count)
        }
    }

    /// Each distinct function once, in order of first appearance, with how often it
    /// appears: first by name (`names[i]` names `functions[i]`), then general step
    /// functions of different names by value (packed ones are cheap to count and are kept
    /// as they are).
    static func distinct(_ functions: [KernelFunction], names: [String]) -> [(function: KernelFunction, times: Int)] {
        var result: [(function: KernelFunction, times: Int)] = []
        var byName: [String: Int] = [:], byValue: [StepFunction: Int] = [:]
        for (f, name) in zip(functions, names) {
            if let i = byName[name] {
                result[i].times += 1
                continue
            }
            if case .step(let step) = f, let i = byValue[step] {
                byName[name] = i
                result[i].times += 1
                continue
            }
            byName[name] = result.count
            if case .step(let step) = f { byValue[step] = result.count }
            result.append((f, 1))
        }
        return result
    }

    /// The breakpoints of f's canonical form at which the jump's magnitude counts.
    static func countingBreakpoints(_ f: StepFunction, _ counts: (Rational) -> Bool) -> [Rational] {
        (1..<f.values.count).compactMap { i in counts((f.values[i] - f.values[i - 1]).magnitude) ? f.breakpoints[i] : nil }
    }
}
