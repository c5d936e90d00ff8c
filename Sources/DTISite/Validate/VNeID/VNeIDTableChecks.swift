import Foundation

/// The checks across one commune table (a district's, or a province's communes without districts):
/// sums that fit, missing communes, targets that do not rise, the stated total against the communes,
/// account counts that break the table's own pattern, and figures the document states twice.
extension VNeIDRules {
    /// The four percents a row can state, in the order messages list them.
    enum Measure: CaseIterable {
        case collected, activated, targetCollected, targetActivated

        var label: String {
            switch self {
            case .collected: return "tỷ lệ thu nhận"
            case .activated: return "tỷ lệ kích hoạt"
            case .targetCollected: return "chỉ tiêu thu nhận"
            case .targetActivated: return "chỉ tiêu kích hoạt"
            }
        }

        var isTarget: Bool { self == .targetCollected || self == .targetActivated }
        var isActivation: Bool { self == .activated || self == .targetActivated }
        /// The other measure of the same kind (collected ↔ activated).
        var sibling: Measure {
            switch self {
            case .collected: return .activated
            case .activated: return .collected
            case .targetCollected: return .targetActivated
            case .targetActivated: return .targetCollected
            }
        }

        func value(_ figures: CommuneYear) -> Decimal? {
            switch self {
            case .collected: return figures.statedCollectedPercent
            case .activated: return figures.statedActivatedPercent
            case .targetCollected: return figures.targetCollectedPercent
            case .targetActivated: return figures.targetActivatedPercent
            }
        }

        /// The table's figure computed from its communes: counts over populations for an actual year,
        /// targets weighted by population for a target year.
        func computed(_ district: DistrictProgress, year: Int) -> Decimal? {
            switch self {
            case .collected: return VNeIDFigures.totals(district, year: year)?.collectedPercent
            case .activated: return VNeIDFigures.totals(district, year: year)?.activatedPercent
            case .targetCollected: return VNeIDFigures.weightedTarget(district, year: year, activated: false)
            case .targetActivated: return VNeIDFigures.weightedTarget(district, year: year, activated: true)
            }
        }
    }

    static func checkDistrict(_ district: DistrictProgress, into diagnostics: inout Diagnostics) {
        let allYears = Set(district.communes.flatMap { $0.years.keys })
        for year in allYears.sorted() where VNeIDFigures.totalsOverflow(district, year: year) {
            let first = district.communes.compactMap { $0.years[year]?.location }.min() ?? SourceLocation(file: district.file)
            diagnostics.error(
                first,
                "tổng dân số hoặc tổng số người của các xã \(district.district) năm \(year) quá lớn để cộng; hãy kiểm tra các cột population, collected, activated"
            )
        }
        for commune in district.communes {
            let missing = allYears.subtracting(commune.years.keys).sorted()
            if !missing.isEmpty, let location = commune.years.values.map(\.location).min() {
                diagnostics.append(
                    .dataQuality(
                        location,
                        "xã \"\(commune.name)\" thiếu dòng năm \(missing.map(String.init).joined(separator: ", ")) mà các xã khác có"
                    ))
            }
            checkTargetsRise(commune, into: &diagnostics)
        }
        checkAccountPattern(district, into: &diagnostics)
        checkStatedTotal(district, into: &diagnostics)
        checkStatements(district, into: &diagnostics)
    }

    /// A year's target must be above the year before (its target, or its actual percent).
    static func checkTargetsRise(_ commune: CommuneProgress, into diagnostics: inout Diagnostics) {
        let years = commune.years.keys.sorted()
        for (previous, year) in zip(years, years.dropFirst()) {
            guard let now = commune.years[year], let before = commune.years[previous] else { continue }
            for (label, target, earlier) in [
                ("kích hoạt", now.targetActivatedPercent, before.targetActivatedPercent ?? statedOrComputed(before, activated: true)),
                ("thu nhận", now.targetCollectedPercent, before.targetCollectedPercent ?? statedOrComputed(before, activated: false))
            ] {
                guard let target, let earlier, target <= earlier else { continue }
                let verb = target < earlier ? "thấp hơn" : "không tăng so với"
                let wasTarget = (label == "kích hoạt" ? before.targetActivatedPercent : before.targetCollectedPercent) != nil
                let earlierText = wasTarget ? stated(earlier) : VietnameseFormat.percent(earlier, fractionDigits: 1)
                diagnostics.append(
                    .dataQuality(
                        now.location,
                        "chỉ tiêu \(label) năm \(year) của \(commune.name) (\(stated(target))) \(verb) năm \(previous) (\(earlierText))"
                    ))
            }
        }
    }

    /// Where the document gives the same number of accounts for the collection and the activation target of
    /// every commune of a year, a commune with two different numbers is a slip of one of them.
    static func checkAccountPattern(_ district: DistrictProgress, into diagnostics: inout Diagnostics) {
        let years = Set(district.communes.flatMap { $0.years.keys })
        for year in years.sorted() {
            let pairs = district.communes.compactMap { commune -> (String, CommuneYear)? in
                guard let figures = commune.years[year], figures.targetCollectedAccounts != nil, figures.targetActivatedAccounts != nil
                else { return nil }
                return (commune.name, figures)
            }
            let differing = pairs.filter { $0.1.targetCollectedAccounts != $0.1.targetActivatedAccounts }
            let agreeing = pairs.count - differing.count
            // A pattern: at least three communes, and at least four agreeing for each one that does not.
            guard !differing.isEmpty, agreeing >= 3, agreeing >= 4 * differing.count else { continue }
            for (name, figures) in differing {
                diagnostics.append(
                    .dataQuality(
                        figures.location,
                        "\(name) năm \(year): số tài khoản của chỉ tiêu thu nhận (\(VietnameseFormat.integer(figures.targetCollectedAccounts!))) khác số tài khoản của chỉ tiêu kích hoạt (\(VietnameseFormat.integer(figures.targetActivatedAccounts!))), trong khi \(agreeing) xã còn lại ghi cùng một số cho cả hai"
                    ))
            }
        }
    }

    /// The total row the document states against the communes: its percents against the sums of counts
    /// over the sums of populations, its targets against the communes' targets weighted by population.
    static func checkStatedTotal(_ district: DistrictProgress, into diagnostics: inout Diagnostics) {
        guard let stated = district.statedTotal else { return }
        for (year, figures) in stated.years.sorted(by: { $0.key < $1.key }) {
            for measure in Measure.allCases {
                guard let value = measure.value(figures), let computed = measure.computed(district, year: year),
                    abs(value - computed) > halfPoint
                else { continue }
                let how =
                    measure.isTarget ? "tính từ chỉ tiêu của các xã theo dân số" : "tính từ số liệu các xã (tổng số người / tổng dân số)"
                diagnostics.append(
                    .dataQuality(
                        figures.location,
                        "toàn \(district.areaName) năm \(year), \(measure.label): ghi trong văn bản (dòng tổng) \(Self.stated(value)) / \(how) \(VietnameseFormat.percent(computed, fractionDigits: 1))"
                    ))
            }
        }
    }

    /// A figure of the whole table the document states elsewhere (`kind = statement`) against the table's
    /// total row (any difference: both are the document's own words), or, without one, against the communes.
    static func checkStatements(_ district: DistrictProgress, into diagnostics: inout Diagnostics) {
        for statement in district.statements {
            let year = statement.figures.year
            let total = district.statedTotal?.years[year]
            for measure in Measure.allCases {
                guard let value = measure.value(statement.figures) else { continue }
                let inTable = total.flatMap { measure.value($0) }
                let computed = measure.computed(district, year: year)
                let contradicts: Bool
                if let inTable {
                    contradicts = inTable != value
                } else if let computed {
                    contradicts = abs(value - computed) > halfPoint
                } else {
                    contradicts = false
                }
                guard contradicts else { continue }
                var message =
                    "toàn \(district.areaName) năm \(year), \(measure.label): ghi trong văn bản (\(statement.place)) \(stated(value))"
                if let inTable {
                    message += " / ghi trong văn bản (dòng tổng của bảng các xã) \(stated(inTable))"
                    // The other measure of the total row saying the same number: the text may mean that one.
                    if let other = total.flatMap({ measure.sibling.value($0) }), other == value {
                        message += " (\(measure.sibling.label) ở dòng tổng là \(stated(other)))"
                    }
                }
                if let computed {
                    let how = measure.isTarget ? "tính từ chỉ tiêu của các xã theo dân số" : "tính từ số liệu các xã"
                    message += " / \(how) \(VietnameseFormat.percent(computed, fractionDigits: 1))"
                }
                diagnostics.append(.dataQuality(statement.figures.location, message))
            }
        }
    }

    static func statedOrComputed(_ figures: CommuneYear, activated: Bool) -> Decimal? {
        let count = activated ? figures.activated : figures.collected
        if let count, let population = figures.population { return VNeIDFigures.percent(count, of: population) }
        return activated ? figures.statedActivatedPercent : figures.statedCollectedPercent
    }
}
