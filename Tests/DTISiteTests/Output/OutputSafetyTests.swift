import Foundation
import Testing

@testable import DTISite

/// Whole builds against the misuse and the accidents an output directory meets: the project given as
/// the output, a link as the output, damaged and deleted files, edits of the theme, and a kill at every
/// step of the writer.
@Suite struct OutputSafetyTests {
    struct Kill: Error {}

    static func site() throws -> URL { try BuildTests.copyFixture("mini") }

    /// The site's files in the output (the manifest and hidden entries left out), path → bytes.
    static func snapshot(_ output: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for (path, _) in FileTree.regularFiles(in: output.path) where path != "CNAME" {
            result[path] = try Data(contentsOf: output.appendingPathComponent(path))
        }
        return result
    }

    static func cleanBuild(_ root: URL) throws -> [String: Data] {
        var options = SiteBuilder.Options(root: root)
        options.outputDirectory = root.appendingPathComponent(".clean-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: options.outputDirectory) }
        let report = SiteBuilder.build(options)
        #expect(report.succeeded, "\(report.diagnostics)")
        return try snapshot(options.outputDirectory)
    }

    static func treeOfFiles(_ directory: URL) -> [String: Int] { FileTree.inputFiles(in: directory.path + "/") }

    @Test func anOutputThatIsOrHoldsTheProjectIsRefused() throws {
        let root = try Self.site()
        defer { try? FileManager.default.removeItem(at: root) }
        let content = Self.treeOfFiles(root.appendingPathComponent("Content"))
        let theme = Self.treeOfFiles(root.appendingPathComponent("Theme"))
        for output in [
            root, root.appendingPathComponent("Content"), root.appendingPathComponent("Theme"),
            root.appendingPathComponent("Content/data"), root.appendingPathComponent("Theme/x"),
            root.deletingLastPathComponent(), root.appendingPathComponent("Content/../Content")
        ] {
            var options = SiteBuilder.Options(root: root)
            options.outputDirectory = output
            let report = SiteBuilder.build(options)
            #expect(!report.succeeded, "\(output.path) must be refused")
            #expect(report.errorCount == 1 && report.diagnostics[0].message.contains("thư mục"), "\(report.diagnostics)")
        }
        // Through a link too: public → Content.
        try FileManager.default.createSymbolicLink(
            at: root.appendingPathComponent("public"), withDestinationURL: root.appendingPathComponent("Content"))
        #expect(!SiteBuilder.build(SiteBuilder.Options(root: root)).succeeded)
        #expect(Self.treeOfFiles(root.appendingPathComponent("Content")) == content)
        #expect(Self.treeOfFiles(root.appendingPathComponent("Theme")) == theme)
    }

    /// public/ as a link to a web server's document root: the site goes into the target, the link stays.
    @Test func aLinkedOutputIsBuiltIntoItsTarget() throws {
        let root = try Self.site()
        defer { try? FileManager.default.removeItem(at: root) }
        let docroot = root.appendingPathComponent("www/html")
        try FileManager.default.createDirectory(at: docroot, withIntermediateDirectories: true)
        let link = root.appendingPathComponent("public")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: docroot)
        let options = SiteBuilder.Options(root: root)
        #expect(SiteBuilder.build(options).succeeded)
        #expect(FileSystem.kind(link.path) == .link)
        #expect(FileSystem.kind(docroot.appendingPathComponent("index.html").path) == .file)
        // A change rebuilds through the link again.
        let page = root.appendingPathComponent("Content/gioi-thieu.md")
        try (String(contentsOf: page, encoding: .utf8) + "\nThêm một câu.\n").write(to: page, atomically: true, encoding: .utf8)
        #expect(SiteBuilder.build(options).succeeded)
        #expect(FileSystem.kind(link.path) == .link)
        #expect(try Self.snapshot(docroot) == Self.cleanBuild(root))
    }

    @Test func aDamagedFileOfTheSameSizeIsRepaired() throws {
        let root = try Self.site()
        defer { try? FileManager.default.removeItem(at: root) }
        let options = SiteBuilder.Options(root: root)
        #expect(SiteBuilder.build(options).succeeded)
        let clean = try Self.snapshot(options.outputDirectory)
        for victim in ["index.html", "gioi-thieu/index.html", "sitemap.xml"] {
            let url = options.outputDirectory.appendingPathComponent(victim)
            let size = try Data(contentsOf: url).count
            try Data(repeating: UInt8(ascii: "x"), count: size).write(to: url)
        }
        let report = SiteBuilder.build(options)
        #expect(report.succeeded && report.written == 3, "\(report.summary)")
        #expect(try Self.snapshot(options.outputDirectory) == clean)
    }

    @Test func aDeletedFileIsWrittenAgain() throws {
        let root = try Self.site()
        defer { try? FileManager.default.removeItem(at: root) }
        let options = SiteBuilder.Options(root: root)
        #expect(SiteBuilder.build(options).succeeded)
        let clean = try Self.snapshot(options.outputDirectory)
        try FileManager.default.removeItem(at: options.outputDirectory.appendingPathComponent("gioi-thieu/index.html"))
        let report = SiteBuilder.build(options)
        #expect(report.succeeded && report.written == 1, "\(report.summary)")
        #expect(try Self.snapshot(options.outputDirectory) == clean)
    }

    /// The theme is an input like Content/: a changed stylesheet or template reaches the output.
    @Test func aChangedThemeIsRebuilt() throws {
        let root = try Self.site()
        defer { try? FileManager.default.removeItem(at: root) }
        let options = SiteBuilder.Options(root: root)
        #expect(SiteBuilder.build(options).succeeded)
        let css = try #require(
            FileManager.default.subpaths(atPath: root.appendingPathComponent("Theme/static").path)?.first { $0.hasSuffix(".css") })
        let cssURL = root.appendingPathComponent("Theme/static").appendingPathComponent(css)
        try (String(contentsOf: cssURL, encoding: .utf8) + "\n/* đổi */\n").write(to: cssURL, atomically: true, encoding: .utf8)
        #expect(SiteBuilder.build(options).succeeded)
        #expect(try Self.snapshot(options.outputDirectory) == Self.cleanBuild(root))

        let templates = root.appendingPathComponent("Theme/templates")
        let layout = try #require(FileManager.default.contentsOfDirectory(atPath: templates.path).first { $0.hasPrefix("layout") })
        let layoutURL = templates.appendingPathComponent(layout)
        let text = try String(contentsOf: layoutURL, encoding: .utf8)
        try text.replacingOccurrences(of: "</body>", with: "<!-- mẫu mới --></body>").write(
            to: layoutURL, atomically: true, encoding: .utf8)
        let report = SiteBuilder.build(options)
        // Every page laid out by the layout is rendered again (embed pages have their own template).
        #expect(report.succeeded && report.rendered >= 10, "\(report.summary)")
        let index = try String(contentsOf: options.outputDirectory.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("<!-- mẫu mới -->"))
        #expect(try Self.snapshot(options.outputDirectory) == Self.cleanBuild(root))
    }

    // MARK: Kills

    enum Edit {
        /// Every page changes: a big rebuild (staged swap, or in place when the output holds the user's entries).
        case title
        /// One page changes: a partial rebuild, in place.
        case onePage
        /// A page is added: new files that the next build, if the edit is undone, must remove.
        case newPage

        func apply(_ root: URL, undo: Bool = false) throws {
            if self == .newPage {
                let page = root.appendingPathComponent("Content/lien-he.md")
                if undo {
                    try FileManager.default.removeItem(at: page)
                    return
                }
                try "---\ntitle: Liên hệ\norder: 2\n---\nĐịa chỉ liên hệ của trang.\n".write(to: page, atomically: true, encoding: .utf8)
                return
            }
            let file = root.appendingPathComponent(self == .title ? "Content/site.toml" : "Content/gioi-thieu.md")
            let text = try String(contentsOf: file, encoding: .utf8)
            let (from, to) = self == .title ? ("tỉnh Mẫu\"", "tỉnh Mẫu mới\"") : ("Trang giới thiệu.", "Trang giới thiệu, bản mới.")
            let changed = undo ? text.replacingOccurrences(of: to, with: from) : text.replacingOccurrences(of: from, with: to)
            #expect(changed != text)
            try changed.write(to: file, atomically: true, encoding: .utf8)
        }
    }

    /// Builds the site, adds the user's entries, makes the edit: the state right before the build under test.
    static func prepare(_ edit: Edit, userEntries: Bool) throws -> URL {
        let root = try site()
        let options = SiteBuilder.Options(root: root)
        #expect(SiteBuilder.build(options).succeeded)
        if userEntries {
            let out = options.outputDirectory
            try FileManager.default.createDirectory(at: out.appendingPathComponent(".git/refs"), withIntermediateDirectories: true)
            try Data("ref: refs/heads/gh-pages\n".utf8).write(to: out.appendingPathComponent(".git/HEAD"))
            try Data().write(to: out.appendingPathComponent(".nojekyll"))
            try Data("cds.example.vn\n".utf8).write(to: out.appendingPathComponent("CNAME"))
        }
        try edit.apply(root)
        return root
    }

    static func userEntriesSurvive(_ out: URL) -> Bool {
        [".git/HEAD", ".nojekyll", "CNAME"].allSatisfy { FileSystem.kind(out.appendingPathComponent($0).path) == .file }
    }

    /// Kills the writer at every step of a rebuild; after each kill the output is the old site or the new
    /// one (when swapped), the user's entries are all there, and the next build — with the edit undone,
    /// or not — writes exactly what a clean build of its input writes, and leaves nothing behind.
    @Test(arguments: [(Edit.title, false), (Edit.title, true), (Edit.onePage, false), (Edit.onePage, true), (Edit.newPage, true)])
    func aKillAtAnyStepIsRecovered(_ edit: Edit, _ userEntries: Bool) throws {
        // The steps of this rebuild, and the sites before and after it.
        let probe = try Self.prepare(edit, userEntries: userEntries)
        defer { try? FileManager.default.removeItem(at: probe) }
        let after = try Self.cleanBuild(probe)
        try edit.apply(probe, undo: true)
        let before = try Self.cleanBuild(probe)
        try edit.apply(probe)
        let steps = Counter()
        var counting = SiteBuilder.Options(root: probe)
        counting.faultHook = { _ in steps.increment() }
        #expect(SiteBuilder.build(counting).succeeded)
        let total = steps.value
        #expect(total >= 3, "a rebuild that changes pages makes changes")

        for kill in 0..<total {
            let root = try Self.prepare(edit, userEntries: userEntries)
            defer { try? FileManager.default.removeItem(at: root) }
            var options = SiteBuilder.Options(root: root)
            let count = Counter()
            let stepKilled = Log()
            options.faultHook = { step in
                if count.increment() == kill {
                    stepKilled.text = step.description
                    throw Kill()
                }
            }
            let killed = SiteBuilder.build(options)
            #expect(!killed.succeeded, "killed at step \(kill)")
            let out = options.outputDirectory
            if !userEntries, edit == .title {
                let now = try Self.snapshot(out)
                #expect(now == before || now == after, "a swapped site is old or new at step \(kill)")
            }
            if userEntries { #expect(Self.userEntriesSurvive(out), "the user's entries at step \(kill)") }

            // The next build, with the edit undone (every other kill) or as it is.
            let plain = SiteBuilder.Options(root: root)
            if kill % 2 == 0 {
                try edit.apply(root, undo: true)
                #expect(SiteBuilder.build(plain).succeeded)
                #expect(try Self.snapshot(out) == before, "undone after a kill at \(stepKilled.text)")
            } else {
                #expect(SiteBuilder.build(plain).succeeded)
                #expect(try Self.snapshot(out) == after, "built again after a kill at \(stepKilled.text)")
            }
            if userEntries { #expect(Self.userEntriesSurvive(out)) }
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix(".public") }
            #expect(leftovers.isEmpty, "\(leftovers) after a kill at \(stepKilled.text)")
            #expect(!FileTree.regularFiles(in: out.path).keys.contains { $0.hasSuffix(OutputPlan.temporarySuffix) })
            let again = SiteBuilder.build(plain)
            #expect(again.written == 0 && again.rendered == 0, "then nothing is left to do: \(again.summary)")
        }
    }

    final class Log: @unchecked Sendable {
        var text = ""
    }

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        /// The count before this call.
        @discardableResult func increment() -> Int {
            lock.withLock {
                count += 1
                return count - 1
            }
        }
        var value: Int { lock.withLock { count } }
    }
}
