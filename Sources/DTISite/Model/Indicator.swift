import Foundation

/// An indicator of the DTI framework within a pillar, with its maximum points and scoring rule.
public struct Indicator: Sendable, Hashable {
    public var pillar: String
    public var code: String
    public var name: String
    public var maxPoints: Decimal?
    public var scoringRule: String?
    public var location: SourceLocation
}
