import Foundation

/// An indicator of the DTI framework within a pillar, with its maximum points and scoring rule.
struct Indicator: Sendable, Hashable {
    var pillar: String
    var code: String
    var name: String
    var maxPoints: Decimal?
    var scoringRule: String?
    var location: SourceLocation
}
