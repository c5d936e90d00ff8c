/// The pillar pages and the list of pillars.
struct PillarPhrases: Sendable {
    var listTitle: String
    var listDescription: @Sendable (_ unit: String) -> String
    var tasksTitle: @Sendable (_ pillar: String) -> String
    var yearsTitle: @Sendable (_ pillar: String, _ unit: String) -> String
    var peersTitle: @Sendable (_ pillar: String, _ year: Int, _ group: String?) -> String
    var indicatorsTitle: @Sendable (_ pillar: String) -> String
    var value, groupSize, best, bestValue, province, nationalRank, indicator, maxPoints, scoringRule: String
    /// Under an indicator list that gives the pillar other points than its maximum: "… chỉ liệt kê 60/100 điểm".
    var listedPoints: @Sendable (_ listed: String, _ maximum: String) -> String
}

extension PillarPhrases {
    static let vietnamese = PillarPhrases(
        listTitle: "Các trụ cột chuyển đổi số", listDescription: { "Các trụ cột của Chỉ số chuyển đổi số (DTI) và kết quả của \($0)" },
        tasksTitle: { "Nhiệm vụ thuộc trụ cột \($0)" }, yearsTitle: { "\($0): \($1) qua các năm" },
        peersTitle: { "\($0) năm \($1): \($2 ?? "nhóm so sánh")" }, indicatorsTitle: { "Các chỉ tiêu của trụ cột \($0)" },
        value: "Giá trị", groupSize: "Số đơn vị", best: "Cao nhất", bestValue: "Giá trị cao nhất", province: "Tỉnh, thành phố",
        nationalRank: "Xếp hạng cả nước", indicator: "Chỉ tiêu", maxPoints: "Điểm tối đa", scoringRule: "Cách tính điểm",
        listedPoints: { "Danh mục trong văn bản chỉ liệt kê \($0)/\($1) điểm" })
}
