import Foundation
import Testing

@testable import DTISite

/// What `dtisite check` reports on the default site: every contradiction of the seed documents, each true
/// against its seed line, and nothing else. 29 warnings: 2 indicator lists short of their pillar, 3 targets
/// the 2022 scheme and the 2025 plan disagree on, 1 district target below the province's assignment, and 23
/// findings of Bảo Yên's commune VNeID table (the 15 stated percents and 1 stated total checked in
/// VNeIDBaoYenFindingsTests, and the 7 below).
@Suite struct DefaultSiteFindingsTests {
    static let report = SiteBuilder.check(SiteBuilder.Options(root: Fixtures.repositoryRoot))

    func warnings(_ file: String) -> [Diagnostic] { Self.report.diagnostics.filter { $0.location.file.hasSuffix(file) } }

    @Test func everythingReportedAndNothingElse() {
        #expect(Self.report.errorCount == 0, "\(Self.report.diagnostics)")
        #expect(Self.report.warningCount == 29, "\(Self.report.diagnostics.map(\.message))")
        #expect(warnings("indicators.csv").count == 2)
        #expect(warnings("targets.csv").count == 4)
        #expect(warnings("vneid.csv").count == 23)
        #expect(warnings("tasks.csv").isEmpty && warnings("agencies.csv").isEmpty, "every deadline, status and agency is read")
    }

    /// Seed 000: Thể chế số lists 75 of its 100 points, Nhân lực số 60 of 100.
    @Test func theIndicatorShortfall() {
        let found = warnings("indicators.csv").map(\.message)
        #expect(found.contains { $0.contains("\"Thể chế số\"") && $0.contains("75/100 điểm") })
        #expect(found.contains { $0.contains("\"Nhân lực số\"") && $0.contains("60/100 điểm") })
    }

    /// Seed 002 lines 399 and 397 against seed 004 lines 13, 35 and 45.
    @Test func theThreeTargetConflicts() {
        let conflicts = warnings("targets.csv").filter { $0.message.contains("được nêu với giá trị khác nhau") }.map(\.message)
        #expect(conflicts.count == 3)
        for (a, b) in [("20 % GRDP", "9–10 % GRDP"), ("50 % doanh nghiệp", "100 %"), ("100 % dân số", "≥95 %")] {
            #expect(conflicts.contains { $0.contains(a) && $0.contains(b) }, "\(a) / \(b)")
        }
    }

    /// Seed 003 line 64: "Tỷ lệ người dân có định danh điện tử mức độ 2 … 65% (huyện) … 80% (tỉnh)".
    @Test func theDistrictTargetBelowTheProvincesAssignment() throws {
        let found = try #require(warnings("targets.csv").first { $0.message.contains("cấp trên giao") })
        #expect(found.message.contains("định danh điện tử mức độ 2") && found.message.contains("≥65 %") && found.message.contains("(80 %)"))
    }

    /// Seed 003, Phụ lục 01b (lines 419–440) and mục III (line 64): the seven findings beyond the stated
    /// percents, each with the figures of the seed.
    @Test func theSevenVNeIDFindings() {
        let found = warnings("vneid.csv").map(\.message)
        let seven = [
            // Targets weighted by each commune's population (the 2023 population of the table).
            ["toàn huyện Bảo Yên năm 2024, chỉ tiêu kích hoạt", "(dòng tổng) 60%", "58,8%"],
            ["toàn huyện Bảo Yên năm 2025, chỉ tiêu thu nhận", "(dòng tổng) 70%", "69,1%"],
            ["toàn huyện Bảo Yên năm 2025, chỉ tiêu kích hoạt", "(dòng tổng) 65%", "63,1%"],
            // Tân Tiến (line 421): "55 (80)" in 2024 and again in 2025.
            ["chỉ tiêu kích hoạt năm 2025 của xã Tân Tiến (55%) không tăng so với năm 2024 (55%)"],
            // Việt Tiến (line 436): "65 (130)" against "59 (120)"; every other commune writes one number.
            ["xã Việt Tiến năm 2024", "(130)", "(120)"],
            // Mục III line 64: 51% now and 65% for 2024, against the table's total row (52%, 60%).
            ["năm 2023, tỷ lệ kích hoạt", "hiện trạng người dân có định danh điện tử mức độ 2) 51%", "(dòng tổng của bảng các xã) 52%"],
            ["năm 2024, chỉ tiêu kích hoạt", "kế hoạch huyện giao năm 2024) 65%", "(dòng tổng của bảng các xã) 60%"]
        ]
        for parts in seven { #expect(found.contains { m in parts.allSatisfy { m.contains($0) } }, "\(parts)") }
    }
}
