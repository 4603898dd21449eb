import Algorithms
import Foundation
import CertificateKernel
import DyadicFunctions
import ExactArithmetic
import DyadicConstructions

/// One figure of an audit report: a title, a caption and one or more inline SVGs; a
/// figure of several panels is laid out as small multiples.
public struct AuditFigure {
    let id: String
    let title: Prose
    let caption: Prose
    let svgs: [String]
    var smallMultiples = false

    /// The title as plain text (tables of contents, Markdown).
    public var plainTitle: String { title.plain }
    public var panelCount: Int { svgs.count }
}

/// The figures an audit shows for a certificate, built from its objects and claims: the
/// feature h_σ and u_σ, every readout and every task output (small multiples), Gram
/// matrices as heatmaps, bit counts (separate vs joint), network widths, the triangle-wave
/// lower bound against the certified network, and the Haar covering bounds on log axes.
enum AuditFigures {
    static let palette = ["#1f5fa8", "#c8531b", "#2e8b57", "#8e44ad"]
    /// Panels per small-multiples figure at most (one per task output).
    static let maximumPanels = 256
    /// ±1 functions of level 9 to this level are drawn whole as rasters (at most 128 x 128
    /// pixels a panel); finer ones on a window of 64 cells.
    static let maximumRasterLevel = 14

    static func all(_ document: AuditDocument) -> [AuditFigure] {
        var figures: [AuditFigure] = []
        figures += featureFigures(document)
        figures += gramFigures(document)
        // A certificate over several scales (generate rates) gets the rates plots instead
        // of the one-scale bars and the one-class Haar plot.
        let rates = ratesFigures(document)
        figures += rates.isEmpty ? bitFigures(document) : rates
        figures += triangleFigures(document)
        figures += rates.isEmpty ? entropyFigures(document) : []
        figures += stepFunctionFigures(document, drawn: !triangleFigures(document).isEmpty)
        return figures
    }

    /// Claims the kernel verified, by rule.
    static func verified(_ document: AuditDocument, rule: String) -> [AuditDocument.Claim] {
        document.claims.filter { $0.rule == rule && $0.verdict?.passed == true }
    }

    static var unitInterval: PlotAxis { PlotAxis.window(Rational(1), parts: 4, label: "x") }

    /// Values on the 2^L equal cells of [0, 1) as step pieces.
    static func cellSteps(_ cells: [Double]) -> [(Double, Double, Double)] {
        let n = Double(cells.count)
        return cells.enumerated().map { (Double($0.offset) / n, Double($0.offset + 1) / n, $0.element) }
    }

    // MARK: - Feature, readouts, outputs

    static func featureFigures(_ document: AuditDocument) -> [AuditFigure] {
        guard let (name, fields) = document.objects.first(where: { AuditValues.string($0.value["kind"]) == "sign-tree" }),
            let J = AuditValues.int(fields["levels"]), J >= 1, J <= 16, let hex = AuditValues.string(fields["bits"]),
            let signs = try? SignTree(levels: J, hex: hex)
        else { return [] }
        let feature = RademacherHaarFeature.balanced(signs: signs)
        let indices = feature.midpointIndices()
        let scale = Double(1 << (J + 1))
        let u = indices.map { (2 * Double($0) + 1) / scale }
        let h = u.map { 2 * $0 - 1 }
        func stepPlot(_ cells: [Double], _ title: Prose, _ yLabel: Prose, _ colour: String) -> String {
            let pieces = SVGPlot.cellPieces(cells)
            let series = pieces.enumerated().map {
                SVGPlot.Series(label: $0.offset == 0 ? "max" : "min", shape: .steps($0.element), colour: colour)
            }
            return SVGPlot.functions(series, title: title, x: unitInterval, yLabel: yLabel)
        }
        let envelope: Prose =
            (1 << J) > 1024
            ? " With \(math: .sup(.n(2), .n(J))) cells, each pixel column shows the exact minimum and maximum of its cells." : ""
        let hx = MathExpression.row(.hSigma, .paren(.i("x"))), ux = MathExpression.row(.uSigma, .paren(.i("x")))
        let hDefinition = MathExpression.row(
            .hSigma, .o("="), .sub(.o("∑"), .i("j")), .sup(.n(2), .row(.o("−"), .paren(.i("j"), .o("+"), .n(1)))),
            .sub(.o("∑"), .i("k")), .i("σ"), .paren(.i("j"), .o(","), .i("k")), .i("ψ"), .paren(.i("j"), .o(","), .i("k")))
        let midpoint = MathExpression.frac(.row(.n(2), .i("i"), .o("+"), .n(1)), .sup(.n(2), .n(J + 1)))
        var figures = [
            AuditFigure(
                id: "figure-feature", title: "The shared feature \(math: .hSigma)",
                caption:
                    "\(math: hDefinition) for the sign tree \(math: .name(name)) (\(math: .row(.i("J"), .o("="), .n(J))), balanced amplitudes).\(envelope)",
                svgs: [stepPlot(h, "\(math: .hSigma) on [0, 1)", "\(math: hx)", palette[0])]),
            AuditFigure(
                id: "figure-rearrangement", title: "The rearrangement \(math: .uSigma)",
                caption:
                    "\(math: .row(.uSigma, .o("="), .paren(.hSigma, .o("+"), .n(1)), .o("/"), .n(2))) takes each midpoint \(math: midpoint) on exactly one level-\(J) cell (Lemma R).\(envelope)",
                svgs: [stepPlot(u, "\(math: .uSigma) on [0, 1)", "\(math: ux)", palette[1])]),
        ]
        // Every readout and every output of the first task-outputs object that uses this tree.
        guard
            let outputs = document.objects.first(where: {
                AuditValues.string($0.value["kind"]) == "task-outputs" && AuditValues.string($0.value["signs"]) == name
            })
        else { return figures }
        let allReadouts = AuditValues.ints(outputs.value["readouts"]).filter { $0 >= 1 && $0 < 1 << J }
        let readouts = Array(allReadouts.prefix(maximumPanels))
        let pmAxis = PlotAxis.dyadic(covering: -1, 1, label: "", maximumIntervals: 2)
        /// A ±1 function of level L on all of [0, 1) for L <= 8, else on its first 64
        /// cells (the window [0, 2^(6-L))), so that its oscillation stays visible.
        func signPanel(_ value: (Int) -> Int, level L: Int, title: Prose, variable: String, colour: String) -> String {
            if L > 8 && L <= maximumRasterLevel { return SVGPlot.signRaster(value, level: L, title: title) }
            let shown = L <= 8 ? L : 6
            let cells = (0..<(1 << shown)).map { Double(value($0)) }
            let width = L <= 8 ? Rational(1) : Rational(1).timesPowerOfTwo(6 - L)
            let axis = PlotAxis.window(width, parts: 2, label: "\(math: .i(variable))")
            let series = [SVGPlot.Series(label: title, shape: .steps(cellSteps(cells)), colour: colour)]
            return SVGPlot.functions(series, title: title, x: axis, y: pmAxis, frame: .small)
        }
        var readoutPanels: [String] = [], outputPanels: [String] = []
        var maximumLevel = 0
        for (d, m) in readouts.enumerated() {
            guard let walsh = try? WalshFunction(index: m), let readout = try? WalshReadout(index: m),
                let packed = try? TaskOutput.packed(midpointIndices: indices, level: J, readout: readout)
            else { continue }
            let level = walsh.minimumLevel
            maximumLevel = max(maximumLevel, level)
            let wm = MathExpression.sub(.i("w"), .n(m))
            readoutPanels.append(
                signPanel({ walsh.value(cell: $0, level: level) }, level: level, title: "\(math: wm)(y)", variable: "y", colour: palette[0])
            )
            let fd = MathExpression.row(.sub(.i("f"), .n(d + 1)), .o("="), wm, .o("∘"), .uSigma)
            outputPanels.append(signPanel({ packed.value(cell: $0) }, level: J, title: "\(math: fd)", variable: "x", colour: palette[1]))
        }
        guard !readoutPanels.isEmpty else { return figures }
        let shownNote: Prose = allReadouts.count > readouts.count ? " The first \(readouts.count) of \(allReadouts.count) are shown." : ""
        func windowNote(_ L: Int) -> Prose {
            if L <= 8 { return "Each panel shows all of [0, 1)." }
            if L <= maximumRasterLevel {
                let (rows, columns) = SVGPlot.rasterShape(level: L)
                let rowWidth = MathExpression.rational(Rational(1).timesPowerOfTwo(-(L / 2)))
                return
                    "Each panel shows all \(math: .sup(.n(2), .n(L))) cells, one pixel per cell (blue \(math: .n(1)), white \(math: .row(.o("−"), .n(1)))), folded into \(rows) rows of \(columns) cells: the row starting at \(math: .i("r")) holds \(math: .i("x")) in \(math: .row(.o("["), .i("r"), .o(","), .i("r"), .o("+"), rowWidth, .o(")"))), read left to right."
            }
            return
                "Each panel shows the first 64 of the \(math: .sup(.n(2), .n(L))) cells, the window \(math: .row(.o("["), .n(0), .o(","), .rational(Rational(1).timesPowerOfTwo(6 - L)), .o(")")))."
        }
        let readoutDefinition = MathExpression.row(
            .sub(.i("w"), .i("m")), .paren(.i("y")), .o("="), .sub(.o("∏"), .row(.i("n"), .o("∈"), .i("bits"), .paren(.i("m")))),
            .i("ψ"), .paren(.sub(.i("S"), .i("n")), .paren(.i("y"))))
        figures.append(
            AuditFigure(
                id: "figure-readouts", title: "Sawtooth-Walsh readouts (all \(readoutPanels.count))",
                caption:
                    "\(math: readoutDefinition) in Paley order, as functions of the feature value \(math: .i("y")); values \(math: .row(.o("−"), .n(1))) and 1. \(windowNote(maximumLevel))\(shownNote)",
                svgs: readoutPanels, smallMultiples: true))
        let orthonormal = MathExpression.row(
            .o("⟨"), .sub(.i("f"), .i("d")), .o(","), .sub(.i("f"), .i("e")), .o("⟩"), .o("="), .o("["), .i("d"), .o("="), .i("e"), .o("]"))
        figures.append(
            AuditFigure(
                id: "figure-outputs", title: "Task outputs (all \(outputPanels.count))",
                caption:
                    "The outputs \(math: .row(.sub(.i("f"), .i("d")), .o("="), .sub(.i("w"), .sub(.i("m"), .i("d"))), .o("∘"), .uSigma)) of \(math: .name(outputs.key)): values \(math: .row(.o("−"), .n(1))) and 1, and \(math: orthonormal) for every sign tree (Theorem O). \(windowNote(J))\(shownNote)",
                svgs: outputPanels, smallMultiples: true))
        return figures
    }

    // MARK: - Gram matrices

    /// The number of functions an object stands for, and the labels of the first 64.
    static func functionLabels(_ document: AuditDocument, _ name: String) -> (count: Int, labels: [String]) {
        guard let fields = document.object(name) else { return (1, [name]) }
        switch AuditValues.string(fields["kind"]) {
        case "task-outputs":
            let readouts = AuditValues.ints(fields["readouts"])
            return (readouts.count, readouts.prefix(64).enumerated().map { "f\($0.offset + 1) (m=\($0.element))" })
        case "walsh-basis":
            if let J = AuditValues.int(fields["levels"]), J >= 0, J <= 30 { return (1 << J, (0..<min(64, 1 << J)).map { "w\($0)" }) }
        case "haar-basis":
            if let J = AuditValues.int(fields["levels"]), J >= 0, J <= 30 {
                let labels = ["1"] + (0..<min(J, 6)).flatMap { j in (0..<(1 << j)).map { "psi(\(j),\($0))" } }
                return (1 << J, Array(labels.prefix(64)))
            }
        default: break
        }
        return (1, [name])
    }

    /// A heatmap of the matrix each gram claim states (the kernel recomputes it exactly;
    /// the caption says whether it agreed). Matrices above 64 x 64 show their leading block.
    static func gramFigures(_ document: AuditDocument) -> [AuditFigure] {
        var figures: [AuditFigure] = []
        for claim in document.claims where claim.rule == "gram" {
            guard case .array(let names)? = claim.inputs["functions"] else { continue }
            let groups = names.compactMap { AuditValues.string($0) }.map { functionLabels(document, $0) }
            let labels = Array(groups.flatMap(\.labels).prefix(64))
            let n = groups.reduce(0) { $0 + $1.count }
            guard n >= 1 else { continue }
            let shown = min(n, 64)
            var matrix: [[Rational]]
            if case .array(let diagonal)? = claim.statement["diagonal"] {
                let values = diagonal.prefix(shown).map { AuditValues.rational($0) ?? Rational(0) }
                matrix = (0..<min(shown, values.count)).map { i in (0..<min(shown, values.count)).map { $0 == i ? values[i] : Rational(0) }
                }
            } else if case .array(let rows)? = claim.statement["matrix"] {
                matrix = rows.prefix(shown).map { row in
                    guard case .array(let cells) = row else { return [] }
                    return cells.prefix(shown).map { AuditValues.rational($0) ?? Rational(0) }
                }
                guard matrix.allSatisfy({ $0.count == matrix.count }) else { continue }
            } else {
                matrix = (0..<shown).map { i in (0..<shown).map { $0 == i ? Rational(1) : Rational(0) } }
            }
            guard !matrix.isEmpty else { continue }
            let verdict: Prose =
                claim.verdict?.passed == true
                ? "The kernel recomputed the exact Gram matrix and found it equal to this one."
                : "The kernel did not accept this matrix (claim \(math: .name(claim.id)) is false or unchecked)."
            let block: Prose =
                matrix.count < n
                ? " Shown: the leading \(matrix.count) × \(matrix.count) block of the \(n) × \(n) matrix (the rest is stated in the same form)."
                : ""
            let entry = MathExpression.row(
                .sub(.i("G"), .row(.i("i"), .i("j"))), .o("="), .o("⟨"), .sub(.i("f"), .i("i")), .o(","), .sub(.i("f"), .i("j")), .o("⟩"))
            let heading: Prose =
                matrix.count < n
                ? "Gram matrix, leading \(matrix.count) × \(matrix.count) block of \(n) × \(n)" : "Gram matrix (\(n) × \(n))"
            let svg = SVGPlot.heatmap(matrix, rowLabels: labels, title: heading)
            let scaleNote: Prose =
                svg.contains("class=\"tick-note\"")
                ? " The entries span several octaves, so the colours follow a log scale of their size (key beside the matrix)." : ""
            figures.append(
                AuditFigure(
                    id: "figure-gram-\(HTMLAudit.anchor(claim.id))", title: "Gram matrix of claim \(math: .name(claim.id))",
                    caption:
                        "\(math: entry) as stated by claim \(math: .name(claim.id)) for \(n) functions: blue positive, red negative, white zero.\(scaleNote) \(verdict)\(block)",
                    svgs: [svg]))
        }
        return figures
    }

    // MARK: - Bits and widths

    static func bitFigures(_ document: AuditDocument) -> [AuditFigure] {
        var items: [(label: String, value: Double, text: String, colour: String)] = []
        var eps: String? = nil
        for claim in verified(document, rule: "binary-class") {
            guard let bits = AuditValues.rational(claim.statement["bits"]), let coding = AuditValues.string(claim.inputs["coding"]) else {
                continue
            }
            eps = eps ?? AuditValues.string(claim.inputs["eps"])
            items.append(
                (
                    coding == "separate" ? "separate coding (sum over tasks)" : "joint coding (the tuple)", bits.approximateDouble,
                    "\(bits) bits", coding == "separate" ? palette[1] : palette[0]
                ))
        }
        var figures: [AuditFigure] = []
        if !items.isEmpty {
            let epsMath = MathExpression.row(.epsilon, .o("="), .value(eps ?? "?"))
            figures.append(
                AuditFigure(
                    id: "figure-bits", title: "Description length: separate against joint",
                    caption:
                        "Bits to describe the tasks at accuracy \(math: epsMath), from the verified binary-class claims: separate \(math: .row(.sub(.o("∑"), .i("d")), .o("⌈"), .log2Covering(.epsilon, .sub(.i("K"), .i("d"))), .o("⌉"))), joint \(math: .row(.o("⌈"), .log2Covering(.epsilon, .i("K")), .o("⌉"))) (Lemmas S, J, B). Bar lengths are proportional to the exact values written beside them.",
                    svgs: [SVGPlot.bars(items, title: "bits at \(math: epsMath)")]))
        }
        var units: [(label: String, value: Double, text: String, colour: String)] = []
        for claim in verified(document, rule: "network-width-lower") {
            if let n = AuditValues.rational(claim.statement["first-layer-units-at-least"]),
                let mode = AuditValues.string(claim.inputs["mode"])
            {
                let subject =
                    AuditValues.string(claim.inputs["class"]).map { "class \($0)" }
                    ?? {
                        guard case .array(let fs)? = claim.inputs["functions"] else { return "the functions" }
                        return fs.compactMap { AuditValues.string($0) }.joined(separator: ", ")
                    }()
                units.append(
                    ("any \(mode) network(s) realising \(subject)", n.approximateDouble, "at least \(n) first-layer units", palette[1]))
            }
        }
        for claim in verified(document, rule: "network-bits") {
            if let n = AuditValues.rational(claim.statement["first-layer-units"]) {
                let network = AuditValues.string(claim.inputs["network"]) ?? ""
                let realised = verified(document, rule: "network-realises").first { AuditValues.string($0.inputs["network"]) == network }
                    .flatMap { claim -> String? in
                        guard case .array(let fs)? = claim.inputs["functions"] else { return nil }
                        return fs.compactMap { AuditValues.string($0) }.joined(separator: ", ")
                    }
                units.append(
                    (
                        "network \(network)" + (realised.map { " realising \($0)" } ?? ""), n.approximateDouble, "\(n) first-layer units",
                        palette[0]
                    ))
            }
        }
        if units.count >= 2 {
            figures.append(
                AuditFigure(
                    id: "figure-width", title: "Network width",
                    caption:
                        "First-layer Heaviside units: lower bounds for any network realising the functions (Corollary N2) against the certificate's explicit networks (Lemma N1).",
                    svgs: [SVGPlot.bars(units, title: "first-layer units")]))
        }
        return figures
    }

    // MARK: - Triangle wave

    /// The step functions and network outputs of a certificate, with the network each
    /// output comes from (through a verified network-realises claim).
    static func approximants(_ document: AuditDocument) -> [(label: String, network: String?, breakpoints: [Rational], values: [Rational])]
    {
        func stepFunction(_ name: String) -> ([Rational], [Rational])? {
            guard let f = document.object(name), AuditValues.string(f["kind"]) == "step-function" else { return nil }
            let b = AuditValues.rationals(f["breakpoints"]), v = AuditValues.rationals(f["values"])
            return b.count == v.count + 1 ? (b, v) : nil
        }
        var result: [(String, String?, [Rational], [Rational])] = []
        var drawn = Set<String>()
        for (name, fields) in document.objects where AuditValues.string(fields["kind"]) == "network-output" {
            guard let network = AuditValues.string(fields["network"]), let output = AuditValues.int(fields["output"]), output >= 0 else {
                continue
            }
            var realised: [String] = []
            if let net = document.object(network), AuditValues.string(net["kind"]) == "one-layer-network",
                case .array(let fs)? = net["functions"]
            {
                realised = fs.compactMap { AuditValues.string($0) }
            }
            for claim in verified(document, rule: "network-realises") where AuditValues.string(claim.inputs["network"]) == network {
                if case .array(let fs)? = claim.inputs["functions"] { realised = fs.compactMap { AuditValues.string($0) } }
            }
            guard output < realised.count, let (b, v) = stepFunction(realised[output]) else { continue }
            result.append((name, network, b, v))
            drawn.insert(realised[output])
        }
        for (name, fields) in document.objects where AuditValues.string(fields["kind"]) == "step-function" && !drawn.contains(name) {
            if let (b, v) = stepFunction(name) { result.append((name, nil, b, v)) }
        }
        return result
    }

    /// For each verified step-approx-lower claim on a triangle wave T^(n): the band of
    /// half-width d around T^(n) that every step function with at most P breakpoints (so
    /// every network with at most P first-layer units) must leave, drawn with the
    /// certificate's step functions and network outputs.
    static func triangleFigures(_ document: AuditDocument) -> [AuditFigure] {
        var figures: [AuditFigure] = []
        let candidates = approximants(document)
        for claim in verified(document, rule: "step-approx-lower") {
            guard let name = AuditValues.string(claim.inputs["function"]), let wave = document.object(name),
                AuditValues.string(wave["kind"]) == "triangle-wave",
                let n = AuditValues.int(wave["order"]), n >= 1, n <= 12, let P = AuditValues.int(claim.inputs["max-breakpoints"]),
                let d = AuditValues.rational(claim.statement["distance-at-least"])
            else { continue }
            let knots = (0...(1 << n)).map { (Double($0) / Double(1 << n), $0 % 2 == 0 ? 0.0 : 1.0) }
            let half = d.approximateDouble
            let tn = MathExpression.sup(.i("T"), .paren(.n(n)))
            var series = [
                SVGPlot.Series(
                    label: "band |y − T| < \(math: .rational(d))", shape: .band(knots.map { ($0.0, $0.1 - half, $0.1 + half) }),
                    colour: "#f0a030"),
                SVGPlot.Series(label: "\(math: tn)", shape: .polyline(knots), colour: "#333333"),
            ]
            var notes: [Prose] = []
            for (i, a) in candidates.prefix(3).enumerated() {
                let inner = max(0, a.breakpoints.count - 2)
                let colour = palette[(i % 3) == 0 ? 0 : (i % 3) == 1 ? 2 : 3]
                series.append(
                    SVGPlot.Series(
                        label: "\(math: .name(a.label))",
                        shape: .steps(
                            (0..<a.values.count).map {
                                (
                                    a.breakpoints[$0].approximateDouble, a.breakpoints[$0 + 1].approximateDouble,
                                    a.values[$0].approximateDouble
                                )
                            }), colour: colour))
                var facts: Prose =
                    a.network.map { "the output of network \(math: .name($0))" } ?? "the step function \(math: .name(a.label))"
                facts =
                    facts + " (\(inner) breakpoints, "
                    + (inner <= P ? "at most \(P), so the bound applies to it" : "more than \(P), so this bound does not constrain it")
                if let network = a.network,
                    let units = verified(document, rule: "network-bits").first(where: {
                        AuditValues.string($0.inputs["network"]) == network
                    }).flatMap({ AuditValues.string($0.statement["first-layer-units"]) })
                {
                    facts = facts + ", \(units) first-layer units"
                }
                facts = facts + ")"
                if let distance = verified(document, rule: "sup-distance").first(where: {
                    AuditValues.string($0.inputs["g"]) == a.label && AuditValues.string($0.inputs["f"]) == name
                }),
                    let relation = AuditValues.string(distance.statement["relation"]),
                    let bound = AuditValues.string(distance.statement["bound"])
                {
                    facts =
                        facts
                        + " is at distance \(math: .row(.supDistance(tn, .i("s")), .o(relation == "<=" ? "≤" : relation == ">=" ? "≥" : relation), .value(bound))) (claim \(math: .name(distance.id)))"
                }
                notes.append(facts)
            }
            var caption: Prose =
                "Claim \(math: .name(claim.id)) (Lemma T): every step function \(math: .i("s")) with at most \(math: .row(.i("P"), .o("="), .n(P))) breakpoints, hence every Heaviside network with at most \(P) first-layer units (Lemma N1), has \(math: .row(.supDistance(tn, .i("s")), .o("≥"), .rational(d))): its graph leaves the shaded band somewhere."
            if !notes.isEmpty { caption = caption + " Drawn against it: " + notes.dropFirst().reduce(notes[0]) { $0 + "; " + $1 } + "." }
            figures.append(
                AuditFigure(
                    id: "figure-triangle-\(HTMLAudit.anchor(claim.id))",
                    title: "The lower bound of claim \(math: .name(claim.id)) against the certified approximation",
                    caption: caption,
                    svgs: [
                        SVGPlot.functions(
                            series,
                            title: "\(math: tn), the band of half-width \(math: .rational(d)), and the certificate's approximations",
                            x: unitInterval, yLabel: "y", frame: SVGPlot.Frame(height: 280))
                    ]))
        }
        return figures
    }

    // MARK: - Haar covering bounds

    static func entropyFigures(_ document: AuditDocument) -> [AuditFigure] {
        let packings = verified(document, rule: "haar-packing"), covers = verified(document, rule: "haar-cover")
        guard let cls = AuditValues.string((packings.first ?? covers.first)?.inputs["class"]) else { return [] }
        func points(_ claims: [AuditDocument.Claim], _ key: String) -> [(eps: Rational, bits: Rational)] {
            claims.compactMap { claim in
                guard AuditValues.string(claim.inputs["class"]) == cls, let eps = AuditValues.rational(claim.inputs["eps"]), eps.signum > 0,
                    let bits = AuditValues.rational(claim.statement[key]), bits.signum > 0
                else { return nil }
                return (eps, bits)
            }.sorted { $0.eps > $1.eps }
        }
        let lower = points(packings, "bits-at-least"), upper = points(covers, "bits-at-most")
        guard lower.count >= 2 || upper.count >= 2 else { return [] }
        let all = lower + upper
        let x = PlotAxis.logarithmic(
            through: all.map(\.eps), reversed: true, label: "accuracy \(math: .epsilon) (log scale, finer to the right)")
        let bits = all.map { $0.bits.approximateDouble }
        let y = PlotAxis.logarithmic(covering: bits.min() ?? 1, bits.max() ?? 2, label: "bits (log scale)")
        let series = [
            SVGPlot.Series(
                label: "lower bound (packing, H1)", shape: .polyline(lower.map { ($0.eps.approximateDouble, $0.bits.approximateDouble) }),
                colour: palette[0], markers: true),
            SVGPlot.Series(
                label: "upper bound (truncation, H2)",
                shape: .polyline(upper.map { ($0.eps.approximateDouble, $0.bits.approximateDouble) }), colour: palette[1], markers: true),
        ]
        let quantity = MathExpression.log2Covering(.epsilon, .sub(.i("H"), .i("J")))
        return [
            AuditFigure(
                id: "figure-haar-bounds", title: "Covering numbers of the Haar class \(math: .name(cls))",
                caption:
                    "The verified bounds on \(math: quantity) in bits against the accuracy \(math: .epsilon), both axes logarithmic and ticked at exact values: each halving of \(math: .epsilon) doubles the bounds (\(math: .row(.sup(.n(2), .i("L")), .o("−"), .n(1))) bits at level \(math: .i("L"))), so the description length grows like a power of \(math: .frac(.n(1), .epsilon)) (Lemmas H1, H2).",
                svgs: [SVGPlot.functions(series, title: "bounds on \(math: quantity)", x: x, y: y, frame: SVGPlot.Frame(height: 300))])
        ]
    }

    // MARK: - Rates across scales

    /// For a certificate with verified claims at two or more depths J (generate rates):
    /// bits against J on a log scale (separate and joint description lengths at their eps,
    /// the sign-coded family's code bits, the separate networks' first-layer units), and
    /// for each Haar class, log2 N(eps, H) against log2(1/eps) with the verified bracket
    /// as a band between the packing (H1) and truncation (H2) bounds.
    static func ratesFigures(_ document: AuditDocument) -> [AuditFigure] {
        /// The depth J of a class or network object (its `levels`, or its sign tree's).
        func depth(_ name: String?) -> Int? {
            guard let name, let fields = document.object(name) else { return nil }
            if let J = AuditValues.int(fields["levels"]) { return J }
            return depth(AuditValues.string(fields["signs"]))
        }
        func series(_ claims: [AuditDocument.Claim], input: String, value: (AuditDocument.Claim) -> Rational?) -> [(Double, Double)] {
            var points: [Int: Double] = [:]
            for claim in claims {
                guard let J = depth(AuditValues.string(claim.inputs[input])), J >= 0, J <= 62, let v = value(claim), v.signum > 0 else {
                    continue
                }
                points[J] = v.approximateDouble
            }
            return points.sorted { $0.key < $1.key }.map { (Double($0.key), $0.value) }
        }
        let binary = verified(document, rule: "binary-class")
        let separate = series(binary.filter { AuditValues.string($0.inputs["coding"]) == "separate" }, input: "class") {
            AuditValues.rational($0.statement["bits"])
        }
        let joint = series(binary.filter { AuditValues.string($0.inputs["coding"]) == "joint" }, input: "class") {
            AuditValues.rational($0.statement["bits"])
        }
        let family = series(verified(document, rule: "network-realises-for-all-signs"), input: "class") {
            AuditValues.rational($0.statement["bits"])
        }
        let width = series(
            verified(document, rule: "network-width-lower").filter { AuditValues.string($0.inputs["mode"]) == "separate" }, input: "class"
        ) {
            AuditValues.rational($0.statement["first-layer-units-at-least"])
        }
        var figures: [AuditFigure] = []
        if separate.count >= 2 || joint.count >= 2 {
            let all = separate + joint + family + width
            let js = all.map(\.0), values = all.map(\.1)
            let first = Int(js.min() ?? 0), last = max(Int(js.max() ?? 1), first + 1)
            let x = PlotAxis.linear(
                from: Rational(first), to: Rational(last), ticks: (first...last).map { Rational($0) }, label: "depth \(math: .i("J"))")
            let y = PlotAxis.logarithmic(covering: values.min() ?? 1, values.max() ?? 2, label: "bits, units (log scale)")
            var lines: [SVGPlot.Series] = []
            if !separate.isEmpty {
                lines.append(SVGPlot.Series(label: "separate bits", shape: .polyline(separate), colour: palette[1], markers: true))
            }
            if !joint.isEmpty {
                lines.append(SVGPlot.Series(label: "joint bits", shape: .polyline(joint), colour: palette[0], markers: true))
            }
            if !family.isEmpty {
                lines.append(SVGPlot.Series(label: "family code bits", shape: .polyline(family), colour: palette[2], markers: true))
            }
            if !width.isEmpty {
                lines.append(
                    SVGPlot.Series(
                        label: "separate first-layer units (at least)", shape: .polyline(width), colour: palette[3], markers: true))
            }
            figures.append(
                AuditFigure(
                    id: "figure-rates-bits", title: "Bits against the depth \(math: .i("J"))",
                    caption:
                        "From the verified claims of each depth: separate and joint description lengths (binary-class, Lemmas S, J, B), the sign-coded family's code bits \(math: .row(.sup(.n(2), .i("J")), .o("−"), .n(1))) (Lemma NF), and the first-layer units separate networks need at every accuracy in (0, 1) (Lemma N2e). The y axis is logarithmic, so a quantity that doubles with \(math: .i("J")) is a straight line of slope one octave per step. The separate first-layer units equal the separate bits (both \(math: .row(.sub(.i("D"), .i("J")), .sup(.n(2), .row(.i("J"), .o("−"), .n(1)))))), so those two lines coincide.",
                    svgs: [
                        SVGPlot.functions(
                            lines, title: "bits and units against \(math: .i("J")) (log scale)", x: x, y: y,
                            frame: SVGPlot.Frame(height: 320))
                    ]))
        }
        // Haar brackets, one band per class.
        let packings = verified(document, rule: "haar-packing"), covers = verified(document, rule: "haar-cover")
        let classes = Array((packings + covers).compactMap { AuditValues.string($0.inputs["class"]) }.uniqued())
        guard !figures.isEmpty else { return figures }
        var bands: [SVGPlot.Series] = [], allX: [Double] = [], allY: [Double] = []
        var ratioTexts: [String] = []
        for (i, cls) in classes.enumerated() {
            /// log2(1/eps) for eps a power of two 2^-k (other eps are left out: the axis is in k).
            func points(_ claims: [AuditDocument.Claim], _ key: String) -> [Int: Double] {
                var result: [Int: Double] = [:]
                for claim in claims where AuditValues.string(claim.inputs["class"]) == cls {
                    guard let eps = AuditValues.rational(claim.inputs["eps"]), eps.signum > 0, eps.numerator == 1,
                        eps.denominator.isPowerOfTwo,
                        let bits = AuditValues.rational(claim.statement[key]), bits.signum > 0
                    else { continue }
                    result[eps.denominator.bitLength - 1] = bits.approximateDouble
                }
                return result
            }
            let lower = points(packings, "bits-at-least"), upper = points(covers, "bits-at-most")
            let ks = upper.keys.filter { lower[$0] != nil }.sorted()
            guard !ks.isEmpty else { continue }
            let colour = palette[i % palette.count]
            var label = cls
            if let fields = document.object(cls) {
                if AuditValues.string(fields["amplitudes"]) == "balanced" {
                    label = "ρ = 1/2"
                } else {
                    let a = AuditValues.rationals(fields["amplitudes"])
                    if a.count >= 2, a[0].signum > 0 { label = "ρ = \(a[1] / a[0])" }
                }
            }
            ratioTexts.append(label)
            bands.append(SVGPlot.Series(label: "\(label)", shape: .band(ks.map { (Double($0), lower[$0]!, upper[$0]!) }), colour: colour))
            allX += ks.map(Double.init)
            allY += ks.flatMap { [lower[$0]!, upper[$0]!] }
        }
        guard let kMin = allX.min(), let kMax = allX.max(), kMax > kMin else { return figures }
        let x = PlotAxis.linear(
            from: Rational(Int(kMin)), to: Rational(Int(kMax)), ticks: (Int(kMin)...Int(kMax)).map { Rational($0) },
            label: "\(math: .row(.o("log"), .sub(.o(""), .n(2)), .paren(.n(1), .o("/"), .epsilon))) = k, eps = 2^-k")
        let y = PlotAxis.logarithmic(covering: allY.min() ?? 1, allY.max() ?? 2, label: "bits (log scale)")
        let quantity = MathExpression.log2Covering(.epsilon, .sub(.i("H"), .i("J")))
        figures.append(
            AuditFigure(
                id: "figure-rates-haar",
                title:
                    "Covering numbers of the Haar classes against \(math: .row(.o("log"), .sub(.o(""), .n(2)), .paren(.n(1), .o("/"), .epsilon)))",
                caption:
                    "For each amplitude ratio (\(ratioTexts.joined(separator: ", "))) the shaded band is the verified bracket on \(math: quantity) at \(math: .row(.epsilon, .o("="), .sup(.n(2), .row(.o("−"), .i("k"))))): packing (Lemma H1) below, truncation (Lemma H2) above, drawn where both are verified. Both bounds are \(math: .row(.sup(.n(2), .i("L")), .o("−"), .n(1))); with the y axis logarithmic, the slope of the band is the exponent \(math: .row(.n(1), .o("/"), .i("α"))) of \(math: .sup(.epsilon, .row(.o("−"), .n(1), .o("/"), .i("α")))), where \(math: .row(.i("ρ"), .o("="), .sup(.n(2), .row(.o("−"), .i("α"))))): one octave per step for ρ = 1/2, \(math: .row(.n(1), .o("/"), .sub(.o("log"), .n(2)), .n(3))) ≈ 0.63 for ρ = 1/3, \(math: .row(.n(1), .o("/"), .sub(.o("log"), .n(2)), .paren(.n(3), .o("/"), .n(2)))) ≈ 1.71 for ρ = 2/3. Where the two bounds meet, the band has zero width and the value is exact; a lower bound of 0 bits (no packing bound) is not drawn on the log axis.",
                svgs: [SVGPlot.functions(bands, title: "bracket on \(math: quantity)", x: x, y: y, frame: SVGPlot.Frame(height: 320))]))
        return figures
    }

    // MARK: - Other step functions

    /// The explicit step functions, unless the triangle figures drew them already.
    static func stepFunctionFigures(_ document: AuditDocument, drawn: Bool) -> [AuditFigure] {
        guard !drawn else { return [] }
        var series: [SVGPlot.Series] = []
        for (name, f) in document.objects where AuditValues.string(f["kind"]) == "step-function" && series.count < 4 {
            let b = AuditValues.rationals(f["breakpoints"]).map(\.approximateDouble),
                v = AuditValues.rationals(f["values"]).map(\.approximateDouble)
            guard b.count == v.count + 1 else { continue }
            series.append(
                SVGPlot.Series(
                    label: "\(math: .name(name))", shape: .steps((0..<v.count).map { (b[$0], b[$0 + 1], v[$0]) }),
                    colour: palette[series.count % 4]))
        }
        guard !series.isEmpty else { return [] }
        return [
            AuditFigure(
                id: "figure-step-functions", title: "Step functions", caption: "The certificate's explicit step functions.",
                svgs: [SVGPlot.functions(series, title: "step functions on [0, 1)", x: unitInterval, yLabel: "value")])
        ]
    }
}
