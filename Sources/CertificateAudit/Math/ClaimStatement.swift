import CertificateKernel
import ExactArithmetic

/// What a claim states, as a formula in the notation of MATH.md, read from the claim's
/// inputs and statement (display only; the kernel's verdict says whether it holds).
/// Rules without a formula here fall back to the kernel's one-line summary.
enum ClaimStatement {
    static func formula(_ claim: AuditDocument.Claim, in document: AuditDocument) -> MathExpression? {
        let inputs = claim.inputs, statement = claim.statement
        func s(_ object: JSONObject, _ key: String) -> String? { AuditValues.string(object[key]) }
        func names(_ key: String) -> [String] {
            guard case .array(let items)? = inputs[key] else { return [] }
            return items.compactMap { AuditValues.string($0) }
        }
        func relation(_ text: String?) -> MathExpression {
            switch text {
            case "<=": return .o("≤")
            case ">=": return .o("≥")
            case "<": return .o("<")
            case ">": return .o(">")
            default: return .o("=")
            }
        }
        func v(_ text: String?) -> MathExpression { .value(text ?? "?") }
        func eps() -> MathExpression { v(s(inputs, "eps")) }
        func cls() -> MathExpression { .name(s(inputs, "class") ?? "?") }
        func list(_ items: [String]) -> MathExpression {
            let shown = items.count <= 6 ? items : Array(items.prefix(3)) + ["…"] + items.suffix(1)
            var parts: [MathExpression] = []
            for (i, item) in shown.enumerated() {
                if i > 0 { parts.append(.o(",")) }
                parts.append(item == "…" ? .o("…") : .value(item))
            }
            return .row(parts)
        }
        switch claim.rule {
        case "gram":
            let functions = MathExpression.row(
                names("functions").enumerated().flatMap {
                    $0.offset == 0 ? [MathExpression.name($0.element)] : [.o(","), .name($0.element)]
                })
            let gram = MathExpression.row(.i("G"), .paren(functions))
            if s(statement, "matrix") == "identity" { return .row(gram, .o("="), .i("I")) }
            if case .array(let diagonal)? = statement["diagonal"] {
                return .row(gram, .o("="), .i("diag"), .paren(list(diagonal.compactMap { AuditValues.string($0) })))
            }
            return .row(gram, .o("="), .t("the stated matrix"))
        case "sup-distance":
            return .row(
                .supDistance(.name(s(inputs, "f") ?? "?"), .name(s(inputs, "g") ?? "?")), relation(s(statement, "relation")),
                v(s(statement, "bound")))
        case "orthonormal-for-all-signs":
            let readouts: [String] = {
                if case .array(let r)? = inputs["readouts"] { return r.compactMap { AuditValues.string($0) } } else { return [] }
            }()
            return .row(
                .o("⟨"), .sub(.i("f"), .i("d")), .o(","), .sub(.i("f"), .i("e")), .o("⟩"), .o("="), .o("["), .i("d"), .o("="), .i("e"),
                .o("]"),
                .t(" for every "), .i("σ"), .t(", "), .row(.i("J"), .o("="), v(s(inputs, "levels"))), .t(", "), .i("m"), .o("∈"), .o("{"),
                list(readouts), .o("}"))
        case "packing":
            return .row(.log2Covering(eps(), cls()), .o("≥"), .log2, v(s(statement, "count")))
        case "cover":
            return .row(.log2Covering(eps(), cls()), .o("≤"), .log2, v(s(statement, "count")))
        case "haar-packing":
            return .row(.log2Covering(eps(), cls()), .o("≥"), v(s(statement, "bits-at-least")))
        case "haar-cover":
            return .row(.log2Covering(eps(), cls()), .o("≤"), v(s(statement, "bits-at-most")))
        case "binary-class":
            if s(inputs, "coding") == "separate" {
                return .row(
                    .sub(.o("∑"), .i("d")), .o("⌈"), .log2Covering(eps(), .sub(cls(), .i("d"))), .o("⌉"), .o("="), v(s(statement, "bits")))
            }
            return .row(.o("⌈"), .log2Covering(eps(), cls()), .o("⌉"), .o("="), v(s(statement, "bits")))
        case "readout-count":
            if s(inputs, "coding") == "separate" {
                return .row(.sub(.o("∑"), .i("d")), .log2, .o("|"), .sub(cls(), .i("d")), .o("|"), .o("="), v(s(statement, "total")))
            }
            return .row(.log2, .o("|"), cls(), .o("|"), .o("="), v(s(statement, "log2-size")))
        case "enumerate":
            let value: MathExpression =
                s(statement, "value").map { v($0) }
                ?? {
                    if case .array(let items)? = statement["values"] {
                        return .paren(list(items.compactMap { AuditValues.string($0) }))
                    } else {
                        return .o("?")
                    }
                }()
            if s(inputs, "quantity") == "covering-number" { return .row(.i("N"), .paren(eps(), .o(","), cls()), .o("="), value) }
            if s(inputs, "coding") == "separate" {
                return .row(.o("|"), .sub(cls(), .i("d")), .o("|"), .o("="), value, .t(" for d = 1, 2, …"))
            }
            return .row(.o("|"), cls(), .o("|"), .o("="), value)
        case "network-realises":
            let functions = MathExpression.row(
                names("functions").enumerated().flatMap {
                    $0.offset == 0 ? [MathExpression.name($0.element)] : [.o(","), .name($0.element)]
                })
            return .row(.name(s(inputs, "network") ?? "?"), .t(" computes "), functions, .t(" exactly on [0, 1)"))
        case "network-width-lower":
            let subject: MathExpression = s(inputs, "class").map { .name($0) } ?? .row(names("functions").map { MathExpression.name($0) })
            return .row(
                .t("first-layer units of any \(s(inputs, "mode") ?? "") network(s) for "), subject, .o("≥"),
                v(s(statement, "first-layer-units-at-least")))
        case "network-bits":
            var parts: [MathExpression] = [.i("bits"), .paren(.name(s(inputs, "network") ?? "?")), .o("="), v(s(statement, "bits"))]
            if let units = s(statement, "first-layer-units") { parts += [.t(", first-layer units "), v(units)] }
            if let units = s(statement, "units") { parts += [.t(", units "), v(units)] }
            if let p = s(statement, "parameters") { parts += [.t(", parameters "), v(p)] }
            return .row(parts)
        case "step-approx-lower":
            return .row(
                .supDistance(.name(s(inputs, "function") ?? "?"), .i("s")), .o("≥"), v(s(statement, "distance-at-least")),
                .t(" for every step function "), .i("s"), .t(" with at most "), v(s(inputs, "max-breakpoints")), .t(" breakpoints"))
        case "bits":
            guard case .array(let terms)? = inputs["terms"] else { return nil }
            var parts: [MathExpression] = []
            for (i, term) in terms.enumerated() {
                guard case .object(let t) = term, let c = AuditValues.rational(t["coefficient"]) else { return nil }
                let quantity = MathExpression.row(.i(s(t, "quantity") ?? "?"), .paren(.name(s(t, "claim") ?? "?")))
                let negative = c.signum < 0, magnitude = c.magnitude
                if i > 0 || negative { parts.append(.o(negative ? "−" : "+")) }
                if magnitude != Rational(1) {
                    parts.append(.rational(magnitude))
                    parts.append(.o("⋅"))
                }
                parts.append(quantity)
            }
            return .row(parts + [relation(s(statement, "relation")), v(s(statement, "bound"))])
        default:
            return nil
        }
    }
}
