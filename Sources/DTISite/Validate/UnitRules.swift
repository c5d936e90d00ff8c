/// data/units.csv → [Unit]: every province, district and commune the data names.
enum UnitRules {
    static let columns = ["slug", "name", "level", "parent", "region"]

    static func read(_ table: CSVTable, into diagnostics: inout Diagnostics) -> [Unit] {
        let reader = TableReader(table, required: ["name", "level"], optional: ["slug", "parent", "region"], into: &diagnostics)
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
            let unit = Unit(
                slug: slug, name: name, level: level, parent: reader.text(row, "parent").map(Slug.make),
                region: reader.text(row, "region"), location: reader.location(row, "name"))
            bySlug[slug] = unit
            units.append(unit)
        }
        for unit in units {
            if let parent = unit.parent, bySlug[parent] == nil {
                diagnostics.error(
                    unit.location, "đơn vị \"\(unit.name)\" thuộc \"\(parent)\" nhưng không có đơn vị nào có slug \"\(parent)\"")
            }
        }
        return units
    }
}
