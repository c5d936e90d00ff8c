import Foundation
import Testing

@testable import DTISite

/// Every contradiction of Bảo Yên's commune table (seed 003, Phụ lục 01b, and the plan's section III):
/// 23 findings, each with both figures, and nothing else.
@Suite struct VNeIDBaoYenFindingsTests {
    static func findings() throws -> (district: DistrictProgress, all: [Diagnostic]) {
        let table = try RawTable.load(Fixtures.url("vneid/bao-yen.csv"), displayPath: "bao-yen.csv")
        var d = Diagnostics()
        let districts = VNeIDRules.read(table, units: [], into: &d)
        #expect(!d.hasErrors)
        return (try #require(districts.first), d.all.filter { $0.kind == .dataQuality })
    }

    @Test func allTwentyThreeAndNothingElse() throws {
        let (district, found) = try Self.findings()
        #expect(found.count == 23)
        #expect(district.notes.count == 23)
        // 15 stated percents against their counts, 1 stated total against the counts, 3 stated target totals
        // against the communes' targets, 1 target that does not rise, 1 account count, 2 figures stated twice.
        #expect(found.filter { $0.message.contains("/ tính từ số liệu") && $0.message.hasPrefix("x") }.count == 15)
        #expect(found.filter { $0.message.contains("ghi trong văn bản (dòng tổng)") }.count == 4)
        #expect(found.filter { $0.message.contains("không tăng so với") || $0.message.contains("thấp hơn năm") }.count == 1)
        #expect(found.filter { $0.message.contains("số tài khoản") }.count == 1)
        #expect(found.filter { $0.message.contains("Mục III. Mục tiêu") }.count == 2)
    }

    @Test func statedTotalAgainstTheCounts() throws {
        let (_, found) = try Self.findings()
        let total = found.filter { $0.location.line == 53 }
        #expect(total.count == 1)
        #expect(total.first?.message.contains("năm 2023, tỷ lệ thu nhận: ghi trong văn bản (dòng tổng) 60%") == true)
        #expect(total.first?.message.contains("58,9%") == true)
    }

    /// 2024 activation (60% against 58,8%), 2025 collection (70% against 69,1%), 2025 activation (65% against
    /// 63,1%); the 2024 collection target (65% against 64,9%) agrees within the source's rounding.
    @Test func targetTotalsAgainstTheCommunesWeightedByPopulation() throws {
        let (district, found) = try Self.findings()
        #expect(VNeIDFigures.weightedTarget(district, year: 2024, activated: true) == Decimal(string: "58.8"))
        #expect(VNeIDFigures.weightedTarget(district, year: 2024, activated: false) == Decimal(string: "64.9"))
        #expect(VNeIDFigures.weightedTarget(district, year: 2025, activated: false) == Decimal(string: "69.1"))
        #expect(VNeIDFigures.weightedTarget(district, year: 2025, activated: true) == Decimal(string: "63.1"))
        let targets = found.filter { $0.message.contains("tính từ chỉ tiêu của các xã theo dân số") && $0.location.line >= 54 }
        let messages = targets.map(\.message).filter { $0.contains("(dòng tổng)") }
        #expect(messages.count == 3)
        #expect(
            messages.contains { $0.contains("năm 2024, chỉ tiêu kích hoạt: ghi trong văn bản (dòng tổng) 60%") && $0.contains("58,8%") })
        #expect(messages.contains { $0.contains("năm 2025, chỉ tiêu thu nhận: ghi trong văn bản (dòng tổng) 70%") && $0.contains("69,1%") })
        #expect(
            messages.contains { $0.contains("năm 2025, chỉ tiêu kích hoạt: ghi trong văn bản (dòng tổng) 65%") && $0.contains("63,1%") })
        #expect(!messages.contains { $0.contains("năm 2024, chỉ tiêu thu nhận") })
    }

    @Test func targetThatDoesNotRise() throws {
        let (_, found) = try Self.findings()
        let flat = found.filter { $0.message.contains("không tăng so với") }
        #expect(flat.count == 1)
        #expect(flat.first?.location.line == 10)  // xã Tân Tiến, 2025
        #expect(flat.first?.message == "chỉ tiêu kích hoạt năm 2025 của xã Tân Tiến (55%) không tăng so với năm 2024 (55%)")
    }

    @Test func accountCountsThatBreakTheTablesPattern() throws {
        let (_, found) = try Self.findings()
        let accounts = found.filter { $0.message.contains("số tài khoản") }
        #expect(accounts.count == 1)
        #expect(accounts.first?.location.line == 42)  // xã Việt Tiến, 2024
        #expect(accounts.first?.message.contains("thu nhận (130)") == true && accounts.first?.message.contains("kích hoạt (120)") == true)
        #expect(accounts.first?.message.contains("16 xã còn lại") == true)
    }

    /// Section III gives the 2023 status as 51% where the appendix's total says 52%, and the 2024 target as
    /// 65% where the appendix says 65% collected / 60% activated.
    @Test func figuresTheDocumentStatesTwice() throws {
        let (district, found) = try Self.findings()
        #expect(district.statements.map(\.figures.year) == [2023, 2024])
        let status = try #require(found.first { $0.location.line == 56 })
        #expect(status.message.contains("năm 2023, tỷ lệ kích hoạt: ghi trong văn bản (Mục III. Mục tiêu"))
        #expect(status.message.contains(") 51% / ghi trong văn bản (dòng tổng của bảng các xã) 52%"))
        #expect(status.message.contains("tính từ số liệu các xã 51,6%"))
        let target = try #require(found.first { $0.location.line == 57 })
        #expect(
            target.message.contains("năm 2024, chỉ tiêu kích hoạt: ghi trong văn bản (Mục III. Mục tiêu: kế hoạch huyện giao năm 2024) 65%")
        )
        #expect(target.message.contains("(dòng tổng của bảng các xã) 60% (chỉ tiêu thu nhận ở dòng tổng là 65%)"))
        #expect(target.message.contains("58,8%"))
    }

    @Test func aStatementThatAgreesIsNoFinding() throws {
        let csv = """
            district,commune,kind,year,population,activated,activated_pct,target_activated_pct
            A,xã X,,2023,100,50,,
            A,xã X,,2024,,,,60
            A,Tổng,total,2023,,,50,
            A,Mục I,statement,2023,,,50,
            A,Mục II,statement,2024,,,,60
            A,Mục III,statement,2024,,,,70
            """
        var d = Diagnostics()
        let district = try #require(VNeIDRules.read(try RawTable.parse(text: csv, file: "v.csv"), units: [], into: &d).first)
        let found = d.all.filter { $0.kind == .dataQuality }
        // Without a total row for 2024, a statement is checked against the communes' targets.
        #expect(found.count == 1)
        #expect(found.first?.location.line == 7 && found.first?.message.contains("tính từ chỉ tiêu của các xã theo dân số 60,0%") == true)
        #expect(district.statements.count == 3 && district.communes.count == 1)
    }

    /// `dtisite check` on the default site: the 23 findings of Bảo Yên, all on vneid.csv, and no error.
    @Test func checkOnTheDefaultSite() throws {
        let report = SiteBuilder.check(SiteBuilder.Options(root: Fixtures.repositoryRoot))
        let vneid = report.diagnostics.filter { $0.location.file.hasSuffix("vneid.csv") }
        #expect(!vneid.contains { $0.severity == .error })
        #expect(vneid.count == 23)
        #expect(vneid.allSatisfy { $0.kind == .dataQuality })
    }
}
