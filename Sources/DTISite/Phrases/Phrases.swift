/// The phrases stage: every word the pages, charts, tables and search results show, one set per
/// language. Takes a `Language`; returns the `Phrases` the page builders, charts and assembly read
/// (`ctx.phrases.vneid.…`) instead of string literals of their own, so that a second language is a
/// second set of values and not an edit of every builder. Diagnostics keep their Vietnamese text
/// beside the rule that raises them, as swift-format keeps each rule's messages beside the rule.
struct Phrases: Sendable {
    var site: SitePhrases
    var overview: OverviewPhrases
    var status: StatusPhrases
    var ranking: RankingPhrases
    var pillar: PillarPhrases
    var vneid: VNeIDPhrases
    var plans: PlanPhrases
    var charts: ChartPhrases
    var search: SearchPhrases

    static func of(_ language: Language) -> Phrases {
        switch language {
        case .vi: return .vietnamese
        }
    }

    static let vietnamese = Phrases(
        site: .vietnamese, overview: .vietnamese, status: .vietnamese, ranking: .vietnamese, pillar: .vietnamese, vneid: .vietnamese,
        plans: .vietnamese,
        charts: .vietnamese, search: .vietnamese)
}
