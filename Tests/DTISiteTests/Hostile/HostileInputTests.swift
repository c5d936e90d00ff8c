import Foundation
import Testing

@testable import DTISite

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The committed corpus of broken and hostile input (Fixtures/hostile/) plus the large cases, generated
/// here (a 1 MB cell, 100,000 rows) so the clone stays small: each case asserts its behaviour.
@Suite struct HostileInputTests {
    func load(_ name: String) throws(DiagnosticError) -> RawTable {
        try RawTable.load(Fixtures.url("hostile/" + name), displayPath: name)
    }

    func diagnostics(_ name: String) -> [Diagnostic] {
        do {
            _ = try load(name)
            return []
        } catch { return error.diagnostics }
    }

    @Test func brokenEncodingsAreReportedWithLine() {
        #expect(diagnostics("invalid-utf8.csv").first?.location.line == 2)
        #expect(diagnostics("invalid-utf8.csv").first?.message.contains("UTF-8") == true)
        #expect(diagnostics("utf16-invalid.csv").first?.message.contains("UTF-16") == true)
    }

    @Test func excelEncodingsAreRead() throws {
        #expect(try load("utf16.csv").rows.first?.fields == ["Lai Châu", "province"])
        let semicolon = try load("bom-crlf-semicolon.csv")
        #expect(semicolon.header.first == "year")
        #expect(semicolon.rows.first?.fields.last == "0,7056")
    }

    @Test func structuralProblemsNameRowAndColumn() {
        #expect(diagnostics("empty.csv").first?.location.line == 1)
        let quote = diagnostics("unterminated-quote.csv").first
        #expect(quote?.location.line == 2 && quote?.location.column == 1)
        let columns = diagnostics("wrong-columns.csv").map(\.location.line)
        #expect(columns == [2, 3])
    }

    @Test func formulaCellsAreNeutralisedInDownloads() throws {
        let table = try load("formulas.csv")
        let data = DataTable(id: "x", title: "x", columns: [.init("name", "Tên")], rows: table.rows.map { [.text($0.fields[0])] })
        let lines = data.csv().split(separator: "\r\n").dropFirst()
        #expect(lines.allSatisfy { $0.hasPrefix("\"'") || $0.hasPrefix("'") })
    }

    @Test func aYAMLAliasBombIsRefusedQuickly() throws {
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            #expect(throws: DiagnosticError.self) {
                try MarkdownSource.load(Fixtures.url("hostile/alias-bomb.md"), displayPath: "alias-bomb.md")
            }
        }
        #expect(elapsed < .seconds(1))
    }

    @Test func invalidTOMLIsAnErrorWithItsLine() throws {
        let text = try String(contentsOf: Fixtures.url("hostile/invalid.toml"), encoding: .utf8)
        #expect {
            try SiteConfig.parse(text, file: "site.toml")
        } throws: { error in
            ((error as? DiagnosticError)?.diagnostics.first?.location.line ?? 0) >= 3
        }
    }

    @Test func aOneMegabyteCellAndAHundredThousandRows() throws {
        let big = String(repeating: "ă", count: 500_000)
        let table = try RawTable.parse(text: "name,level\n\"\(big)\",province\n", file: "big.csv")
        #expect(table.rows.first?.fields.first?.utf8.count == 1_000_000)
        var rows = "year,group,unit,rank,index\n"
        rows.reserveCapacity(4_000_000)
        for i in 0..<100_000 { rows += "2024,G,Tỉnh \(i),\(i + 1),0.5\n" }
        let clock = ContinuousClock()
        var parsed: RawTable?
        let elapsed = try clock.measure { parsed = try RawTable.parse(text: rows, file: "rows.csv") }
        #expect(parsed?.rows.count == 100_000)
        #expect(parsed?.rows.last?.line == 100_001)
        #expect(elapsed < .seconds(20))
    }

    @Test func deeplyNestedMarkdownRendersInBoundedTime() {
        let renderer = MarkdownRenderer(basePath: "/", allowRawHTML: false)
        let nested =
            String(repeating: "> ", count: 10_000) + "sâu\n" + String(repeating: "- ", count: 10_000) + "x\n"
            + String(repeating: "*", count: 10_000) + "a" + String(repeating: "*", count: 10_000)
        let clock = ContinuousClock()
        let elapsed = clock.measure { #expect(renderer.render(nested, file: "deep.md").html.contains("sâu")) }
        #expect(elapsed < .seconds(10))
    }

    @Test func symlinksOutOfContentAreRefused() throws {
        let root = try BuildTests.copyFixture("mini")
        defer { try? FileManager.default.removeItem(at: root) }
        let secret = root.appendingPathComponent("secret.md")
        try "---\ntitle: Bí mật\n---\nmật khẩu\n".write(to: secret, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("Content/lo-ra.md"), withDestinationURL: secret)
        let report = SiteBuilder.check(SiteBuilder.Options(root: root))
        #expect(report.diagnostics.contains { $0.location.file == "Content/lo-ra.md" && $0.message.contains("ngoài thư mục Content") })
        #expect(!report.succeeded)
    }

    @Test func aFolderLinkedOutOfContentIsRefused() throws {
        let root = try BuildTests.copyFixture("mini")
        defer { try? FileManager.default.removeItem(at: root) }
        let outside = root.appendingPathComponent("ngoai")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try "---\ntitle: Bí mật\n---\nmật khẩu\n".write(to: outside.appendingPathComponent("bi-mat.md"), atomically: true, encoding: .utf8)
        let folder = root.appendingPathComponent("Content/van-ban")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createSymbolicLink(at: folder, withDestinationURL: outside)
        let report = SiteBuilder.check(SiteBuilder.Options(root: root))
        #expect(
            report.diagnostics.contains { $0.location.file == "Content/van-ban/bi-mat.md" && $0.message.contains("ngoài thư mục Content") })
        #expect(!report.succeeded)
    }

    @Test func slugsThatCollideAfterFoldingAreReported() throws {
        let root = try BuildTests.copyFixture("mini")
        defer { try? FileManager.default.removeItem(at: root) }
        try "---\ntitle: Trùng\n---\nx\n".write(to: root.appendingPathComponent("Content/Giới Thiệu.md"), atomically: true, encoding: .utf8)
        try "---\ntitle: Thoát\nslug: ../../../etc\n---\nx\n".write(
            to: root.appendingPathComponent("Content/thoat.md"), atomically: true, encoding: .utf8)
        let report = SiteBuilder.check(SiteBuilder.Options(root: root))
        #expect(report.diagnostics.contains { $0.severity == .error && $0.message.contains("/gioi-thieu/") })
        let build = SiteBuilder.build(SiteBuilder.Options(root: root))
        #expect(!build.succeeded)
        #expect(!FileManager.default.fileExists(atPath: root.deletingLastPathComponent().appendingPathComponent("etc").path))
    }
}
