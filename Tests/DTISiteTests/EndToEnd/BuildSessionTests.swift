import Foundation
import Testing

@testable import DTISite

/// A session keeps a build in memory; after a change of one input it rereads and re-renders only what
/// depends on it, and writes exactly what a clean build of the changed input writes.
@Suite struct BuildSessionTests {
    enum Input: CaseIterable, CustomStringConvertible {
        case markdownPage, dataTable, siteSettings, template, staticFile

        var file: String {
            switch self {
            case .markdownPage: "Content/gioi-thieu.md"
            case .dataTable: "Content/data/units.csv"
            case .siteSettings: "Content/site.toml"
            case .template: "Theme/templates/page.mustache"
            case .staticFile: "Theme/static/assets/site.css"
            }
        }

        var description: String { file }

        func change(in root: URL) throws {
            let url = root.appendingPathComponent(file)
            var text = try String(contentsOf: url, encoding: .utf8)
            switch self {
            case .markdownPage: text += "\nMột đoạn mới của trang giới thiệu.\n"
            case .dataTable:
                // Điện Biên moved to another region: Lai Châu's peer group changes on every page that shows it.
                text = text.replacingOccurrences(
                    of: "Điện Biên,province,,Trung du và miền núi phía Bắc", with: "Điện Biên,province,,Tây Bắc")
            case .siteSettings: text = text.replacingOccurrences(of: "Trang thử nghiệm", with: "Trang thử nghiệm, bản mới")
            case .template: text = text.replacingOccurrences(of: "</article>", with: "<p class=\"moi\">Mới</p></article>")
            case .staticFile: text += "\n.moi { color: #123; }\n"
            }
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
    }

    @Test(arguments: Input.allCases)
    func aChangeAppliedToASessionGivesWhatACleanBuildGives(_ input: Input) throws {
        let root = try BuildTests.copyFixture("mini")
        defer { try? FileManager.default.removeItem(at: root) }
        let options = SiteBuilder.Options(root: root)
        let session = BuildSession(options)
        let first = session.build()
        #expect(first.succeeded, "\(first.diagnostics)")
        let markdownTexts = session.lastWork.markdownRendered
        #expect(session.lastWork.filesRead > 5 && markdownTexts > 3)

        let before = try OutputSafetyTests.snapshot(options.outputDirectory)
        try input.change(in: root)
        let report = session.build(changed: [root.appendingPathComponent(input.file).path])
        #expect(report.succeeded, "\(report.diagnostics)")
        let after = try OutputSafetyTests.snapshot(options.outputDirectory)
        #expect(after != before, "the change reaches the output")
        #expect(after == (try OutputSafetyTests.cleanBuild(root)), "the same as a clean build")

        let work = session.lastWork
        switch input {
        case .markdownPage:
            #expect(work.filesRead == 1 && work.markdownRendered == 1, "\(work)")
            #expect(work.pagesRendered < first.pages, "\(work)")
        case .dataTable:
            #expect(work.filesRead == 1 && work.markdownRendered == markdownTexts, "\(work)")
        case .siteSettings:
            #expect(work.filesRead == 0 && work.markdownRendered == markdownTexts, "\(work)")
        case .template:
            #expect(work.filesRead == 0 && work.markdownRendered == 0, "\(work)")
            #expect(work.pagesRendered < first.pages, "only the pages of that template: \(work)")
        case .staticFile:
            #expect(work.filesRead == 0 && work.markdownRendered == 0, "\(work)")
        }
        // Nothing changed since: nothing done.
        let again = session.build(changed: [])
        #expect(again.succeeded && again.written == 0 && session.lastWork == BuildSession.Work(), "\(again.summary)")
    }
}
