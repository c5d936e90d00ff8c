import Foundation
import Testing

@testable import DTISite

/// Units over time, the 2025 merger and charts across a change of group (issue 15).
@Suite struct MergerRankingTests {
    // MARK: Charts across groups

    /// Every coordinate an SVG mark is placed at, with the viewBox.
    static func marksOutside(_ svg: String) throws -> [String] {
        let box = try #require(svg.firstMatch(of: /viewBox="0 0 ([0-9.]+) ([0-9.]+)"/))
        let width = Double(box.1)!, height = Double(box.2)!
        var outside: [String] = []
        for match in svg.matches(of: /\b(x|x1|x2|cx|y|y1|y2|cy)="(-?[0-9.]+)"/) {
            let value = Double(match.2)!
            let limit = match.1.hasPrefix("x") || match.1 == "cx" ? width : height
            if value < 0 || value > limit { outside.append("\(match.1)=\(value)") }
        }
        for match in svg.matches(of: /\bd="([^"]*)"/) {
            let numbers = match.1.split(whereSeparator: { !"0123456789.-".contains($0) }).compactMap { Double($0) }
            for (i, n) in numbers.enumerated() where n < 0 || n > (i % 2 == 0 ? width : height) { outside.append("d:\(n)") }
        }
        return outside
    }

    static func crossGroupChart() -> RankChart {
        RankChart(
            id: "xep-hang-lai-chau", title: "Thứ hạng",
            summary: RankChart.finding(
                unit: "Lai Châu", year: 2025, rank: 32, groupSize: 34, previousYear: 2024, previousRank: 36, previousGroupSize: 63),
            groupSize: 34, years: [2022, 2023, 2024, 2025],
            series: [
                .init(label: "Điện Biên", ranks: [2022: 60, 2023: 63, 2024: 61, 2025: 33], role: .peer),
                .init(label: "Lai Châu", ranks: [2022: 53, 2023: 54, 2024: 36, 2025: 32], role: .highlight)
            ],
            sizes: [2022: 63, 2023: 63, 2024: 63, 2025: 34])
    }

    @Test func aRankChartAcrossGroupsKeepsEveryMarkInside() throws {
        let chart = Self.crossGroupChart()
        for svg in [chart.svg(inline: true), chart.svg(heading: ChartHeading(title: "T", source: "Nguồn"))] {
            #expect(try Self.marksOutside(svg) == [])
            #expect(svg.contains("trên 63 đơn vị") && svg.contains("trên 34 đơn vị"))
            #expect(!svg.contains(" bậc so với"))
        }
        // No line joins 2024 (63) and 2025 (34).
        #expect(chart.segments(chart.series[1]) == [[2022, 2023, 2024], [2025]])
        #expect(chart.summary.contains("32/34") && chart.summary.contains("36/63") && !chart.summary.contains("tăng 4 bậc"))
    }

    @Test func everyChartOfTheDefaultSiteKeepsItsMarksInside() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("dtisite-merger-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        var options = SiteBuilder.Options(root: Fixtures.repositoryRoot)
        options.outputDirectory = output
        let report = SiteBuilder.build(options)
        #expect(report.succeeded, "\(report.diagnostics.filter { $0.severity == .error })")
        let charts = output.appendingPathComponent("bieu-do")
        let files = try FileManager.default.contentsOfDirectory(atPath: charts.path).filter { $0.hasSuffix(".svg") }
        #expect(!files.isEmpty)
        for file in files {
            let svg = try String(contentsOf: charts.appendingPathComponent(file), encoding: .utf8)
            #expect(try Self.marksOutside(svg) == [], "\(file)")
        }
        // The 34 units of 2024, derived from the 63 provinces and labelled so.
        let page = try String(contentsOf: output.appendingPathComponent("xep-hang/2024/34-tinh-thanh-pho/index.html"), encoding: .utf8)
        #expect(page.contains(Phrases.vietnamese.status.mergerRule))
        let csv = try String(contentsOf: output.appendingPathComponent("du-lieu/xep-hang-2024-34-tinh-thanh-pho.csv"), encoding: .utf8)
        #expect(csv.contains("Hải Phòng,") && csv.contains("0.7857") && csv.contains("suy ra"))
        #expect(csv.contains("Lào Cai,") && csv.contains("0.7167"))
        let home = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(home.contains("trong 34 đơn vị sau sáp nhập xếp"))
    }

    // MARK: Derivation

    static func unit(_ name: String, slug: String? = nil, from: LocalDate? = nil, until: LocalDate? = nil, predecessors: [String] = [])
        -> DTISite.Unit
    {
        var unit = DTISite.Unit(
            slug: slug ?? Slug.make(name), name: name, level: .province, parent: nil, region: nil, location: SourceLocation(file: "u"))
        unit.validFrom = from
        unit.validUntil = until
        unit.predecessors = predecessors
        return unit
    }

    static let end = LocalDate(year: 2025, month: 6, day: 30), start = LocalDate(year: 2025, month: 7, day: 1)
    static let units = [
        unit("Hải Phòng", until: end), unit("Hải Dương", until: end), unit("Lai Châu"),
        unit("Hải Phòng", slug: "hai-phong-2025", from: start, predecessors: ["hai-phong", "hai-duong"])
    ]
    static let groups = [
        "63": RankingGroup(name: "63", size: 3, level: .province, location: SourceLocation(file: "g")),
        "34": RankingGroup(
            name: "34", size: 2, level: .province, deriveFrom: "63", deriveYears: [2024], location: SourceLocation(file: "g"))
    ]

    func record(_ unit: String, _ slug: String, _ index: String, group: String = "63", rank: Int? = nil) -> ScoreRecord {
        var r = ScoreRecord(
            year: 2024, group: group, unit: unit, rank: rank, index: Decimal(string: index), pillarValues: [:], pillarRanks: [:],
            rankBasis: .stated, source: nil, location: SourceLocation(file: "dti.csv", line: 9))
        r.unitSlug = slug
        return r
    }

    @Test func successorsTakeThePlainMeanOfTheirPredecessorsRankedWithTies() {
        let scores = [
            record("Hải Phòng", "hai-phong", "0.8152"), record("Hải Dương", "hai-duong", "0.7561"),
            record("Lai Châu", "lai-chau", "0.7857")
        ]
        let result = SuccessorDerivation.derive(scores: scores, units: Self.units, groups: Self.groups, pillars: [])
        #expect(result.mismatches.isEmpty)
        let hp = result.records.first { $0.unitSlug == "hai-phong-2025" }
        #expect(hp?.index == Decimal(string: "0.7857") && hp?.rank == 1 && hp?.rankBasis == .derived)
        #expect(hp?.derivedFrom == ["Hải Phòng", "Hải Dương"])
        #expect(result.records.first { $0.unitSlug == "lai-chau" }?.rank == 1)
    }

    @Test func aPublishedValueThatDisagreesIsAWarningWithBothFigures() {
        let scores = [
            record("Hải Phòng", "hai-phong", "0.8152"), record("Hải Dương", "hai-duong", "0.7561"),
            record("Hải Phòng", "hai-phong-2025", "0.7900", group: "34", rank: 1)
        ]
        let result = SuccessorDerivation.derive(scores: scores, units: Self.units, groups: Self.groups, pillars: [])
        #expect(result.records.isEmpty)
        #expect(result.mismatches.count == 1)
        #expect(result.mismatches.first.map { $0.message.contains("0,7900") && $0.message.contains("0,7857") } == true)
    }

    @Test func aNameSharedAcrossTheMergerMeansTheUnitOfThatPeriod() throws {
        var d = Diagnostics()
        let csv = "year,group,unit,rank,index\n2023,63,Hải Phòng,1,0.8\n2025,34,Hải Phòng,1,0.8\n"
        let records = ScoreRules.read(
            try RawTable.parse(text: csv, file: "dti.csv"), units: Self.units, pillars: [], siteUnit: "Lai Châu",
            groups: Self.groups, into: &d)
        #expect(records.map(\.unitSlug) == ["hai-phong", "hai-phong-2025"])
    }

    @Test func unitsReadTheirPeriodAndPredecessors() throws {
        var d = Diagnostics()
        let csv =
            "slug,name,level,valid_from,valid_until,predecessors,successor\nhai-phong,Hải Phòng,province,,2025-06-30,,\n"
            + "hai-duong,Hải Dương,province,,2025-06-30,,hai-phong-2025\nhai-phong-2025,Hải Phòng,province,2025-07-01,,hai-phong,\n"
            + "x,X,province,hôm qua,,,khong-co\n"
        let units = UnitRules.read(try RawTable.parse(text: csv, file: "units.csv"), into: &d)
        let new = try #require(units.first { $0.slug == "hai-phong-2025" })
        #expect(Set(new.predecessors) == ["hai-phong", "hai-duong"])
        #expect(units.first { $0.slug == "hai-phong" }?.successor == "hai-phong-2025")
        #expect(d.errors.count == 2)
        #expect(d.errors.contains { $0.message.contains("2025-07-01") && $0.location.line == 5 })
    }
}
