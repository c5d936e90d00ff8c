import Foundation

/// /vneid/: every commune table of VNeID progress, grouped by province; /vneid/<district>/ (or
/// /vneid/<province>/ for communes that belong directly to a province, since 1 July 2025): the communes
/// against the year's target, who is behind, the total computed from the counts, and the notes on where
/// the source contradicts itself.
enum VNeIDPageBuilder: PageBuilder {
    static let reads: Set<SiteInput> = [.vneid]

    static func pages(_ ctx: inout PageBuildContext) -> [PageSpec] {
        let site = ctx.site
        guard !site.vneid.isEmpty else { return [] }
        var specs: [PageSpec] = []
        var overview: [[String: Any]] = []
        var provinceOrder: [String] = []
        var byProvince: [String: [[String: Any]]] = [:]
        let siteProvince = site.unit.map { unit in
            unit.level == .province ? unit.name : (site.unit(slug: unit.parent ?? "")?.name ?? unit.name)
        }
        // The per-district work (rows, chart, table) is independent: done concurrently, assembled in order.
        let districts = site.vneid
        let words = ctx.phrases.vneid
        let phrases = ctx.phrases
        let prepared = Concurrent.map(districts) { prepare($0, site: site, phrases: phrases) }
        for (district, ready) in zip(districts, prepared) {
            guard let ready else { continue }
            let rows = ready.rows, years = ready.years
            let totals = VNeIDFigures.totals(district, year: years.actual)
            let counts = Dictionary(grouping: rows.compactMap(\.status), by: { $0 }).mapValues(\.count)
            let path = "vneid/\(district.slug)/"
            let otherProvince = !district.province.isEmpty && district.province != siteProvince
            var summary: [String: Any] = [
                "district": district.district, "province": district.province, "href": ctx.base + path,
                "area": district.areaName, "place": district.place, "isProvince": district.isProvinceLevel,
                "unitLabel": district.isProvinceLevel ? words.provinceCommunes : district.district,
                "communes": district.communes.count, "actualYear": years.actual, "targetYear": years.target ?? "",
                "met": counts[.met] ?? 0, "near": counts[.near] ?? 0, "behind": counts[.behind] ?? 0,
                "otherProvince": otherProvince, "siteProvince": siteProvince ?? "",
                "notes": district.notes.count
            ]
            if let totals {
                summary["population"] = VietnameseFormat.integer(totals.population)
                summary["collectedPercent"] = totals.collectedPercent.map { VietnameseFormat.percent($0, fractionDigits: 1) } ?? ""
                summary["activatedPercent"] = totals.activatedPercent.map { VietnameseFormat.percent($0, fractionDigits: 1) } ?? ""
            }
            if let target = years.target, let stated = district.statedTotal?.years[target]?.targetActivatedPercent {
                summary["targetPercent"] = VietnameseFormat.decimal(stated, fractionDigits: 0) + "%"
            } else if let target = years.target, let weighted = VNeIDFigures.weightedTarget(district, year: target, activated: true) {
                summary["targetPercent"] = VietnameseFormat.percent(weighted, fractionDigits: 1) + words.computedFromCommunes
            }
            overview.append(summary)
            if byProvince[district.province] == nil { provinceOrder.append(district.province) }
            byProvince[district.province, default: []].append(summary)

            let table = ready.table
            let published = ready.chart.map { ctx.publish($0) }
            // One page per district, ordered by status; other orders come from a small sorting script
            // (assets/sap-xep.js), so a national site does not render every table twice.
            var content = summary
            content["body"] = ready.body
            content["rowCount"] = rows.count
            content["total"] = totalContext(district, totals: totals, years: years, words: words)
            content["table"] = ctx.download(table)
            // Where a note is, in the words of the page (the commune, the total row), never a file path.
            // Said only when the message does not name it already.
            content["qualityNotes"] = district.notes.map { note -> [String: Any] in
                let (subject, name) = noteSubject(note, in: district, words: words)
                let named = note.message.contains(name)
                return ["text": note.message, "where": subject, "showWhere": !named]
            }
            content["hasNotes"] = !district.notes.isEmpty
            content["thresholds"] = words.thresholds(
                VietnameseFormat.decimal(site.config.vneid.met, fractionDigits: 0),
                VietnameseFormat.decimal(site.config.vneid.near, fractionDigits: 0))
            if let published { content["chart"] = published }
            var spec = PageSpec(
                path: path, title: words.pageTitle(district.isProvinceLevel ? district.areaName : district.district),
                description: words.pageDescription(district.place),
                template: "vneid-district", content: TemplateContext(content), section: "vneid",
                breadcrumbs: [
                    (ctx.phrases.site.vneid, "vneid/"), (district.isProvinceLevel ? district.areaName : district.district, path)
                ])
            spec.image = ready.chart.map { ChartRasters.path($0.id) }
            specs.append(spec)
        }
        specs.append(
            PageSpec(
                path: "vneid/", title: words.listTitle, description: words.listDescription,
                template: "vneid",
                content: TemplateContext([
                    "districts": overview, "siteProvince": siteProvince ?? "",
                    "provinces": provinceOrder.map { ["province": $0, "units": byProvince[$0] ?? []] as [String: Any] }
                ]),
                section: "vneid", breadcrumbs: [(ctx.phrases.site.vneid, "vneid/")]))
        return specs
    }

    /// What a district's pages need that does not depend on the rest of the site.
    struct Prepared: @unchecked Sendable {
        // The row contexts are only read after this point.
        var rows: [VNeIDProgress.Row]
        var years: (actual: Int, target: Int?)
        var table: DataTable
        var chart: PublishedChart?
        /// The commune rows as HTML, in status order.
        var body: String
    }

    static func prepare(_ district: DistrictProgress, site: Site, phrases: Phrases) -> Prepared? {
        let rows = VNeIDProgress.rows(district, thresholds: site.config.vneid)
        guard let years = VNeIDProgress.years(district) else { return nil }
        let table = communeTable(district, rows: rows, years: years, phrases: phrases)
        return Prepared(
            rows: rows, years: years, table: table,
            chart: progressChart(district, rows: rows, years: years, site: site, phrases: phrases),
            body: rowsHTML(rows, notes: district.notes, phrases: phrases))
    }

    static func percent(_ value: Decimal?) -> String { value.map { VietnameseFormat.percent($0, fractionDigits: 1) } ?? "—" }

    /// The commune rows of the table (`{{{body}}}` in the `vneid-district` template): written here
    /// rather than in the template because a national site has ten thousand of them, and the template
    /// engine spends microseconds on every value it looks up. Every text is escaped; `data-value`
    /// holds the machine value the sorting script (assets/sap-xep.js) orders by.
    static func rowsHTML(_ rows: [VNeIDProgress.Row], notes: [Diagnostic], phrases: Phrases) -> String {
        let words = phrases.vneid
        // Written as UTF-8 bytes: ten thousand communes' rows on a national site.
        var out = TextBuilder(capacity: rows.count * 1200)
        for (position, row) in rows.enumerated() {
            let name = Escape.html(row.commune.name)
            let lines = Set(row.commune.years.values.map(\.location.line))
            let rowNotes = notes.filter { lines.contains($0.location.line) }
            let activatedPercent = percent(row.activatedPercent)
            let targetPercent = row.targetPercent.map { VietnameseFormat.decimal($0, fractionDigits: 0) + "%" } ?? "—"
            out += "<tr>\n<th scope=\"row\" data-value=\"\(name)\">\(name)"
            if !rowNotes.isEmpty {
                let text = rowNotes.map { $0.message }.joined(separator: "; ")
                out += " <a class=\"note-mark\" href=\"#ghi-chu-so-lieu\" title=\"\(Escape.html(text))\">\(words.noteMark)</a>"
            }
            out += "</th>\n"
            out +=
                "<td class=\"num\" data-value=\"\(row.population.map(String.init) ?? "")\">\(row.population.map(VietnameseFormat.integer) ?? "—")</td>\n"
            out +=
                "<td class=\"num\">\(row.collected.map(VietnameseFormat.integer) ?? "—")<span class=\"sub\">\(percent(row.collectedPercent))</span></td>\n"
            out +=
                "<td class=\"num\" data-value=\"\(row.activatedPercent.map(DecimalText.plain) ?? "")\">\(row.activated.map(VietnameseFormat.integer) ?? "—")<span class=\"sub\">\(activatedPercent)</span></td>\n"
            out += "<td class=\"bar-cell\">"
            if let actual = row.activatedPercent {
                out += ProgressBar(value: actual, target: row.targetPercent, statusClass: row.status?.cssClass).svg
            }
            out += "<span class=\"visually-hidden\">\(words.barText(activatedPercent, targetPercent))</span></td>\n"
            out +=
                "<td class=\"num\">\(targetPercent)<span class=\"sub\">\(row.targetAccounts.map(VietnameseFormat.integer) ?? "—")\(words.accounts)</span></td>\n"
            out +=
                "<td class=\"num\" data-value=\"\(row.gap.map(DecimalText.plain) ?? "")\">\(row.gap.map { VietnameseFormat.decimal($0, fractionDigits: 1) + words.gapPoints } ?? "—")</td>\n"
            out +=
                "<td class=\"num\" data-value=\"\(row.accountsNeeded.map(String.init) ?? "")\">\(row.accountsNeeded.map(VietnameseFormat.integer) ?? "—")</td>\n"
            out += "<td data-value=\"\(position)\">"
            if let status = row.status {
                out += "<span class=\"status status-\(status.cssClass)\">\(phrases.status.vneid(status))</span>"
            }
            out += "</td>\n</tr>\n"
        }
        return out.text
    }

    static func totalContext(
        _ district: DistrictProgress, totals: VNeIDFigures.Totals?, years: (actual: Int, target: Int?), words: VNeIDPhrases
    ) -> [String: Any] {
        var context: [String: Any] = [
            "name": words.totalName(district.areaName)
        ]
        if let totals {
            context["population"] = VietnameseFormat.integer(totals.population)
            context["collected"] = VietnameseFormat.integer(totals.collected)
            context["activated"] = VietnameseFormat.integer(totals.activated)
            context["collectedPercent"] = percent(totals.collectedPercent)
            context["activatedPercent"] = percent(totals.activatedPercent)
        }
        var parts: [String] = []
        if let stated = district.statedTotal?.years[years.actual] {
            if let c = stated.statedCollectedPercent {
                parts.append(words.statedCollected(VietnameseFormat.decimal(c, fractionDigits: 0), percent(totals?.collectedPercent)))
            }
            if let a = stated.statedActivatedPercent {
                parts.append(words.statedActivated(VietnameseFormat.decimal(a, fractionDigits: 0), percent(totals?.activatedPercent)))
            }
        }
        if let target = years.target, let stated = district.statedTotal?.years[target] {
            for (value, activated) in [(stated.targetCollectedPercent, false), (stated.targetActivatedPercent, true)] {
                guard let value else { continue }
                let weighted = VNeIDFigures.weightedTarget(district, year: target, activated: activated)
                parts.append(words.statedTarget(activated, target, VietnameseFormat.decimal(value, fractionDigits: 0), percent(weighted)))
            }
        }
        if !parts.isEmpty { context["stated"] = words.statedTotal(district.areaName, parts) }
        if let target = years.target, let stated = district.statedTotal?.years[target]?.targetActivatedPercent {
            context["targetPercent"] = VietnameseFormat.decimal(stated, fractionDigits: 0) + "%"
        }
        return context
    }

    static func communeTable(
        _ district: DistrictProgress, rows: [VNeIDProgress.Row], years: (actual: Int, target: Int?), phrases: Phrases
    ) -> DataTable {
        let words = phrases.vneid
        let targetYear = years.target.map(String.init) ?? ""
        var table = DataTable(
            id: "vneid-\(district.slug)",
            title: words.tableTitle(district.place, years.actual, targetYear),
            columns: [
                .init("commune", words.commune), .init("population", words.population, .integer),
                .init("collected", words.collected, .integer), .init("collected_pct", words.collectedPercent, .percent, fractionDigits: 1),
                .init("activated", words.activated, .integer), .init("activated_pct", words.activatedPercent, .percent, fractionDigits: 1),
                .init("target_activated_pct", words.targetActivated(targetYear), .percent, fractionDigits: 0),
                .init("gap_points", words.gapColumn, .decimal, fractionDigits: 1),
                .init("accounts_needed", words.accountsNeeded, .integer), .init("status", words.status)
            ],
            rows: [], source: district.file)
        table.rows = rows.map { row in
            [
                .text(row.commune.name), .int(row.population), .int(row.collected), .decimal(row.collectedPercent), .int(row.activated),
                .decimal(row.activatedPercent), .decimal(row.targetPercent), .decimal(row.gap), .int(row.accountsNeeded),
                .string(row.status.map(phrases.status.vneid))
            ]
        }
        table.source = words.tableSource(district.place)
        return table
    }

    static func progressChart(
        _ district: DistrictProgress, rows: [VNeIDProgress.Row], years: (actual: Int, target: Int?), site: Site, phrases: Phrases
    ) -> PublishedChart? {
        let words = phrases.vneid
        guard let target = years.target, rows.contains(where: { $0.activatedPercent != nil }) else { return nil }
        let behind = rows.filter { $0.status == .behind }.count
        let summary = words.chartSummary(years.actual, behind, rows.count, district.areaName, target)
        let chart = BarChart(
            id: "vneid-\(district.slug)", title: words.chartTitle(district.place), summary: summary,
            rows: rows.map {
                BarChart.Row(
                    label: $0.commune.name, value: $0.activatedPercent.map(ChartFactory.double),
                    reference: $0.targetPercent.map(ChartFactory.double))
            },
            valueLabel: words.chartValue(years.actual), referenceLabel: words.chartReference(target), referenceStyle: .marker, maximum: 100,
            fractionDigits: 1, unitSuffix: "%", phrases: phrases.charts)
        let heading = ChartHeading(title: chart.title, source: words.chartSource(district.place, site.config.title))
        let drawn = chart.svgs(heading: heading)
        return PublishedChart(
            id: chart.id, title: chart.title, summary: summary, svg: drawn.inline, standalone: drawn.standalone, table: nil)
    }

    /// What a data-quality note is about, as the page names it: "xã Lương Sơn, năm 2023", "dòng tổng, năm
    /// 2024", or where the document states a figure; a row number only when nothing else names it. With
    /// the name a message would contain if it named the place itself.
    static func noteSubject(_ note: Diagnostic, in district: DistrictProgress, words: VNeIDPhrases) -> (String, String) {
        let line = note.location.line
        for commune in district.communes {
            if let year = commune.years.values.first(where: { $0.location.line == line })?.year {
                return (words.noteAtCommune(commune.name, year), commune.name)
            }
        }
        if let year = district.statedTotal?.years.values.first(where: { $0.location.line == line })?.year {
            return (words.noteAtCommune(words.totalRow(district.areaName), year), words.totalRow(district.areaName))
        }
        if let statement = district.statements.first(where: { $0.figures.location.line == line }) {
            return (words.noteAtCommune(statement.place, statement.figures.year), statement.place)
        }
        let subject = words.noteAtRow(line)
        return (subject, subject)
    }
}
