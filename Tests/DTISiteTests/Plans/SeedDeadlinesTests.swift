import Foundation
import Testing

@testable import DTISite

/// Every deadline written in the four seed plans (Fixtures/seeds/deadlines.tsv, copied from the documents as
/// written) is read, and the forms only Bảo Yên's plan uses mean what the plan means.
@Suite struct SeedDeadlinesTests {
    static func seedDeadlines() throws -> [(raw: String, planYear: Int, source: String)] {
        let text = try String(contentsOf: Fixtures.url("seeds/deadlines.tsv"), encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 3, let year = Int(fields[1]) else { return nil }
            return (fields[0], year, fields[2])
        }
    }

    func d(_ y: Int, _ m: Int, _ day: Int) -> LocalDate { LocalDate(year: y, month: m, day: day) }

    func meaning(_ raw: String, _ planYear: Int = 2024) -> Deadline.Meaning { DeadlineParser.parse(raw, planYear: planYear).meaning }

    @Test func everyDeadlineOfTheSeedsIsRead() throws {
        let deadlines = try Self.seedDeadlines()
        #expect(deadlines.count >= 50)
        for source in ["000", "002", "003", "004"] { #expect(deadlines.contains { $0.source == source }, "\(source)") }
        for deadline in deadlines {
            let parsed = DeadlineParser.parse(deadline.raw, planYear: deadline.planYear)
            #expect(parsed.meaning != .unknown && parsed.meaning != .none, "\(deadline.source): \(deadline.raw)")
            #expect(parsed.raw == deadline.raw, "the text as written is kept")
        }
    }

    /// Quarters without a year belong to the plan's year; "Quý I - IV" and "Quý II + III" are spans of quarters.
    @Test func quartersAsBaoYenWritesThem() {
        #expect(meaning("Quý I") == .period(from: d(2024, 1, 1), to: d(2024, 3, 31)))
        #expect(meaning("Quý I, II") == .period(from: d(2024, 1, 1), to: d(2024, 6, 30)))
        #expect(meaning("Quý II, III, IV") == .period(from: d(2024, 4, 1), to: d(2024, 12, 31)))
        #expect(meaning("Quý I - IV") == .period(from: d(2024, 1, 1), to: d(2024, 12, 31)))
        #expect(meaning("Quý I - IV năm 2024") == .period(from: d(2024, 1, 1), to: d(2024, 12, 31)))
        #expect(meaning("Quý II, III /2024") == .period(from: d(2024, 4, 1), to: d(2024, 9, 30)))
        #expect(meaning("trong Quý II + III năm 2024") == .period(from: d(2024, 4, 1), to: d(2024, 9, 30)))
        #expect(meaning("Tháng 12 Năm 2024") == .period(from: d(2024, 12, 1), to: d(2024, 12, 31)))
        #expect(meaning("Trong năm 2024") == .period(from: d(2024, 1, 1), to: d(2024, 12, 31)))
        if case .recurring = meaning("Quý IV hàng năm") {} else { Issue.record("Quý IV hàng năm is a recurrence") }
        // The 2022 scheme's period: by 2025; the orientation to 2030 is kept in the text, not read as the deadline.
        #expect(meaning("Đến năm 2025, định hướng đến năm 2030", 2022) == .by(d(2025, 12, 31)))
        #expect(meaning("Định hướng đến năm 2030", 2022) == .unknown, "an orientation alone is no deadline")
    }

    /// The plans' own spellings of a span: an en dash, spaces on one side only.
    @Test func spansAsThe2025PlanWritesThem() {
        let span = Deadline.Meaning.period(from: d(2026, 1, 1), to: d(2030, 12, 31))
        for raw in ["2026 – 2030", "2026 - 2030", "2026-2030"] { #expect(meaning(raw, 2025) == span, "\(raw)") }
        #expect(meaning("2025- 2026", 2025) == .period(from: d(2025, 1, 1), to: d(2026, 12, 31)))
        #expect(meaning("02/2025", 2025) == .period(from: d(2025, 2, 1), to: d(2025, 2, 28)))
    }
}
