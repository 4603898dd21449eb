import CertificateKernel
import ExactArithmetic

/// The table of a certificate over several depths J (`dyadcert generate rates`): one row
/// per J with D and the numbers the kernel verified for that depth: separate and joint
/// description lengths (binary-class), the sign-coded family's code bits
/// (network-realises-for-all-signs) and the first-layer units separate networks need
/// (network-width-lower, separate mode). A value whose claim did not pass is shown as
/// "–", never taken from the certificate's text.
struct RatesTable {
    struct Row: Equatable {
        let levels: Int
        var tasks: Int?
        var separate: Rational?, joint: Rational?, family: Rational?, units: Rational?
        /// The accuracy of the width bound: `eps-below` b or one `eps`, as an exact value.
        var widthAccuracy: String?
    }

    let rows: [Row]

    /// The rows, or nil when fewer than two depths have verified claims.
    init?(_ document: AuditDocument) {
        var byLevel: [Int: Row] = [:]
        func row(_ claim: AuditDocument.Claim, _ input: String) -> (Int, Row)? {
            guard let name = AuditValues.string(claim.inputs[input]), let fields = document.object(name),
                AuditValues.string(fields["kind"]) == "readout-class", let J = AuditValues.int(fields["levels"])
            else { return nil }
            var r = byLevel[J] ?? Row(levels: J)
            r.tasks = AuditValues.ints(fields["readouts"]).count
            return (J, r)
        }
        for claim in document.claims where claim.verdict?.passed == true {
            switch claim.rule {
            case "binary-class":
                guard case (let J, var r)? = row(claim, "class") else { continue }
                let bits = AuditValues.rational(claim.statement["bits"])
                if AuditValues.string(claim.inputs["coding"]) == "separate" { r.separate = bits } else { r.joint = bits }
                byLevel[J] = r
            case "network-realises-for-all-signs":
                guard case (let J, var r)? = row(claim, "class") else { continue }
                r.family = AuditValues.rational(claim.statement["bits"])
                byLevel[J] = r
            case "network-width-lower" where AuditValues.string(claim.inputs["mode"]) == "separate":
                guard case (let J, var r)? = row(claim, "class") else { continue }
                r.units = AuditValues.rational(claim.statement["first-layer-units-at-least"])
                // As exact values, not the certificate's text (the heading is shown raw).
                r.widthAccuracy =
                    AuditValues.rational(claim.inputs["eps-below"]).map { "every eps < \($0)" }
                    ?? AuditValues.rational(claim.inputs["eps"]).map { "eps = \($0)" }
                byLevel[J] = r
            default: continue
            }
        }
        guard byLevel.count >= 2 else { return nil }
        rows = byLevel.values.sorted { $0.levels < $1.levels }
    }

    static func text(_ value: Rational?) -> String { value.map(\.description) ?? "–" }

    /// The accuracy of the width column, when every row has the same one.
    var widthHeading: String {
        let accuracies = Set(rows.compactMap(\.widthAccuracy))
        guard accuracies.count == 1, let accuracy = accuracies.first else { return "" }
        return " (\(accuracy))"
    }

    /// A Markdown table.
    var markdown: String {
        var out =
            "| J | D | separate bits | joint bits | family code bits | separate first-layer units\(widthHeading) |\n|---:|---:|---:|---:|---:|---:|\n"
        for r in rows {
            out +=
                "| \(r.levels) | \(r.tasks.map(String.init) ?? "–") | \(Self.text(r.separate)) | \(Self.text(r.joint)) | \(Self.text(r.family)) | \(Self.text(r.units)) |\n"
        }
        return out
    }

    /// A LaTeX tabular.
    var latex: String {
        var out = "\\begin{tabular}{rrrrrr}\n\\hline\n$J$ & $D$ & separate bits & joint bits & family bits & separate units\\\\\n\\hline\n"
        for r in rows {
            let cells = [r.separate, r.joint, r.family, r.units].map { $0.map(\.description) ?? "--" }
            out += "\(r.levels) & \(r.tasks.map(String.init) ?? "--") & " + cells.joined(separator: " & ") + "\\\\\n"
        }
        return out + "\\hline\n\\end{tabular}\n"
    }
}
