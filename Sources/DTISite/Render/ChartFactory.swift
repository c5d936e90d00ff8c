import Foundation

/// The charts of a site, made from the computed scores: the overview's rank, index and pillar-profile
/// charts, and per pillar its rank and value charts. Ids come from what a chart shows, so an embed
/// keeps working across rebuilds. The same charts can be placed in Markdown with `<dti-chart>`.
struct ChartFactory: Sendable {
    let site: Site
    let analysis: ScoreAnalysis
    let phrases: Phrases
    var words: ChartPhrases { phrases.charts }

    var unitSlug: String { Slug.make(analysis.unit) }
    var peers: [String] { analysis.peerUnits.filter { $0 != analysis.unit } }

    /// The overview: rank over years among the peers, index against average and best, pillar profile.
    var overview: [PublishedChart] {
        [rankChart(), indexChart(), profileChart()].compactMap { $0 }
    }

    /// A pillar's charts: its rank over years where ranks can be known, its value against average and best.
    func pillarCharts(_ pillar: Pillar) -> [PublishedChart] {
        [pillarRankChart(pillar), pillarValueChart(pillar)].compactMap { $0 }
    }

    /// `<dti-chart kind="rank|index|profile|pillar-rank|pillar" pillar="…">` → the chart it names.
    func chart(for element: CustomElement) -> PublishedChart? {
        let kind = element.attributes["kind"] ?? ""
        let pillar = element.attributes["pillar"].flatMap { id in site.pillars.first { $0.id == id } }
        switch kind {
        case "rank": return rankChart()
        case "index": return indexChart()
        case "profile": return profileChart()
        case "pillar-rank": return pillar.flatMap(pillarRankChart)
        case "pillar": return pillar.flatMap(pillarValueChart)
        default: return nil
        }
    }

    static let kinds = ["rank", "index", "profile", "pillar-rank", "pillar"]

    // MARK: Charts

    func rankChart() -> PublishedChart? {
        guard let latest = analysis.latest, let rank = latest.rank, let group = analysis.groups[latest.year] else { return nil }
        let years = analysis.years
        var series: [RankChart.Series] = peers.map { peer in
            RankChart.Series(label: peer, ranks: ranks(years: years) { $0.records.first { $0.unit == peer }?.rank }, role: .peer)
        }.filter { !$0.ranks.isEmpty }
        series.append(
            RankChart.Series(
                label: analysis.unit, ranks: ranks(years: years) { $0.records.first { $0.unit == analysis.unit }?.rank }, role: .highlight))
        let previous = analysis.previous
        let summary = RankChart.finding(
            unit: analysis.unit, year: latest.year, rank: rank, groupSize: group.size,
            previousYear: previous?.year, previousRank: previous?.rank,
            previousGroupSize: previous.flatMap { analysis.groups[$0.year]?.size },
            alsoIn: analysis.otherRanks(year: latest.year).map {
                phrases.status.otherRank($0.group.group, $0.group.size, $0.rank, $0.afterMerger, $0.derived)
            },
            phrases: words)
        let chart = RankChart(
            id: "xep-hang-\(unitSlug)", title: words.rankTitle(analysis.unit, site.config.peerGroup),
            summary: summary, groupSize: group.size, years: years, series: series, sizes: sizes(years), phrases: words)
        return PublishedChart(
            id: chart.id, title: chart.title, summary: summary, svg: chart.svg(inline: true),
            standalone: chart.svg(heading: heading(chart.title)), narrowStandalone: Self.narrow(chart).svg(heading: heading(chart.title)),
            table: rankTable(id: chart.id, title: chart.title, series: series, years: years), overYears: true)
    }

    func indexChart() -> PublishedChart? {
        guard let latest = analysis.latest, let index = latest.index else { return nil }
        let years = analysis.years
        let unitValues = values(years) { group in group.records.first { $0.unit == analysis.unit }?.index }
        let average = values(years) { $0.averageIndex }
        let best = values(years) { $0.best?.value }
        var summary = words.indexSummary(analysis.unit, latest.year, VietnameseFormat.decimal(index, fractionDigits: 4))
        if let group = analysis.groups[latest.year], let avg = group.averageIndex {
            summary += words.comparedWithAverage(
                index >= avg, averageLabel(group), VietnameseFormat.decimal(PublishedRounding.index(avg), fractionDigits: 4))
        }
        let series = [
            LineChart.Series(label: analysis.unit, values: unitValues, role: .main),
            LineChart.Series(label: words.average, values: average, role: .average),
            LineChart.Series(label: words.best, values: best, role: .best)
        ]
        let chart = LineChart(
            id: "chi-so-\(unitSlug)", title: words.indexTitle(analysis.unit), summary: summary,
            years: years, series: series, axisLabel: words.indexAxis, phrases: words)
        return PublishedChart(
            id: chart.id, title: chart.title, summary: summary, svg: chart.svg(inline: true),
            standalone: chart.svg(heading: heading(chart.title)), narrowStandalone: Self.narrow(chart).svg(heading: heading(chart.title)),
            table: lineTable(id: chart.id, title: chart.title, series: series, years: years), overYears: true)
    }

    func profileChart() -> PublishedChart? {
        let pillars = site.pillars.filter(\.isScored)
        guard let latest = analysis.latest, let group = analysis.groups[latest.year], !pillars.isEmpty else { return nil }
        let rows = pillars.map { pillar in
            BarChart.Row(
                label: pillar.title, value: latest.pillarValues[pillar.id].map(Self.double),
                reference: group.averageValue(pillar: pillar.id).map(Self.double))
        }
        let published = rows.filter { $0.value != nil }
        guard !published.isEmpty else { return nil }
        // Only pillars whose average is known (every unit has a value, or it was published) are compared.
        let compared = published.filter { $0.reference != nil }
        let above = compared.filter { ($0.value ?? 0) >= ($0.reference ?? 0) }.count
        let label = averageLabel(group)
        let summary =
            compared.isEmpty
            ? words.profileWithoutAverage(latest.year, analysis.unit, published.count, label)
            : words.profileSummary(latest.year, analysis.unit, label, above, compared.count)
        let chart = BarChart(
            id: "tru-cot-\(unitSlug)-\(latest.year)", title: words.profileTitle(analysis.unit, latest.year),
            summary: summary, rows: rows, valueLabel: analysis.unit, referenceLabel: label, phrases: words)
        var table = DataTable(
            id: chart.id, title: chart.title,
            columns: [
                .init("pillar", words.pillar), .init("value", analysis.unit, .decimal, fractionDigits: 4),
                .init("average", label, .decimal, fractionDigits: 4), .init("average_basis", phrases.site.averageBasis)
            ], rows: [], source: sources(group))
        table.rows = pillars.map { pillar in
            let aggregate = group.aggregate(pillar.id)
            return [DataTable.Cell]([
                .text(pillar.title), .decimal(latest.pillarValues[pillar.id]),
                .aggregate(.some(aggregate.average)), .text(Self.basis(aggregate, group: group, phrases: phrases))
            ])
        }
        return PublishedChart(
            id: chart.id, title: chart.title, summary: summary, svg: chart.svg(inline: true),
            standalone: chart.svg(heading: heading(chart.title)), narrowStandalone: Self.narrow(chart).svg(heading: heading(chart.title)),
            table: table)
    }

    func pillarRankChart(_ pillar: Pillar) -> PublishedChart? {
        let years = analysis.years
        let unitRanks = ranks(years: years) { $0.rank(of: analysis.unit, pillar: pillar.id) }
        guard let lastYear = years.last(where: { unitRanks[$0] != nil }), let rank = unitRanks[lastYear],
            let size = analysis.groups[lastYear]?.size
        else { return nil }
        let sizes = sizes(years)
        var series: [RankChart.Series] = peers.map { peer in
            RankChart.Series(label: peer, ranks: ranks(years: years) { $0.rank(of: peer, pillar: pillar.id) }, role: .peer)
        }.filter { !$0.ranks.isEmpty }
        series.append(RankChart.Series(label: analysis.unit, ranks: unitRanks, role: .highlight))
        let previousYear = years.last { $0 < lastYear && unitRanks[$0] != nil }
        let summary = RankChart.finding(
            unit: analysis.unit, year: lastYear, rank: rank, groupSize: size,
            previousYear: previousYear, previousRank: previousYear.flatMap { unitRanks[$0] },
            previousGroupSize: previousYear.flatMap { sizes[$0] }, measure: pillar.title, phrases: words)
        let chart = RankChart(
            id: "xep-hang-\(pillar.id)-\(unitSlug)", title: words.pillarRankTitle(pillar.title, analysis.unit),
            summary: summary, groupSize: size, years: years, series: series, sizes: sizes, phrases: words)
        return PublishedChart(
            id: chart.id, title: chart.title, summary: summary, svg: chart.svg(inline: true),
            standalone: chart.svg(heading: heading(chart.title)), narrowStandalone: Self.narrow(chart).svg(heading: heading(chart.title)),
            table: rankTable(id: chart.id, title: chart.title, series: series, years: years), overYears: true)
    }

    func pillarValueChart(_ pillar: Pillar) -> PublishedChart? {
        let years = analysis.years
        let unitValues = values(years) { group in group.records.first { $0.unit == analysis.unit }?.pillarValues[pillar.id] }
        guard let lastYear = years.last(where: { unitValues[$0] != nil }), let value = unitValues[lastYear] else { return nil }
        let series = [
            LineChart.Series(label: analysis.unit, values: unitValues, role: .main),
            LineChart.Series(label: words.average, values: values(years) { $0.averageValue(pillar: pillar.id) }, role: .average),
            // The best and the average are drawn only where they are known over the whole group.
            LineChart.Series(label: words.best, values: values(years) { $0.bestValue(pillar: pillar.id)?.value }, role: .best)
        ]
        let summary = words.pillarValueSummary(pillar.title, analysis.unit, lastYear, VietnameseFormat.decimal(value, fractionDigits: 4))
        let chart = LineChart(
            id: "gia-tri-\(pillar.id)-\(unitSlug)", title: words.pillarValueTitle(pillar.title, analysis.unit),
            summary: summary, years: years, series: series, axisLabel: words.pillarAxis(pillar.title), phrases: words)
        return PublishedChart(
            id: chart.id, title: chart.title, summary: summary, svg: chart.svg(inline: true),
            standalone: chart.svg(heading: heading(chart.title)), narrowStandalone: Self.narrow(chart).svg(heading: heading(chart.title)),
            table: lineTable(id: chart.id, title: chart.title, series: series, years: years), overYears: true)
    }

    // MARK: Helpers

    /// Year → size of the unit's ranking that year.
    func sizes(_ years: [Int]) -> [Int: Int] {
        var result: [Int: Int] = [:]
        for year in years { if let group = analysis.groups[year] { result[year] = group.size } }
        return result
    }

    /// How an average was obtained: "tính từ đủ 63 đơn vị", "công bố: <nguồn>", "chưa đủ số liệu".
    static func basis(_ aggregate: ScoreAnalysis.GroupYear.Aggregate, group: ScoreAnalysis.GroupYear, phrases: Phrases) -> String {
        if let published = aggregate.published {
            return published.average == nil ? phrases.site.insufficient : phrases.charts.averagePublished(published.source)
        }
        return aggregate.average == nil ? phrases.site.insufficient : phrases.charts.averageComputed(group.size)
    }

    /// "Trung bình cả nước", "Trung bình <nhóm>".
    func averageLabel(_ group: ScoreAnalysis.GroupYear) -> String { phrases.status.averageLabel(group.group, group.isNational) }

    func sources(_ group: ScoreAnalysis.GroupYear) -> String {
        RankingPageBuilder.sources(group, note: site.config.sourceNote, phrases: phrases)
    }

    func heading(_ title: String) -> ChartHeading {
        ChartHeading(title: title, source: [site.config.sourceNote, site.config.title].compactMap { $0 }.joined(separator: " · "))
    }

    static func narrow(_ chart: RankChart) -> RankChart {
        var c = chart
        c.compact = true
        return c
    }
    static func narrow(_ chart: LineChart) -> LineChart {
        var c = chart
        c.compact = true
        return c
    }
    static func narrow(_ chart: BarChart) -> BarChart { chart.narrow }

    static func double(_ value: Decimal) -> Double { NSDecimalNumber(decimal: value).doubleValue }

    func ranks(years: [Int], _ rank: (ScoreAnalysis.GroupYear) -> Int?) -> [Int: Int] {
        var result: [Int: Int] = [:]
        for year in years { if let group = analysis.groups[year], let r = rank(group) { result[year] = r } }
        return result
    }

    func values(_ years: [Int], _ value: (ScoreAnalysis.GroupYear) -> Decimal?) -> [Int: Double] {
        var result: [Int: Double] = [:]
        for year in years { if let group = analysis.groups[year], let v = value(group) { result[year] = Self.double(v) } }
        return result
    }

    func rankTable(id: String, title: String, series: [RankChart.Series], years: [Int]) -> DataTable {
        let groupSizes = sizes(years)
        let mixed = Set(groupSizes.values).count > 1
        var table = DataTable(
            id: "bieu-do-" + id, title: title,
            columns: [.init("unit", phrases.site.unit)]
                + years.map { year in .init(String(year), words.rankColumn(year, mixed ? groupSizes[year] ?? 0 : nil), .integer) },
            rows: [],
            source: site.config.sourceNote)
        let ordered = series.sorted {
            ($0.role == .highlight ? 0 : 1, $0.ranks[years.last ?? 0] ?? Int.max) < (
                $1.role == .highlight ? 0 : 1, $1.ranks[years.last ?? 0] ?? Int.max
            )
        }
        for (i, s) in ordered.enumerated() {
            table.rows.append([.text(s.label)] + years.map { .int(s.ranks[$0]) })
            if s.role == .highlight { table.highlighted.insert(i) }
        }
        return table
    }

    func lineTable(id: String, title: String, series: [LineChart.Series], years: [Int]) -> DataTable {
        var table = DataTable(
            id: "bieu-do-" + id, title: title,
            columns: [.init("year", phrases.site.year)] + series.map { .init(Slug.make($0.label), $0.label, .decimal, fractionDigits: 4) },
            rows: [],
            source: site.config.sourceNote)
        table.rows = years.map { year in
            [.text(String(year))] + series.map { s in s.values[year].map { .number(PublishedRounding.index(Decimal($0))) } ?? .missing }
        }
        return table
    }
}
