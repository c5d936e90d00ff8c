import Foundation

extension DeadlineParser {
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

        /// Items of a list of months or quarters: "6 - 9", "I, II", "I và II", "II + III" ("từ tháng 3 đến tháng 6" is a
        /// range of `time`).
        mutating func more(_ unit: String, _ item: (inout Reader) -> Int?) -> Int? {
            let save = index
            if take("-") || take(",") || take("va") || take("+") {
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

        /// A longer-term orientation after the deadline: "Đến năm 2025, định hướng đến năm 2030", "…, tầm nhìn đến 2045".
        /// It is not the deadline; the text as written keeps it.
        func orientationStarts() -> Bool {
            let words = (0..<2).compactMap { peek($0)?.text }
            return words == ["dinh", "huong"] || words == ["tam", "nhin"]
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
