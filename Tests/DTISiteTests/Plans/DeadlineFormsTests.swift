import Foundation
import Testing

@testable import DTISite

/// Deadlines as provinces write them: every deadline of the real plans, the forms of the issue,
/// spelling tolerance, recurrences with a due day, and the exact boundaries of the status on `as_of`.
@Suite struct DeadlineFormsTests {
    func d(_ y: Int, _ m: Int, _ day: Int) -> LocalDate { LocalDate(year: y, month: m, day: day) }

    func meaning(_ raw: String, planYear: Int? = 2025) -> Deadline.Meaning { DeadlineParser.parse(raw, planYear: planYear).meaning }

    func task(_ deadline: String, status: String? = nil, planYear: Int? = 2025) -> PlanTask {
        PlanTask(
            code: "x", pillar: nil, indicators: [], text: "x", leads: [], partners: [], product: nil,
            deadline: DeadlineParser.parse(deadline, planYear: planYear), status: status, document: nil,
            location: SourceLocation(file: "t"))
    }

    @Test func everyDeadlineOfTheRealPlansIsUnderstood() throws {
        let url = Fixtures.repositoryRoot.appendingPathComponent("Content/data/tasks.csv")
        let table = try RawTable.parse(try Data(contentsOf: url), file: "Content/data/tasks.csv")
        let column = try #require(table.header.firstIndex(of: "deadline"))
        let deadlines = Set(table.rows.map { $0.fields[column].trimmingCharacters(in: .whitespaces) })
        #expect(deadlines.count > 30)
        for raw in deadlines {
            let parsed = DeadlineParser.parse(raw, planYear: 2025)
            #expect(parsed.meaning != .unknown, "\(raw)")
            if raw.isEmpty { #expect(parsed.meaning == .none) } else { #expect(parsed.meaning != .none, "\(raw)") }
        }
    }

    @Test func datesAndDaysToFinishBy() {
        #expect(meaning("31/12/2025") == .by(d(2025, 12, 31)))
        #expect(meaning("Trước ngày 31/12/2025") == .by(d(2025, 12, 31)))
        #expect(meaning("Trước 31/12/2023") == .by(d(2023, 12, 31)))
        #expect(meaning("trước ngày 31 tháng 12 năm 2025") == .by(d(2025, 12, 31)))
        #expect(meaning("Chậm nhất ngày 30-6-2025") == .by(d(2025, 6, 30)))
        #expect(meaning("Hoàn thành trước 30/6/2025") == .by(d(2025, 6, 30)))
        #expect(meaning("Trước ngày 15/11", planYear: 2024) == .by(d(2024, 11, 15)))
        #expect(meaning("Đến năm 2025") == .by(d(2025, 12, 31)))
        #expect(meaning("Đến hết tháng 6/2025") == .by(d(2025, 6, 30)))
        // "Trước" a month, quarter or year: the day before it begins.
        #expect(meaning("Trước tháng 6/2025") == .by(d(2025, 5, 31)))
        #expect(meaning("Trước Quý IV/2025") == .by(d(2025, 9, 30)))
        #expect(meaning("Trước năm 2026") == .by(d(2025, 12, 31)))
        #expect(meaning("31/02/2025") == .unknown)
        #expect(meaning("29/2/2024") == .by(d(2024, 2, 29)))
    }

    @Test func periods() {
        #expect(meaning("Quý 4/2025") == .period(from: d(2025, 10, 1), to: d(2025, 12, 31)))
        #expect(meaning("Quý IV năm 2025") == .period(from: d(2025, 10, 1), to: d(2025, 12, 31)))
        #expect(meaning("quý I, II/2025") == .period(from: d(2025, 1, 1), to: d(2025, 6, 30)))
        #expect(meaning("Quý II/2024 - Quý I/2025") == .period(from: d(2024, 4, 1), to: d(2025, 3, 31)))
        #expect(meaning("tháng 6/2024") == .period(from: d(2024, 6, 1), to: d(2024, 6, 30)))
        #expect(meaning("Tháng 6 - 9/2025") == .period(from: d(2025, 6, 1), to: d(2025, 9, 30)))
        #expect(meaning("Từ tháng 3 đến tháng 6/2025") == .period(from: d(2025, 3, 1), to: d(2025, 6, 30)))
        #expect(meaning("năm 2024 - 2025") == .period(from: d(2024, 1, 1), to: d(2025, 12, 31)))
        #expect(meaning("2021-2025") == .period(from: d(2021, 1, 1), to: d(2025, 12, 31)))
        #expect(meaning("Giai đoạn 2021-2025") == .period(from: d(2021, 1, 1), to: d(2025, 12, 31)))
        #expect(meaning("Giai đoạn 2021 - 2025") == .period(from: d(2021, 1, 1), to: d(2025, 12, 31)))
        #expect(meaning("Trong năm 2025") == .period(from: d(2025, 1, 1), to: d(2025, 12, 31)))
        #expect(meaning("Trong quý III/2025") == .period(from: d(2025, 7, 1), to: d(2025, 9, 30)))
        #expect(meaning("Từ năm 2023 đến năm 2025") == .period(from: d(2023, 1, 1), to: d(2025, 12, 31)))
        #expect(meaning("6 tháng đầu năm 2025") == .period(from: d(2025, 1, 1), to: d(2025, 6, 30)))
        #expect(meaning("6 tháng cuối năm 2025") == .period(from: d(2025, 7, 1), to: d(2025, 12, 31)))
        #expect(meaning("cuối năm 2024") == .period(from: d(2024, 10, 1), to: d(2024, 12, 31)))
        #expect(meaning("Đầu năm 2025") == .period(from: d(2025, 1, 1), to: d(2025, 3, 31)))
        #expect(meaning("Năm 2024, 2025") == .period(from: d(2024, 1, 1), to: d(2025, 12, 31)))
        #expect(meaning("Từ năm 2023") == .since(d(2023, 1, 1)))
        #expect(meaning("Quý II/2025 - Quý I/2025") == .unknown)
    }

    @Test func recurrencesWithADueDay() {
        let yearlyBy = DeadlineParser.parse("Trước ngày 15/11 hằng năm", planYear: 2025)
        #expect(yearlyBy.meaning == .recurring(.yearly))
        #expect(yearlyBy.due == Deadline.Due(month: 11, day: 15))
        let beforeQuarter = DeadlineParser.parse("Hằng năm trước Quý IV", planYear: 2025)
        #expect(beforeQuarter.meaning == .recurring(.yearly))
        #expect(beforeQuarter.due == Deadline.Due(month: 9, day: 30))
        let monthly = DeadlineParser.parse("Ngày 20 hằng tháng", planYear: 2025)
        #expect(monthly.meaning == .recurring(.monthly) && monthly.due == Deadline.Due(month: nil, day: 20))
        #expect(meaning("Hằng quý") == .recurring(.quarterly))
        #expect(meaning("Hàng quý") == .recurring(.quarterly))
        #expect(meaning("Hằng tháng") == .recurring(.monthly))
        #expect(meaning("Hằng ngày") == .recurring(.daily))
        #expect(meaning("6 tháng/lần") == .recurring(.halfYearly))
        #expect(meaning("6 tháng một lần") == .recurring(.halfYearly))
        #expect(meaning("Định kỳ 6 tháng/lần") == .recurring(.halfYearly))
        #expect(meaning("2 lần/năm") == .recurring(.halfYearly))
        #expect(meaning("Định kỳ hằng năm") == .recurring(.yearly))
        #expect(meaning("Định kỳ") == .recurring(.periodic))
        #expect(meaning("Liên tục") == .recurring(.continuous))
        #expect(meaning("Thường xuyên, liên tục") == .recurring(.continuous))
        let bounded = DeadlineParser.parse("Hằng năm, giai đoạn 2021-2025", planYear: 2025)
        #expect(bounded.meaning == .recurring(.yearly) && bounded.until == d(2025, 12, 31))
        #expect(DeadlineStatus.of(task("Hằng năm, giai đoạn 2021-2025"), asOf: d(2025, 12, 31)) == .recurring)
        #expect(DeadlineStatus.of(task("Hằng năm, giai đoạn 2021-2025"), asOf: d(2026, 1, 1)) == .overdue)
    }

    @Test func conditionsAreKeptOnceAsWritten() {
        let both = DeadlineParser.parse("Năm 2024 - 2025 và khi có hướng dẫn của Bộ", planYear: 2025)
        #expect(both.meaning == .period(from: d(2024, 1, 1), to: d(2025, 12, 31)))
        #expect(both.condition == "khi có hướng dẫn của Bộ")
        let parenthesised = DeadlineParser.parse("2025 (sau khi có hướng dẫn)", planYear: 2025)
        #expect(parenthesised.meaning == .period(from: d(2025, 1, 1), to: d(2025, 12, 31)))
        #expect(parenthesised.condition == "sau khi có hướng dẫn")
        let yearly = DeadlineParser.parse("Hằng năm và khi có yêu cầu", planYear: 2025)
        #expect(yearly.meaning == .recurring(.yearly) && yearly.condition == "khi có yêu cầu")
        for raw in ["khi có hướng dẫn của Bộ", "Căn cứ tình hình thực tế", "Tùy theo tiến độ", "Ngay sau khi được phê duyệt"] {
            #expect(meaning(raw) == .condition, "\(raw)")
        }
    }

    @Test func spellingCaseSpacesAndMissingDiacriticsDoNotMatter() {
        let forms: [(String, Deadline.Meaning)] = [
            ("HẰNG NĂM", .recurring(.yearly)), ("hang nam", .recurring(.yearly)), ("Hang  quy", .recurring(.quarterly)),
            ("thuong xuyen", .recurring(.continuous)), ("lien tuc", .recurring(.continuous)),
            ("Quy IV/2025", .period(from: d(2025, 10, 1), to: d(2025, 12, 31))),
            ("  quý   ii / 2025 ", .period(from: d(2025, 4, 1), to: d(2025, 6, 30))),
            ("Truoc ngay 31/12/2025", .by(d(2025, 12, 31))), ("TRƯỚC NGÀY 31/12/2025", .by(d(2025, 12, 31))),
            ("Nam 2024 - 2025", .period(from: d(2024, 1, 1), to: d(2025, 12, 31))),
            ("thang 12 nam 2024", .period(from: d(2024, 12, 1), to: d(2024, 12, 31))),
            ("Den nam 2025", .by(d(2025, 12, 31))), ("tu nam 2023", .since(d(2023, 1, 1))), ("Sau khi co huong dan", .condition),
            // Decomposed diacritics (NFD), as some keyboards type them.
            ("H\u{0061}\u{0300}ng tha\u{0301}ng", .recurring(.monthly))
        ]
        for (raw, expected) in forms { #expect(meaning(raw) == expected, "\(raw)") }
    }

    @Test func unreadableDeadlinesAreUnclearNotMissing() {
        for raw in ["sớm nhất có thể", "ASAP", "Quý V/2025", "13/2025", "—"] { #expect(meaning(raw) == .unknown, "\(raw)") }
        #expect(DeadlineStatus.of(task("sớm nhất có thể"), asOf: d(2025, 11, 20)) == .unclear)
        #expect(Phrases.vietnamese.status.standing(of: task("sớm nhất có thể"), asOf: d(2025, 11, 20)) == "chưa rõ thời hạn")
        #expect(DeadlineStatus.of(task(""), asOf: d(2025, 11, 20)) == .unspecified)
        #expect(Phrases.vietnamese.status.standing(of: task(""), asOf: d(2025, 11, 20)) == "không ghi thời hạn")
    }

    /// The last day of a period is in time, the day after is overdue; "sắp đến hạn" begins exactly 90 days before.
    @Test func statusBoundariesAreExact() {
        let cases: [(String, LocalDate)] = [
            ("12/2025", d(2025, 12, 31)), ("Quý II/2024", d(2024, 6, 30)), ("Năm 2025", d(2025, 12, 31)),
            ("Trước ngày 15/11/2025", d(2025, 11, 15)), ("Trước tháng 6/2025", d(2025, 5, 31)), ("02/2024", d(2024, 2, 29)),
            ("2026-2030", d(2030, 12, 31))
        ]
        for (raw, last) in cases {
            #expect(DeadlineStatus.of(task(raw), asOf: last) == .dueSoon, "\(raw) on its last day")
            #expect(DeadlineStatus.of(task(raw), asOf: DeadlineStatus.dayAfter(last)) == .overdue, "\(raw) the day after")
        }
        let end = d(2025, 12, 31)
        #expect(LocalDate.days(from: d(2025, 10, 2), to: end) == 90)
        #expect(DeadlineStatus.of(task("12/2025"), asOf: d(2025, 10, 2)) == .dueSoon)
        #expect(DeadlineStatus.of(task("12/2025"), asOf: d(2025, 10, 1)) == .open)
        #expect(DeadlineStatus.of(task("Từ năm 2023"), asOf: d(2030, 1, 1)) == .open)
        #expect(LocalDate.dayBefore(d(2025, 1, 1)) == d(2024, 12, 31))
        #expect(LocalDate.dayBefore(d(2024, 3, 1)) == d(2024, 2, 29))
    }

    @Test func statusWordsAndWhatTheTableSays() {
        let asOf = d(2025, 11, 20)
        for word in ["hoàn thành", "Đã hoàn thành", "xong", "HOAN THANH", "da hoan thanh", " Hoàn  thành. "] {
            #expect(task("3/2025", status: word).progress == .done, "\(word)")
            #expect(Phrases.vietnamese.status.standing(of: task("3/2025", status: word), asOf: asOf) == "đã hoàn thành")
        }
        #expect(TaskProgress(reading: "Đang thực hiện") == .inProgress)
        #expect(TaskProgress(reading: "chua thuc hien") == .notStarted)
        #expect(TaskProgress(reading: "Tạm dừng") == .paused)
        #expect(TaskProgress(reading: "gần xong") == .other("gần xong"))
        #expect(Phrases.vietnamese.status.standing(of: task("3/2025"), asOf: asOf) == "đã quá hạn, chưa có báo cáo hoàn thành")
        #expect(Phrases.vietnamese.status.standing(of: task("3/2025", status: "đang thực hiện"), asOf: asOf) == "quá hạn, đang thực hiện")
        #expect(Phrases.vietnamese.status.standing(of: task("3/2025", status: "chưa thực hiện"), asOf: asOf) == "quá hạn, chưa thực hiện")
        #expect(Phrases.vietnamese.status.standing(of: task("3/2025", status: "tạm dừng"), asOf: asOf) == "tạm dừng")
        #expect(DeadlineStatus.of(task("3/2025", status: "tạm dừng"), asOf: asOf) == .paused)
        #expect(
            Phrases.vietnamese.status.standing(of: task("3/2025", status: "gần xong"), asOf: asOf) == "quá hạn (tình trạng ghi: gần xong)")
        #expect(DeadlineStatus.of(task("3/2025", status: "gần xong"), asOf: asOf) == .overdue)
        #expect(
            Phrases.vietnamese.status.standing(of: task("12/2025", status: "đang thực hiện"), asOf: asOf) == "sắp đến hạn, đang thực hiện")
        #expect(Phrases.vietnamese.status.standing(of: task("12/2025"), asOf: asOf) == "sắp đến hạn")
    }
}

extension DeadlineStatus {
    static func dayAfter(_ d: LocalDate) -> LocalDate {
        if d.day < LocalDate.daysIn(month: d.month, year: d.year) { return LocalDate(year: d.year, month: d.month, day: d.day + 1) }
        if d.month < 12 { return LocalDate(year: d.year, month: d.month + 1, day: 1) }
        return LocalDate(year: d.year + 1, month: 1, day: 1)
    }
}
