import Foundation
import Testing

@testable import DTISite

/// Targets shown as plans write them, for any province: a strict comparator with its decimals, one value
/// never a range, an undated target "không ghi năm", what the level above assigned, a source's own
/// misspellings marked "[sic]", and the site's own documents counted apart from another unit's.
@Suite struct TargetDisplayTests {
    static let header = "code,text,comparator,value,unit,year,assigned,sic,note,document"

    func targets(_ rows: String) throws -> ([PlanTarget], Diagnostics) {
        var d = Diagnostics()
        let table = try RawTable.parse(text: Self.header + "\n" + rows, file: "targets.csv")
        return (PlanRules.targets(table, site: try Fixtures.miniSite(), agencies: [], into: &d), d)
    }

    func target(_ row: String) throws -> PlanTarget { try #require(try targets(row).0.first) }

    @Test func aStrictComparatorKeepsItsDecimals() throws {
        let hdi = try target("A,Duy trì HDI,>,\"0,623\",Chỉ số phát triển con người (HDI),2030,,,,")
        #expect(hdi.comparator == .above)
        #expect(PlanPageBuilder.goal(hdi) == "> 0,623 Chỉ số phát triển con người (HDI)")
        #expect(PlanRules.describe(hdi) == ">0,623")
        #expect(PlanPageBuilder.goal(try target("B,TFP,≥,37.6,%,2030,,,,")) == "≥ 37,6%")
        #expect(PlanPageBuilder.goal(try target("C,PII,<,57,Thứ bậc,2030,,,,")) == "< 57 Thứ bậc")
        #expect(PlanPageBuilder.goal(try target("D,Tỷ lệ,=,100,%,2030,,,,")) == "100%")
        // Decimals as written, never rounded to one place.
        #expect(PlanPageBuilder.goal(try target("E,Tỷ lệ,>=,0.625,,2030,,,,")) == "≥ 0,625")
    }

    /// "> 0,623" is met only above 0,623; "≥" at it; "<" only below.
    @Test func strictComparatorsAtTheirBoundary() throws {
        var above = try target("A,HDI,>,0.623,,2030,,,,")
        above.actual = Decimal(string: "0.623")
        #expect(PlanPageBuilder.progress(above)?.met == false)
        above.actual = Decimal(string: "0.624")
        #expect(PlanPageBuilder.progress(above)?.met == true)
        var atLeast = above
        atLeast.comparator = .atLeast
        atLeast.actual = Decimal(string: "0.623")
        #expect(PlanPageBuilder.progress(atLeast)?.met == true)
        var below = try target("B,Hạng,<,57,Thứ bậc,2030,,,,")
        below.actual = 57
        #expect(PlanPageBuilder.progress(below)?.met == false)
        below.actual = 56
        #expect(PlanPageBuilder.progress(below)?.met == true)
    }

    @Test func oneValueIsNeverARange() throws {
        let single = try target("A,Nhân lực nghiên cứu,range,10-10,Người/vạn dân,2030,,,,")
        #expect(PlanPageBuilder.goal(single) == "10 Người/vạn dân")
        #expect(PlanRules.describe(single) == "10")
        let range = try target("B,Kinh tế số,range,9-10,% GRDP,2030,,,,")
        #expect(PlanPageBuilder.goal(range) == "9–10% GRDP")
        // A percent keeps the few words that say of what; a long description is left to the target's text.
        #expect(PlanPageBuilder.goal(try target("C,Kinh tế số,>=,20,% GRDP,2045,,,,")) == "≥ 20% GRDP")
        #expect(PlanPageBuilder.goal(try target("D,90% hồ sơ cấp tỉnh,=,90,% hồ sơ công việc xử lý trên mạng,2025,,,,")) == "90%")
    }

    @Test func anUndatedTargetSaysSo() throws {
        let (list, _) = try targets("A,Mỗi hộ một điện thoại thông minh,>=,1,thiết bị,,,,,\nB,Kinh tế số,=,20,% GRDP,2030,,,,")
        let table = PlanPageBuilder.targetTable(id: "t", title: "t", targets: list, site: try Fixtures.miniSite(), phrases: .vietnamese)
        let year = try #require(table.columns.firstIndex { $0.key == "year" })
        #expect(table.rows[0][year] == .text("không ghi năm"))
        #expect(table.rows[1][year] == .text("2030"))
        #expect(!table.bodyHTML(phrases: .vietnamese).contains("chưa công bố"))
    }

    /// A target below what the level above assigned is reported; equal or higher is not; a text cannot be compared.
    @Test func aTargetBelowTheAssignedOneIsReported() throws {
        let (list, d) = try targets(
            """
            A,Định danh điện tử mức độ 2,>=,65,%,2024,80,,,
            B,Hồ sơ công việc,>=,97,%,2024,95,,,
            C,Báo cáo,>=,80,%,2024,80%,,,
            D,Chữ ký số,text,Theo thực tế,%,2024,5%,,,
            E,Hạng đổi mới sáng tạo,<=,57,Thứ bậc,2030,55,,,
            F,Hạng,<=,55,Thứ bậc,2030,55,,,
            G,Thí điểm,=,1,xã,2024,9 xã toàn tỉnh,,,
            """)
        let lines = d.warnings.map(\.location.line)
        #expect(lines == [2, 6], "\(d.warnings)")
        #expect(d.warnings.first?.message.contains("≥65 %, thấp hơn mức cấp trên giao (80 %)") == true)
        #expect(d.warnings.first?.location.column == 7)
        let table = PlanPageBuilder.targetTable(id: "t", title: "t", targets: list, site: try Fixtures.miniSite(), phrases: .vietnamese)
        let assigned = try #require(table.columns.firstIndex { $0.key == "assigned" })
        #expect(table.columns[assigned].title == "Cấp trên giao")
        #expect(
            table.rows.map { $0[assigned] } == ["80%", "95%", "80%", "5%", "55 Thứ bậc", "55 Thứ bậc", "9 xã toàn tỉnh"].map { .text($0) })
    }

    @Test func aSourceTypoIsShownAsWrittenWithSic() throws {
        let (list, d) = try targets(
            """
            A,Phần đầu kinh tế số chiếm 10% GRDP,=,10,% GRDP,2025,,Phần đầu=Phấn đấu,,
            B,Tỷ lệ người dân kích hoạt VniED; VniED trên điện thoại,>=,70,%,2024,,VniED=VNeID,,
            C,Kinh tế số,=,20,% GRDP,2030,,Phân đấu,,
            """)
        let table = PlanPageBuilder.targetTable(id: "t", title: "t", targets: list, site: try Fixtures.miniSite(), phrases: .vietnamese)
        #expect(table.rows[0][1] == .text("Phần đầu [sic] kinh tế số chiếm 10% GRDP"))
        #expect(table.rows[1][1] == .text("Tỷ lệ người dân kích hoạt VniED [sic]; VniED [sic] trên điện thoại"))
        #expect(table.rows[0].last == .text("nguyên văn: \"Phần đầu\" (đúng là \"Phấn đấu\")"))
        #expect(SourceTypo.marked("Phần đầu [sic] x", SourceTypo.list("Phần đầu")) == "Phần đầu [sic] x", "marked once")
        // A spelling that is not in the row is a mistake of the sic cell.
        #expect(d.warnings.count == 1 && d.warnings[0].location.line == 4 && d.warnings[0].message.contains("\"Phân đấu\""))
    }

    /// The site's own documents: about its unit, a unit within it, or no unit; a district of another
    /// province is not.
    @Test func ownDocumentsAreTheUnitsAndItsParts() throws {
        var site = try Fixtures.miniSite()
        let location = SourceLocation(file: "units.csv")
        site.units += [
            Unit(slug: "tam-duong", name: "Tam Đường", level: .district, parent: "lai-chau", location: location),
            Unit(slug: "lao-cai", name: "Lào Cai", level: .province, location: location),
            Unit(slug: "bao-yen", name: "Bảo Yên", level: .district, parent: "lao-cai", location: location)
        ]
        let template = try #require(site.documents.first)
        for (slug, unit) in [("huyen", "Tam Đường"), ("khac", "Bảo Yên"), ("chung", nil)] as [(String, String?)] {
            var document = template
            document.page.slug = slug
            document.unit = unit
            site.documents.append(document)
        }
        #expect(site.isOwn(document: template.page.slug))
        #expect(site.isOwn(document: "huyen"))
        #expect(site.isOwn(document: "chung"))
        #expect(site.isOwn(document: nil))
        #expect(!site.isOwn(document: "khac"))
    }
}
