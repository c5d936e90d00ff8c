import Foundation
import Testing

@testable import DTISite

/// Real DTI data as provinces have it: declared groups, partial rankings, one error per unknown unit,
/// honest averages, provenance (issue 15).
@Suite struct PartialRankingTests {
    static let names = ["Sơn La", "Lai Châu", "Điện Biên", "Đà Nẵng", "Hà Nội", "Lào Cai"]
    static let units = names.map {
        DTISite.Unit(
            slug: Slug.make($0), name: $0, level: .province, parent: nil, region: "Tây Bắc", location: SourceLocation(file: "units.csv"))
    }
    static let pillars = ["ha-tang-so"].enumerated().map { i, id in
        Pillar(
            id: id, title: id, order: i, maxPoints: 100, summary: "",
            source: MarkdownPage(file: "\(id).md", slug: id, title: id, summary: "", order: nil, body: "", bodyLine: 1))
    }
    static let group63 = RankingGroup(name: "63 tỉnh", size: 63, level: .province, location: SourceLocation(file: "groups.csv", line: 2))

    func read(_ csv: String, groups: [String: RankingGroup] = ["63 tỉnh": group63]) throws -> ([ScoreRecord], Diagnostics) {
        var d = Diagnostics()
        let records = ScoreRules.read(
            try RawTable.parse(text: csv, file: "dti.csv"), units: Self.units, pillars: Self.pillars, siteUnit: "Sơn La",
            groups: groups, into: &d)
        return (records, d)
    }

    static let header = "year,group,unit,rank,index,ha-tang-so,rank_basis,source\n"
    /// 2020 and 2021 as a province knows them: its own row and a few peers; 2022 in full would be 63 rows.
    static let partial =
        header
        + "2020,63 tỉnh,Sơn La,51,,,stated,Báo cáo 2020\n2020,63 tỉnh,Đà Nẵng,1,0.6,,stated,Báo cáo 2020\n"
        + "2021,63 tỉnh,Sơn La,45,0.31,,stated,Quyết định 2021\n2021,63 tỉnh,Lai Châu,50,0.29,,stated,Quyết định 2021\n"
        + "2021,63 tỉnh,Hà Nội,3,0.58,0.7,stated,Quyết định 2021\n2021,63 tỉnh,Điện Biên,60,,,derived,\n"

    @Test func aPartialRankingOfADeclaredGroupIsValid() throws {
        let (records, d) = try read(Self.partial)
        #expect(d.all.isEmpty, "\(d.all)")
        #expect(records.count == 6)
        #expect(records.first { $0.unit == "Sơn La" && $0.year == 2020 }?.rank == 51)
    }

    @Test func withoutGroupsCsvTheSizeIsTheNumberOfRows() throws {
        let (_, d) = try read(Self.partial, groups: [:])
        #expect(d.errors.contains { $0.message.contains("hạng 51 nằm ngoài 1…2") })
    }

    @Test func ranksMustFollowTheIndexAmongTheRowsPresent() throws {
        let csv = Self.header + "2021,63 tỉnh,Sơn La,3,0.31,,,\n2021,63 tỉnh,Lai Châu,10,0.58,,,\n"
        let (_, d) = try read(csv)
        #expect(d.errors.count == 1)
        #expect(d.errors.first?.location.line == 2 && d.errors.first?.location.column == 4)
        #expect(d.errors.first?.message.contains("Lai Châu") == true)
        // Ties share a rank.
        let (_, tie) = try read(Self.header + "2021,63 tỉnh,Sơn La,7,0.5,,,\n2021,63 tỉnh,Lai Châu,7,0.5,,,\n")
        #expect(tie.errors.isEmpty)
        // More rows than the declared size.
        let small = RankingGroup(name: "63 tỉnh", size: 1, level: .province, location: SourceLocation(file: "groups.csv", line: 2))
        let (_, over) = try read(Self.header + "2021,63 tỉnh,Sơn La,1,0.5,,,\n2021,63 tỉnh,Lai Châu,1,0.5,,,\n", groups: ["63 tỉnh": small])
        #expect(over.errors.contains { $0.message.contains("có 2 dòng") && $0.message.contains("khai báo 1") })
    }

    @Test func oneErrorPerUnknownUnitAndNoCorrectRowBlamed() throws {
        // A full group of 6 in which one name is misspelt: one error, and none for the rows below it.
        var csv = Self.header
        for (i, name) in ["Hà Nội", "Đà Nẵng", "Lao Cai", "Sơn La", "Lai Châu", "Điện Biên"].enumerated() {
            csv += "2024,G,\(name),\(i + 1),0.\(90 - i * 5),,stated,\n"
        }
        let (records, d) = try read(csv, groups: [:])
        #expect(d.errors.count == 1, "\(d.errors)")
        #expect(d.errors.first?.message.contains("có phải \"Lào Cai\"?") == true)
        #expect(d.errors.first?.location == SourceLocation(file: "dti.csv", line: 4, column: 3))
        #expect(records.count == 5)
    }

    @Test func freeTextInRankBasisIsAnErrorNamingTheAllowedValues() throws {
        let (records, d) = try read(Self.header + "2021,63 tỉnh,Sơn La,45,0.31,,theo báo chí,\n")
        #expect(d.errors.first?.message.contains("stated (công bố) hoặc derived") == true)
        #expect(d.errors.first?.location.column == 7)
        #expect(records.first?.rankBasis == nil)
        let (ok, none) = try read(Self.header + "2021,63 tỉnh,Sơn La,45,0.31,,Công bố,\n")
        #expect(none.all.isEmpty && ok.first?.rankBasis == .stated)
    }

    @Test func anUndeclaredGroupIsReportedOnceWithASuggestion() throws {
        let (_, d) = try read(Self.header + "2021,63 tinh,Sơn La,45,0.31,,,\n2021,63 tinh,Lai Châu,46,0.3,,,\n")
        #expect(d.errors.count == 1 && d.errors.first?.message.contains("có phải \"63 tỉnh\"?") == true)
    }

    // MARK: Honest aggregates

    func analysis(_ csv: String, aggregates: [PublishedAggregate] = []) throws -> ScoreAnalysis {
        let (records, _) = try read(csv)
        var site = Site(
            config: try SiteConfig.parse(
                "title = \"T\"\nbase_url = \"https://x.vn/\"\nas_of = 2025-01-01\nunit = \"Sơn La\"\n", file: "site.toml"),
            units: Self.units, pillars: Self.pillars, scores: records, indicators: [], documents: [], pages: [], home: nil)
        site.groups = ["63 tỉnh": Self.group63]
        site.aggregates = aggregates
        return ScoreAnalysis(site: site)
    }

    @Test func noAverageOrBestOverAPartialRanking() throws {
        let analysis = try analysis(Self.partial)
        let group = try #require(analysis.groups[2021])
        #expect(group.size == 63 && !group.isComplete)
        #expect(group.averageIndex == nil && group.best == nil)
        #expect(group.averageValue(pillar: "ha-tang-so") == nil && group.bestValue(pillar: "ha-tang-so") == nil)
        #expect(group.rank(of: "Hà Nội", pillar: "ha-tang-so") == nil)
    }

    @Test func publishedAggregatesAreUsedWhereTheDataIsPartial() throws {
        let published = PublishedAggregate(
            year: 2021, group: "63 tỉnh", measure: "index", average: Decimal(string: "0.3721"), bestUnits: ["Đà Nẵng"],
            bestValue: Decimal(string: "0.61"), source: "Báo cáo DTI 2021", location: SourceLocation(file: "aggregates.csv", line: 2))
        let group = try #require(try analysis(Self.partial, aggregates: [published]).groups[2021])
        #expect(group.averageIndex == Decimal(string: "0.3721"))
        #expect(group.best?.units == ["Đà Nẵng"])
        #expect(group.aggregate("index").published?.source == "Báo cáo DTI 2021")
        #expect(Phrases.vietnamese.status.averageLabel(group.group, group.isNational) == "Trung bình cả nước")
    }

    @Test func meansAreExactAndRoundHalfAwayFromZero() {
        #expect(Ranking.mean([Decimal(string: "0.8152")!, Decimal(string: "0.7561")!]) == Decimal(string: "0.7857"))
        #expect(Ranking.mean([Decimal(string: "0.1")!, Decimal(string: "0.2")!, Decimal(string: "0.2")!]) == Decimal(string: "0.1667"))
        #expect(Ranking.mean([Decimal(string: "0.00005")!]) == Decimal(string: "0.0001"))
        #expect(Ranking.mean([]) == nil)
    }

    @Test func aPartialSiteBuildsWithoutErrorsOrWarningsAndShowsNoAverage() throws {
        let root = try BuildTests.copyFixture("mini")
        defer { try? FileManager.default.removeItem(at: root) }
        let data = root.appendingPathComponent("Content/data")
        try "group,size,level,note\n4 tỉnh,4,province,\n63 tỉnh,63,province,Xếp hạng 63 tỉnh\n".write(
            to: data.appendingPathComponent("groups.csv"), atomically: true, encoding: .utf8)
        var dti = try String(contentsOf: data.appendingPathComponent("dti.csv"), encoding: .utf8)
        dti =
            dti.split(separator: "\n").enumerated().map { $0.offset == 0 ? $0.element + ",rank_basis,source" : $0.element + ",," }
            .joined(separator: "\n") + "\n"
        dti += "2020,63 tỉnh,Lai Châu,51,,,,stated,Báo cáo 2020\n2020,63 tỉnh,Đà Nẵng,1,0.6,,,stated,Báo cáo 2020\n"
        dti += "2021,63 tỉnh,Lai Châu,45,0.31,,,stated,Quyết định 2021\n2021,63 tỉnh,Đà Nẵng,2,0.58,0.7,,derived,\n"
        try dti.write(to: data.appendingPathComponent("dti.csv"), atomically: true, encoding: .utf8)
        var options = SiteBuilder.Options(root: root)
        options.strict = true
        let report = SiteBuilder.build(options)
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(report.errorCount == 0 && report.warningCount == 0, "\(report.diagnostics)")
        let history = try String(
            contentsOf: root.appendingPathComponent("public/du-lieu/dti-lai-chau-theo-nam.csv"), encoding: .utf8)
        #expect(history.contains("2021,0.31,45,63,công bố,tăng 6 bậc,,chưa đủ số liệu,,"), "\(history)")
        // On the page the partial year's average reads "chưa đủ số liệu", never "chưa công bố" nor a number.
        let home = try String(contentsOf: root.appendingPathComponent("public/index.html"), encoding: .utf8)
        #expect(home.contains("\">chưa đủ số liệu</td>"), "the history table's average cell")
        let ranking = try String(contentsOf: root.appendingPathComponent("public/xep-hang/2021/index.html"), encoding: .utf8)
        #expect(ranking.contains("xếp hạng một phần") && ranking.contains("suy ra") && !ranking.contains("derived ("))
        let json = try String(contentsOf: root.appendingPathComponent("public/du-lieu/xep-hang-2021-63-tinh.json"), encoding: .utf8)
        #expect(json.contains("\"rank_basis\" : \"công bố\""), "\(json)")
    }
}
