import Dispatch
import Foundation

/// data/vneid.csv → [DistrictProgress], one row per commune and year:
/// `province,district,commune,order,kind,year,population,collected,activated,collected_pct,activated_pct,
///  target_collected_pct,target_collected_accounts,target_activated_pct,target_activated_accounts`.
/// `district` is optional: since 1 July 2025 communes belong directly to a province, and a row without a
/// district belongs to its province's own table. `kind` is `commune` (default), `total` (the total row the
/// document states) or `statement` (a figure of the whole table the document states elsewhere; `commune`
/// says where). Contradictions in the source are data-quality warnings: reported with both figures, never
/// corrected. The checks are in Validate/VNeID/.
enum VNeIDRules {
    static let required = ["commune", "year"]
    static let optional = [
        "province", "district", "order", "kind", "population", "collected", "activated", "collected_pct", "activated_pct",
        "target_collected_pct", "target_collected_accounts", "target_activated_pct", "target_activated_accounts"
    ]

    /// How far a stated percent may be from the computed one: the source rounds to whole percents.
    static let halfPoint = Decimal(sign: .plus, exponent: -1, significand: 5)

    enum Kind: String {
        case commune, total, statement
    }

    static func read(_ table: RawTable, units: [Unit], into diagnostics: inout Diagnostics) -> [DistrictProgress] {
        let plan = Plan(table, into: &diagnostics)
        let results = Concurrent.map(count: plan.districts.count) { i -> (district: DistrictProgress?, diagnostics: Diagnostics) in
            var local = Diagnostics()
            return (plan.readDistrict(i, units: units, into: &local), local)
        }
        return plan.combine(results, into: &diagnostics)
    }

    /// The table's rows grouped by province and district (first appearance keeps the order), so that the
    /// tables can be read concurrently, each into its own diagnostics, and combined in order. Rows without a
    /// district form their province's table.
    struct Plan: Sendable {
        let table: RawTable
        let reader: TableReader
        let districts: [[Int]]

        init(_ table: RawTable, into diagnostics: inout Diagnostics) {
            let reader = TableReader(table, required: VNeIDRules.required, optional: VNeIDRules.optional, into: &diagnostics)
            var groups: [String: [Int]] = [:]
            var order: [String] = []
            if !reader.has("district") && !reader.has("province") {
                diagnostics.error(
                    SourceLocation(file: table.file, line: 1, column: 1),
                    "thiếu cột \"province\" (tỉnh): bảng không có cột \"district\" thì mỗi xã thuộc thẳng một tỉnh, cần ghi tỉnh")
            } else {
                for (index, row) in table.rows.enumerated() {
                    let district = reader.text(row, "district"), province = reader.text(row, "province")
                    if district == nil && province == nil {
                        diagnostics.error(
                            reader.location(row, reader.has("district") ? "district" : "province"),
                            "dòng \(row.line) không ghi huyện (cột \"district\") lẫn tỉnh (cột \"province\"): không biết xã thuộc đâu")
                        continue
                    }
                    let key = "\(province ?? "")|\(district ?? "")"
                    if groups[key] == nil { order.append(key) }
                    groups[key, default: []].append(index)
                }
            }
            self.table = table
            self.reader = reader
            self.districts = order.map { groups[$0]! }
        }

        func readDistrict(_ index: Int, units: [Unit], into diagnostics: inout Diagnostics) -> DistrictProgress? {
            VNeIDRules.readDistrict(districts[index].map { table.rows[$0] }, table: table, reader: reader, units: units, into: &diagnostics)
        }

        /// The tables in order; two tables whose pages would have the same address are an error.
        func combine(_ results: [(district: DistrictProgress?, diagnostics: Diagnostics)], into diagnostics: inout Diagnostics)
            -> [DistrictProgress]
        {
            var list: [DistrictProgress] = []
            var slugs: [String: String] = [:]
            for (district, local) in results {
                diagnostics.append(contentsOf: local)
                guard let district else { continue }
                if let earlier = slugs[district.slug] {
                    let at =
                        district.communes.compactMap { $0.years.values.map(\.location).min() }.min() ?? SourceLocation(file: table.file)
                    diagnostics.error(
                        at,
                        "bảng xã của \(district.areaName) và của \(earlier) cùng có địa chỉ /vneid/\(district.slug)/; hãy đặt slug khác nhau trong data/units.csv"
                    )
                    continue
                }
                slugs[district.slug] = district.areaName
                list.append(district)
            }
            return list
        }
    }

    /// The page address of a table: the district's or province's slug in data/units.csv; for a province
    /// with several units of that name (Lào Cai before and after the merger), the newest that exists in the
    /// table's last year.
    static func unit(named name: String, level: Unit.Level, lastYear: Int?, in units: [Unit]) -> Unit? {
        let candidates = units.filter { $0.name == name && $0.level == level }
        guard candidates.count > 1 else { return candidates.first }
        let existing = lastYear.map { year in candidates.filter { $0.exists(in: year) } } ?? []
        let newest = { (list: [Unit]) in
            list.max { ($0.validFrom ?? LocalDate(year: 1, month: 1, day: 1)) < ($1.validFrom ?? LocalDate(year: 1, month: 1, day: 1)) }
        }
        return newest(existing) ?? candidates.first(where: \.isCurrent) ?? candidates.first
    }

    /// One table's rows (all with the same province and district, or the same province and no district):
    /// its communes, checked.
    static func readDistrict(
        _ rows: [RawTable.Row], table: RawTable, reader: TableReader, units: [Unit],
        into diagnostics: inout Diagnostics
    ) -> DistrictProgress? {
        var entry: DistrictProgress?
        var seen: [String: SourceLocation] = [:]
        for row in rows {
            guard let commune = reader.required(row, "commune", into: &diagnostics),
                let year = reader.int(row, "year", into: &diagnostics)
            else { continue }
            let at = reader.location(row, "commune")
            let kindText = reader.text(row, "kind")?.lowercased() ?? "commune"
            let kind = Kind(rawValue: kindText) ?? .commune
            if Kind(rawValue: kindText) == nil {
                diagnostics.warning(
                    reader.location(row, "kind"),
                    "kind \"\(kindText)\" không được hỗ trợ (dùng commune, total hoặc statement); dòng được đọc là một xã")
            }
            let duplicateKey = "\(kind == .total ? "total" : "commune")|\(commune)|\(year)"
            if kind != .statement, let earlier = seen[duplicateKey] {
                diagnostics.error(at, "xã \"\(commune)\" năm \(year) đã có ở \(earlier); mỗi xã một dòng mỗi năm")
                continue
            }
            seen[duplicateKey] = at
            if entry == nil { entry = makeEntry(row, rows: rows, table: table, reader: reader, units: units, into: &diagnostics) }
            var figures = CommuneYear(
                year: year, population: reader.int(row, "population", into: &diagnostics),
                collected: reader.int(row, "collected", into: &diagnostics), activated: reader.int(row, "activated", into: &diagnostics),
                statedCollectedPercent: reader.decimal(row, "collected_pct", into: &diagnostics),
                statedActivatedPercent: reader.decimal(row, "activated_pct", into: &diagnostics),
                targetCollectedPercent: reader.decimal(row, "target_collected_pct", into: &diagnostics),
                targetCollectedAccounts: reader.int(row, "target_collected_accounts", into: &diagnostics),
                targetActivatedPercent: reader.decimal(row, "target_activated_pct", into: &diagnostics),
                targetActivatedAccounts: reader.int(row, "target_activated_accounts", into: &diagnostics),
                location: SourceLocation(file: table.file, line: row.line, column: 1))
            checkRow(&figures, commune: commune, reader: reader, row: row, isTotal: kind == .total, into: &diagnostics)

            // Changed in place: a copy of the district per row would copy its communes too.
            switch kind {
            case .statement:
                entry!.statements.append(StatedFigure(place: commune, figures: figures))
            case .total:
                var total = entry!.statedTotal ?? CommuneProgress(name: commune, order: nil, isTotal: true, years: [:])
                total.years[year] = figures
                entry!.statedTotal = total
            case .commune:
                if let index = entry!.communes.firstIndex(where: { $0.name == commune }) {
                    entry!.communes[index].years[year] = figures
                } else {
                    let order = reader.int(row, "order", into: &diagnostics)
                    entry!.communes.append(CommuneProgress(name: commune, order: order, isTotal: false, years: [year: figures]))
                }
            }
        }
        guard var district = entry else { return nil }
        checkDistrict(district, into: &diagnostics)
        // The district keeps the findings on its own rows, for the notes on its page.
        let lines = Set(
            (district.communes + [district.statedTotal].compactMap { $0 }).flatMap { $0.years.values.map(\.location.line) }
                + district.statements.map(\.figures.location.line))
        district.notes = diagnostics.all.filter {
            $0.location.file == table.file && $0.kind == .dataQuality && lines.contains($0.location.line)
        }.sorted()
        return district
    }

    /// The table a first row starts: a district's, or its province's when the row names no district.
    static func makeEntry(
        _ row: RawTable.Row, rows: [RawTable.Row], table: RawTable, reader: TableReader, units: [Unit],
        into diagnostics: inout Diagnostics
    ) -> DistrictProgress {
        let province = reader.text(row, "province") ?? ""
        guard let district = reader.text(row, "district") else {
            let lastYear = rows.compactMap { reader.text($0, "year").flatMap { Int($0) } }.max()
            let unit = unit(named: province, level: .province, lastYear: lastYear, in: units)
            if unit == nil {
                diagnostics.warning(
                    reader.location(row, "province"),
                    "tỉnh \"\(province)\" chưa có trong data/units.csv (level province); trang vẫn được dựng")
            }
            return DistrictProgress(
                province: province, district: province, slug: unit?.slug ?? Slug.make(province), communes: [], statedTotal: nil,
                file: table.file, level: .province)
        }
        let unit = units.first { $0.name == district && $0.level == .district }
        if unit == nil {
            diagnostics.warning(
                reader.location(row, "district"),
                "huyện \"\(district)\" chưa có trong data/units.csv (level district, parent là tỉnh); trang vẫn được dựng")
        }
        return DistrictProgress(
            province: province, district: district, slug: unit?.slug ?? Slug.make(district), communes: [], statedTotal: nil,
            file: table.file)
    }
}
