import Foundation

/// One published DTI result: a unit's index, rank and pillar values in one year and ranking group.
/// A missing value means "chưa công bố" (not published), never zero.
struct ScoreRecord: Sendable, Hashable {
    var year: Int
    /// The ranking the result belongs to: "63 tỉnh, thành phố", "34 tỉnh, thành phố", "Huyện của tỉnh Lào Cai".
    var group: String
    /// The unit's name as pages show it.
    var unit: String
    var rank: Int?
    var index: Decimal?
    /// Pillar id → value in 0…1.
    var pillarValues: [String: Decimal]
    /// Pillar id → rank published for that pillar.
    var pillarRanks: [String: Int]
    /// "stated" by the source, or "derived" from the order of the index; nil when the row does not say.
    var rankBasis: RankBasis?
    var source: String?
    var location: SourceLocation
    /// The unit's identity (its slug in data/units.csv), which survives renames and merges.
    var unitSlug: String = ""
    /// Set when dtisite derived the row from the predecessors of a merged unit: their names.
    var derivedFrom: [String]? = nil
}
