/// The rankings: /xep-hang/ and a page per year and ranking.
struct RankingPhrases: Sendable {
    var listTitle, listDescription: String
    /// "60/63 đơn vị có số liệu".
    var partial: @Sendable (_ rows: Int, _ size: Int) -> String
    var pageTitle: @Sendable (_ year: Int) -> String
    var pageDescription: @Sendable (_ year: Int, _ group: String) -> String
    var tableTitle: @Sendable (_ year: Int, _ group: String) -> String
    var rankShort, rankBasis, derivedFrom: String
    /// Before the sources of the rows: "số liệu: ".
    var rowSources: String
}

extension RankingPhrases {
    static let vietnamese = RankingPhrases(
        listTitle: "Xếp hạng DTI theo năm", listDescription: "Các bảng xếp hạng Chỉ số chuyển đổi số theo năm",
        partial: { "\($0)/\($1) đơn vị có số liệu" }, pageTitle: { "Xếp hạng DTI năm \($0)" },
        pageDescription: { "Bảng xếp hạng Chỉ số chuyển đổi số năm \($0): \($1)" }, tableTitle: { "Xếp hạng DTI năm \($0): \($1)" },
        rankShort: "Hạng", rankBasis: "Cơ sở hạng", derivedFrom: "Tính từ các tỉnh trước sáp nhập", rowSources: "số liệu: ")
}
