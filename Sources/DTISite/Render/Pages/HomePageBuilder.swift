import Foundation

/// The overview page: latest index and rank, the change, the years, the pillars against the average.
enum HomePageBuilder: PageBuilder {
    static let reads: Set<SiteInput> = [.scores, .home, .documents, .tasks, .agencies, .vneid]

    static func pages(_ ctx: inout PageBuildContext) -> [PageSpec] {
        let site = ctx.site, analysis = ctx.analysis, show = ctx.display, phrases = ctx.phrases
        var content: [String: Any] = ["unit": site.config.unit]
        var image: String?
        if let home = site.home { content["intro"] = ctx.markdown(home) }

        if let latest = analysis.latest, let group = analysis.groups[latest.year] {
            var headline: [String: Any] = [
                "year": latest.year,
                "index": show.index(latest.index),
                "rank": latest.rank.map(String.init) ?? phrases.site.missing,
                "groupSize": group.size,
                "group": group.group,
                "average": group.averageIndex.map { show.index($0) } ?? phrases.site.insufficient,
                "averageLabel": ctx.renderer.charts.averageLabel(group),
                "rankBasis": latest.rankBasis.map(phrases.status.rankBasis) ?? ""
            ]
            let others = analysis.otherRanks(year: latest.year).map {
                phrases.overview.inYear(latest.year)
                    + phrases.status.otherRank($0.group.group, $0.group.size, $0.rank, $0.afterMerger, $0.derived)
            }
            if !others.isEmpty { headline["others"] = others.map { ["text": $0] } }
            if let best = group.best { headline["best"] = "\(phrases.status.leaders(best.units)) (\(show.index(best.value)))" }
            if let change = show.change(analysis.rankChange(to: latest.year)) { headline["change"] = change }
            if let peer = analysis.peerPosition(year: latest.year), let region = site.config.peerGroup {
                headline["peer"] = ["position": peer.position, "of": peer.of, "region": region]
            }
            if let previous = analysis.previous, let delta = Display.indexChange(previous.index, latest.index) {
                headline["indexChange"] = delta
                headline["previousYear"] = previous.year
            }
            content["headline"] = headline
            content["history"] = ctx.table(historyTable(analysis, site: site, phrases: phrases, charts: ctx.renderer.charts))
            content["pillarSummary"] = pillarSummary(latest: latest, group: group, site: site, base: ctx.base, ctx: ctx)
            let factory = ctx.renderer.charts
            let published = ctx.remember("home:charts", reads: [.scores]) { factory.overview }
            let charts = published.map { ctx.publish($0) }
            if !charts.isEmpty { content["charts"] = ["overview": charts] }
            image = published.first.map { ChartRasters.path($0.id) }
        }
        content["pillars"] = site.pillars.map { pillar in
            [
                "title": pillar.title, "summary": pillar.summary, "href": ctx.base + "tru-cot/\(pillar.id)/",
                "maxPoints": pillar.maxPoints.map { VietnameseFormat.integer($0) } ?? ""
            ] as [String: Any]
        }
        let districts = ctx.remember("home:vneid-behind", reads: [.vneid]) { districtsBehind(site: site, base: ctx.base) }
        if let behind = behind(site: site, base: ctx.base, districts: districts) { content["behind"] = behind }
        content["hasDocuments"] = !site.documents.isEmpty
        content["documents"] = site.documents.prefix(4).map {
            ["title": $0.page.title, "href": ctx.base + "van-ban/\($0.page.slug)/", "number": $0.number ?? ""] as [String: Any]
        }
        var spec = PageSpec(
            path: "", title: site.config.title, description: site.config.description, template: "home",
            content: TemplateContext(content), section: "home")
        spec.image = image
        return [spec]
    }

    /// The unit's index and rank by year, with the group's average and best.
    static func historyTable(_ analysis: ScoreAnalysis, site: Site, phrases: Phrases, charts: ChartFactory) -> DataTable {
        let words = phrases.overview, common = phrases.site
        let columns: [DataTable.Column] = [
            .init("year", common.year), .init("index", common.dtiIndex, .decimal, fractionDigits: 4),
            .init("rank", common.rank, .integer), .init("group_size", words.groupSize, .integer), .init("rank_basis", words.rankBasis),
            .init("rank_change", words.rankChange), .init("average", common.average, .decimal, fractionDigits: 4),
            .init("average_basis", common.averageBasis), .init("best_unit", words.leader),
            .init("best_index", words.leaderIndex, .decimal, fractionDigits: 4)
        ]
        var table = DataTable(
            id: "dti-\(Slug.make(analysis.unit))-theo-nam", title: words.historyTitle(analysis.unit),
            columns: columns, rows: [], source: site.config.sourceNote)
        for record in analysis.unitRecords {
            let group = analysis.groups[record.year]
            let aggregate = group?.aggregate("index")
            table.rows.append([
                .text(String(record.year)), .decimal(record.index), .int(record.rank), .int(group?.size),
                .string(RankingPageBuilder.basis(record, phrases: phrases)),
                analysis.rankChange(to: record.year).map { .text(phrases.status.rankChange($0)) } ?? .text("—"),
                .aggregate(aggregate.map(\.average)),
                .text(group.map { ChartFactory.basis(aggregate!, group: $0, phrases: phrases) } ?? common.insufficient),
                .string(aggregate?.best.map { phrases.status.leaders($0.units) }), .decimal(aggregate?.best?.value)
            ])
        }
        return table
    }

    /// Published pillars in the latest year: the unit against the average, strongest and weakest marked.
    static func pillarSummary(
        latest: ScoreRecord, group: ScoreAnalysis.GroupYear, site: Site, base: String, ctx: PageBuildContext
    ) -> [String: Any] {
        let show = ctx.display
        var items: [[String: Any]] = []
        var gaps: [(String, Decimal)] = []
        let pillars = site.pillars.filter(\.isScored)
        for pillar in pillars {
            let value = latest.pillarValues[pillar.id]
            let average = group.averageValue(pillar: pillar.id)
            var item: [String: Any] = [
                "title": pillar.title, "href": base + "tru-cot/\(pillar.id)/",
                "value": show.index(value),
                "average": average.map { show.index(PublishedRounding.index($0)) } ?? ctx.phrases.site.insufficient,
                "published": value != nil
            ]
            if let value, let average {
                let gap = value - average
                gaps.append((pillar.id, gap))
                item["gap"] = VietnameseFormat.signed(PublishedRounding.index(gap), fractionDigits: 4)
                item["above"] = gap >= 0
            }
            if let rank = group.rank(of: latest.unit, pillar: pillar.id) { item["rank"] = "\(rank)/\(group.size)" }
            items.append(item)
        }
        let strongest = gaps.max { $0.1 < $1.1 }?.0
        let weakest = gaps.min { $0.1 < $1.1 }?.0
        for i in items.indices {
            let id = pillars[i].id
            items[i]["strongest"] = id == strongest && gaps.count > 1
            items[i]["weakest"] = id == weakest && gaps.count > 1
        }
        var summary: [String: Any] = [
            "year": latest.year, "items": items, "averageLabel": ctx.renderer.charts.averageLabel(group).lowercased()
        ]
        if gaps.count > 1, let s = strongest, let w = weakest {
            summary["strongest"] = Display.pillarTitle(s, in: site)
            summary["weakest"] = Display.pillarTitle(w, in: site)
        }
        return summary
    }

    /// "Việc chậm": tasks past their deadline without a completion report, by lead agency, and the
    /// communes behind their VNeID activation target, by district; each links to its page.
    static func behind(site: Site, base: String, districts: [[String: Any]]) -> [String: Any]? {
        let asOf = site.config.asOf
        // The site's own plans: a district of another province, published as an example, is not the site's delay.
        let overdue = site.tasks.filter { site.isOwn(document: $0.document) && DeadlineStatus.of($0, asOf: asOf) == .overdue }
        var agencies: [(name: String, slug: String, count: Int)] = []
        if !overdue.isEmpty {
            for agency in site.agencies {
                let count = overdue.filter { $0.leads.contains(agency.name) }.count
                if count > 0 { agencies.append((agency.name, agency.slug, count)) }
            }
            agencies.sort { ($0.count, $1.name) > ($1.count, $0.name) }
        }
        guard !overdue.isEmpty || !districts.isEmpty else { return nil }
        return [
            "asOf": VietnameseFormat.date(asOf), "overdue": overdue.count, "hasOverdue": !overdue.isEmpty,
            "agencies": agencies.map { ["name": $0.name, "count": $0.count, "href": base + "co-quan/\($0.slug)/"] as [String: Any] },
            "agenciesHref": base + "co-quan/", "districts": districts, "hasDistricts": !districts.isEmpty
        ]
    }

    /// The VNeID tables with communes behind their activation target: the district, how many, its page.
    static func districtsBehind(site: Site, base: String) -> [[String: Any]] {
        var districts: [[String: Any]] = []
        for district in site.vneid {
            let rows = VNeIDProgress.rows(district, thresholds: site.config.vneid)
            let behind = rows.filter { $0.status == .behind }.count
            guard behind > 0 else { continue }
            districts.append([
                "district": district.district, "province": district.province, "behind": behind, "communes": rows.count,
                "href": base + "vneid/\(district.slug)/"
            ])
        }
        return districts
    }
}
