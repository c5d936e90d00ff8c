import Foundation

/// One published DTI result: a unit's index, rank and pillar values in one year and ranking group.
/// A missing value means "chưa công bố" (not published), never zero.
struct ScoreRecord: Sendable, Hashable {
    var year: Int
    /// The ranking the result belongs to: "63 tỉnh, thành phố", "34 tỉnh, thành phố", "Huyện của tỉnh Lào Cai".
    var group: String
    var unit: String
    var rank: Int?
    var index: Decimal?
    /// Pillar id → value in 0…1.
    var pillarValues: [String: Decimal]
    /// Pillar id → rank published for that pillar.
    var pillarRanks: [String: Int]
    /// "stated" by the source, or "derived" from the order of the index.
    var rankBasis: String?
    var source: String?
    var location: SourceLocation
}
