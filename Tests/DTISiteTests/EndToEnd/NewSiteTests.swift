import Foundation
import Testing

@testable import DTISite

/// `dtisite new`: a working site for any province of the shipped data, from the binary alone, that
/// builds with --strict without a warning; the embedded theme and data are the repository's own.
@Suite struct NewSiteTests {
    static func temporary(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("dtisite-new-\(name)-\(UUID().uuidString)")
    }

    /// Unchanged in 2025 (Sơn La), merged into a unit that kept its name (Tuyên Quang: + Hà Giang),
    /// merged away (Hà Giang), a city (Hồ Chí Minh), a unit that exists only after 2025 (Huế).
    @Test(arguments: ["Sơn La", "Tuyên Quang", "Hà Giang", "Hồ Chí Minh", "hue", "Lao Cai"])
    func aNewSiteBuildsStrictlyWithoutWarnings(_ unit: String) throws {
        let root = Self.temporary(Slug.make(unit))
        defer { try? FileManager.default.removeItem(at: root) }
        let created = try SiteSkeleton.create(SiteSkeleton.Options(directory: root, unit: unit))
        #expect(created.asOf == "2025-07-01" && created.files.contains("Content/site.toml"))
        var options = SiteBuilder.Options(root: root)
        options.strict = true
        let report = SiteBuilder.build(options)
        #expect(report.succeeded && report.warningCount == 0, "\(unit): \(report.diagnostics.map(\.description).joined(separator: "\n"))")
        let home = try String(contentsOf: root.appendingPathComponent("public/index.html"), encoding: .utf8)
        #expect(home.contains(created.unit) && home.contains("xep-hang"))
        let plan = try String(contentsOf: root.appendingPathComponent("public/van-ban/ke-hoach-mau/index.html"), encoding: .utf8)
        #expect(plan.contains("(Ví dụ)") || plan.contains("(ví dụ)"))
    }

    @Test func siteSettingsAreFilledInForTheUnit() throws {
        let root = Self.temporary("settings")
        defer { try? FileManager.default.removeItem(at: root) }
        var options = SiteSkeleton.Options(directory: root, unit: "tuyen-quang-2025")
        options.asOf = "2025-11-20"
        let created = try SiteSkeleton.create(options)
        #expect(created.unit == "Tuyên Quang" && created.peerGroup == "Trung du và miền núi phía Bắc")
        let toml = try String(contentsOf: root.appendingPathComponent("Content/site.toml"), encoding: .utf8)
        #expect(toml.contains("title = \"Chuyển đổi số tỉnh Tuyên Quang\""))
        #expect(toml.contains("as_of = 2025-11-20") && toml.contains("peer_group = \"Trung du và miền núi phía Bắc\""))
        let tasks = try String(contentsOf: root.appendingPathComponent("Content/data/tasks.csv"), encoding: .utf8)
        let targets = try String(contentsOf: root.appendingPathComponent("Content/data/targets.csv"), encoding: .utf8)
        #expect(tasks.split(separator: "\n").count == 3 && targets.split(separator: "\n").count == 3)
        #expect(tasks.contains("(Ví dụ)") && targets.contains("(Ví dụ)"))
        #expect(SiteSkeleton.units.count == 64, "the 63 names before 2025 and Huế: the other units after the merger kept a name")
    }

    @Test func anUnknownUnitIsAnErrorWithTheClosestNames() throws {
        let root = Self.temporary("unknown")
        defer { try? FileManager.default.removeItem(at: root) }
        #expect {
            try SiteSkeleton.create(SiteSkeleton.Options(directory: root, unit: "Son Laa"))
        } throws: { error in
            "\(error)".contains("\"Sơn La\"") && "\(error)".contains("gần nhất")
        }
        #expect(!FileManager.default.fileExists(atPath: root.path), "nothing written")
    }

    @Test func neverWritesIntoANonEmptyDirectory() throws {
        let root = Self.temporary("nonempty")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try Data("của tôi".utf8).write(to: root.appendingPathComponent(".ghi-chu"))
        #expect(throws: SiteSkeleton.Failure.self) { try SiteSkeleton.create(SiteSkeleton.Options(directory: root, unit: "Sơn La")) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == [".ghi-chu"])
    }

    @Test func anotherThemeIsCopiedInsteadOfTheDefault() throws {
        let root = Self.temporary("theme")
        defer { try? FileManager.default.removeItem(at: root) }
        var options = SiteSkeleton.Options(directory: root, unit: "Sơn La")
        options.themeDirectory = Fixtures.repositoryRoot.appendingPathComponent("Theme/templates")
        let created = try SiteSkeleton.create(options)
        #expect(created.files.contains("Theme/layout.mustache") && !created.files.contains("Theme/templates/layout.mustache"))
    }

    /// The binary alone, copied where there is no source tree: `new`, then `build --strict`, for a unit
    /// that merged in 2025.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: ServeTests.binary)))
    func theBinaryAloneStartsASiteThatBuildsStrictly() throws {
        let folder = Self.temporary("binary")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let binary = folder.appendingPathComponent("dtisite").path
        try FileManager.default.copyItem(atPath: ServeTests.binary, toPath: binary)
        let site = folder.appendingPathComponent("lao-cai").path
        let log = folder.appendingPathComponent("log").path
        #expect(try Spawned(binary, ["new", site, "--unit", "Lào Cai", "--as-of", "2025-11-20"], output: log).wait() == 0)
        #expect(try Spawned(binary, ["build", "--root", site, "--strict"], output: log).wait() == 0)
        let summary = try String(contentsOfFile: log, encoding: .utf8)
        #expect(summary.contains("0 cảnh báo"), "\(summary)")
        // The preview option, as the README spells it, into a folder of its own.
        let preview = folder.appendingPathComponent("ban-xem").path
        #expect(try Spawned(binary, ["build", "--root", site, "-o", preview, "--relative-urls"], output: log).wait() == 0)
        let home = try String(contentsOfFile: preview + "/index.html", encoding: .utf8)
        #expect(home.contains("href=\"./assets/site.css"), "links relative to the page")
        #expect(try Spawned(binary, ["new", site, "--unit", "Lào Cai"], output: log).wait() == 1, "never into a non-empty folder")
        #expect(try Spawned(binary, ["new", site + "-2", "--unit", "Lao Kai"], output: log).wait() == 1)
    }

    /// The embedded copy is single-sourced: the same bytes as Theme/ and Content/data/ (`make skeleton`).
    @Test func theEmbeddedThemeAndDataAreTheRepositorysOwn() throws {
        let repository = Fixtures.repositoryRoot
        let theme = FileTree.inputFiles(in: repository.appendingPathComponent("Theme").path + "/")
        #expect(Set(SkeletonData.theme.map(\.path)) == Set(theme.keys), "run make skeleton")
        for file in SkeletonData.theme {
            let disk = try Data(contentsOf: repository.appendingPathComponent("Theme/" + file.path))
            #expect(NewSite.decode(file.base64) == Array(disk), "Theme/\(file.path) differs from the embedded copy: run make skeleton")
        }
        for name in ["dti.csv", "groups.csv"] {
            let disk = try Data(contentsOf: repository.appendingPathComponent("Content/data/" + name))
            #expect(NewSite.embedded("data/" + name) == Array(disk), "Content/data/\(name) differs: run make skeleton")
        }
        // The indicators of the pillars whose list is complete, as Content/ writes them.
        let indicators = try String(contentsOf: repository.appendingPathComponent("Content/data/indicators.csv"), encoding: .utf8)
        let embeddedIndicators = String(decoding: NewSite.embedded("data/indicators.csv"), as: UTF8.self)
        #expect(embeddedIndicators.split(separator: "\n").count > 30)
        #expect(Set(embeddedIndicators.split(separator: "\n")).isSubset(of: Set(indicators.split(separator: "\n"))))
        let units = try String(contentsOf: repository.appendingPathComponent("Content/data/units.csv"), encoding: .utf8)
        let provinces = units.split(separator: "\n").filter { !$0.contains(",district,") && !$0.contains(",commune,") }
        #expect(String(decoding: NewSite.embedded("data/units.csv"), as: UTF8.self).split(separator: "\n") == provinces)
        #expect(NewSite.provinces.count == 87 && NewSite.provinces.filter(\.current).count == 34)
    }
}
