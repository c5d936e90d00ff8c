/// The VNeID pages: /vneid/ and a page of communes per district (or per province since July 2025).
struct VNeIDPhrases: Sendable {
    var listTitle, listDescription: String
    /// The row label of communes that belong directly to a province.
    var provinceCommunes: String
    var pageTitle: @Sendable (_ area: String) -> String
    var pageDescription: @Sendable (_ place: String) -> String
    /// "…% (tính từ các xã)": a target computed from the communes' targets.
    var computedFromCommunes: String
    /// "đạt: từ 100% chỉ tiêu trở lên; gần đạt: từ 90%".
    var thresholds: @Sendable (_ met: String, _ near: String) -> String
    var noteMark: String
    /// Hidden text beside a bar: "Đã kích hoạt 92,1%, chỉ tiêu 80%".
    var barText: @Sendable (_ activated: String, _ target: String) -> String
    var accounts, gapPoints: String
    var totalName: @Sendable (_ area: String) -> String
    var statedCollected: @Sendable (_ stated: String, _ computed: String) -> String
    var statedActivated: @Sendable (_ stated: String, _ computed: String) -> String
    var statedTarget: @Sendable (_ activated: Bool, _ year: Int, _ stated: String, _ weighted: String) -> String
    var statedTotal: @Sendable (_ area: String, _ parts: [String]) -> String
    var tableTitle: @Sendable (_ place: String, _ year: Int, _ targetYear: String) -> String
    var commune, population, collected, collectedPercent, activated, activatedPercent, gapColumn, accountsNeeded, status: String
    var targetActivated: @Sendable (_ year: String) -> String
    var tableSource: @Sendable (_ place: String) -> String
    var chartSummary: @Sendable (_ year: Int, _ behind: Int, _ communes: Int, _ area: String, _ target: Int) -> String
    var chartTitle: @Sendable (_ place: String) -> String
    var chartValue: @Sendable (_ year: Int) -> String
    var chartReference: @Sendable (_ year: Int) -> String
    var chartSource: @Sendable (_ place: String, _ site: String) -> String
    /// Where a data-quality note is: a commune and year, the total row, or a row number.
    var noteAtCommune: @Sendable (_ commune: String, _ year: Int) -> String
    var totalRow: @Sendable (_ area: String) -> String
    var noteAtRow: @Sendable (_ line: Int) -> String
}

extension VNeIDPhrases {
    static let vietnamese = VNeIDPhrases(
        listTitle: "Định danh điện tử (VNeID) theo xã",
        listDescription: "Tiến độ thu nhận và kích hoạt định danh điện tử mức 2 theo xã, so với chỉ tiêu",
        provinceCommunes: "Các xã trực thuộc tỉnh", pageTitle: { "Định danh điện tử: \($0)" },
        pageDescription: { "Tiến độ thu nhận và kích hoạt tài khoản định danh điện tử mức 2 (VNeID) theo xã, \($0)" },
        computedFromCommunes: " (tính từ các xã)", thresholds: { "đạt: từ \($0)% chỉ tiêu trở lên; gần đạt: từ \($1)%" },
        noteMark: "ghi chú", barText: { "Đã kích hoạt \($0), chỉ tiêu \($1)" }, accounts: " tài khoản", gapPoints: " điểm %",
        totalName: { "Toàn \($0) (tính từ các xã)" },
        statedCollected: { "thu nhận \($0)% (tính từ số liệu: \($1))" }, statedActivated: { "kích hoạt \($0)% (tính từ số liệu: \($1))" },
        statedTarget: { activated, year, stated, weighted in
            "\(activated ? "chỉ tiêu kích hoạt" : "chỉ tiêu thu nhận") \(year) \(stated)% (tính từ chỉ tiêu các xã theo dân số: \(weighted))"
        },
        statedTotal: { "Văn bản ghi tổng toàn \($0): " + $1.joined(separator: "; ") },
        tableTitle: { "Định danh điện tử theo xã: \($0), năm \($1) so với chỉ tiêu \($2)" },
        commune: "Xã, thị trấn", population: "Dân số", collected: "Đã thu nhận", collectedPercent: "Tỷ lệ thu nhận",
        activated: "Đã kích hoạt", activatedPercent: "Tỷ lệ kích hoạt", gapColumn: "Còn thiếu (điểm %)",
        accountsNeeded: "Cần thêm (tài khoản)", status: "Tình trạng", targetActivated: { "Chỉ tiêu kích hoạt \($0)" },
        tableSource: { "Nguồn: \($0); tỷ lệ tính từ số người / dân số, làm tròn 1 chữ số thập phân" },
        chartSummary: { year, behind, communes, area, target in
            "Năm \(year), \(behind)/\(communes) xã của \(area) chưa đạt chỉ tiêu kích hoạt năm \(target)"
        },
        chartTitle: { "Kích hoạt VNeID theo xã, \($0)" }, chartValue: { "Đã kích hoạt \($0)" }, chartReference: { "Chỉ tiêu \($0)" },
        chartSource: { "Nguồn: kế hoạch của \($0) · \($1)" },
        noteAtCommune: { "\($0), năm \($1)" }, totalRow: { "dòng tổng toàn \($0)" },
        noteAtRow: { "dòng \($0) của bảng số liệu" })
}
