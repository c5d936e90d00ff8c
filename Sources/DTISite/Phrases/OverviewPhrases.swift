/// The overview page and the unit's index by year.
struct OverviewPhrases: Sendable {
    /// Before another ranking of the year: "Năm 2024, " + "trong 34 đơn vị …".
    var inYear: @Sendable (Int) -> String
    var historyTitle: @Sendable (_ unit: String) -> String
    var groupSize, rankBasis, rankChange, leader, leaderIndex: String
}

extension OverviewPhrases {
    static let vietnamese = OverviewPhrases(
        inYear: { "Năm \($0), " }, historyTitle: { "Chỉ số DTI của \($0) qua các năm" },
        groupSize: "Số đơn vị xếp hạng", rankBasis: "Cơ sở hạng", rankChange: "Thay đổi thứ hạng", leader: "Dẫn đầu",
        leaderIndex: "Chỉ số dẫn đầu")
}
