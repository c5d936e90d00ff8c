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

/// A data table edited in a session (as a dev server rebuilds): only the page builders that read the
/// table run again, and the output is exactly what a fresh full build of the edited site writes. A
/// builder whose declared inputs (`PageBuilder.reads`) leave the table out would keep stale pages, and
/// these comparisons fail.
@Suite struct DataEditSessionTests {
    enum Edit: CaseIterable, CustomStringConvertible {
        case task, target, vneid

        var file: String {
            switch self {
            case .task: "Content/data/tasks.csv"
            case .target: "Content/data/targets.csv"
            case .vneid: "Content/data/vneid.csv"
            }
        }

        var description: String { file }

        /// The text the edit puts on a page, and the page.
        var marker: (text: String, page: String) {
            switch self {
            case .task: ("Nhiệm vụ sửa trong phiên", "van-ban/ke-hoach-2025/index.html")
            case .target: ("Mục tiêu sửa trong phiên", "muc-tieu/index.html")
            case .vneid: ("5.600", "vneid/bao-yen/index.html")
            }
        }

        func apply(in root: URL) throws {
            let url = root.appendingPathComponent(file)
            var text = try String(contentsOf: url, encoding: .utf8)
            let before = text
            switch self {
            case .task:
                // New words, and a deadline no longer past: the task leaves the overdue counts of the
                // overview, its agency and its pillar.
                text = text.replacingOccurrences(
                    of: "I.2,nhan-thuc-so,,Xây dựng kế hoạch", with: "I.2,nhan-thuc-so,,\(marker.text): xây dựng kế hoạch")
                text = text.replacingOccurrences(of: "thành phố\",,,02/2025,,ke-hoach-2025", with: "thành phố\",,,12/2026,,ke-hoach-2025")
            case .target:
                text = text.replacingOccurrences(of: "T002-002,\"100% dịch vụ công", with: "T002-002,\"\(marker.text): 100% dịch vụ công")
            case .vneid:
                text = text.replacingOccurrences(
                    of: "TT. Phố Ràng,1,commune,2023,7500,5800,5400,", with: "TT. Phố Ràng,1,commune,2023,7500,5800,5600,")
            }
            #expect(text != before, "the edit applies")
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
    }

    @Test(arguments: Edit.allCases)
    func aDataEditInASessionGivesWhatAFullBuildGives(_ edit: Edit) throws {
        let root = try SafetyInputTests.copyDefaultSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let options = SiteBuilder.Options(root: root)
        let session = BuildSession(options, keepsPages: true)
        let first = session.build()
        #expect(first.succeeded, "\(first.diagnostics)")
        #expect(session.lastWork.buildersRun == SiteRenderer.builders.count)

        try edit.apply(in: root)
        let page = options.outputDirectory.appendingPathComponent(edit.marker.page)
        let early = Early()
        let report = session.build(changed: [root.appendingPathComponent(edit.file).path]) { written in
            // The changed pages are on disk before the rest of the site is made.
            early.written = written
            early.shown = (try? String(contentsOf: page, encoding: .utf8))?.contains(edit.marker.text) == true
        }
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(early.written > 0 && early.shown, "written early: \(early.written)")
        #expect(session.lastWork.buildersRun < SiteRenderer.builders.count, "only the builders that read the table: \(session.lastWork)")
        #expect(session.lastWork.filesRead == 1, "\(session.lastWork)")
        #expect(try OutputSafetyTests.snapshot(options.outputDirectory) == (try OutputSafetyTests.cleanBuild(root)))

        // Nothing changed since: nothing done.
        let again = session.build(changed: [])
        #expect(again.succeeded && again.written == 0, "\(again.summary)")
    }

    final class Early: @unchecked Sendable {
        var written = 0
        var shown = false
    }
}
