import Foundation

/// data/dti.csv → [ScoreRecord]. Wide format: one row per (year, group, unit); a column per pillar id
/// holds the pillar's value, a column "rank.<pillar id>" its published rank. A group declared in
/// data/groups.csv has its size there, and may hold only some of its units (a partial ranking).
enum ScoreRules {
    static let required = ["year", "group", "unit"]
    static let optional = ["index", "rank", "rank_basis", "source", "notes"]

    /// One (year, group): its rows, including those whose unit is unknown (they count, but are not checked).
    struct GroupRows {
        var records: [ScoreRecord] = []
        var rows = 0
        var firstLine = 0
    }

    static func read(
        _ table: RawTable, units: [Unit], pillars: [Pillar], siteUnit: String, groups: [String: RankingGroup] = [:],
        into diagnostics: inout Diagnostics
    ) -> [ScoreRecord] {
        let pillarIDs = pillars.map(\.id)
        let reader = TableReader(
            table, required: required, optional: optional + pillarIDs + pillarIDs.map { "rank." + $0 },
            into: &diagnostics)
        let unitNames = Array(Set(units.map(\.name))).sorted()
        let byName = Dictionary(grouping: units, by: \.name)
        let bySlug = Dictionary(units.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        var records: [ScoreRecord] = []
        var perGroup: [String: GroupRows] = [:]
        var seen: [String: SourceLocation] = [:]
        var reportedGroups: Set<String> = []

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
                let name = reader.required(row, "unit", into: &diagnostics)
            else { continue }
            if !groups.isEmpty, groups[group] == nil, reportedGroups.insert(group).inserted {
                var message = "\(reader.cellName(row, "group")): nhóm xếp hạng \"\(group)\" không có trong data/groups.csv"
                if let near = Suggest.closest(to: group, in: groups.keys.sorted()) { message += "; có phải \"\(near)\"?" }
                diagnostics.error(reader.location(row, "group"), message + " (số đơn vị của nhóm sẽ tính bằng số dòng)")
            }
            let key = "\(year)|\(group)"
            perGroup[key, default: GroupRows(firstLine: row.line)].rows += 1
            // An unknown unit: one error; the row still counts in its group, so no correct row is blamed.
            guard let unit = resolve(name, year: year, group: groups[group], byName: byName, bySlug: bySlug) else {
                var message = "\(reader.cellName(row, "unit")): đơn vị \"\(name)\" không có trong data/units.csv"
                if let candidates = byName[name], candidates.count > 1 {
                    message =
                        "\(reader.cellName(row, "unit")): tên \"\(name)\" là của nhiều đơn vị (\(candidates.map(\.slug).joined(separator: ", "))); hãy ghi slug của đơn vị vào cột unit"
                } else if let near = Suggest.closest(to: name, in: unitNames) {
                    message += "; có phải \"\(near)\"?"
                }
                diagnostics.error(reader.location(row, "unit"), message + " (dòng này không được dùng để kiểm tra thứ hạng)")
                continue
            }
            let seenKey = "\(key)|\(unit.slug)"
            if let earlier = seen[seenKey] {
                diagnostics.error(
                    reader.location(row, "unit"),
                    "\(unit.name) năm \(year) (nhóm \"\(group)\") đã có ở \(earlier); mỗi đơn vị chỉ một dòng mỗi năm")
                continue
            }
            seen[seenKey] = reader.location(row, "unit")

            func share(_ column: String) -> Decimal? { Self.share(row, column, reader: reader, into: &diagnostics) }
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
            var basis: RankBasis?
            if let text = reader.text(row, "rank_basis") {
                basis = RankBasis(text: text)
                if basis == nil {
                    diagnostics.error(
                        reader.location(row, "rank_basis"),
                        "\(reader.cellName(row, "rank_basis")): \"\(text)\" không phải cách xác định hạng; ghi \(RankBasis.allowedText)")
                }
            }
            let rank = reader.int(row, "rank", into: &diagnostics)
            let index = share("index")
            var record = ScoreRecord(
                year: year, group: group, unit: unit.name, rank: rank, index: index,
                pillarValues: values, pillarRanks: ranks, rankBasis: basis,
                source: reader.text(row, "source"), location: SourceLocation(file: table.file, line: row.line, column: 1))
            record.unitSlug = unit.slug
            records.append(record)
            perGroup[key]?.records.append(record)
            if rank == nil, index == nil, values.isEmpty, reader.text(row, "index") == nil {
                diagnostics.warning(
                    reader.location(row, "index"),
                    "\(unit.name) năm \(year): dòng không có hạng, chỉ số hay trụ cột nào; có thể xoá dòng này (một bảng xếp hạng chỉ biết vài đơn vị vẫn hợp lệ khi khai báo số đơn vị trong data/groups.csv)"
                )
            }
        }
        checkRanks(perGroup, table: table, pillarIDs: pillarIDs, groups: groups, into: &diagnostics)
        // A unit formed by a merger (Huế, from Thừa Thiên Huế) may have only the rows a group with
        // derive_from works out from its predecessors' rows.
        let derived =
            groups.values.contains { $0.deriveFrom != nil }
            && units.contains { $0.name == siteUnit && !$0.predecessors.isEmpty }
        checkYears(records, siteUnit: siteUnit, derived: derived, file: table.file, into: &diagnostics)
        return records
    }

    /// A name, or a slug; a name shared by units of different periods (the old and the new Lào Cai)
    /// means the unit that existed that year, or in a group of units after a merger the current one.
    static func resolve(
        _ text: String, year: Int, group: RankingGroup?, byName: [String: [Unit]], bySlug: [String: Unit]
    ) -> Unit? {
        guard let candidates = byName[text] else { return bySlug[text] }
        if candidates.count == 1 { return candidates[0] }
        let fitting = group?.deriveFrom != nil ? candidates.filter(\.isCurrent) : candidates.filter { $0.exists(in: year) }
        let narrowed = fitting.count > 1 ? fitting.filter(\.isCurrent) : fitting
        return narrowed.count == 1 ? narrowed[0] : nil
    }

    /// Ranks within each (year, group): inside 1…group size, and consistent with the order of the index
    /// among the rows present (a partial ranking is checked only where it says something).
    static func checkRanks(
        _ perGroup: [String: GroupRows], table: RawTable, pillarIDs: [String], groups: [String: RankingGroup],
        into diagnostics: inout Diagnostics
    ) {
        for (_, members) in perGroup.sorted(by: { $0.key < $1.key }) {
            guard let first = members.records.first else { continue }
            let declared = groups[first.group]
            // A group missing from data/groups.csv has its own error; its size is unknown, so ranks are
            // checked only for their order.
            let size = declared?.size ?? (groups.isEmpty ? members.rows : Int.max)
            if let declared, members.rows > declared.size {
                diagnostics.error(
                    SourceLocation(file: table.file, line: members.firstLine, column: (table.column("group") ?? 0) + 1),
                    "nhóm \"\(first.group)\" năm \(first.year) có \(members.rows) dòng nhưng data/groups.csv khai báo \(declared.size) đơn vị (\(declared.location))"
                )
            }
            let rankColumn = (table.column("rank") ?? 0) + 1
            let indexes = members.records.compactMap(\.index)
            var blamed: Set<Int> = []
            for record in members.records {
                let at = SourceLocation(file: record.location.file, line: record.location.line, column: rankColumn)
                guard let rank = record.rank else { continue }
                guard rank >= 1, rank <= size else {
                    diagnostics.error(
                        at,
                        "\(record.unit) năm \(record.year): hạng \(rank) nằm ngoài 1…\(size) (nhóm \"\(record.group)\" có \(size) đơn vị\(declared == nil ? " trong tệp" : ""))"
                    )
                    blamed.insert(record.location.line)
                    continue
                }
                guard let index = record.index else { continue }
                let allowed = Ranking.consistentRanks(for: index, among: indexes, groupSize: size)
                if !allowed.contains(rank) {
                    blamed.insert(record.location.line)
                    diagnostics.error(at, mismatch(record, rank: rank, index: index, allowed: allowed))
                }
            }
            // Two rows present in the wrong order: the lower index may not hold the better (or same) rank.
            let ranked = members.records.filter { $0.rank != nil && $0.index != nil && !blamed.contains($0.location.line) }
            for record in ranked {
                guard let rank = record.rank, let index = record.index else { continue }
                if let above = ranked.filter({ $0.index! > index && $0.rank! >= rank }).min(by: { $0.rank! < $1.rank! }) {
                    diagnostics.error(
                        SourceLocation(file: record.location.file, line: record.location.line, column: rankColumn),
                        "\(record.unit) năm \(record.year): hạng \(rank) (chỉ số \(VietnameseFormat.decimal(index, fractionDigits: 4))) không thể đứng trước hoặc ngang \(above.unit) (hạng \(above.rank!), chỉ số \(VietnameseFormat.decimal(above.index!, fractionDigits: 4)), dòng \(above.location.line))"
                    )
                }
            }
            for id in pillarIDs {
                for record in members.records {
                    guard let rank = record.pillarRanks[id], rank < 1 || rank > size else { continue }
                    diagnostics.error(
                        SourceLocation(
                            file: record.location.file, line: record.location.line, column: (table.column("rank." + id) ?? 0) + 1),
                        "\(record.unit) năm \(record.year): hạng trụ cột \(id) = \(rank) nằm ngoài 1…\(size)")
                }
            }
        }
    }

    /// A value of the index or of a pillar (dti.csv, aggregates.csv): a number from 0 to 1, else an error.
    static func share(_ row: RawTable.Row, _ column: String, reader: TableReader, into diagnostics: inout Diagnostics) -> Decimal? {
        guard let value = reader.decimal(row, column, into: &diagnostics) else { return nil }
        guard value >= 0, value <= 1 else {
            diagnostics.error(
                reader.location(row, column),
                "\(reader.cellName(row, column)): giá trị \(value) nằm ngoài khoảng 0…1 (chỉ số DTI là số từ 0 đến 1, ví dụ 0,7056)")
            return nil
        }
        return value
    }

    static func mismatch(_ record: ScoreRecord, rank: Int, index: Decimal, allowed: ClosedRange<Int>) -> String {
        let expected = allowed.count == 1 ? "\(allowed.lowerBound)" : "từ \(allowed.lowerBound) đến \(allowed.upperBound)"
        return
            "\(record.unit) năm \(record.year): hạng \(rank) không khớp thứ tự chỉ số \(VietnameseFormat.decimal(index, fractionDigits: 4)); theo chỉ số của các dòng có trong tệp, hạng phải là \(expected)\(allowed.count > 1 ? " (đồng hạng hoặc thiếu dòng)" : "")"
    }

    /// Every year in the data should have a row for the site's own unit.
    static func checkYears(
        _ records: [ScoreRecord], siteUnit: String, derived: Bool = false, file: String, into diagnostics: inout Diagnostics
    ) {
        let groupsOfUnit = Set(records.filter { $0.unit == siteUnit }.map(\.group))
        let yearsOfUnit = Set(records.filter { $0.unit == siteUnit }.map(\.year))
        let years = Set(records.filter { groupsOfUnit.contains($0.group) }.map(\.year))
        for year in years.subtracting(yearsOfUnit).sorted() {
            diagnostics.warning(
                SourceLocation(file: file, line: 1, column: 1),
                "không có dòng nào của \(siteUnit) cho năm \(year), dù tệp có số liệu năm đó")
        }
        if !records.isEmpty, yearsOfUnit.isEmpty, !derived {
            diagnostics.warning(
                SourceLocation(file: file, line: 1, column: 1),
                "không có dòng nào của \(siteUnit) (đơn vị của trang, khoá unit trong site.toml)")
        }
    }
}

extension ScoreRules {
    /// data/groups.csv → group name → RankingGroup: `group`, `size`; optional `level`, `note`, and for a
    /// group of the units after a merger `derive_from` (the group averaged) and `derive_years`.
    static func groups(_ table: RawTable, into diagnostics: inout Diagnostics) -> [String: RankingGroup] {
        let reader = TableReader(
            table, required: ["group", "size"], optional: ["level", "note", "derive_from", "derive_years"], into: &diagnostics)
        var result: [String: RankingGroup] = [:]
        for row in table.rows {
            guard let name = reader.required(row, "group", into: &diagnostics) else { continue }
            guard let size = reader.int(row, "size", into: &diagnostics), size >= 1 else {
                diagnostics.error(
                    reader.location(row, "size"), "\(reader.cellName(row, "size")): cần số đơn vị của nhóm, một số nguyên dương như 63")
                continue
            }
            if let earlier = result[name] {
                diagnostics.error(reader.location(row, "group"), "nhóm \"\(name)\" đã khai báo ở \(earlier.location)")
                continue
            }
            var level: Unit.Level?
            if let text = reader.text(row, "level") {
                level = Unit.Level(rawValue: text) ?? Unit.Level.allCases.first { $0.vietnamese == text.lowercased() }
                if level == nil {
                    diagnostics.error(
                        reader.location(row, "level"),
                        "\(reader.cellName(row, "level")): cấp \"\(text)\" không hợp lệ; dùng province, district hoặc commune")
                }
            }
            var years: [Int] = []
            for text in reader.list(row, "derive_years") {
                if let year = Int(text) {
                    years.append(year)
                } else {
                    diagnostics.error(
                        reader.location(row, "derive_years"), "\(reader.cellName(row, "derive_years")): \"\(text)\" không phải năm")
                }
            }
            result[name] = RankingGroup(
                name: name, size: size, level: level, note: reader.text(row, "note"), deriveFrom: reader.text(row, "derive_from"),
                deriveYears: years, location: reader.location(row, "group"))
        }
        for group in result.values.sorted(by: { $0.name < $1.name }) {
            if let from = group.deriveFrom, result[from] == nil {
                diagnostics.error(group.location, "nhóm \"\(group.name)\": derive_from \"\(from)\" không phải nhóm nào trong tệp")
            }
        }
        return result
    }

    /// data/aggregates.csv → published averages and bests: `year`, `group`, `measure` (index or a pillar
    /// id), `average`, `best_unit` (names separated by ";"), `best_value`, `source`.
    static func aggregates(
        _ table: RawTable, units: [Unit], pillars: [Pillar], into diagnostics: inout Diagnostics
    ) -> [PublishedAggregate] {
        let reader = TableReader(
            table, required: ["year", "group", "measure"], optional: ["average", "best_unit", "best_value", "source", "notes"],
            into: &diagnostics)
        let measures = ["index"] + pillars.map(\.id)
        let names = Set(units.map(\.name))
        var seen: [String: SourceLocation] = [:]
        var result: [PublishedAggregate] = []
        for row in table.rows {
            guard let year = reader.int(row, "year", into: &diagnostics), let group = reader.required(row, "group", into: &diagnostics),
                let measure = reader.required(row, "measure", into: &diagnostics)
            else { continue }
            guard measures.contains(measure) else {
                var message = "\(reader.cellName(row, "measure")): \"\(measure)\" không phải index hay mã trụ cột"
                if let near = Suggest.closest(to: measure, in: measures) { message += "; có phải \"\(near)\"?" }
                diagnostics.error(reader.location(row, "measure"), message)
                continue
            }
            let key = "\(year)|\(group)|\(measure)"
            if let earlier = seen[key] {
                diagnostics.error(reader.location(row, "measure"), "\(measure) năm \(year) của nhóm \"\(group)\" đã có ở \(earlier)")
                continue
            }
            seen[key] = reader.location(row, "measure")
            func share(_ column: String) -> Decimal? { Self.share(row, column, reader: reader, into: &diagnostics) }
            let best = reader.list(row, "best_unit")
            for name in best where !names.contains(name) {
                var message = "\(reader.cellName(row, "best_unit")): đơn vị \"\(name)\" không có trong data/units.csv"
                if let near = Suggest.closest(to: name, in: Array(names).sorted()) { message += "; có phải \"\(near)\"?" }
                diagnostics.error(reader.location(row, "best_unit"), message)
            }
            result.append(
                PublishedAggregate(
                    year: year, group: group, measure: measure, average: share("average"), bestUnits: best,
                    bestValue: share("best_value"), source: reader.text(row, "source"), location: reader.location(row, "measure")))
        }
        return result
    }
}
