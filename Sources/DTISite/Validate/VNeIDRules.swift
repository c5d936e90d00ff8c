import Dispatch
import Foundation

/// data/vneid.csv → [DistrictProgress], one row per commune and year:
/// `province,district,commune,order,kind,year,population,collected,activated,collected_pct,activated_pct,
///  target_collected_pct,target_collected_accounts,target_activated_pct,target_activated_accounts`.
/// Contradictions in the source are data-quality warnings: reported with both figures, never corrected.
enum VNeIDRules {
    static let required = ["district", "commune", "year"]
    static let optional = [
        "province", "order", "kind", "population", "collected", "activated", "collected_pct", "activated_pct",
        "target_collected_pct", "target_collected_accounts", "target_activated_pct", "target_activated_accounts"
    ]

    /// How far a stated percent may be from the computed one: the source rounds to whole percents.
    static let halfPoint = Decimal(sign: .plus, exponent: -1, significand: 5)

    static func read(_ table: CSVTable, units: [Unit], into diagnostics: inout Diagnostics) -> [DistrictProgress] {
        let plan = Plan(table, into: &diagnostics)
        let results = Concurrent.map(count: plan.districts.count) { i -> (district: DistrictProgress?, diagnostics: Diagnostics) in
            var local = Diagnostics()
            return (plan.readDistrict(i, units: units, into: &local), local)
        }
        return plan.combine(results, into: &diagnostics)
    }

    /// The table's rows grouped by district (first appearance keeps the order), so that the districts
    /// can be read concurrently, each into its own diagnostics, and combined in order.
    struct Plan: Sendable {
        let table: CSVTable
        let reader: TableReader
        let districts: [[Int]]

        init(_ table: CSVTable, into diagnostics: inout Diagnostics) {
            let reader = TableReader(table, required: VNeIDRules.required, optional: VNeIDRules.optional, into: &diagnostics)
            var groups: [String: [Int]] = [:]
            var order: [String] = []
            for (index, row) in table.rows.enumerated() {
                guard let district = reader.required(row, "district", into: &diagnostics) else { continue }
                let key = "\(reader.text(row, "province") ?? "")|\(district)"
                if groups[key] == nil { order.append(key) }
                groups[key, default: []].append(index)
            }
            self.table = table
            self.reader = reader
            self.districts = order.map { groups[$0]! }
        }

        func readDistrict(_ index: Int, units: [Unit], into diagnostics: inout Diagnostics) -> DistrictProgress? {
            VNeIDRules.readDistrict(districts[index].map { table.rows[$0] }, table: table, reader: reader, units: units, into: &diagnostics)
        }

        func combine(_ results: [(district: DistrictProgress?, diagnostics: Diagnostics)], into diagnostics: inout Diagnostics)
            -> [DistrictProgress]
        {
            var list: [DistrictProgress] = []
            for (district, local) in results {
                diagnostics.append(contentsOf: local)
                if let district { list.append(district) }
            }
            return list
        }
    }

    /// One district's rows (all with the same province and district): its communes, checked.
    static func readDistrict(
        _ rows: [CSVTable.Row], table: CSVTable, reader: TableReader, units: [Unit],
        into diagnostics: inout Diagnostics
    ) -> DistrictProgress? {
        var entry: DistrictProgress?
        var seen: [String: SourceLocation] = [:]
        for row in rows {
            guard let district = reader.text(row, "district"),
                let commune = reader.required(row, "commune", into: &diagnostics),
                let year = reader.int(row, "year", into: &diagnostics)
            else { continue }
            let province = reader.text(row, "province") ?? ""
            let at = reader.location(row, "commune")
            let duplicateKey = "\(commune)|\(year)"
            if let earlier = seen[duplicateKey] {
                diagnostics.error(at, "xã \"\(commune)\" năm \(year) đã có ở \(earlier); mỗi xã một dòng mỗi năm")
                continue
            }
            seen[duplicateKey] = at
            if entry == nil {
                let unit = units.first { $0.name == district && $0.level == .district }
                if unit == nil {
                    diagnostics.warning(
                        reader.location(row, "district"),
                        "huyện \"\(district)\" chưa có trong data/units.csv (level district, parent là tỉnh); trang vẫn được dựng")
                }
                entry = DistrictProgress(
                    province: province, district: district, slug: unit?.slug ?? Slug.make(district),
                    communes: [], statedTotal: nil, file: table.file)
            }
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
            let isTotal = (reader.text(row, "kind") ?? "commune").lowercased() == "total"
            checkRow(&figures, commune: commune, reader: reader, row: row, isTotal: isTotal, into: &diagnostics)

            // Changed in place: a copy of the district per row would copy its communes too.
            if isTotal {
                var total = entry!.statedTotal ?? CommuneProgress(name: commune, order: nil, isTotal: true, years: [:])
                total.years[year] = figures
                entry!.statedTotal = total
            } else if let index = entry!.communes.firstIndex(where: { $0.name == commune }) {
                entry!.communes[index].years[year] = figures
            } else {
                let order = reader.int(row, "order", into: &diagnostics)
                entry!.communes.append(CommuneProgress(name: commune, order: order, isTotal: false, years: [year: figures]))
            }
        }
        guard var district = entry else { return nil }
        checkDistrict(district, into: &diagnostics)
        // The district keeps the findings on its own rows, for the notes on its page.
        let lines = Set((district.communes + [district.statedTotal].compactMap { $0 }).flatMap { $0.years.values.map(\.location.line) })
        district.notes = diagnostics.all.filter {
            $0.location.file == table.file && $0.kind == .dataQuality && lines.contains($0.location.line)
        }.sorted()
        return district
    }

    /// Counts within their population; stated percents that agree with their counts.
    static func checkRow(
        _ figures: inout CommuneYear, commune: String, reader: TableReader, row: CSVTable.Row, isTotal: Bool,
        into diagnostics: inout Diagnostics
    ) {
        for (column, count) in [("collected", figures.collected), ("activated", figures.activated)] {
            guard let count, let population = figures.population else { continue }
            if count > population {
                diagnostics.append(
                    .dataQuality(
                        reader.location(row, column),
                        "\(commune) năm \(figures.year) có \(VietnameseFormat.integer(count)) (\(column == "collected" ? "thu nhận" : "kích hoạt")) nhiều hơn dân số \(VietnameseFormat.integer(population))"
                    ))
            }
        }
        if let activated = figures.activated, let collected = figures.collected, activated > collected {
            diagnostics.append(
                .dataQuality(
                    reader.location(row, "activated"),
                    "\(commune) năm \(figures.year) có số kích hoạt (\(activated)) lớn hơn số thu nhận (\(collected))"))
        }
        for (column, stated, count) in [
            ("collected_pct", figures.statedCollectedPercent, figures.collected),
            ("activated_pct", figures.statedActivatedPercent, figures.activated)
        ] {
            guard let stated, let count, let population = figures.population,
                let computed = VNeIDFigures.percent(count, of: population)
            else { continue }
            // The source rounds to whole percents: more than half a point apart is a contradiction.
            if abs(stated - computed) > halfPoint {
                diagnostics.append(
                    .dataQuality(
                        reader.location(row, column),
                        "\(commune) năm \(figures.year): tỷ lệ ghi trong văn bản \(VietnameseFormat.decimal(stated, fractionDigits: 0))% không khớp với \(VietnameseFormat.integer(count))/\(VietnameseFormat.integer(population)) = \(VietnameseFormat.percent(computed, fractionDigits: 1))"
                    ))
            }
        }
    }

    /// Across the district: missing communes, the stated total against the weighted total, targets that fall.
    static func checkDistrict(_ district: DistrictProgress, into diagnostics: inout Diagnostics) {
        let allYears = Set(district.communes.flatMap { $0.years.keys })
        for year in allYears.sorted() where VNeIDFigures.totalsOverflow(district, year: year) {
            let first = district.communes.compactMap { $0.years[year]?.location }.min() ?? SourceLocation(file: district.file)
            diagnostics.error(
                first,
                "tổng dân số hoặc tổng số người của các xã \(district.district) năm \(year) quá lớn để cộng; hãy kiểm tra các cột population, collected, activated"
            )
        }
        for commune in district.communes {
            let missing = allYears.subtracting(commune.years.keys).sorted()
            if !missing.isEmpty, let location = commune.years.values.map(\.location).min() {
                diagnostics.append(
                    .dataQuality(
                        location,
                        "xã \"\(commune.name)\" thiếu dòng năm \(missing.map(String.init).joined(separator: ", ")) mà các xã khác có"
                    ))
            }
            let years = commune.years.keys.sorted()
            for (previous, year) in zip(years, years.dropFirst()) {
                guard let now = commune.years[year], let before = commune.years[previous] else { continue }
                for (label, target, earlier) in [
                    ("kích hoạt", now.targetActivatedPercent, before.targetActivatedPercent ?? statedOrComputed(before, activated: true)),
                    ("thu nhận", now.targetCollectedPercent, before.targetCollectedPercent ?? statedOrComputed(before, activated: false))
                ] {
                    if let target, let earlier, target < earlier {
                        diagnostics.append(
                            .dataQuality(
                                now.location,
                                "chỉ tiêu \(label) năm \(year) của \(commune.name) (\(VietnameseFormat.decimal(target, fractionDigits: 0))%) thấp hơn năm \(previous) (\(VietnameseFormat.decimal(earlier, fractionDigits: 1))%)"
                            ))
                    }
                }
            }
        }
        guard let stated = district.statedTotal else { return }
        for (year, figures) in stated.years.sorted(by: { $0.key < $1.key }) {
            guard let totals = VNeIDFigures.totals(district, year: year) else { continue }
            for (label, statedPercent, computed) in [
                ("thu nhận", figures.statedCollectedPercent, totals.collectedPercent),
                ("kích hoạt", figures.statedActivatedPercent, totals.activatedPercent)
            ] {
                guard let statedPercent, let computed, abs(statedPercent - computed) > halfPoint else { continue }
                diagnostics.append(
                    .dataQuality(
                        figures.location,
                        "tổng \(district.district) năm \(year) ghi tỷ lệ \(label) \(VietnameseFormat.decimal(statedPercent, fractionDigits: 0))%, nhưng tổng số người / tổng dân số của các xã là \(VietnameseFormat.percent(computed, fractionDigits: 1))"
                    ))
            }
        }
    }

    static func statedOrComputed(_ figures: CommuneYear, activated: Bool) -> Decimal? {
        let count = activated ? figures.activated : figures.collected
        if let count, let population = figures.population { return VNeIDFigures.percent(count, of: population) }
        return activated ? figures.statedActivatedPercent : figures.statedCollectedPercent
    }
}
