import Foundation
import Testing

@testable import DTISite

/// Every deadline form found in the plans of Lai Châu (2023, 2025) and Bảo Yên (2024).
@Suite struct DeadlineParserTests {
    func period(_ raw: String, planYear: Int? = 2024) -> (LocalDate, LocalDate)? {
        if case .period(let from, let to) = DeadlineParser.parse(raw, planYear: planYear).meaning { return (from, to) }
        return nil
    }

    func d(_ y: Int, _ m: Int, _ day: Int) -> LocalDate { LocalDate(year: y, month: m, day: day) }

    @Test func monthsAndYears() {
        #expect(period("3/2025")! == (d(2025, 3, 1), d(2025, 3, 31)))
        #expect(period("02/2025")! == (d(2025, 2, 1), d(2025, 2, 28)))
        #expect(period("12/2025")! == (d(2025, 12, 1), d(2025, 12, 31)))
        #expect(period("Tháng 12 Năm 2024")! == (d(2024, 12, 1), d(2024, 12, 31)))
        #expect(period("tháng 12/2024")! == (d(2024, 12, 1), d(2024, 12, 31)))
        #expect(period("2025")! == (d(2025, 1, 1), d(2025, 12, 31)))
        #expect(period("2026")! == (d(2026, 1, 1), d(2026, 12, 31)))
        #expect(period("Năm 2023")! == (d(2023, 1, 1), d(2023, 12, 31)))
    }

    @Test func ranges() {
        for raw in ["2026-2030", "2026 - 2030", "2026 – 2030"] { #expect(period(raw)! == (d(2026, 1, 1), d(2030, 12, 31)), "\(raw)") }
        #expect(period("2025 – 2030")! == (d(2025, 1, 1), d(2030, 12, 31)))
        #expect(period("2025- 2026")! == (d(2025, 1, 1), d(2026, 12, 31)))
        #expect(period("Năm 2023 - 2024")! == (d(2023, 1, 1), d(2024, 12, 31)))
        #expect(period("Năm 2023 - 2025")! == (d(2023, 1, 1), d(2025, 12, 31)))
        #expect(period("Năm 2024 - 2025")! == (d(2024, 1, 1), d(2025, 12, 31)))
        #expect(period("2030-2026") == nil)
    }

    @Test func quarters() {
        #expect(period("Quý II/2024")! == (d(2024, 4, 1), d(2024, 6, 30)))
        #expect(period("Quý I/2024")! == (d(2024, 1, 1), d(2024, 3, 31)))
        #expect(period("Quý IV", planYear: 2024)! == (d(2024, 10, 1), d(2024, 12, 31)))
        #expect(period("Quý I - IV", planYear: 2024)! == (d(2024, 1, 1), d(2024, 12, 31)))
        #expect(period("Quý I - IV/2024")! == (d(2024, 1, 1), d(2024, 12, 31)))
        #expect(period("Quý II", planYear: nil) == nil)
    }

    @Test func recurrencesAndConditions() {
        for raw in ["Hằng năm", "Hàng năm"] { #expect(DeadlineParser.parse(raw, planYear: nil).meaning == .recurring(.yearly)) }
        #expect(DeadlineParser.parse("Hằng tuần", planYear: nil).meaning == .recurring(.weekly))
        for raw in ["Thường xuyên", "Nhiệm vụ thường xuyên"] {
            #expect(DeadlineParser.parse(raw, planYear: nil).meaning == .recurring(.continuous))
        }
        for raw in [
            "Khi có hướng dẫn của Bộ TTTT", "Khi có yêu cầu", "Sau khi Thủ tướng Chính phủ ban hành",
            "Sau khi Thủ tướng Chính phủ ban hành Quyết định",
            "Sau khi Trung ương hoàn thành các nền tảng số", "Sau khi các văn bản Luật, Nghị định được ban hành",
            "Sau khi có Quyết định ban hành Đề án của Thủ tướng Chính phủ",
            "Sau khi có hướng dẫn của Bộ Thông tin và Truyền thông, Bộ Khoa học và Công nghệ",
            "Sau khi có văn bản hướng dẫn thực hiện", "Sau khi Đề án được Trung ương ban hành", "Theo chỉ đạo của Trung ương",
            "Theo hướng dẫn của Bộ Thông tin và truyền thông", "Theo hướng dẫn của Bộ TT&TT", "Theo tiến độ của các bộ, ngành Trung",
            "Theo triệu tập của UBQG về Chuyển đổi số và Cuộc họp về chuyển đổi số của tỉnh"
        ] {
            #expect(DeadlineParser.parse(raw, planYear: 2025).meaning == .condition, "\(raw)")
        }
        let both = DeadlineParser.parse("Năm 2024 - 2025 và khi có hướng dẫn của Bộ TTTT", planYear: nil)
        #expect(both.meaning == .period(from: d(2024, 1, 1), to: d(2025, 12, 31)))
        #expect(both.condition == "khi có hướng dẫn của Bộ TTTT")
        #expect(both.raw == "Năm 2024 - 2025 và khi có hướng dẫn của Bộ TTTT")
        #expect(DeadlineParser.parse("", planYear: nil).meaning == .none)
        #expect(DeadlineParser.parse("sớm nhất có thể", planYear: nil).meaning == .unknown)
    }

    @Test func dayCountsAgreeWithTheGregorianCalendar() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        for year in [1900, 1999, 2000, 2023, 2024, 2025, 2100] {
            for month in 1...12 {
                for day in [1, 15, 28] + (month == 2 ? [] : [30]) {
                    let date = calendar.date(from: DateComponents(year: year, month: month, day: day))!
                    let expected = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
                    #expect(LocalDate.ordinal(LocalDate(year: year, month: month, day: day)) == expected, "\(year)-\(month)-\(day)")
                }
            }
        }
        #expect(LocalDate.days(from: LocalDate(year: 2024, month: 2, day: 28), to: LocalDate(year: 2024, month: 3, day: 1)) == 2)
        #expect(LocalDate.days(from: LocalDate(year: 2025, month: 12, day: 31), to: LocalDate(year: 2025, month: 1, day: 1)) == -364)
    }

    @Test func statusIsJudgedAgainstAsOfNotTheClock() {
        func task(_ deadline: String, status: String? = nil) -> PlanTask {
            PlanTask(
                code: "x", pillar: nil, indicators: [], text: "x", leads: [], partners: [], product: nil,
                deadline: DeadlineParser.parse(deadline, planYear: 2025), status: status, document: nil, location: SourceLocation(file: "t")
            )
        }
        let asOf = d(2025, 11, 20)
        #expect(DeadlineStatus.of(task("3/2025"), asOf: asOf) == .overdue)
        #expect(DeadlineStatus.of(task("3/2025", status: "hoàn thành"), asOf: asOf) == .done)
        #expect(DeadlineStatus.of(task("12/2025"), asOf: asOf) == .dueSoon)
        #expect(DeadlineStatus.of(task("2026-2030"), asOf: asOf) == .open)
        #expect(DeadlineStatus.of(task("3/2025"), asOf: d(2024, 10, 1)) == .open)
        #expect(DeadlineStatus.of(task("3/2025"), asOf: d(2025, 1, 5)) == .dueSoon)
        #expect(DeadlineStatus.of(task("Hằng năm"), asOf: asOf) == .recurring)
        #expect(DeadlineStatus.of(task("Sau khi có hướng dẫn"), asOf: asOf) == .conditional)
    }
}

extension Deadline.Meaning: CustomTestStringConvertible {
    public var testDescription: String { "\(self)" }
}
