/// Horizontal bars, one row per item: the unit's value against a reference (the national average, or
/// a target drawn as a marker). A missing value reads "chưa công bố", never a zero bar. Rows grow the
/// chart's height, so 200 communes stay readable.
struct BarChart: Sendable {
    struct Row: Sendable {
        var label: String
        var value: Double?
        var reference: Double?

        init(label: String, value: Double?, reference: Double?) {
            self.label = label
            self.value = value
            self.reference = reference
        }
    }

    enum ReferenceStyle: Sendable { case bar, marker }

    var id: String
    var title: String
    var summary: String
    var rows: [Row]
    var valueLabel: String
    var referenceLabel: String
    var referenceStyle: ReferenceStyle
    /// Upper end of the axis: 1 for DTI values, 100 for percents.
    var maximum: Double
    var fractionDigits: Int
    var unitSuffix: String

    init(
        id: String, title: String, summary: String, rows: [Row], valueLabel: String, referenceLabel: String,
        referenceStyle: ReferenceStyle = .bar, maximum: Double = 1, fractionDigits: Int = 4, unitSuffix: String = ""
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        self.rows = rows
        self.valueLabel = valueLabel
        self.referenceLabel = referenceLabel
        self.referenceStyle = referenceStyle
        self.maximum = maximum
        self.fractionDigits = fractionDigits
        self.unitSuffix = unitSuffix
    }

    static let width = 640.0
    let left = 200.0, right = 640.0 - 70, top = 44.0
    var rowHeight: Double { referenceStyle == .bar ? 40 : 26 }
    var height: Double { top + Double(rows.count) * rowHeight + 30 }

    func format(_ v: Double) -> String { VietnameseFormat.decimal(v, fractionDigits: fractionDigits) + unitSuffix }

    /// The chart; with a heading, the standalone file that carries its own title and source.
    func svg(heading: ChartHeading? = nil, inline: Bool = false) -> String {
        frame(heading: heading, inline: inline).wrap(body())
    }

    /// The chart for a page and as a standalone file, drawing the bars once.
    func svgs(heading: ChartHeading) -> (inline: String, standalone: String) {
        let body = body()
        return (frame(heading: nil, inline: true).wrap(body), frame(heading: heading, inline: false).wrap(body))
    }

    func frame(heading: ChartHeading?, inline: Bool) -> ChartFrame {
        let description =
            summary + ". Mỗi dòng một mục; thanh đậm: \(valueLabel); " + (referenceStyle == .bar ? "thanh nhạt" : "vạch dọc")
            + ": \(referenceLabel)."
        return ChartFrame(
            id: id, title: title, description: description, width: Self.width, height: height, heading: heading, inline: inline)
    }

    /// Legend, grid and bars: what the page and the standalone file share.
    func body() -> String {
        var out = SVGWriter()
        let scale = LinearScale(domain: 0...maximum, from: left, to: right)
        // Legend (two entries: the bars are named once at the top).
        out.element("rect", [("class", "bar-main"), ("x", SVGWriter.number(left)), ("y", "10"), ("width", "14"), ("height", "10")])
        out.element("text", [("class", "caption"), ("x", SVGWriter.number(left + 20)), ("y", "19")], text: valueLabel)
        if referenceStyle == .bar {
            out.element("rect", [("class", "bar-avg"), ("x", SVGWriter.number(left + 200)), ("y", "10"), ("width", "14"), ("height", "10")])
        } else {
            out.element(
                "line",
                [
                    ("class", "bar-target"), ("x1", SVGWriter.number(left + 207)), ("x2", SVGWriter.number(left + 207)), ("y1", "8"),
                    ("y2", "22")
                ])
        }
        out.element("text", [("class", "caption"), ("x", SVGWriter.number(left + 220)), ("y", "19")], text: referenceLabel)
        for fraction in stride(from: 0.0, through: 1.0001, by: 0.25) {
            let x = scale(fraction * maximum)
            out.element(
                "line",
                [
                    ("class", "grid"), ("x1", SVGWriter.number(x)), ("x2", SVGWriter.number(x)), ("y1", SVGWriter.number(top - 6)),
                    ("y2", SVGWriter.number(height - 26))
                ])
            out.element(
                "text", [("class", "tick"), ("x", SVGWriter.number(x)), ("y", SVGWriter.number(height - 10)), ("text-anchor", "middle")],
                text: VietnameseFormat.decimal(fraction * maximum, fractionDigits: maximum >= 10 ? 0 : 2) + unitSuffix)
        }
        out.newline()
        for (i, row) in rows.enumerated() {
            let y = top + Double(i) * rowHeight
            out.element(
                "text",
                [
                    ("x", SVGWriter.number(left - 10)), ("y", SVGWriter.number(y + (referenceStyle == .bar ? 16 : 14))),
                    ("text-anchor", "end")
                ], text: row.label)
            let barHeight = referenceStyle == .bar ? 14.0 : 16.0
            if let value = row.value {
                let w = max(0, scale(min(value, maximum)) - left)
                out.element(
                    "rect",
                    [
                        ("class", "bar-main"), ("x", SVGWriter.number(left)), ("y", SVGWriter.number(y + 4)),
                        ("width", SVGWriter.number(w)), ("height", SVGWriter.number(barHeight))
                    ])
                // Past the bar, and past the target marker when it is further right.
                let markerEnd = referenceStyle == .marker ? row.reference.map { scale(min($0, maximum)) - left + 2 } ?? 0 : 0
                out.element(
                    "text", [("class", "value"), ("x", SVGWriter.number(left + max(w, markerEnd) + 6)), ("y", SVGWriter.number(y + 16))],
                    text: format(value))
            } else {
                out.element(
                    "text", [("class", "missing"), ("x", SVGWriter.number(left + 6)), ("y", SVGWriter.number(y + 16))], text: "chưa công bố"
                )
            }
            if let reference = row.reference {
                let rx = scale(min(reference, maximum))
                if referenceStyle == .bar {
                    out.element(
                        "rect",
                        [
                            ("class", "bar-avg"), ("x", SVGWriter.number(left)), ("y", SVGWriter.number(y + 21)),
                            ("width", SVGWriter.number(rx - left)), ("height", "9")
                        ])
                    out.element(
                        "text", [("class", "caption"), ("x", SVGWriter.number(rx + 6)), ("y", SVGWriter.number(y + 30))],
                        text: format(reference))
                } else {
                    out.element(
                        "line",
                        [
                            ("class", "bar-target"), ("x1", SVGWriter.number(rx)), ("x2", SVGWriter.number(rx)),
                            ("y1", SVGWriter.number(y + 1)), ("y2", SVGWriter.number(y + 23))
                        ])
                }
            }
            out.newline()
        }
        return out.text
    }
}
