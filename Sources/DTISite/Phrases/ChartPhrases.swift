/// What the charts say: their findings, titles, axis captions, legends and the descriptions read out
/// by screen readers.
struct ChartPhrases: Sendable {
    /// "Lai Châu xếp hạng 36/63 năm 2024" (with the pillar: "xếp hạng Hạ tầng số 36/63").
    var ranked: @Sendable (_ unit: String, _ measure: String?, _ rank: Int, _ size: Int, _ year: Int) -> String
    /// Two rankings of different sizes: places are not compared.
    var rankedIncomparable: @Sendable (_ year: Int, _ rank: Int, _ size: Int) -> String
    var rankKept: @Sendable (_ year: Int) -> String
    var rankMoved: @Sendable (_ change: RankChange, _ year: Int) -> String
    var rankTitle: @Sendable (_ unit: String, _ peerGroup: String?) -> String
    var pillarRankTitle: @Sendable (_ pillar: String, _ unit: String) -> String
    var indexSummary: @Sendable (_ unit: String, _ year: Int, _ index: String) -> String
    /// ", cao hơn trung bình cả nước (0,5678)".
    var comparedWithAverage: @Sendable (_ higher: Bool, _ averageLabel: String, _ average: String) -> String
    var indexTitle: @Sendable (_ unit: String) -> String
    var indexAxis, valueAxis: String
    var pillarAxis: @Sendable (_ pillar: String) -> String
    var average, best, pillar: String
    var profileTitle: @Sendable (_ unit: String, _ year: Int) -> String
    var profileWithoutAverage: @Sendable (_ year: Int, _ unit: String, _ published: Int, _ averageLabel: String) -> String
    var profileSummary: @Sendable (_ year: Int, _ unit: String, _ averageLabel: String, _ above: Int, _ compared: Int) -> String
    var pillarValueSummary: @Sendable (_ pillar: String, _ unit: String, _ year: Int, _ value: String) -> String
    var pillarValueTitle: @Sendable (_ pillar: String, _ unit: String) -> String
    /// How an average was obtained: "công bố: <nguồn>", "tính từ đủ 63 đơn vị".
    var averagePublished: @Sendable (_ source: String?) -> String
    var averageComputed: @Sendable (_ size: Int) -> String
    /// A column of a rank table: "Năm 2024", "Năm 2024 (trên 34)".
    var rankColumn: @Sendable (_ year: Int, _ size: Int?) -> String
    /// Inside the drawings.
    var panelSize: @Sendable (_ size: Int) -> String
    var rankAxis: @Sendable (_ size: Int?) -> String
    var mutedLines: @Sendable (_ peers: Int) -> String
    var rankDescription: @Sendable (_ years: [Int], _ panels: [(size: Int, years: [Int])], _ unit: String) -> String
    var lineDescription: @Sendable (_ main: String) -> String
    var barDescription: @Sendable (_ value: String, _ markerReference: Bool, _ reference: String) -> String
    var missing: String
    /// The link under a chart placed in Markdown to its embed page.
    var embedLink: String
}

extension ChartPhrases {
    static let vietnamese = ChartPhrases(
        ranked: { unit, measure, rank, size, year in "\(unit) xếp hạng \(measure.map { $0 + " " } ?? "")\(rank)/\(size) năm \(year)" },
        rankedIncomparable: { year, rank, size in
            "; năm \(year) xếp \(rank)/\(size) (hai bảng xếp hạng có số đơn vị khác nhau nên không so sánh số bậc)"
        },
        rankKept: { ", giữ nguyên thứ hạng so với năm \($0)" },
        rankMoved: { ", \(StatusPhrases.vietnamese.rankChange($0)) so với năm \($1)" },
        rankTitle: { "Thứ hạng DTI của \($0) và các tỉnh \($1 ?? "so sánh")" }, pillarRankTitle: { "Thứ hạng \($0) của \($1)" },
        indexSummary: { "Chỉ số DTI của \($0) năm \($1) là \($2)" },
        comparedWithAverage: { higher, label, average in (higher ? ", cao hơn" : ", thấp hơn") + " \(label.lowercased()) (\(average))" },
        indexTitle: { "Chỉ số DTI của \($0) so với cả nước" }, indexAxis: "Chỉ số DTI (0–1)", valueAxis: "Chỉ số (0–1)",
        pillarAxis: { "\($0) (0–1)" }, average: "Trung bình", best: "Cao nhất", pillar: "Trụ cột",
        profileTitle: { "Các trụ cột của \($0) năm \($1)" },
        profileWithoutAverage: { year, unit, published, label in
            "Năm \(year), \(unit) có giá trị ở \(published) trụ cột; \(label.lowercased()) chưa đủ số liệu"
        },
        profileSummary: { year, unit, label, above, compared in
            "Năm \(year), \(unit) bằng hoặc cao hơn \(label.lowercased()) ở \(above)/\(compared) trụ cột có đủ số liệu để so sánh"
        },
        pillarValueSummary: { "\($0) của \($1) năm \($2) đạt \($3)" }, pillarValueTitle: { "\($0): \($1) so với cả nước" },
        averagePublished: { "công bố" + ($0.map { ": " + $0 } ?? "") }, averageComputed: { "tính từ đủ \($0) đơn vị" },
        rankColumn: { year, size in "Năm \(year)" + (size.map { " (trên \($0))" } ?? "") },
        panelSize: { "trên \($0) đơn vị" }, rankAxis: { $0.map { "Thứ hạng (trên \($0))" } ?? "Thứ hạng" },
        mutedLines: { "Đường mờ: \($0) đơn vị so sánh (xem bảng)" },
        rankDescription: { years, panels, unit in
            ". Biểu đồ thứ hạng theo năm " + years.map(String.init).joined(separator: ", ")
                + (panels.count > 1
                    ? "; số đơn vị xếp hạng thay đổi ("
                        + panels.map { "\($0.years.first!)\($0.years.count > 1 ? "–\($0.years.last!)" : ""): \($0.size) đơn vị" }
                        .joined(separator: "; ") + "), mỗi phần có trục riêng và các đường không nối qua hai nhóm"
                    : "")
                + "; hạng 1 ở trên cùng; đường đậm là \(unit), các đường mờ là các đơn vị so sánh."
        },
        lineDescription: { ". Đường đậm: \($0); đường gạch: giá trị cao nhất; đường chấm: trung bình cả nước." },
        barDescription: { value, marker, reference in
            ". Mỗi dòng một mục; thanh đậm: \(value); " + (marker ? "vạch dọc" : "thanh nhạt") + ": \(reference)."
        },
        missing: "chưa công bố", embedLink: "Nhúng biểu đồ")
}
