import Foundation

/// A page per pillar (/tru-cot/<id>/) and the list of pillars (/tru-cot/).
enum PillarPageBuilder: PageBuilder {
    static let reads: Set<SiteInput> = [.scores, .documents, .pages, .tasks, .targets, .indicators, .agencies]

    static func pages(_ ctx: inout PageBuildContext) -> [PageSpec] {
        let site = ctx.site, words = ctx.phrases.pillar, show = ctx.display
        guard !site.pillars.isEmpty else { return [] }
        var specs: [PageSpec] = []
        let list: [[String: Any]] = site.pillars.map { pillar in
            var item: [String: Any] = [
                "title": pillar.title, "summary": pillar.summary, "href": ctx.base + "tru-cot/\(pillar.id)/", "unscored": !pillar.isScored
            ]
            if let points = pillar.maxPoints, points > 0 { item["maxPoints"] = VietnameseFormat.integer(points) }
            if let latest = ctx.analysis.latest, pillar.isScored { item["value"] = show.index(latest.pillarValues[pillar.id]) }
            return item
        }
        specs.append(
            PageSpec(
                path: "tru-cot/", title: words.listTitle, description: words.listDescription(site.config.unit),
                template: "pillars", content: TemplateContext(["pillars": list, "year": ctx.analysis.latest?.year ?? ""]),
                section: "tru-cot", breadcrumbs: [(ctx.phrases.site.pillars, "tru-cot/")]))
        for pillar in site.pillars { specs.append(page(pillar, &ctx)) }
        return specs
    }

    static func page(_ pillar: Pillar, _ ctx: inout PageBuildContext) -> PageSpec {
        let site = ctx.site, analysis = ctx.analysis, phrases = ctx.phrases, show = ctx.display
        var content: [String: Any] = [
            "id": pillar.id, "title": pillar.title, "summary": pillar.summary, "unit": site.config.unit,
            "unscored": !pillar.isScored,
            "body": ctx.markdown(pillar.source)
        ]
        // An empty text still opens a Mustache section: the key is left out rather than empty.
        if let points = pillar.maxPoints, points > 0 { content["maxPoints"] = VietnameseFormat.integer(points) }
        // Status in the latest year the pillar was published for the unit.
        if let record = analysis.unitRecords.last(where: { $0.pillarValues[pillar.id] != nil }),
            let group = analysis.groups[record.year]
        {
            var status: [String: Any] = [
                "year": record.year, "value": show.index(record.pillarValues[pillar.id]),
                "average": group.averageValue(pillar: pillar.id).map { show.index(PublishedRounding.index($0)) }
                    ?? phrases.site.insufficient,
                "averageLabel": ctx.renderer.charts.averageLabel(group),
                "rank": show.rank(group.rank(of: record.unit, pillar: pillar.id), of: group.size)
            ]
            if let best = group.bestValue(pillar: pillar.id) {
                status["best"] = "\(phrases.status.leaders(best.units)) (\(show.index(best.value)))"
            }
            if let change = show.change(analysis.pillarRankChange(pillar.id, to: record.year)) { status["change"] = change }
            content["status"] = status
        } else if pillar.isScored {
            // A group outside the score (max_points 0) has no value to publish: the page says so instead.
            content["unpublished"] = true
        }
        let factory = ctx.renderer.charts
        let published = ctx.remember("pillar:charts:" + pillar.id, reads: [.scores]) { factory.pillarCharts(pillar) }
        let charts = published.map { ctx.publish($0) }
        if !charts.isEmpty { content["charts"] = ["items": charts] }
        if pillar.isScored { content["years"] = ctx.table(yearsTable(pillar, analysis: analysis, site: site, phrases: phrases)) }
        if let peerYear = analysis.unitRecords.last(where: { $0.pillarValues[pillar.id] != nil })?.year, !analysis.peerUnits.isEmpty {
            content["peers"] = ctx.table(peerTable(pillar, year: peerYear, analysis: analysis, site: site, phrases: phrases))
            content["peerGroup"] = site.config.peerGroup ?? ""
        }
        let related =
            site.documents.filter { $0.page.pillars.contains(pillar.id) }.map {
                ["title": $0.page.title, "href": ctx.base + "van-ban/\($0.page.slug)/"]
            }
            + site.pages.filter { $0.pillars.contains(pillar.id) }.map { ["title": $0.title, "href": ctx.base + "\($0.slug)/"] }
        if !related.isEmpty {
            content["related"] = related
            content["hasRelated"] = true
        }
        if let from = pillar.fromYear { content["fromYear"] = from }
        if let until = pillar.untilYear { content["untilYear"] = until }
        let tasks = site.tasks.filter { $0.pillar == pillar.id && site.isOwn(document: $0.document) }
        if !tasks.isEmpty {
            var table = PlanPageBuilder.taskTable(
                id: "tru-cot-\(pillar.id)-nhiem-vu", title: phrases.pillar.tasksTitle(pillar.title), tasks: tasks, ctx: ctx)
            table.linkColumn = 2
            table.columnLinks = linkAgencies(table, ctx: ctx)
            content["tasks"] = ctx.table(table)
        }
        // The plans' targets for the pillar, one row each: two targets are never merged into one figure.
        let targets = site.targets.filter { $0.pillar == pillar.id && site.isOwn(document: $0.document) }
        if !targets.isEmpty {
            content["targets"] = ctx.table(
                PlanPageBuilder.targetTable(
                    id: "tru-cot-\(pillar.id)-muc-tieu", title: phrases.plans.pillarTargets(pillar.title), targets: targets, ctx: ctx))
        }
        let indicators = site.indicators.filter { $0.pillar == pillar.id }
        if !indicators.isEmpty {
            content["indicators"] = ctx.table(indicatorTable(pillar, indicators, all: site.indicators, phrases: phrases))
        }
        var spec = PageSpec(
            path: "tru-cot/\(pillar.id)/", title: pillar.title, description: pillar.summary, template: "pillar",
            content: TemplateContext(content), section: "tru-cot",
            breadcrumbs: [(phrases.site.pillars, "tru-cot/"), (pillar.title, "tru-cot/\(pillar.id)/")])
        spec.searchText = ctx.searchText(pillar.source)
        spec.image = published.first.map { ChartRasters.path($0.id) }
        return spec
    }

    /// Links each row's lead agency (when it is one known agency) to its page.
    static func linkAgencies(_ table: DataTable, ctx: PageBuildContext) -> [Int: String] {
        var links: [Int: String] = [:]
        for (i, row) in table.rows.enumerated() {
            if case .text(let lead) = row[2], let agency = ctx.site.agency(named: lead) { links[i] = ctx.base + "co-quan/\(agency.slug)/" }
        }
        return links
    }

    static func yearsTable(_ pillar: Pillar, analysis: ScoreAnalysis, site: Site, phrases: Phrases) -> DataTable {
        let words = phrases.pillar, common = phrases.site
        var table = DataTable(
            id: "tru-cot-\(pillar.id)-theo-nam", title: words.yearsTitle(pillar.title, analysis.unit),
            columns: [
                .init("year", common.year), .init("value", words.value, .decimal, fractionDigits: 4),
                .init("rank", common.rank, .integer), .init("group_size", words.groupSize, .integer),
                .init("average", common.average, .decimal, fractionDigits: 4), .init("average_basis", common.averageBasis),
                .init("best_unit", words.best), .init("best_value", words.bestValue, .decimal, fractionDigits: 4)
            ],
            rows: [], source: site.config.sourceNote)
        for record in analysis.unitRecords {
            let group = analysis.groups[record.year]
            let aggregate = group?.aggregate(pillar.id)
            table.rows.append([
                .text(String(record.year)), .decimal(record.pillarValues[pillar.id]), .int(group?.rank(of: record.unit, pillar: pillar.id)),
                .int(group?.size), .aggregate(aggregate.map(\.average)),
                .text(group.map { ChartFactory.basis(aggregate!, group: $0, phrases: phrases) } ?? common.insufficient),
                .string(aggregate?.best.map { phrases.status.leaders($0.units) }), .decimal(aggregate?.best?.value)
            ])
        }
        return table
    }

    static func peerTable(_ pillar: Pillar, year: Int, analysis: ScoreAnalysis, site: Site, phrases: Phrases) -> DataTable {
        let words = phrases.pillar
        let peers = analysis.peers(year: year).sorted {
            ($0.pillarValues[pillar.id] ?? -1, $1.unit) > ($1.pillarValues[pillar.id] ?? -1, $0.unit)
        }
        let group = analysis.groups[year]
        var table = DataTable(
            id: "tru-cot-\(pillar.id)-nhom-so-sanh-\(year)",
            title: words.peersTitle(pillar.title, year, site.config.peerGroup),
            columns: [
                .init("unit", words.province), .init("value", words.value, .decimal, fractionDigits: 4),
                .init("rank", words.nationalRank, .integer), .init("index", phrases.site.dtiIndex, .decimal, fractionDigits: 4)
            ],
            rows: [], source: site.config.sourceNote)
        for (i, record) in peers.enumerated() {
            table.rows.append([
                .text(record.unit), .decimal(record.pillarValues[pillar.id]),
                .int(group?.rank(of: record.unit, pillar: pillar.id)), .decimal(record.index)
            ])
            if record.unit == analysis.unit { table.highlighted.insert(i) }
        }
        return table
    }

    /// The pillar's indicators; when the list gives the pillar other points than its maximum (a plan that
    /// lists only part of the framework), the table says so.
    static func indicatorTable(_ pillar: Pillar, _ indicators: [Indicator], all: [Indicator], phrases: Phrases) -> DataTable {
        let words = phrases.pillar
        var table = DataTable(
            id: "tru-cot-\(pillar.id)-chi-tieu", title: words.indicatorsTitle(pillar.title),
            columns: [
                .init("code", phrases.site.code), .init("name", words.indicator),
                .init("max_points", words.maxPoints, .decimal, fractionDigits: 0), .init("scoring_rule", words.scoringRule)
            ],
            rows: indicators.map { [.text($0.code), .text($0.name), .decimal($0.maxPoints), .text($0.scoringRule ?? "")] })
        let listed = Indicator.listedPoints(pillar: pillar.id, in: all)
        if let maximum = pillar.maxPoints, maximum > 0, indicators.contains(where: { $0.maxPoints != nil }), listed != Decimal(maximum) {
            table.source = words.listedPoints(
                VietnameseFormat.decimal(listed, fractionDigits: max(0, min(2, -listed.exponent))), VietnameseFormat.integer(maximum))
        }
        return table
    }
}
