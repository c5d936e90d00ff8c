import Foundation
import Testing

@testable import DTISite

@Suite struct ScoreRulesTests {
    static let units = ["Lai Châu", "Điện Biên", "Đà Nẵng"].map {
        Unit(slug: Slug.make($0), name: $0, level: .province, parent: nil, region: nil, location: SourceLocation(file: "units.csv"))
    }
    static let pillars = ["ha-tang-so", "chinh-quyen-so"].enumerated().map { i, id in
        Pillar(
            id: id, title: id, order: i, maxPoints: 100, summary: "",
            source: MarkdownPage(file: "\(id).md", slug: id, title: id, summary: "", order: nil, body: "", bodyLine: 1))
    }

    func read(_ csv: String, siteUnit: String = "Lai Châu") throws -> ([ScoreRecord], Diagnostics) {
        let table = try RawTable.parse(text: csv, file: "dti.csv")
        var diagnostics = Diagnostics()
        let records = ScoreRules.read(table, units: Self.units, pillars: Self.pillars, siteUnit: siteUnit, into: &diagnostics)
        return (records, diagnostics)
    }

    static let header = "year,group,unit,rank,index,ha-tang-so\n"

    @Test func readsValidRowsWithCommaDecimals() throws {
        let (records, d) = try read(
            Self.header + "2024,G,Đà Nẵng,1,\"0,8\",0.9\n2024,G,Lai Châu,2,\"0,7056\",\n2024,G,Điện Biên,3,0.6,0.5\n")
        #expect(d.all.isEmpty)
        #expect(records.count == 3)
        #expect(records[1].index == Decimal(string: "0.7056"))
        #expect(records[1].pillarValues["ha-tang-so"] == nil)
    }

    @Test func valueOutsideZeroToOne() throws {
        let (_, d) = try read(Self.header + "2024,G,Lai Châu,1,1.7056,0.5\n")
        let error = d.errors.first
        #expect(error?.location == SourceLocation(file: "dti.csv", line: 2, column: 5))
        #expect(error?.message.contains("E2") == true && error?.message.contains("0…1") == true)
    }

    @Test func rankOutsideGroupSize() throws {
        let (_, d) = try read(Self.header + "2024,G,Lai Châu,7,0.7,\n2024,G,Đà Nẵng,1,0.8,\n")
        #expect(d.errors.contains { $0.location.line == 2 && $0.location.column == 4 && $0.message.contains("1…2") })
    }

    @Test func duplicateYearAndUnit() throws {
        let (_, d) = try read(Self.header + "2024,G,Lai Châu,1,0.7,\n2024,G,Lai Châu,1,0.7,\n")
        #expect(d.errors.contains { $0.location.line == 3 && $0.message.contains("dti.csv:2") })
    }

    @Test func rankContradictingTheIndexOrder() throws {
        let (_, d) = try read(Self.header + "2024,G,Đà Nẵng,2,0.8,\n2024,G,Lai Châu,1,0.7,\n2024,G,Điện Biên,3,0.6,\n")
        let lines = d.errors.filter { $0.message.contains("không khớp thứ tự") }.map(\.location.line)
        #expect(lines == [2, 3])
    }

    @Test func tiesMayShareOrSplitARank() throws {
        let (_, shared) = try read(Self.header + "2024,G,Đà Nẵng,1,0.8,\n2024,G,Lai Châu,2,0.7,\n2024,G,Điện Biên,2,0.7,\n")
        #expect(shared.errors.isEmpty)
        let (_, split) = try read(Self.header + "2024,G,Đà Nẵng,1,0.8,\n2024,G,Lai Châu,2,0.7,\n2024,G,Điện Biên,3,0.7,\n")
        #expect(split.errors.isEmpty)
    }

    @Test func unknownUnitSuggestsTheClosestName() throws {
        let (records, d) = try read(Self.header + "2024,G,Lai Chau,1,0.7,\n")
        #expect(records.isEmpty)
        #expect(d.errors.first?.message.contains("có phải \"Lai Châu\"?") == true)
        #expect(d.errors.first?.location.column == 3)
    }

    @Test func unknownPillarColumnIsReported() throws {
        let (_, d) = try read("year,group,unit,rank,index,ha-tang-s\n2024,G,Lai Châu,1,0.7,0.5\n")
        #expect(d.warnings.contains { $0.message.contains("\"ha-tang-s\"") && $0.message.contains("\"ha-tang-so\"") })
    }

    @Test func missingYearForTheSiteUnitIsAWarning() throws {
        let (_, d) = try read(Self.header + "2023,G,Đà Nẵng,1,0.8,\n2024,G,Lai Châu,1,0.7,\n")
        #expect(d.warnings.contains { $0.message.contains("2023") && $0.message.contains("Lai Châu") })
        #expect(!d.hasErrors)
    }

    @Test func aGroupOf34UnitsNeedsNoCodeChange() throws {
        let names = (1...34).map { $0 == 21 ? "Lai Châu" : "Tỉnh \($0)" }
        let units = names.map {
            Unit(slug: Slug.make($0), name: $0, level: .province, parent: nil, region: nil, location: SourceLocation(file: "u"))
        }
        var csv = Self.header
        for (i, name) in names.enumerated() { csv += "2025,34 tỉnh,\(name),\(i + 1),0.\(9000 - i * 10),\n" }
        var d = Diagnostics()
        let records = ScoreRules.read(
            try RawTable.parse(text: csv, file: "dti.csv"), units: units, pillars: Self.pillars, siteUnit: "Lai Châu", into: &d)
        #expect(d.all.isEmpty)
        #expect(records.count == 34)
        #expect(records.contains { $0.unit == "Lai Châu" && $0.rank == 21 })
        var bad = Diagnostics()
        _ = ScoreRules.read(
            try RawTable.parse(text: csv.replacingOccurrences(of: "Tỉnh 34,34,", with: "Tỉnh 34,35,"), file: "dti.csv"),
            units: units, pillars: Self.pillars, siteUnit: "Lai Châu", into: &bad)
        #expect(bad.errors.contains { $0.message.contains("1…34") })
    }
}
