import Foundation

/// One published DTI result: a unit's index, rank and pillar values in one year and ranking group.
/// A missing value means "chưa công bố" (not published), never zero.
public struct ScoreRecord: Sendable, Hashable {
    public var year: Int
    /// The ranking the result belongs to: "63 tỉnh, thành phố", "34 tỉnh, thành phố", "Huyện của tỉnh Lào Cai".
    public var group: String
    public var unit: String
    public var rank: Int?
    public var index: Decimal?
    /// Pillar id → value in 0…1.
    public var pillarValues: [String: Decimal]
    /// Pillar id → rank published for that pillar.
    public var pillarRanks: [String: Int]
    /// "stated" by the source, or "derived" from the order of the index.
    public var rankBasis: String?
    public var source: String?
    public var location: SourceLocation
}
