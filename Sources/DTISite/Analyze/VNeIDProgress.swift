import Foundation

/// Compute for the VNeID tables: percents from counts, gaps to the year's target, district totals
/// weighted by population, and a status per commune. Exact decimal arithmetic throughout.
enum VNeIDProgress {
    enum Status: Int, Sendable, Comparable {
        case behind = 0
        case near = 1
        case met = 2

        var cssClass: String {
            switch self {
            case .met: return "dat"
            case .near: return "gan-dat"
            case .behind: return "chua-dat"
            }
        }

        static func < (a: Status, b: Status) -> Bool { a.rawValue < b.rawValue }
    }

    /// Accounts still needed to reach a target percent: ceil(target × population / 100) − count, at least 0.
    static func accountsNeeded(count: Int, population: Int, targetPercent: Decimal) -> Int {
        // In integers when the target has few decimals (always, in practice): target = units / 10^digits.
        let digits = max(0, -targetPercent.exponent)
        if digits <= 6, population >= 0, let units = DecimalText.units(targetPercent, fractionDigits: digits), units >= 0,
            units <= 1_000_000_000, population <= 1_000_000_000
        {
            let divisor = 100 * Int(pow(10.0, Double(digits)).rounded())
            let product = Int(units) * population
            return max(0, (product + divisor - 1) / divisor - count)
        }
        var needed = targetPercent * Decimal(population) / 100
        var rounded = Decimal()
        NSDecimalRound(&rounded, &needed, 0, .up)
        let (remaining, overflow) = NSDecimalNumber(decimal: rounded).intValue.subtractingReportingOverflow(count)
        return overflow ? 0 : max(0, remaining)
    }

    /// đạt when the actual percent reaches `met`% of the target, gần đạt from `near`%, else chưa đạt.
    static func status(actual: Decimal, target: Decimal, thresholds: SiteConfig.VNeIDThresholds) -> Status {
        guard target > 0 else { return .met }
        // actual / target × 100 ≥ threshold, without the division.
        let reached = actual * 100
        if reached >= thresholds.met * target { return .met }
        if reached >= thresholds.near * target { return .near }
        return .behind
    }

    /// The latest year with actual counts, and the first target year after it.
    static func years(_ district: DistrictProgress) -> (actual: Int, target: Int?)? {
        let rows = district.communes.flatMap { $0.years.values }
        guard let actual = rows.filter(\.hasActuals).map(\.year).max() else { return nil }
        return (actual, rows.filter { $0.hasTargets && $0.year > actual }.map(\.year).min())
    }

    /// One row of the district table, computed.
    struct Row: Sendable {
        var commune: CommuneProgress
        var population: Int?
        var collected: Int?
        var activated: Int?
        var collectedPercent: Decimal?
        var activatedPercent: Decimal?
        var targetPercent: Decimal?
        var targetAccounts: Int?
        /// Percentage points below the target (positive = behind).
        var gap: Decimal?
        var accountsNeeded: Int?
        var status: Status?
    }

    /// Rows for the actual year against the next target, ordered: chưa đạt first, then by gap, largest first.
    static func rows(_ district: DistrictProgress, thresholds: SiteConfig.VNeIDThresholds) -> [Row] {
        guard let years = years(district) else { return [] }
        let rows = district.communes.map { commune -> Row in
            let actual = commune.years[years.actual]
            let target = years.target.flatMap { commune.years[$0] }
            var row = Row(commune: commune, population: actual?.population, collected: actual?.collected, activated: actual?.activated)
            if let population = actual?.population {
                row.collectedPercent = actual?.collected.flatMap { VNeIDFigures.percent($0, of: population) }
                row.activatedPercent = actual?.activated.flatMap { VNeIDFigures.percent($0, of: population) }
            }
            row.targetPercent = target?.targetActivatedPercent
            row.targetAccounts = target?.targetActivatedAccounts
            if let actualPercent = row.activatedPercent, let targetPercent = row.targetPercent {
                row.gap = max(0, targetPercent - actualPercent)
                row.status = status(actual: actualPercent, target: targetPercent, thresholds: thresholds)
                if let population = row.population, let activated = row.activated {
                    row.accountsNeeded = accountsNeeded(count: activated, population: population, targetPercent: targetPercent)
                }
            }
            return row
        }
        // Sort keys made once per row (comparing Decimals inside the sort costs more than the rest).
        // The gap as an integer of millionths when it is exact so (always, with percents of a few decimals).
        let keyed = rows.map { row -> (row: Row, gap: Decimal, units: Int64?, order: Int) in
            let gap = row.gap ?? 0
            return (row, gap, DecimalText.units(gap, fractionDigits: 6), row.commune.order ?? Int.max)
        }
        return keyed.sorted { a, b in
            let sa = a.row.status ?? .met, sb = b.row.status ?? .met
            if sa != sb { return sa < sb }
            if let ua = a.units, let ub = b.units {
                if ua != ub { return ua > ub }
            } else if a.gap != b.gap {
                return a.gap > b.gap
            }
            return (a.order, a.row.commune.name) < (b.order, b.row.commune.name)
        }.map(\.row)
    }
}
