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

/// A figure for the whole table (district or province) that the document states somewhere else than
/// in the table (`kind = statement` rows): checked against the table's total row and the communes.
struct StatedFigure: Sendable, Hashable {
    /// Where the document states it, as the row's `commune` cell says ("Mục III. Mục tiêu").
    var place: String
    var figures: CommuneYear
}

/// A commune table, as one source document states it: the communes of a district, or — since
/// 1 July 2025, when districts ended — the communes that belong directly to a province (`level == .province`).
struct DistrictProgress: Sendable, Hashable {
    var province: String
    /// The district's name; the province's when the communes belong directly to it.
    var district: String
    var slug: String
    var communes: [CommuneProgress]
    /// The total row the source states, if any (checked against the communes, never used as the total).
    var statedTotal: CommuneProgress?
    var file: String
    /// Data-quality findings on this district's rows, shown on its page as notes.
    var notes: [Diagnostic] = []
    /// `.district` for a district's table, `.province` for communes without a district.
    var level: Unit.Level = .district
    /// Figures of the whole table the document states elsewhere (`kind = statement`).
    var statements: [StatedFigure] = []

    var isProvinceLevel: Bool { level == .province }

    /// "huyện Bảo Yên", "tỉnh Lào Cai": the area the table covers, as a sentence names it.
    var areaName: String {
        if isProvinceLevel { return "tỉnh \(district)" }
        let lower = district.lowercased()
        for prefix in ["huyện", "thị xã", "thành phố", "quận", "tp."] where lower.hasPrefix(prefix) { return district }
        return "huyện \(district)"
    }

    /// "Bảo Yên, tỉnh Lào Cai" or "tỉnh Lào Cai": where the communes are, for titles and search.
    var place: String {
        if isProvinceLevel || province.isEmpty { return isProvinceLevel ? "tỉnh \(district)" : district }
        return "\(district), tỉnh \(province)"
    }
}
