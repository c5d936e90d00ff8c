import Foundation
import Testing

@testable import DTISite

@Suite struct VNeIDComputationTests {
    let thresholds = SiteConfig.VNeIDThresholds()

    @Test func percentFromCountsIsExactAndRoundedHalfUp() {
        #expect(VNeIDFigures.percent(5400, of: 7500) == 72)
        #expect(VNeIDFigures.percent(1, of: 8) == Decimal(string: "12.5"))
        #expect(VNeIDFigures.percent(1, of: 3) == Decimal(string: "33.3"))
        #expect(VNeIDFigures.percent(2, of: 3) == Decimal(string: "66.7"))
        #expect(VNeIDFigures.percent(1, of: 0) == nil)
        #expect(VNeIDFigures.percent(1, of: 16) == Decimal(string: "6.3"))  // 6,25 → 6,3
        #expect(VNeIDFigures.percent(1, of: 2000) == Decimal(string: "0.1"))  // 0,05 → 0,1
        #expect(VNeIDFigures.percent(7500, of: 7500) == 100)
        #expect(VNeIDFigures.percent(8000, of: 7500) == Decimal(string: "106.7"))
    }

    @Test func accountsNeededAgreesWithDecimalArithmetic() {
        for target in ["55", "66.5", "80", "100", "0", "33.33", "0.1"].map({ Decimal(string: $0)! }) {
            for population in [0, 1, 3, 999, 1801, 7500, 12_345] {
                for count in [0, 1, population / 2, population] {
                    var exact = target * Decimal(population) / 100, rounded = Decimal()
                    NSDecimalRound(&rounded, &exact, 0, .up)
                    let expected = max(0, NSDecimalNumber(decimal: rounded).intValue - count)
                    #expect(
                        VNeIDProgress.accountsNeeded(count: count, population: population, targetPercent: target) == expected,
                        "\(target)% of \(population), \(count) done")
                }
            }
        }
    }

    @Test func integerPercentAgreesWithDecimalDivision() {
        for population in [1, 3, 7, 16, 999, 1801, 7500, 12_345] {
            for count in stride(from: 0, through: population + 3, by: max(1, population / 97)) {
                var exact = Decimal(count) * 100 / Decimal(population), rounded = Decimal()
                NSDecimalRound(&rounded, &exact, 1, .plain)
                #expect(VNeIDFigures.percent(count, of: population) == rounded, "\(count)/\(population)")
                #expect(DecimalText.plain(VNeIDFigures.percent(count, of: population)!) == NSDecimalNumber(decimal: rounded).stringValue)
            }
        }
    }

    @Test func statusComparesWithoutDividing() {
        // 72 of a target of 80 is 90% of it: gần đạt at the default 90% threshold, exactly at the edge.
        #expect(VNeIDProgress.status(actual: 72, target: 80, thresholds: thresholds) == .near)
        #expect(VNeIDProgress.status(actual: Decimal(string: "71.9")!, target: 80, thresholds: thresholds) == .behind)
        #expect(VNeIDProgress.status(actual: 80, target: 80, thresholds: thresholds) == .met)
        // 1/3 of a percent short of a target of 3: 8/9 of it, below 90%.
        #expect(VNeIDProgress.status(actual: Decimal(string: "2.7")!, target: 3, thresholds: thresholds) == .near)
        #expect(VNeIDProgress.status(actual: Decimal(string: "2.69")!, target: 3, thresholds: thresholds) == .behind)
        #expect(VNeIDProgress.status(actual: 10, target: 0, thresholds: thresholds) == .met)
    }

    @Test func accountsNeededRoundUp() {
        // 77% of 7500 = 5775: 375 more than 5400.
        #expect(VNeIDProgress.accountsNeeded(count: 5400, population: 7500, targetPercent: 77) == 375)
        // 55% of 1801 = 990.55 → 991.
        #expect(VNeIDProgress.accountsNeeded(count: 900, population: 1801, targetPercent: 55) == 91)
        #expect(VNeIDProgress.accountsNeeded(count: 1000, population: 1000, targetPercent: 55) == 0)
    }

    @Test func statusUsesTheThresholds() {
        #expect(VNeIDProgress.status(actual: 60, target: 60, thresholds: thresholds) == .met)
        #expect(VNeIDProgress.status(actual: 54, target: 60, thresholds: thresholds) == .near)  // 90% of the target
        #expect(VNeIDProgress.status(actual: 53.9, target: 60, thresholds: thresholds) == .behind)
        var strict = thresholds
        strict.near = 95
        #expect(VNeIDProgress.status(actual: 54, target: 60, thresholds: strict) == .behind)
        #expect(Phrases.vietnamese.status.vneid(.behind) == "chưa đạt")
    }

    @Test func districtTotalIsTheSumOfCountsNotTheMeanOfPercents() throws {
        let csv = """
            province,district,commune,year,population,collected,activated
            P,Huyện A,xã Lớn,2023,9000,900,900
            P,Huyện A,xã Nhỏ,2023,1000,900,900
            """
        var d = Diagnostics()
        let districts = VNeIDRules.read(try RawTable.parse(text: csv, file: "v.csv"), units: [], into: &d)
        let totals = try #require(VNeIDFigures.totals(districts[0], year: 2023))
        #expect(totals.collectedPercent == 18)  // 1800 / 10000, not (10% + 90%) / 2 = 50%
    }

    @Test func rowsAreOrderedByStatusThenGap() throws {
        let csv = """
            district,commune,order,year,population,activated,target_activated_pct
            A,xã Đạt,1,2023,100,80,
            A,xã Đạt,1,2024,,,70
            A,xã Chậm,2,2023,100,40,
            A,xã Chậm,2,2024,,,70
            A,xã Gần,3,2023,100,65,
            A,xã Gần,3,2024,,,70
            A,xã Chậm hơn,4,2023,100,20,
            A,xã Chậm hơn,4,2024,,,70
            """
        var d = Diagnostics()
        let district = VNeIDRules.read(try RawTable.parse(text: csv, file: "v.csv"), units: [], into: &d)[0]
        let rows = VNeIDProgress.rows(district, thresholds: thresholds)
        #expect(rows.map(\.commune.name) == ["xã Chậm hơn", "xã Chậm", "xã Gần", "xã Đạt"])
        #expect(rows.map(\.status) == [.behind, .behind, .near, .met])
        #expect(rows[0].gap == 50 && rows[3].gap == 0)
        #expect(VNeIDProgress.years(district)! == (2023, 2024))
    }
}

@Suite struct VNeIDQualityTests {
    func warnings(_ csv: String) throws -> [Diagnostic] {
        var d = Diagnostics()
        _ = VNeIDRules.read(try RawTable.parse(text: csv, file: "v.csv"), units: [], into: &d)
        return d.all.filter { $0.kind == .dataQuality }
    }

    static let header = "district,commune,kind,year,population,collected,activated,collected_pct,activated_pct,target_activated_pct\n"

    @Test func statedPercentThatContradictsItsCounts() throws {
        let found = try warnings(Self.header + "A,xã X,,2023,2500,1500,1300,61,54,\n")
        #expect(found.count == 2)
        #expect(found[0].location == SourceLocation(file: "v.csv", line: 2, column: 8))
        #expect(found[0].message.contains("ghi trong văn bản 61%") && found[0].message.contains("tính từ số liệu 1.500/2.500 = 60,0%"))
        // Within the source's rounding: no finding.
        #expect(try warnings(Self.header + "A,xã X,,2023,7500,5800,5400,77,72,\n").isEmpty)
    }

    @Test func countAbovePopulation() throws {
        let found = try warnings(Self.header + "A,xã X,,2023,1000,1200,900,,,\n")
        #expect(found.contains { $0.message.contains("nhiều hơn dân số") && $0.location.column == 6 })
    }

    @Test func statedTotalAgainstTheWeightedTotal() throws {
        let found = try warnings(Self.header + "A,xã X,,2023,9000,900,900,,,\nA,xã Y,,2023,1000,900,900,,,\nA,Tổng,total,2023,,,,50,,\n")
        #expect(
            found.contains {
                $0.location.line == 4 && $0.message.contains("ghi trong văn bản (dòng tổng) 50%") && $0.message.contains("18,0%")
            })
    }

    @Test func duplicateAndMissingCommunes() throws {
        var d = Diagnostics()
        _ = VNeIDRules.read(
            try RawTable.parse(
                text: Self.header + "A,xã X,,2023,10,1,1,,,\nA,xã X,,2023,10,1,1,,,\nA,xã Y,,2024,,,,,,50\nA,xã X,,2024,,,,,,50\n",
                file: "v.csv"), units: [], into: &d)
        #expect(d.errors.contains { $0.location.line == 3 && $0.message.contains("v.csv:2") })
        #expect(d.warnings.contains { $0.message.contains("xã Y") && $0.message.contains("thiếu dòng năm 2023") })
    }

    @Test func targetLowerThanTheYearBefore() throws {
        let found = try warnings(Self.header + "A,xã X,,2024,,,,,,60\nA,xã X,,2025,,,,,,55\n")
        #expect(found.contains { $0.location.line == 3 && $0.message.contains("năm 2025") && $0.message.contains("thấp hơn năm 2024") })
    }

    @Test func excelVariantsAreRead() throws {
        let bytes: [UInt8] =
            [0xEF, 0xBB, 0xBF]
            + Array("district;commune;year;population;activated;activated_pct\r\nA;xã X;2023;2500;1300;\"52,0\"\r\n".utf8)
        var d = Diagnostics()
        let districts = VNeIDRules.read(try RawTable.parse(Data(bytes), file: "v.csv"), units: [], into: &d)
        #expect(d.all.filter { $0.severity == .error }.isEmpty)
        #expect(districts.first?.communes.first?.years[2023]?.statedActivatedPercent == 52)
    }

    /// The real table of Bảo Yên (seed 003, Phụ lục 01b): its figures and order (the findings are in
    /// VNeIDBaoYenFindingsTests).
    @Test func realBaoYenTable() throws {
        let table = try RawTable.load(Fixtures.url("vneid/bao-yen.csv"), displayPath: "bao-yen.csv")
        var d = Diagnostics()
        let districts = VNeIDRules.read(table, units: [], into: &d)
        let district = try #require(districts.first)
        #expect(district.communes.count == 17 && district.statements.count == 2)
        #expect(district.province == "Lào Cai" && district.district == "Bảo Yên" && !district.isProvinceLevel)
        let totals = try #require(VNeIDFigures.totals(district, year: 2023))
        #expect(totals.population == 69_400 && totals.collected == 40_900 && totals.activated == 35_800)
        #expect(totals.collectedPercent == Decimal(string: "58.9") && totals.activatedPercent == Decimal(string: "51.6"))
        #expect(district.notes.count == 23)
        let rows = VNeIDProgress.rows(district, thresholds: SiteConfig.VNeIDThresholds())
        #expect(rows.filter { $0.status == .behind }.count == 13)
        #expect(rows.first?.commune.name == "xã Cam Cồn")
    }
}

@Suite struct VNeIDPageTests {
    @Test func districtPageMatchesGoldenAndNamesItsProvince() throws {
        let (files, _, diagnostics) = Pipeline.prepare(SiteBuilder.Options(root: Fixtures.repositoryRoot))
        #expect(!diagnostics.hasErrors)
        let page = try #require(files.first { $0.path == "vneid/bao-yen/index.html" })
        let html = String(decoding: page.contents, as: UTF8.self)
        #expect(html.contains("tỉnh <strong>tỉnh Lào Cai</strong>") == false)
        #expect(html.contains("<strong>tỉnh Lào Cai</strong>, không thuộc Lai Châu"))
        #expect(html.contains("Ghi chú về chất lượng số liệu"))
        #expect(html.contains("thu nhận 60% (tính từ số liệu: 58,9%)"))
        #expect(html.contains("chỉ tiêu kích hoạt 2024 60% (tính từ chỉ tiêu các xã theo dân số: 58,8%)"))
        // Notes name the commune or the row, never a file of the repository.
        #expect(!html.contains("vneid.csv:") && !html.contains("Content/data"))
        #expect(html.contains("(dòng tổng toàn huyện Bảo Yên, năm 2024)"))
        #expect(files.contains { $0.path == "du-lieu/vneid-bao-yen.csv" } && files.contains { $0.path == "du-lieu/vneid-bao-yen.json" })
        try Golden.check(html, named: "vneid-bao-yen.html")
    }
}
