/// What the search index says of the rows it makes findable: units, communes, tasks, targets, indicators.
struct SearchPhrases: Sendable {
    /// How a unit's level is named: "tỉnh", "huyện", "xã".
    var level: @Sendable (Unit.Level) -> String
}

extension SearchPhrases {
    static let vietnamese = SearchPhrases(level: { level in
        switch level {
        case .province: return "tỉnh"
        case .district: return "huyện"
        case .commune: return "xã"
        }
    })
}
