import Foundation

/// Reads deadlines the way plans write them. Every form found in the Lai Châu and Bảo Yên plans:
/// "3/2025", "02/2025", "Tháng 12 Năm 2024", "Quý II/2024", "Quý I - IV", "Năm 2024", "2025",
/// "2026-2030", "2025 – 2030", "Năm 2024 - 2025 và khi có hướng dẫn của Bộ TTTT", "Hằng năm",
/// "Hàng năm", "Hằng tuần", "Thường xuyên", "Sau khi …", "Theo hướng dẫn của …", "Khi có yêu cầu".
enum DeadlineParser {
    /// `planYear` is the year a quarter without a year ("Quý I - IV") belongs to: the plan's year.
    static func parse(_ raw: String, planYear: Int?) -> Deadline {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return Deadline(raw: raw, meaning: .none) }
        let lower = text.lowercased()
            .replacingOccurrences(of: "–", with: "-").replacingOccurrences(of: "—", with: "-")

        if ["hằng năm", "hàng năm", "định kỳ hằng năm", "định kỳ hàng năm"].contains(lower) {
            return Deadline(raw: raw, meaning: .recurring(.yearly))
        }
        if ["hằng tuần", "hàng tuần"].contains(lower) { return Deadline(raw: raw, meaning: .recurring(.weekly)) }
        if lower.contains("thường xuyên") { return Deadline(raw: raw, meaning: .recurring(.continuous)) }

        // A period, possibly followed by a condition: "Năm 2024 - 2025 và khi có hướng dẫn …".
        var head = lower
        var condition: String?
        if let range = lower.range(of: " và khi ") ?? lower.range(of: " và sau khi ") {
            head = String(lower[..<range.lowerBound])
            condition = String(text[text.index(text.startIndex, offsetBy: lower.distance(from: lower.startIndex, to: range.lowerBound))...])
                .trimmingCharacters(in: .whitespaces)
            condition = condition.map { $0.hasPrefix("và ") ? String($0.dropFirst(3)) : $0 }
        }
        if let period = period(head, planYear: planYear) {
            return Deadline(raw: raw, meaning: .period(from: period.from, to: period.to), condition: condition)
        }
        let conditionStarts = [
            "sau khi", "khi có", "theo hướng dẫn", "theo chỉ đạo", "theo tiến độ", "theo triệu tập", "theo yêu cầu", "khi được",
            "theo kế hoạch"
        ]
        if conditionStarts.contains(where: { lower.hasPrefix($0) }) { return Deadline(raw: raw, meaning: .condition) }
        return Deadline(raw: raw, meaning: .unknown)
    }

    static func period(_ text: String, planYear: Int?) -> (from: LocalDate, to: LocalDate)? {
        var t = text.trimmingCharacters(in: .whitespaces)
        for prefix in ["năm ", "giai đoạn ", "trong năm ", "trước "] where t.hasPrefix(prefix) { t = String(t.dropFirst(prefix.count)) }
        let compact = t.replacingOccurrences(of: " ", with: "")

        // "2026-2030", "2025-2026"
        if let m = match(compact, Pattern.yearRange), let a = Int(m[0]), let b = Int(m[1]), a <= b {
            return (LocalDate(year: a, month: 1, day: 1), LocalDate(year: b, month: 12, day: 31))
        }
        // "2025"
        if let m = match(compact, Pattern.year), let y = Int(m[0]) {
            return (LocalDate(year: y, month: 1, day: 1), LocalDate(year: y, month: 12, day: 31))
        }
        // "3/2025", "02/2025", "tháng12năm2024", "tháng12/2024"
        if let m = match(compact, Pattern.month), let month = Int(m[0]), let y = Int(m[1]), (1...12).contains(month) {
            return (
                LocalDate(year: y, month: month, day: 1), LocalDate(year: y, month: month, day: LocalDate.daysIn(month: month, year: y))
            )
        }
        // "quýII/2024", "quýI-IV", "quýIII-IV/2025"
        if let m = match(compact, Pattern.quarter),
            let q1 = roman(m[0]), let year = m[2].isEmpty ? planYear : Int(m[2])
        {
            let q2 = m[1].isEmpty ? q1 : (roman(m[1]) ?? q1)
            guard (1...4).contains(q1), (1...4).contains(q2), q1 <= q2 else { return nil }
            let lastMonth = q2 * 3
            return (
                LocalDate(year: year, month: q1 * 3 - 2, day: 1),
                LocalDate(year: year, month: lastMonth, day: LocalDate.daysIn(month: lastMonth, year: year))
            )
        }
        return nil
    }

    static func roman(_ text: String) -> Int? { ["i": 1, "ii": 2, "iii": 3, "iv": 4][text] }

    /// The deadline forms, compiled once (compiling is far dearer than matching).
    enum Pattern {
        static let yearRange = try! NSRegularExpression(pattern: #"^(\d{4})-(?:năm)?(\d{4})$"#)
        static let year = try! NSRegularExpression(pattern: #"^(\d{4})$"#)
        static let month = try! NSRegularExpression(pattern: #"^(?:tháng)?(\d{1,2})(?:/|năm)(\d{4})$"#)
        static let quarter = try! NSRegularExpression(pattern: #"^quý([ivx]+)(?:-([ivx]+))?(?:/(?:năm)?(\d{4}))?$"#)
    }

    static func match(_ text: String, _ regex: NSRegularExpression) -> [String]? {
        guard let m = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        return (1..<m.numberOfRanges).map { i in Range(m.range(at: i), in: text).map { String(text[$0]) } ?? "" }
    }
}

/// Where a task stands on the site's `as_of` date: never the clock.
enum DeadlineStatus: String, Sendable, CaseIterable {
    case done, overdue, dueSoon, open, recurring, conditional, unspecified

    var vietnamese: String {
        switch self {
        case .done: return "đã hoàn thành"
        case .overdue: return "quá hạn"
        case .dueSoon: return "sắp đến hạn"
        case .open: return "còn hạn"
        case .recurring: return "định kỳ"
        case .conditional: return "có điều kiện"
        case .unspecified: return "không ghi thời hạn"
        }
    }

    var cssClass: String {
        switch self {
        case .done: return "dat"
        case .overdue: return "chua-dat"
        case .dueSoon: return "gan-dat"
        default: return "trung-tinh"
        }
    }

    /// Days before the end of its period from which a task is "sắp đến hạn".
    static let soonDays = 90

    static func of(_ task: PlanTask, asOf: LocalDate) -> DeadlineStatus {
        if task.isDone { return .done }
        switch task.deadline.meaning {
        case .period(_, let to):
            if to < asOf { return .overdue }
            return days(from: asOf, to: to) <= soonDays ? .dueSoon : .open
        case .recurring: return .recurring
        case .condition: return .conditional
        case .none, .unknown: return .unspecified
        }
    }

    static func days(from a: LocalDate, to b: LocalDate) -> Int {
        ordinal(b) - ordinal(a)
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
