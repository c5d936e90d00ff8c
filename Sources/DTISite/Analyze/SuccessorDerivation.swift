import Foundation

/// The rule the ministry used for the 2024 ranking of the 34 units after the merger of 2025: a unit's
/// value is the plain mean of its predecessors' values (exact decimals, rounded half away from zero to
/// 4 places), ranked with ties. A group declared with `derive_from` and `derive_years` in
/// data/groups.csv gets these rows when the data has none for the year; published rows are checked
/// against them instead.
enum SuccessorDerivation {
    /// How a derived value is named in a finding.
    static let rule = "tính theo quy tắc trung bình cộng các tỉnh trước sáp nhập"

    struct Finding: Sendable {
        var location: SourceLocation
        var message: String
    }

    static func derive(
        scores: [ScoreRecord], units: [Unit], groups: [String: RankingGroup], pillars: [String]
    ) -> (records: [ScoreRecord], mismatches: [Finding]) {
        var records: [ScoreRecord] = []
        var findings: [Finding] = []
        for group in groups.values.sorted(by: { $0.name < $1.name }) {
            guard let from = group.deriveFrom else { continue }
            let level = group.level ?? .province
            let members = units.filter { $0.level == level && $0.isCurrent }
            for year in group.deriveYears.sorted() {
                let base = Dictionary(
                    scores.filter { $0.group == from && $0.year == year }.map { ($0.unitSlug, $0) }, uniquingKeysWith: { first, _ in first }
                )
                guard !base.isEmpty else { continue }
                var derived: [ScoreRecord] = []
                for unit in members {
                    let sources = (unit.predecessors.isEmpty ? [unit.slug] : unit.predecessors).compactMap { base[$0] }
                    guard !sources.isEmpty, sources.count == max(unit.predecessors.count, 1) else { continue }
                    func mean(_ value: (ScoreRecord) -> Decimal?) -> Decimal? {
                        let values = sources.compactMap(value)
                        return values.count == sources.count ? Ranking.mean(values) : nil
                    }
                    var values: [String: Decimal] = [:]
                    for id in pillars { if let v = mean({ $0.pillarValues[id] }) { values[id] = v } }
                    var record = ScoreRecord(
                        year: year, group: group.name, unit: unit.name, rank: nil, index: mean(\.index), pillarValues: values,
                        pillarRanks: [:], rankBasis: .derived, source: "tính từ bảng \(from) năm \(year)", location: group.location)
                    record.unitSlug = unit.slug
                    record.derivedFrom = sources.map(\.unit)
                    derived.append(record)
                }
                let ranks = Ranking.competitionRanks(
                    Dictionary(derived.compactMap { r in r.index.map { (r.unitSlug, $0) } }, uniquingKeysWith: { first, _ in first }))
                for i in derived.indices { derived[i].rank = ranks[derived[i].unitSlug] }
                let published = scores.filter { $0.group == group.name && $0.year == year }
                if published.isEmpty {
                    records += derived
                    continue
                }
                let expected = Dictionary(derived.map { ($0.unitSlug, $0) }, uniquingKeysWith: { first, _ in first })
                for row in published {
                    guard let rule = expected[row.unitSlug] else { continue }
                    if let stated = row.index, let computed = rule.index, stated != computed {
                        findings.append(
                            Finding(
                                location: row.location,
                                message:
                                    "\(row.unit) năm \(year) (nhóm \"\(group.name)\"): chỉ số công bố \(text(stated)) khác giá trị \(Self.rule) \(text(computed)) (\(rule.derivedFrom?.joined(separator: ", ") ?? "")); hãy kiểm tra lại số liệu"
                            ))
                    }
                    if let stated = row.rank, let computed = rule.rank, stated != computed, row.index == rule.index {
                        findings.append(
                            Finding(
                                location: row.location,
                                message:
                                    "\(row.unit) năm \(year) (nhóm \"\(group.name)\"): hạng công bố \(stated) khác hạng \(Self.rule) \(computed)"
                            ))
                    }
                }
            }
        }
        return (records, findings)
    }

    static func text(_ value: Decimal) -> String { VietnameseFormat.decimal(value, fractionDigits: 4) }
}
