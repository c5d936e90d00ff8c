import Foundation

/// Reads deadlines the way plans write them, whatever the case, "hàng" or "hằng", with or without
/// diacritics, with any spacing:
/// - periods: "3/2025", "Tháng 12 Năm 2024", "tháng 6 - 9/2025", "Quý II/2024", "Quý 4/2025", "Quý IV năm 2025",
///   "Quý I, II/2025", "Quý II + III năm 2024", "Quý I - IV" (of the plan's year), "Năm 2024", "2026-2030", "Năm 2024 - 2025",
///   "Giai đoạn 2021-2025", "Trong năm 2025", "6 tháng đầu năm 2025", "Cuối năm 2024", "Từ 2023 đến 2025";
/// - a day to finish by: "31/12/2025", "Trước ngày 31/12/2025" (that day included), "Trước tháng 6/2025",
///   "Trước Quý IV/2025", "Trước năm 2026" (the day before the period begins), "Đến năm 2025", "Đến hết tháng 6/2025", also with an
///   orientation after it ("Đến năm 2025, định hướng đến năm 2030": by 2025);
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
        var reader = Reader(tokens: tokenize(characters.map(TextFolding.fold)))
        guard !reader.tokens.isEmpty else { return Deadline(raw: raw, meaning: .none) }
        let unknown = Deadline(raw: raw, meaning: .unknown)

        var times: [Time] = []
        var recurrence: Deadline.Recurrence?
        var conditionStart: Int?
        while !reader.atEnd {
            if reader.separator() { continue }
            if !times.isEmpty, reader.orientationStarts() { break }
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

    // MARK: - Tokens

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
}
