import Foundation

/// data/dti.csv → [ScoreRecord]. Wide format: one row per (year, group, unit); a column per pillar id
/// holds the pillar's value, a column "rank.<pillar id>" its published rank.
enum ScoreRules {
    static let required = ["year", "group", "unit", "index"]
    static let optional = ["rank", "rank_basis", "source", "notes"]

    static func read(
        _ table: CSVTable, units: [Unit], pillars: [Pillar], siteUnit: String,
        into diagnostics: inout Diagnostics
    ) -> [ScoreRecord] {
        let pillarIDs = pillars.map(\.id)
        let reader = TableReader(
            table, required: required, optional: optional + pillarIDs + pillarIDs.map { "rank." + $0 },
            into: &diagnostics)
        let unitNames = units.map(\.name)
        let known = Set(unitNames)
        var records: [ScoreRecord] = []
        var seen: [String: SourceLocation] = [:]

        for row in table.rows {
            guard let year = reader.int(row, "year", into: &diagnostics) else {
                if reader.text(row, "year") == nil {
                    diagnostics.error(
                        reader.location(row, "year"), "\(reader.cellName(row, "year")) đang trống; cần năm đánh giá, ví dụ 2024")
                }
                continue
            }
            if !(1990...2200).contains(year) {
                diagnostics.error(reader.location(row, "year"), "\(reader.cellName(row, "year")): năm \(year) không hợp lệ")
                continue
            }
            guard let group = reader.required(row, "group", into: &diagnostics),
                let unit = reader.required(row, "unit", into: &diagnostics)
            else { continue }
            guard known.contains(unit) else {
                var message = "\(reader.cellName(row, "unit")): đơn vị \"\(unit)\" không có trong data/units.csv"
                if let near = Suggest.closest(to: unit, in: unitNames) { message += "; có phải \"\(near)\"?" }
                diagnostics.error(reader.location(row, "unit"), message)
                continue
            }
            let key = "\(year)|\(group)|\(unit)"
            if let earlier = seen[key] {
                diagnostics.error(
                    reader.location(row, "unit"),
                    "\(unit) năm \(year) (nhóm \"\(group)\") đã có ở \(earlier); mỗi đơn vị chỉ một dòng mỗi năm")
                continue
            }
            seen[key] = reader.location(row, "unit")

            func share(_ column: String) -> Decimal? {
                guard let value = reader.decimal(row, column, into: &diagnostics) else { return nil }
                guard value >= 0, value <= 1 else {
                    diagnostics.error(
                        reader.location(row, column),
                        "\(reader.cellName(row, column)): giá trị \(value) nằm ngoài khoảng 0…1 (chỉ số DTI là số từ 0 đến 1, ví dụ 0,7056)"
                    )
                    return nil
                }
                return value
            }
            var values: [String: Decimal] = [:]
            var ranks: [String: Int] = [:]
            for id in pillarIDs {
                if let value = share(id) {
                    values[id] = value
                    if let pillar = pillars.first(where: { $0.id == id }), !pillar.applies(in: year) {
                        diagnostics.warning(
                            reader.location(row, id),
                            "\(reader.cellName(row, id)): trụ cột \"\(pillar.title)\" không thuộc bộ chỉ số năm \(year) (from_year/until_year trong \(pillar.source.file))"
                        )
                    }
                }
                if let rank = reader.int(row, "rank." + id, into: &diagnostics) { ranks[id] = rank }
            }
            records.append(
                ScoreRecord(
                    year: year, group: group, unit: unit, rank: reader.int(row, "rank", into: &diagnostics), index: share("index"),
                    pillarValues: values, pillarRanks: ranks, rankBasis: reader.text(row, "rank_basis"),
                    source: reader.text(row, "source"), location: SourceLocation(file: table.file, line: row.line, column: 1)))
            if reader.text(row, "index") == nil {
                diagnostics.warning(
                    reader.location(row, "index"), "\(unit) năm \(year): chưa có chỉ số tổng (trang sẽ ghi \"chưa công bố\")")
            }
        }
        checkRanks(records, table: table, reader: reader, pillarIDs: pillarIDs, into: &diagnostics)
        checkYears(records, siteUnit: siteUnit, file: table.file, into: &diagnostics)
        return records
    }

    /// Ranks within each (year, group): inside 1…group size, and consistent with the order of the index.
    static func checkRanks(
        _ records: [ScoreRecord], table: CSVTable, reader: TableReader, pillarIDs: [String],
        into diagnostics: inout Diagnostics
    ) {
        let groups = Dictionary(grouping: records) { "\($0.year)|\($0.group)" }
        for (_, members) in groups.sorted(by: { $0.key < $1.key }) {
            let size = members.count
            let indexes = members.compactMap(\.index)
            for record in members {
                let at = SourceLocation(
                    file: record.location.file, line: record.location.line,
                    column: (table.column("rank") ?? 0) + 1)
                guard let rank = record.rank else { continue }
                guard (1...size).contains(rank) else {
                    diagnostics.error(
                        at,
                        "\(record.unit) năm \(record.year): hạng \(rank) nằm ngoài 1…\(size) (nhóm \"\(record.group)\" có \(size) đơn vị trong tệp)"
                    )
                    continue
                }
                guard let index = record.index, indexes.count == size else { continue }
                let allowed = Ranking.consistentRanks(for: index, among: indexes)
                if !allowed.contains(rank) {
                    let expected =
                        allowed.count == 1 ? "\(allowed.lowerBound)" : "từ \(allowed.lowerBound) đến \(allowed.upperBound) (đồng hạng)"
                    diagnostics.error(
                        at,
                        "\(record.unit) năm \(record.year): hạng \(rank) không khớp thứ tự chỉ số \(VietnameseFormat.decimal(index, fractionDigits: 4)); theo chỉ số, hạng phải là \(expected)"
                    )
                }
            }
            for id in pillarIDs {
                let published = members.filter { $0.pillarRanks[id] != nil }
                for record in published {
                    guard let rank = record.pillarRanks[id] else { continue }
                    if !(1...size).contains(rank) {
                        diagnostics.error(
                            SourceLocation(
                                file: record.location.file, line: record.location.line, column: (table.column("rank." + id) ?? 0) + 1),
                            "\(record.unit) năm \(record.year): hạng trụ cột \(id) = \(rank) nằm ngoài 1…\(size)")
                    }
                }
            }
        }
    }

    /// Every year in the data should have a row for the site's own unit.
    static func checkYears(_ records: [ScoreRecord], siteUnit: String, file: String, into diagnostics: inout Diagnostics) {
        let groupsOfUnit = Set(records.filter { $0.unit == siteUnit }.map(\.group))
        let yearsOfUnit = Set(records.filter { $0.unit == siteUnit }.map(\.year))
        let years = Set(records.filter { groupsOfUnit.contains($0.group) }.map(\.year))
        for year in years.subtracting(yearsOfUnit).sorted() {
            diagnostics.warning(
                SourceLocation(file: file, line: 1, column: 1),
                "không có dòng nào của \(siteUnit) cho năm \(year), dù tệp có số liệu năm đó")
        }
        if !records.isEmpty, yearsOfUnit.isEmpty {
            diagnostics.warning(
                SourceLocation(file: file, line: 1, column: 1),
                "không có dòng nào của \(siteUnit) (đơn vị của trang, khoá unit trong site.toml)")
        }
    }
}
