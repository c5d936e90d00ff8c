import Foundation
import Testing

@testable import DTISite

/// Whole builds of a small fixture site: atomic output, determinism, no rewrite when nothing changed,
/// and every error of a broken copy reported with file:line:column.
@Suite struct BuildTests {
    static func copyFixture(_ name: String) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("dtisite-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: Fixtures.url(name).appendingPathComponent("Content"), to: root.appendingPathComponent("Content"))
        try FileManager.default.copyItem(
            at: Fixtures.repositoryRoot.appendingPathComponent("Theme"), to: root.appendingPathComponent("Theme"))
        return root
    }

    static func files(in directory: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: directory.path)
        while let relative = enumerator?.nextObject() as? String {
            let url = directory.appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[relative] = try Data(contentsOf: url)
            }
        }
        return result
    }

    @Test func buildsTheMiniSiteAndRebuildsWithoutWriting() throws {
        let root = try Self.copyFixture("mini")
        defer { try? FileManager.default.removeItem(at: root) }
        let options = SiteBuilder.Options(root: root)
        let first = SiteBuilder.build(options)
        #expect(first.succeeded, "\(first.diagnostics)")
        #expect(first.written == first.files)
        let second = SiteBuilder.build(options)
        #expect(second.succeeded && second.written == 0 && second.unchanged == first.files && second.removed == 0)
        #expect(second.summary.contains("0 tệp được ghi"))
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let root = try Self.copyFixture("mini")
        defer { try? FileManager.default.removeItem(at: root) }
        var a = SiteBuilder.Options(root: root)
        a.outputDirectory = root.appendingPathComponent("out-a")
        var b = a
        b.outputDirectory = root.appendingPathComponent("out-b")
        #expect(SiteBuilder.build(a).succeeded && SiteBuilder.build(b).succeeded)
        var filesA = try Self.files(in: a.outputDirectory), filesB = try Self.files(in: b.outputDirectory)
        // The manifests differ in what they record of the files (modification times, inodes).
        #expect(filesA.removeValue(forKey: ".dtisite-build") != nil && filesB.removeValue(forKey: ".dtisite-build") != nil)
        #expect(filesA.keys.sorted() == filesB.keys.sorted())
        #expect(filesA == filesB)
    }

    /// Nothing of where the project lies (or where the build was started) leaks into the output.
    @Test func theSameContentInAnotherPlaceGivesTheSameBytes() throws {
        let a = try Self.copyFixture("mini"), b = try Self.copyFixture("mini")
        defer {
            try? FileManager.default.removeItem(at: a)
            try? FileManager.default.removeItem(at: b)
        }
        let nested = b.appendingPathComponent("x/y/z")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        for name in ["Content", "Theme"] {
            try FileManager.default.moveItem(at: b.appendingPathComponent(name), to: nested.appendingPathComponent(name))
        }
        #expect(SiteBuilder.build(SiteBuilder.Options(root: a)).succeeded && SiteBuilder.build(SiteBuilder.Options(root: nested)).succeeded)
        var filesA = try Self.files(in: a.appendingPathComponent("public")),
            filesB = try Self.files(in: nested.appendingPathComponent("public"))
        // The manifest holds a fingerprint of the binary and inputs, not part of the site.
        filesA[".dtisite-build"] = nil
        filesB[".dtisite-build"] = nil
        #expect(filesA == filesB)
    }

    @Test func aFailedBuildLeavesThePreviousOutputIntact() throws {
        let root = try Self.copyFixture("mini")
        defer { try? FileManager.default.removeItem(at: root) }
        let options = SiteBuilder.Options(root: root)
        #expect(SiteBuilder.build(options).succeeded)
        let before = try Self.files(in: options.outputDirectory)
        let dti = root.appendingPathComponent("Content/data/dti.csv")
        try (String(contentsOf: dti, encoding: .utf8) + "2024,4 tỉnh,Lai Chau,1,0.9,,\n").write(to: dti, atomically: true, encoding: .utf8)
        let failed = SiteBuilder.build(options)
        #expect(!failed.succeeded)
        #expect(failed.summary.contains("giữ nguyên"))
        #expect(try Self.files(in: options.outputDirectory) == before)
    }

    @Test func checkListsEveryErrorOfABrokenCopy() throws {
        let root = try Self.copyFixture("mini")
        defer { try? FileManager.default.removeItem(at: root) }
        let content = root.appendingPathComponent("Content")
        func edit(_ path: String, _ change: (String) -> String) throws {
            let url = content.appendingPathComponent(path)
            try change(try String(contentsOf: url, encoding: .utf8)).write(to: url, atomically: true, encoding: .utf8)
        }
        // A planted rank inconsistency, an unknown front matter key, an unknown pillar in the indicators,
        // a duplicate slug, an invalid CSV row and a value out of range.
        try edit("data/dti.csv") { $0.replacingOccurrences(of: "2024,4 tỉnh,Lai Châu,2,0.7056", with: "2024,4 tỉnh,Lai Châu,4,0.7056") }
        try edit("tru-cot/ha-tang-so.md") { $0.replacingOccurrences(of: "summary:", with: "sumary:") }
        try edit("data/indicators.csv") { $0 + "ha-tang,3.9,Chỉ tiêu sai trụ cột,10,\n" }
        try "---\ntitle: Trùng\nslug: gioi-thieu\n---\nx\n".write(
            to: content.appendingPathComponent("trung.md"), atomically: true, encoding: .utf8)
        try edit("van-ban/ke-hoach-mau.md") { $0.replacingOccurrences(of: "pillars: [ha-tang-so]", with: "pillars: [ha-tang]") }
        try edit("data/units.csv") { $0 + "x,y\n" }
        let report = SiteBuilder.check(SiteBuilder.Options(root: root))
        #expect(!report.succeeded)
        let lines = report.diagnostics.filter { $0.severity == .error }.map(\.description)
        #expect(lines.contains { $0.hasPrefix("Content/data/units.csv:6:") })
        #expect(lines.contains { $0.hasPrefix("Content/tru-cot/ha-tang-so.md:6:1: error:") && $0.contains("sumary") })
        #expect(lines.contains { $0.hasPrefix("Content/trung.md:1:1: error:") && $0.contains("gioi-thieu") })
        // units.csv failing to load leaves the dti and indicator checks without units: fix it and check again.
        try edit("data/units.csv") { $0.replacingOccurrences(of: "x,y\n", with: "") }
        let second = SiteBuilder.check(SiteBuilder.Options(root: root))
        let all = second.diagnostics.filter { $0.severity == .error }.map(\.description)
        #expect(all.contains { $0.hasPrefix("Content/data/dti.csv:7:4: error:") && $0.contains("không khớp thứ tự") })
        #expect(all.contains { $0.hasPrefix("Content/data/indicators.csv:4:1: error:") && $0.contains("\"ha-tang-so\"") })
        #expect(
            all.contains {
                $0.hasPrefix("Content/van-ban/ke-hoach-mau.md:8:1: error:") && $0.contains("\"ha-tang\"") && $0.contains("\"ha-tang-so\"")
            })
        #expect(all.allSatisfy { $0.range(of: #"^Content/[^:]+:\d+:\d+: error: "#, options: .regularExpression) != nil })
    }

    @Test func miniSiteLinksAndHTMLAreSound() throws {
        let root = try Self.copyFixture("mini")
        defer { try? FileManager.default.removeItem(at: root) }
        let report = SiteBuilder.build(SiteBuilder.Options(root: root))
        #expect(report.succeeded)
        let checker = try SiteChecker(output: root.appendingPathComponent("public"), basePath: "/cds/")
        #expect(checker.parseProblems == [])
        #expect(checker.brokenLinks == [])
    }
}

@Suite struct RebuildTests {
    @Test func changingOneFileRewritesOnlyWhatDependsOnIt() throws {
        let root = try BuildTests.copyFixture("mini")
        defer { try? FileManager.default.removeItem(at: root) }
        let options = SiteBuilder.Options(root: root)
        #expect(SiteBuilder.build(options).succeeded)
        let page = root.appendingPathComponent("Content/gioi-thieu.md")
        try (String(contentsOf: page, encoding: .utf8) + "\nMột câu mới.\n").write(to: page, atomically: true, encoding: .utf8)
        let report = SiteBuilder.build(options)
        #expect(report.succeeded)
        // The page itself and the search files that hold its words and its text (a term chunk, its
        // text fragment, the table of contents; files named by content, so the old ones go): nothing else.
        #expect(report.written >= 2 && report.written <= 6, "\(report.summary)")
        #expect(report.removed <= report.written - 1, "\(report.summary)")
        #expect(report.rendered == 1, "only the changed page runs its template: \(report.summary)")
        let html = try String(contentsOf: root.appendingPathComponent("public/gioi-thieu/index.html"), encoding: .utf8)
        #expect(html.contains("Một câu mới."))
    }

    /// Pages kept from the previous build are kept only while their file is there as it was left:
    /// a page deleted or edited by hand in public/ is rendered again, and the result equals a clean build.
    @Test func keptPagesAreCheckedAgainstTheOutput() throws {
        let root = try BuildTests.copyFixture("mini")
        defer { try? FileManager.default.removeItem(at: root) }
        let options = SiteBuilder.Options(root: root)
        #expect(SiteBuilder.build(options).succeeded)
        let clean = try BuildTests.files(in: root.appendingPathComponent("public"))
        let removed = root.appendingPathComponent("public/gioi-thieu/index.html")
        let edited = root.appendingPathComponent("public/tru-cot/index.html")
        try FileManager.default.removeItem(at: removed)
        try "sửa tay".write(to: edited, atomically: true, encoding: .utf8)
        // Something else changes too, so that the build runs (rather than stopping at the fingerprint).
        let page = root.appendingPathComponent("Content/gioi-thieu.md")
        try (String(contentsOf: page, encoding: .utf8) + "\n").write(to: page, atomically: true, encoding: .utf8)
        let report = SiteBuilder.build(options)
        #expect(report.succeeded, "\(report.summary)")
        #expect(report.rendered >= 2, "\(report.summary)")
        let rebuilt = try BuildTests.files(in: root.appendingPathComponent("public"))
        #expect(rebuilt["tru-cot/index.html"] == clean["tru-cot/index.html"])
        #expect(rebuilt["gioi-thieu/index.html"] != nil)
        #expect(Set(rebuilt.keys) == Set(clean.keys))
    }
}
