import Foundation
import Testing

@testable import DTISite

/// The 2022 scheme and the 2025 plan disagree on three 2030 targets; `same_as` links them, the check
/// reports each disagreement and both documents' pages show what the other says.
@Suite struct TargetConflictTests {
    @Test func theThreeTargetsTheDocumentsDisagreeOnAreShown() throws {
        let (files, _, diagnostics) = Pipeline.prepare(SiteBuilder.Options(root: Fixtures.repositoryRoot))
        let conflicts = diagnostics.warnings.filter { $0.message.contains("được nêu với giá trị khác nhau") }
        #expect(conflicts.count == 3, "\(conflicts)")
        for (a, b) in [("20 % GRDP", "9–10 % GRDP"), ("50 % doanh nghiệp", "100 %"), ("100 % dân số", "≥95 %")] {
            #expect(conflicts.contains { $0.message.contains(a) && $0.message.contains(b) }, "\(a) / \(b)")
        }
        func page(_ path: String) throws -> String {
            String(decoding: try #require(files.first { $0.path == path }).contents, as: UTF8.self)
        }
        let plan = try page("van-ban/ke-hoach-2025/index.html")
        #expect(plan.contains("Văn bản khác ghi") && plan.contains("20 % GRDP (Đề án 983/QĐ-UBND)"))
        let scheme = try page("van-ban/de-an-cds-2022/index.html")
        #expect(scheme.contains("Văn bản khác ghi") && scheme.contains("9–10 % GRDP (KH 2025 (NQ 57))"))
        #expect(!plan.contains("100–100"), "a single value is not a range")
    }

    @Test func aSameAsToNoTargetIsAnErrorWithTheClosestCode() throws {
        let root = try BuildTests.copyFixture("mini")
        defer { try? FileManager.default.removeItem(at: root) }
        try "code,text,comparator,value,unit,year,same_as\nA1,Kinh tế số,=,20,% GRDP,2030,\nB1,Kinh tế số (KH),range,9-10,% GRDP,2030,A2\n"
            .write(
                to: root.appendingPathComponent("Content/data/targets.csv"), atomically: true, encoding: .utf8)
        let report = SiteBuilder.check(SiteBuilder.Options(root: root))
        let error = report.diagnostics.first { $0.message.contains("same_as") }
        #expect(error?.severity == .error && error?.message.contains("có phải \"A1\"?") == true, "\(report.diagnostics)")
        #expect(error?.location.line == 3 && error?.location.column == 7)
    }
}
