import Foundation

/// Small formatting helpers shared by the page builders: what a missing value reads, how a rank reads.
struct Display {
    let phrases: Phrases

    /// "0,7056" or "chưa công bố".
    func index(_ value: Decimal?) -> String {
        value.map { VietnameseFormat.decimal($0, fractionDigits: 4) } ?? phrases.site.missing
    }

    /// "36/63" or "chưa công bố".
    func rank(_ rank: Int?, of size: Int) -> String {
        rank.map { "\($0)/\(size)" } ?? phrases.site.missing
    }

    /// "+0,0871" or "".
    static func indexChange(_ from: Decimal?, _ to: Decimal?) -> String? {
        guard let from, let to else { return nil }
        return VietnameseFormat.signed(to - from, fractionDigits: 4)
    }

    /// A change for templates: text plus direction for the arrow and colour (and words, never colour alone).
    func change(_ change: RankChange?) -> [String: Any]? {
        guard let change else { return nil }
        return [
            "text": phrases.status.rankChange(change), "signed": phrases.status.rankChangeSigned(change),
            "direction": change.direction.rawValue,
            "fromYear": change.fromYear, "fromRank": change.fromRank
        ]
    }

    static func pillarTitle(_ id: String, in site: Site) -> String {
        site.pillars.first { $0.id == id }?.title ?? id
    }
}
