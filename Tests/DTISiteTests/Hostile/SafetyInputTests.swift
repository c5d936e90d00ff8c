import Foundation
import Testing

@testable import DTISite

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Input that used to leak files, publish off-site links, crash the program, run for seconds, produce
/// malformed XML, bury the real error or hide its cause: each case asserts the message instead.
@Suite struct SafetyInputTests {
    // MARK: - Helpers

    /// A copy of the repository's own Content/ and Theme/ (the default site, with tasks and VNeID data).
    static func copyDefaultSite() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("dtisite-default-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for folder in ["Content", "Theme"] {
            try FileManager.default.copyItem(
                at: Fixtures.repositoryRoot.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
        }
        return root
    }

    static func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    static func link(_ path: String, in root: URL, to target: URL) throws {
        let url = root.appendingPathComponent(path)
        try? FileManager.default.removeItem(at: url)
        try FileManager.default.createSymbolicLink(at: url, withDestinationURL: target)
    }

    static func errors(_ report: SiteBuilder.Report) -> [Diagnostic] { report.diagnostics.filter { $0.severity == .error } }

    // MARK: - 7. Symbolic links out of Theme/ (and Content/)

    @Test func aTemplateLinkedOutOfThemeIsRefused() throws {
        let root = try BuildTests.copyFixture("mini")
        defer { try? FileManager.default.removeItem(at: root) }
        let secret = root.appendingPathComponent("id_rsa")
        try Self.write("-----BEGIN OPENSSH PRIVATE KEY-----\n", to: secret)
        try Self.link("Theme/templates/footer.mustache", in: root, to: secret)
        let report = SiteBuilder.check(SiteBuilder.Options(root: root))
        #expect(!report.succeeded)
        #expect(
            report.diagnostics.contains {
                $0.location.file == "Theme/templates/footer.mustache" && $0.message.contains("ngoài thư mục Theme/")
                    && $0.message.contains("chép tệp vào Theme/")
            })
        let build = SiteBuilder.build(SiteBuilder.Options(root: root))
        #expect(!build.succeeded)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("public").path))
    }

    @Test func staticFilesAndFoldersLinkedOutOfThemeAreRefused() throws {
        let root = try BuildTests.copyFixture("mini")
        defer { try? FileManager.default.removeItem(at: root) }
        let outside = root.appendingPathComponent("ngoai")
        try Self.write("bí mật\n", to: outside.appendingPathComponent("secret.txt"))
        try Self.link("Theme/static/assets/khoa.txt", in: root, to: outside.appendingPathComponent("secret.txt"))
        try Self.link("Theme/static/ro-ri", in: root, to: outside)
        let report = SiteBuilder.check(SiteBuilder.Options(root: root))
        #expect(!report.succeeded)
        let files = Set(Self.errors(report).filter { $0.message.contains("ngoài thư mục Theme/") }.map(\.location.file))
        #expect(files == ["Theme/static/assets/khoa.txt", "Theme/static/ro-ri"])
    }

    @Test func linksThatStayInsideThemeAreFollowed() throws {
        let root = try BuildTests.copyFixture("mini")
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.link("Theme/static/assets/ban-sao.css", in: root, to: root.appendingPathComponent("Theme/static/assets/site.css"))
        try Self.link("Theme/static/thu-muc", in: root, to: root.appendingPathComponent("Theme/static/assets"))
        let report = SiteBuilder.build(SiteBuilder.Options(root: root))
        #expect(report.succeeded, "\(report.diagnostics)")
        let css = try Data(contentsOf: root.appendingPathComponent("Theme/static/assets/site.css"))
        #expect(try Data(contentsOf: root.appendingPathComponent("public/assets/ban-sao.css")) == css)
        #expect(try Data(contentsOf: root.appendingPathComponent("public/thu-muc/site.css")) == css)
    }

    @Test func dataTablesAndSiteTomlLinkedOutOfContentAreRefused() throws {
        let root = try BuildTests.copyFixture("mini")
        defer { try? FileManager.default.removeItem(at: root) }
        let outside = root.appendingPathComponent("ngoai")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        for name in ["units.csv", "site.toml"] {
            let from = root.appendingPathComponent(name == "site.toml" ? "Content/site.toml" : "Content/data/" + name)
            try FileManager.default.moveItem(at: from, to: outside.appendingPathComponent(name))
            try FileManager.default.createSymbolicLink(at: from, withDestinationURL: outside.appendingPathComponent(name))
        }
        let report = SiteBuilder.check(SiteBuilder.Options(root: root))
        #expect(!report.succeeded)
        let files = Set(Self.errors(report).filter { $0.message.contains("ngoài thư mục Content/") }.map(\.location.file))
        #expect(files == ["Content/data/units.csv", "Content/site.toml"])
    }

    // MARK: - 8. base_url and -b/--base-url

    @Test func baseURLsThatLeaveTheSiteAreRefused() {
        for bad in [
            "https://cds.laichau.gov.vn//cds/", "https://cds.laichau.gov.vn/cds\\evil/", "https:\\\\evil.com/", "javascript:alert(1)//",
            "ftp://cds.laichau.gov.vn/", "https://user@evil.com/", "https:///cds/", "https://cds.laichau.gov.vn/../", "https://a.vn/./x/",
            "https://a.vn/%2e%2e/", "https://a.vn/cds?x=1", "https://a.vn/cds#x", "https://a.vn/c ds/", "https://a.vn/cds\u{0}/",
            "https://a.vn:99999/", "https://a.vn:/", "https://a..vn/", "https://a.vn/\"onmouseover=x/", "//evil.com/", ""
        ] {
            guard case .failure(let problem) = SiteConfig.checkBaseURL(bad) else {
                Issue.record("accepted \(bad)")
                continue
            }
            #expect(problem.reason.contains("phải là địa chỉ đầy đủ"))
        }
        for (good, expected) in [
            ("https://cds.laichau.gov.vn/cds/", "https://cds.laichau.gov.vn/cds/"),
            ("https://cds.laichau.gov.vn/cds", "https://cds.laichau.gov.vn/cds/"),
            ("http://localhost:8000", "http://localhost:8000/"), ("https://a-b.gov.vn/x/y-z/", "https://a-b.gov.vn/x/y-z/")
        ] {
            #expect((try? SiteConfig.checkBaseURL(good).get()) == expected)
        }
    }

    @Test func siteTomlBaseURLWithDoubleSlashIsAnErrorWithItsLine() throws {
        let text = "title = \"T\"\nbase_url = \"https://cds.laichau.gov.vn//cds/\"\nas_of = 2025-01-01\nunit = \"Lai Châu\"\n"
        #expect {
            try SiteConfig.parse(text, file: "Content/site.toml")
        } throws: { error in
            guard let diagnostic = (error as? DiagnosticError)?.diagnostics.first else { return false }
            return diagnostic.location.line == 2 && diagnostic.message.contains("//")
        }
    }

    @Test func theBaseURLOptionIsCheckedLikeSiteToml() throws {
        let root = try BuildTests.copyFixture("mini")
        defer { try? FileManager.default.removeItem(at: root) }
        var options = SiteBuilder.Options(root: root)
        options.baseURL = "javascript:alert(1)//"
        let report = SiteBuilder.check(options)
        #expect(!report.succeeded)
        #expect(Self.errors(report).map(\.location.file) == ["--base-url"])
        #expect(Self.errors(report).first?.message.contains("http://") == true)
        options.baseURL = "http://localhost:8000"
        let preview = Pipeline.prepare(options)
        #expect(!preview.diagnostics.hasErrors)
        let home = preview.files.first { $0.path == "index.html" }.map { String(decoding: $0.contents, as: UTF8.self) } ?? ""
        #expect(home.contains("http://localhost:8000/"))
        #expect(!home.contains("javascript:"))
    }

    // MARK: - 9. Crashes become messages

    @Test func documentsWhoseNamesFoldToOneSlugAreAnError() throws {
        let root = try Self.copyDefaultSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("Content/van-ban")
        let text = try String(contentsOf: folder.appendingPathComponent("ke-hoach-2025.md"), encoding: .utf8)
        try Self.write(text, to: folder.appendingPathComponent("KE-HOACH-2025.md"))
        try Self.write("---\ntitle: Đề án\n---\nx\n", to: folder.appendingPathComponent("de-an.md"))
        try Self.write("---\ntitle: Đề án\n---\nx\n", to: folder.appendingPathComponent("\u{0111}\u{1EC1}-\u{00E1}n.md"))  // đề-án, NFC
        try Self.write("---\ntitle: Đề án\n---\nx\n", to: folder.appendingPathComponent("\u{0111}e\u{0302}\u{0300}-a\u{0301}n.md"))  // NFD
        for report in [SiteBuilder.check(SiteBuilder.Options(root: root)), SiteBuilder.build(SiteBuilder.Options(root: root))] {
            #expect(!report.succeeded)
            let collisions = Self.errors(report).filter { $0.message.contains("cùng đường dẫn") }
            #expect(collisions.contains { $0.location.file.hasSuffix("KE-HOACH-2025.md") || $0.message.contains("KE-HOACH-2025.md") })
            #expect(collisions.contains { $0.message.contains("ke-hoach-2025.md") || $0.location.file.hasSuffix("/ke-hoach-2025.md") })
            #expect(collisions.filter { $0.message.contains("/van-ban/de-an/") }.count == 2)
        }
    }

    @Test func hugeVNeIDCountsAreErrorsWithTheirCell() throws {
        let root = try Self.copyDefaultSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let url = root.appendingPathComponent("Content/data/vneid.csv")
        var lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        // Row 2 (TT. Phố Ràng 2023): population too large for 64 bits, activated large enough to overflow the percent.
        var cells = lines[1].components(separatedBy: ",")
        cells[6] = "99999999999999999999"
        lines[1] = cells.joined(separator: ",")
        cells = lines[3].components(separatedBy: ",")
        cells[8] = "9223372036854775807"
        lines[3] = cells.joined(separator: ",")
        try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        let report = SiteBuilder.check(SiteBuilder.Options(root: root))
        #expect(!report.succeeded)
        let big = Self.errors(report).filter { $0.message.contains("quá lớn") }
        #expect(big.map(\.location.description).sorted() == ["Content/data/vneid.csv:2:7", "Content/data/vneid.csv:4:9"])
        #expect(big.first?.message.contains("ô G2") == true)
    }

    @Test func overflowingSumsAndPercentsDoNotStopTheProgram() {
        #expect(VNeIDFigures.percent(Int.max, of: 3) != nil)
        #expect(VNeIDProgress.accountsNeeded(count: Int.min + 1, population: Int.max, targetPercent: 100) >= 0)
        let at = SourceLocation(file: "vneid.csv", line: 2, column: 1)
        let year = CommuneYear(year: 2024, population: Int.max, collected: Int.max, activated: 1, location: at)
        let district = DistrictProgress(
            province: "P", district: "D", slug: "d",
            communes: [
                CommuneProgress(name: "A", isTotal: false, years: [2024: year]),
                CommuneProgress(name: "B", isTotal: false, years: [2024: year])
            ],
            file: "vneid.csv")
        #expect(VNeIDFigures.totals(district, year: 2024) == nil)
        #expect(VNeIDFigures.totalsOverflow(district, year: 2024))
        var diagnostics = Diagnostics()
        VNeIDRules.checkDistrict(district, into: &diagnostics)
        #expect(diagnostics.errors.contains { $0.location == at && $0.message.contains("quá lớn") })
        #expect(NumberParser.integer("9223372036854775807") == nil)
        #expect(NumberParser.integer("1.000.000") == 1_000_000)
    }

    @Test func aPartialThatIncludesItselfIsAnErrorWithItsLine() throws {
        let root = try BuildTests.copyFixture("mini")
        defer { try? FileManager.default.removeItem(at: root) }
        let header = root.appendingPathComponent("Theme/templates/header.mustache")
        let text = try String(contentsOf: header, encoding: .utf8)
        try Self.write("{{! tiêu đề }}\n" + text + "{{> header}}\n", to: header)
        let report = SiteBuilder.check(SiteBuilder.Options(root: root))
        #expect(!report.succeeded)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
        #expect(
            Self.errors(report).contains {
                $0.location.file == "Theme/templates/header.mustache" && $0.location.line == lines + 1 && $0.location.column == 1
                    && $0.message.contains("header → header")
            })
    }

    @Test func aCycleOfPartialsIsAnErrorNamingTheTemplate() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dtisite-templates-\(UUID().uuidString)/templates")
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        try Self.write("<p>a</p>\n  {{> b}}\n", to: directory.appendingPathComponent("a.mustache"))
        try Self.write("{{=<% %>=}}\n<p>b</p><%> a%>\n", to: directory.appendingPathComponent("b.mustache"))
        try Self.write("{{<c}}{{$main}}x{{/main}}{{/c}}\n", to: directory.appendingPathComponent("c.mustache"))
        try Self.write("{{> a}}{{{partials.header}}}{{! {{> d}} }}\n", to: directory.appendingPathComponent("d.mustache"))
        var diagnostics = Diagnostics()
        _ = TemplateSet.compile(Theme.templates(in: directory, shown: "Theme/templates", into: &diagnostics), into: &diagnostics)
        let found = diagnostics.errors.map { "\($0.location) \($0.message.contains("→") ? "cycle" : $0.message)" }.sorted()
        #expect(found == ["Theme/templates/b.mustache:2:9 cycle", "Theme/templates/c.mustache:1:1 cycle"])
        #expect(diagnostics.errors.first?.message.contains("a → b → a") == true)
    }

    @Test func noUncheckedDictionaryOnUserKeysInTheLibrary() throws {
        // The class of crash: Dictionary(uniqueKeysWithValues:) traps on a repeated key.
        let owned: Set<String> = ["Output/SiteWriter.swift", "Output/BuildManifest.swift", "Output/FileTree.swift", "Build.swift"]
        let sources = Fixtures.repositoryRoot.appendingPathComponent("Sources/DTISite")
        let enumerator = FileManager.default.enumerator(atPath: sources.path)
        while let relative = enumerator?.nextObject() as? String {
            guard relative.hasSuffix(".swift"), !owned.contains(relative) else { continue }
            let text = try String(contentsOf: sources.appendingPathComponent(relative), encoding: .utf8)
            #expect(!text.contains("uniqueKeysWithValues:"), "\(relative)")
            #expect(!text.contains("as NSString") && !text.contains("NSString("), "\(relative)")
        }
    }

    // MARK: - 10. YAML anchors and aliases, whatever the spacing

    @Test(arguments: ["&", "*"]) func aliasBombsWithATabAreRefusedQuickly(_ marker: String) {
        // Every anchor has a tab before its "&"; the aliases have a tab before "*" too, or (testing the
        // anchors alone) a space.
        var yaml = "---\ntitle: bom\n"
        yaml += "a:\t&a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            let alias = marker == "*" ? "\t*\(previous)" : " *\(previous)"
            yaml += "\(name):\t&\(name) [" + Array(repeating: alias, count: 9).joined(separator: ",") + "]\n"
            previous = name
        }
        yaml += "---\nx\n"
        let clock = ContinuousClock()
        var diagnostics: [Diagnostic] = []
        let elapsed = clock.measure {
            do throws(DiagnosticError) { _ = try MarkdownSource.parse(yaml, file: "bom.md") } catch { diagnostics = error.diagnostics }
        }
        #expect(elapsed < .milliseconds(500))
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.location.line == 3)
        #expect(diagnostics.first?.location.column == 4)
        #expect(diagnostics.first?.message.contains("anchor/alias") == true)
    }

    @Test func anAliasAsAKeyOrAfterAQuoteIsRefused() {
        for yaml in ["---\na: &x 1\n? *x\n: 2\n---\n", "---\nt: 'a'\nb:\t*x\n---\n", "---\n- &a\n- *a\n---\n"] {
            #expect(throws: DiagnosticError.self) { try MarkdownSource.parse(yaml, file: "x.md") }
        }
        // "&" and "*" inside text stay text.
        let plain = try? MarkdownSource.parse("---\ntitle: Sở TT&TT *mới* & cũ\nsummary: \"*a &b\"\n---\nx\n", file: "x.md")
        #expect(plain?.frontMatter.entries["title"] != nil)
    }

    @Test func frontMatterHasASizeLimit() {
        let long = "---\ntitle: x\nsummary: " + String(repeating: "a", count: 70 * 1024) + "\n---\nx\n"
        #expect {
            try MarkdownSource.parse(long, file: "x.md")
        } throws: { error in
            (error as? DiagnosticError)?.diagnostics.first?.message.contains("64 KiB") == true
        }
    }

    // MARK: - 11. Characters XML forbids

    @Test func noncharactersAndControlsInContentKeepEverySVGAndTheFeedWellFormed() throws {
        let root = try BuildTests.copyFixture("mini")
        defer { try? FileManager.default.removeItem(at: root) }
        let document = root.appendingPathComponent("Content/van-ban/ke-hoach-mau.md")
        let text = try String(contentsOf: document, encoding: .utf8)
        try text.replacingOccurrences(of: "title: Kế hoạch mẫu năm 2025", with: "title: \"Kế hoạch \\uFFFE mẫu \\x01 năm \\uFFFF 2025\"")
            .replacingOccurrences(of: "summary: Kế hoạch thử nghiệm.", with: "summary: \"Thử \\uFFFE\\x01\"")
            .write(to: document, atomically: true, encoding: .utf8)
        let pillar = root.appendingPathComponent("Content/tru-cot/ha-tang-so.md")
        let pillarText = try String(contentsOf: pillar, encoding: .utf8)
        try pillarText.replacingOccurrences(of: "\ntitle: Hạ tầng số\n", with: "\ntitle: \"\\uFFFE\\x01Hạ tầng số\"\n")
            .write(to: pillar, atomically: true, encoding: .utf8)
        let report = SiteBuilder.build(SiteBuilder.Options(root: root))
        #expect(report.succeeded, "\(report.diagnostics)")
        let output = root.appendingPathComponent("public")
        let files = try BuildTests.files(in: output).filter { $0.key.hasSuffix(".svg") || $0.key == "feed.xml" }
        #expect(files.keys.contains("feed.xml"))
        #expect(files.keys.contains { $0.hasSuffix(".svg") })
        #expect(String(decoding: files["feed.xml"] ?? Data(), as: UTF8.self).contains("Kế hoạch  mẫu  năm  2025"))
        for (path, data) in files {
            let parser = XMLParser(data: data)
            #expect(parser.parse(), "\(path): \(String(describing: parser.parserError))")
        }
    }

    @Test func escapingDropsEveryCharacterXMLForbids() {
        #expect(Escape.xml("a\u{FFFE}b\u{FFFF}c\u{1}d\u{FFFD}e\u{FEFF}f") == "abcd\u{FFFD}e\u{FEFF}f")
        #expect(Escape.html("Lai Châu & \u{EF00}") == "Lai Châu &amp; \u{EF00}")
        let plain = "Nhận thức số"
        #expect(Escape.html(plain) == plain)
    }

    // MARK: - 12. One cause, one error

    @Test func aLegacyEncodedUnitsTableGivesOneError() throws {
        let root = try Self.copyDefaultSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let url = root.appendingPathComponent("Content/data/units.csv")
        let text = try String(contentsOf: url, encoding: .utf8)
        // Windows-1258 / latin-1 bytes: "â" as 0xE2, other letters with diacritics as "?".
        let legacy = text.unicodeScalars.map { $0.value < 0x100 ? UInt8($0.value) : UInt8(ascii: "?") }
        try Data(legacy).write(to: url)
        let report = SiteBuilder.check(SiteBuilder.Options(root: root))
        #expect(!report.succeeded)
        let errors = Self.errors(report)
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.location.file == "Content/data/units.csv")
        #expect(errors.first?.message.contains("CSV UTF-8") == true)
    }

    @Test func aBrokenUnitsTableDoesNotRepeatInEveryDependentRow() throws {
        let root = try Self.copyDefaultSite()
        defer { try? FileManager.default.removeItem(at: root) }
        try "slug,name,level\n\"an-giang,An Giang,province\n".write(
            to: root.appendingPathComponent("Content/data/units.csv"), atomically: true, encoding: .utf8)
        let errors = Self.errors(SiteBuilder.check(SiteBuilder.Options(root: root)))
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.location.file == "Content/data/units.csv")
    }

    // MARK: - 13. Invisible characters in messages

    @Test func invisibleCharactersAreShownInMessages() throws {
        let root = try BuildTests.copyFixture("mini")
        defer { try? FileManager.default.removeItem(at: root) }
        let config = root.appendingPathComponent("Content/site.toml")
        let text = try String(contentsOf: config, encoding: .utf8)
        try text.replacingOccurrences(of: "unit = \"Lai Châu\"", with: "unit = \"Lai Châu\\u200B\"").write(
            to: config, atomically: true, encoding: .utf8)
        let report = SiteBuilder.check(SiteBuilder.Options(root: root))
        let message = Self.errors(report).first { $0.message.contains("site.toml") }?.message ?? ""
        #expect(message.contains("\"Lai Châu<U+200B>\""))
        #expect(message.contains("có phải \"Lai Châu\"?"))
        #expect(!message.unicodeScalars.contains("\u{200B}"))
    }

    @Test func everyKindOfInvisibleCharacterIsNamed() {
        let shown = Diagnostic.error(
            SourceLocation(file: "x.csv", line: 2, column: 3),
            "\"Lai\u{00A0}Châu\u{FEFF}\u{2060}\u{200D}\u{202E}\u{3000}\t\u{AD}\" có phải \"Lai Châu\"?\ndòng sau"
        ).message
        #expect(shown == "\"Lai<U+00A0>Châu<U+FEFF><U+2060><U+200D><U+202E><U+3000><U+0009><U+00AD>\" có phải \"Lai Châu\"?\ndòng sau")
        #expect(Quote.visible("Điện Biên Phủ, Hà Nội — ổn định") == "Điện Biên Phủ, Hà Nội — ổn định")
    }
}
