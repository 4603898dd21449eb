import ExactArithmetic
import Foundation

/// Small, dependency-free SVG charts for audit reports: functions on an interval (steps,
/// piecewise-linear graphs, shaded bands), x-y charts, bar charts and matrix heatmaps.
/// Every axis is labelled and ticked exactly (`PlotAxis`). Output is deterministic
/// (coordinates printed with two decimals) and self-contained (no scripts, no fonts).
enum SVGPlot {
    /// The size of a chart and its margins, in SVG user units.
    struct Frame {
        var width = 720.0, height = 220.0
        var left = 66.0, right = 16.0, top = 30.0, bottom = 46.0
        var plotWidth: Double { width - left - right }
        var plotHeight: Double { height - top - bottom }
        func x(_ position: Double) -> Double { left + position * plotWidth }
        func y(_ position: Double) -> Double { top + (1 - position) * plotHeight }

        /// A panel of a small-multiples grid.
        static let small = Frame(width: 240, height: 128, left: 34, right: 10, top: 22, bottom: 36)
    }

    /// One graph: piecewise-constant data (start, end, value) drawn as steps, (x, y)
    /// points joined by straight lines, or a band between two piecewise-linear curves
    /// (x, lower, upper).
    struct Series {
        enum Shape {
            case steps([(Double, Double, Double)])
            case polyline([(Double, Double)])
            case band([(Double, Double, Double)])
        }
        let label: Prose
        let shape: Shape
        let colour: String
        var markers = false
    }

    /// A plot of functions against labelled axes; without a y axis, a dyadic one that
    /// covers the data.
    static func functions(_ series: [Series], title: Prose, x: PlotAxis, y: PlotAxis? = nil, yLabel: Prose = "", frame: Frame = Frame())
        -> String
    {
        var frame = frame
        if series.count > 1 {
            frame.top += 16
            frame.height += 16
        } // a row for the legend under the title
        let yAxis =
            y
            ?? {
                var low = Double.infinity, high = -Double.infinity
                for s in series {
                    switch s.shape {
                    case .steps(let pieces):
                        for p in pieces {
                            low = min(low, p.2)
                            high = max(high, p.2)
                        }
                    case .polyline(let points):
                        for p in points {
                            low = min(low, p.1)
                            high = max(high, p.1)
                        }
                    case .band(let points):
                        for p in points {
                            low = min(low, p.1)
                            high = max(high, p.2)
                        }
                    }
                }
                return PlotAxis.dyadic(covering: low, high, label: yLabel, maximumIntervals: frame.height < 150 ? 2 : 4)
            }()
        var svg = header(frame: frame, title: title)
        svg += axes(frame: frame, x: x, y: yAxis)
        func px(_ v: Double) -> String { f(frame.x(x.position(v))) }
        func py(_ v: Double) -> String { f(frame.y(yAxis.position(v))) }
        for s in series {
            var path = ""
            var fill = "none", stroke = s.colour, opacity = ""
            switch s.shape {
            case .steps(let pieces):
                for (i, p) in pieces.enumerated() { path += (i == 0 ? "M\(px(p.0)) \(py(p.2))" : "V\(py(p.2))") + "H\(px(p.1))" }
            case .polyline(let points):
                for (i, p) in points.enumerated() { path += (i == 0 ? "M" : "L") + "\(px(p.0)) \(py(p.1))" }
            case .band(let points):
                for (i, p) in points.enumerated() { path += (i == 0 ? "M" : "L") + "\(px(p.0)) \(py(p.2))" }
                for p in points.reversed() { path += "L\(px(p.0)) \(py(p.1))" }
                path += "Z"
                fill = s.colour
                stroke = "none"
                opacity = " fill-opacity=\"0.22\""
            }
            svg +=
                "<path d=\"\(path)\" fill=\"\(fill)\"\(opacity) stroke=\"\(stroke)\" stroke-width=\"1.4\"><title>\(MarkupEscaping.xml(s.label.plain))</title></path>\n"
            if s.markers, case .polyline(let points) = s.shape {
                for p in points { svg += "<circle cx=\"\(px(p.0))\" cy=\"\(py(p.1))\" r=\"2.6\" fill=\"\(s.colour)\"/>\n" }
            }
        }
        svg += legend(series.map { ($0.label, $0.colour) }, frame: frame)
        return svg + "</svg>\n"
    }

    /// Horizontal bars, each with its exact value written beside it (no axis: the
    /// lengths are proportional, the numbers are the data).
    static func bars(_ items: [(label: String, value: Double, text: String, colour: String)], title: Prose) -> String {
        let rowHeight = 30.0, labelWidth = 250.0
        let frame = Frame(width: 720, height: 30 + Double(items.count) * rowHeight + 12)
        let maximum = max(items.map(\.value).max() ?? 1, 1e-12)
        var svg = header(frame: frame, title: title)
        for (i, item) in items.enumerated() {
            let y0 = 30 + Double(i) * rowHeight
            let w = max(1, (frame.width - labelWidth - 150) * item.value / maximum)
            svg +=
                "<text x=\"\(f(labelWidth - 8))\" y=\"\(f(y0 + 19))\" text-anchor=\"end\" class=\"label\">\(MarkupEscaping.xml(item.label))</text>\n"
            svg += "<rect x=\"\(f(labelWidth))\" y=\"\(f(y0 + 5))\" width=\"\(f(w))\" height=\"20\" fill=\"\(item.colour)\"/>\n"
            svg += "<text x=\"\(f(labelWidth + w + 6))\" y=\"\(f(y0 + 19))\" class=\"label\">\(MarkupEscaping.xml(item.text))</text>\n"
        }
        return svg + "</svg>\n"
    }

    /// A matrix as a heatmap: blue for positive, red for negative, white for zero,
    /// intensity |v| / max |v|; exact values written in the cells of small matrices and
    /// the colour scale ticked with exact values.
    static func heatmap(_ matrix: [[Rational]], rowLabels: [String], title: Prose) -> String {
        let n = matrix.count
        let cell = n <= 8 ? 56.0 : n <= 16 ? 30.0 : max(6, 480 / Double(max(n, 1)))
        let labelWidth = n <= 32 ? 86.0 : 40.0
        let side = cell * Double(n)
        let frame = Frame(width: max(360, labelWidth + side + 90), height: 30 + side + 16)
        var maximum = Rational(0)
        for row in matrix { for v in row where v.magnitude > maximum { maximum = v.magnitude } }
        let scale = maximum.isZero ? Rational(1) : maximum
        // Entries spread over more than 3 octaves (a Haar Gram matrix: 1, 1/2, ..., 2^-J)
        // are coloured on a log scale, so that the small ones stay visible.
        var minimum = scale
        for row in matrix { for v in row where !v.isZero && v.magnitude < minimum { minimum = v.magnitude } }
        let octaves = binaryLogarithm(scale) - binaryLogarithm(minimum)
        let logarithmic = octaves > 3
        func intensity(_ v: Rational) -> Double {
            if v.isZero { return 0 }
            if !logarithmic { return (v.magnitude / scale).approximateDouble }
            return 0.2 + 0.8 * (1 - (binaryLogarithm(scale) - binaryLogarithm(v.magnitude)) / octaves)
        }
        // Drawn at its own size (cells stay square and small matrices stay small).
        var svg = header(frame: frame, title: title).replacingOccurrences(
            of: " role=\"img\"", with: " style=\"max-width: \(f(frame.width))px\" role=\"img\"")
        let x0 = labelWidth, y0 = 30.0
        for (i, row) in matrix.enumerated() {
            for (j, v) in row.enumerated() {
                // Above 32 x 32, zero cells are the white background and carry no tooltip
                // (keeps the file small: a 64 x 64 identity is 64 rectangles, not 4,096).
                if n > 32 && v.isZero { continue }
                let t = intensity(v)
                let colour = v.signum >= 0 ? blend(t, toward: (31, 95, 168)) : blend(t, toward: (179, 38, 30))
                svg +=
                    "<rect x=\"\(f(x0 + Double(j) * cell))\" y=\"\(f(y0 + Double(i) * cell))\" width=\"\(f(cell))\" height=\"\(f(cell))\" fill=\"\(colour)\"><title>G[\(i + 1),\(j + 1)] = \(v)</title></rect>\n"
                if n <= 12 {
                    let ink = t > 0.55 ? "#ffffff" : "#222222"
                    svg +=
                        "<text x=\"\(f(x0 + (Double(j) + 0.5) * cell))\" y=\"\(f(y0 + (Double(i) + 0.5) * cell + 4))\" text-anchor=\"middle\" class=\"cell\" fill=\"\(ink)\">\(MarkupEscaping.xml(v.description))</text>\n"
                }
            }
        }
        svg +=
            "<rect x=\"\(f(x0))\" y=\"\(f(y0))\" width=\"\(f(side))\" height=\"\(f(side))\" fill=\"none\" stroke=\"#888\" stroke-width=\"1\"/>\n"
        if n <= 32 {
            for (i, label) in rowLabels.prefix(n).enumerated() {
                svg +=
                    "<text x=\"\(f(x0 - 6))\" y=\"\(f(y0 + (Double(i) + 0.5) * cell + 4))\" text-anchor=\"end\" class=\"label\">\(MarkupEscaping.xml(label))</text>\n"
            }
        } else {
            svg += "<text x=\"\(f(x0 - 6))\" y=\"\(f(y0 + 10))\" text-anchor=\"end\" class=\"tick\">1</text>\n"
            svg += "<text x=\"\(f(x0 - 6))\" y=\"\(f(y0 + side))\" text-anchor=\"end\" class=\"tick\">\(n)</text>\n"
        }
        // The colour scale, labelled with exact values: -max, 0, max (linear), or the
        // powers max 2^-k down to the smallest entry, then 0 (logarithmic).
        let scaleX = x0 + side + 24
        var swatches: [(Rational, String)] = []
        if logarithmic {
            let k = Int(min(octaves, 100_000).rounded(.up)), stride = max(1, (k + 5) / 6)
            for e in Swift.stride(from: 0, through: k, by: stride) {
                let value = scale.timesPowerOfTwo(-e) < minimum ? minimum : scale.timesPowerOfTwo(-e)
                swatches.append((value, blend(intensity(value), toward: (31, 95, 168))))
            }
            if swatches.last?.0 != minimum { swatches.append((minimum, blend(intensity(minimum), toward: (31, 95, 168)))) }
            swatches.append((Rational(0), "#ffffff"))
        } else {
            for k in 0...4 {
                let value = scale * Rational(2 - k) / Rational(2)
                let t = (value.magnitude / scale).approximateDouble
                swatches.append((value, value.signum >= 0 ? blend(t, toward: (31, 95, 168)) : blend(t, toward: (179, 38, 30))))
            }
        }
        for (k, swatch) in swatches.enumerated() {
            let y = y0 + Double(k) * 18
            svg +=
                "<rect x=\"\(f(scaleX))\" y=\"\(f(y))\" width=\"14\" height=\"14\" fill=\"\(swatch.1)\" stroke=\"#bbb\" stroke-width=\"0.5\"/>\n"
            svg += "<text x=\"\(f(scaleX + 20))\" y=\"\(f(y + 11))\" class=\"tick\">\(MarkupEscaping.xml(swatch.0.description))</text>\n"
        }
        if logarithmic {
            svg += "<text x=\"\(f(scaleX))\" y=\"\(f(y0 + Double(swatches.count) * 18 + 12))\" class=\"tick-note\">log scale</text>\n"
        }
        return svg + "</svg>\n"
    }

    /// log2 |x| for x != 0, finite even where x is beyond a double (from bit lengths).
    static func binaryLogarithm(_ x: Rational) -> Double {
        let shift = x.denominator.bitLength - x.numerator.magnitude.bitLength
        return log2(x.magnitude.timesPowerOfTwo(shift).approximateDouble) - Double(shift)
    }

    /// The layout of a folded raster of 2^L cells: rows of 2^ceil(L/2) cells, row r holding
    /// the cells of x in [r 2^-floor(L/2), (r + 1) 2^-floor(L/2)).
    static func rasterShape(level L: Int) -> (rows: Int, columns: Int) { (1 << (L / 2), 1 << ((L + 1) / 2)) }

    /// A ±1 function of level L drawn whole as a folded raster (one pixel per cell, +1
    /// blue, -1 white), with exact ticks: row starts 0, 1/2, 1 on the left, offsets within
    /// a row 0 ... 2^-floor(L/2) below.
    static func signRaster(_ value: (Int) -> Int, level L: Int, title: Prose) -> String {
        let (rows, columns) = rasterShape(level: L)
        let frame = Frame(width: 240, height: 236, left: 42, right: 12, top: 22, bottom: 34)
        let imageWidth = frame.plotWidth, imageHeight = min(frame.plotHeight, imageWidth * Double(rows) / Double(columns))
        let pixels = (0..<rows).map { r in (0..<columns).map { value(r * columns + $0) > 0 } }
        let png = RasterImage.png(pixels, on: (31, 95, 168), off: (255, 255, 255))
        var svg = header(frame: frame, title: title)
        let x0 = frame.left, y0 = frame.top
        svg +=
            "<image x=\"\(f(x0))\" y=\"\(f(y0))\" width=\"\(f(imageWidth))\" height=\"\(f(imageHeight))\" preserveAspectRatio=\"none\" style=\"image-rendering: pixelated\" href=\"\(RasterImage.dataURI(png))\"/>\n"
        svg +=
            "<rect x=\"\(f(x0))\" y=\"\(f(y0))\" width=\"\(f(imageWidth))\" height=\"\(f(imageHeight))\" fill=\"none\" stroke=\"#888\" stroke-width=\"1\"/>\n"
        let rowWidth = Rational(1).timesPowerOfTwo(-(L / 2))
        for (k, label) in ["0", "1/2", "1"].enumerated() {
            let ty = y0 + Double(k) / 2 * imageHeight
            svg += "<path d=\"M\(f(x0 - 4)) \(f(ty))H\(f(x0))\" stroke=\"#888\" stroke-width=\"1\"/>\n"
            svg += "<text x=\"\(f(x0 - 6))\" y=\"\(f(ty + 3.5))\" text-anchor=\"end\" class=\"tick\">\(label)</text>\n"
        }
        for k in 0...2 {
            let tx = x0 + Double(k) / 2 * imageWidth
            let label = (rowWidth * Rational(k) / Rational(2)).description
            svg += "<path d=\"M\(f(tx)) \(f(y0 + imageHeight))V\(f(y0 + imageHeight + 4))\" stroke=\"#888\" stroke-width=\"1\"/>\n"
            svg += "<text x=\"\(f(tx))\" y=\"\(f(y0 + imageHeight + 15))\" text-anchor=\"middle\" class=\"tick\">\(label)</text>\n"
        }
        svg +=
            "<text x=\"\(f(x0 + imageWidth / 2))\" y=\"\(f(y0 + imageHeight + 28))\" text-anchor=\"middle\" class=\"label\">offset in row</text>\n"
        let cy = y0 + imageHeight / 2
        svg +=
            "<text x=\"10\" y=\"\(f(cy))\" text-anchor=\"middle\" class=\"label\" transform=\"rotate(-90 10 \(f(cy)))\">row start</text>\n"
        return svg + "</svg>\n"
    }

    /// White blended toward an RGB colour by t in [0, 1], as #rrggbb.
    static func blend(_ t: Double, toward rgb: (Int, Int, Int)) -> String {
        let t = min(1, max(0, t))
        func channel(_ c: Int) -> String {
            let v = Int((255 - (255 - Double(c)) * t).rounded())
            let digits = "0123456789abcdef"
            return String(digits[digits.index(digits.startIndex, offsetBy: v / 16)])
                + String(digits[digits.index(digits.startIndex, offsetBy: v % 16)])
        }
        return "#" + channel(rgb.0) + channel(rgb.1) + channel(rgb.2)
    }

    // MARK: - Pieces

    static func header(frame: Frame, title: Prose) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(f(frame.width)) \(f(frame.height))\" width=\"\(f(frame.width))\" height=\"\(f(frame.height))\" role=\"img\" aria-label=\"\(MarkupEscaping.xml(title.plain))\">\n"
            + "<title>\(MarkupEscaping.xml(title.plain))</title>\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
            + "<text x=\"\(f(frame.left))\" y=\"17\" class=\"title\">\(title.svg)</text>\n"
    }

    /// The frame, grid lines at the y ticks, tick marks and exact tick labels on both
    /// axes, and both axis labels.
    static func axes(frame: Frame, x: PlotAxis, y: PlotAxis) -> String {
        let bottomY = frame.top + frame.plotHeight
        var svg =
            "<path d=\"M\(f(frame.left)) \(f(frame.top))V\(f(bottomY))H\(f(frame.left + frame.plotWidth))\" fill=\"none\" stroke=\"#888\" stroke-width=\"1\"/>\n"
        for tick in y.ticks {
            let ty = frame.y(tick.position)
            svg += "<path d=\"M\(f(frame.left)) \(f(ty))H\(f(frame.left + frame.plotWidth))\" stroke=\"#e4e4e4\" stroke-width=\"1\"/>\n"
            svg += "<path d=\"M\(f(frame.left - 4)) \(f(ty))H\(f(frame.left))\" stroke=\"#888\" stroke-width=\"1\"/>\n"
            svg +=
                "<text x=\"\(f(frame.left - 6))\" y=\"\(f(ty + 3.5))\" text-anchor=\"end\" class=\"tick\">\(MarkupEscaping.xml(tick.label))</text>\n"
        }
        for tick in x.ticks {
            let tx = frame.x(tick.position)
            svg += "<path d=\"M\(f(tx)) \(f(bottomY))V\(f(bottomY + 4))\" stroke=\"#888\" stroke-width=\"1\"/>\n"
            svg +=
                "<text x=\"\(f(tx))\" y=\"\(f(bottomY + 15))\" text-anchor=\"middle\" class=\"tick\">\(MarkupEscaping.xml(tick.label))</text>\n"
        }
        if !x.label.pieces.isEmpty {
            svg +=
                "<text x=\"\(f(frame.left + frame.plotWidth / 2))\" y=\"\(f(frame.height - 6))\" text-anchor=\"middle\" class=\"label\">\(x.label.svg)</text>\n"
        }
        if !y.label.pieces.isEmpty {
            let cy = frame.top + frame.plotHeight / 2, cx = frame.left < 40 ? 9.0 : 14.0
            svg +=
                "<text x=\"\(f(cx))\" y=\"\(f(cy))\" text-anchor=\"middle\" class=\"label\" transform=\"rotate(-90 \(f(cx)) \(f(cy)))\">\(y.label.svg)</text>\n"
        }
        return svg
    }

    /// One row of legend entries under the title, from the left edge of the plot.
    static func legend(_ entries: [(Prose, String)], frame: Frame) -> String {
        guard entries.count > 1 else { return "" }
        var svg = "", x = frame.left
        for (label, colour) in entries {
            svg +=
                "<rect x=\"\(f(x))\" y=\"28\" width=\"12\" height=\"6\" fill=\"\(colour)\"/><text x=\"\(f(x + 16))\" y=\"35\" class=\"legend\">\(label.svg)</text>\n"
            x += Double(label.plain.count) * 6.2 + 34
        }
        return svg
    }

    /// Two decimals, no exponent (deterministic coordinates).
    static func f(_ v: Double) -> String {
        let scaled = (v * 100).rounded()
        guard scaled.isFinite, abs(scaled) < 1e15 else { return "0" }
        let n = Int(scaled)
        let sign = n < 0 ? "-" : ""
        let m = abs(n)
        let fraction = m % 100
        return sign + "\(m / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
    }

    /// Equal-width cells as pieces; more than `limit` cells are merged into columns that
    /// keep each column's exact minimum and maximum (an envelope), so no spike is lost.
    static func cellPieces(_ cells: [Double], limit: Int = 1024) -> [[(Double, Double, Double)]] {
        let n = cells.count
        guard n > limit else {
            return [(0..<n).map { (Double($0) / Double(n), Double($0 + 1) / Double(n), cells[$0]) }]
        }
        let per = (n + limit - 1) / limit
        var lows: [(Double, Double, Double)] = [], highs: [(Double, Double, Double)] = []
        var start = 0
        while start < n {
            let end = min(n, start + per)
            let slice = cells[start..<end]
            lows.append((Double(start) / Double(n), Double(end) / Double(n), slice.min() ?? 0))
            highs.append((Double(start) / Double(n), Double(end) / Double(n), slice.max() ?? 0))
            start = end
        }
        return [highs, lows]
    }
}
