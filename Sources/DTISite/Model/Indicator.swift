import Foundation

/// An indicator of the DTI framework within a pillar, with its maximum points and scoring rule.
struct Indicator: Sendable, Hashable {
    var pillar: String
    var code: String
    var name: String
    var maxPoints: Decimal?
    var scoringRule: String?
    var location: SourceLocation

    /// The indicator this one is a sub-item of ("5.12" for "5.12.1"), when the list has it.
    static func parent(of indicator: Indicator, in list: [Indicator]) -> Indicator? {
        var code = Substring(indicator.code)
        while let dot = code.lastIndex(of: ".") {
            code = code[..<dot]
            if let parent = list.first(where: { $0.pillar == indicator.pillar && $0.code == code }) { return parent }
        }
        return nil
    }

    /// Points the list gives a pillar: the sum over its indicators that are no sub-item of another.
    static func listedPoints(pillar: String, in list: [Indicator]) -> Decimal {
        let own = list.filter { $0.pillar == pillar }
        return own.filter { parent(of: $0, in: own) == nil }.compactMap(\.maxPoints).reduce(0, +)
    }
}
