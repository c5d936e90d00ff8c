import Foundation
import Testing

@testable import DTISite

/// The default Content/ carries its seed documents faithfully: the rows restored from each seed line, read
/// back from the built site's own downloads and pages (the repository has no copy of the seeds; the
/// expected values below are the seed lines', with the line numbers of seeds 000, 003 and 004).
@Suite struct FaithfulContentTests {
    static let built = Pipeline.prepare(SiteBuilder.Options(root: Fixtures.repositoryRoot))

    func file(_ path: String) throws -> String {
        String(decoding: try #require(Self.built.files.first { $0.path == path }, "\(path)").contents, as: UTF8.self)
    }

    /// A download of the site as rows keyed by column.
    func rows(_ table: String) throws -> [[String: String]] {
        let text = try file("du-lieu/\(table).csv")
        let parsed = try RawTable.parse(text: text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text, file: table)
        return parsed.rows.map { row in
            Dictionary(uniqueKeysWithValues: zip(parsed.header, row.fields.map { $0.trimmingCharacters(in: .whitespaces) }))
        }
    }

    func row(_ table: String, code: String) throws -> [String: String] {
        try #require(try rows(table).first { $0["code"] == code }, "\(table): \(code)")
    }

    /// Seed 004, Phụ lục I, lines 16–28 and 37–38: the 14 targets that had been left out.
    @Test func theFourteenTargetsOfThe2025Plan() throws {
        let expected: [(String, String, String)] = [
            ("6.1", "≥ 80%", "Sở Thông tin và Truyền thông"), ("6.2", "90%", "Văn phòng UBND tỉnh"),
            ("6.3", "100%", "Văn phòng UBND tỉnh"), ("6.4", "100%", "Văn phòng UBND tỉnh"), ("6.5", "80%", "Văn phòng UBND tỉnh"),
            ("6.6", "80%", "Văn phòng UBND tỉnh"), ("6.7", "70%", "Văn phòng UBND tỉnh"), ("6.8", "≥ 30%", "Văn phòng UBND tỉnh"),
            ("6.9", "50%", "Văn phòng UBND tỉnh"), ("6.10", "100%", "Sở Thông tin và Truyền thông"),
            ("6.11", "100%", "Sở Thông tin và Truyền thông"), ("6.12", "100%", "Sở Thông tin và Truyền thông"),
            ("13.1", "100%", "Sở Thông tin và Truyền thông"), ("13.2", "99% dân số", "Sở Thông tin và Truyền thông")
        ]
        for (code, goal, agency) in expected {
            let row = try row("van-ban-ke-hoach-2025-muc-tieu", code: "KH2025-" + code)
            #expect(row["goal"] == goal && row["agency"] == agency && row["year"] == "2030", "\(code): \(row)")
        }
        // The plan's page quotes 6.1.
        #expect(try file("van-ban/ke-hoach-2025/index.html").contains("từ 80% người dân và doanh nghiệp sử dụng dịch vụ công trực tuyến"))
    }

    /// Seed 004 line 31 writes "$> 0,623$"; lines 34 and 40 write one value each ("10", "3").
    @Test func theHDITargetAndSingleValues() throws {
        let hdi = try row("van-ban-ke-hoach-2025-muc-tieu", code: "KH2025-9")
        #expect(hdi["goal"] == "> 0,623 Chỉ số phát triển con người (HDI)")
        #expect(try row("van-ban-ke-hoach-2025-muc-tieu", code: "KH2025-11")["goal"] == "10 Người/vạn dân")
        #expect(try row("van-ban-ke-hoach-2025-muc-tieu", code: "KH2025-15")["goal"] == "3 Tổ chức, doanh nghiệp")
        // No page shows one value as a range ("100–100 %").
        let range = try NSRegularExpression(pattern: "(?<![0-9,])([0-9][0-9.,]*)–\\1(?![0-9,])")
        for page in Self.built.files where page.path.hasSuffix(".html") {
            let html = String(decoding: page.contents, as: UTF8.self)
            #expect(range.firstMatch(in: html, range: NSRange(html.startIndex..., in: html)) == nil, "\(page.path)")
        }
    }

    /// Seed 000 lines 142 and 157–159: 7.10 and the three Đô thị thông minh tasks and indicators.
    @Test func theFourTasksAndThreeIndicatorsOfThe2023Plan() throws {
        let tasks = try rows("van-ban-ke-hoach-2023-dti-nhiem-vu")
        let urban: [(String, String, String)] = [
            ("KH2023-9.1", "Sở Xây dựng", "Thường xuyên"), ("KH2023-9.2", "Sở Thông tin và Truyền thông", "Khi có yêu cầu"),
            ("KH2023-9.3", "Sở Thông tin và Truyền thông", "Khi có yêu cầu")
        ]
        for (code, lead, deadline) in urban {
            let task = try #require(tasks.first { $0["code"] == code }, "\(code)")
            #expect(task["lead"] == lead && task["deadline"] == deadline, "\(task)")
        }
        let domains = try #require(tasks.first { $0["code"] == "KH2023-7.10" })
        #expect(domains["task"]?.hasPrefix("a. Tổng số tên miền .vn trên địa bàn") == true)
        #expect(domains["lead"] == "văn bản không ghi" && domains["note"]?.contains("VNNIC cung cấp") == true)
        // Sở Xây dựng's page shows what it leads.
        let builder = try file("co-quan/so-xay-dung/index.html")
        #expect(builder.contains("Nhiệm vụ Sở Xây dựng chủ trì") && builder.contains("KH2023-9.1"))
        let pillar = try file("tru-cot/do-thi-thong-minh/index.html")
        for code in ["9.1", "9.2", "9.3"] { #expect(pillar.contains(">\(code)</th>"), "\(code)") }
        #expect(pillar.contains("không tính điểm") && !pillar.contains("tối đa 0"))
    }

    /// Seed 003 lines 48–75: the "KH TỈNH GIAO NĂM 2024" column, 20 values, among them 80% for VNeID.
    @Test func theTwentyTargetsTheProvinceAssignedBaoYen() throws {
        let targets = try rows("van-ban-ke-hoach-bao-yen-2024-muc-tieu")
        let assigned = targets.filter { !($0["assigned"] ?? "").isEmpty && $0["assigned"] != "—" }
        #expect(assigned.count == 20, "\(assigned.map { $0["code"] ?? "" })")
        let expected = [
            "BY2024-1": "95%", "BY2024-5": "65%", "BY2024-6": "55%", "BY2024-8.4": "80%", "BY2024-8.5": "5%",
            "BY2024-11": "10 nghìn giao dịch", "BY2024-12": "01 tỷ đồng", "BY2024-15": "9 xã toàn tỉnh"
        ]
        for (code, value) in expected { #expect(targets.first { $0["code"] == code }?["assigned"] == value, "\(code)") }
        // Bảo Yên's task list (Phụ lục 02, lines 444–541), one row per task or sub-task.
        let tasks = try rows("van-ban-ke-hoach-bao-yen-2024-nhiem-vu")
        #expect(tasks.count == 49)
        #expect(tasks.first { $0["code"] == "BY2024-IV.4" }?["lead"] == "Công an huyện")
        #expect(tasks.first { $0["code"] == "BY2024-V.1.2" }?["deadline"] == "Quý II, III, IV")
    }

    /// /muc-tieu/ counts the site's own targets; Bảo Yên's, a district of another province, are listed apart.
    @Test func theOverviewCountsTheSitesOwnTargets() throws {
        let own = try rows("muc-tieu"), others = try rows("muc-tieu-don-vi-khac")
        #expect(!own.contains { $0["code"]?.hasPrefix("BY2024") == true })
        #expect(others.allSatisfy { $0["code"]?.hasPrefix("BY2024") == true } && others.count == 38)
        let page = try file("muc-tieu/index.html")
        #expect(page.contains("\(own.count) mục tiêu trong các văn bản của tỉnh"))
        #expect(page.contains("\(others.count) mục tiêu trong văn bản của đơn vị khác (Bảo Yên)"))
        // Nor are Bảo Yên's overdue tasks the province's delay on the overview.
        let home = try file("index.html")
        #expect(!home.contains("Phòng Văn hóa và Thông tin huyện"))
    }

    /// Seed 002 lines 327 and 389: two indicators (30% take part in 2025; 100% of those trained by 2030).
    @Test func theNhanLucSoPageKeepsEachIndicator() throws {
        let targets = try rows("tru-cot-nhan-luc-so-muc-tieu")
        #expect(targets.first { $0["code"] == "T002-012" }?["goal"] == "30% CBCCVC")
        #expect(targets.first { $0["code"] == "T002-044" }?["goal"] == "100%")
        #expect(targets.first { $0["code"] == "T002-044" }?["year"] == "2030")
        let page = try file("tru-cot/nhan-luc-so/index.html")
        #expect(!page.contains("30% cán bộ tham gia khai thác dữ liệu và công nghệ số được bồi dưỡng"))
    }

    /// The 2023 plan's page names the agencies its task table gives as leads, and no other.
    @Test func the2023PlanNamesItsLeads() throws {
        let page = try file("van-ban/ke-hoach-2023-dti/index.html")
        let start = try #require(page.range(of: "<p class=\"doc-leads\">"))
        let paragraph = String(page[start.upperBound...].prefix { $0 != "\n" })
        let leads = Set(try rows("van-ban-ke-hoach-2023-dti-nhiem-vu").flatMap { ($0["lead"] ?? "").components(separatedBy: "; ") })
        for lead in leads where lead != "văn bản không ghi" { #expect(paragraph.contains(lead), "\(lead)") }
        #expect(paragraph.contains("Sở Xây dựng") && !paragraph.contains("Sở Nội vụ") && !paragraph.contains("Sở Y tế"))
        #expect(!page.contains("phần lớn là Sở Thông tin và Truyền thông, Sở Nội vụ"))
    }

    @Test func undatedTargetsSayNoYear() throws {
        for table in ["muc-tieu", "muc-tieu-don-vi-khac"] {
            for row in try rows(table) {
                let year = row["year"] ?? ""
                #expect(year == "không ghi năm" || (Int(year) ?? 0) > 2000, "\(row["code"] ?? ""): \(year)")
            }
        }
        #expect(try row("muc-tieu", code: "T002-064")["year"] == "không ghi năm")
    }

    /// Seed 002 line 335 writes "Phần đầu", seed 003 line 404 "VniED": shown as written, marked.
    @Test func aSourcesTyposAreMarkedSic() throws {
        let scheme = try row("muc-tieu", code: "T002-015")
        #expect(scheme["target"] == "Phần đầu [sic] kinh tế số chiếm 10% GRDP")
        #expect(scheme["note"]?.contains("đúng là \"Phấn đấu\"") == true)
        let vneid = try row("muc-tieu-don-vi-khac", code: "BY2024-01a.15")
        #expect(vneid["target"]?.contains("VniED [sic]") == true)
    }

    /// No English word a reader would see on the Vietnamese pages ("written as", "yes", "stated", "derived").
    @Test func noEnglishWordsOnThePages() throws {
        let words = ["written", "yes", "stated", "derived", "true", "false"]
        for page in Self.built.files where page.path.hasSuffix(".html") {
            var text = String(decoding: page.contents, as: UTF8.self)
            for pattern in ["<script[^>]*>.*?</script>", "<style[^>]*>.*?</style>", "<[^>]+>", "https?://\\S+"] {
                text = text.replacingOccurrences(of: pattern, with: " ", options: [.regularExpression])
            }
            let found = text.lowercased().split { !$0.isLetter }.filter { words.contains(String($0)) }
            #expect(found.isEmpty, "\(page.path): \(found)")
        }
    }
}
