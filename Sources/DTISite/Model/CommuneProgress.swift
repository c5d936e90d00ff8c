import Foundation

/// One commune's VNeID (national e-ID) figures for one year: actual counts, or the year's targets.
public struct CommuneYear: Sendable, Hashable {
    public var year: Int
    /// Denominator of the percents: the population the commune must reach.
    public var population: Int?
    /// Level-2 records collected ("thu nhận") and accounts activated ("kích hoạt").
    public var collected: Int?
    public var activated: Int?
    /// Percents as the source document states them (kept to be checked, never shown as computed).
    public var statedCollectedPercent: Decimal?
    public var statedActivatedPercent: Decimal?
    public var targetCollectedPercent: Decimal?
    public var targetCollectedAccounts: Int?
    public var targetActivatedPercent: Decimal?
    public var targetActivatedAccounts: Int?
    public var location: SourceLocation

    public var hasActuals: Bool { collected != nil || activated != nil }
    public var hasTargets: Bool { targetCollectedPercent != nil || targetActivatedPercent != nil }
}

/// A commune of a district with its figures by year. The district's stated total row has `isTotal`.
public struct CommuneProgress: Sendable, Hashable {
    public var name: String
    public var order: Int?
    public var isTotal: Bool
    public var years: [Int: CommuneYear]
}

/// A district's commune table, as one source document states it.
public struct DistrictProgress: Sendable, Hashable {
    public var province: String
    public var district: String
    public var slug: String
    public var communes: [CommuneProgress]
    /// The total row the source states, if any (checked against the communes, never used as the total).
    public var statedTotal: CommuneProgress?
    public var file: String
    /// Data-quality findings on this district's rows, shown on its page as notes.
    public var notes: [Diagnostic] = []
}
