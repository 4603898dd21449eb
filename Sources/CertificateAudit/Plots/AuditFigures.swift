import Foundation
import CertificateKernel
import DyadicFunctions
import ExactArithmetic
import DyadicConstructions

/// One figure of an audit report: a title, a caption and one or more inline SVGs.
public struct AuditFigure {
    public let title: String
    public let caption: String
    public let svgs: [String]
}

/// The figures an audit shows for a certificate, built from its objects and verified
/// claims: the feature h_sigma and u_sigma, the first readouts and outputs, the bit
/// counts (separate vs joint), triangle-wave approximations and Haar entropy bounds.
enum AuditFigures {
    static let palette = ["#1f5fa8", "#c8531b", "#2e8b57", "#8e44ad"]

    static func all(_ document: AuditDocument) -> [AuditFigure] {
        var figures: [AuditFigure] = []
        figures += featureFigures(document)
        figures += bitFigures(document)
        figures += triangleFigures(document)
        figures += entropyFigures(document)
        figures += stepFunctionFigures(document, already: figures.count)
        return figures
    }

    /// Claims the kernel verified, by rule.
    static func verified(_ document: AuditDocument, rule: String) -> [AuditDocument.Claim] {
        document.claims.filter { $0.rule == rule && $0.verdict?.passed == true }
    }

    static func featureFigures(_ document: AuditDocument) -> [AuditFigure] {
        guard let (name, fields) = document.objects.first(where: { AuditValues.string($0.fields["kind"]) == "sign-tree" }),
              let J = AuditValues.int(fields["levels"]), J >= 1, J <= 20, let hex = AuditValues.string(fields["bits"]),
              let signs = try? SignTree(levels: J, hex: hex) else { return [] }
        let feature = RademacherHaarFeature.balanced(signs: signs)
        let indices = feature.midpointIndices()
        let scale = Double(1 << (J + 1))
        let u = indices.map { (2 * Double($0) + 1) / scale }
        let h = u.map { 2 * $0 - 1 }
        func stepPlot(_ cells: [Double], _ title: String, _ colour: String) -> String {
            let pieces = SVGPlot.cellPieces(cells)
            return SVGPlot.functions(pieces.enumerated().map { SVGPlot.Series(label: $0.offset == 0 ? "max" : "min", shape: .steps($0.element), colour: colour) }, title: title)
        }
        let envelope = (1 << J) > 1024 ? " With 2^\(J) cells the plot shows each pixel column's exact minimum and maximum." : ""
        var figures = [
            AuditFigure(title: "The shared feature h_sigma", caption: "h_sigma = sum_j 2^-(j+1) sum_k sigma(j,k) psi(j,k) for the sign tree \"\(name)\" (J = \(J), balanced amplitudes).\(envelope)",
                        svgs: [stepPlot(h, "h_sigma on [0, 1)", palette[0])]),
            AuditFigure(title: "The rearrangement u_sigma", caption: "u_sigma = (h_sigma + 1)/2 takes each midpoint (2i+1)/2^\(J + 1) on exactly one cell (Lemma R).\(envelope)",
                        svgs: [stepPlot(u, "u_sigma on [0, 1)", palette[1])]),
        ]
        // Readouts and outputs of the first task-outputs object that uses this tree.
        guard let outputs = document.objects.first(where: { AuditValues.string($0.fields["kind"]) == "task-outputs" && AuditValues.string($0.fields["signs"]) == name }) else { return figures }
        let readouts = AuditValues.ints(outputs.fields["readouts"]).filter { $0 >= 1 && $0 < 1 << J }.prefix(4)
        var readoutPlots: [String] = [], outputPlots: [String] = []
        /// A +-1 function of level L on all of [0, 1) for L <= 8, else on its first 64 cells
        /// (the window [0, 2^(6-L))), so that the oscillation stays visible.
        func signPlot(_ value: (Int) -> Int, level L: Int, label: String, title: String, colour: String) -> String {
            let shown = L <= 8 ? L : 6
            let cells = (0..<(1 << shown)).map { Double(value($0)) }
            let n = Double(cells.count)
            var pieces: [(Double, Double, Double)] = []
            for (i, v) in cells.enumerated() { pieces.append((Double(i) / n, Double(i + 1) / n, v)) }
            let window = L <= 8 ? "[0, 1)" : "[0, 1/\(1 << (L - 6))) (the first 64 of 2^\(L) cells)"
            let xMaximum: Double = L <= 8 ? 1 : 1 / Double(1 << (L - 6))
            let series = [SVGPlot.Series(label: label, shape: .steps(pieces), colour: colour)]
            return SVGPlot.functions(series, title: "\(title) on \(window)", height: 120, xMaximum: xMaximum)
        }
        for (d, m) in readouts.enumerated() {
            guard let walsh = try? WalshFunction(index: m), let readout = try? WalshReadout(index: m),
                  let packed = try? TaskOutput.packed(midpointIndices: indices, level: J, readout: readout) else { continue }
            let level = walsh.minimumLevel
            readoutPlots.append(signPlot({ walsh.value(cell: $0, level: level) }, level: level, label: "w_\(m)", title: "readout w_\(m)(y)", colour: palette[d % 4]))
            outputPlots.append(signPlot({ packed.value(cell: $0) }, level: J, label: "f", title: "output w_\(m) o u_sigma", colour: palette[d % 4]))
        }
        if !readoutPlots.isEmpty {
            figures.append(AuditFigure(title: "Sawtooth-Walsh readouts", caption: "The first readouts w_m = prod_{n in bits(m)} psi(S_n(y)) in Paley order, as functions of the feature value y.", svgs: readoutPlots))
            let zoom = J > 8 ? " At level \(J) each output is drawn on its first 64 cells." : ""
            figures.append(AuditFigure(title: "Task outputs", caption: "The outputs f_d = w_{m_d} o u_sigma: +-1 valued, orthonormal for every sign tree (Theorem O).\(zoom)", svgs: outputPlots))
        }
        return figures
    }

    static func bitFigures(_ document: AuditDocument) -> [AuditFigure] {
        var items: [(label: String, value: Double, text: String, colour: String)] = []
        for claim in verified(document, rule: "binary-class") {
            guard let bits = AuditValues.rational(claim.statement["bits"]), let coding = AuditValues.string(claim.inputs["coding"]) else { continue }
            items.append((coding == "separate" ? "separate coding (sum over tasks)" : "joint coding (the tuple)", bits.approximateDouble, "\(bits) bits", coding == "separate" ? palette[1] : palette[0]))
        }
        var figures: [AuditFigure] = []
        if !items.isEmpty {
            figures.append(AuditFigure(title: "Description length: separate vs joint", caption: "Bits to describe the tasks at accuracy eps < 1, from the verified binary-class claims (Lemmas S, J, B).",
                                       svgs: [SVGPlot.bars(items, title: "bits at eps = 1/2")]))
        }
        var units: [(label: String, value: Double, text: String, colour: String)] = []
        for claim in verified(document, rule: "network-width-lower") {
            if let n = AuditValues.rational(claim.statement["first-layer-units-at-least"]), let mode = AuditValues.string(claim.inputs["mode"]) {
                let subject = AuditValues.string(claim.inputs["class"]) ?? "the functions"
                units.append(("\(mode) networks for \(subject): at least", n.approximateDouble, ">= \(n) first-layer units", palette[1]))
            }
        }
        for claim in verified(document, rule: "network-bits") {
            if let n = AuditValues.rational(claim.statement["first-layer-units"]) {
                units.append(("network \(AuditValues.string(claim.inputs["network"]) ?? "")", n.approximateDouble, "\(n) first-layer units", palette[0]))
            }
        }
        if units.count >= 2 {
            figures.append(AuditFigure(title: "Network width", caption: "First-layer Heaviside units: lower bounds for any network realising the functions (Corollary N2) against the certificate's explicit networks (Lemma N1).",
                                       svgs: [SVGPlot.bars(units, title: "first-layer units")]))
        }
        return figures
    }

    static func triangleFigures(_ document: AuditDocument) -> [AuditFigure] {
        guard let (name, fields) = document.objects.first(where: { AuditValues.string($0.fields["kind"]) == "triangle-wave" }),
              let n = AuditValues.int(fields["order"]), n >= 1, n <= 16 else { return [] }
        let points = (0...(1 << n)).map { (Double($0) / Double(1 << n), $0 % 2 == 0 ? 0.0 : 1.0) }
        var series = [SVGPlot.Series(label: "T^(\(n))", shape: .polyline(points), colour: palette[0])]
        for (i, (other, f)) in document.objects.enumerated() where AuditValues.string(f["kind"]) == "step-function" {
            let b = AuditValues.rationals(f["breakpoints"]).map(\.approximateDouble), v = AuditValues.rationals(f["values"]).map(\.approximateDouble)
            guard b.count == v.count + 1, series.count < 3 else { continue }
            series.append(SVGPlot.Series(label: other, shape: .steps((0..<v.count).map { (b[$0], b[$0 + 1], v[$0]) }), colour: palette[(i % 3) + 1]))
        }
        return [AuditFigure(title: "Triangle wave and its approximation", caption: "The triangle wave \"\(name)\" (2^\(n - 1) teeth) with the certificate's step functions.",
                            svgs: [SVGPlot.functions(series, title: "T^(\(n)) and step approximations", height: 220)])]
    }

    static func entropyFigures(_ document: AuditDocument) -> [AuditFigure] {
        func points(_ rule: String, _ key: String) -> [(Double, Double)] {
            verified(document, rule: rule).compactMap { claim -> (Double, Double)? in
                guard let eps = AuditValues.rational(claim.inputs["eps"]), let bits = AuditValues.rational(claim.statement[key]),
                      AuditValues.string(claim.inputs["class"]) == AuditValues.string(verified(document, rule: rule).first?.inputs["class"]) else { return nil }
                return (-log2(eps.approximateDouble), log2(bits.approximateDouble + 1))
            }.sorted { $0.0 < $1.0 }
        }
        let lower = points("haar-packing", "bits-at-least"), upper = points("haar-cover", "bits-at-most")
        guard lower.count >= 2 || upper.count >= 2 else { return [] }
        return [AuditFigure(title: "Covering numbers of the Haar class", caption: "log2(1 + bounds on log2 N(eps, H_J(a))) against log2(1/eps): both bounds grow linearly, i.e. log2 N(eps) grows like a power of 1/eps (Lemmas H1, H2).",
                            svgs: [SVGPlot.chart([("lower (packing)", lower, palette[0]), ("upper (truncation)", upper, palette[1])], title: "bounds on log2 N(eps, H)", xLabel: "log2(1/eps)", yLabel: "log2(1 + bits)")])]
    }

    static func stepFunctionFigures(_ document: AuditDocument, already: Int) -> [AuditFigure] {
        guard already == 0 else { return [] }
        var series: [SVGPlot.Series] = []
        for (name, f) in document.objects where AuditValues.string(f["kind"]) == "step-function" && series.count < 4 {
            let b = AuditValues.rationals(f["breakpoints"]).map(\.approximateDouble), v = AuditValues.rationals(f["values"]).map(\.approximateDouble)
            guard b.count == v.count + 1 else { continue }
            series.append(SVGPlot.Series(label: name, shape: .steps((0..<v.count).map { (b[$0], b[$0 + 1], v[$0]) }), colour: palette[series.count % 4]))
        }
        guard !series.isEmpty else { return [] }
        return [AuditFigure(title: "Step functions", caption: "The certificate's explicit step functions.", svgs: [SVGPlot.functions(series, title: "step functions on [0, 1)")])]
    }
}

