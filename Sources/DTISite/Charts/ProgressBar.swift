import Foundation

/// The bar in a table cell: how far a value (0…100) has come, with a mark at the target. Plain SVG
/// attributes, no inline style (the pages' Content-Security-Policy forbids them); colours come from
/// the stylesheet through the `fill-<status>` class. Decorative: the cell says the same in words.
struct ProgressBar {
    var value: Decimal
    var target: Decimal?
    /// CSS class suffix of the status ("dat", "gan-dat", "chua-dat"), or nil.
    var statusClass: String?

    var svg: String {
        // Only numbers and a fixed class name go in: written directly, ten thousand bars to a national site.
        let fill = "fill" + (statusClass.map { " fill-" + $0 } ?? "")
        var out = "<svg class=\"progress\" viewBox=\"0 0 100 12\" preserveAspectRatio=\"none\" aria-hidden=\"true\" focusable=\"false\">"
        out += "<rect class=\"track\" x=\"0\" y=\"0\" width=\"100\" height=\"12\"/>"
        out += "<rect class=\"" + Escape.xml(fill) + "\" x=\"0\" y=\"0\" width=\"" + Self.coordinate(value) + "\" height=\"12\"/>"
        if let target {
            out += "<rect class=\"target\" x=\"" + Self.coordinate(target) + "\" y=\"0\" width=\"1.2\" height=\"12\"/>"
        }
        return out + "</svg>"
    }

    /// A percent as an x coordinate of the 0…100 box, clamped to it.
    static func coordinate(_ percent: Decimal) -> String {
        SVGWriter.number(NSDecimalNumber(decimal: min(max(percent, 0), 100)).doubleValue)
    }
}
