/// data/indicators.csv → [Indicator]: the framework's indicators per pillar with max points.
enum IndicatorRules {
    static func read(_ table: CSVTable, pillars: [Pillar], into diagnostics: inout Diagnostics) -> [Indicator] {
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
        return result
    }
}
