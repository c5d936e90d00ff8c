import Foundation

/// /vneid/: every commune table of VNeID progress, grouped by province; /vneid/<district>/ (or
/// /vneid/<province>/ for communes that belong directly to a province, since 1 July 2025): the communes
/// against the year's target, who is behind, the total computed from the counts, and the notes on where
/// the source contradicts itself.
enum VNeIDPageBuilder: PageBuilder {
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
        let prepared = Concurrent.map(districts) { prepare($0, site: site) }
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
                "unitLabel": district.isProvinceLevel ? "Các xã trực thuộc tỉnh" : district.district,
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
                summary["targetPercent"] = VietnameseFormat.percent(weighted, fractionDigits: 1) + " (tính từ các xã)"
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
            content["total"] = totalContext(district, totals: totals, years: years)
            content["table"] = ctx.download(table)
            // Where a note is, in the words of the page (the commune, the total row), never a file path.
            // Said only when the message does not name it already.
            content["qualityNotes"] = district.notes.map { note -> [String: Any] in
                let subject = noteSubject(note, in: district)
                let named = note.message.contains(subject.components(separatedBy: ", năm ").first ?? subject)
                return ["text": note.message, "where": subject, "showWhere": !named]
            }
            content["hasNotes"] = !district.notes.isEmpty
            content["thresholds"] =
                "đạt: từ \(VietnameseFormat.decimal(site.config.vneid.met, fractionDigits: 0))% chỉ tiêu trở lên; gần đạt: từ \(VietnameseFormat.decimal(site.config.vneid.near, fractionDigits: 0))%"
            if let published { content["chart"] = published }
            specs.append(
                PageSpec(
                    path: path, title: "Định danh điện tử: \(district.isProvinceLevel ? district.areaName : district.district)",
                    description:
                        "Tiến độ thu nhận và kích hoạt tài khoản định danh điện tử mức 2 (VNeID) theo xã, \(district.place)",
                    template: "vneid-district", content: TemplateContext(content), section: "vneid",
                    breadcrumbs: [("VNeID theo xã", "vneid/"), (district.isProvinceLevel ? district.areaName : district.district, path)]))
        }
        specs.append(
            PageSpec(
                path: "vneid/", title: "Định danh điện tử (VNeID) theo xã",
                description: "Tiến độ thu nhận và kích hoạt định danh điện tử mức 2 theo xã, so với chỉ tiêu",
                template: "vneid",
                content: TemplateContext([
                    "districts": overview, "siteProvince": siteProvince ?? "",
                    "provinces": provinceOrder.map { ["province": $0, "units": byProvince[$0] ?? []] as [String: Any] }
                ]),
                section: "vneid", breadcrumbs: [("VNeID theo xã", "vneid/")]))
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

    static func prepare(_ district: DistrictProgress, site: Site) -> Prepared? {
        let rows = VNeIDProgress.rows(district, thresholds: site.config.vneid)
        guard let years = VNeIDProgress.years(district) else { return nil }
        let table = communeTable(district, rows: rows, years: years, site: site)
        return Prepared(
            rows: rows, years: years, table: table,
            chart: progressChart(district, rows: rows, years: years, site: site),
            body: rowsHTML(rows, notes: district.notes))
    }

    static func percent(_ value: Decimal?) -> String { value.map { VietnameseFormat.percent($0, fractionDigits: 1) } ?? "—" }

    /// The commune rows of the table (`{{{body}}}` in the `vneid-district` template): written here
    /// rather than in the template because a national site has ten thousand of them, and the template
    /// engine spends microseconds on every value it looks up. Every text is escaped; `data-value`
    /// holds the machine value the sorting script (assets/sap-xep.js) orders by.
    static func rowsHTML(_ rows: [VNeIDProgress.Row], notes: [Diagnostic]) -> String {
        var out = ""
        out.reserveCapacity(rows.count * 1200)
        for (position, row) in rows.enumerated() {
            let name = Escape.html(row.commune.name)
            let lines = Set(row.commune.years.values.map(\.location.line))
            let rowNotes = notes.filter { lines.contains($0.location.line) }
            let activatedPercent = percent(row.activatedPercent)
            let targetPercent = row.targetPercent.map { VietnameseFormat.decimal($0, fractionDigits: 0) + "%" } ?? "—"
            out += "<tr>\n<th scope=\"row\" data-value=\"\(name)\">\(name)"
            if !rowNotes.isEmpty {
                let text = rowNotes.map { $0.message }.joined(separator: "; ")
                out += " <a class=\"note-mark\" href=\"#ghi-chu-so-lieu\" title=\"\(Escape.html(text))\">ghi chú</a>"
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
            out += "<span class=\"visually-hidden\">Đã kích hoạt \(activatedPercent), chỉ tiêu \(targetPercent)</span></td>\n"
            out +=
                "<td class=\"num\">\(targetPercent)<span class=\"sub\">\(row.targetAccounts.map(VietnameseFormat.integer) ?? "—") tài khoản</span></td>\n"
            out +=
                "<td class=\"num\" data-value=\"\(row.gap.map(DecimalText.plain) ?? "")\">\(row.gap.map { VietnameseFormat.decimal($0, fractionDigits: 1) + " điểm %" } ?? "—")</td>\n"
            out +=
                "<td class=\"num\" data-value=\"\(row.accountsNeeded.map(String.init) ?? "")\">\(row.accountsNeeded.map(VietnameseFormat.integer) ?? "—")</td>\n"
            out += "<td data-value=\"\(position)\">"
            if let status = row.status {
                out += "<span class=\"status status-\(status.cssClass)\">\(status.vietnamese)</span>"
            }
            out += "</td>\n</tr>\n"
        }
        return out
    }

    static func totalContext(_ district: DistrictProgress, totals: VNeIDFigures.Totals?, years: (actual: Int, target: Int?)) -> [String:
        Any]
    {
        var context: [String: Any] = [
            "name": "Toàn \(district.areaName) (tính từ các xã)"
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
                parts.append(
                    "thu nhận \(VietnameseFormat.decimal(c, fractionDigits: 0))% (tính từ số liệu: \(percent(totals?.collectedPercent)))")
            }
            if let a = stated.statedActivatedPercent {
                parts.append(
                    "kích hoạt \(VietnameseFormat.decimal(a, fractionDigits: 0))% (tính từ số liệu: \(percent(totals?.activatedPercent)))")
            }
        }
        if let target = years.target, let stated = district.statedTotal?.years[target] {
            for (label, value, activated) in [
                ("chỉ tiêu thu nhận", stated.targetCollectedPercent, false), ("chỉ tiêu kích hoạt", stated.targetActivatedPercent, true)
            ] {
                guard let value else { continue }
                let weighted = VNeIDFigures.weightedTarget(district, year: target, activated: activated)
                parts.append(
                    "\(label) \(target) \(VietnameseFormat.decimal(value, fractionDigits: 0))% (tính từ chỉ tiêu các xã theo dân số: \(percent(weighted)))"
                )
            }
        }
        if !parts.isEmpty { context["stated"] = "Văn bản ghi tổng toàn \(district.areaName): " + parts.joined(separator: "; ") }
        if let target = years.target, let stated = district.statedTotal?.years[target]?.targetActivatedPercent {
            context["targetPercent"] = VietnameseFormat.decimal(stated, fractionDigits: 0) + "%"
        }
        return context
    }

    static func communeTable(_ district: DistrictProgress, rows: [VNeIDProgress.Row], years: (actual: Int, target: Int?), site: Site)
        -> DataTable
    {
        let targetYear = years.target.map(String.init) ?? ""
        var table = DataTable(
            id: "vneid-\(district.slug)",
            title:
                "Định danh điện tử theo xã: \(district.place), năm \(years.actual) so với chỉ tiêu \(targetYear)",
            columns: [
                .init("commune", "Xã, thị trấn"), .init("population", "Dân số", .integer), .init("collected", "Đã thu nhận", .integer),
                .init("collected_pct", "Tỷ lệ thu nhận", .percent, fractionDigits: 1), .init("activated", "Đã kích hoạt", .integer),
                .init("activated_pct", "Tỷ lệ kích hoạt", .percent, fractionDigits: 1),
                .init("target_activated_pct", "Chỉ tiêu kích hoạt \(targetYear)", .percent, fractionDigits: 0),
                .init("gap_points", "Còn thiếu (điểm %)", .decimal, fractionDigits: 1),
                .init("accounts_needed", "Cần thêm (tài khoản)", .integer),
                .init("status", "Tình trạng")
            ],
            rows: [], source: district.file)
        table.rows = rows.map { row in
            [
                .text(row.commune.name), .int(row.population), .int(row.collected), .decimal(row.collectedPercent), .int(row.activated),
                .decimal(row.activatedPercent), .decimal(row.targetPercent), .decimal(row.gap), .int(row.accountsNeeded),
                .string(row.status?.vietnamese)
            ]
        }
        table.source =
            "Nguồn: \(district.place); tỷ lệ tính từ số người / dân số, làm tròn 1 chữ số thập phân"
        return table
    }

    static func progressChart(_ district: DistrictProgress, rows: [VNeIDProgress.Row], years: (actual: Int, target: Int?), site: Site)
        -> PublishedChart?
    {
        guard let target = years.target, rows.contains(where: { $0.activatedPercent != nil }) else { return nil }
        let behind = rows.filter { $0.status == .behind }.count
        let summary = "Năm \(years.actual), \(behind)/\(rows.count) xã của \(district.areaName) chưa đạt chỉ tiêu kích hoạt năm \(target)"
        let chart = BarChart(
            id: "vneid-\(district.slug)", title: "Kích hoạt VNeID theo xã, \(district.place)", summary: summary,
            rows: rows.map {
                BarChart.Row(
                    label: $0.commune.name, value: $0.activatedPercent.map(ChartFactory.double),
                    reference: $0.targetPercent.map(ChartFactory.double))
            },
            valueLabel: "Đã kích hoạt \(years.actual)", referenceLabel: "Chỉ tiêu \(target)", referenceStyle: .marker, maximum: 100,
            fractionDigits: 1, unitSuffix: "%")
        let heading = ChartHeading(
            title: chart.title, source: "Nguồn: kế hoạch của \(district.place) · \(site.config.title)")
        let drawn = chart.svgs(heading: heading)
        return PublishedChart(
            id: chart.id, title: chart.title, summary: summary, svg: drawn.inline, standalone: drawn.standalone, table: nil)
    }

    /// What a data-quality note is about, as the page names it: "xã Lương Sơn, năm 2023", "dòng tổng, năm
    /// 2024", or where the document states a figure; a row number only when nothing else names it.
    static func noteSubject(_ note: Diagnostic, in district: DistrictProgress) -> String {
        let line = note.location.line
        for commune in district.communes {
            if let year = commune.years.values.first(where: { $0.location.line == line })?.year { return "\(commune.name), năm \(year)" }
        }
        if let year = district.statedTotal?.years.values.first(where: { $0.location.line == line })?.year {
            return "dòng tổng toàn \(district.areaName), năm \(year)"
        }
        if let statement = district.statements.first(where: { $0.figures.location.line == line }) {
            return "\(statement.place), năm \(statement.figures.year)"
        }
        return "dòng \(line) của bảng số liệu"
    }
}
