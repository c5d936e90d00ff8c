/// A pillar of the DTI framework ("Hạ tầng số"), from a Content/tru-cot/*.md page.
/// The list of pillars is data: the framework changed over the years, so nothing assumes eight.
public struct Pillar: Sendable, Hashable {
    /// Also the URL segment and the column name in data/dti.csv: "ha-tang-so".
    public var id: String
    public var title: String
    public var order: Int
    public var maxPoints: Int?
    public var summary: String
    public var source: MarkdownPage
    /// Years of the framework the pillar belongs to ("An toàn thông tin mạng" has not always been one).
    public var fromYear: Int? = nil
    public var untilYear: Int? = nil

    public func applies(in year: Int) -> Bool {
        (fromYear.map { year >= $0 } ?? true) && (untilYear.map { year <= $0 } ?? true)
    }
}
