import Testing

@testable import DTISite

@Suite struct SiteConfigTests {
    static let valid = """
        title = "Chuyển đổi số Lai Châu"
        base_url = "https://cds.laichau.gov.vn/cds"
        as_of = 2025-11-20
        unit = "Lai Châu"
        [vneid]
        met = 100.0
        near = 85
        """

    @Test func readsValidConfig() throws {
        let config = try SiteConfig.parse(Self.valid, file: "site.toml")
        #expect(config.baseURL == "https://cds.laichau.gov.vn/cds/")
        #expect(config.basePath == "/cds/")
        #expect(config.asOf == LocalDate(year: 2025, month: 11, day: 20))
        #expect(config.language == .vi)
        #expect(config.vneid.near == 85)
        #expect(config.unsafeHTML == false)
        #expect(config.chartPNG == true)
    }

    /// `chart_png = false` turns the PNG copies off; the language is checked, "vi-VN" read as "vi".
    @Test func chartPNGAndLanguage() throws {
        let head = "title = \"a\"\nbase_url = \"https://x.vn/\"\nas_of = 2025-11-20\nunit = \"Lai Châu\"\n"
        #expect(try SiteConfig.parse(head + "chart_png = false\n", file: "site.toml").chartPNG == false)
        #expect(try SiteConfig.parse(head + "language = \"vi-VN\"\n", file: "site.toml").language == .vi)
        #expect(throws: DiagnosticError.self) { try SiteConfig.parse(head + "chart_png = \"có\"\n", file: "site.toml") }
        #expect(throws: DiagnosticError.self) { try SiteConfig.parse(head + "language = \"en\"\n", file: "site.toml") }
    }

    @Test func invalidTOMLNamesLineAndColumn() {
        #expect {
            try SiteConfig.parse("title = \"a\"\nbase_url = \n", file: "site.toml")
        } throws: { error in
            let d = (error as? DiagnosticError)?.diagnostics.first
            return d?.location.line == 2 && d!.location.column > 0
        }
    }

    @Test func unknownKeySuggestsTheClosest() {
        #expect {
            try SiteConfig.parse(Self.valid.replacingOccurrences(of: "unit =", with: "unti ="), file: "site.toml")
        } throws: { error in
            let all = (error as? DiagnosticError)?.diagnostics ?? []
            return all.contains { $0.message.contains("\"unti\"") && $0.message.contains("\"unit\"") && $0.location.line == 4 }
                && all.contains { $0.message.contains("thiếu khoá \"unit\"") }
        }
    }

    @Test func baseURLMustBeAbsolute() {
        #expect(throws: DiagnosticError.self) {
            try SiteConfig.parse(Self.valid.replacingOccurrences(of: "https://cds.laichau.gov.vn/cds", with: "cds"), file: "site.toml")
        }
    }
}
