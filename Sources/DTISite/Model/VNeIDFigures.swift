import Foundation

/// The arithmetic of VNeID figures that validation and analysis share: exact percents of a population
/// and a district's sums. Pure functions of the model, in integers where they fit.
enum VNeIDFigures {
    /// Percent of a population, rounded to one decimal, half away from zero: 5400 of 7500 → 72,0.
    static func percent(_ count: Int, of population: Int) -> Decimal? {
        guard population > 0 else { return nil }
        // In tenths of a percent, exactly: count × 1000 / population rounded half away from zero.
        let (scaled, overflow) = count.magnitude.multipliedReportingOverflow(by: 2 * 1000)
        let (numerator, overflowSum) = scaled.addingReportingOverflow(UInt(population))
        guard !overflow, !overflowSum else {
            // Sums of counts beyond 10^15: in decimals (still exact to the tenth for such sizes).
            var value = Decimal(count) * 100 / Decimal(population), rounded = Decimal()
            NSDecimalRound(&rounded, &value, 1, .plain)
            return rounded
        }
        let tenths = numerator / (2 * UInt(population))
        return Decimal(sign: count < 0 ? .minus : .plus, exponent: -1, significand: Decimal(tenths))
    }

    /// The district's totals for a year: sums of counts and populations, and the percent of the sums —
    /// never the mean of the communes' percents. Nil when no commune has counts.
    struct Totals: Sendable, Hashable {
        var population: Int
        var collected: Int
        var activated: Int
        var collectedPercent: Decimal? { VNeIDFigures.percent(collected, of: population) }
        var activatedPercent: Decimal? { VNeIDFigures.percent(activated, of: population) }
    }

    /// Nil also when a sum does not fit in 64 bits (`totalsOverflow` tells; validation reports it).
    static func totals(_ district: DistrictProgress, year: Int) -> Totals? {
        try? checkedTotals(district, year: year)
    }

    /// Whether the year's sums of counts or populations do not fit in 64 bits.
    static func totalsOverflow(_ district: DistrictProgress, year: Int) -> Bool {
        do {
            _ = try checkedTotals(district, year: year)
            return false
        } catch { return true }
    }

    struct Overflow: Error {}

    static func checkedTotals(_ district: DistrictProgress, year: Int) throws -> Totals? {
        let rows = district.communes.compactMap { $0.years[year] }.filter { $0.population != nil && $0.hasActuals }
        guard !rows.isEmpty else { return nil }
        func sum(_ value: (CommuneYear) -> Int?) throws -> Int {
            try rows.reduce(0) { total, row in
                let (next, overflow) = total.addingReportingOverflow(value(row) ?? 0)
                if overflow { throw Overflow() }
                return next
            }
        }
        return Totals(population: try sum(\.population), collected: try sum(\.collected), activated: try sum(\.activated))
    }

    /// The table's target for `year` implied by its communes' targets: Σ target × population / Σ population,
    /// each commune weighted by its latest population up to that year, rounded to one decimal, half away
    /// from zero. Nil when no commune has both a target and a population.
    static func weightedTarget(_ district: DistrictProgress, year: Int, activated: Bool) -> Decimal? {
        var weighted = Decimal(0)
        var population = 0
        for commune in district.communes {
            guard let target = activated ? commune.years[year]?.targetActivatedPercent : commune.years[year]?.targetCollectedPercent,
                let people = latestPopulation(commune, upTo: year)
            else { continue }
            let (sum, overflow) = population.addingReportingOverflow(people)
            if overflow { return nil }
            population = sum
            // Exact: targets have a few decimals, populations are integers.
            weighted += target * Decimal(people)
        }
        guard population > 0 else { return nil }
        var value = weighted / Decimal(population), rounded = Decimal()
        NSDecimalRound(&rounded, &value, 1, .plain)
        return rounded
    }

    /// The commune's population in the latest year at or before `year` that states one.
    static func latestPopulation(_ commune: CommuneProgress, upTo year: Int) -> Int? {
        commune.years.values.filter { $0.year <= year && $0.population != nil }.max { $0.year < $1.year }?.population
    }
}
