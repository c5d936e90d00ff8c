/// Values (0…1) over years: the unit against the national average and the best, each line named at
/// its end with its latest value.
struct LineChart: Sendable {
    struct Series: Sendable {
        enum Role: Sendable { case main, average, best }
        var label: String
        var values: [Int: Double]
        var role: Role

        init(label: String, values: [Int: Double], role: Role) {
            self.label = label
            self.values = values
            self.role = role
        }
    }

    var id: String
    var title: String
    var summary: String
    var years: [Int]
    var series: [Series]
    /// Axis caption: "Chỉ số DTI (0–1)".
    var axisLabel: String
    /// The narrow layout for phones: the legend above the plot (each line with its latest value), no
    /// names at the line ends, year and value labels thinned.
    var compact = false
    /// The words read out by screen readers.
    var phrases: ChartPhrases

    init(
        id: String, title: String, summary: String, years: [Int], series: [Series], axisLabel: String? = nil,
        phrases: ChartPhrases = .vietnamese
    ) {
        self.phrases = phrases
        self.id = id
        self.title = title
        self.summary = summary
        self.years = years
        self.series = series
        self.axisLabel = axisLabel ?? phrases.valueAxis
    }

    static let width = 640.0, height = 340.0
    var width: Double { compact ? ChartLayout.compactWidth : Self.width }
    var height: Double { compact ? 330 : Self.height }
    var plot: (left: Double, right: Double, top: Double, bottom: Double) {
        compact ? (40, width - 12, 30 + 18 * Double(series.count), height - 34) : (52, 640.0 - 170, 28, 340.0 - 44)
    }

    var yScale: LinearScale { LinearScale(domain: 0...1, from: plot.bottom, to: plot.top) }

    func x(_ year: Int) -> Double {
        guard years.count > 1, let first = years.first, let last = years.last else { return (plot.left + plot.right) / 2 }
        let inset = compact ? 16.0 : 24
        return LinearScale(domain: Double(first)...Double(last), from: plot.left + inset, to: plot.right - inset)(Double(year))
    }

    /// The chart; with a heading, the standalone file that carries its own title and source.
    /// On a page (`inline`), both layouts; the wide one alone for a standalone file.
    func svg(heading: ChartHeading? = nil, inline: Bool = false) -> String {
        guard inline, !compact else { return drawn(heading: heading, inline: inline) }
        var narrow = self
        narrow.compact = true
        return ChartLayout.both(wide: drawn(heading: heading, inline: true), narrow: narrow.drawn(heading: heading, inline: true))
    }

    static func classes(_ role: Series.Role) -> (line: String, dot: String, label: String) {
        role == .main
            ? ("main", "main-dot", "main-label")
            : role == .best ? ("second", "second-dot", "second-label") : ("avg", "avg-dot", "avg-label")
    }

    /// The narrow layout's legend: one row per line, with its latest value.
    func legend(_ out: inout SVGWriter) {
        for (i, s) in series.enumerated() {
            let y = 14 + 18 * Double(i)
            let cls = Self.classes(s.role)
            out.element(
                "line", [("class", cls.line), ("x1", "8"), ("x2", "34"), ("y1", SVGWriter.number(y - 4)), ("y2", SVGWriter.number(y - 4))])
            let latest = years.last { s.values[$0] != nil }.flatMap { s.values[$0] }
            out.element(
                "text", [("class", cls.label), ("x", "42"), ("y", SVGWriter.number(y))],
                text: s.label + (latest.map { " " + VietnameseFormat.decimal($0, fractionDigits: 4) } ?? ""))
        }
        out.newline()
    }

    /// Where a value label of the main line goes: above its point (baseline 11 units up), unless another
    /// line passes through that place; then below (baseline 22 units down), unless that place is taken too.
    /// Measured in the drawing's units, so the narrow layout's shorter plot is taken into account.
    func valueLabelY(year: Int, value: Double) -> Double {
        let y = yScale(value)
        let half = Double(VietnameseFormat.decimal(value, fractionDigits: 4).count) * 12 * 0.3 + 2
        let above = (y - 11 - 12 - 2)...(y - 11 + 3 + 2), below = (y + 22 - 12 - 2)...(y + 22 + 3 + 2)
        func taken(_ band: ClosedRange<Double>) -> Bool {
            series.contains { other in
                other.role != .main
                    && stride(from: x(year) - half, through: x(year) + half, by: 2).contains { at in
                        lineY(other, at: at).map { band.contains($0) } ?? false
                    }
            }
        }
        return taken(above) && !taken(below) ? y + 22 : y - 11
    }

    /// Whether the main line's end label has room for its latest value after the name (13 px bold text,
    /// about 0.6 of its size a character, from 12 units right of the last point to the edge).
    func valueAtEnd(_ s: Series) -> Bool {
        guard let last = years.last else { return false }
        return x(last) + 12 + Double(s.label.count + 7) * 13 * 0.6 <= Self.width - 4
    }

    /// The height of a series' line at `at` (between two years that both have a value), in drawing units.
    func lineY(_ s: Series, at: Double) -> Double? {
        for (a, b) in zip(years, years.dropFirst()) {
            guard let va = s.values[a], let vb = s.values[b] else { continue }
            let (xa, xb) = (x(a), x(b))
            guard at >= xa, at <= xb, xb > xa else { continue }
            return yScale(va) + (yScale(vb) - yScale(va)) * (at - xa) / (xb - xa)
        }
        if let year = years.first(where: { abs(x($0) - at) < 3.5 }), let v = s.values[year] { return yScale(v) }
        return nil
    }

    func drawn(heading: ChartHeading?, inline: Bool) -> String {
        var out = SVGWriter()
        let plot = plot
        if compact { legend(&out) }
        for tick in stride(from: 0.0, through: 1.0001, by: 0.2) {
            let y = yScale(tick)
            out.element(
                "line",
                [
                    ("class", "grid"), ("x1", SVGWriter.number(plot.left)), ("x2", SVGWriter.number(plot.right)),
                    ("y1", SVGWriter.number(y)), ("y2", SVGWriter.number(y))
                ])
            out.element(
                "text", [("class", "tick"), ("x", SVGWriter.number(plot.left - 8)), ("y", SVGWriter.number(y + 4)), ("text-anchor", "end")],
                text: VietnameseFormat.decimal(tick, fractionDigits: 1))
        }
        out.element("text", [("class", "axis-label"), ("x", "8"), ("y", SVGWriter.number(plot.top - 12))], text: axisLabel)
        let spacing = years.count > 1 ? x(years[1]) - x(years[0]) : 100
        let labelled = Set(ChartLayout.thinned(years, spacing: spacing, minimum: compact ? 50 : 0))
        for year in ChartLayout.thinned(years, spacing: spacing, minimum: 40) {
            out.element(
                "text",
                [("class", "tick"), ("x", SVGWriter.number(x(year))), ("y", SVGWriter.number(plot.bottom + 24)), ("text-anchor", "middle")],
                text: String(year))
        }
        out.newline()
        var ends: [(label: String, y: Double, x: Double, cls: String)] = []
        for role in [Series.Role.average, .best, .main] {
            for s in series where s.role == role {
                let (line, dot, label) = Self.classes(role)
                let last = years.last { s.values[$0] != nil }
                var run: [(Double, Double)] = []
                func flush() {
                    if run.count > 1 { out.element("path", [("class", line), ("d", SVGWriter.path(run))]) }
                    run = []
                }
                for year in years {
                    guard let v = s.values[year] else {
                        flush()
                        continue
                    }
                    run.append((x(year), yScale(v)))
                }
                flush()
                for year in years {
                    guard let v = s.values[year] else { continue }
                    out.element(
                        "circle",
                        [
                            ("class", dot), ("cx", SVGWriter.number(x(year))), ("cy", SVGWriter.number(yScale(v))),
                            ("r", role == .main ? "5" : "3.5")
                        ])
                    // In the wide layout the latest value is in the line's end label ("Lai Châu 0,8690"): a
                    // value label over the last point would run into the name beside it.
                    if role == .main, labelled.contains(year), compact || year != last || !valueAtEnd(s) {
                        let labelY = valueLabelY(year: year, value: v)
                        // A last value that the end label cannot carry ends left of its point, clear of the name.
                        let atEnd = !compact && year == last
                        out.element(
                            "text",
                            [
                                ("class", "main-label value"), ("x", SVGWriter.number(atEnd ? x(year) - 6 : x(year))),
                                ("y", SVGWriter.number(labelY)), ("text-anchor", atEnd ? "end" : "middle")
                            ],
                            text: VietnameseFormat.decimal(v, fractionDigits: 4))
                    }
                }
                if !compact, let last, let v = s.values[last] {
                    let text = role != .main || valueAtEnd(s) ? "\(s.label) \(VietnameseFormat.decimal(v, fractionDigits: 4))" : s.label
                    ends.append((text, yScale(v), x(last), label))
                }
                out.newline()
            }
        }
        let placed = LabelPlacer.spread(ends.map(\.y), minimumGap: 16, within: plot.top...(height - 8))
        for (end, y) in zip(ends, placed) {
            out.element("text", [("class", end.cls), ("x", SVGWriter.number(end.x + 12)), ("y", SVGWriter.number(y + 4))], text: end.label)
        }
        let description =
            summary + phrases.lineDescription(series.first { $0.role == .main }?.label ?? "")
        return ChartFrame(
            id: id, title: title, description: description, width: width, height: height, heading: heading, inline: inline,
            compact: compact
        ).wrap(out.text)
    }
}
