/// /xep-hang/<year>/: every unit of the ranking, by rank, and the same by name (Vietnamese
/// alphabetical order) at /xep-hang/<year>/theo-ten/ — both pre-rendered, no script needed.
enum RankingPageBuilder: PageBuilder {
    static let reads: Set<SiteInput> = [.scores]

    static func pages(_ ctx: inout PageBuildContext) -> [PageSpec] {
        let analysis = ctx.analysis, words = ctx.phrases.ranking, common = ctx.phrases.site
        var specs: [PageSpec] = []
        var years: [[String: Any]] = []
        for group in analysis.allGroups {
            let isMain = analysis.groups[group.year]?.group == group.group
            let path = isMain ? "xep-hang/\(group.year)/" : "xep-hang/\(group.year)/\(Slug.make(group.group))/"
            var entry: [String: Any] = ["year": group.year, "group": group.group, "href": ctx.base + path, "size": group.size]
            if !group.isComplete { entry["partial"] = words.partial(group.records.count, group.size) }
            if group.isMergerDerivation { entry["derived"] = ctx.phrases.status.mergerRule }
            years.append(entry)
            let table = rankingTable(group, ctx: ctx)
            let byName = nameOrdered(table, phrases: ctx.phrases)
            for (order, t) in [("rank", table), ("name", byName)] {
                let pagePath = order == "rank" ? path : path + "theo-ten/"
                let content: [String: Any] = [
                    "year": group.year, "group": group.group, "size": group.size, "table": ctx.table(t),
                    "byRank": order == "rank", "rankHref": ctx.base + path, "nameHref": ctx.base + path + "theo-ten/",
                    "unit": analysis.unit, "rows": group.records.count, "partial": !group.isComplete,
                    "derived": group.isMergerDerivation, "mergerRule": ctx.phrases.status.mergerRule,
                    "hasDerivedRanks": group.records.contains { $0.rankBasis == .derived },
                    "hasStatedRanks": group.records.contains { $0.rankBasis == .stated },
                    "note": group.declared?.note ?? ""
                ]
                specs.append(
                    PageSpec(
                        path: pagePath, title: words.pageTitle(group.year) + (order == "name" ? common.byNameSuffix : ""),
                        description: words.pageDescription(group.year, group.group), template: "ranking",
                        content: TemplateContext(content), section: "xep-hang",
                        breadcrumbs: [(common.rankings, "xep-hang/"), (common.yearNamed(group.year), pagePath)]))
            }
        }
        specs.append(
            PageSpec(
                path: "xep-hang/", title: words.listTitle, description: words.listDescription,
                template: "rankings", content: TemplateContext(["years": years.reversed() as [[String: Any]]]),
                section: "xep-hang", breadcrumbs: [(common.rankings, "xep-hang/")]))
        return specs
    }

    static func rankingTable(_ group: ScoreAnalysis.GroupYear, ctx: PageBuildContext) -> DataTable {
        let site = ctx.site, words = ctx.phrases.ranking, common = ctx.phrases.site
        // Only pillars that someone in this ranking has a value for.
        let published = site.pillars.filter { pillar in group.records.contains { $0.pillarValues[pillar.id] != nil } }
        var columns: [DataTable.Column] = [
            .init("unit", common.unit), .init("rank", words.rankShort, .integer), .init("rank_basis", words.rankBasis),
            .init("index", common.dtiIndex, .decimal, fractionDigits: 4)
        ]
        columns += published.map { .init($0.id, $0.title, .decimal, fractionDigits: 4) }
        let derived = group.isMergerDerivation
        if derived { columns.append(.init("derived_from", words.derivedFrom)) }
        columns.append(.init("source", common.source))
        var table = DataTable(
            id: "xep-hang-\(group.year)-\(Slug.make(group.group))", title: words.tableTitle(group.year, group.group),
            columns: columns, rows: [], source: sources(group, note: site.config.sourceNote, phrases: ctx.phrases))
        for (i, record) in group.records.enumerated() {
            var row: [DataTable.Cell] = [
                .text(record.unit), .int(record.rank), .string(basis(record, phrases: ctx.phrases)), .decimal(record.index)
            ]
            row += published.map { .decimal(record.pillarValues[$0.id]) }
            if derived { row.append(.string(record.derivedFrom?.joined(separator: "; "))) }
            row.append(.string(record.source))
            table.rows.append(row)
            if record.unit == ctx.analysis.unit { table.highlighted.insert(i) }
        }
        return table
    }

    /// "công bố" or "suy ra": Vietnamese words on the page and in the downloads (data/dti.csv accepts them, so a
    /// download can be read back); empty when the row does not say.
    static func basis(_ record: ScoreRecord, phrases: Phrases) -> String? {
        guard let basis = record.rankBasis else { return nil }
        return phrases.status.rankBasis(basis)
    }

    /// The sources a ranking names: the site's note and every distinct source of its rows.
    static func sources(_ group: ScoreAnalysis.GroupYear, note: String?, phrases: Phrases) -> String {
        var seen: Set<String> = []
        let rows = group.records.compactMap(\.source).filter { seen.insert($0).inserted }
        let parts = (note.map { [$0] } ?? []) + (rows.isEmpty ? [] : [phrases.ranking.rowSources + rows.joined(separator: "; ")])
        return parts.joined(separator: " · ")
    }

    static func nameOrdered(_ table: DataTable, phrases: Phrases) -> DataTable {
        var copy = table
        copy.id = table.id + "-theo-ten"
        copy.title = table.title + phrases.site.byNameSuffix
        let order = Collation.sortedByVietnameseName(Array(table.rows.indices)) { DataTable.machine(table.rows[$0][0]) }
        copy.rows = order.map { table.rows[$0] }
        copy.highlighted = Set(order.enumerated().filter { table.highlighted.contains($0.element) }.map(\.offset))
        return copy
    }
}
