import Foundation

/// data/indicators.csv → [Indicator]: the framework's indicators per pillar with max points.
enum IndicatorRules {
    static func read(_ table: RawTable, pillars: [Pillar], into diagnostics: inout Diagnostics) -> [Indicator] {
        let reader = TableReader(table, required: ["pillar", "code", "name"], optional: ["max_points", "scoring_rule"], into: &diagnostics)
        let ids = pillars.map(\.id)
        var seen: [String: SourceLocation] = [:]
        var result: [Indicator] = []
        for row in table.rows {
            guard reader.required(row, "pillar", into: &diagnostics) != nil,
                let pillar = reader.known(row, "pillar", among: ids, what: "trụ cột", home: "Content/tru-cot/", into: &diagnostics),
                let code = reader.required(row, "code", into: &diagnostics),
                let name = reader.required(row, "name", into: &diagnostics)
            else { continue }
            let key = pillar + "|" + code
            if let earlier = seen[key] {
                diagnostics.error(reader.location(row, "code"), "chỉ số \(code) của trụ cột \(pillar) đã có ở \(earlier)")
                continue
            }
            seen[key] = reader.location(row, "code")
            let maxPoints = reader.decimal(row, "max_points", into: &diagnostics)
            if let maxPoints, maxPoints < 0 { diagnostics.error(reader.location(row, "max_points"), "điểm tối đa không được âm") }
            result.append(
                Indicator(
                    pillar: pillar, code: code, name: name, maxPoints: maxPoints,
                    scoringRule: reader.text(row, "scoring_rule"), location: reader.location(row, "code")))
        }
        checkPoints(result, pillars: pillars, table: table, into: &diagnostics)
        return result
    }

    /// A list that gives a pillar fewer (or more) points than the pillar's max_points, and sub-items that
    /// add up past their indicator, are reported: the page then says what the list covers.
    static func checkPoints(_ indicators: [Indicator], pillars: [Pillar], table: RawTable, into diagnostics: inout Diagnostics) {
        for pillar in pillars {
            let own = indicators.filter { $0.pillar == pillar.id }
            guard let first = own.first, let max = pillar.maxPoints, own.contains(where: { $0.maxPoints != nil }) else { continue }
            let listed = Indicator.listedPoints(pillar: pillar.id, in: indicators)
            if listed != Decimal(max) {
                diagnostics.warning(
                    first.location,
                    "trụ cột \"\(pillar.title)\": danh mục chỉ số chỉ liệt kê \(points(listed))/\(VietnameseFormat.integer(max)) điểm"
                        + (listed < Decimal(max) ? "" : " (vượt điểm tối đa)")
                        + " (max_points trong \(pillar.source.file)); trang trụ cột ghi rõ điều này — nếu văn bản gốc thiếu chỉ số, hãy giữ nguyên"
                )
            }
            for parent in own {
                let children = own.filter { Indicator.parent(of: $0, in: own)?.code == parent.code }
                let sum = children.compactMap(\.maxPoints).reduce(0, +)
                if let limit = parent.maxPoints, !children.isEmpty, sum > limit {
                    diagnostics.warning(
                        parent.location,
                        "chỉ số \(parent.code): các mục con (\(children.map(\.code).joined(separator: ", "))) cộng được \(points(sum)) điểm, nhiều hơn điểm tối đa \(points(limit)) của chỉ số"
                    )
                }
            }
        }
    }

    /// Points as the framework writes them: "75", "2,5".
    static func points(_ value: Decimal) -> String {
        VietnameseFormat.decimal(value, fractionDigits: max(0, min(2, -value.exponent)))
    }
}
