import Foundation
import Testing

@testable import DTISite

/// Communes without districts: since 1 July 2025 communes belong directly to one of 34 provincial units.
@Suite struct VNeIDProvinceTests {
    static let post2025 = """
        province,commune,order,year,population,collected,activated,target_activated_pct
        Lai Châu,phường Tân Phong,1,2025,20000,15000,14000,
        Lai Châu,phường Tân Phong,1,2026,,,,80
        Lai Châu,xã Bình Lư,2,2025,10000,6000,5000,
        Lai Châu,xã Bình Lư,2,2026,,,,70
        Lai Châu,xã Sìn Hồ,3,2025,10000,5000,4000,
        Lai Châu,xã Sìn Hồ,3,2026,,,,60

        """

    /// The mini site with `csv` as its data/vneid.csv: the pages and the diagnostics.
    static func build(_ csv: String) throws -> (files: [String: String], diagnostics: Diagnostics) {
        let root = try BuildTests.copyFixture("mini")
        defer { try? FileManager.default.removeItem(at: root) }
        try csv.write(to: root.appendingPathComponent("Content/data/vneid.csv"), atomically: true, encoding: .utf8)
        let (files, _, diagnostics) = Pipeline.prepare(SiteBuilder.Options(root: root))
        var pages: [String: String] = [:]
        for file in files where file.path.hasPrefix("vneid/") { pages[file.path] = String(decoding: file.contents, as: UTF8.self) }
        return (pages, diagnostics)
    }

    @Test func aTableWithoutDistrictsIsReadByProvince() throws {
        var d = Diagnostics()
        let units = [Unit(slug: "lai-chau", name: "Lai Châu", level: .province, location: SourceLocation(file: "u.csv"))]
        let tables = VNeIDRules.read(try RawTable.parse(text: Self.post2025, file: "v.csv"), units: units, into: &d)
        #expect(d.all.isEmpty)
        let table = try #require(tables.first)
        #expect(tables.count == 1 && table.isProvinceLevel && table.slug == "lai-chau" && table.communes.count == 3)
        #expect(table.areaName == "tỉnh Lai Châu" && table.place == "tỉnh Lai Châu")
        let totals = try #require(VNeIDFigures.totals(table, year: 2025))
        #expect(totals.population == 40_000 && totals.collectedPercent == 65 && totals.activatedPercent == Decimal(string: "57.5"))
        #expect(VNeIDFigures.weightedTarget(table, year: 2026, activated: true) == Decimal(string: "72.5"))
    }

    @Test func aTableWithoutDistrictsBuildsTheProvincePageWithTotals() throws {
        let (pages, diagnostics) = try Self.build(Self.post2025)
        #expect(!diagnostics.hasErrors, "\(diagnostics.errors)")
        let page = try #require(pages["vneid/lai-chau/index.html"])
        #expect(page.contains("VNeID theo xã: tỉnh Lai Châu"))
        #expect(page.contains("Toàn tỉnh Lai Châu (tính từ các xã)"))
        #expect(page.contains("40.000") && page.contains("65,0%") && page.contains("57,5%"))
        let overview = try #require(pages["vneid/index.html"])
        #expect(overview.contains("Các xã trực thuộc tỉnh") && overview.contains("72,5% (tính từ các xã)"))
    }

    /// Rows with a district and rows without, in one file: the district's table and the province's own,
    /// each with its page and its totals; no error.
    @Test func aMixedFileGivesTheDistrictAndTheProvinceTheirOwnTables() throws {
        let csv = """
            province,district,commune,year,population,collected,activated,target_activated_pct
            Lai Châu,Tam Đường,xã Bản Bo,2024,5000,3000,2500,
            Lai Châu,Tam Đường,xã Bản Bo,2025,,,,60
            Lai Châu,,phường Tân Phong,2025,20000,15000,14000,
            Lai Châu,,phường Tân Phong,2026,,,,80

            """
        var d = Diagnostics()
        let tables = VNeIDRules.read(try RawTable.parse(text: csv, file: "v.csv"), units: [], into: &d)
        #expect(!d.hasErrors)
        #expect(tables.map(\.slug) == ["tam-duong", "lai-chau"])
        #expect(tables.map(\.isProvinceLevel) == [false, true])
        let (pages, diagnostics) = try Self.build(csv)
        #expect(!diagnostics.hasErrors, "\(diagnostics.errors)")
        #expect(pages["vneid/tam-duong/index.html"]?.contains("Toàn huyện Tam Đường (tính từ các xã)") == true)
        #expect(pages["vneid/lai-chau/index.html"]?.contains("Toàn tỉnh Lai Châu (tính từ các xã)") == true)
    }

    @Test func aRowWithNeitherDistrictNorProvinceIsOneClearError() throws {
        var d = Diagnostics()
        _ = VNeIDRules.read(
            try RawTable.parse(text: "province,district,commune,year\n,,xã X,2025\nP,,xã Y,2025\n", file: "v.csv"), units: [], into: &d)
        #expect(d.errors.count == 1)
        #expect(d.errors.first?.location.line == 2 && d.errors.first?.message.contains("không ghi huyện") == true)
        var none = Diagnostics()
        _ = VNeIDRules.read(try RawTable.parse(text: "commune,year\nxã X,2025\n", file: "v.csv"), units: [], into: &none)
        #expect(none.errors.count == 1 && none.errors.first?.message.contains("thiếu cột \"province\"") == true)
    }

    @Test func twoTablesWithTheSameAddressAreAnError() throws {
        var d = Diagnostics()
        let tables = VNeIDRules.read(
            try RawTable.parse(text: "province,district,commune,year\nLai Châu,,xã X,2025\nLai Châu,Lai Châu,xã Y,2024\n", file: "v.csv"),
            units: [], into: &d)
        #expect(tables.count == 1)
        #expect(d.errors.count == 1 && d.errors.first?.message.contains("/vneid/lai-chau/") == true)
    }

    /// After the merger a province name can have two units (Lào Cai until 30/6/2025, Lào Cai from 1/7/2025):
    /// the table's page is the one that exists in its last year, the newest.
    @Test func theProvinceUnitOfTheTablesYears() {
        let at = SourceLocation(file: "u.csv")
        let units = [
            Unit(slug: "lao-cai", name: "Lào Cai", level: .province, location: at, validUntil: LocalDate(year: 2025, month: 6, day: 30)),
            Unit(slug: "lao-cai-2025", name: "Lào Cai", level: .province, location: at, validFrom: LocalDate(year: 2025, month: 7, day: 1))
        ]
        #expect(VNeIDRules.unit(named: "Lào Cai", level: .province, lastYear: 2026, in: units)?.slug == "lao-cai-2025")
        #expect(VNeIDRules.unit(named: "Lào Cai", level: .province, lastYear: 2025, in: units)?.slug == "lao-cai-2025")
        #expect(VNeIDRules.unit(named: "Lào Cai", level: .province, lastYear: 2023, in: units)?.slug == "lao-cai")
    }
}
