/// Everything a build knows after loading and validation: the input of Compute and Render.
public struct Site: Sendable {
    public var config: SiteConfig
    public var units: [Unit]
    public var pillars: [Pillar]
    public var scores: [ScoreRecord]
    public var indicators: [Indicator]
    public var documents: [PlanDocument]
    public var pages: [MarkdownPage]
    /// Content/_index.md, the text of the overview page.
    public var home: MarkdownPage?
    /// Commune VNeID tables by district (data/vneid.csv).
    public var vneid: [DistrictProgress] = []
    /// The plans as data: agencies, tasks and targets (data/agencies.csv, tasks.csv, targets.csv).
    public var agencies: [Agency] = []
    public var tasks: [PlanTask] = []
    public var targets: [PlanTarget] = []

    public func agency(named name: String) -> Agency? { agencies.first { $0.name == name } }

    /// The unit the site is about.
    public var unit: Unit? { units.first { $0.name == config.unit } }

    public func unit(named name: String) -> Unit? { units.first { $0.name == name } }
    public func unit(slug: String) -> Unit? { units.first { $0.slug == slug } }
}
