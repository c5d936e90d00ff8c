import Foundation

/// What the pages say about the scores: per year the unit's index and rank, the group's average
/// and best, per pillar the unit's value and rank where it can be known, and the peer group.
struct ScoreAnalysis: Sendable {
    /// One ranking group in one year: "63 tỉnh, thành phố" in 2024.
    struct GroupYear: Sendable {
        var year: Int
        var group: String
        var records: [ScoreRecord]
        var size: Int { records.count }
        /// Pillar id → unit → rank computed from the values, for pillars every unit has a value for.
        var computedRanks: [String: [String: Int]] = [:]

        init(year: Int, group: String, records: [ScoreRecord]) {
            self.year = year
            self.group = group
            self.records = records
            let pillars = Set(records.flatMap { $0.pillarValues.keys })
            for pillar in pillars {
                let values = Dictionary(
                    records.compactMap { r in r.pillarValues[pillar].map { (r.unit, $0) } }, uniquingKeysWith: { first, _ in first })
                if values.count == records.count { computedRanks[pillar] = Ranking.competitionRanks(values) }
            }
        }

        /// Mean of the published index values; nil when none is published.
        var averageIndex: Decimal? { Self.mean(records.compactMap(\.index)) }
        /// The highest index and every unit that has it (ties are common at the top).
        var best: Leader? {
            Leader.of(records.compactMap { r in r.index.map { (r.unit, $0) } })
        }

        func averageValue(pillar: String) -> Decimal? { Self.mean(records.compactMap { $0.pillarValues[pillar] }) }

        func bestValue(pillar: String) -> Leader? {
            Leader.of(records.compactMap { r in r.pillarValues[pillar].map { (r.unit, $0) } })
        }

        /// A unit's rank in a pillar: the published rank if there is one; otherwise computed from the
        /// values when every unit of the group has one; otherwise unknown ("chưa công bố").
        func rank(of unit: String, pillar: String) -> Int? {
            if let stated = records.first(where: { $0.unit == unit })?.pillarRanks[pillar] { return stated }
            return computedRanks[pillar]?[unit]
        }

        static func mean(_ values: [Decimal]) -> Decimal? {
            guard !values.isEmpty else { return nil }
            return values.reduce(0, +) / Decimal(values.count)
        }
    }

    /// The highest value of a ranking and the units that share it, in Vietnamese alphabetical order.
    struct Leader: Sendable {
        var units: [String]
        var value: Decimal

        static func of(_ values: [(String, Decimal)]) -> Leader? {
            guard let top = values.map(\.1).max() else { return nil }
            let units = values.filter { $0.1 == top }.map(\.0)
                .sorted(by: Collation.vietnameseOrder)
            return Leader(units: units, value: top)
        }

        /// "Hồ Chí Minh", "Lạng Sơn, Thái Nguyên", "Bà Rịa - Vũng Tàu, Lạng Sơn và 2 đơn vị khác".
        var names: String {
            switch units.count {
            case 0, 1, 2, 3: return units.joined(separator: ", ")
            default: return units.prefix(2).joined(separator: ", ") + " và \(units.count - 2) đơn vị khác"
            }
        }
    }

    var unit: String
    /// The unit's results by year, oldest first (one per year: its largest group).
    var unitRecords: [ScoreRecord]
    /// The group the unit's result belongs to, per year.
    var groups: [Int: GroupYear]
    var allGroups: [GroupYear]
    var peerUnits: [String]

    init(site: Site) {
        unit = site.config.unit
        var byGroup: [String: [ScoreRecord]] = [:]
        for record in site.scores { byGroup["\(record.year)|\(record.group)", default: []].append(record) }
        allGroups = byGroup.values.map { records in
            GroupYear(
                year: records[0].year, group: records[0].group,
                records: records.sorted { ($0.rank ?? Int.max, $0.unit) < ($1.rank ?? Int.max, $1.unit) })
        }.sorted { ($0.year, $0.group) < ($1.year, $1.group) }

        var groups: [Int: GroupYear] = [:]
        for group in allGroups where group.records.contains(where: { $0.unit == site.config.unit }) {
            if let existing = groups[group.year], existing.size >= group.size { continue }
            groups[group.year] = group
        }
        self.groups = groups
        let unitName = site.config.unit
        unitRecords = groups.keys.sorted().compactMap { year in groups[year]?.records.first { $0.unit == unitName } }
        if let peer = site.config.peerGroup {
            peerUnits = site.units.filter { $0.region == peer && $0.level == .province }.map(\.name)
        } else {
            peerUnits = []
        }
    }

    var years: [Int] { unitRecords.map(\.year) }
    var latest: ScoreRecord? { unitRecords.last }
    var previous: ScoreRecord? { unitRecords.count > 1 ? unitRecords[unitRecords.count - 2] : nil }

    func record(year: Int) -> ScoreRecord? { unitRecords.first { $0.year == year } }

    /// Change of the unit's overall rank from the year before `year` in the data.
    func rankChange(to year: Int) -> RankChange? {
        guard let index = unitRecords.firstIndex(where: { $0.year == year }), index > 0,
            let to = unitRecords[index].rank, let from = unitRecords[index - 1].rank,
            unitRecords[index].group == unitRecords[index - 1].group
        else { return nil }
        return RankChange(fromYear: unitRecords[index - 1].year, fromRank: from, toYear: year, toRank: to)
    }

    /// Change of the unit's rank in a pillar between consecutive years of the data.
    func pillarRankChange(_ pillar: String, to year: Int) -> RankChange? {
        guard let index = unitRecords.firstIndex(where: { $0.year == year }), index > 0,
            let to = groups[year]?.rank(of: unit, pillar: pillar),
            let previousYear = Optional(unitRecords[index - 1].year),
            let from = groups[previousYear]?.rank(of: unit, pillar: pillar)
        else { return nil }
        return RankChange(fromYear: previousYear, fromRank: from, toYear: year, toRank: to)
    }

    /// The unit's position among its peers by index in a year: (position, number of peers with an index).
    func peerPosition(year: Int) -> (position: Int, of: Int)? {
        let peers = peers(year: year)
        let values = Dictionary(peers.compactMap { r in r.index.map { (r.unit, $0) } }, uniquingKeysWith: { first, _ in first })
        guard peers.count > 1, let position = Ranking.competitionRanks(values)[unit] else { return nil }
        return (position, values.count)
    }

    /// The unit's peers (same region) in a year's group, best first; includes the unit itself.
    func peers(year: Int) -> [ScoreRecord] {
        guard let group = groups[year] else { return [] }
        let names = Set(peerUnits + [unit])
        return group.records.filter { names.contains($0.unit) }
    }
}
