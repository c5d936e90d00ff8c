/// A plan or decision of the province or district (Content/van-ban/*.md): "Kế hoạch 2025 …".
struct PlanDocument: Sendable, Hashable {
    var page: MarkdownPage
    /// Official number: "45/KH-UBND".
    var number: String?
    var issued: LocalDate?
    var issuer: String?
    /// Name of the unit the document is about, as in data/units.csv.
    var unit: String?
    /// A few words for tables: "KH 2025".
    var shortTitle: String?
}
