import Foundation
import Testing

@testable import DTISite

@Suite struct PlanRulesTests {
    static let agenciesCSV = """
        name,short_name,aliases
        Sở Thông tin và Truyền thông,Sở TT&TT,Sở Thông tin truyền thông; Sở TTTT
        Sở Nội vụ,SNV,
        "Các sở, ban, ngành tỉnh",Các sở,"Các sở, ban, ngành"
        """

    func site() throws -> Site { try Fixtures.miniSite() }

    func agencies(_ d: inout Diagnostics) throws -> [Agency] {
        PlanRules.agencies(try RawTable.parse(text: Self.agenciesCSV, file: "agencies.csv"), into: &d)
    }

    @Test func everySpellingLeadsToOneAgency() throws {
        var d = Diagnostics()
        let list = try agencies(&d)
        let map = PlanRules.resolver(list)
        for spelling in [
            "Sở TT&TT", "Sở Thông tin và Truyền thông", "Sở Thông tin truyền thông", "sở  thông tin và truyền thông.", "Sở TTTT"
        ] {
            #expect(map[PlanRules.key(spelling)] == "Sở Thông tin và Truyền thông", "\(spelling)")
        }
        #expect(map[PlanRules.key("Các sở, ban, ngành")] == "Các sở, ban, ngành tỉnh")
        #expect(d.all.isEmpty)
    }

    @Test func aSpellingClaimedByTwoAgenciesIsAnError() throws {
        var d = Diagnostics()
        _ = PlanRules.agencies(try RawTable.parse(text: "name,short_name,aliases\nSở A,SA,X\nSở B,SB,x\n", file: "a.csv"), into: &d)
        #expect(d.errors.contains { $0.location.line == 3 && $0.message.contains("\"x\"") && $0.message.contains("Sở A") })
    }

    @Test func tasksNamingUnknownThingsAreReported() throws {
        var d = Diagnostics()
        let site = try self.site()
        let list = try agencies(&d)
        let csv = """
            code,pillar,indicators,task,lead,partners,deadline,document
            T1,ha-tang-so,3.1,Việc một,Sở TT&TT,Sở Nội vụ,12/2025,ke-hoach-mau
            T2,ha-tang,,Việc hai,Sở Thông tin va Truyen thong,,2025,ke-hoach-mau
            T3,ha-tang-so,9.9,Việc ba,Sở Nội vụ,,sớm nhất có thể,ke-hoach-khac
            T1,ha-tang-so,,Trùng mã,Sở Nội vụ,,2025,
            """
        let tasks = PlanRules.tasks(try RawTable.parse(text: csv, file: "tasks.csv"), site: site, agencies: list, into: &d)
        #expect(tasks.count == 3)
        #expect(tasks[0].leads == ["Sở Thông tin và Truyền thông"] && tasks[0].partners == ["Sở Nội vụ"])
        #expect(
            d.errors.contains {
                $0.location == SourceLocation(file: "tasks.csv", line: 3, column: 2) && $0.message.contains("\"ha-tang-so\"")
            })
        #expect(
            d.warnings.contains { $0.location.line == 3 && $0.location.column == 5 && $0.message.contains("Sở Thông tin và Truyền thông") })
        #expect(d.warnings.contains { $0.location.line == 4 && $0.message.contains("\"9.9\"") && $0.message.contains("3.1") })
        #expect(d.warnings.contains { $0.location.line == 4 && $0.location.column == 7 && $0.message.contains("sớm nhất có thể") })
        #expect(d.errors.contains { $0.location.line == 4 && $0.message.contains("ke-hoach-khac") && $0.message.contains("ke-hoach-mau") })
        #expect(d.errors.contains { $0.location.line == 5 && $0.message.contains("tasks.csv:2") })
    }

    @Test func targetsThatCannotBeReadOrThatDisagree() throws {
        var d = Diagnostics()
        let site = try self.site()
        let csv = """
            code,text,comparator,value,unit,year,document
            A1,Kinh tế số chiếm 10% GRDP,>=,10,% GRDP,2025,ke-hoach-mau
            A2,Kinh tế số chiếm 10% GRDP,>=,12,% GRDP,2025,ke-hoach-mau
            A3,Tỷ lệ hộ có cáp quang,gần bằng,80,%,2025,
            A4,Tỷ lệ dịch vụ công,>=,tám mươi,%,2025,
            A5,Tỷ trọng kinh tế số,range,9-10,% GRDP,2030,
            A6,Đạt mức trung bình khu vực,text,Trung bình,,2030,
            """
        let targets = PlanRules.targets(try RawTable.parse(text: csv, file: "targets.csv"), site: site, agencies: [], into: &d)
        #expect(targets.map(\.code) == ["A1", "A2", "A5", "A6"])
        #expect(
            d.errors.contains { $0.location == SourceLocation(file: "targets.csv", line: 4, column: 3) && $0.message.contains("gần bằng") })
        #expect(d.errors.contains { $0.location.line == 5 && $0.location.column == 4 && $0.message.contains("tám mươi") })
        #expect(
            d.warnings.contains {
                $0.location.line == 3 && $0.message.contains("targets.csv:2") && $0.message.contains("≥10") && $0.message.contains("≥12")
            })
        #expect(targets[2].value == 9 && targets[2].upper == 10)
    }

    @Test func progressOfATarget() {
        func target(_ comparator: PlanTarget.Comparator, _ value: Decimal, actual: Decimal?) -> PlanTarget {
            PlanTarget(
                code: "x", text: "x", comparator: comparator, value: value, upper: nil, rawValue: "", unit: "", year: 2025,
                baseline: nil, baselineYear: nil, actual: actual, actualYear: 2024, pillar: nil, agencies: [], document: nil,
                location: SourceLocation(file: "t"))
        }
        #expect(PlanPageBuilder.progress(target(.atMost, 45, actual: 36))?.met == true)  // rank 36 beats the target 45
        #expect(PlanPageBuilder.progress(target(.atMost, 45, actual: 54))?.met == false)
        #expect(PlanPageBuilder.progress(target(.atLeast, 80, actual: 60))?.fraction == 0.75)
        #expect(PlanPageBuilder.progress(target(.atLeast, 80, actual: nil)) == nil)
    }
}

@Suite struct AgencyPageTests {
    @Test func agencyPageMatchesGolden() throws {
        let (files, _, diagnostics) = Pipeline.prepare(SiteBuilder.Options(root: Fixtures.repositoryRoot))
        #expect(!diagnostics.hasErrors)
        let page = try #require(files.first { $0.path == "co-quan/so-noi-vu/index.html" })
        let html = String(decoding: page.contents, as: UTF8.self)
        #expect(html.contains("Nhiệm vụ chủ trì"))
        try Golden.check(html, named: "agency-so-noi-vu.html")
        // Every lead agency of the 2025 plan has a page.
        let site = try #require(files.first { $0.path == "co-quan/index.html" })
        #expect(String(decoding: site.contents, as: UTF8.self).contains("Sở Thông tin và Truyền thông"))
    }

    @Test func pillarPagesShowTheTasksBehindThem() throws {
        let (files, _, _) = Pipeline.prepare(SiteBuilder.Options(root: Fixtures.repositoryRoot))
        let page = try #require(files.first { $0.path == "tru-cot/chinh-quyen-so/index.html" })
        let html = String(decoding: page.contents, as: UTF8.self)
        #expect(html.contains("Nhiệm vụ và cơ quan thực hiện"))
        #expect(html.contains("href=\"/cds/co-quan/van-phong-ubnd-tinh/\""))
    }
}
