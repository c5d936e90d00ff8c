/// What the search index says of the rows it makes findable: units, communes, tasks, targets, indicators.
struct SearchPhrases: Sendable {
    /// How a unit's level is named: "tỉnh", "huyện", "xã".
    var level: @Sendable (Unit.Level) -> String
    /// A unit's rank in one ranking: "năm 2024: hạng 36/63, chỉ số 0,5764 (63 tỉnh, thành phố)".
    var rankRow: @Sendable (_ year: Int, _ rank: String, _ size: Int, _ index: String?, _ group: String) -> String
    var unitTitle: @Sendable (_ unit: String, _ rank: String, _ size: Int, _ year: Int) -> String
    var unitContext: @Sendable (_ level: String, _ unit: String) -> String
    var unitText: @Sendable (_ unit: String, _ rows: [String]) -> String
    /// "Bảo Yên, tỉnh Lào Cai".
    var communePlace: @Sendable (_ district: String, _ province: String) -> String
    var communeTitle: @Sendable (_ commune: String, _ place: String) -> String
    var communeText: @Sendable (_ commune: String, _ place: String) -> String
    var taskTitle: @Sendable (_ code: String, _ text: String) -> String
    var tasks: String
    var taskText: @Sendable (_ agencies: String, _ deadline: String) -> String
    var targetTitle: @Sendable (_ text: String) -> String
    var targetText: @Sendable (_ agencies: [String]) -> String
    var indicatorTitle: @Sendable (_ code: String, _ name: String) -> String
    var indicators: String
    var indicatorContext: @Sendable (_ code: String, _ pillar: String) -> String
    var indicatorText: @Sendable (_ pillar: String, _ code: String) -> String
}

extension SearchPhrases {
    static let vietnamese = SearchPhrases(
        level: { level in
            switch level {
            case .province: return "tỉnh"
            case .district: return "huyện"
            case .commune: return "xã"
            }
        },
        rankRow: { year, rank, size, index, group in
            "năm \(year): hạng \(rank)/\(size)\(index.map { ", chỉ số " + $0 } ?? "") (\(group))"
        },
        unitTitle: { "\($0): hạng \($1)/\($2) DTI năm \($3)" }, unitContext: { "\($0) \($1) xếp hạng DTI chỉ số chuyển đổi số" },
        unitText: { "Xếp hạng DTI của \($0): " + $1.joined(separator: "; ") },
        communePlace: { $0 + ($1.isEmpty ? "" : ", tỉnh \($1)") },
        communeTitle: { "\($0) (\($1)): định danh điện tử VNeID" },
        communeText: { "Tiến độ thu nhận và kích hoạt định danh điện tử mức 2 của \($0), \($1), so với chỉ tiêu" },
        taskTitle: { "Nhiệm vụ \($0): \($1)" }, tasks: "Nhiệm vụ",
        taskText: { "Chủ trì: \($0.isEmpty ? "—" : $0). Thời hạn: \($1.isEmpty ? "—" : $1)" },
        targetTitle: { "Mục tiêu: \($0)" }, targetText: { $0.isEmpty ? "" : "Cơ quan: " + $0.joined(separator: "; ") },
        indicatorTitle: { "Chỉ tiêu \($0): \($1)" }, indicators: "Chỉ tiêu DTI",
        indicatorContext: { "chỉ tiêu \($0)\n\($1)" }, indicatorText: { "Trụ cột \($0), chỉ tiêu \($1)" })
}
