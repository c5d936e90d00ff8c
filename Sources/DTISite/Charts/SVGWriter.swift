import Foundation

/// Charts: SVG drawn by dtisite from plain values — no chart library, no script. Pure functions:
/// the same input gives the same bytes (coordinates with one fixed decimal, ids from the chart id).

/// Builds SVG text. Every attribute value and text node goes through `Escape.xml`.
/// A chart has thousands of small pieces: they are appended as bytes (`TextBuilder`).
struct SVGWriter {
    private var out = TextBuilder()

    var text: String { out.text }

    private mutating func add(_ piece: String) { out.append(piece) }

    /// "12.3": one decimal, "." as separator whatever the locale — coordinates are machine text.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        // Bounded so that a value from absurd data cannot overflow the integer conversion.
        let tenths = Int((min(max(value, -1e15), 1e15) * 10).rounded())
        let whole = abs(tenths) / 10, fraction = abs(tenths) % 10
        let sign = tenths < 0 ? "-" : ""
        return fraction == 0 ? sign + String(whole) : sign + String(whole) + "." + String(fraction)
    }

    mutating func raw(_ markup: String) { add(markup) }

    mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
        add("<")
        add(name)
        append(attributes)
        add(">")
    }

    mutating func close(_ name: String) {
        add("</")
        add(name)
        add(">")
    }

    mutating func element(_ name: String, _ attributes: [(String, String)] = [], text content: String? = nil) {
        add("<")
        add(name)
        append(attributes)
        if let content {
            add(">")
            out.appendEscaped(content)
            add("</")
            add(name)
            add(">")
        } else {
            add("/>")
        }
    }

    /// ` name="value"` for each attribute, appended in place (charts have thousands of them).
    private mutating func append(_ attributes: [(String, String)]) {
        for (name, value) in attributes {
            add(" ")
            add(name)
            add("=\"")
            out.appendEscaped(value)
            add("\"")
        }
    }

    mutating func newline() { add("\n") }

    /// A polyline path through points: "M10,20L30,40".
    static func path(_ points: [(Double, Double)]) -> String {
        points.enumerated().map { i, p in (i == 0 ? "M" : "L") + number(p.0) + "," + number(p.1) }.joined()
    }
}

/// Maps a data interval onto pixels: the domain's lower end to `from`, its upper end to `to`.
/// A value axis has `from` at the bottom; a rank axis has rank 1 (`from`) at the top.
struct LinearScale {
    var domain: ClosedRange<Double>
    var from: Double
    var to: Double

    func callAsFunction(_ value: Double) -> Double {
        let span = domain.upperBound - domain.lowerBound
        let t = span == 0 ? 0 : (value - domain.lowerBound) / span
        return from + t * (to - from)
    }
}

/// Moves labels apart vertically so none overlaps, keeping their order and staying inside bounds.
enum LabelPlacer {
    static func spread(_ positions: [Double], minimumGap: Double, within bounds: ClosedRange<Double>) -> [Double] {
        guard !positions.isEmpty else { return [] }
        let order = positions.indices.sorted { (positions[$0], $0) < (positions[$1], $1) }
        var placed = order.map { positions[$0] }
        for i in placed.indices.dropFirst() where placed[i] < placed[i - 1] + minimumGap {
            placed[i] = placed[i - 1] + minimumGap
        }
        // If the stack ran past the bottom, push it back up.
        if let last = placed.last, last > bounds.upperBound {
            placed[placed.count - 1] = bounds.upperBound
            for i in stride(from: placed.count - 2, through: 0, by: -1) where placed[i] > placed[i + 1] - minimumGap {
                placed[i] = placed[i + 1] - minimumGap
            }
        }
        var result = positions
        for (k, index) in order.enumerated() { result[index] = max(bounds.lowerBound, placed[k]) }
        return result
    }
}
