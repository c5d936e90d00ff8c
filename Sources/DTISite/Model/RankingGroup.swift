import Foundation

/// A ranking declared in data/groups.csv: its size is stated once, so a year of which only a few rows
/// are known is a partial ranking, not a ranking of a few units.
struct RankingGroup: Sendable, Hashable {
    var name: String
    /// Units ranked in the group: "63 tỉnh, thành phố" has 63, whatever number of rows the data has.
    var size: Int
    var level: Unit.Level?
    var note: String?
    /// A group of successor units derived from the values of their predecessors: the group whose
    /// values are averaged, and the years to derive (the ministry's 2024 ranking of 34 units).
    var deriveFrom: String?
    var deriveYears: [Int] = []
    var location: SourceLocation
}

/// An average or a best over a group that a source published (data/aggregates.csv): used when the
/// data does not hold a value for every unit of the group.
struct PublishedAggregate: Sendable, Hashable {
    var year: Int
    var group: String
    /// "index" or a pillar id.
    var measure: String
    var average: Decimal?
    var bestUnits: [String]
    var bestValue: Decimal?
    var source: String?
    var location: SourceLocation
}

/// How a rank came to be: published by the source, or derived (from the order of the index, or by the
/// rule of the 2024 ranking of the units after the merger).
enum RankBasis: String, Sendable, Hashable, CaseIterable {
    case stated, derived

    /// "stated", "derived", or the same in Vietnamese, whatever the case or diacritics.
    init?(text: String) {
        let folded = TextFolding.fold(text)
        switch folded {
        case "stated", "cong bo", "da cong bo", "published": self = .stated
        case "derived", "suy ra", "tinh toan", "computed": self = .derived
        default: return nil
        }
    }

    static let allowedText = "stated (công bố) hoặc derived (suy ra từ thứ tự chỉ số)"
}
