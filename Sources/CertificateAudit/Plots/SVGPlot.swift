/// Small, dependency-free SVG charts for audit reports: step functions on [0, 1),
/// piecewise-linear overlays, bar charts and x-y charts. Output is deterministic
/// (coordinates printed with two decimals) and self-contained (no scripts, no fonts).
enum SVGPlot {
    static let width = 720.0
    static let left = 56.0, right = 16.0, top = 28.0, bottom = 30.0

    /// One graph on [0, 1): piecewise-constant data (start, end, value) drawn as steps,
    /// or (x, y) points joined by straight lines.
    struct Series {
        enum Shape {
            case steps([(Double, Double, Double)])
            case polyline([(Double, Double)])
        }
        let label: String
        let shape: Shape
        let colour: String
    }

    /// A plot of functions on [0, 1).
    static func functions(_ series: [Series], title: String, height: Double = 180, xMaximum: Double = 1) -> String {
        var low = Double.infinity, high = -Double.infinity
        for s in series {
            switch s.shape {
            case .steps(let pieces): for p in pieces { low = min(low, p.2); high = max(high, p.2) }
            case .polyline(let points): for p in points { low = min(low, p.1); high = max(high, p.1) }
            }
        }
        if !low.isFinite { low = 0; high = 1 }
        if high - low < 1e-12 { low -= 1; high += 1 }
        let pad = (high - low) * 0.08
        low -= pad; high += pad
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        func x(_ t: Double) -> Double { left + t * plotWidth }
        func y(_ v: Double) -> Double { top + (high - v) / (high - low) * plotHeight }
        var svg = header(height: height, title: title)
        let dataLow = low + pad, dataHigh = high - pad
        var yLabels = [dataLow, dataHigh]
        if 0 > dataLow + (dataHigh - dataLow) * 0.15 && 0 < dataHigh - (dataHigh - dataLow) * 0.15 { yLabels.append(0) }
        svg += axes(height: height, yLabels: yLabels, y: y, xLabels: [0, 0.25, 0.5, 0.75, 1], x: x, xScale: xMaximum)
        for s in series {
            var path = ""
            switch s.shape {
            case .steps(let pieces):
                for (i, p) in pieces.enumerated() {
                    path += (i == 0 ? "M\(f(x(p.0))) \(f(y(p.2)))" : "V\(f(y(p.2)))") + "H\(f(x(p.1)))"
                }
            case .polyline(let points):
                for (i, p) in points.enumerated() { path += (i == 0 ? "M" : "L") + "\(f(x(p.0))) \(f(y(p.1)))" }
            }
            svg += "<path d=\"\(path)\" fill=\"none\" stroke=\"\(s.colour)\" stroke-width=\"1.4\"><title>\(escape(s.label))</title></path>\n"
        }
        svg += legend(series.map { ($0.label, $0.colour) })
        return svg + "</svg>\n"
    }

    /// Horizontal bars with their exact labels.
    static func bars(_ items: [(label: String, value: Double, text: String, colour: String)], title: String) -> String {
        let rowHeight = 30.0
        let height = top + Double(items.count) * rowHeight + 12
        let labelWidth = 230.0
        let maximum = max(items.map(\.value).max() ?? 1, 1e-12)
        var svg = header(height: height, title: title)
        for (i, item) in items.enumerated() {
            let y0 = top + Double(i) * rowHeight
            let w = max(1, (width - labelWidth - 140) * item.value / maximum)
            svg += "<text x=\"\(f(labelWidth - 8))\" y=\"\(f(y0 + 19))\" text-anchor=\"end\" class=\"label\">\(escape(item.label))</text>\n"
            svg += "<rect x=\"\(f(labelWidth))\" y=\"\(f(y0 + 5))\" width=\"\(f(w))\" height=\"20\" fill=\"\(item.colour)\"/>\n"
            svg += "<text x=\"\(f(labelWidth + w + 6))\" y=\"\(f(y0 + 19))\" class=\"label\">\(escape(item.text))</text>\n"
        }
        return svg + "</svg>\n"
    }

    /// Points (x, y) per series joined by lines, with labelled axes.
    static func chart(_ series: [(label: String, points: [(Double, Double)], colour: String)], title: String, xLabel: String, yLabel: String, height: Double = 260) -> String {
        let all = series.flatMap(\.points)
        let xs = all.map(\.0), ys = all.map(\.1)
        let x0 = xs.min() ?? 0, x1 = max(xs.max() ?? 1, x0 + 1e-9), y0 = min(ys.min() ?? 0, 0), y1 = max(ys.max() ?? 1, y0 + 1e-9)
        let plotWidth = width - left - right, plotHeight = height - top - bottom - 14
        func x(_ v: Double) -> Double { left + (v - x0) / (x1 - x0) * plotWidth }
        func y(_ v: Double) -> Double { top + (y1 - v) / (y1 - y0) * plotHeight }
        var svg = header(height: height, title: title)
        svg += axes(height: height - 14, yLabels: [y0, (y0 + y1) / 2, y1], y: y, xLabels: [x0, (x0 + x1) / 2, x1], x: x)
        svg += "<text x=\"\(f(left + plotWidth / 2))\" y=\"\(f(height - 6))\" text-anchor=\"middle\" class=\"label\">\(escape(xLabel))</text>\n"
        svg += "<text x=\"12\" y=\"\(f(top + plotHeight / 2))\" text-anchor=\"middle\" class=\"label\" transform=\"rotate(-90 12 \(f(top + plotHeight / 2)))\">\(escape(yLabel))</text>\n"
        for s in series {
            var path = ""
            for (i, p) in s.points.enumerated() { path += (i == 0 ? "M" : "L") + "\(f(x(p.0))) \(f(y(p.1)))" }
            svg += "<path d=\"\(path)\" fill=\"none\" stroke=\"\(s.colour)\" stroke-width=\"1.6\"/>\n"
            for p in s.points { svg += "<circle cx=\"\(f(x(p.0)))\" cy=\"\(f(y(p.1)))\" r=\"2.6\" fill=\"\(s.colour)\"/>\n" }
        }
        svg += legend(series.map { ($0.label, $0.colour) })
        return svg + "</svg>\n"
    }

    // MARK: - Pieces

    static func header(height: Double, title: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(f(width)) \(f(height))\" width=\"\(f(width))\" height=\"\(f(height))\" role=\"img\" aria-label=\"\(escape(title))\">\n"
            + "<title>\(escape(title))</title>\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
            + "<text x=\"\(f(left))\" y=\"17\" class=\"title\">\(escape(title))</text>\n"
    }

    static func axes(height: Double, yLabels: [Double], y: (Double) -> Double, xLabels: [Double], x: (Double) -> Double, xScale: Double = 1) -> String {
        let bottomY = height - bottom
        var svg = "<path d=\"M\(f(left)) \(f(top))V\(f(bottomY))H\(f(width - right))\" fill=\"none\" stroke=\"#888\" stroke-width=\"1\"/>\n"
        for v in yLabels {
            svg += "<path d=\"M\(f(left)) \(f(y(v)))H\(f(width - right))\" stroke=\"#e4e4e4\" stroke-width=\"1\"/>\n"
            svg += "<text x=\"\(f(left - 6))\" y=\"\(f(y(v) + 4))\" text-anchor=\"end\" class=\"tick\">\(number(v))</text>\n"
        }
        for v in xLabels {
            svg += "<text x=\"\(f(x(v)))\" y=\"\(f(bottomY + 16))\" text-anchor=\"middle\" class=\"tick\">\(xScale == 1 ? number(v) : fraction(v * xScale))</text>\n"
        }
        return svg
    }

    static func legend(_ entries: [(String, String)]) -> String {
        guard entries.count > 1 else { return "" }
        var svg = "", x = width - right - 8
        for (label, colour) in entries.reversed() {
            let w = Double(label.count) * 6.6 + 22
            x -= w
            svg += "<rect x=\"\(f(x))\" y=\"9\" width=\"12\" height=\"4\" fill=\"\(colour)\"/><text x=\"\(f(x + 16))\" y=\"15\" class=\"tick\">\(escape(label))</text>\n"
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

    /// A short tick label.
    static func number(_ v: Double) -> String {
        if abs(v - v.rounded()) < 0.005 { return String(Int(v.rounded())) }
        var text = f(v)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// A tick label for x in a zoomed window: k/2^n when it is one, else a decimal.
    static func fraction(_ v: Double) -> String {
        if v == 0 { return "0" }
        for n in 0...30 {
            let k = v * Double(1 << n)
            if abs(k - k.rounded()) < 1e-9 { return n == 0 ? String(Int(k.rounded())) : "\(Int(k.rounded()))/\(1 << n)" }
        }
        return number(v)
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
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
