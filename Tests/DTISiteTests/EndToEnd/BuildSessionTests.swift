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
            // Only the texts with <dti-chart> or <dti-table> elements draw from the data.
            #expect(work.filesRead == 1 && work.markdownRendered < markdownTexts, "\(work)")
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

extension BuildSessionTests {
    /// A text that draws a chart is rendered again when the data changes; the others are kept.
    @Test func aDataChangeRerendersOnlyTheTextsThatDrawFromIt() throws {
        let root = try BuildTests.copyFixture("mini")
        defer { try? FileManager.default.removeItem(at: root) }
        let page = root.appendingPathComponent("Content/gioi-thieu.md")
        try (try String(contentsOf: page, encoding: .utf8) + "\n<dti-chart kind=\"rank\"></dti-chart>\n").write(
            to: page, atomically: true, encoding: .utf8)
        let options = SiteBuilder.Options(root: root)
        let session = BuildSession(options)
        #expect(session.build().succeeded)
        try Input.dataTable.change(in: root)
        let report = session.build(changed: [root.appendingPathComponent(Input.dataTable.file).path])
        #expect(report.succeeded && session.lastWork.markdownRendered == 1, "\(session.lastWork)")
        #expect(try OutputSafetyTests.snapshot(options.outputDirectory) == (try OutputSafetyTests.cleanBuild(root)))
    }
}

/// A dev server's fast path: a Markdown text edited below its front matter re-renders its page from the
/// values the last build kept, at once; the build that follows gives what a clean build gives.
@Suite struct QuickEditTests {
    @Test func anEditedTextIsWrittenAtOnceAndTheBuildAfterCompletesTheSite() throws {
        let root = try BuildTests.copyFixture("mini")
        defer { try? FileManager.default.removeItem(at: root) }
        let options = SiteBuilder.Options(root: root)
        let session = BuildSession(options, keepsPages: true)
        #expect(session.build().succeeded)
        let file = root.appendingPathComponent("Content/gioi-thieu.md")
        try (try String(contentsOf: file, encoding: .utf8) + "\nMột đoạn viết thêm khi xem thử.\n").write(
            to: file, atomically: true, encoding: .utf8)
        let quick = try #require(session.quickBuild(changed: [file.path]))
        #expect(quick.succeeded && quick.written == 1 && session.lastWork.pagesRendered == 1, "\(quick.summary)")
        let page = try String(contentsOf: options.outputDirectory.appendingPathComponent("gioi-thieu/index.html"), encoding: .utf8)
        #expect(page.contains("Một đoạn viết thêm khi xem thử."))

        let full = session.build(changed: [file.path])
        #expect(full.succeeded)
        #expect(try OutputSafetyTests.snapshot(options.outputDirectory) == (try OutputSafetyTests.cleanBuild(root)))

        // A changed title is not for the fast path: lists show it.
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "title: ", with: "title: Mới - ").write(to: file, atomically: true, encoding: .utf8)
        #expect(session.quickBuild(changed: [file.path]) == nil)
        #expect(session.build(changed: [file.path]).succeeded)
        // Nor a data table.
        #expect(session.quickBuild(changed: [root.appendingPathComponent("Content/data/dti.csv").path]) == nil)
    }

    @Test func anEditedPageTemplateRerendersItsPagesAtOnce() throws {
        let root = try BuildTests.copyFixture("mini")
        defer { try? FileManager.default.removeItem(at: root) }
        let options = SiteBuilder.Options(root: root)
        let session = BuildSession(options, keepsPages: true)
        let first = session.build()
        #expect(first.succeeded)
        let template = root.appendingPathComponent("Theme/templates/page.mustache")
        let text = try String(contentsOf: template, encoding: .utf8)
        try text.replacingOccurrences(of: "</article>", with: "<p class=\"moi\">Mới</p></article>").write(
            to: template, atomically: true, encoding: .utf8)
        let quick = try #require(session.quickBuild(changed: [template.path]))
        #expect(quick.written >= 1 && quick.written < first.pages, "only the pages of that template: \(quick.summary)")
        let page = try String(contentsOf: options.outputDirectory.appendingPathComponent("gioi-thieu/index.html"), encoding: .utf8)
        #expect(page.contains("<p class=\"moi\">Mới</p>"))
        #expect(session.build(changed: [template.path]).succeeded)
        #expect(try OutputSafetyTests.snapshot(options.outputDirectory) == (try OutputSafetyTests.cleanBuild(root)))
        // The layout is in every page: the whole build does it.
        let layout = root.appendingPathComponent("Theme/templates/layout.mustache")
        try (try String(contentsOf: layout, encoding: .utf8) + "\n").write(to: layout, atomically: true, encoding: .utf8)
        #expect(session.quickBuild(changed: [layout.path]) == nil)
    }

    /// A table broken, then put back as it was (the output is current again, nothing is built): the
    /// session does not keep what it read of the broken file.
    @Test func aFileRestoredAfterAFailedBuildIsReadAgain() throws {
        let root = try BuildTests.copyFixture("mini")
        defer { try? FileManager.default.removeItem(at: root) }
        let session = BuildSession(SiteBuilder.Options(root: root), keepsPages: true)
        #expect(session.build().succeeded)
        let table = root.appendingPathComponent("Content/data/dti.csv")
        let good = try String(contentsOf: table, encoding: .utf8)
        try good.replacingOccurrences(of: "0.8000", with: "1.8000").write(to: table, atomically: true, encoding: .utf8)
        #expect(!session.build(changed: [table.path]).succeeded)
        try good.write(to: table, atomically: true, encoding: .utf8)
        #expect(session.build(changed: [table.path]).succeeded)
        let page = root.appendingPathComponent("Content/gioi-thieu.md")
        try (try String(contentsOf: page, encoding: .utf8) + "\nThêm.\n").write(to: page, atomically: true, encoding: .utf8)
        let after = session.build(changed: [page.path])
        #expect(after.succeeded, "\(after.diagnostics)")
    }
}
