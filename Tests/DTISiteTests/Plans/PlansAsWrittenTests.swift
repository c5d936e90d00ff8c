import Foundation
import Testing

@testable import DTISite

/// Plans as provinces write them: status words, agency lists in one cell, aliases that would change who
/// is responsible, and what the pages show for deadlines that cannot be read.
@Suite struct PlansAsWrittenTests {
    static let agenciesCSV = """
        name,short_name,aliases
        Sở Thông tin và Truyền thông,Sở TT&TT,Sở TTTT
        Sở Tài chính,STC,
        Sở Nội vụ,SNV,
        "UBND các huyện, thành phố",UBND các huyện,"UBND huyện, thành phố"
        Ngân hàng Nhà nước chi nhánh tỉnh Lai Châu,NHNN tỉnh,
        """

    func site() throws -> Site { try Fixtures.miniSite() }

    func tasks(_ csv: String, agencies: String = agenciesCSV) throws -> ([PlanTask], Diagnostics) {
        var d = Diagnostics()
        let list = PlanRules.agencies(try RawTable.parse(text: agencies, file: "agencies.csv"), into: &d)
        let tasks = PlanRules.tasks(try RawTable.parse(text: csv, file: "tasks.csv"), site: try site(), agencies: list, into: &d)
        return (tasks, d)
    }

    @Test func unreadableDeadlinesAndStatusesAreWarningsNamingTheCell() throws {
        let (tasks, d) = try tasks(
            """
            code,task,lead,deadline,status
            T1,Việc một,Sở Nội vụ,sớm nhất có thể,
            T2,Việc hai,Sở Nội vụ,Trước ngày 15/11 hằng năm,Đang thực hiện
            T3,Việc ba,Sở Nội vụ,12/2025,gần xong
            T4,Việc bốn,Sở Nội vụ,,hoan thanh
            """)
        #expect(tasks.count == 4)
        let deadline = try #require(d.warnings.first { $0.location == SourceLocation(file: "tasks.csv", line: 2, column: 4) })
        #expect(deadline.message.contains("ô D2") && deadline.message.contains("\"sớm nhất có thể\""))
        #expect(deadline.message.contains("chưa rõ thời hạn"))
        let status = try #require(d.warnings.first { $0.location == SourceLocation(file: "tasks.csv", line: 4, column: 5) })
        #expect(status.message.contains("ô E4") && status.message.contains("\"gần xong\""))
        for word in TaskProgress.acceptedWords { #expect(status.message.contains(word), "\(word)") }
        #expect(d.warnings.count == 2)
        #expect(tasks[1].progress == .inProgress && tasks[3].isDone)
        #expect(tasks[2].status == "gần xong" && tasks[2].progress == .other("gần xong"))
    }

    @Test func aCommaListOfKnownAgenciesIsThoseAgencies() throws {
        let (tasks, d) = try tasks(
            """
            code,task,lead,partners
            T1,Việc một,"Sở Tài chính, Sở Nội vụ","Các Sở, ban, ngành, UBND các huyện, thành phố"
            T2,Việc hai,"Sở Tài chính, Sở Tư pháp",
            T3,Việc ba,Sở TTTT,"UBND huyện, thành phố"
            """)
        #expect(tasks[0].leads == ["Sở Tài chính", "Sở Nội vụ"])
        #expect(tasks[0].partners == ["Các Sở, ban, ngành", "UBND các huyện, thành phố"])
        #expect(!d.warnings.contains { $0.location.line == 2 })
        #expect(tasks[2].leads == ["Sở Thông tin và Truyền thông"] && tasks[2].partners == ["UBND các huyện, thành phố"])
        // A list with a part that is not known: advice to separate with ";", never an alias of the whole cell.
        let warning = try #require(d.warnings.first { $0.location.line == 3 })
        #expect(warning.message.contains("dấu chấm phẩy (;)") && warning.message.contains("\"Sở Tư pháp\""))
        #expect(!warning.message.contains("aliases"))
        #expect(tasks[1].leads == ["Sở Tài chính, Sở Tư pháp"])
    }

    @Test func noAliasIsSuggestedThatWouldChangeWhoIsResponsible() throws {
        let (_, d) = try tasks(
            """
            code,task,lead,partners
            T1,Việc một,Ngân hàng Nhà nước,
            T2,Việc hai,Các huyện đủ điều kiện,
            T3,Việc ba,Sở Thông tin và Truyền thong,
            """)
        let bank = try #require(d.warnings.first { $0.location.line == 2 })
        #expect(!bank.message.contains("có phải"))
        let some = try #require(d.warnings.first { $0.location.line == 3 })
        #expect(!some.message.contains("có phải"))
        let typo = try #require(d.warnings.first { $0.location.line == 4 })
        #expect(typo.message.contains("có phải \"Sở Thông tin và Truyền thông\""))
        #expect(PlanRules.changesResponsibility("Ngân hàng Nhà nước", "Ngân hàng Nhà nước chi nhánh tỉnh Lai Châu"))
        #expect(PlanRules.changesResponsibility("Ngân hàng Nhà nước Việt Nam", "Ngân hàng Nhà nước chi nhánh tỉnh Lai Châu"))
        #expect(PlanRules.changesResponsibility("Các huyện/thành phố đủ điều kiện", "UBND các huyện, thành phố"))
        #expect(PlanRules.changesResponsibility("Bộ TT&TT tỉnh", "Sở Thông tin và Truyền thông"))
        #expect(!PlanRules.changesResponsibility("Bộ chỉ huy quân sự", "Bộ Chỉ huy Quân sự tỉnh"))
        #expect(!PlanRules.changesResponsibility("Cục thuế tỉnh Lai Châu", "Cục Thuế tỉnh"))
        #expect(!PlanRules.changesResponsibility("Sở Thông tin truyền thông", "Sở Thông tin và Truyền thông"))
    }

    @Test func anAliasThatChangesWhoIsResponsibleIsAWarning() throws {
        var d = Diagnostics()
        _ = PlanRules.agencies(
            try RawTable.parse(
                text: """
                    name,short_name,aliases
                    Ngân hàng Nhà nước chi nhánh tỉnh Lai Châu,NHNN tỉnh,Ngân hàng Nhà nước Việt Nam
                    "UBND các huyện, thành phố",,"UBND huyện/thành phố; Các huyện/thành phố đủ điều kiện"
                    """, file: "agencies.csv"), into: &d)
        #expect(d.warnings.count == 2)
        #expect(
            d.warnings.contains {
                $0.location == SourceLocation(file: "agencies.csv", line: 2, column: 3) && $0.message.contains("trung ương")
            })
        #expect(d.warnings.contains { $0.location.line == 3 && $0.message.contains("đủ điều kiện") })
    }

    @Test func theDefaultSiteReadsEveryDeadlineStatusAndAgency() throws {
        let (files, _, diagnostics) = Pipeline.prepare(SiteBuilder.Options(root: Fixtures.repositoryRoot))
        let planFiles = ["tasks.csv", "agencies.csv", "targets.csv"]
        // Only the three targets the documents themselves disagree on (TargetConflictTests) and Bảo Yên's VNeID
        // target below the province's assignment (DefaultSiteFindingsTests).
        let findings = diagnostics.all.filter { d in planFiles.contains { d.location.file.hasSuffix($0) } }
        #expect(findings.filter { $0.message.contains("được nêu với giá trị khác nhau") }.count == 3, "\(findings)")
        #expect(findings.filter { $0.message.contains("thấp hơn mức cấp trên giao") }.count == 1, "\(findings)")
        #expect(findings.count == 4, "\(findings)")
        let page = try #require(files.first { $0.path == "van-ban/ke-hoach-2023-dti/index.html" })
        let html = String(decoding: page.contents, as: UTF8.self)
        // The condition is part of the text as written: shown once.
        #expect(html.contains("Năm 2024 - 2025 và khi có hướng dẫn của Bộ TTTT"))
        #expect(!html.contains("(khi có hướng dẫn của Bộ TTTT)"))
        #expect(html.contains("đã quá hạn, chưa có báo cáo hoàn thành"))
    }

    @Test func pagesCountUnclearDeadlinesApart() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("dtisite-plans-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for folder in ["Content", "Theme"] {
            try FileManager.default.copyItem(
                at: Fixtures.repositoryRoot.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
        }
        let tasksURL = root.appendingPathComponent("Content/data/tasks.csv")
        let original = try String(contentsOf: tasksURL, encoding: .utf8)
        let changed = original.replacingOccurrences(
            of: "Quyết định của UBND tỉnh,3/2025,,ke-hoach-2025", with: "Quyết định của UBND tỉnh,sớm nhất có thể,gần xong,ke-hoach-2025")
        #expect(changed != original)
        try changed.write(to: tasksURL, atomically: true, encoding: .utf8)
        let (files, _, diagnostics) = Pipeline.prepare(SiteBuilder.Options(root: root))
        #expect(diagnostics.warnings.contains { $0.location.file.hasSuffix("tasks.csv") && $0.message.contains("sớm nhất có thể") })
        #expect(diagnostics.warnings.contains { $0.location.file.hasSuffix("tasks.csv") && $0.message.contains("gần xong") })
        let agency = try #require(files.first { $0.path == "co-quan/so-thong-tin-va-truyen-thong/index.html" })
        let html = String(decoding: agency.contents, as: UTF8.self)
        #expect(html.contains("<span class=\"kpi-label\">Chưa rõ thời hạn</span><span class=\"kpi-value\">1</span>"))
        #expect(html.contains("chưa rõ thời hạn (tình trạng ghi: gần xong)"))
        let list = try #require(files.first { $0.path == "co-quan/index.html" })
        #expect(String(decoding: list.contents, as: UTF8.self).contains("Chưa rõ thời hạn"))
        let csv = try #require(files.first { $0.path == "du-lieu/co-quan.csv" })
        #expect(String(decoding: csv.contents, as: UTF8.self).contains(",overdue,unclear,targets"))
    }
}
