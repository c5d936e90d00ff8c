import Foundation

/// Analyze: takes the `Site`; returns what the pages state about it — rankings, changes, averages,
/// peers (`ScoreAnalysis`), VNeID progress, task status against as_of. Pure values, no formatting.

/// What the pages say about the scores: per year the unit's index and rank, the group's average
/// and best, per pillar the unit's value and rank where it can be known, and the peer group.
struct ScoreAnalysis: Sendable {
    /// One ranking group in one year: "63 tỉnh, thành phố" in 2024. Its size is declared in
    /// data/groups.csv or, without a declaration, its number of rows; a group with fewer rows than its
    /// size is a partial ranking, over which no average or best is computed.
    struct GroupYear: Sendable {
        var year: Int
        var group: String
        var records: [ScoreRecord]
        var declared: RankingGroup?
        /// Averages and bests a source published for this group and year, by measure ("index", a pillar id).
        var published: [String: PublishedAggregate] = [:]
        var size: Int { declared?.size ?? records.count }
        /// Pillar id → unit → rank computed from the values, for pillars every unit has a value for.
        var computedRanks: [String: [String: Int]] = [:]
        /// Whether every unit is a province (a ranking of the whole country) rather than districts.
        var isNational = true

        init(year: Int, group: String, records: [ScoreRecord], declared: RankingGroup? = nil, published: [PublishedAggregate] = []) {
            self.year = year
            self.group = group
            self.records = records
            self.declared = declared
            for aggregate in published { self.published[aggregate.measure] = aggregate }
            let size = declared?.size ?? records.count
            let pillars = Set(records.flatMap { $0.pillarValues.keys })
            for pillar in pillars {
                let values = Dictionary(
                    records.compactMap { r in r.pillarValues[pillar].map { (r.unit, $0) } }, uniquingKeysWith: { first, _ in first })
                if values.count == size { computedRanks[pillar] = Ranking.competitionRanks(values) }
            }
        }

        /// Whether the group's rows are all of its units (not a partial ranking).
        var isComplete: Bool { records.count == size }
        /// Every row's rank was derived (by dtisite or by the source from the index order), none published.
        var isDerived: Bool { !records.isEmpty && records.allSatisfy { $0.rankBasis == .derived } }
        var isMergerDerivation: Bool { records.contains { $0.derivedFrom != nil } }

        /// An average and a best over the group: computed when every unit of the group has a value,
        /// otherwise published in data/aggregates.csv, otherwise unknown.
        struct Aggregate: Sendable {
            var average: Decimal?
            var best: Leader?
            /// nil when computed from every unit; the published row otherwise.
            var published: PublishedAggregate?
        }

        func aggregate(_ measure: String) -> Aggregate {
            let values = records.compactMap { r in (measure == "index" ? r.index : r.pillarValues[measure]).map { (r.unit, $0) } }
            if values.count == size, size > 0 {
                return Aggregate(average: Ranking.mean(values.map(\.1)), best: Leader.of(values), published: nil)
            }
            guard let row = published[measure] else { return Aggregate() }
            let best = row.bestValue.map { Leader(units: row.bestUnits.sorted(by: Collation.vietnameseOrder), value: $0) }
            return Aggregate(average: row.average, best: best, published: row)
        }

        /// Mean of the index over the group when it can be known honestly; nil otherwise.
        var averageIndex: Decimal? { aggregate("index").average }
        /// The highest index and every unit that has it (ties are common at the top).
        var best: Leader? { aggregate("index").best }

        func averageValue(pillar: String) -> Decimal? { aggregate(pillar).average }

        func bestValue(pillar: String) -> Leader? { aggregate(pillar).best }

        /// A unit's rank in a pillar: the published rank if there is one; otherwise computed from the
        /// values when every unit of the group has one; otherwise unknown ("chưa công bố").
        func rank(of unit: String, pillar: String) -> Int? {
            if let stated = records.first(where: { $0.unit == unit })?.pillarRanks[pillar] { return stated }
            return computedRanks[pillar]?[unit]
        }

        static func mean(_ values: [Decimal]) -> Decimal? { Ranking.mean(values) }
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
        let levels = Dictionary(site.units.map { ($0.slug, $0.level) }, uniquingKeysWith: { first, _ in first })
        allGroups = byGroup.values.map { records in
            var group = GroupYear(
                year: records[0].year, group: records[0].group,
                records: records.sorted { ($0.rank ?? Int.max, $0.unit) < ($1.rank ?? Int.max, $1.unit) },
                declared: site.groups[records[0].group],
                published: site.aggregates.filter { $0.year == records[0].year && $0.group == records[0].group })
            let level = group.declared?.level ?? records.compactMap { levels[$0.unitSlug] }.first
            group.isNational = (level ?? .province) == .province
            return group
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
            var seen: Set<String> = []
            peerUnits = site.units.filter { $0.region == peer && $0.level == .province }.map(\.name).filter { seen.insert($0).inserted }
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
            unitRecords[index].group == unitRecords[index - 1].group,
            let from = groups[previousYear]?.rank(of: unit, pillar: pillar)
        else { return nil }
        return RankChange(fromYear: previousYear, fromRank: from, toYear: year, toRank: to)
    }

    /// The unit's rankings in `year` other than its main one (the 34 units after the merger beside the 63
    /// provinces), with the unit's record in each.
    func otherGroups(year: Int) -> [(group: GroupYear, record: ScoreRecord)] {
        allGroups.filter { $0.year == year && $0.group != groups[year]?.group }.compactMap { group in
            group.records.first { $0.unit == unit }.map { (group, $0) }
        }
    }

    /// The unit's rank in each other ranking of `year`, for a sentence ("trong 34 đơn vị sau sáp nhập xếp 18/34").
    func otherRanks(year: Int) -> [(group: GroupYear, rank: Int, afterMerger: Bool, derived: Bool)] {
        otherGroups(year: year).compactMap { group, record in
            guard let rank = record.rank else { return nil }
            return (group, rank, group.declared?.deriveFrom != nil || group.isMergerDerivation, record.derivedFrom != nil)
        }
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
