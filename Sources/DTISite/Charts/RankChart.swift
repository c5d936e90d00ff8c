/// Rank over years, as a bump chart: rank 1 at the top, the site's unit highlighted, its peers muted,
/// names at the line ends instead of a legend, ties on the same height, a gap where a year is missing.
struct RankChart: Sendable {
    struct Series: Sendable {
        enum Role: Sendable { case highlight, peer }
        var label: String
        /// Year → rank; a missing year leaves a gap in the line.
        var ranks: [Int: Int]
        var role: Role

        init(label: String, ranks: [Int: Int], role: Role) {
            self.label = label
            self.ranks = ranks
            self.role = role
        }
    }

    var id: String
    var title: String
    /// The finding in one sentence: "Lai Châu xếp hạng 36/63 năm 2024, tăng 18 bậc so với năm 2023".
    var summary: String
    /// Units in the ranking: the axis runs from 1 to this.
    var groupSize: Int
    var years: [Int]
    var series: [Series]
    /// Year → size of its ranking, when the years span groups of different sizes (63 provinces until
    /// 2024, 34 units after the merger): each run of years with one size is a panel with its own axis,
    /// and no line crosses from one panel to the next.
    var sizes: [Int: Int]
    /// The narrow layout for phones (about 320–480 px): a 290-unit viewBox drawn at about its own size,
    /// year labels thinned, only the unit named at its line end (peers stay in the data table).
    var compact = false
    /// The words drawn in the chart and read out by screen readers.
    var phrases: ChartPhrases

    init(
        id: String, title: String, summary: String, groupSize: Int, years: [Int], series: [Series], sizes: [Int: Int] = [:],
        phrases: ChartPhrases = .vietnamese
    ) {
        self.phrases = phrases
        self.id = id
        self.title = title
        self.summary = summary
        self.groupSize = groupSize
        self.years = years
        self.series = series
        self.sizes = sizes
    }

    /// The size of the ranking a year belongs to.
    func size(_ year: Int) -> Int { sizes[year] ?? groupSize }

    /// Runs of consecutive years with the same group size, left to right.
    var panels: [(size: Int, years: [Int])] {
        var result: [(size: Int, years: [Int])] = []
        for year in years {
            if let last = result.last, last.size == size(year) {
                result[result.count - 1].years.append(year)
            } else {
                result.append((size(year), [year]))
            }
        }
        return result
    }

    func yScale(size: Int) -> LinearScale {
        LinearScale(domain: 1...Double(max(size, 2)), from: plot.top, to: plot.bottom)
    }

    /// Where a year's rank is drawn: on the axis of its own group.
    func y(_ rank: Int, year: Int) -> Double { yScale(size: size(year))(Double(min(max(rank, 1), max(size(year), 1)))) }

    /// The x of the border between two panels: halfway between their neighbouring years.
    func breaks() -> [Double] {
        let panels = panels
        guard panels.count > 1 else { return [] }
        return (1..<panels.count).map { (x(panels[$0 - 1].years.last!) + x(panels[$0].years.first!)) / 2 }
    }

    static let width = 640.0
    var width: Double { compact ? ChartLayout.compactWidth : Self.width }
    var height: Double { compact ? 370 : 380 }
    var plot: (left: Double, right: Double, top: Double, bottom: Double) {
        compact ? (34, width - 84, 44, height - 52) : (52, Self.width - 150, 28, height - 44)
    }
    /// Peers named at their line ends: all of them on a wide chart, none of many on a narrow one.
    var namesPeers: Bool { !compact || series.filter { $0.role == .peer }.count <= 2 }

    var yScale: LinearScale { yScale(size: groupSize) }

    var xScale: LinearScale {
        let first = Double(years.first ?? 0), last = Double(years.last ?? 1)
        let inset = compact ? 14.0 : 24
        return LinearScale(domain: first...max(last, first + 1), from: plot.left + inset, to: plot.right - inset)
    }

    func x(_ year: Int) -> Double {
        years.count == 1 ? (plot.left + plot.right) / 2 : xScale(Double(year))
    }

    /// The standard finding sentence; lower rank numbers are better, so 54 → 36 is "tăng 18 bậc". A
    /// change in places is stated only between two years of rankings of the same size; otherwise the
    /// sentence says what is comparable: each rank over its own group. `alsoIn` adds the unit's rank in
    /// another ranking of the same year ("trong 34 đơn vị sau sáp nhập xếp 18/34").
    static func finding(
        unit: String, year: Int, rank: Int, groupSize: Int, previousYear: Int?, previousRank: Int?,
        previousGroupSize: Int? = nil, alsoIn: [String] = [], measure: String? = nil, phrases: ChartPhrases = .vietnamese
    ) -> String {
        var sentence = phrases.ranked(unit, measure, rank, groupSize, year)
        if let previousYear, let previousRank {
            if let previousGroupSize, previousGroupSize != groupSize {
                sentence += phrases.rankedIncomparable(previousYear, previousRank, previousGroupSize)
            } else {
                let change = RankChange(fromYear: previousYear, fromRank: previousRank, toYear: year, toRank: rank)
                sentence +=
                    change.direction == .same
                    ? phrases.rankKept(previousYear) : phrases.rankMoved(change, previousYear)
            }
        }
        for other in alsoIn { sentence += "; " + other }
        return sentence
    }

    /// The chart; with a heading, the standalone file that carries its own title and source.
    /// On a page (`inline`), both layouts; the wide one alone for a standalone file.
    func svg(heading: ChartHeading? = nil, inline: Bool = false) -> String {
        guard inline, !compact else { return drawn(heading: heading, inline: inline) }
        var narrow = self
        narrow.compact = true
        return ChartLayout.both(wide: drawn(heading: heading, inline: true), narrow: narrow.drawn(heading: heading, inline: true))
    }

    func drawn(heading: ChartHeading?, inline: Bool) -> String {
        var out = SVGWriter()
        let p = plot
        // Horizontal grid and rank ticks, one axis per panel (group size).
        let panels = panels, borders = breaks()
        for (i, panel) in panels.enumerated() {
            let left = i == 0 ? p.left : borders[i - 1], right = i == panels.count - 1 ? p.right : borders[i]
            let scale = yScale(size: panel.size)
            for tick in Self.ticks(groupSize: panel.size) {
                let y = scale(Double(tick))
                out.element(
                    "line",
                    [
                        ("class", "grid"), ("x1", SVGWriter.number(left)), ("x2", SVGWriter.number(right)),
                        ("y1", SVGWriter.number(y)), ("y2", SVGWriter.number(y))
                    ])
                out.element(
                    "text",
                    i == 0
                        ? [("class", "tick"), ("x", SVGWriter.number(p.left - 8)), ("y", SVGWriter.number(y + 4)), ("text-anchor", "end")]
                        : [("class", "tick"), ("x", SVGWriter.number(left + 4)), ("y", SVGWriter.number(y + 4)), ("text-anchor", "start")],
                    text: String(tick))
            }
            if panels.count > 1 {
                // Centred over its panel; on the narrow layout a later panel (often one or two years) is
                // too narrow for its name, which then starts at its border and runs on over the end labels' margin.
                let fromBorder = compact && i > 0
                out.element(
                    "text",
                    [
                        ("class", "axis-label"), ("x", SVGWriter.number(fromBorder ? left + 4 : (left + right) / 2)),
                        ("y", SVGWriter.number(p.top - 10)), ("text-anchor", fromBorder ? "start" : "middle")
                    ],
                    text: phrases.panelSize(panel.size))
            }
        }
        for border in borders {
            out.element(
                "line",
                [
                    ("class", "axis"), ("x1", SVGWriter.number(border)), ("x2", SVGWriter.number(border)),
                    ("y1", SVGWriter.number(p.top - 4)), ("y2", SVGWriter.number(p.bottom + 8)), ("stroke-dasharray", "4 3")
                ])
        }
        out.newline()
        out.element(
            "text", [("class", "axis-label"), ("x", "8"), ("y", "16")],
            text: phrases.rankAxis(panels.count > 1 ? nil : groupSize))
        for year in ChartLayout.thinned(years, spacing: years.count > 1 ? x(years[1]) - x(years[0]) : 100, minimum: 40) {
            out.element(
                "text",
                [("class", "tick"), ("x", SVGWriter.number(x(year))), ("y", SVGWriter.number(p.bottom + 24)), ("text-anchor", "middle")],
                text: String(year))
        }
        out.newline()
        // Peers first, the highlighted unit on top.
        let ordered = series.filter { $0.role == .peer } + series.filter { $0.role == .highlight }
        var ends: [(label: String, y: Double, x: Double, highlight: Bool, rank: Int)] = []
        for s in ordered {
            let cls = s.role == .highlight ? "main" : "peer"
            for segment in segments(s) where segment.count > 1 {
                out.element("path", [("class", cls), ("d", SVGWriter.path(segment.map { (x($0), y(s.ranks[$0]!, year: $0)) }))])
            }
            if s.role == .highlight {
                for year in years {
                    guard let rank = s.ranks[year] else { continue }
                    let px = x(year), py = y(rank, year: year)
                    out.element("circle", [("class", "main-dot"), ("cx", SVGWriter.number(px)), ("cy", SVGWriter.number(py)), ("r", "5")])
                    let label = rankLabel(year: year, rank: rank)
                    out.element(
                        "text",
                        [
                            ("class", "main-label value"), ("x", SVGWriter.number(label.x)), ("y", SVGWriter.number(label.y)),
                            ("text-anchor", label.anchor)
                        ],
                        text: String(rank))
                }
            } else {
                // A lone point (no neighbour year) still shows.
                for segment in segments(s) where segment.count == 1 {
                    let year = segment[0]
                    out.element(
                        "circle",
                        [
                            ("class", "peer"), ("cx", SVGWriter.number(x(year))), ("cy", SVGWriter.number(y(s.ranks[year]!, year: year))),
                            ("r", "2.5")
                        ])
                }
            }
            if let last = years.last(where: { s.ranks[$0] != nil }), let rank = s.ranks[last], s.role == .highlight || namesPeers {
                ends.append((s.label, y(rank, year: last), x(last), s.role == .highlight, rank))
            }
            out.newline()
        }
        // Names at line ends, nudged apart so none overlaps.
        let placed = LabelPlacer.spread(ends.map(\.y), minimumGap: 14, within: p.top...(height - 8))
        for (end, y) in zip(ends, placed) {
            let text = end.highlight && !compact ? "\(end.label) \(end.rank)" : end.label
            out.element(
                "text",
                [
                    ("class", end.highlight ? "main-label" : "peer-label"), ("x", SVGWriter.number(end.x + 10)),
                    ("y", SVGWriter.number(y + 4))
                ],
                text: text)
        }
        let peerCount = series.filter { $0.role == .peer }.count
        if !namesPeers {
            out.element(
                "text", [("class", "caption"), ("x", "8"), ("y", SVGWriter.number(height - 8))],
                text: phrases.mutedLines(peerCount))
        }
        out.newline()
        let description = summary + phrases.rankDescription(years, panels, series.first { $0.role == .highlight }?.label ?? "")
        return ChartFrame(
            id: id, title: title, description: description, width: width, height: height, heading: heading, inline: inline,
            compact: compact
        ).wrap(out.text)
    }

    /// Where the unit's rank is written: above its point, unless that is where a rank tick of a later
    /// panel is written — on the narrow layout those ticks sit just right of the panel's border, close
    /// to its first year — then below the point, else left of it. Text widths are estimated at 0.6 of
    /// the 12 px size a digit.
    func rankLabel(year: Int, rank: Int) -> (x: Double, y: Double, anchor: String) {
        let px = x(year), py = y(rank, year: year)
        let width = Double(String(rank).count) * 12 * 0.6
        let places = [(px, py - 10, "middle"), (px, py + 20, "middle"), (px - 8, py + 4, "end")]
        let panels = panels
        guard compact, let i = panels.firstIndex(where: { $0.years.contains(year) }), i > 0 else { return places[0] }
        let border = breaks()[i - 1], scale = yScale(size: panels[i].size)
        let ticks = Self.ticks(groupSize: panels[i].size).map {
            (right: border + 4 + Double(String($0).count) * 12 * 0.6, y: scale(Double($0)) + 4)
        }
        return places.first { place in
            let from = place.2 == "end" ? place.0 - width : place.0 - width / 2
            return !ticks.contains { $0.right + 2 > from && abs($0.y - place.1) < 14 }
        } ?? places[0]
    }

    /// Runs of consecutive years with a rank: the line breaks where a year is missing.
    func segments(_ s: Series) -> [[Int]] {
        var result: [[Int]] = []
        var current: [Int] = []
        for year in years {
            if s.ranks[year] != nil, current.last.map({ size($0) == size(year) }) ?? true {
                current.append(year)
            } else if s.ranks[year] != nil {
                result.append(current)
                current = [year]
            } else if !current.isEmpty {
                result.append(current)
                current = []
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    /// 1, then round steps, then the group size: "1 10 20 30 40 50 63".
    static func ticks(groupSize: Int) -> [Int] {
        guard groupSize > 1 else { return [1] }
        let step = groupSize <= 12 ? 1 : groupSize <= 40 ? 5 : 10
        var ticks = [1]
        var t = step
        while t < groupSize {
            if t - ticks.last! >= max(step / 2, 1), groupSize - t >= max(step / 2, 1) { ticks.append(t) }
            t += step
        }
        ticks.append(groupSize)
        return ticks
    }
}
