import Foundation

/// One commune's VNeID (national e-ID) figures for one year: actual counts, or the year's targets.
struct CommuneYear: Sendable, Hashable {
    var year: Int
    /// Denominator of the percents: the population the commune must reach.
    var population: Int?
    /// Level-2 records collected ("thu nhận") and accounts activated ("kích hoạt").
    var collected: Int?
    var activated: Int?
    /// Percents as the source document states them (kept to be checked, never shown as computed).
    var statedCollectedPercent: Decimal?
    var statedActivatedPercent: Decimal?
    var targetCollectedPercent: Decimal?
    var targetCollectedAccounts: Int?
    var targetActivatedPercent: Decimal?
    var targetActivatedAccounts: Int?
    var location: SourceLocation

    var hasActuals: Bool { collected != nil || activated != nil }
    var hasTargets: Bool { targetCollectedPercent != nil || targetActivatedPercent != nil }
}

/// A commune of a district with its figures by year. The district's stated total row has `isTotal`.
struct CommuneProgress: Sendable, Hashable {
    var name: String
    var order: Int?
    var isTotal: Bool
    var years: [Int: CommuneYear]
}

/// A district's commune table, as one source document states it.
struct DistrictProgress: Sendable, Hashable {
    var province: String
    var district: String
    var slug: String
    var communes: [CommuneProgress]
    /// The total row the source states, if any (checked against the communes, never used as the total).
    var statedTotal: CommuneProgress?
    var file: String
    /// Data-quality findings on this district's rows, shown on its page as notes.
    var notes: [Diagnostic] = []
}
