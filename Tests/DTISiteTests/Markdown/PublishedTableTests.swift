import Foundation
import Testing

@testable import DTISite

/// Any CSV of data/ can be put in a page with `<dti-table>`; one that no page publishes is reported;
/// custom elements written as the README shows them render as blocks, without warnings.
@Suite struct PublishedTableTests {
    static func build(_ edit: (URL) throws -> Void) throws -> (root: URL, report: SiteBuilder.Report) {
        let root = try BuildTests.copyFixture("mini")
        try edit(root)
        return (root, SiteBuilder.build(SiteBuilder.Options(root: root)))
    }

    static func append(_ text: String, to file: String, in root: URL) throws {
        let url = root.appendingPathComponent(file)
        try (String(contentsOf: url, encoding: .utf8) + text).write(to: url, atomically: true, encoding: .utf8)
    }

    @Test func aCSVOfDataIsPublishedByAPage() throws {
        let (root, report) = try Self.build { root in
            try "Mã,Chỉ tiêu,Cơ quan cung cấp\n1.1,Tỷ lệ <b>hồ sơ</b>,Sở TT&TT\n1.2,=SUM(A1),\n".write(
                to: root.appendingPathComponent("Content/data/phu-luc-chi-tieu.csv"), atomically: true, encoding: .utf8)
            try Self.append(
                "\n<dti-table src=\"phu-luc-chi-tieu.csv\" title=\"Phụ lục: cơ quan cung cấp số liệu\"></dti-table>\n",
                to: "Content/gioi-thieu.md", in: root)
        }
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(report.succeeded && report.warningCount == 0, "\(report.diagnostics)")
        let out = root.appendingPathComponent("public")
        let html = try String(contentsOf: out.appendingPathComponent("gioi-thieu/index.html"), encoding: .utf8)
        #expect(html.contains("Phụ lục: cơ quan cung cấp số liệu"))
        #expect(html.contains("Tỷ lệ &lt;b&gt;hồ sơ&lt;/b&gt;") && html.contains("Sở TT&amp;TT"), "cells are escaped")
        #expect(!html.contains("<p><figure"), "the table is a block, not inside a paragraph")
        let csv = try String(contentsOf: out.appendingPathComponent("du-lieu/bang-phu-luc-chi-tieu.csv"), encoding: .utf8)
        #expect(csv.contains("Mã,Chỉ tiêu,Cơ quan cung cấp") && csv.contains("'=SUM(A1)"), "downloadable, formulas neutralised")
        let data = try String(contentsOf: out.appendingPathComponent("du-lieu/index.html"), encoding: .utf8)
        #expect(data.contains("bang-phu-luc-chi-tieu.csv"))
    }

    @Test func aCSVNoPagePublishesIsAWarningNamingTheElement() throws {
        let (root, report) = try Self.build { root in
            try "a,b\n1,2\n".write(to: root.appendingPathComponent("Content/data/ngan-sach.csv"), atomically: true, encoding: .utf8)
        }
        defer { try? FileManager.default.removeItem(at: root) }
        let warning = report.diagnostics.first { $0.location.file.hasSuffix("data/ngan-sach.csv") }
        #expect(warning?.severity == .warning)
        #expect(warning?.message.contains("<dti-table src=\"ngan-sach.csv\"") == true, "\(report.diagnostics)")
    }

    @Test func anUnknownTableIsAWarningListingTheTablesThereAre() throws {
        let (root, report) = try Self.build { root in
            try Self.append("\n<dti-table src=\"khong-co.csv\"></dti-table>\n", to: "Content/gioi-thieu.md", in: root)
        }
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(report.diagnostics.contains { $0.message.contains("không có bảng \"khong-co.csv\"") }, "\(report.diagnostics)")
    }

    /// The README's own syntax: the element and its closing tag on one line.
    @Test func aChartOnALineOfItsOwnIsABlockWithoutWarnings() throws {
        let renderer = MarkdownRenderer(basePath: "/", allowRawHTML: false) { _, _ in
            MarkdownRenderer.Result(html: "<figure class=\"chart\">X</figure>\n", headings: [], diagnostics: [])
        }
        for text in [
            "Trước.\n\n<dti-chart kind=\"rank\"></dti-chart>\n\nSau.\n",
            "Trước.\n\n<dti-chart kind=\"rank\">\n</dti-chart>\n\nSau.\n",
            "Trước.\n\n<dti-chart kind=\"rank\" />\n\nSau.\n"
        ] {
            let result = renderer.render(text, file: "a.md")
            #expect(result.diagnostics.isEmpty, "\(text): \(result.diagnostics)")
            #expect(result.html.contains("<figure class=\"chart\">X</figure>"), "\(result.html)")
            #expect(!result.html.contains("<p><figure") && !result.html.contains("</dti-chart>"), "\(result.html)")
        }
    }

    /// The plan's "Ghi chú" column of tasks.csv is shown with the task.
    @Test func taskNotesAreShown() throws {
        let (root, report) = try Self.build { root in
            let data = root.appendingPathComponent("Content/data")
            try "name\nSở Nội vụ\n".write(to: data.appendingPathComponent("agencies.csv"), atomically: true, encoding: .utf8)
            try "code,task,lead,deadline,note\nT1,Việc một,Sở Nội vụ,2025,Chờ bố trí kinh phí\nT2,Việc hai,Sở Nội vụ,2026,\n".write(
                to: data.appendingPathComponent("tasks.csv"), atomically: true, encoding: .utf8)
        }
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(report.succeeded, "\(report.diagnostics)")
        let html = try String(contentsOf: root.appendingPathComponent("public/co-quan/so-noi-vu/index.html"), encoding: .utf8)
        #expect(html.contains(">Ghi chú</th>") && html.contains("Chờ bố trí kinh phí"))
    }
}
