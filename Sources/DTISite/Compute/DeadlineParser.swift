import Foundation

/// Reads deadlines the way plans write them, whatever the case, "hàng" or "hằng", with or without
/// diacritics, with any spacing:
/// - periods: "3/2025", "Tháng 12 Năm 2024", "tháng 6 - 9/2025", "Quý II/2024", "Quý 4/2025", "Quý IV năm 2025",
///   "Quý I, II/2025", "Quý I - IV" (of the plan's year), "Năm 2024", "2026-2030", "Năm 2024 - 2025",
///   "Giai đoạn 2021-2025", "Trong năm 2025", "6 tháng đầu năm 2025", "Cuối năm 2024", "Từ 2023 đến 2025";
/// - a day to finish by: "31/12/2025", "Trước ngày 31/12/2025" (that day included), "Trước tháng 6/2025",
///   "Trước Quý IV/2025", "Trước năm 2026" (the day before the period begins), "Đến năm 2025", "Đến hết tháng 6/2025";
/// - a start without an end: "Từ năm 2023";
/// - recurrences: "Hằng năm", "Hàng quý", "Hằng tháng", "Hằng tuần", "Hằng ngày", "6 tháng/lần", "Định kỳ",
///   "Thường xuyên", "Liên tục", with a due day ("Trước ngày 15/11 hằng năm", "Hằng năm trước Quý IV",
///   "Ngày 20 hằng tháng") or a bound ("Hằng năm, giai đoạn 2021-2025");
/// - conditions: "Sau khi …", "Khi có …", "Theo hướng dẫn …", "Căn cứ …", "Tùy theo …", alone or after any of the
///   above ("Năm 2024 - 2025 và khi có hướng dẫn của Bộ TTTT").
enum DeadlineParser {
    /// `planYear` is the year a period without a year ("Quý I - IV", "Trước ngày 15/11") belongs to: the plan's year.
    static func parse(_ raw: String, planYear: Int?) -> Deadline {
        let characters = Array(raw)
        var reader = Reader(tokens: tokenize(characters.map(fold)))
        guard !reader.tokens.isEmpty else { return Deadline(raw: raw, meaning: .none) }
        let unknown = Deadline(raw: raw, meaning: .unknown)

        var times: [Time] = []
        var recurrence: Deadline.Recurrence?
        var conditionStart: Int?
        while !reader.atEnd {
            if reader.separator() { continue }
            if reader.conditionStarts() {
                conditionStart = reader.tokens[reader.index].start
                break
            }
            if let found = reader.recurrence() {
                if recurrence == nil || recurrence == .continuous || recurrence == .periodic { recurrence = found }
                continue
            }
            if let time = reader.time() {
                times.append(time)
                continue
            }
            if reader.filler() { continue }
            return unknown
        }
        var condition: String?
        if let start = conditionStart {
            guard !times.isEmpty || recurrence != nil else { return Deadline(raw: raw, meaning: .condition) }
            condition = conditionText(characters, from: start)
        }

        if let recurrence {
            var deadline = Deadline(raw: raw, meaning: .recurring(recurrence), condition: condition)
            for time in times {
                if let absolute = time.resolve(year: nil) {
                    switch absolute {
                    case .period(_, let to), .by(let to): deadline.until = max(deadline.until ?? to, to)
                    default: break
                    }
                } else if let due = time.due() {
                    deadline.due = due
                } else {
                    return unknown
                }
            }
            return deadline
        }
        guard !times.isEmpty else { return unknown }
        var meanings: [Deadline.Meaning] = []
        for time in times {
            guard let meaning = time.resolve(year: planYear) else { return unknown }
            meanings.append(meaning)
        }
        if meanings.count == 1 { return Deadline(raw: raw, meaning: meanings[0], condition: condition) }
        // Several periods in one cell ("Năm 2024, 2025"): from the first start to the last end.
        var from: LocalDate?
        var to: LocalDate?
        var allPeriods = true
        for meaning in meanings {
            switch meaning {
            case .period(let a, let b):
                from = min(from ?? a, a)
                to = max(to ?? b, b)
            case .by(let b):
                allPeriods = false
                to = max(to ?? b, b)
            default: return unknown
            }
        }
        guard let to else { return unknown }
        if allPeriods, let from { return Deadline(raw: raw, meaning: .period(from: from, to: to), condition: condition) }
        return Deadline(raw: raw, meaning: .by(to), condition: condition)
    }

    /// The condition as written, from its first word; a closing parenthesis without its opening one is dropped.
    static func conditionText(_ characters: [Character], from start: Int) -> String {
        var text = String(characters[start...]).trimmingCharacters(in: .whitespacesAndNewlines)
        while text.hasSuffix(")") && !text.contains("(") { text = String(text.dropLast()).trimmingCharacters(in: .whitespaces) }
        return text
    }

    // MARK: - Folding and tokens

    /// Lower case without diacritics, "đ" as "d", every space as " " and every dash as "-": one character
    /// for each character of the text, so positions in the folded text are positions in the text.
    static func fold(_ c: Character) -> Character {
        if c.isASCII { return c.isUppercase ? Character(c.lowercased()) : c }
        if c.isWhitespace { return " " }
        switch c {
        case "đ", "Đ": return "d"
        case "–", "—", "−", "‐", "‑": return "-"
        default: break
        }
        if let first = String(c).decomposedStringWithCanonicalMapping.unicodeScalars.first, first.isASCII {
            return Character(String(first).lowercased())
        }
        return String(c).lowercased().first ?? c
    }

    /// `text` folded as `fold` does, spaces collapsed and trimmed: "  Đang  Thực hiện " → "dang thuc hien".
    static func fold(_ text: String) -> String {
        String(text.map(fold)).split(separator: " ").joined(separator: " ")
    }

    struct Token {
        enum Kind { case word, number, symbol }
        var kind: Kind
        var text: String
        /// Position of its first character in the text.
        var start: Int
    }

    static func tokenize(_ folded: [Character]) -> [Token] {
        var tokens: [Token] = []
        var i = 0
        while i < folded.count {
            let c = folded[i]
            if c == " " {
                i += 1
                continue
            }
            let start = i
            if c.isASCII && c.isNumber {
                while i < folded.count, folded[i].isASCII, folded[i].isNumber { i += 1 }
                tokens.append(Token(kind: .number, text: String(folded[start..<i]), start: start))
            } else if c.isLetter {
                while i < folded.count, folded[i].isLetter { i += 1 }
                tokens.append(Token(kind: .word, text: String(folded[start..<i]), start: start))
            } else {
                i += 1
                tokens.append(Token(kind: .symbol, text: String(c), start: start))
            }
        }
        return tokens
    }

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
                return .by(inclusive ? r.to : DeadlineStatus.dayBefore(r.from))
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

    struct Reader {
        let tokens: [Token]
        var index = 0

        var atEnd: Bool { index >= tokens.count }

        func peek(_ offset: Int = 0) -> Token? {
            index + offset < tokens.count ? tokens[index + offset] : nil
        }

        /// Consumes the tokens `words` if they come next.
        mutating func take(_ words: String...) -> Bool {
            guard index + words.count <= tokens.count else { return false }
            for (k, word) in words.enumerated() where tokens[index + k].text != word { return false }
            index += words.count
            return true
        }

        mutating func number(_ range: ClosedRange<Int>, maxDigits: Int = 2) -> Int? {
            guard let t = peek(), t.kind == .number, t.text.count <= maxDigits, let n = Int(t.text), range.contains(n) else { return nil }
            index += 1
            return n
        }

        mutating func year() -> Int? {
            guard let t = peek(), t.kind == .number, t.text.count == 4, let n = Int(t.text), (1900...2100).contains(n) else { return nil }
            index += 1
            return n
        }

        mutating func quarter() -> Int? {
            if let n = number(1...4, maxDigits: 1) { return n }
            guard let t = peek(), let q = ["i": 1, "ii": 2, "iii": 3, "iv": 4][t.text] else { return nil }
            index += 1
            return q
        }

        mutating func month() -> Int? { number(1...12) }

        /// "/2025", "/năm 2025", "năm 2025", "- 2025" after a month or quarter.
        mutating func yearSuffix() -> Int? {
            let save = index
            if take("/") || take("-") || take(",") {
                _ = take("nam")
                if let y = year() { return y }
            } else if take("nam"), let y = year() {
                return y
            }
            index = save
            return nil
        }

        /// Items of a list of months or quarters: "6 - 9", "I, II", "I và II" ("từ tháng 3 đến tháng 6" is a range of `time`).
        mutating func more(_ unit: String, _ item: (inout Reader) -> Int?) -> Int? {
            let save = index
            if take("-") || take(",") || take("va") {
                _ = take(unit)
                if let n = item(&self) { return n }
            }
            index = save
            return nil
        }

        mutating func spec() -> Spec? {
            let save = index
            // "Năm 2024", "2025"
            _ = take("nam")
            if let y = year() { return .years(y, y) }
            index = save
            // "Tháng 12 năm 2024", "tháng 6 - 9/2025", "tháng 6"
            if take("thang"), let first = month() {
                var last = first
                while true {
                    let before = index
                    guard let next = more("thang", { $0.month() }) else { break }
                    guard next > last else {
                        index = before
                        break
                    }
                    last = next
                }
                return .months(first, last, year: yearSuffix())
            }
            index = save
            // "Quý II/2024", "Quý 4/2025", "Quý IV năm 2025", "Quý I, II/2025", "Quý I - IV"
            if take("quy"), let first = quarter() {
                var last = first
                while true {
                    let before = index
                    guard let next = more("quy", { $0.quarter() }) else { break }
                    guard next > last else {
                        index = before
                        break
                    }
                    last = next
                }
                return .months(first * 3 - 2, last * 3, year: yearSuffix())
            }
            index = save
            // "6 tháng đầu năm 2025", "6 tháng cuối năm"
            if let n = number(1...11), take("thang") {
                let head = take("dau"), tail = !head && take("cuoi")
                if head || tail {
                    _ = take("nam")
                    let y = year()
                    return head ? .months(1, n, year: y) : .months(13 - n, 12, year: y)
                }
            }
            index = save
            // "Nửa đầu năm 2025", "đầu năm 2025", "cuối năm 2024"
            let half = take("nua")
            if take("dau") || take("cuoi") {
                let head = tokens[index - 1].text == "dau"
                if take("nam") {
                    let y = year()
                    let months = half ? 6 : 3
                    return head ? .months(1, months, year: y) : .months(13 - months, 12, year: y)
                }
                if !half, take("thang"), let m = month() { return .months(m, m, year: yearSuffix()) }
            }
            index = save
            // "ngày 31/12/2025", "ngày 31 tháng 12 năm 2025", "ngày 20"
            if take("ngay") {
                if let d = number(1...31) {
                    let afterDay = index
                    if take("thang"), let m = month() {
                        let y = take("nam") ? year() : nil
                        return valid(d, m, y) ? .date(day: d, month: m, year: y) : nil
                    }
                    index = afterDay
                    if let date = dateTail(d) { return date }
                    index = afterDay
                    return .day(d)
                }
                index = save
                return nil
            }
            // "3/2025", "31/12/2025", "31-12-2025", "15/11"
            if let a = number(1...31) {
                let afterFirst = index
                if take("/"), a <= 12, let y = year() { return .months(a, a, year: y) }
                index = afterFirst
                if let date = dateTail(a) { return date }
            }
            index = save
            return nil
        }

        /// "/12/2025", "-12-2025", ".12.2025", "/11" after a day.
        mutating func dateTail(_ d: Int) -> Spec? {
            let save = index
            for separator in ["/", "-", "."] where take(separator) {
                guard let m = month() else { break }
                let afterMonth = index
                if take(separator), let y = year() { return valid(d, m, y) ? .date(day: d, month: m, year: y) : nil }
                index = afterMonth
                if separator == "/", valid(d, m, nil) { return .date(day: d, month: m, year: nil) }
                break
            }
            index = save
            return nil
        }

        func valid(_ d: Int, _ m: Int, _ y: Int?) -> Bool { d <= LocalDate.daysIn(month: m, year: y ?? 2000) }

        mutating func time() -> Time? {
            let save = index
            if take("truoc") || take("cham", "nhat") || take("han", "chot") || take("khong", "muon", "hon") {
                guard let a = spec() else {
                    index = save
                    return nil
                }
                switch a {
                case .date, .day: return .by(a, inclusive: true)
                default: return .by(a, inclusive: false)
                }
            }
            if take("den") || take("toi") {
                _ = take("het")
                guard let a = spec() else {
                    index = save
                    return nil
                }
                return .by(a, inclusive: true)
            }
            if take("tu") {
                guard let a = spec() else {
                    index = save
                    return nil
                }
                let afterFirst = index
                if take("den") || take("toi") || take("-") {
                    _ = take("het")
                    if let b = spec() { return .span(a, b) }
                }
                index = afterFirst
                return .since(a)
            }
            while take("trong") || take("giai", "doan") || take("thoi", "gian") || take("ca") {}
            guard let a = spec() else {
                index = save
                return nil
            }
            let afterFirst = index
            if take("-") || take("den") || take("toi") {
                _ = take("het")
                if let b = spec() { return .span(a, b) }
            }
            index = afterFirst
            return .span(a, nil)
        }

        mutating func recurrence() -> Deadline.Recurrence? {
            let save = index
            if take("thuong", "xuyen") || take("lien", "tuc") { return .continuous }
            let periodic = take("dinh", "ky")
            if take("hang") || take("moi") {
                if take("ngay") { return .daily }
                if take("tuan") { return .weekly }
                if take("thang") { return .monthly }
                if take("quy") { return .quarterly }
                if take("nam") { return .yearly }
                // "mỗi 6 tháng"
                if let n = number(1...12), take("thang"), let r = Self.every(months: n) { return r }
                index = save
                return nil
            }
            // "6 tháng/lần", "6 tháng một lần", "2 lần/năm"
            let beforeCount = index
            if let n = number(1...12) {
                if take("thang"), take("/", "lan") || take("mot", "lan") || take("1", "lan") || take("lan"),
                    let r = Self.every(months: n)
                {
                    return r
                }
                if take("lan"), take("/", "nam") || take("mot", "nam") || take("trong", "nam") || take("nam"), 12 % n == 0,
                    let r = Self.every(months: 12 / n)
                {
                    return r
                }
                index = beforeCount
            }
            if periodic { return .periodic }
            index = save
            return nil
        }

        static func every(months: Int) -> Deadline.Recurrence? {
            [1: .monthly, 3: .quarterly, 6: .halfYearly, 12: .yearly][months]
        }

        /// A condition begins here: "sau khi", "khi có", "theo hướng dẫn", "căn cứ", "tùy theo", "nếu"…
        func conditionStarts() -> Bool {
            let words = (0..<3).compactMap { peek($0)?.text }
            let starts: [[String]] = [
                ["sau", "khi"], ["ngay", "sau", "khi"], ["khi"], ["theo"], ["can", "cu"], ["tuy"], ["neu"], ["phu", "hop"], ["dong", "bo"],
                ["sau", "thoi", "diem"]
            ]
            return starts.contains { Array(words.prefix($0.count)) == $0 }
        }

        mutating func separator() -> Bool {
            guard let t = peek() else { return false }
            guard (t.kind == .symbol && [",", ";", "(", ")", ".", ":", "-", "+", "/", "&"].contains(t.text)) || t.text == "va" else {
                return false
            }
            index += 1
            return true
        }

        /// Words that say nothing about the time: "Nhiệm vụ thường xuyên", "Hoàn thành trước 30/6/2025".
        mutating func filler() -> Bool {
            take("nhiem", "vu") || take("hoan", "thanh") || take("thuc", "hien") || take("trien", "khai") || take("thoi", "han")
                || take("chu", "ky")
        }
    }
}

/// Where a task stands on the site's `as_of` date: never the clock.
enum DeadlineStatus: String, Sendable, CaseIterable {
    case done, overdue, dueSoon, open, recurring, conditional, unspecified, unclear, paused

    var vietnamese: String {
        switch self {
        case .done: return "đã hoàn thành"
        case .overdue: return "quá hạn"
        case .dueSoon: return "sắp đến hạn"
        case .open: return "còn hạn"
        case .recurring: return "định kỳ"
        case .conditional: return "có điều kiện"
        case .unspecified: return "không ghi thời hạn"
        case .unclear: return "chưa rõ thời hạn"
        case .paused: return "tạm dừng"
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
        switch task.progress {
        case .done?: return .done
        case .paused?: return .paused
        default: break
        }
        switch task.deadline.meaning {
        case .period(_, let to), .by(let to):
            // The last day of the period is still in time; the day after it is not.
            if to < asOf { return .overdue }
            return days(from: asOf, to: to) <= soonDays ? .dueSoon : .open
        case .since: return .open
        case .recurring:
            if let until = task.deadline.until, until < asOf { return .overdue }
            return .recurring
        case .condition: return .conditional
        case .none: return .unspecified
        case .unknown: return .unclear
        }
    }

    /// The "Tình trạng" of a task as a page shows it: its standing on `as_of` with what its status cell reports.
    /// The site does not know that a task whose period ended without a status is unfinished, so it says so.
    static func label(_ task: PlanTask, asOf: LocalDate) -> String {
        let status = of(task, asOf: asOf)
        let progress = task.progress
        if status == .overdue, progress == nil { return "đã quá hạn, chưa có báo cáo hoàn thành" }
        switch progress {
        case .inProgress?: return status.vietnamese + ", đang thực hiện"
        case .notStarted?: return status.vietnamese + ", chưa thực hiện"
        case .other(let text)?: return status.vietnamese + " (tình trạng ghi: \(text))"
        default: return status.vietnamese
        }
    }

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
