/// Model: plain values. Everything a build knows after loading and validation: the input of Analyze and Render.
struct Site: Sendable {
    var config: SiteConfig
    var units: [Unit]
    var pillars: [Pillar]
    var scores: [ScoreRecord]
    /// Ranking groups declared in data/groups.csv, by name, and published averages and bests
    /// (data/aggregates.csv).
    var groups: [String: RankingGroup] = [:]
    var aggregates: [PublishedAggregate] = []
    var indicators: [Indicator]
    var documents: [PlanDocument]
    var pages: [MarkdownPage]
    /// Content/_index.md, the text of the overview page.
    var home: MarkdownPage?
    /// Commune VNeID tables by district (data/vneid.csv).
    var vneid: [DistrictProgress] = []
    /// The plans as data: agencies, tasks and targets (data/agencies.csv, tasks.csv, targets.csv).
    var agencies: [Agency] = []
    var tasks: [PlanTask] = []
    var targets: [PlanTarget] = []
    /// Other CSVs of data/ that a Markdown page publishes (`<dti-table>`), by file name without extension.
    var publishedTables: [String: PublishedTable] = [:]

    func agency(named name: String) -> Agency? { agencies.first { $0.name == name } }

    /// The unit the site is about.
    var unit: Unit? { units.first { $0.name == config.unit } }

    func unit(named name: String) -> Unit? { units.first { $0.name == name } }
    func unit(slug: String) -> Unit? { units.first { $0.slug == slug } }

    /// Whether a plan document is the site's own: about the site's unit, a unit within it (a district of
    /// the province), or no unit in particular. A district of another province, published as an example,
    /// is not: its tasks and targets are not counted as the site's.
    func isOwn(document slug: String?) -> Bool {
        guard let slug, let document = documents.first(where: { $0.page.slug == slug }), let name = document.unit else { return true }
        if name == config.unit { return true }
        var seen: Set<String> = []
        var current = unit(named: name)
        while let unit = current, seen.insert(unit.slug).inserted {
            if unit.name == config.unit { return true }
            current = unit.parent.flatMap { self.unit(slug: $0) }
        }
        return false
    }
}
