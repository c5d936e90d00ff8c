import Foundation
import Testing

@testable import DTISite

/// An indicator list that gives a pillar fewer points than its maximum (a plan listing part of the
/// framework) is a warning and said on the pillar page; sub-items past their indicator are reported;
/// a pillar worth 0 points is "không tính điểm".
@Suite struct IndicatorPointsTests {
    static func build(indicators: String, pillarPoints: String? = nil) throws -> (URL, SiteBuilder.Report) {
        let root = try BuildTests.copyFixture("mini")
        try indicators.write(to: root.appendingPathComponent("Content/data/indicators.csv"), atomically: true, encoding: .utf8)
        if let pillarPoints {
            let url = root.appendingPathComponent("Content/tru-cot/chinh-quyen-so.md")
            let text = try String(contentsOf: url, encoding: .utf8)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("max_points:") }
            var edited = lines.map(String.init)
            edited.insert("max_points: \(pillarPoints)", at: 1)
            try edited.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        }
        return (root, SiteBuilder.build(SiteBuilder.Options(root: root)))
    }

    @Test func aListShortOfThePillarsMaximumIsSaid() throws {
        let (root, report) = try Self.build(
            indicators: "pillar,code,name,max_points\nha-tang-so,3.1,Cáp quang,5\nha-tang-so,3.2,Trung tâm dữ liệu,10\n")
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(report.succeeded)
        let warning = report.diagnostics.first { $0.message.contains("chỉ liệt kê 15/20 điểm") }
        #expect(warning?.location.file == "Content/data/indicators.csv" && warning?.location.line == 2, "\(report.diagnostics)")
        let page = try String(contentsOf: root.appendingPathComponent("public/tru-cot/ha-tang-so/index.html"), encoding: .utf8)
        #expect(page.contains("Danh mục trong văn bản chỉ liệt kê 15/20 điểm"))
    }

    @Test func aCompleteListSaysNothing() throws {
        let (root, report) = try Self.build(
            indicators: "pillar,code,name,max_points\nha-tang-so,3.1,Cáp quang,8\nha-tang-so,3.2,Trung tâm dữ liệu,12\n")
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(report.succeeded && !report.diagnostics.contains { $0.message.contains("liệt kê") }, "\(report.diagnostics)")
    }

    @Test func subItemsCountOnceAndMayNotPassTheirIndicator() throws {
        let (root, report) = try Self.build(
            indicators:
                "pillar,code,name,max_points\nha-tang-so,3.1,Cáp quang,20\nha-tang-so,3.1.1,Hộ gia đình,12\nha-tang-so,3.1.2,Doanh nghiệp,10\n"
        )
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(
            !report.diagnostics.contains { $0.message.contains("liệt kê") }, "sub-items are not added to the pillar: \(report.diagnostics)")
        let warning = report.diagnostics.first { $0.message.contains("các mục con (3.1.1, 3.1.2) cộng được 22 điểm") }
        #expect(warning?.location.line == 2, "\(report.diagnostics)")
    }

    @Test func aPillarWorthNoPointsIsNotScored() throws {
        let (root, report) = try Self.build(
            indicators: "pillar,code,name,max_points\nchinh-quyen-so,9.1,Đô thị thông minh,0\n", pillarPoints: "0")
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(report.succeeded && report.errorCount == 0, "\(report.diagnostics)")
        let page = try String(contentsOf: root.appendingPathComponent("public/tru-cot/chinh-quyen-so/index.html"), encoding: .utf8)
        #expect(page.contains("không tính điểm") && !page.contains("tối đa 0 điểm"))
    }
}
