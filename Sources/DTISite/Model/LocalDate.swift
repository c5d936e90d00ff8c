/// A calendar day without a time zone: the `as_of` date of site.toml and dates in front matter.
/// dtisite never reads the clock, so two builds of the same input are identical.
struct LocalDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    var year: Int
    var month: Int
    var day: Int

    init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses "2025-11-20".
    init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
            (1...12).contains(m), (1...LocalDate.daysIn(month: m, year: y)).contains(d)
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func < (a: LocalDate, b: LocalDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// "2025-11-20", for sitemaps, feeds and data files.
    var description: String {
        let m = month < 10 ? "0\(month)" : "\(month)"
        let d = day < 10 ? "0\(day)" : "\(day)"
        return "\(year)-\(m)-\(d)"
    }
}

/// Day arithmetic by plain integers: no Calendar, no time zone, the same result on every machine.
extension LocalDate {
    static func days(from a: LocalDate, to b: LocalDate) -> Int {
        ordinal(b) - ordinal(a)
    }

    static func dayBefore(_ d: LocalDate) -> LocalDate {
        if d.day > 1 { return LocalDate(year: d.year, month: d.month, day: d.day - 1) }
        if d.month > 1 { return LocalDate(year: d.year, month: d.month - 1, day: LocalDate.daysIn(month: d.month - 1, year: d.year)) }
        return LocalDate(year: d.year - 1, month: 12, day: 31)
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's days_from_civil):
    /// plain arithmetic, no Calendar, no time zone.
    static func ordinal(_ d: LocalDate) -> Int {
        let y = d.month <= 2 ? d.year - 1 : d.year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (d.month + (d.month > 2 ? -3 : 9)) + 2) / 5 + d.day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
