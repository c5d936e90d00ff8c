import Foundation

extension DeadlineParser {
    // MARK: - Periods and times

    /// A stretch of the calendar as written, its year possibly left to the context.
    enum Spec {
        case years(Int, Int)
        case months(Int, Int, year: Int?)
        case date(day: Int, month: Int, year: Int?)
        /// "ngày 20" of every month.
        case day(Int)

        var year: Int? {
            switch self {
            case .years(let a, _): return a
            case .months(_, _, let y), .date(_, _, let y): return y
            case .day: return nil
            }
        }

        var isDate: Bool {
            if case .date = self { return true }
            return false
        }

        func with(year: Int?) -> Spec {
            guard self.year == nil, let year else { return self }
            switch self {
            case .months(let a, let b, _): return .months(a, b, year: year)
            case .date(let d, let m, _): return .date(day: d, month: m, year: year)
            default: return self
            }
        }

        /// First and last day, with `fallback` as the year when none is written.
        func range(fallback: Int?) -> (from: LocalDate, to: LocalDate)? {
            switch self {
            case .years(let a, let b):
                return (LocalDate(year: a, month: 1, day: 1), LocalDate(year: b, month: 12, day: 31))
            case .months(let a, let b, let y):
                guard let year = y ?? fallback else { return nil }
                return (
                    LocalDate(year: year, month: a, day: 1), LocalDate(year: year, month: b, day: LocalDate.daysIn(month: b, year: year))
                )
            case .date(let d, let m, let y):
                guard let year = y ?? fallback, d <= LocalDate.daysIn(month: m, year: year) else { return nil }
                let date = LocalDate(year: year, month: m, day: d)
                return (date, date)
            case .day: return nil
            }
        }
    }

    enum Time {
        /// From the start of the first to the end of the second (or of the first alone).
        case span(Spec, Spec?)
        /// Finished by: the day itself when `inclusive` (a date, "đến …"), else the day before the period begins ("trước tháng 6/2025").
        case by(Spec, inclusive: Bool)
        case since(Spec)

        func resolve(year fallback: Int?) -> Deadline.Meaning? {
            switch self {
            case .span(let a, nil):
                guard let r = a.range(fallback: fallback) else { return nil }
                return a.isDate ? .by(r.to) : .period(from: r.from, to: r.to)
            case .span(let a, let b?):
                let first = a.with(year: b.year), last = b.with(year: a.year)
                guard let r1 = first.range(fallback: fallback), let r2 = last.range(fallback: fallback), r1.from <= r2.to else {
                    return nil
                }
                return .period(from: r1.from, to: r2.to)
            case .by(let a, let inclusive):
                guard let r = a.range(fallback: fallback) else { return nil }
                return .by(inclusive ? r.to : LocalDate.dayBefore(r.from))
            case .since(let a):
                guard let r = a.range(fallback: fallback) else { return nil }
                return .since(r.from)
            }
        }

        /// The day in each cycle of a recurrence, for a time written without a year.
        func due() -> Deadline.Due? {
            func last(_ spec: Spec) -> Deadline.Due? {
                switch spec {
                case .months(_, let b, nil): return Deadline.Due(month: b, day: LocalDate.daysIn(month: b, year: 2001))
                case .date(let d, let m, nil): return Deadline.Due(month: m, day: d)
                case .day(let d): return Deadline.Due(month: nil, day: d)
                default: return nil
                }
            }
            switch self {
            case .span(let a, let b): return last(b ?? a)
            case .by(let a, true): return last(a)
            case .by(let a, false):
                switch a {
                case .months(let first, _, nil):
                    let month = first == 1 ? 12 : first - 1
                    return Deadline.Due(month: month, day: LocalDate.daysIn(month: month, year: 2001))
                default: return last(a)
                }
            case .since: return nil
            }
        }
    }
}
