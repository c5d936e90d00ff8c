/// A plan or decision of the province or district (Content/van-ban/*.md): "Kế hoạch 2025 …".
public struct PlanDocument: Sendable, Hashable {
    public var page: MarkdownPage
    /// Official number: "45/KH-UBND".
    public var number: String?
    public var issued: LocalDate?
    public var issuer: String?
    /// Name of the unit the document is about, as in data/units.csv.
    public var unit: String?
    /// A few words for tables: "KH 2025".
    public var shortTitle: String?
}
