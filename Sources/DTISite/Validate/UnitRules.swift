/// data/units.csv → [Unit]: every province, district and commune the data names, with its period and
/// the units it was formed from (the merger of 2025).
enum UnitRules {
    static let columns = ["slug", "name", "level", "parent", "region", "valid_from", "valid_until", "predecessors", "successor"]

    static func read(_ table: RawTable, into diagnostics: inout Diagnostics) -> [Unit] {
        let reader = TableReader(
            table, required: ["name", "level"], optional: Array(columns.filter { $0 != "name" && $0 != "level" }) + ["code", "note"],
            into: &diagnostics)
        var units: [Unit] = []
        var bySlug: [String: Unit] = [:]
        for row in table.rows {
            guard let name = reader.required(row, "name", into: &diagnostics) else { continue }
            let levelText = reader.required(row, "level", into: &diagnostics) ?? "province"
            guard
                let level = Unit.Level(rawValue: levelText) ?? Unit.Level.allCases.first(where: { $0.vietnamese == levelText.lowercased() })
            else {
                diagnostics.error(
                    reader.location(row, "level"),
                    "\(reader.cellName(row, "level")): cấp \"\(levelText)\" không hợp lệ; dùng province, district hoặc commune")
                continue
            }
            let slug = reader.text(row, "slug").map(Slug.make) ?? Slug.make(name)
            guard !slug.isEmpty else {
                diagnostics.error(
                    reader.location(row, "name"),
                    "\(reader.cellName(row, "name")): tên \"\(name)\" không tạo được đường dẫn; hãy điền cột slug")
                continue
            }
            if let earlier = bySlug[slug] {
                diagnostics.error(
                    reader.location(row, "name"),
                    "đơn vị \"\(name)\" trùng đường dẫn \"\(slug)\" với \"\(earlier.name)\" ở \(earlier.location); hãy điền cột slug khác nhau"
                )
                continue
            }
            var unit = Unit(
                slug: slug, name: name, level: level, parent: reader.text(row, "parent").map(Slug.make),
                region: reader.text(row, "region"), location: reader.location(row, "name"))
            unit.validFrom = date(reader, row, "valid_from", start: true, into: &diagnostics)
            unit.validUntil = date(reader, row, "valid_until", start: false, into: &diagnostics)
            if let from = unit.validFrom, let until = unit.validUntil, until < from {
                diagnostics.error(
                    reader.location(row, "valid_until"),
                    "\(reader.cellName(row, "valid_until")): ngày kết thúc \(until) trước ngày bắt đầu \(from)")
            }
            unit.predecessors = reader.list(row, "predecessors").map(Slug.make)
            unit.successor = reader.text(row, "successor").map(Slug.make)
            bySlug[slug] = unit
            units.append(unit)
        }
        for unit in units {
            if let parent = unit.parent, bySlug[parent] == nil {
                diagnostics.error(
                    unit.location, "đơn vị \"\(unit.name)\" thuộc \"\(parent)\" nhưng không có đơn vị nào có slug \"\(parent)\"")
            }
            for slug in unit.predecessors + (unit.successor.map { [$0] } ?? []) where bySlug[slug] == nil {
                var message = "đơn vị \"\(unit.name)\" nhắc đến \"\(slug)\" (predecessors/successor) nhưng không có đơn vị nào có slug này"
                if let near = Suggest.closest(to: slug, in: Array(bySlug.keys).sorted()) { message += "; có phải \"\(near)\"?" }
                diagnostics.error(unit.location, message)
            }
        }
        return linked(units)
    }

    /// A predecessor's `successor` and a successor's `predecessors` say the same thing: either is enough.
    static func linked(_ units: [Unit]) -> [Unit] {
        var units = units
        let index = Dictionary(units.enumerated().map { ($1.slug, $0) }, uniquingKeysWith: { first, _ in first })
        for i in units.indices {
            if let successor = units[i].successor, let j = index[successor], !units[j].predecessors.contains(units[i].slug) {
                units[j].predecessors.append(units[i].slug)
            }
        }
        for i in units.indices {
            for p in units[i].predecessors { if let j = index[p], units[j].successor == nil { units[j].successor = units[i].slug } }
        }
        return units
    }

    /// "2025-07-01" or a year ("2025": from its first day, until its last).
    static func date(
        _ reader: TableReader, _ row: RawTable.Row, _ column: String, start: Bool, into diagnostics: inout Diagnostics
    ) -> LocalDate? {
        guard let text = reader.text(row, column) else { return nil }
        if let date = LocalDate(iso: text) { return date }
        if text.count == 4, let year = Int(text) {
            return start ? LocalDate(year: year, month: 1, day: 1) : LocalDate(year: year, month: 12, day: 31)
        }
        diagnostics.error(
            reader.location(row, column), "\(reader.cellName(row, column)): \"\(text)\" không phải ngày; viết như 2025-07-01 hoặc 2025")
        return nil
    }
}
