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
    /// The narrow layout for phones: each row's name on its own line above its bars, the legend in
    /// two lines at the top, values past the bars.
    var compact = false
    /// The words drawn in the chart and read out by screen readers.
    var phrases: ChartPhrases

    init(
        id: String, title: String, summary: String, rows: [Row], valueLabel: String, referenceLabel: String,
        referenceStyle: ReferenceStyle = .bar, maximum: Double = 1, fractionDigits: Int = 4, unitSuffix: String = "",
        phrases: ChartPhrases = .vietnamese
    ) {
        self.phrases = phrases
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
    var width: Double { compact ? ChartLayout.compactWidth : Self.width }
    var left: Double { compact ? 10 : 200 }
    var right: Double { compact ? width - 66 : 640.0 - 70 }
    var top: Double { compact ? 62 : 44 }
    /// Where a row's bars start below its top: under its name on the narrow layout.
    var barOffset: Double { compact ? 18 : 0 }
    var rowHeight: Double { (referenceStyle == .bar ? 40 : 26) + barOffset }
    var height: Double { top + Double(rows.count) * rowHeight + 30 }

    func format(_ v: Double) -> String { VietnameseFormat.decimal(v, fractionDigits: fractionDigits) + unitSuffix }

    /// The chart; with a heading, the standalone file that carries its own title and source.
    /// On a page (`inline`), both layouts; the wide one alone for a standalone file.
    func svg(heading: ChartHeading? = nil, inline: Bool = false) -> String {
        guard inline, !compact else { return frame(heading: heading, inline: inline).wrap(body()) }
        return ChartLayout.both(
            wide: frame(heading: heading, inline: true).wrap(body()), narrow: narrow.svg(heading: heading, inline: true))
    }

    var narrow: BarChart {
        var chart = self
        chart.compact = true
        return chart
    }

    /// The chart for a page (both layouts) and as a standalone file, drawing the wide bars once.
    func svgs(heading: ChartHeading) -> (inline: String, standalone: String) {
        let body = body()
        return (
            ChartLayout.both(wide: frame(heading: nil, inline: true).wrap(body), narrow: narrow.svg(inline: true)),
            frame(heading: heading, inline: false).wrap(body)
        )
    }

    func frame(heading: ChartHeading?, inline: Bool) -> ChartFrame {
        let description =
            summary + phrases.barDescription(valueLabel, referenceStyle == .marker, referenceLabel)
        return ChartFrame(
            id: id, title: title, description: description, width: width, height: height, heading: heading, inline: inline,
            compact: compact)
    }

    /// Legend, grid and bars: what the page and the standalone file share.
    func body() -> String {
        var out = SVGWriter()
        let scale = LinearScale(domain: 0...maximum, from: left, to: right)
        // Legend (two entries: the bars are named once at the top); on the narrow layout, one per line.
        let (second, dy) = compact ? (0.0, 20.0) : (200.0, 0.0)
        out.element("rect", [("class", "bar-main"), ("x", SVGWriter.number(left)), ("y", "10"), ("width", "14"), ("height", "10")])
        out.element("text", [("class", "caption"), ("x", SVGWriter.number(left + 20)), ("y", "19")], text: valueLabel)
        if referenceStyle == .bar {
            out.element(
                "rect",
                [
                    ("class", "bar-avg"), ("x", SVGWriter.number(left + second)), ("y", SVGWriter.number(10 + dy)), ("width", "14"),
                    ("height", "10")
                ])
        } else {
            out.element(
                "line",
                [
                    ("class", "bar-target"), ("x1", SVGWriter.number(left + second + 7)), ("x2", SVGWriter.number(left + second + 7)),
                    ("y1", SVGWriter.number(8 + dy)), ("y2", SVGWriter.number(22 + dy))
                ])
        }
        out.element(
            "text", [("class", "caption"), ("x", SVGWriter.number(left + second + 20)), ("y", SVGWriter.number(19 + dy))],
            text: referenceLabel)
        let ticks = compact ? stride(from: 0.0, through: 1.0001, by: 0.5) : stride(from: 0.0, through: 1.0001, by: 0.25)
        for fraction in ticks {
            let x = scale(fraction * maximum)
            out.element(
                "line",
                [
                    ("class", "grid"), ("x1", SVGWriter.number(x)), ("x2", SVGWriter.number(x)), ("y1", SVGWriter.number(top - 6)),
                    ("y2", SVGWriter.number(height - 26))
                ])
            out.element(
                "text",
                [
                    ("class", "tick"), ("x", SVGWriter.number(x)), ("y", SVGWriter.number(height - 10)),
                    ("text-anchor", compact && fraction == 0 ? "start" : compact && fraction >= 1 ? "end" : "middle")
                ],
                text: VietnameseFormat.decimal(fraction * maximum, fractionDigits: maximum >= 10 ? 0 : 2) + unitSuffix)
        }
        out.newline()
        for (i, row) in rows.enumerated() {
            let rowTop = top + Double(i) * rowHeight
            if compact {
                out.element("text", [("x", SVGWriter.number(left)), ("y", SVGWriter.number(rowTop + 14))], text: row.label)
            } else {
                out.element(
                    "text",
                    [
                        ("x", SVGWriter.number(left - 10)), ("y", SVGWriter.number(rowTop + (referenceStyle == .bar ? 16 : 14))),
                        ("text-anchor", "end")
                    ], text: row.label)
            }
            let y = rowTop + barOffset
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
                    "text", [("class", "missing"), ("x", SVGWriter.number(left + 6)), ("y", SVGWriter.number(y + 16))],
                    text: phrases.missing
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
